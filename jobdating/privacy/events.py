"""The organizer's side of personal data: organizers told, an event deleted."""
from __future__ import annotations

from sqlalchemy import select

from jobdating.core import accounts, lookup, outbox
from jobdating.core.erasure import remove_mail_file
from jobdating.core.models import Event, Membership, Organizer, OutboxMail, Role
from jobdating.extensions import db
from jobdating.privacy.retention import cv_names
from jobdating.signup import cv as cv_store


def tell_organizers(event: Event, text: str) -> None:
    """Email the event's owners and organizers (and keep the news in the audit list)."""
    addresses = db.session.scalars(select(Organizer.email).join(Membership, Membership.organizer_id == Organizer.id)
                                   .where(Membership.event_id == event.id,
                                          Membership.role.in_((Role.OWNER, Role.ORGANIZER))))
    for address in sorted(set(addresses)):
        outbox.queue(address, outbox.Content(f"{event.name} — {text[:80]}", text), event_id=event.id)
    accounts.record("rgpd.info", text, event_id=event.id, commit=False)
    db.session.commit()


def delete_event(event: Event, organizer: Organizer | None) -> None:
    """Delete an event with everything in it: people, CVs, plans, runs, emails, audit entries, and its
    rehearsals (training copies)."""
    stored = cv_names(event)
    doomed = [event] + [rehearsal.event for rehearsal in lookup.rehearsals_of(event)]
    for mail in db.session.scalars(select(OutboxMail).where(OutboxMail.event_id.in_([e.id for e in doomed]))):
        remove_mail_file(mail)
    accounts.record("event.delete", f"Événement n° {event.id} supprimé", organizer=organizer, commit=False)
    for gone in doomed:
        db.session.delete(gone)
    db.session.commit()
    for name in stored:
        cv_store.delete_cv(name)
