"""The state of the day at the desk: who is present, late, a no-show or waiting, and the live board."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from jobdating.core.models import Candidate, Employer, Event, Interview
from jobdating.core.times import hhmm
from jobdating.extensions import db

LATE_MINUTES = 15

PRESENT, LATE, NO_SHOW, EXPECTED, WAITING, UNPLANNED = (
    "present", "late", "no_show", "expected", "waiting", "unplanned")

STATUSES = (PRESENT, WAITING, LATE, NO_SHOW, EXPECTED, UNPLANNED)

class DayError(ValueError):
    """A desk action refused, message in French."""

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
    if (isinstance(person, Candidate) and person.absent_at is not None) or person.declined_at is not None:
        return NO_SHOW  # declared absent at the desk, or said they would not come
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
    if person.declined_at is not None:
        name += " " + _("(a prévenu : ne viendra pas)")
    elif person.confirmed_at is not None and person.arrived_at is None:
        name += " " + _("(a confirmé)")
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
