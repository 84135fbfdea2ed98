"""Publishing the plan: private pages show it, each person gets it by email with an .ics calendar file."""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from flask import current_app, render_template
from flask_babel import force_locale
from flask_babel import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from jobdating.core import accounts, tasks
from jobdating.core.mail import private_url, send_mail
from jobdating.core.models import Candidate, Employer, Event, EventStatus, Organizer
from jobdating.core.plans import digest, plan_rows
from jobdating.core.times import utcnow
from jobdating.extensions import db
from jobdating.planning.scheduling import active_run

log = logging.getLogger(__name__)


class PublishError(ValueError):
    """Publication refused, message in French."""


@dataclass
class Publication:
    candidates_mailed: int = 0
    employers_mailed: int = 0
    unchanged: int = 0
    failed: int = 0


def calendar(event: Event, rows: list[dict], *, for_candidate: bool) -> bytes:
    """An iCalendar file with one entry per interview (times in UTC, so every calendar reads them right)."""
    zone = ZoneInfo(current_app.config.get("BABEL_DEFAULT_TIMEZONE", "Europe/Paris"))
    cal = Calendar()
    cal.add("prodid", "-//Job dating//planning//FR")
    cal.add("version", "2.0")
    for n, row in enumerate(rows):
        entry = CalendarEvent()
        start = dt.datetime.combine(event.date, dt.time.fromisoformat(row["start"]), tzinfo=zone)
        end = dt.datetime.combine(event.date, dt.time.fromisoformat(row["end"]), tzinfo=zone)
        who = row["company"] if for_candidate else row["candidate"]
        entry.add("uid", f"jobdating-{event.id}-{row['table']}-{row['start']}-{n}@jobdating")
        entry.add("dtstamp", dt.datetime.now(dt.UTC))
        entry.add("dtstart", start.astimezone(dt.UTC))
        entry.add("dtend", end.astimezone(dt.UTC))
        entry.add("summary", _("Entretien — %(who)s", who=who))
        entry.add("location", f"{event.venue}, table {row['table']}".strip(", "))
        if row["offers"]:
            entry.add("description", ", ".join(row["offers"]))
        cal.add_component(entry)
    return cal.to_ical()


def _send_plan(person: Candidate | Employer, rows: list[dict], republished: bool) -> bool:
    is_candidate = isinstance(person, Candidate)
    event = person.event
    with force_locale(current_app.config.get("BABEL_DEFAULT_LOCALE", "fr")):
        context = dict(person=person, event=event, rows=rows, is_candidate=is_candidate, republished=republished,
                       link=private_url("candidate.home" if is_candidate else "employer.home", person.token))
        subject = (_("Votre planning a changé — %(event)s", event=event.name) if republished
                   else _("Votre planning — %(event)s", event=event.name))
        text = render_template("organizer/mail/plan.txt", **context)
        ics = calendar(event, rows, for_candidate=is_candidate) if rows else None
    try:
        send_mail(person.email, subject, text,
                  attachments=[("planning.ics", "text/calendar", ics)] if ics else ())
        return True
    except Exception:  # one bad address must not stop the others
        log.exception("could not send the plan to %s", person.email)
        return False


def publish(event: Event, organizer: Organizer | None, *, background: bool = False) -> Publication:
    """Publish the current plan; emails only the people whose plan differs from what they were last sent.

    The private pages show the new plan at once; with `background`, the emails leave from a background job
    (a few hundred emails with calendars take seconds) and a failed one is retried at the next publication.
    """
    if not event.interviews:
        raise PublishError(_("Il n'y a pas encore de planning à publier."))
    if active_run(event) is not None:
        raise PublishError(_("Un calcul de planning est en cours : attendez qu'il se termine pour publier."))
    rows = plan_rows(event)
    republished = event.published_at is not None
    result = Publication()
    changed = []
    for person, key in [(c, f"C{c.id}") for c in event.candidates] + [(e, f"E{e.id}") for e in event.employers]:
        fingerprint = digest(rows.get(key, []))
        if fingerprint == person.plan_digest:
            result.unchanged += 1
            continue
        changed.append((key, republished and person.plan_digest is not None))
        person.plan_digest = fingerprint
        if isinstance(person, Candidate):
            result.candidates_mailed += 1
        else:
            result.employers_mailed += 1
    event.published_plan = rows
    event.published_at = utcnow()
    event.status = EventStatus.PUBLISHED
    accounts.record("planning.publish",
                    f"Planning publié : {result.candidates_mailed} candidats et {result.employers_mailed} "
                    f"employeurs à prévenir, {result.unchanged} inchangés", organizer=organizer,
                    event_id=event.id, commit=False)
    db.session.commit()
    if background:
        tasks.enqueue(send_plans, event.id, changed)
    else:
        result.failed = send_plans(event.id, changed)
    return result


def send_plans(event_id: int, people: list[tuple[str, bool]]) -> int:
    """Email each person ('C12', changed?) their published plan; returns how many could not be sent."""
    event = db.session.get(Event, event_id)
    if event is None:  # deleted since the publication: nobody left to write to
        return 0
    rows = event.published_plan or {}
    failed = 0
    for key, changed in people:
        person: Candidate | Employer | None = (db.session.get(Candidate, int(key[1:])) if key.startswith("C")
                                               else db.session.get(Employer, int(key[1:])))
        if person is None:
            continue
        if not _send_plan(person, rows.get(key, []), changed):
            person.plan_digest = None  # so that the next publication tries again
            failed += 1
    db.session.commit()
    return failed
