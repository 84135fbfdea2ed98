"""Translate an event of the database into the solver's instance (formats.md) and back."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from jobdating.core.keys import candidate_key, employer_key, offer_key
from jobdating.core.models import Decision, Event, Interview
from jobdating.core.times import hhmm

if TYPE_CHECKING:  # the solver (OR-Tools) loads only when a plan is built, not at every start-up
    from solver import Instance

FORMAT = "jobdating-instance/1"


def _windows(windows: Iterable[Iterable[str]] | None) -> list[list[str]]:
    return [[str(a), str(b)] for a, b in (windows or [])]


def interview_entry(interview: Interview) -> dict[str, Any]:
    return {
        "candidate": candidate_key(interview.candidate_id),
        "employer": employer_key(interview.employer_id),
        "table": interview.table,
        "start": hhmm(interview.start),
        "end": hhmm(interview.end),
        "offers": [offer_key(o) for o in interview.offers or []],
    }


def instance_dict(
    event: Event,
    *,
    locked: Iterable[Interview] | None = None,
    previous: Iterable[Interview] | None = None,
    now: dt.time | None = None,
) -> dict[str, Any]:
    """The event as a `jobdating-instance/1` document (a JSON-ready dict).

    `locked` defaults to the event's interviews marked locked; `previous` and `now` are given by re-planning.
    """
    if locked is None:
        locked = [i for i in event.interviews if i.locked]
    employers = []
    for employer in event.employers:
        if employer.approval_pending:  # not approved by the organizers yet: not planned
            continue
        decisions = {p.candidate_id: p.decision for p in employer.preselections}
        employers.append({
            "id": employer_key(employer),
            "name": employer.company,
            "tables": employer.tables,
            "available": _windows(employer.available),
            "preferred": _windows(employer.preferred),
            "max_interviews": employer.max_interviews,
            "max_consecutive": employer.max_consecutive,
            "offers": [
                {"id": offer_key(o), "title": o.title, **({"tables": list(o.tables)} if o.tables else {})}
                for o in employer.offers
            ],
            "rejects": sorted(candidate_key(c) for c, d in decisions.items() if d == Decision.DECLINED),
            "favorites": sorted(candidate_key(c) for c, d in decisions.items() if d == Decision.FAVOURITE),
        })
    waiting = {e.id for e in event.employers if e.approval_pending}
    candidates = []
    for candidate in event.candidates:
        wishes = [
            offer_key(w.offer_id) if w.offer_id is not None else employer_key(w.employer_id)
            for w in sorted(candidate.wishes, key=lambda w: w.rank) if w.employer_id not in waiting
        ]
        entry: dict[str, Any] = {
            "id": candidate_key(candidate),
            "name": candidate.full_name,
            "available": _windows(candidate.available),
            "wishes": wishes,
        }
        if candidate.max_interviews is not None:
            entry["max_interviews"] = candidate.max_interviews
        candidates.append(entry)
    return {
        "format": FORMAT,
        "event": {
            "name": event.name,
            "date": event.date.isoformat(),
            "start": hhmm(event.start_time),
            "end": hhmm(event.end_time),
            "slot_minutes": event.slot_minutes,
            "breaks": _windows(event.breaks),
            "min_gap_slots": event.min_gap_slots,
            "max_interviews_per_candidate": event.max_interviews_per_candidate,
            "priority": event.plan_priority or "fairness",
        },
        "employers": employers,
        "candidates": candidates,
        "locked": [interview_entry(i) for i in locked],
        "previous": [interview_entry(i) for i in previous or []],
        "now": hhmm(now) if now is not None else None,
    }


def build_instance(event: Event, **replanning: Any) -> Instance:
    """The event as the solver's checked Instance (raises solver.InstanceError naming a bad entry)."""
    from solver import instance_from_dict

    return instance_from_dict(instance_dict(event, **replanning))
