"""Finding rows by what a URL carries: an event by id or slug, and a person, interview or run of one event.

Views call these instead of writing queries; `None` means "not found here" and the view answers 404.
"""
from __future__ import annotations

from typing import NamedTuple

from flask import has_request_context, request
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from jobdating.core.models import (
    AuditEntry,
    Candidate,
    ContractType,
    Employer,
    Event,
    EventStatus,
    Interview,
    Offer,
    Organizer,
    Question,
    Rehearsal,
    SolveRun,
    Wish,
)
from jobdating.extensions import db


def event_by_id(event_id: int) -> Event | None:
    return db.session.get(Event, event_id)


def _not_a_rehearsal():
    return ~select(Rehearsal.event_id).where(Rehearsal.event_id == Event.id).exists()


def visible_event(slug: str, *, with_offers: bool = False) -> Event | None:
    """The event of a public page: any status but draft, never a rehearsal (a training copy has no public page
    and takes no sign-up); with its employers and offers in two more queries."""
    query = select(Event).where(Event.slug == slug, _not_a_rehearsal())
    if with_offers:
        query = query.options(selectinload(Event.employers).selectinload(Employer.offers))
    event = db.session.scalar(query)
    return None if event is None or event.status == EventStatus.DRAFT else event


class WishChoice(NamedTuple):
    """A company, or one of its offers (offer_id set), as a candidate may wish it."""

    employer_id: int
    company: str
    sector: str
    offer_id: int | None
    title: str | None
    contract_type: ContractType | None


def wish_choices(event: Event) -> list[WishChoice]:
    """Every employer of the event, each followed by its offers, in one query of plain rows (no ORM objects:
    the sign-up page lists them all and a sign-up checks its wishes against them); read once per request."""
    cache = getattr(request, "wish_choices", None) if has_request_context() else None
    if cache is not None and cache[0] == event.id:
        return cache[1]
    rows = db.session.execute(
        select(Employer.id, Employer.company, Employer.sector, Offer.id, Offer.title, Offer.contract_type)
        .outerjoin(Offer, Offer.employer_id == Employer.id)
        .where(Employer.event_id == event.id, Employer.approval_pending.is_(False))
        .order_by(Employer.id, Offer.id))
    choices = [WishChoice(*row) for row in rows]
    if has_request_context():
        request.wish_choices = (event.id, choices)  # type: ignore[attr-defined]
    return choices


def visible_events() -> list[Event]:
    """The events listed on the home page, by date (rehearsals are never listed)."""
    return list(db.session.scalars(
        select(Event).where(Event.status != EventStatus.DRAFT, _not_a_rehearsal()).order_by(Event.date, Event.id)))


def rehearsals_of(event: Event) -> list[Rehearsal]:
    """The rehearsals made from `event`, oldest first."""
    return list(db.session.scalars(select(Rehearsal).where(Rehearsal.original_id == event.id)
                                   .order_by(Rehearsal.created_at, Rehearsal.event_id)))


def in_event[Row: (Candidate, Employer, Interview, SolveRun)](model: type[Row], event: Event,
                                                              row_id: int | None) -> Row | None:
    """The candidate, employer, interview or solve run `row_id` if it belongs to `event`."""
    if row_id is None:
        return None
    return db.session.scalar(select(model).where(model.id == row_id, model.event_id == event.id))


def candidate_by_id(candidate_id: int) -> Candidate | None:
    return db.session.get(Candidate, candidate_id)


def audit_entries(event: Event, limit: int = 500,
                  actions: tuple[str, ...] = ()) -> list[tuple[AuditEntry, str | None]]:
    """The event's audit list (or its entries of these `actions`), newest first, with the email of the
    organizer who acted."""
    query = (select(AuditEntry, Organizer.email).outerjoin(Organizer, Organizer.id == AuditEntry.organizer_id)
             .where(AuditEntry.event_id == event.id))
    if actions:
        query = query.where(AuditEntry.action.in_(actions))
    rows = db.session.execute(query.order_by(AuditEntry.id.desc()).limit(limit)).all()
    return [(entry, email) for entry, email in rows]


def offer_stakes(employer: Employer) -> dict[int, tuple[int, int]]:
    """What removing each offer of the employer would take with it: offer id -> (candidates who wished it,
    questions asked with it)."""
    ids = [offer.id for offer in employer.offers]
    if not ids:
        return {}
    wishes = {offer: n for offer, n in db.session.execute(
        select(Wish.offer_id, func.count()).where(Wish.offer_id.in_(ids)).group_by(Wish.offer_id))}
    questions = {offer: n for offer, n in db.session.execute(
        select(Question.offer_id, func.count()).where(Question.offer_id.in_(ids)).group_by(Question.offer_id))}
    return {i: (wishes.get(i, 0), questions.get(i, 0)) for i in ids if wishes.get(i) or questions.get(i)}
