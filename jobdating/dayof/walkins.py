"""Walk-ins: people who register at the door, already arrived, on the waiting list until the next re-plan."""
from __future__ import annotations

import datetime as dt

from flask_babel import gettext as _

from jobdating.core import accounts
from jobdating.core.models import Candidate, Event, Organizer
from jobdating.core.people import placeholder_email
from jobdating.core.times import hhmm, to_utc
from jobdating.dayof.presence import DayError
from jobdating.extensions import db
from jobdating.signup import registration


def _window_start(event: Event, when: dt.datetime) -> list[list[str]]:
    """From now (rounded up to the minute) to the end of the day; [] (the whole day) before the start."""
    if when.date() < event.date or when.time() <= event.start_time:
        return []
    if when.date() > event.date or when.time() >= event.end_time:
        raise DayError(_("La journée est terminée : plus d'inscription sur place possible."))
    start = (when + dt.timedelta(seconds=59)).replace(second=0, microsecond=0).time()
    if start >= event.end_time:
        raise DayError(_("La journée est terminée : plus d'inscription sur place possible."))
    return [[hhmm(start), hhmm(event.end_time)]]

def register_walk_in(event: Event, *, first_name: str, last_name: str, email: str = "", phone: str = "",
                     wishes: list[str], organizer: Organizer | None, when: dt.datetime) -> Candidate:
    """Register a person at the door: available from now on, already arrived, on the waiting list until the
    next re-plan gives them interviews. Reuses the sign-up rules (wishes, duplicate email)."""
    email, phone = (email or "").strip(), (phone or "").strip()
    if not email and not phone:
        raise registration.RegistrationError(_("Indiquez un téléphone ou une adresse e-mail."), "email")
    available = _window_start(event, when)
    candidate = registration.register_candidate(
        event, wishes=[w for w in wishes if w], available=available, consent=True, check_open=False,
        notify=bool(email), first_name=first_name, last_name=last_name, phone=phone, walk_in=True,
        email=email or placeholder_email())
    candidate.arrived_at = to_utc(when)
    accounts.record("jour.sur_place", f"Inscription sur place : {candidate.full_name}",
                    organizer=organizer, event_id=event.id, commit=False)
    db.session.commit()
    return candidate
