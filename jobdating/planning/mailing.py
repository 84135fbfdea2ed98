"""What the organizer sees of the emails: per publication, how many left, wait or failed, and who failed."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from jobdating.core import outbox
from jobdating.core.models import Event, MailState, OutboxMail, Publication
from jobdating.extensions import db


@dataclass
class Sending:
    """The mails of one publication (or, with `publication` None, the event's other mails: private links,
    invitations)."""
    publication: Publication | None
    counts: dict[MailState, int]
    failed: list[OutboxMail] = field(default_factory=list)
    waiting_error: str | None = None  # the last error of a mail that will be tried again

    @property
    def pending(self) -> int:
        return self.counts[MailState.PENDING] + self.counts[MailState.SENDING]

    @property
    def sent(self) -> int:
        return self.counts[MailState.SENT]

    @property
    def suppressed(self) -> int:
        """Mails of a rehearsal, kept but never sent."""
        return self.counts[MailState.SUPPRESSED]

    @property
    def total(self) -> int:
        return sum(n for state, n in self.counts.items() if state not in (MailState.CANCELLED, MailState.SUPPRESSED))


def _sending(event: Event, publication: Publication | None) -> Sending:
    where = OutboxMail.publication_id == publication.id if publication is not None else (
        OutboxMail.publication_id.is_(None))
    counts = outbox.counts(event_id=event.id, publication_id=publication.id if publication else None)
    failed = list(db.session.scalars(select(OutboxMail).where(
        OutboxMail.event_id == event.id, where, OutboxMail.state == MailState.FAILED).order_by(OutboxMail.recipient)))
    waiting_error = db.session.scalar(select(OutboxMail.last_error).where(
        OutboxMail.event_id == event.id, where, OutboxMail.state == MailState.PENDING,
        OutboxMail.last_error.is_not(None)).order_by(OutboxMail.id.desc()).limit(1))
    return Sending(publication, counts, failed, waiting_error)


def sendings(event: Event, limit: int = 10) -> list[Sending]:
    """The latest publications' sendings, newest first, then the event's other mails if there are any."""
    publications = db.session.scalars(select(Publication).where(Publication.event_id == event.id)
                                      .order_by(Publication.number.desc()).limit(limit))
    result = [_sending(event, p) for p in publications]
    others = _sending(event, None)
    if others.total or others.suppressed:
        result.append(others)
    return result


def retry(event: Event, publication_id: int | None) -> int:
    """Send the failed mails of a publication (or the event's other failed mails) again."""
    return outbox.retry_failed(event_id=event.id, publication_id=publication_id)
