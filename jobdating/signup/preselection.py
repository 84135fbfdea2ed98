"""Employers' preselection: who wished them, and their accepted / declined / favourite decisions."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from jobdating.core.models import Candidate, Decision, Employer, EventStatus, Preselection, Wish
from jobdating.extensions import db


@dataclass
class Wisher:
    """A candidate who wished an employer: their wishes for it (rank order) and the employer's decision."""

    candidate: Candidate
    wishes: list[Wish] = field(default_factory=list)
    decision: Decision | None = None

    @property
    def best_rank(self) -> int:
        return min(wish.rank for wish in self.wishes)


def preselection_is_open(employer: Employer) -> bool:
    """Employers decide once sign-up has started and until the plan is published."""
    return employer.event.status not in (EventStatus.DRAFT, EventStatus.PUBLISHED)


def wishers(employer: Employer) -> list[Wisher]:
    """Candidates who wished the employer or one of its offers, best rank first, then by name."""
    rows = db.session.scalars(
        select(Wish).where(Wish.employer_id == employer.id)
        .options(selectinload(Wish.candidate), selectinload(Wish.offer))
    ).all()
    decisions = {p.candidate_id: p.decision for p in employer.preselections}
    by_candidate: dict[int, Wisher] = {}
    for wish in rows:
        entry = by_candidate.setdefault(
            wish.candidate_id, Wisher(wish.candidate, decision=decisions.get(wish.candidate_id)))
        entry.wishes.append(wish)
    for entry in by_candidate.values():
        entry.wishes.sort(key=lambda wish: wish.rank)
    return sorted(by_candidate.values(),
                  key=lambda e: (e.best_rank, e.candidate.last_name.lower(), e.candidate.first_name.lower()))


def set_preselection(employer: Employer, candidate_ids: Iterable[int], decision: Decision | None) -> int:
    """Mark candidates accepted, declined or favourite (None: no decision); returns how many changed.

    Only candidates who wished this employer can be decided on; other ids are ignored.
    """
    from jobdating.signup.registration import RegistrationError

    if not preselection_is_open(employer):
        raise RegistrationError(_l("La présélection n'est plus modifiable : le planning est publié."))
    wanted = {int(i) for i in candidate_ids}
    allowed = set(db.session.scalars(
        select(Wish.candidate_id).where(Wish.employer_id == employer.id, Wish.candidate_id.in_(wanted))
    ))
    existing = {p.candidate_id: p for p in employer.preselections if p.candidate_id in allowed}
    changed = 0
    for candidate_id in sorted(allowed):
        row = existing.get(candidate_id)
        if decision is None:
            if row is not None:
                db.session.delete(row)
                changed += 1
        elif row is None:
            db.session.add(Preselection(employer=employer, candidate_id=candidate_id, decision=decision))
            changed += 1
        elif row.decision != decision:
            row.decision = decision
            changed += 1
    db.session.commit()
    return changed
