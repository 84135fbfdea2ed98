"""Who may open what: one check per blueprint, and every route declared public, token-protected or organizer-only.

`protect(bp, ...)` is called once where a blueprint is created. Organizer routes need a logged-in organizer;
their `<event_id>` is turned into `g.event` (404 when unknown) before the view runs, so views take the event
from `g` and never look it up themselves. Token routes check their token in the view (a wrong token is a 404).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from flask import Blueprint, abort, g, request
from flask.typing import ResponseReturnValue
from flask_login import current_user

from jobdating.core import lookup
from jobdating.core.models import Event
from jobdating.extensions import login_manager

PUBLIC, TOKEN, ORGANIZER = "public", "token", "organizer"
_KINDS: dict[str, Callable[[str], str]] = {}  # blueprint name -> the access of one of its endpoints


def event_or_404(event_id: int) -> Event:
    return lookup.event_by_id(event_id) or abort(404)


def protect(bp: Blueprint, default: str, *, public: Iterable[str] = (), token: Iterable[str] = (),
            organizer: Iterable[str] = ()) -> None:
    """Declare the access of every view of `bp`: `default`, except the endpoints named in the other lists."""
    exceptions = {name: PUBLIC for name in public} | {name: TOKEN for name in token}
    exceptions |= {name: ORGANIZER for name in organizer}

    def kind_of(endpoint: str) -> str:
        return exceptions.get(endpoint.rsplit(".", 1)[-1], default)

    _KINDS[bp.name] = kind_of

    @bp.before_request
    def check() -> ResponseReturnValue | None:
        if request.endpoint is None or kind_of(request.endpoint) != ORGANIZER:
            return None
        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        if request.view_args is not None and "event_id" in request.view_args:
            g.event = event_or_404(request.view_args.pop("event_id"))
        return None


def route_access(endpoint: str) -> str | None:
    """PUBLIC, TOKEN or ORGANIZER for a route's endpoint; None when its blueprint declared nothing."""
    blueprint, _, _name = endpoint.rpartition(".")
    kind_of = _KINDS.get(blueprint)
    return kind_of(endpoint) if kind_of is not None else None
