"""The organizer's hand on registrations: remove people (the sign-up verbs do the rest), with the audit trail."""
from __future__ import annotations

from sqlalchemy import or_, select

from jobdating.core import accounts
from jobdating.core.models import Candidate, Employer, Event, Organizer
from jobdating.extensions import db
from jobdating.signup.withdrawal import erase_candidate, erase_employer


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
    """Remove a candidate with everything about them; the audit list does not name them (an erasure the person
    asked for, with a confirmation to them, is privacy's)."""
    erase_candidate(candidate, reason="retiré par l'organisateur", organizer=organizer, confirm=False)


def remove_employer(employer: Employer, organizer: Organizer | None) -> int:
    """Remove an employer with its offers, the wishes for it, its interviews and contacts; returns how many
    interviews are freed."""
    return erase_employer(employer, reason="retiré par l'organisateur", organizer=organizer, confirm=False)


def note(action: str, detail: str, organizer: Organizer | None, event_id: int) -> None:
    """Record an organizer's change made through the sign-up verbs (they do not know who acts)."""
    accounts.record(action, detail, organizer=organizer, event_id=event_id)
