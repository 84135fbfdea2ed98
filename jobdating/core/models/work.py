"""Background work kept in the database: the email outbox, publications, periodic jobs' turns, and lists uploaded
for an import, waiting for the organizer's confirmation."""
from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import JSON, ForeignKey, Index, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from jobdating.core.models.base import UTCDateTime, enum_column, new_token
from jobdating.core.times import utcnow
from jobdating.extensions import Model


class MailState(StrEnum):
    PENDING = "pending"      # waiting for a worker (first try, or a retry after `next_attempt_at`)
    SENDING = "sending"      # claimed by a worker until `claimed_until`; past it, another worker takes it
    SENT = "sent"
    FAILED = "failed"        # gave up after MAIL_MAX_ATTEMPTS, or refused for good by the server
    CANCELLED = "cancelled"  # superseded (a newer plan for the same person) or nothing left to send
    SUPPRESSED = "suppressed"  # queued by a rehearsal (a training copy of an event): never sent


class OutboxMail(Model):
    """One email to send. Plain messages are stored rendered; a plan mail is rendered when it is sent, from
    the published plan, and records the person's plan digest only once it has left."""

    __tablename__ = "outbox_mail"
    __table_args__ = (Index("ix_outbox_mail_due", "state", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    publication_id: Mapped[int | None] = mapped_column(ForeignKey("publication.id", ondelete="CASCADE"),
                                                       index=True)
    kind: Mapped[str] = mapped_column(String(30))
    recipient: Mapped[str] = mapped_column(String(254))
    # 'C12' or 'E3' for mails about one person's plan.
    person_key: Mapped[str | None] = mapped_column(String(20))
    subject: Mapped[str | None] = mapped_column(String(300))
    text: Mapped[str | None] = mapped_column(Text)
    html: Mapped[str | None] = mapped_column(Text)
    # Whatever the kind needs to render or to record the send (a plan's digest, attachments in base64…).
    payload: Mapped[dict] = mapped_column(JSON, default=dict)
    state: Mapped[MailState] = mapped_column(enum_column(MailState, "mail_state"), default=MailState.PENDING)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    next_attempt_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    claimed_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class Publication(Model):
    """One publication of an event's plan: who published it, and the plan mails it queued (outbox)."""

    __tablename__ = "publication"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    author: Mapped[str] = mapped_column(String(254))
    # People whose plan mail this publication queued (or found on its way), who already had this plan, and
    # who have no email address (walk-ins: the desk tells them).
    candidates_mailed: Mapped[int] = mapped_column(default=0)
    employers_mailed: Mapped[int] = mapped_column(default=0)
    unchanged: Mapped[int] = mapped_column(default=0)
    without_email: Mapped[int] = mapped_column(default=0)
    comment: Mapped[str | None] = mapped_column(Text)
    # The plan as published by this version ({"C12": [rows], "E3": [rows]}): versions are compared with it,
    # and a person's email says what changed since the version they were last sent. Deferred: it is large.
    plan: Mapped[dict | None] = mapped_column(JSON, deferred=True)


class PeriodicRun(Model):
    """A periodic job's turn: the unique (name, slot) lets exactly one process run each turn."""

    __tablename__ = "periodic_run"
    __table_args__ = (UniqueConstraint("name", "slot"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    slot: Mapped[int]
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class ReminderSent(Model):
    """A reminder that left for one person (or is on its way): the unique row makes each one go once."""

    __tablename__ = "reminder_sent"
    __table_args__ = (UniqueConstraint("event_id", "person_key", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    person_key: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(20))  # "day" (the day before) or "hours" (a few hours before)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class ImportUpload(Model):
    """A list of people uploaded by an organizer, kept between its preview and the confirmation (found by its
    random token, for the organizer who sent it); deleted once imported, and an hour after it was sent."""

    __tablename__ = "import_upload"

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(64), unique=True, default=new_token)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    organizer_id: Mapped[int | None] = mapped_column(ForeignKey("organizer.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # "candidates" or "employers"
    filename: Mapped[str] = mapped_column(String(200))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
