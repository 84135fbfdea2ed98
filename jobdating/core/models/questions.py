"""Custom questions asked to candidates (for the whole event, or for one offer) and their answers."""
from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from flask_babel import lazy_gettext as _l
from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from jobdating.core.models.base import enum_column
from jobdating.extensions import Model

if TYPE_CHECKING:
    from jobdating.core.models.events import Event, Offer
    from jobdating.core.models.people import Candidate


class QuestionKind(StrEnum):
    TEXT = "text"
    CHOICE = "choice"  # one of `choices`
    YESNO = "yesno"  # stored as "yes" or "no"


QUESTION_KIND_LABELS = {
    QuestionKind.TEXT: _l("Texte libre"),
    QuestionKind.CHOICE: _l("Un choix dans une liste"),
    QuestionKind.YESNO: _l("Oui / non"),
}


class Question(Model):
    """A question of the event's forms: asked to every candidate (offer_id None) or to those who wish one offer."""

    __tablename__ = "question"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    offer_id: Mapped[int | None] = mapped_column(ForeignKey("offer.id", ondelete="CASCADE"), index=True)
    kind: Mapped[QuestionKind] = mapped_column(enum_column(QuestionKind, "question_kind"))
    label: Mapped[str] = mapped_column(String(300))
    help_text: Mapped[str] = mapped_column(String(500), default="")
    # The answers offered for kind "choice", in the order shown; empty for the other kinds.
    choices: Mapped[list] = mapped_column(JSON, default=list)
    required: Mapped[bool] = mapped_column(default=False, server_default=false())
    # Order among the questions of the same event (offer_id None) or of the same offer.
    position: Mapped[int] = mapped_column(default=0)

    event: Mapped[Event] = relationship(back_populates="questions")
    offer: Mapped[Offer | None] = relationship(back_populates="questions")
    answers: Mapped[list[Answer]] = relationship(back_populates="question", cascade="all, delete-orphan",
                                                 passive_deletes=True)

    @property
    def kind_label(self) -> str:
        return str(QUESTION_KIND_LABELS[self.kind])

    def __repr__(self) -> str:
        return f"<Question {self.label}>"


class Answer(Model):
    """A candidate's answer to a question; event_id lets erasure scrub free text like every other event row."""

    __tablename__ = "answer"
    __table_args__ = (UniqueConstraint("question_id", "candidate_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id", ondelete="CASCADE"), index=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id", ondelete="CASCADE"), index=True)
    value: Mapped[str] = mapped_column(Text, default="")

    question: Mapped[Question] = relationship(back_populates="answers")
    candidate: Mapped[Candidate] = relationship(back_populates="answers")
