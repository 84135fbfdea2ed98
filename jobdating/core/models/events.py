"""The event, its employers, their job offers."""
from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import TYPE_CHECKING

from flask_babel import lazy_gettext as _l
from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint, false, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from jobdating.core.models.base import UTCDateTime, enum_column, new_token
from jobdating.core.times import from_minutes, local_now, minutes, minutes_of, utcnow
from jobdating.extensions import Model

if TYPE_CHECKING:
    from jobdating.core.models.people import Candidate, Preselection, Wish
    from jobdating.core.models.questions import Question
    from jobdating.core.models.rehearsal import Rehearsal
    from jobdating.core.models.schedule import Interview, SolveRun


class EventStatus(StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"


class ContractType(StrEnum):
    CDI = "cdi"
    CDD = "cdd"
    ALTERNANCE = "alternance"
    STAGE = "stage"
    INTERIM = "interim"


# The sectors offered on the employer form (the demo event draws from the same list).
SECTOR_NAMES = ("Logistique", "Numérique", "Santé", "Green tech", "Robotique", "Industrie", "Agroalimentaire", "BTP")

CONTRACT_LABELS = {
    ContractType.CDI: _l("CDI"),
    ContractType.CDD: _l("CDD"),
    ContractType.ALTERNANCE: _l("Alternance"),
    ContractType.STAGE: _l("Stage"),
    ContractType.INTERIM: _l("Intérim"),
}


class Event(Model):
    __tablename__ = "event"
    __table_args__ = (
        CheckConstraint("slot_minutes > 0", name="slot_positive"),
        CheckConstraint("start_time < end_time", name="start_before_end"),
        CheckConstraint("min_gap_slots >= 0", name="gap_not_negative"),
        CheckConstraint("max_wishes >= 1", name="wishes_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    venue: Mapped[str] = mapped_column(String(300), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    date: Mapped[dt.date]
    start_time: Mapped[dt.time]
    end_time: Mapped[dt.time]
    slot_minutes: Mapped[int] = mapped_column(default=15)
    # Global breaks as [["12:30", "13:30"], ...], half-open windows.
    breaks: Mapped[list] = mapped_column(JSON, default=list)
    min_gap_slots: Mapped[int] = mapped_column(default=0)
    max_wishes: Mapped[int] = mapped_column(default=5)
    max_interviews_per_candidate: Mapped[int | None]
    signup_opens: Mapped[dt.datetime | None]
    signup_closes: Mapped[dt.datetime | None]
    status: Mapped[EventStatus] = mapped_column(
        enum_column(EventStatus, "event_status"), default=EventStatus.DRAFT
    )
    # Room layout for the printed map: tables are laid out in this many rows.
    table_rows: Mapped[int] = mapped_column(default=4)
    published_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    # The plan as last published: {"C12": [rows], "E3": [rows]}, shown on private pages and mailed. Deferred:
    # hundreds of kilobytes that only the private pages, publishing and re-planning read.
    published_plan: Mapped[dict | None] = mapped_column(JSON, deferred=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Bumped by each save of the settings form: a save from a page shown before another one is refused.
    settings_version: Mapped[int] = mapped_column(default=1, server_default="1")
    # Reminders with confirm / cannot-come links: the day before, and this many hours before (None: off).
    reminder_day_before: Mapped[bool] = mapped_column(default=False, server_default=false())
    reminder_hours_before: Mapped[int | None]
    # The solver's trade-off (formats.md `event.priority`): "fairness" (default) or "first_choices".
    plan_priority: Mapped[str] = mapped_column(String(20), default="fairness", server_default="fairness")
    # After the retention purge: when it ran, and the anonymous figures kept for reporting (privacy.stats).
    purged_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    statistics: Mapped[dict | None] = mapped_column(JSON)
    # New employers signing up on the public form wait for an organizer's approval (False: public at once).
    moderate_employers: Mapped[bool] = mapped_column(default=False, server_default=false())

    employers: Mapped[list[Employer]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="Employer.id"
    )
    candidates: Mapped[list[Candidate]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="Candidate.id"
    )
    interviews: Mapped[list[Interview]] = relationship(
        back_populates="event", cascade="all, delete-orphan"
    )
    solve_runs: Mapped[list[SolveRun]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="SolveRun.id"
    )
    # Set when this event is a rehearsal: a pseudonymised training copy of another event, with a simulated
    # clock (dayof.rehearsal), from which nothing is emailed (core.outbox). Loaded with the event (a join of
    # a small table): every day-of page asks for the event's clock (core.times.event_now).
    rehearsal: Mapped[Rehearsal | None] = relationship(back_populates="event", cascade="all, delete-orphan",
                                                       uselist=False, foreign_keys="Rehearsal.event_id",
                                                       lazy="joined")
    # Every question of the event's forms, its own and its offers' (core/questions.py reads them).
    questions: Mapped[list[Question]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True,
        order_by="[Question.position, Question.id]"
    )

    def slot_starts(self) -> list[dt.time]:
        """Start times of the usable slots: back to back from the start of the day; a slot that would overlap a
        break is not made, and the next one starts when the break ends (the solver's rule, docs/formats.md)."""
        start, end, step = minutes(self.start_time), minutes(self.end_time), self.slot_minutes
        breaks = [(minutes_of(a), minutes_of(b)) for a, b in self.breaks or []]
        result = []
        t = start
        while t + step <= end:
            clash = [b for a, b in breaks if t < b and a < t + step]
            if clash:
                t = max(clash)
                continue
            result.append(from_minutes(t))
            t += step
        return result

    @property
    def is_rehearsal(self) -> bool:
        return self.rehearsal is not None

    def signup_is_open(self, now: dt.datetime | None = None) -> bool:
        now = now or local_now()
        if self.status != EventStatus.OPEN:
            return False
        if self.signup_opens and now < self.signup_opens:
            return False
        if self.signup_closes and now >= self.signup_closes:
            return False
        return True

    def __repr__(self) -> str:
        return f"<Event {self.slug}>"


class Employer(Model):
    __tablename__ = "employer"
    __table_args__ = (
        UniqueConstraint("event_id", "email"),
        Index("ix_employer_event_lower_email", "event_id", text("lower(email)")),
        CheckConstraint("tables >= 1", name="tables_positive"),
        CheckConstraint("max_interviews IS NULL OR max_interviews >= 0", name="max_not_negative"),
        CheckConstraint("max_consecutive IS NULL OR max_consecutive >= 1", name="consecutive_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    company: Mapped[str] = mapped_column(String(200))
    sector: Mapped[str] = mapped_column(String(80), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    contact_name: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(254))
    phone: Mapped[str] = mapped_column(String(40), default="")
    tables: Mapped[int] = mapped_column(default=1)
    # Room number of the employer's first table; its tables are first_table .. first_table + tables - 1.
    first_table: Mapped[int | None]
    available: Mapped[list] = mapped_column(JSON, default=list)
    preferred: Mapped[list] = mapped_column(JSON, default=list)
    max_interviews: Mapped[int | None]
    max_consecutive: Mapped[int | None]
    token: Mapped[str] = mapped_column(String(64), unique=True, default=new_token)
    consent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    # The version of the privacy notice consented to (privacy.notice.consent_version()).
    consent_version: Mapped[str | None] = mapped_column(String(20))
    # Answers to a reminder: coming (confirmed), or not coming at all (declined).
    confirmed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    declined_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    arrived_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    plan_digest: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Signed up on an event whose organizers approve new employers, not approved yet: not shown to candidates,
    # not wished, not planned.
    approval_pending: Mapped[bool] = mapped_column(default=False, server_default=false())

    event: Mapped[Event] = relationship(back_populates="employers")
    offers: Mapped[list[Offer]] = relationship(
        back_populates="employer", cascade="all, delete-orphan", order_by="Offer.id"
    )
    wishes: Mapped[list[Wish]] = relationship(back_populates="employer", cascade="all, delete-orphan")
    preselections: Mapped[list[Preselection]] = relationship(
        back_populates="employer", cascade="all, delete-orphan"
    )
    recruiters: Mapped[list[Recruiter]] = relationship(
        back_populates="employer", cascade="all, delete-orphan", order_by="Recruiter.id"
    )
    interviews: Mapped[list[Interview]] = relationship(
        back_populates="employer", cascade="all, delete-orphan"
    )

    @property
    def display_name(self) -> str:
        """How lists, the desk and the audit log name this employer (a candidate's is the full name)."""
        return self.company

    def room_table(self, table: int) -> int:
        """Room number of this employer's table `table` (its own numbering, 1..tables)."""
        return (self.first_table or 1) + table - 1

    def room_tables(self) -> list[int]:
        """Room numbers of this employer's tables, in the order of its own numbering 1..tables."""
        return [self.room_table(table) for table in range(1, self.tables + 1)]

    def __repr__(self) -> str:
        return f"<Employer {self.company}>"


class Offer(Model):
    __tablename__ = "offer"

    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employer.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    contract_type: Mapped[ContractType] = mapped_column(enum_column(ContractType, "contract_type"))
    description: Mapped[str] = mapped_column(Text, default="")
    # Employer table numbers (1..employer.tables) that interview for this offer; empty: all.
    tables: Mapped[list] = mapped_column(JSON, default=list)

    employer: Mapped[Employer] = relationship(back_populates="offers")
    wishes: Mapped[list[Wish]] = relationship(back_populates="offer", cascade="all, delete-orphan")
    questions: Mapped[list[Question]] = relationship(
        back_populates="offer", cascade="all, delete-orphan", order_by="[Question.position, Question.id]"
    )

    @property
    def contract_label(self) -> str:
        return str(CONTRACT_LABELS[self.contract_type])

    def __repr__(self) -> str:
        return f"<Offer {self.title}>"


class Recruiter(Model):
    """A member of an employer's recruiting team, with a private link of their own to the employer's space."""

    __tablename__ = "recruiter"

    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employer.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(254))
    token: Mapped[str] = mapped_column(String(64), unique=True, default=new_token)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    employer: Mapped[Employer] = relationship(back_populates="recruiters")
