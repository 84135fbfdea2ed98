"""Plain frozen dataclasses: the contract between the database side and the PDF renderers."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Slot:
    """One interview slot of the day (half-open window start..end)."""

    start: dt.time
    end: dt.time


@dataclass(frozen=True)
class Break:
    """A global break of the event, e.g. lunch; nobody is interviewed during it."""

    start: dt.time
    end: dt.time
    label: str = "Pause"


@dataclass(frozen=True)
class RoomTable:
    """One table of the room, at (row, column) of the room grid; row 0 is the row nearest the entrance."""

    number: int
    company: str
    row: int
    column: int


@dataclass(frozen=True)
class EventInfo:
    """What every document prints about the event; slots and breaks drive the sheets and the grid."""

    name: str
    date: dt.date
    venue: str = ""
    slots: tuple[Slot, ...] = ()
    breaks: tuple[Break, ...] = ()
    room: tuple[RoomTable, ...] = ()
    # How long before their first interview candidates are asked to come.
    arrive_minutes_before: int = 15


@dataclass(frozen=True)
class CandidateBadge:
    first_name: str
    last_name: str
    checkin_url: str


@dataclass(frozen=True)
class EmployerBadge:
    """A recruiter's badge; a blank one leaves a line to write the name on (a recruiter who was not announced)."""

    contact_name: str
    company: str
    tables: tuple[int, ...] = ()
    blank: bool = False


@dataclass(frozen=True)
class CandidateInterview:
    """One line of a candidate's day plan."""

    start: dt.time
    end: dt.time
    company: str
    offer: str
    table: int


@dataclass(frozen=True)
class CandidatePlan:
    first_name: str
    last_name: str
    interviews: tuple[CandidateInterview, ...] = ()
    # Printed on the day: whether the person is already checked in, and the time of printing (None before the
    # day), so that the arrival line never asks somebody inside, or somebody due now, to come at a past time.
    checked_in: bool = False
    printed_at: dt.time | None = None


@dataclass(frozen=True)
class EmployerInterview:
    """One interview held at an employer's table."""

    start: dt.time
    end: dt.time
    candidate_name: str
    situation: str = ""
    offer: str = ""


@dataclass(frozen=True)
class EmployerSheet:
    """The day of one employer table; slots without an interview print as free, inside the presence window."""

    company: str
    table: int
    contact_name: str = ""
    interviews: tuple[EmployerInterview, ...] = ()
    # Presence window at this table; None means from the first slot / until the last one.
    present_from: dt.time | None = None
    present_until: dt.time | None = None


@dataclass(frozen=True)
class TableSign:
    company: str
    table: int
    offers: tuple[str, ...] = field(default=())


def room_in_rows(tables: list[tuple[int, str]], rows: int) -> tuple[RoomTable, ...]:
    """Lay (number, company) tables out in `rows` rows, filled row by row in table-number order."""
    ordered = sorted(tables)
    rows = max(1, min(rows, len(ordered) or 1))
    per_row = -(-len(ordered) // rows)
    return tuple(
        RoomTable(number, company, index // per_row, index % per_row)
        for index, (number, company) in enumerate(ordered)
    )


@dataclass(frozen=True)
class ShortlistEntry:
    """One candidate an employer met, with what the employer recorded at the table."""

    candidate_name: str
    start: dt.time
    rating: int | None = None        # 1-4
    next_step: str = ""              # already in words ("Second entretien")
    notes: str = ""
    email: str = ""
    phone: str = ""
    absent: bool = False


@dataclass(frozen=True)
class Shortlist:
    company: str
    entries: tuple[ShortlistEntry, ...] = ()
