"""The custom questions on the candidate forms (sign-up and private page): one field per question in a sub-form
named "answers" (fields "answers-q12"), prefilled from and saved to the candidate's Answer rows.

An event without questions gets the form unchanged. The rules for the answers are in rules.py (checked with the
other fields, then again by the registration service before it saves)."""
from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import Form as PlainForm
from wtforms import FormField, RadioField, TextAreaField
from wtforms.validators import Length, Optional

from jobdating.core.models import Answer, Candidate, Event, Question, QuestionKind
from jobdating.core.questions import MAX_ANSWER, NO, YES, questionnaire


def _field(question: Question) -> Any:
    if question.kind == QuestionKind.TEXT:
        return TextAreaField(question.label, description=question.help_text, validators=[
            Optional(), Length(max=MAX_ANSWER, message=_l("Votre réponse fait au plus %(max)d caractères."))])
    choices = [(YES, _l("Oui")), (NO, _l("Non"))] if question.kind == QuestionKind.YESNO \
        else [(choice, choice) for choice in question.choices]
    # validate_choice=False: rules.answer_problems says in French what is wrong.
    return RadioField(question.label, description=question.help_text, choices=choices, validate_choice=False)


# Form classes made for a set of questions, by what their fields show: a sign-up builds its form from the class
# made for the first one (making a class of a dozen fields cost more than the rest of reading the form).
_classes: dict[tuple, type] = {}
_CLASSES_KEPT = 64


def form_class(base: type, event: Event) -> type:
    """`base` with the event's questions as a sub-form "answers", or `base` itself when it asks none."""
    asked = questionnaire(event)
    if not asked:
        return base
    questions = asked.all()
    key = (base, *((q.id, q.kind, q.label, q.help_text, tuple(q.choices or ())) for q in questions))
    made = _classes.get(key)
    if made is None:
        answers = type("AnswersForm", (PlainForm,), {f"q{q.id}": _field(q) for q in questions})
        made = type(base.__name__, (base,), {"answers": FormField(answers, label=_l("Questions"))})
        if len(_classes) >= _CLASSES_KEPT:
            _classes.clear()
        _classes[key] = made
    return made


def has_questions(form) -> bool:
    return "answers" in form


def typed_answers(form) -> dict[int, str] | None:
    """What the form says for each question (id -> value); None for a form without questions."""
    if not has_questions(form):
        return None
    return {int(name[1:]): (field.data or "").strip() if isinstance(field.data, str) else ""
            for name, field in form.answers.form._fields.items()}


def fill_answers(form, candidate: Candidate) -> None:
    """Prefill the answers stored for the candidate."""
    if not has_questions(form):
        return
    stored = {answer.question_id: answer.value for answer in candidate.answers}
    for name, field in form.answers.form._fields.items():
        field.data = stored.get(int(name[1:]), field.data)


def apply_answers(candidate: Candidate, kept: dict[int, str], asked: set[int]) -> None:
    """Make the candidate's answers those of `kept` (question id -> value, already checked): answers to questions
    in `asked` not in `kept` are removed (emptied, or the offer no longer wished), others changed or added."""
    current = {answer.question_id: answer for answer in candidate.answers}
    for question_id, stale in current.items():
        if question_id in asked and question_id not in kept:
            candidate.answers.remove(stale)
    for question_id, value in kept.items():
        answer = current.get(question_id)
        if answer is None:
            candidate.answers.append(Answer(event_id=candidate.event.id, question_id=question_id, value=value))
        else:
            answer.value = value


def forget_unwished(candidate: Candidate, offers: set[int]) -> None:
    """Remove the answers to the questions of offers the candidate no longer wishes."""
    general = {q.id for q in questionnaire(candidate.event).general}
    keep = {q.id for q in questionnaire(candidate.event).all() if q.id in general or q.offer_id in offers}
    for answer in list(candidate.answers):
        if answer.question_id not in keep:
            candidate.answers.remove(answer)
