"""Custom questions: read for the forms, the preselection, exports and data pages; edited by the organizer (the
event's questions) and by employers (their offers' questions), with the same rules and verbs."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from flask import has_request_context, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from jobdating.core.keys import offer_key
from jobdating.core.models import Answer, Employer, Event, Offer, Question, QuestionKind
from jobdating.extensions import db

YES, NO = "yes", "no"
MAX_ANSWER = 1000  # characters of a free-text answer
MAX_CHOICES, MAX_CHOICE = 30, 100  # answers offered by a "choice" question, characters of each


class QuestionError(ValueError):
    """A question that cannot be saved as typed; `field` names the form field it belongs to."""

    def __init__(self, message: Any, field: str | None = None):
        super().__init__(str(message))
        self.message, self.field = message, field


class NeedsConfirmation(QuestionError):
    """The change would delete answers already given: `count` of them; ask before doing it."""

    def __init__(self, count: int):
        super().__init__(_l("Confirmez : des réponses seraient supprimées."))
        self.count = count


def shown_value(question: Question, value: str) -> str:
    """An answer as people read it: "Oui" / "Non" for a yes/no question, else as typed or chosen."""
    if question.kind == QuestionKind.YESNO:
        return {YES: _("Oui"), NO: _("Non")}.get(value, value)
    return value


# Reading -------------------------------------------------------------------------------------------------

@dataclass
class OfferQuestions:
    """The questions of one offer, as the candidate forms group them."""

    offer_id: int
    key: str  # the offer's wish key, "O12"
    title: str
    company: str
    questions: list[Question] = field(default_factory=list)


@dataclass
class Questionnaire:
    """Every question a candidate of the event may be asked: the event's own, then each offer's."""

    general: list[Question] = field(default_factory=list)
    offers: list[OfferQuestions] = field(default_factory=list)

    def all(self) -> list[Question]:
        return self.general + [q for group in self.offers for q in group.questions]

    def __bool__(self) -> bool:
        return bool(self.general or self.offers)


def questionnaire(event: Event) -> Questionnaire:
    """The event's questions and those of the offers candidates may wish (approved employers), in order; one
    query, read once per request."""
    cache = getattr(request, "questionnaire", None) if has_request_context() else None
    if cache is not None and cache[0] == event.id:
        return cache[1]
    rows = db.session.execute(
        select(Question, Offer.title, Employer.company)
        .outerjoin(Offer, Offer.id == Question.offer_id).outerjoin(Employer, Employer.id == Offer.employer_id)
        .where(Question.event_id == event.id)
        .where((Question.offer_id.is_(None)) | (Employer.approval_pending.is_(False)))
        .order_by(Employer.id.is_not(None), Employer.id, Offer.id, Question.position, Question.id)).all()
    result = Questionnaire()
    for question, title, company in rows:
        if question.offer_id is None:
            result.general.append(question)
            continue
        if not result.offers or result.offers[-1].offer_id != question.offer_id:
            result.offers.append(OfferQuestions(question.offer_id, offer_key(question.offer_id), title, company))
        result.offers[-1].questions.append(question)
    if has_request_context():
        request.questionnaire = (event.id, result)  # type: ignore[attr-defined]
    return result


def answers_of(candidate_ids: list[int], question_ids: list[int] | None = None) -> dict[int, dict[int, str]]:
    """Stored answers: candidate id -> question id -> value (of these questions only, if given)."""
    if not candidate_ids or question_ids == []:
        return {}
    query = select(Answer.candidate_id, Answer.question_id, Answer.value).where(
        Answer.candidate_id.in_(candidate_ids))
    if question_ids is not None:
        query = query.where(Answer.question_id.in_(question_ids))
    found: dict[int, dict[int, str]] = {}
    for candidate_id, question_id, value in db.session.execute(query):
        found.setdefault(candidate_id, {})[question_id] = value
    return found


def answer_counts(questions: list[Question]) -> dict[int, int]:
    """How many candidates answered each question."""
    if not questions:
        return {}
    rows = db.session.execute(select(Answer.question_id, func.count()).where(
        Answer.question_id.in_([q.id for q in questions])).group_by(Answer.question_id))
    return {question_id: count for question_id, count in rows}


def siblings(question: Question) -> list[Question]:
    """The questions listed with this one: the event's own, or the same offer's, in order."""
    return list(db.session.scalars(select(Question).where(
        Question.event_id == question.event_id,
        Question.offer_id.is_(None) if question.offer_id is None else Question.offer_id == question.offer_id)
        .order_by(Question.position, Question.id)))


def question_in_event(event: Event, question_id: int) -> Question | None:
    return db.session.scalar(select(Question).where(Question.id == question_id, Question.event_id == event.id))


# Editing -------------------------------------------------------------------------------------------------

def parse_choices(text: str | list[str] | None) -> list[str]:
    """The offered answers of a "choice" question: one per line, blanks and repeats dropped."""
    lines = text if isinstance(text, list) else (text or "").splitlines()
    return list(dict.fromkeys(line.strip() for line in lines if line and line.strip()))


def checked(kind: str, label: str, help_text: str, choices: str | list[str] | None) -> dict[str, Any]:
    """The question's values as stored, or a QuestionError naming the field to correct."""
    if kind not in {k.value for k in QuestionKind}:
        raise QuestionError(_l("Choisissez le type de réponse."), "kind")
    label = (label or "").strip()
    if not label:
        raise QuestionError(_l("Écrivez la question."), "label")
    if len(label) > 300:
        raise QuestionError(_l("La question fait au plus 300 caractères."), "label")
    offered = parse_choices(choices) if kind == QuestionKind.CHOICE else []
    if kind == QuestionKind.CHOICE:
        if len(offered) < 2:
            raise QuestionError(_l("Indiquez au moins deux réponses possibles, une par ligne."), "choices")
        if len(offered) > MAX_CHOICES or any(len(c) > MAX_CHOICE for c in offered):
            raise QuestionError(_l("Au plus %(n)d réponses de %(chars)d caractères chacune.", n=MAX_CHOICES,
                                   chars=MAX_CHOICE), "choices")
    return dict(kind=QuestionKind(kind), label=label, help_text=(help_text or "").strip()[:500], choices=offered)


def add_question(event: Event, offer: Offer | None, *, kind: str, label: str, help_text: str = "",
                 choices: str | list[str] | None = None, required: bool = False) -> Question:
    """A new question at the end of the event's list (offer None) or of the offer's."""
    values = checked(kind, label, help_text, choices)
    last = db.session.scalar(select(func.max(Question.position)).where(
        Question.event_id == event.id,
        Question.offer_id.is_(None) if offer is None else Question.offer_id == offer.id))
    with db.session.no_autoflush:  # joins the session once complete
        question = Question(event=event, offer=offer, required=bool(required), position=(last or 0) + 1, **values)
    db.session.add(question)
    db.session.commit()
    return question


def _unfit_answers(question: Question, kind: QuestionKind, choices: list[str]):
    """The ids of the stored answers that would no longer fit the question once changed (a query), or None: those
    naming a removed answer of a list; all of them when the kind changes, except to free text, where a yes/no or
    a chosen answer still reads well."""
    if kind == question.kind:
        if kind != QuestionKind.CHOICE:
            return None
        return select(Answer.id).where(Answer.question_id == question.id, Answer.value.not_in(choices))
    if kind == QuestionKind.TEXT:
        return None
    return select(Answer.id).where(Answer.question_id == question.id)


def lost_answers(question: Question, kind: str, choices: str | list[str] | None) -> int:
    """How many answers a change of kind or of offered answers would delete."""
    if kind not in {k.value for k in QuestionKind}:
        return 0
    unfit = _unfit_answers(question, QuestionKind(kind), parse_choices(choices))
    if unfit is None:
        return 0
    return db.session.scalar(select(func.count()).select_from(unfit.subquery())) or 0


def update_question(question: Question, *, kind: str, label: str, help_text: str = "",
                    choices: str | list[str] | None = None, required: bool = False,
                    confirmed: bool = False) -> int:
    """Change a question; answers that no longer fit are deleted, only once `confirmed` (else NeedsConfirmation
    says how many). Returns how many answers were deleted."""
    values = checked(kind, label, help_text, choices)
    lost = lost_answers(question, kind, values["choices"])
    if lost and not confirmed:
        raise NeedsConfirmation(lost)
    unfit = _unfit_answers(question, values["kind"], values["choices"])
    if lost and unfit is not None:
        for answer in db.session.scalars(select(Answer).where(Answer.id.in_(unfit))):
            db.session.delete(answer)
    if values["kind"] == QuestionKind.TEXT and question.kind == QuestionKind.YESNO:
        for answer in question.answers:  # kept as text, in the language of the stored data
            answer.value = {YES: "Oui", NO: "Non"}.get(answer.value, answer.value)
    for key, value in values.items():
        setattr(question, key, value)
    question.required = bool(required)
    db.session.commit()
    return lost


def move_question(question: Question, up: bool) -> None:
    """One place up or down among its siblings."""
    ordered = siblings(question)
    i = ordered.index(question)
    j = i - 1 if up else i + 1
    if 0 <= j < len(ordered):
        ordered[i], ordered[j] = ordered[j], ordered[i]
    for position, row in enumerate(ordered, start=1):
        row.position = position
    db.session.commit()


def delete_question(question: Question) -> int:
    """Delete a question with its answers; returns how many answers went with it."""
    count = answer_counts([question]).get(question.id, 0)
    rest = [q for q in siblings(question) if q.id != question.id]
    db.session.delete(question)
    for position, row in enumerate(rest, start=1):
        row.position = position
    db.session.commit()
    return count
