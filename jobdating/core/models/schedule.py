"""The timetable: interviews, and the solver runs that produced them."""
from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from jobdating.core.models.base import UTCDateTime, enum_column
from jobdating.core.times import utcnow
from jobdating.extensions import Model

if TYPE_CHECKING:
    from jobdating.core.models.events import Employer, Event
    from jobdating.core.models.people import Candidate


class CheckIn(StrEnum):
    EXPECTED = "expected"
    PRESENT = "present"
    ABSENT = "absent"


class Outcome(StrEnum):
    HELD = "held"
    MISSED = "missed"
    FOLLOW_UP = "follow_up"


class NextStep(StrEnum):
    """What an employer wants after an interview (scoring at the table)."""
    SECOND_INTERVIEW = "second_interview"
    JOB_OFFER = "job_offer"
    TRAINING = "training"
    NONE = "none"


class RunStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    STOPPED = "stopped"
    FAILED = "failed"


class Interview(Model):
    __tablename__ = "interview"
    __table_args__ = (
        UniqueConstraint("candidate_id", "start"),
        UniqueConstraint("employer_id", "table", "start"),
        UniqueConstraint("candidate_id", "employer_id"),
        CheckConstraint('"table" >= 1', name="table_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id", ondelete="CASCADE"), index=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employer.id", ondelete="CASCADE"), index=True)
    # The employer's own table number, 1..employer.tables (formats.md), not the room number.
    table: Mapped[int]
    start: Mapped[dt.time]
    end: Mapped[dt.time]
    # Offer ids covered by this interview (database ids).
    offers: Mapped[list] = mapped_column(JSON, default=list)
    locked: Mapped[bool] = mapped_column(default=False)
    checkin: Mapped[CheckIn] = mapped_column(enum_column(CheckIn, "checkin"), default=CheckIn.EXPECTED)
    outcome: Mapped[Outcome | None] = mapped_column(enum_column(Outcome, "outcome"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Optimistic locking of hand changes: a move raises it, and a move made from an older copy is refused.
    version: Mapped[int] = mapped_column(default=1, server_default="1")
    # Scoring at the table: a rating 1-4, free notes and a next step (a NextStep value), set by the employer.
    rating: Mapped[int | None]
    notes: Mapped[str | None] = mapped_column(Text)
    next_step: Mapped[str | None] = mapped_column(String(20))

    event: Mapped[Event] = relationship(back_populates="interviews")
    candidate: Mapped[Candidate] = relationship(back_populates="interviews")
    employer: Mapped[Employer] = relationship(back_populates="interviews")

    @property
    def room_table(self) -> int:
        """The room number of this interview's table; its own number if the employer has fewer tables now."""
        if self.table <= self.employer.tables:
            return self.employer.room_table(self.table)
        return self.table


class SolveRun(Model):
    __tablename__ = "solve_run"
    __table_args__ = (
        CheckConstraint("progress >= 0 AND progress <= 1", name="progress_range"),
        # At most one queued or running solve per event, enforced by the database itself.
        Index("uq_solve_run_active_event", "event_id", unique=True,
              sqlite_where=text("status IN ('queued', 'running')"),
              postgresql_where=text("status IN ('queued', 'running')")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    status: Mapped[RunStatus] = mapped_column(enum_column(RunStatus, "run_status"), default=RunStatus.QUEUED)
    progress: Mapped[float] = mapped_column(default=0.0)
    time_limit: Mapped[float] = mapped_column(default=30.0)
    best_objective: Mapped[float | None]
    bound: Mapped[float | None]
    stop_requested: Mapped[bool] = mapped_column(default=False)
    started_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    # Written by the worker while it solves; a run whose heartbeat stops is released by whoever looks next.
    heartbeat_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    input_json: Mapped[str | None] = mapped_column(Text)
    output_json: Mapped[str | None] = mapped_column(Text)
    # Headline figures of the plan (covered, interviews, bounds, first choices, mean wait...).
    figures: Mapped[dict] = mapped_column(JSON, default=dict)
    error: Mapped[str | None] = mapped_column(Text)
    requested_by: Mapped[str | None] = mapped_column(String(254))
    # When this run's plan was last written into the event's interviews (applied or restored).
    applied_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    event: Mapped[Event] = relationship(back_populates="solve_runs")


class Cancellation(Model):
    """An interview cancelled by the candidate, the employer or an organizer before it took place: the slot is
    free again (the interview row is gone) and the day-of tools can offer it to somebody else."""

    __tablename__ = "cancellation"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    candidate_id: Mapped[int | None] = mapped_column(ForeignKey("candidate.id", ondelete="SET NULL"), index=True)
    employer_id: Mapped[int | None] = mapped_column(ForeignKey("employer.id", ondelete="SET NULL"), index=True)
    table: Mapped[int]
    start: Mapped[dt.time]
    end: Mapped[dt.time]
    by: Mapped[str] = mapped_column(String(20))  # "candidate", "employer" or "organizer"
    reason: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    candidate: Mapped[Candidate | None] = relationship()
    employer: Mapped[Employer | None] = relationship()


class Standby(Model):
    """A present candidate who would take any free slot of an employer (the desk's standby list)."""

    __tablename__ = "standby"
    __table_args__ = (UniqueConstraint("candidate_id", "employer_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id", ondelete="CASCADE"), index=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employer.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    candidate: Mapped[Candidate] = relationship()
    employer: Mapped[Employer] = relationship()
