"""iCalendar files of a person's plan: one entry per interview with a UID that names the interview (its
candidate and employer), so that a moved interview updates the same calendar entry, and CANCEL entries for the
interviews a new version removed."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from jobdating.core.models import Event


def uid(event: Event, row: dict[str, Any]) -> str:
    """The interview's calendar identity: the event and the pair (stable when the time or the table change)."""
    host = urlsplit(current_app.config.get("PUBLIC_BASE_URL") or "").hostname or "jobdating"
    ref = row.get("ref") or f"{row['table']}-{row['start']}"  # plans published before references existed
    return f"jobdating-{event.id}-{ref}@{host}"


def _entry(event: Event, row: dict[str, Any], *, for_candidate: bool, sequence: int) -> CalendarEvent:
    zone = ZoneInfo(current_app.config.get("TIMEZONE", "Europe/Paris"))
    entry = CalendarEvent()
    start = dt.datetime.combine(event.date, dt.time.fromisoformat(row["start"]), tzinfo=zone)
    end = dt.datetime.combine(event.date, dt.time.fromisoformat(row["end"]), tzinfo=zone)
    who = row["company"] if for_candidate else row["candidate"]
    entry.add("uid", uid(event, row))
    entry.add("sequence", sequence)
    entry.add("dtstamp", dt.datetime.now(dt.UTC))
    entry.add("dtstart", start.astimezone(dt.UTC))
    entry.add("dtend", end.astimezone(dt.UTC))
    entry.add("summary", _("Entretien — %(who)s", who=who))
    entry.add("location", f"{event.venue}, table {row['table']}".strip(", "))
    if row.get("offers"):
        entry.add("description", ", ".join(row["offers"]))
    return entry


def calendar(event: Event, rows: Iterable[dict[str, Any]], *, for_candidate: bool, sequence: int = 0,
             method: str = "PUBLISH") -> bytes:
    """The interviews as a calendar (times in UTC, so that every calendar reads them right); with
    method="CANCEL", the same entries cancelled."""
    cal = Calendar()
    cal.add("prodid", "-//Job dating//planning//FR")
    cal.add("version", "2.0")
    cal.add("method", method)
    with force_locale(current_app.config.get("BABEL_DEFAULT_LOCALE", "fr")):
        for row in rows:
            entry = _entry(event, row, for_candidate=for_candidate, sequence=sequence)
            if method == "CANCEL":
                entry.add("status", "CANCELLED")
            cal.add_component(entry)
    return cal.to_ical()
