"""Candidates, their ranked wishes, and employers' preselection decisions."""
from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import TYPE_CHECKING

from flask_babel import lazy_gettext as _l
from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from jobdating.core.models.base import UTCDateTime, enum_column, new_token
from jobdating.core.times import utcnow
from jobdating.extensions import Model

if TYPE_CHECKING:
    from jobdating.core.models.events import Employer, Event, Offer
    from jobdating.core.models.questions import Answer
    from jobdating.core.models.schedule import Interview


class Situation(StrEnum):
    JOB_SEEKER = "job_seeker"
    STUDENT = "student"
    EMPLOYEE = "employee"
    CAREER_CHANGE = "career_change"
    OTHER = "other"


SITUATION_LABELS = {
    Situation.JOB_SEEKER: _l("Demandeur·se d'emploi"),
    Situation.STUDENT: _l("Étudiant·e"),
    Situation.EMPLOYEE: _l("Salarié·e"),
    Situation.CAREER_CHANGE: _l("En reconversion"),
    Situation.OTHER: _l("Autre"),
}


class EducationLevel(StrEnum):
    NONE = "none"
    CAP_BEP = "cap_bep"
    BAC = "bac"
    BAC2 = "bac2"
    BAC3 = "bac3"
    BAC5 = "bac5"
    DOCTORATE = "doctorate"


EDUCATION_LABELS = {
    EducationLevel.NONE: _l("Sans diplôme"),
    EducationLevel.CAP_BEP: _l("CAP / BEP"),
    EducationLevel.BAC: _l("Bac"),
    EducationLevel.BAC2: _l("Bac +2 (BTS, DUT, BUT 2)"),
    EducationLevel.BAC3: _l("Bac +3 (Licence, BUT)"),
    EducationLevel.BAC5: _l("Bac +5 (Master, ingénieur)"),
    EducationLevel.DOCTORATE: _l("Doctorat"),
}


class Decision(StrEnum):
    ACCEPTED = "accepted"
    DECLINED = "declined"
    FAVOURITE = "favourite"


class Candidate(Model):
    __tablename__ = "candidate"
    __table_args__ = (
        UniqueConstraint("event_id", "email"),
        # The address check of a sign-up (signup/registration.py) looks addresses up by lower(email).
        Index("ix_candidate_event_lower_email", "event_id", text("lower(email)")),
        CheckConstraint("max_interviews IS NULL OR max_interviews >= 0", name="max_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    email: Mapped[str] = mapped_column(String(254))
    phone: Mapped[str] = mapped_column(String(40), default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    town: Mapped[str] = mapped_column(String(100), default="")
    situation: Mapped[Situation] = mapped_column(
        enum_column(Situation, "situation"), default=Situation.JOB_SEEKER
    )
    education_level: Mapped[EducationLevel | None] = mapped_column(
        enum_column(EducationLevel, "education_level")
    )
    wanted_contracts: Mapped[list] = mapped_column(JSON, default=list)
    # CV stored under instance/cv/ with a random server-side name; the original name is kept for download.
    cv_filename: Mapped[str | None] = mapped_column(String(80))
    cv_original_name: Mapped[str | None] = mapped_column(String(200))
    available: Mapped[list] = mapped_column(JSON, default=list)
    max_interviews: Mapped[int | None]
    accessibility_needs: Mapped[str] = mapped_column(Text, default="")
    consent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    # The version of the privacy notice consented to (privacy.notice.consent_version()).
    consent_version: Mapped[str | None] = mapped_column(String(20))
    # Answers to a reminder: coming (confirmed), or not coming at all (declined).
    confirmed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    declined_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    token: Mapped[str] = mapped_column(String(64), unique=True, default=new_token)
    # What the badge's QR code carries: it checks the person in at the desk and opens nothing private,
    # so a photographed badge never gives access to the private page.
    badge_token: Mapped[str] = mapped_column(String(64), unique=True, default=new_token)
    walk_in: Mapped[bool] = mapped_column(default=False)
    arrived_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    # Declared absent by the front desk (local time); cleared if they check in after all.
    absent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    plan_digest: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    event: Mapped[Event] = relationship(back_populates="candidates")
    wishes: Mapped[list[Wish]] = relationship(
        back_populates="candidate", cascade="all, delete-orphan", order_by="Wish.rank"
    )
    preselections: Mapped[list[Preselection]] = relationship(
        back_populates="candidate", cascade="all, delete-orphan"
    )
    interviews: Mapped[list[Interview]] = relationship(
        back_populates="candidate", cascade="all, delete-orphan"
    )
    answers: Mapped[list[Answer]] = relationship(
        back_populates="candidate", cascade="all, delete-orphan", passive_deletes=True
    )

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def display_name(self) -> str:
        """How lists, the desk and the audit log name this person (an employer's is its company)."""
        return self.full_name

    @property
    def situation_label(self) -> str:
        return str(SITUATION_LABELS[self.situation])

    @property
    def education_label(self) -> str:
        return str(EDUCATION_LABELS[self.education_level]) if self.education_level else ""

    def __repr__(self) -> str:
        return f"<Candidate {self.full_name}>"


class Wish(Model):
    """A ranked wish: an employer, or one of its offers (then employer_id is the offer's employer)."""

    __tablename__ = "wish"
    __table_args__ = (
        UniqueConstraint("candidate_id", "rank"),
        CheckConstraint("rank >= 1", name="rank_positive"),
        # No duplicate wishes: an offer once (NULLs are distinct, so employer-only wishes need the index below).
        UniqueConstraint("candidate_id", "offer_id"),
        Index("uq_wish_candidate_employer_only", "candidate_id", "employer_id", unique=True,
              sqlite_where=text("offer_id IS NULL"), postgresql_where=text("offer_id IS NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id", ondelete="CASCADE"), index=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employer.id", ondelete="CASCADE"), index=True)
    offer_id: Mapped[int | None] = mapped_column(ForeignKey("offer.id", ondelete="CASCADE"), index=True)
    rank: Mapped[int]

    candidate: Mapped[Candidate] = relationship(back_populates="wishes")
    employer: Mapped[Employer] = relationship(back_populates="wishes")
    offer: Mapped[Offer | None] = relationship(back_populates="wishes")

    @property
    def target_label(self) -> str:
        if self.offer is not None:
            return f"{self.employer.company} — {self.offer.title}"
        return self.employer.company


class Preselection(Model):
    __tablename__ = "preselection"
    __table_args__ = (UniqueConstraint("employer_id", "candidate_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employer.id", ondelete="CASCADE"), index=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id", ondelete="CASCADE"), index=True)
    decision: Mapped[Decision] = mapped_column(enum_column(Decision, "decision"))
    decided_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    employer: Mapped[Employer] = relationship(back_populates="preselections")
    candidate: Mapped[Candidate] = relationship(back_populates="preselections")
