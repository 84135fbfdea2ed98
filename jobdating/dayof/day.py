"""On the day: the desk's clock, who is late or a no-show, walk-ins, no-shows and employers leaving early."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from jobdating.core import accounts
from jobdating.core.models import Candidate, CheckIn, Employer, Event, Interview, Organizer
from jobdating.core.people import placeholder_email
from jobdating.core.times import hhmm, minutes, minutes_of
from jobdating.extensions import db
from jobdating.signup import registration

LATE_MINUTES = 15

PRESENT, LATE, NO_SHOW, EXPECTED, WAITING, UNPLANNED = (
    "present", "late", "no_show", "expected", "waiting", "unplanned")
STATUSES = (PRESENT, WAITING, LATE, NO_SHOW, EXPECTED, UNPLANNED)


class DayError(ValueError):
    """A desk action refused, message in French."""


def now() -> dt.datetime:
    """Local wall-clock time of the event; tests and demos inject a clock with FRONTDESK_CLOCK."""
    clock = current_app.config.get("FRONTDESK_CLOCK")
    if clock is not None:
        return clock()
    zone = ZoneInfo(current_app.config.get("BABEL_DEFAULT_TIMEZONE", "Europe/Paris"))
    return dt.datetime.now(zone).replace(tzinfo=None)


def at(event: Event, time: dt.time) -> dt.datetime:
    return dt.datetime.combine(event.date, time)


def has_started(event: Event, interview: Interview, when: dt.datetime) -> bool:
    return at(event, interview.start) <= when


def status(event: Event, person: Candidate | Employer, when: dt.datetime) -> str:
    """Where a person stands at `when`.

    PRESENT: arrived; WAITING: arrived (or registered at the door) with no interview yet, the waiting list;
    NO_SHOW: not arrived and declared absent, or one of their interviews has started; LATE: not arrived and
    the first interview starts in less than 15 minutes; EXPECTED: not arrived, first interview later;
    UNPLANNED: not arrived and no interview (nobody waits for them).
    """
    interviews = person.interviews
    if person.arrived_at is not None:
        return PRESENT if interviews else WAITING
    if isinstance(person, Candidate) and person.absent_at is not None:
        return NO_SHOW
    if not interviews:
        return UNPLANNED
    first = at(event, min(i.start for i in interviews))
    if first <= when:
        return NO_SHOW
    if first - when < dt.timedelta(minutes=LATE_MINUTES):
        return LATE
    return EXPECTED


def next_interview(person: Candidate | Employer, when: dt.datetime) -> Interview | None:
    """The first interview that has not ended yet."""
    event = person.event
    coming = [i for i in person.interviews if at(event, i.end) > when]
    return min(coming, key=lambda i: (i.start, i.table), default=None)


@dataclass
class BoardLine:
    id: int
    name: str
    first: str = ""
    table: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "first": self.first, "table": self.table}


@dataclass
class Board:
    """The live board: people by status, candidates and employers apart."""

    now: dt.datetime
    candidates: dict[str, list[BoardLine]] = field(default_factory=dict)
    employers: dict[str, list[BoardLine]] = field(default_factory=dict)

    def counts(self) -> dict[str, dict[str, int]]:
        return {"candidates": {k: len(v) for k, v in self.candidates.items()},
                "employers": {k: len(v) for k, v in self.employers.items()}}

    def as_dict(self) -> dict[str, Any]:
        return {"now": self.now.strftime("%H:%M"), "counts": self.counts(),
                "candidates": {k: [line.as_dict() for line in v] for k, v in self.candidates.items()},
                "employers": {k: [line.as_dict() for line in v] for k, v in self.employers.items()}}


def _line(person: Candidate | Employer, when: dt.datetime) -> BoardLine:
    name = person.display_name
    interviews = sorted(person.interviews, key=lambda i: i.start)
    coming = next_interview(person, when) or (interviews[0] if interviews else None)
    if coming is None:
        return BoardLine(person.id, name)
    table = coming.room_table
    first = hhmm(interviews[0].start)
    detail = coming.employer.company if isinstance(person, Candidate) else ""
    return BoardLine(person.id, name, first, f"{table} {detail}".strip())


def board(event: Event, when: dt.datetime) -> Board:
    result = Board(when, {k: [] for k in STATUSES}, {k: [] for k in STATUSES})
    # Everybody with their interviews in three queries instead of one per person.
    candidates = db.session.scalars(
        select(Candidate).where(Candidate.event_id == event.id)
        .options(selectinload(Candidate.interviews).joinedload(Interview.employer)))
    for candidate in candidates:
        result.candidates[status(event, candidate, when)].append(_line(candidate, when))
    employers = db.session.scalars(select(Employer).where(Employer.event_id == event.id)
                                   .options(selectinload(Employer.interviews)))
    for employer in employers:
        result.employers[status(event, employer, when)].append(_line(employer, when))
    for lines in list(result.candidates.values()) + list(result.employers.values()):
        lines.sort(key=lambda line: (line.first or "99:99", line.name.casefold()))
    return result


def mark_no_show(event: Event, candidate: Candidate, organizer: Organizer | None,
                 when: dt.datetime | None = None) -> int:
    """The desk declares a candidate absent: their interviews not yet held will be freed by the next re-plan."""
    if candidate.event_id != event.id:
        raise DayError(_("Cette personne n'est pas inscrite à cet événement."))
    if candidate.arrived_at is not None:
        raise DayError(_("%(name)s est déjà arrivé·e : impossible de le ou la déclarer absent·e.",
                         name=candidate.full_name))
    candidate.absent_at = candidate.absent_at or when or now()
    count = 0
    for interview in candidate.interviews:
        if interview.outcome is None:
            interview.checkin = CheckIn.ABSENT
            count += 1
    accounts.record("jour.absent", f"{candidate.full_name} déclaré·e absent·e ({count} entretiens)",
                    organizer=organizer, event_id=event.id, commit=False)
    db.session.commit()
    return count


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
    candidate.arrived_at = when
    accounts.record("jour.sur_place", f"Inscription sur place : {candidate.full_name}",
                    organizer=organizer, event_id=event.id, commit=False)
    db.session.commit()
    return candidate



def set_departure(event: Event, employer: Employer, leave_at: dt.time, organizer: Organizer | None) -> list:
    """An employer leaves early: its availability ends at `leave_at`; the next re-plan frees its later slots."""
    if employer.event_id != event.id:
        raise DayError(_("Cet employeur n'appartient pas à cet événement."))
    leave = minutes(leave_at)
    if not minutes(event.start_time) < leave <= minutes(event.end_time):
        raise DayError(_("Choisissez une heure de départ entre %(start)s et %(end)s.",
                         start=hhmm(event.start_time), end=hhmm(event.end_time)))
    windows = employer.available or [[hhmm(event.start_time), hhmm(event.end_time)]]
    kept = [[a, b if minutes_of(b) <= leave else hhmm(leave_at)] for a, b in windows if minutes_of(a) < leave]
    if not kept:
        raise DayError(_("%(company)s n'est présent qu'après %(time)s : rien à raccourcir.",
                         company=employer.company, time=hhmm(leave_at)))
    employer.available = kept
    accounts.record("jour.depart", f"{employer.company} part à {hhmm(leave_at)}", organizer=organizer,
                    event_id=event.id, commit=False)
    db.session.commit()
    return kept
