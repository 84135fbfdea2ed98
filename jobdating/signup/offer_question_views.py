"""An employer's questions to the candidates of each of its offers, from its private page (added to the employer
blueprint): the same list, form and rules as the organizer's page, for one offer at a time."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from jobdating.core import questions as service
from jobdating.core.models import Employer, Offer, Question
from jobdating.signup import question_edits
from jobdating.signup.employer_views import _employer, bp
from jobdating.signup.forms import ConfirmForm, QuestionForm


def _offer(employer: Employer, offer_id: int) -> Offer:
    return next((offer for offer in employer.offers if offer.id == offer_id), None) or abort(404)


def _editable(employer: Employer) -> Employer:
    """Questions change while candidates can still answer them (sign-up open), as the rest of the form."""
    if not employer.event.signup_is_open():
        flash(_("Les inscriptions sont closes : contactez l'équipe organisatrice pour toute modification."),
              "warning")
        abort(redirect(url_for("employer.home", token=request.view_args["token"])))  # type: ignore[index]
    return employer


def _question(employer: Employer, question_id: int) -> Question:
    question = service.question_in_event(employer.event, question_id)
    if question is None or question.offer is None or question.offer.employer_id != employer.id:
        abort(404)
    return question


def _urls(token: str):
    def urls(question: Question) -> dict[str, str]:
        return {"edit": url_for("employer.edit_offer_question", token=token, question_id=question.id),
                "move": url_for("employer.move_offer_question", token=token, question_id=question.id),
                "delete": url_for("employer.delete_offer_question", token=token, question_id=question.id)}
    return urls


def _back(token: str, offer_id: int) -> str:
    return url_for("employer.offer_questions", token=token, offer_id=offer_id)


@bp.route("/e/<token>/offres/<int:offer_id>/questions", methods=["GET", "POST"])
def offer_questions(token: str, offer_id: int):
    employer = _employer(token)
    offer = _offer(employer, offer_id)
    editable = employer.event.signup_is_open()
    form = QuestionForm()
    question = question_edits.add(form, employer.event, offer) if editable else None
    if question is not None:
        flash(_("Question ajoutée : elle est posée aux candidats qui choisissent cette offre."), "success")
        return redirect(_back(token, offer.id) + f"#question-{question.id}")
    return render_template("employer/questions.html", employer=employer, event=employer.event, offer=offer,
                           form=form, confirm=ConfirmForm(), urls=_urls(token), editable=editable,
                           counts=service.answer_counts(list(offer.questions)))


@bp.route("/e/<token>/questions/<int:question_id>", methods=["GET", "POST"])
def edit_offer_question(token: str, question_id: int):
    employer = _editable(_employer(token))
    question = _question(employer, question_id)
    form = QuestionForm()
    losing = 0
    if not form.is_submitted():
        form.fill(question)
    else:
        edit = question_edits.update(form, question, confirmed=request.form.get("confirm") == "1")
        if edit.saved:
            flash(question_edits.saved_message(edit), "success")
            return redirect(_back(token, question.offer_id or 0) + f"#question-{question.id}")
        losing = edit.losing
    return render_template("employer/question_edit.html", employer=employer, event=employer.event, form=form,
                           question=question, losing=losing, back=_back(token, question.offer_id or 0),
                           answered=service.answer_counts([question]).get(question.id, 0))


@bp.route("/e/<token>/questions/<int:question_id>/deplacer", methods=["POST"])
def move_offer_question(token: str, question_id: int):
    employer = _editable(_employer(token))
    question = _question(employer, question_id)
    if ConfirmForm().validate_on_submit():
        question_edits.move(question, up=request.form.get("sens") == "up")
    return redirect(_back(token, question.offer_id or 0) + f"#question-{question.id}")


@bp.route("/e/<token>/questions/<int:question_id>/supprimer", methods=["GET", "POST"])
def delete_offer_question(token: str, question_id: int):
    employer = _editable(_employer(token))
    question = _question(employer, question_id)
    back = _back(token, question.offer_id or 0)
    confirm = ConfirmForm()
    if confirm.validate_on_submit():
        flash(question_edits.deleted_message(question_edits.delete(question)), "success")
        return redirect(back)
    return render_template("employer/question_delete.html", employer=employer, event=employer.event,
                           question=question, confirm=confirm, back=back,
                           count=service.answer_counts([question]).get(question.id, 0))
