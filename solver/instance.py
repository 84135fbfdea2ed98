"""Frozen dataclasses of instances and schedules (docs/formats.md), the input error, and "HH:MM" times.

Reading and checking instances: reading.py; writing them and schedules as JSON: jsonio.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

INSTANCE_FORMAT = "jobdating-instance/1"
SCHEDULE_FORMAT = "jobdating-schedule/1"
REASONS = ("rejected", "no_common_time", "employer_full", "candidate_full", "traded_off")
PRIORITIES = ("fairness", "first_choices")      # event.priority: the first is the default
DROP_REASONS = ("candidate_left", "employer_left", "not_wished", "no_common_time", "traded_off")

Window = tuple[str, str]


class InstanceError(ValueError):
    """Bad input: the message names the offending entry (`entry` holds it too)."""

    def __init__(self, message: str, entry: str = ""):
        super().__init__(message)
        self.entry = entry


@dataclass(frozen=True)
class Event:
    start: str
    end: str
    slot_minutes: int
    name: str = ""
    date: str = ""
    breaks: tuple[Window, ...] = ()
    min_gap_slots: int = 0
    max_interviews_per_candidate: int | None = None
    priority: str = "fairness"      # the organizer's trade-off: "fairness" or "first_choices" (objective.py)


@dataclass(frozen=True)
class Offer:
    id: str
    title: str = ""
    tables: tuple[int, ...] | None = None


@dataclass(frozen=True)
class Employer:
    id: str
    name: str = ""
    tables: int = 1
    available: tuple[Window, ...] = ()
    preferred: tuple[Window, ...] = ()
    max_interviews: int | None = None
    max_consecutive: int | None = None
    offers: tuple[Offer, ...] = ()
    rejects: tuple[str, ...] = ()
    favorites: tuple[str, ...] = ()


@dataclass(frozen=True)
class Candidate:
    id: str
    name: str = ""
    available: tuple[Window, ...] = ()
    wishes: tuple[str, ...] = ()
    max_interviews: int | None = None


@dataclass(frozen=True)
class Interview:
    candidate: str
    employer: str
    table: int
    start: str
    end: str
    offers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Instance:
    event: Event
    employers: tuple[Employer, ...] = ()
    candidates: tuple[Candidate, ...] = ()
    locked: tuple[Interview, ...] = ()
    previous: tuple[Interview, ...] = ()
    now: str | None = None


@dataclass(frozen=True)
class Unmet:
    candidate: str
    wish: str
    reason: str


@dataclass(frozen=True)
class Dropped:
    """A `locked` or `previous` interview whose meeting the plan does not hold, and why (DROP_REASONS)."""
    interview: Interview
    source: str                 # "locked" or "previous"
    reason: str


@dataclass(frozen=True)
class Schedule:
    interviews: tuple[Interview, ...] = ()
    unmet: tuple[Unmet, ...] = ()
    stats: dict[str, Any] = field(default_factory=dict)
    solver: dict[str, Any] = field(default_factory=dict)
    dropped: tuple[Dropped, ...] = ()


# ---------------------------------------------------------------- times

_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")


def minutes(text: Any, entry: str = "") -> int:
    """'HH:MM' -> minutes since midnight; InstanceError naming `entry` otherwise."""
    match = _TIME.match(text) if isinstance(text, str) else None
    if not match or int(match[1]) * 60 + int(match[2]) > 24 * 60 or int(match[2]) > 59:
        raise InstanceError(f"{entry}: bad time {text!r} (expected \"HH:MM\")", entry)
    return int(match[1]) * 60 + int(match[2])


def hhmm(total: int) -> str:
    """Minutes since midnight -> 'HH:MM'."""
    return f"{total // 60:02d}:{total % 60:02d}"


def slot_grid(start: int, end: int, slot_minutes: int, breaks: list[tuple[int, int]]) -> list[tuple[int, bool]]:
    """The day's slots as (start minute, usable), in order (docs/formats.md, "Times, windows and slots").

    Slots follow each other from `start`; a slot that would overlap a break is not made: the next one starts
    when the break ends. The time lost that way (the end of the slot before the break to the break's end) is
    kept as unusable slots, one per started `slot_minutes`, so that a break still counts as free slots between
    a candidate's interviews and still ends a table's run. When breaks fall on the slot grid, this is exactly
    the grid of the earlier rule (every slot overlapping a break unusable).
    """
    grid: list[tuple[int, bool]] = []
    t, d = start, slot_minutes
    while t + d <= end:
        clash = [b for a, b in breaks if t < b and a < t + d]
        if not clash:
            grid.append((t, True))
            t += d
            continue
        resume = max(clash)
        lost = -(-(resume - t) // d)
        grid.extend((t + k * d, False) for k in range(lost))
        t = resume
    return grid
