"""Employers' preselection: who wished them, and their accepted / declined / favourite decisions."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from jobdating.core.models import (
    EDUCATION_LABELS,
    SITUATION_LABELS,
    Candidate,
    Decision,
    EducationLevel,
    Employer,
    EventStatus,
    Preselection,
    Question,
    QuestionKind,
    Situation,
    Wish,
)
from jobdating.core.questions import answers_of, shown_value
from jobdating.core.search import index_text, matches, query_terms
from jobdating.extensions import db

# The list's filters: every candidate, those without a decision, or one decision; and its orders.
STATES = ("all", "none", *[d.value for d in Decision])
SORTS = ("rank", "signup", "situation", "education")


@dataclass
class Wisher:
    """A candidate who wished an employer: their wishes for it (rank order) and the employer's decision."""

    candidate: Candidate
    wishes: list[Wish] = field(default_factory=list)
    decision: Decision | None = None
    # Answers to the event's questions and to this employer's offers' questions: question id -> value.
    answers: dict[int, str] = field(default_factory=dict)

    @property
    def best_rank(self) -> int:
        return min(wish.rank for wish in self.wishes)

    @property
    def state(self) -> str:
        return self.decision.value if self.decision else "none"

    def search_text(self) -> str:
        c = self.candidate
        parts = [c.first_name, c.last_name, c.town, str(SITUATION_LABELS[c.situation])]
        if c.education_level:
            parts.append(str(EDUCATION_LABELS[c.education_level]))
        parts += [wish.offer.title for wish in self.wishes if wish.offer]
        return index_text(parts)


def counts(entries: list[Wisher]) -> dict[str, int]:
    """How many candidates in each state of the filter ("all", "none", "accepted", …)."""
    result = dict.fromkeys(STATES, 0)
    result["all"] = len(entries)
    for entry in entries:
        result[entry.state] += 1
    return result


def _order(sort: str):
    situations, levels = list(Situation), list(EducationLevel)

    def name(entry: Wisher) -> tuple[str, str]:
        return entry.candidate.last_name.lower(), entry.candidate.first_name.lower()

    if sort == "signup":
        return lambda e: (e.candidate.created_at, name(e))
    if sort == "situation":
        return lambda e: (situations.index(e.candidate.situation), e.best_rank, name(e))
    if sort == "education":  # the highest level first; no level given last
        return lambda e: (-(levels.index(e.candidate.education_level) if e.candidate.education_level else -1),
                          e.best_rank, name(e))
    return lambda e: (e.best_rank, name(e))


def filtered(entries: list[Wisher], query: str = "", state: str = "all", sort: str = "rank",
             keep: int | None = None, answer: tuple[int, str] | None = None) -> list[Wisher]:
    """The candidates matching a search (name, town, situation, diploma, offers wished; accents ignored), a
    state and an answer (question id, value), in the chosen order; `keep` (the candidate just decided on) stays,
    so the page comes back on it."""
    terms = query_terms(query)
    kept = [e for e in entries if e.candidate.id == keep or (state in ("all", "") or e.state == state)
            and (not terms or matches(e.search_text(), terms))
            and (answer is None or e.answers.get(answer[0]) == answer[1])]
    return sorted(kept, key=_order(sort if sort in SORTS else "rank"))


def preselection_is_open(employer: Employer) -> bool:
    """Employers decide once sign-up has started and until the plan is published."""
    return employer.event.status not in (EventStatus.DRAFT, EventStatus.PUBLISHED)


def questions_for(employer: Employer) -> list[Question]:
    """The questions whose answers the employer sees: the event's, then its own offers' (never another
    employer's)."""
    offers = [offer.id for offer in employer.offers]
    return list(db.session.scalars(select(Question).where(
        Question.event_id == employer.event_id, Question.offer_id.is_(None) | Question.offer_id.in_(offers))
        .order_by(Question.offer_id.is_not(None), Question.offer_id, Question.position, Question.id)))


def shown_answers(entry: Wisher, questions: list[Question]) -> list[tuple[str, str]]:
    """A card's answers as (question, answer), in the order of the questions."""
    return [(q.label, shown_value(q, entry.answers[q.id])) for q in questions if q.id in entry.answers]


def answer_filters(questions: list[Question]) -> list[tuple[str, str]]:
    """The filter's choices: each answer of a yes/no or list question, as ("12:yes", "Permis B ? — Oui")."""
    options = []
    for q in questions:
        values = ["yes", "no"] if q.kind == QuestionKind.YESNO else q.choices if q.kind == QuestionKind.CHOICE \
            else []
        options += [(f"{q.id}:{value}", f"{q.label} — {shown_value(q, value)}") for value in values]
    return options


def wishers(employer: Employer, questions: list[Question] | None = None) -> list[Wisher]:
    """Candidates who wished the employer or one of its offers, best rank first, then by name; with their
    answers to `questions` when given."""
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
    stored = answers_of(list(by_candidate), [q.id for q in questions]) if questions else {}
    for entry in by_candidate.values():
        entry.wishes.sort(key=lambda wish: wish.rank)
        entry.answers = stored.get(entry.candidate.id, {})
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
