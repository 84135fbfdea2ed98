"""What the organizer reads: dashboard counts, the demand table, the plan grid, and unmet wishes."""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from jobdating.core.models import Cancellation, Candidate, Decision, Employer, Event, Interview, Offer, SolveRun, Wish
from jobdating.core.times import minutes, within
from jobdating.extensions import db

REASON_LABELS = {
    "rejected": _l("Refusé par l'employeur à la présélection"),
    "no_common_time": _l("Aucun créneau où les deux sont présents"),
    "employer_full": _l("L'employeur est complet"),
    "candidate_full": _l("Le planning du candidat est complet"),
    "traded_off": _l("Cédé pour que d'autres candidats aient un entretien"),
    "manual": _l("Retiré ou non replacé après un ajustement"),
}


DROPPED_LABELS = {
    "candidate_left": _l("Le candidat ou la candidate est parti·e ou absent·e"),
    "employer_left": _l("L'employeur est parti ou n'est plus là"),
    "not_wished": _l("Le vœu a été retiré, ou l'employeur a refusé le candidat"),
    "no_common_time": _l("Plus aucun créneau commun"),
    "traded_off": _l("Cédé pour que d'autres candidats aient un entretien"),
}


def dropped_meetings(event: Event, run: SolveRun | None) -> list[dict[str, Any]]:
    """Published or locked interviews the plan of `run` no longer holds (the solver's `dropped`), with names:
    the people concerned must be told."""
    if run is None or not run.output_json:
        return []
    entries = json.loads(run.output_json).get("dropped", [])
    names = {f"C{c.id}": c.full_name for c in event.candidates} | {f"E{e.id}": e.company for e in event.employers}
    return [{"candidate": names.get(entry["candidate"], entry["candidate"]),
             "employer": names.get(entry["employer"], entry["employer"]), "start": entry.get("start", ""),
             "source": entry.get("source", ""), "reason": entry.get("reason", ""),
             "label": DROPPED_LABELS.get(entry.get("reason", ""), entry.get("reason", ""))} for entry in entries]


def counts(event: Event) -> dict[str, int]:
    def count(query) -> int:
        return db.session.scalar(query) or 0
    return {
        "candidates": count(select(func.count(Candidate.id)).where(Candidate.event_id == event.id)),
        "employers": count(select(func.count(Employer.id)).where(Employer.event_id == event.id)),
        "tables": count(select(func.sum(Employer.tables)).where(Employer.event_id == event.id)),
        "offers": count(select(func.count(Offer.id)).join(Employer).where(Employer.event_id == event.id)),
        "wishes": count(select(func.count(Wish.id)).join(Candidate).where(Candidate.event_id == event.id)),
        "interviews": count(select(func.count(Interview.id)).where(Interview.event_id == event.id)),
    }


def signups_per_day(event: Event) -> list[tuple[str, int, int]]:
    """(day, candidates, employers) for each day someone signed up."""
    days: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for (created,) in db.session.execute(select(Candidate.created_at).where(Candidate.event_id == event.id)):
        days[created.date().isoformat()][0] += 1
    for (created,) in db.session.execute(select(Employer.created_at).where(Employer.event_id == event.id)):
        days[created.date().isoformat()][1] += 1
    return [(day, c, e) for day, (c, e) in sorted(days.items())]


@dataclass
class Demand:
    employer: Employer
    wishes: int
    capacity: int

    @property
    def oversubscribed(self) -> bool:
        return self.wishes > self.capacity


def usable_slots(event: Event, windows: list | None) -> int:
    step = event.slot_minutes
    return sum(1 for s in event.slot_starts() if within(windows, minutes(s), minutes(s) + step))


def demand(event: Event) -> list[Demand]:
    """Per employer: candidates who asked for it (not declined) vs interviews it can hold, busiest first."""
    declined = {(p.employer_id, p.candidate_id) for e in event.employers for p in e.preselections
                if p.decision == Decision.DECLINED}
    asked = Counter(employer_id for candidate_id, employer_id in set(db.session.execute(
        select(Wish.candidate_id, Wish.employer_id).join(Candidate).where(Candidate.event_id == event.id)).all())
        if (employer_id, candidate_id) not in declined)
    rows = []
    for employer in event.employers:
        capacity = usable_slots(event, employer.available) * employer.tables
        if employer.max_interviews is not None:
            capacity = min(capacity, employer.max_interviews)
        rows.append(Demand(employer, asked.get(employer.id, 0), capacity))
    return sorted(rows, key=lambda d: (-(d.wishes / d.capacity if d.capacity else float("inf")), d.employer.company))


@dataclass
class GridRow:
    employer: Employer
    table: int          # employer's own number
    room_table: int     # number in the room
    cells: dict         # slot start -> Interview


def grid(event: Event) -> tuple[list, list[GridRow]]:
    """Columns (slot starts) and one row per employer table, cells holding the interviews."""
    by_table: dict[tuple[int, int], dict] = defaultdict(dict)
    for interview in event.interviews:
        by_table[(interview.employer_id, interview.table)][interview.start] = interview
    rows = []
    for employer in sorted(event.employers, key=lambda e: (e.first_table or 0, e.id)):
        for table, room_table in enumerate(employer.room_tables(), start=1):
            rows.append(GridRow(employer, table, room_table, by_table.get((employer.id, table), {})))
    return event.slot_starts(), rows


def unmet_wishes(event: Event, run: SolveRun | None) -> list[dict[str, Any]]:
    """Wished employers the current plan does not give, with the solver's reason when it gave one."""
    reasons = {}
    if run is not None and run.output_json:
        for entry in json.loads(run.output_json).get("unmet", []):
            reasons[(entry["candidate"], entry["wish"])] = entry["reason"]
    met = {(i.candidate_id, i.employer_id) for i in event.interviews}
    rows = []
    for candidate in event.candidates:
        seen = set()
        for wish in candidate.wishes:
            if wish.employer_id in seen or (candidate.id, wish.employer_id) in met:
                continue
            seen.add(wish.employer_id)
            key = f"O{wish.offer_id}" if wish.offer_id is not None else f"E{wish.employer_id}"
            reason = reasons.get((f"C{candidate.id}", key), "manual")
            rows.append({"candidate": candidate, "wish": wish, "rank": wish.rank, "reason": reason,
                         "label": REASON_LABELS.get(reason, reason)})
    return rows


@dataclass
class Answers:
    """Answers to reminders and cancellations from private pages, for the dashboard."""
    confirmed: int
    declined: int
    cancellations: list[Cancellation]


def answers(event: Event) -> Answers:
    people = list(event.candidates) + list(event.employers)
    cancellations = list(db.session.scalars(select(Cancellation).where(Cancellation.event_id == event.id)
                                            .order_by(Cancellation.created_at.desc()).limit(50)))
    return Answers(sum(1 for p in people if p.confirmed_at is not None),
                   sum(1 for p in people if p.declined_at is not None), cancellations)
