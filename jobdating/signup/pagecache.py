"""A micro-cache of the public pages every anonymous visitor sees the same way (the candidate sign-up form).

On the busiest morning, hundreds of people open the sign-up form at once; rendering it (every employer and
offer in the wish picker) is most of the server's work for a sign-up. The page only differs between visitors
by their CSRF token, so each process keeps the page it rendered last, per event and language, for
`PUBLIC_PAGE_CACHE_SECONDS`, and serves it again with the visitor's own token in place of the one it was
rendered with. An employer who registers appears on the form within that many seconds; an organizer logged
in, a visitor with a message to show, a form sent back with errors are always rendered afresh.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Hashable
from dataclasses import dataclass

from flask import current_app, request, session
from flask_login import current_user
from flask_wtf.csrf import generate_csrf


@dataclass(frozen=True)
class _Page:
    html: str
    token: str          # the CSRF token the page was rendered with ("" when CSRF is off)
    at: float


_lock = threading.Lock()


def _pages() -> dict[Hashable, _Page]:
    """This app's cached pages (each app its own: tests make many apps in one process)."""
    return current_app.extensions.setdefault("jobdating_page_cache", {})


def _cacheable() -> bool:
    """Only a plain GET by an anonymous visitor with nothing to be told (no flashed message)."""
    return (request.method == "GET" and not current_user.is_authenticated and "_flashes" not in session
            and set(request.args) <= {"lang"})


def _token() -> str:
    return generate_csrf() if current_app.config.get("WTF_CSRF_ENABLED", True) else ""


def cached(key: Hashable) -> str | None:
    """The page of `key` rendered less than PUBLIC_PAGE_CACHE_SECONDS ago in this process, with this visitor's
    CSRF token; None when there is none or this request must be rendered afresh. Looked up before anything is
    read from the database: a visitor served from here costs no query."""
    seconds = current_app.config.get("PUBLIC_PAGE_CACHE_SECONDS", 0)
    if seconds <= 0 or not _cacheable():
        return None
    with _lock:
        page = _pages().get(key)
    if page is None or time.monotonic() - page.at >= seconds:
        return None
    return page.html.replace(page.token, _token()) if page.token else page.html


def remember(key: Hashable, html: str) -> str:
    """Keep the page of `key` (say, the event and the language) just rendered for this request, for the next
    visitors of the next PUBLIC_PAGE_CACHE_SECONDS (when this request may share it); returns it."""
    if current_app.config.get("PUBLIC_PAGE_CACHE_SECONDS", 0) > 0 and _cacheable():
        with _lock:
            _pages()[key] = _Page(html, _token(), time.monotonic())
    return html


def forget() -> None:
    """Drop every cached page (tests; an organizer's change that must show at once)."""
    with _lock:
        _pages().clear()
