"""Reminders: the day before and a few hours before an event (each optional, per event), every person with a
published plan gets their plan and two links, *Je confirme* and *Je ne pourrai pas venir*. The periodic job
queues them through the outbox; a unique row per person and kind makes each go exactly once."""
from __future__ import annotations

import datetime as dt

from flask import current_app, render_template
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from jobdating.core import outbox
from jobdating.core.keys import people_with_keys, person_by_key
from jobdating.core.mail import private_url
from jobdating.core.models import Candidate, Event, OutboxMail, ReminderSent
from jobdating.core.people import is_real_email
from jobdating.core.times import to_utc, utcnow
from jobdating.extensions import db

DAY, HOURS = "day", "hours"


def due_kinds(event: Event, now: dt.datetime) -> list[str]:
    """Which reminders of `event` are due at `now` (before the event starts only)."""
    start = to_utc(dt.datetime.combine(event.date, event.start_time))
    if now >= start:
        return []
    kinds = []
    if event.reminder_day_before and now >= start - dt.timedelta(hours=24):
        kinds.append(DAY)
    if event.reminder_hours_before and now >= start - dt.timedelta(hours=event.reminder_hours_before):
        kinds.append(HOURS)
    return kinds


def send_due(now: dt.datetime | None = None) -> int:
    """The periodic job: queue the reminders that are due and not sent yet; returns how many were queued."""
    now = now or utcnow()
    queued = 0
    events = db.session.scalars(select(Event).where(Event.published_at.is_not(None), Event.purged_at.is_(None)))
    for event in list(events):
        for kind in due_kinds(event, now):
            queued += _queue(event, kind)
    return queued


def _queue(event: Event, kind: str) -> int:
    done = set(db.session.scalars(select(ReminderSent.person_key).where(ReminderSent.event_id == event.id,
                                                                        ReminderSent.kind == kind)))
    published = event.published_plan or {}
    people = [(person, key) for person, key in people_with_keys(event) if person.declined_at is None]
    count = 0
    for person, key in people:
        if key in done or not published.get(key) or not is_real_email(person.email):
            continue
        db.session.add(ReminderSent(event_id=event.id, person_key=key, kind=kind))
        outbox.queue(person.email, kind="reminder", event_id=event.id, person_key=key, payload={"when": kind})
        count += 1
    try:
        db.session.commit()
    except IntegrityError:  # another process queued them at the same moment: theirs go, not ours
        db.session.rollback()
        return 0
    return count


def render_reminder(mail: OutboxMail) -> outbox.Content | None:
    """The reminder as it leaves: the person's plan as published now, and the two links."""
    key = mail.person_key or ""
    person = person_by_key(key)
    if person is None or person.declined_at is not None:
        return None
    event = person.event
    rows = (event.published_plan or {}).get(key, [])
    if not rows:
        return None
    is_candidate = isinstance(person, Candidate)
    venue = private_url("candidate.candidate_venue" if is_candidate else "employer.employer_venue", person.token)
    with force_locale(current_app.config.get("BABEL_DEFAULT_LOCALE", "fr")):
        subject = (_("Demain : votre planning — %(event)s", event=event.name) if mail.payload.get("when") == DAY
                   else _("Tout à l'heure : votre planning — %(event)s", event=event.name))
        text = render_template("organizer/mail/reminder.txt", person=person, event=event, rows=rows,
                               is_candidate=is_candidate, confirm=venue, cancel=venue + "#cannot-come")
    return outbox.Content(subject, text)


outbox.kinds["reminder"] = outbox.Kind(render_reminder)
