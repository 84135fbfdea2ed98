"""What a re-plan keeps and what it changed: the locked interviews before, the difference after."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jobdating.core.keys import parse_key
from jobdating.core.models import Candidate, Employer, Event, Interview, SolveRun
from jobdating.core.times import parse_hhmm
from jobdating.extensions import db

Entry = dict[str, Any]


def kept_interviews(event: Event) -> list[Interview]:
    """The interviews a new calculation keeps as they are: the locked ones (moved or added by hand, or locked by
    an organizer), by time then company."""
    return sorted((i for i in event.interviews if i.locked), key=lambda i: (i.start, i.employer.company, i.table))


def plan_changes(before: list[Entry], after: list[Entry]) -> dict[str, list[Entry]]:
    """The difference between two plans (schedule entries, formats.md), one item per candidate–employer meeting:
    `moved` (other time or table), `added` and `removed`; each item keeps the keys, never a name."""
    old = {(e["candidate"], e["employer"]): e for e in before}
    new = {(e["candidate"], e["employer"]): e for e in after}

    def place(entry: Entry | None) -> Entry | None:
        return None if entry is None else {"table": entry["table"], "start": entry["start"]}

    def item(pair: tuple[str, str]) -> Entry:
        return {"candidate": pair[0], "employer": pair[1], "before": place(old.get(pair)),
                "after": place(new.get(pair))}

    moved = [item(p) for p in old.keys() & new.keys() if place(old[p]) != place(new[p])]
    return {"moved": sorted(moved, key=_order), "added": sorted((item(p) for p in new.keys() - old.keys()), key=_order),
            "removed": sorted((item(p) for p in old.keys() - new.keys()), key=_order)}


def _order(item: Entry) -> tuple[str, str, str]:
    place = item["after"] or item["before"] or {}
    return place.get("start", ""), item["employer"], item["candidate"]


def record_changes(run: SolveRun, before: list[Entry], after: list[Entry]) -> None:
    """Keep on the run what writing its plan changed in the event's plan (the last time it was written)."""
    run.figures = dict(run.figures or {}, changes=plan_changes(before, after))


def change_count(run: SolveRun) -> int | None:
    changes = (run.figures or {}).get("changes")
    if changes is None:
        return None
    return sum(len(changes.get(kind, [])) for kind in ("moved", "added", "removed"))


@dataclass(frozen=True)
class Change:
    """One changed meeting as the organizer reads it: names, and room tables as on the signs."""
    kind: str  # moved, added or removed
    candidate: str
    company: str
    before: tuple[int, Any] | None  # (room table, start)
    after: tuple[int, Any] | None


def described_changes(event: Event, run: SolveRun) -> list[Change]:
    """The run's recorded changes with today's names (a person erased since reads "[effacé]")."""
    changes = (run.figures or {}).get("changes") or {}
    candidates = {c.id: c for c in db.session.scalars(db.select(Candidate).where(Candidate.event_id == event.id))}
    employers = {e.id: e for e in db.session.scalars(db.select(Employer).where(Employer.event_id == event.id))}
    result = []
    for kind in ("moved", "added", "removed"):
        for item in changes.get(kind, []):
            candidate = candidates.get(parse_key(item["candidate"])[1])
            employer = employers.get(parse_key(item["employer"])[1])
            result.append(Change(kind, candidate.full_name if candidate else "[effacé]",
                                 employer.company if employer else "[effacé]",
                                 _place(employer, item["before"]), _place(employer, item["after"])))
    return result


def _place(employer: Employer | None, place: Entry | None) -> tuple[int, Any] | None:
    if place is None:
        return None
    table = employer.room_table(place["table"]) if employer is not None else place["table"]
    return table, parse_hhmm(place["start"])
