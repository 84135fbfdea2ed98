"""A candidate's private page: wishes and availability until sign-up closes, withdrawal, the published plan."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user

from jobdating.core import lookup, times
from jobdating.core import plans as planning
from jobdating.core.access import TOKEN, protect, role_of
from jobdating.core.models import Candidate, Role
from jobdating.core.notice import needs_consent as notice_changed
from jobdating.core.people import find_by_token
from jobdating.core.questions import shown_value
from jobdating.signup import cv as cv_files
from jobdating.signup import feeds, formdata, registration, withdrawal
from jobdating.signup.forms import ConfirmForm, WishesForm
from jobdating.signup.registration import RegistrationError

bp = Blueprint("candidate", __name__, template_folder="templates")
# The private pages open with the candidate\'s token; organizers download CVs from their workspace.
protect(bp, TOKEN, organizer=("cv_for_organizer",))


def _candidate(token: str) -> Candidate:
    candidate = find_by_token(Candidate, token)
    if candidate is None:
        abort(404)
    return candidate


@bp.route("/c/<token>", methods=["GET", "POST"])
def home(token: str):
    candidate = _candidate(token)
    event = candidate.event
    editable = event.signup_is_open()
    needs_consent = notice_changed(candidate)
    form = formdata.form_class(WishesForm, event)()
    formdata.setup_wishes(form, event, selects=False)
    reordered = False
    if not form.is_submitted():
        formdata.fill_wishes(form, candidate)
        formdata.fill_window(form.availability, event, candidate.available)
        formdata.fill_answers(form, candidate)
    elif not editable:
        flash(_("Les inscriptions sont closes : vos vœux ne peuvent plus être modifiés."), "warning")
        return redirect(url_for("candidate.home", token=token))
    elif formdata.apply_move(form):
        reordered = True
    elif needs_consent and not form.consent.data:
        form.consent.errors = [_("La notice de confidentialité a changé : cochez cette case pour enregistrer.")]
    elif formdata.validate_candidate(form, event):
        try:
            registration.update_candidate(candidate, wishes=formdata.wish_keys(form),
                                          available=formdata.window(form.availability, event),
                                          answers=formdata.typed_answers(form))
            if needs_consent:
                registration.record_consent(candidate)
        except RegistrationError as error:
            formdata.attach_error(form, error)
        else:
            flash(_("Vos vœux et vos disponibilités sont enregistrés."), "success")
            return redirect(url_for("candidate.home", token=token))
    plan = planning.plan_for_candidate(candidate)
    return render_template(
        "candidate/home.html", candidate=candidate, event=event, form=form, editable=editable,
        catalog=formdata.wish_catalog(event), reordered=reordered, needs_consent=needs_consent,
        questions=formdata.questionnaire(event), answered=[] if editable else _answered(candidate),
        availability=times.describe(event, candidate.available), published=plan is not None,
        plan=plan or [])


def _answered(candidate: Candidate) -> list[tuple[str, str]]:
    """The candidate's answers as (question, answer), for the page once sign-up is closed."""
    return [(answer.question.label, shown_value(answer.question, answer.value))
            for answer in sorted(candidate.answers, key=lambda a: (a.question.offer_id or 0, a.question.position))]


@bp.route("/c/<token>/retrait", methods=["GET", "POST"])
def withdraw(token: str):
    candidate = _candidate(token)
    event = candidate.event
    form = ConfirmForm()
    if form.validate_on_submit():
        withdrawal.erase_candidate(candidate, reason="à sa demande, depuis sa page")
        flash(_("Votre inscription est annulée : vos données et votre CV ont été supprimés. Un e-mail vous le "
                "confirme."), "success")
        return redirect(url_for("public.event", slug=event.slug))
    return render_template("candidate/withdraw.html", candidate=candidate, event=event, form=form)


def cv_download(candidate: Candidate):
    """Send a stored CV as a download, never displayed inline."""
    path = cv_files.cv_path(candidate.cv_filename or "")
    if path is None or not path.is_file():
        abort(404)
    response = send_file(path, mimetype="application/pdf", as_attachment=True,
                         download_name=cv_files.download_name(candidate), max_age=0)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.route("/organisation/candidats/<int:candidate_id>/cv")
def cv_for_organizer(candidate_id: int):
    candidate = lookup.candidate_by_id(candidate_id) or abort(404)
    role = role_of(current_user, candidate.event)
    if role is None or role.rank < Role.ORGANIZER.rank:  # front-desk members see no CV
        abort(404)
    return cv_download(candidate)


@bp.route("/c/<token>/agenda.ics")
def calendar_feed(token: str):
    """The published plan as a calendar: downloaded once (Ajouter à mon agenda) or subscribed to (webcal://),
    it always shows the current version."""
    candidate = _candidate(token)
    return feeds.response(candidate.event, planning.plan_for_candidate(candidate) or [], for_candidate=True)
