"""Who may open what: one check per blueprint, and every route declared public, token-protected or organizer-only.

`protect(bp, ...)` is called once where a blueprint is created. Organizer routes need a logged-in organizer;
their `<event_id>` is turned into `g.event` before the view runs, and the organizer's role in that event
(`g.role`) must reach the route's: front desk for the desk's routes, owner for the team, organizer for the
rest (a platform admin is the owner of every event). Somebody outside the event gets a 404, a member with too
low a role a 403. Token routes check their token in the view (a wrong token is a 404).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from flask import Blueprint, abort, g, request
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import select

from jobdating.core import lookup
from jobdating.core.models import Event, Membership, Organizer, Role
from jobdating.extensions import db, login_manager

PUBLIC, TOKEN, ORGANIZER = "public", "token", "organizer"
_KINDS: dict[str, Callable[[str], str]] = {}  # blueprint name -> the access of one of its endpoints
_ROLES: dict[str, Callable[[str], Role]] = {}  # blueprint name -> the role one of its organizer routes needs


def event_or_404(event_id: int) -> Event:
    return lookup.event_by_id(event_id) or abort(404)


def role_of(organizer: Organizer, event: Event) -> Role | None:
    """The organizer's role in the event; None for somebody outside its team."""
    if organizer.is_admin:
        return Role.OWNER
    role: Role | None = db.session.scalar(select(Membership.role).where(
        Membership.event_id == event.id, Membership.organizer_id == organizer.id))
    return role


def protect(bp: Blueprint, default: str, *, public: Iterable[str] = (), token: Iterable[str] = (),
            organizer: Iterable[str] = (), desk: Iterable[str] = (), owner: Iterable[str] = (),
            admin: Iterable[str] = ()) -> None:
    """Declare the access of every view of `bp`: `default`, except the endpoints named in the other lists.

    Organizer routes need the organizer role in their event, except `desk` ones (front desk is enough) and
    `owner` ones; `admin` routes are for platform admins.
    """
    exceptions = {name: PUBLIC for name in public} | {name: TOKEN for name in token}
    exceptions |= {name: ORGANIZER for name in (*organizer, *desk, *owner, *admin)}
    roles = {name: Role.FRONTDESK for name in desk} | {name: Role.OWNER for name in owner}
    admins = set(admin)

    def kind_of(endpoint: str) -> str:
        return exceptions.get(endpoint.rsplit(".", 1)[-1], default)

    def role_needed(endpoint: str) -> Role:
        return roles.get(endpoint.rsplit(".", 1)[-1], Role.ORGANIZER)

    _KINDS[bp.name] = kind_of
    _ROLES[bp.name] = role_needed

    @bp.before_request
    def check() -> ResponseReturnValue | None:
        if request.endpoint is None or kind_of(request.endpoint) != ORGANIZER:
            return None
        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        if request.endpoint.rsplit(".", 1)[-1] in admins and not current_user.is_admin:
            abort(403)
        if request.view_args is not None and "event_id" in request.view_args:
            event = event_or_404(request.view_args.pop("event_id"))
            role = role_of(current_user, event)
            if role is None:
                abort(404)
            if role.rank < role_needed(request.endpoint).rank:
                abort(403)
            g.event, g.role = event, role
        return None


def route_access(endpoint: str) -> str | None:
    """PUBLIC, TOKEN or ORGANIZER for a route's endpoint; None when its blueprint declared nothing."""
    blueprint, _, _name = endpoint.rpartition(".")
    kind_of = _KINDS.get(blueprint)
    return kind_of(endpoint) if kind_of is not None else None


def route_role(endpoint: str) -> Role:
    """The role an organizer route needs in its event."""
    blueprint, _, _name = endpoint.rpartition(".")
    role_needed = _ROLES.get(blueprint)
    return role_needed(endpoint) if role_needed is not None else Role.ORGANIZER
