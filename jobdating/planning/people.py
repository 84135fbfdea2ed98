"""The organizer's hand on registrations: remove people (the sign-up verbs do the rest), with the audit trail."""
from __future__ import annotations

from sqlalchemy import or_, select

from jobdating.core import accounts
from jobdating.core.models import Candidate, Employer, Event, Organizer
from jobdating.extensions import db
from jobdating.signup.registration import withdraw_candidate


def search_candidates(event: Event, query: str | None) -> list[Candidate]:
    statement = select(Candidate).where(Candidate.event_id == event.id)
    for word in (query or "").split():
        like = f"%{word}%"
        statement = statement.where(or_(Candidate.first_name.ilike(like), Candidate.last_name.ilike(like),
                                        Candidate.email.ilike(like), Candidate.town.ilike(like)))
    return list(db.session.scalars(statement.order_by(Candidate.last_name, Candidate.first_name)))


def search_employers(event: Event, query: str | None) -> list[Employer]:
    statement = select(Employer).where(Employer.event_id == event.id)
    for word in (query or "").split():
        like = f"%{word}%"
        statement = statement.where(or_(Employer.company.ilike(like), Employer.contact_name.ilike(like),
                                        Employer.email.ilike(like), Employer.sector.ilike(like)))
    return list(db.session.scalars(statement.order_by(Employer.company)))


def remove_candidate(candidate: Candidate, organizer: Organizer | None) -> None:
    accounts.record("candidate.remove", f"Candidat retiré : {candidate.full_name} <{candidate.email}>",
                    organizer=organizer, event_id=candidate.event_id, commit=False)
    withdraw_candidate(candidate)


def remove_employer(employer: Employer, organizer: Organizer | None) -> None:
    """Delete an employer with its offers, the wishes for it and its interviews."""
    accounts.record("employer.remove", f"Employeur retiré : {employer.company} <{employer.email}>",
                    organizer=organizer, event_id=employer.event_id, commit=False)
    db.session.delete(employer)
    db.session.commit()


def note(action: str, detail: str, organizer: Organizer | None, event_id: int) -> None:
    """Record an organizer's change made through the sign-up verbs (they do not know who acts)."""
    accounts.record(action, detail, organizer=organizer, event_id=event_id)
