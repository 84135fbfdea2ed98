"""A person's published plan as a calendar feed: the same UIDs as the emailed calendars, the latest version's
number as SEQUENCE, so that a subscribed calendar follows every new version."""
from __future__ import annotations

from typing import Any

from flask import Response
from sqlalchemy import func, select

from jobdating.core.calendars import calendar
from jobdating.core.mail import absolute_url
from jobdating.core.models import Event, Publication
from jobdating.extensions import db


def response(event: Event, rows: list[dict[str, Any]], *, for_candidate: bool) -> Response:
    version = db.session.scalar(select(func.max(Publication.number)).where(Publication.event_id == event.id)) or 0
    data = calendar(event, rows, for_candidate=for_candidate, sequence=version)
    return Response(data, mimetype="text/calendar", headers={
        "Content-Disposition": f'inline; filename="{event.slug}.ics"', "Cache-Control": "private, no-store"})


def webcal(endpoint: str, token: str) -> str:
    """The subscription address of a feed (webcal://…, which calendar apps open as a subscription)."""
    url = absolute_url(endpoint, token=token)
    return "webcal://" + url.split("://", 1)[1]
