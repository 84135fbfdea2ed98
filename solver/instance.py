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
