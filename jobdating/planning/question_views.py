"""The organizer's questions to candidates: the event's own (add, edit, reorder, delete) and its offers'."""
from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from jobdating.core import questions as service
from jobdating.core.models import Question
from jobdating.planning import people
from jobdating.planning.event_views import bp
from jobdating.signup import question_edits
from jobdating.signup.forms import ConfirmForm, QuestionForm


def _question(question_id: int) -> Question:
    return service.question_in_event(g.event, question_id) or abort(404)


def _urls(question: Question) -> dict[str, str]:
    event_id = g.event.id
    return {"edit": url_for("organizer.edit_question", event_id=event_id, question_id=question.id),
            "move": url_for("organizer.move_question", event_id=event_id, question_id=question.id),
            "delete": url_for("organizer.delete_question", event_id=event_id, question_id=question.id)}


def _back() -> str:
    return url_for("organizer.questions", event_id=g.event.id)


@bp.route("/evenements/<int:event_id>/questions", methods=["GET", "POST"])
def questions():
    event = g.event
    form = QuestionForm()
    question = question_edits.add(form, event, None)
    if question is not None:
        people.note("question.add", f"Question ajoutée : {question.label}", current_user, event.id)
        flash(_("Question ajoutée."), "success")
        return redirect(_back() + f"#question-{question.id}")
    every = list(event.questions)
    offers: dict[int, list[Question]] = {}
    for question in every:
        if question.offer_id is not None:
            offers.setdefault(question.offer_id, []).append(question)
    return render_template("organizer/questions.html", event=event, form=form, confirm=ConfirmForm(), urls=_urls,
                           general=[q for q in every if q.offer_id is None],
                           offers=[(rows[0].offer, rows) for rows in offers.values()],
                           counts=service.answer_counts(every))


@bp.route("/evenements/<int:event_id>/questions/<int:question_id>", methods=["GET", "POST"])
def edit_question(question_id: int):
    event, question = g.event, _question(question_id)
    form = QuestionForm()
    losing = 0
    if not form.is_submitted():
        form.fill(question)
    else:
        edit = question_edits.update(form, question, confirmed=request.form.get("confirm") == "1")
        if edit.saved:
            people.note("question.update", f"Question modifiée : {question.label}" + (
                f" ; {edit.lost} réponse(s) supprimée(s)" if edit.lost else ""), current_user, event.id)
            flash(question_edits.saved_message(edit), "success")
            return redirect(_back() + f"#question-{question.id}")
        losing = edit.losing
    answered = service.answer_counts([question]).get(question.id, 0)
    return render_template("organizer/question_edit.html", event=event, form=form, question=question,
                           answered=answered, losing=losing, back=_back())


@bp.route("/evenements/<int:event_id>/questions/<int:question_id>/deplacer", methods=["POST"])
def move_question(question_id: int):
    question = _question(question_id)
    if ConfirmForm().validate_on_submit():
        question_edits.move(question, up=request.form.get("sens") == "up")
    return redirect(_back() + f"#question-{question.id}")


@bp.route("/evenements/<int:event_id>/questions/<int:question_id>/supprimer", methods=["GET", "POST"])
def delete_question(question_id: int):
    event, question = g.event, _question(question_id)
    confirm = ConfirmForm()
    if confirm.validate_on_submit():
        label = question.label
        count = question_edits.delete(question)
        people.note("question.delete", f"Question supprimée : {label} ; {count} réponse(s) supprimée(s)",
                    current_user, event.id)
        flash(question_edits.deleted_message(count), "success")
        return redirect(_back())
    count = service.answer_counts([question]).get(question.id, 0)
    return render_template("organizer/question_delete.html", event=event, question=question, count=count,
                           confirm=confirm, back=_back())
