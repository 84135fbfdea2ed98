"""Finding rows by what a URL carries: an event by id or slug, and a person, interview or run of one event.

Views call these instead of writing queries; `None` means "not found here" and the view answers 404.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.attributes import set_committed_value

from jobdating.core.models import AuditEntry, Candidate, Employer, Event, EventStatus, Interview, Organizer, SolveRun
from jobdating.extensions import db


def event_by_id(event_id: int) -> Event | None:
    return db.session.get(Event, event_id)


def visible_event(slug: str, *, with_offers: bool = False) -> Event | None:
    """The event of a public page: any status but draft; with its employers and offers in two more queries."""
    query = select(Event).where(Event.slug == slug)
    if with_offers:
        query = query.options(selectinload(Event.employers).selectinload(Employer.offers))
    event = db.session.scalar(query)
    return None if event is None or event.status == EventStatus.DRAFT else event


def load_offers(event: Event) -> Event:
    """Load the event's employers with their offers in two queries (not one per employer); returns the event."""
    employers = db.session.scalars(select(Employer).where(Employer.event_id == event.id)
                                   .options(selectinload(Employer.offers)).order_by(Employer.id)).all()
    set_committed_value(event, "employers", list(employers))
    return event


def visible_events() -> list[Event]:
    """The events listed on the home page, by date."""
    return list(db.session.scalars(
        select(Event).where(Event.status != EventStatus.DRAFT).order_by(Event.date, Event.id)))


def in_event[Row: (Candidate, Employer, Interview, SolveRun)](model: type[Row], event: Event,
                                                              row_id: int | None) -> Row | None:
    """The candidate, employer, interview or solve run `row_id` if it belongs to `event`."""
    if row_id is None:
        return None
    return db.session.scalar(select(model).where(model.id == row_id, model.event_id == event.id))


def candidate_by_id(candidate_id: int) -> Candidate | None:
    return db.session.get(Candidate, candidate_id)


def audit_entries(event: Event, limit: int = 500) -> list[tuple[AuditEntry, str | None]]:
    """The event's audit list, newest first, with the email of the organizer who acted."""
    rows = db.session.execute(
        select(AuditEntry, Organizer.email).outerjoin(Organizer, Organizer.id == AuditEntry.organizer_id)
        .where(AuditEntry.event_id == event.id).order_by(AuditEntry.id.desc()).limit(limit)).all()
    return [(entry, email) for entry, email in rows]
