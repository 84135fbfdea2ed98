"""Questions edited from a form, on the organizer's page (planning) and on an employer's page (signup): the rules
of core.questions, their errors shown on the form, and the cached sign-up form rendered again at once."""
from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _
from flask_babel import ngettext

from jobdating.core import formerrors
from jobdating.core import questions as service
from jobdating.core.models import Event, Offer, Question
from jobdating.signup import pagecache
from jobdating.signup.forms import QuestionForm


@dataclass(frozen=True)
class Edit:
    """What sending the edit form gave: saved (with the answers it deleted), or answers it would delete and
    must confirm first (`losing`), or neither (the errors are on the form)."""
    saved: bool = False
    lost: int = 0
    losing: int = 0


def add(form: QuestionForm, event: Event, offer: Offer | None) -> Question | None:
    """The question of a sent form, added to the event (or to one of its offers); None when the form is not sent
    or has errors (shown on it)."""
    if not form.validate_on_submit():
        return None
    try:
        question = service.add_question(event, offer, **form.values())
    except service.QuestionError as error:
        formerrors.attach(form, error.field, error.message)
        return None
    pagecache.forget()
    return question


def update(form: QuestionForm, question: Question, *, confirmed: bool) -> Edit:
    """Change `question` as the sent form says (`confirmed`: the answers it deletes may go)."""
    if not form.validate():
        return Edit()
    try:
        lost = service.update_question(question, confirmed=confirmed, **form.values())
    except service.NeedsConfirmation as needed:
        return Edit(losing=needed.count)
    except service.QuestionError as error:
        formerrors.attach(form, error.field, error.message)
        return Edit()
    pagecache.forget()
    return Edit(saved=True, lost=lost)


def saved_message(edit: Edit) -> str:
    return (ngettext("Question enregistrée ; %(num)d réponse supprimée.",
                     "Question enregistrée ; %(num)d réponses supprimées.", edit.lost) if edit.lost
            else _("Question enregistrée."))


def move(question: Question, *, up: bool) -> None:
    service.move_question(question, up=up)
    pagecache.forget()


def delete(question: Question) -> int:
    """Delete `question` and its answers; returns how many answers went."""
    count = service.delete_question(question)
    pagecache.forget()
    return count


def deleted_message(count: int) -> str:
    return ngettext("Question supprimée, avec %(num)d réponse.", "Question supprimée, avec %(num)d réponses.", count)
