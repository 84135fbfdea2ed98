"""An employer's private page: preselection of the candidates who wished it, edits until close, its plan."""
from __future__ import annotations

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext

from jobdating.core import lookup, times
from jobdating.core import plans as planning
from jobdating.core.access import TOKEN, protect
from jobdating.core.models import Candidate, Decision, Employer
from jobdating.core.people import employer_by_token
from jobdating.signup import cv as cv_files
from jobdating.signup import feeds, formdata, preselection, recruiters, registration
from jobdating.signup.candidate_views import cv_download
from jobdating.signup.employer_forms import EmployerForm, PreselectionFilterForm, PreselectionForm, RecruiterForm
from jobdating.signup.registration import DuplicateEmail, RegistrationError

bp = Blueprint("employer", __name__, template_folder="templates")
protect(bp, TOKEN)


def _employer(token: str) -> Employer:
    employer = employer_by_token(token)
    if employer is None:
        abort(404)
    return employer


@bp.route("/e/<token>")
def home(token: str):
    employer = _employer(token)
    event = employer.event
    plan = planning.plan_for_employer(employer)
    questions = preselection.questions_for(employer)
    everyone = preselection.wishers(employer, questions)
    filters = PreselectionFilterForm(formdata=request.args)
    filters.reponse.choices = [("", _("Toutes")), *preselection.answer_filters(questions)]
    query, sort, state = filters.values()
    done = request.args.get("fait", type=int)
    shown = preselection.filtered(everyone, query, state, sort, keep=done, answer=filters.answer())
    return render_template(
        "employer/home.html", employer=employer, event=event, wishers=shown, everyone=len(everyone),
        answers={entry.candidate.id: preselection.shown_answers(entry, questions) for entry in shown},
        counts=preselection.counts(everyone), filters=filters, state=state, filter_args=filters.args(),
        done=done,
        form=PreselectionForm(), team_form=RecruiterForm(), main_contact=employer.token == token,
        can_decide=preselection.preselection_is_open(employer),
        editable=event.signup_is_open(), published=plan is not None, plan=plan or [],
        presence=times.describe(event, employer.available),
        preferred=times.describe(event, employer.preferred) if employer.preferred else _("Pas de préférence"),
        preference_warning=formdata.preference_warning(event, employer.available, employer.preferred))


@bp.route("/e/<token>/preselection", methods=["POST"])
def decide(token: str):
    """A decision on one candidate (its button) or on the ticked ones. With JavaScript (fetch) the answer is
    JSON and the page stays where it is; without, the page comes back on the candidate's card."""
    employer = _employer(token)
    form = PreselectionForm()
    back = PreselectionFilterForm(formdata=request.form).args()
    if not form.validate_on_submit():
        return _decided(token, back, None, error=_("Cette action n'a pas pu être enregistrée. Réessayez."))
    if form.decide.data:
        candidate_id, _sep, action = form.decide.data.partition(":")
        ids, single = [int(candidate_id)], int(candidate_id)
    else:
        ids, action, single = form.selected.data or [], form.bulk_action.data, None
        if not ids:
            return _decided(token, back, None, error=_("Cochez d'abord un ou plusieurs candidats."))
    decision = None if action == "clear" else Decision(action)
    try:
        changed = preselection.set_preselection(employer, ids, decision)
    except RegistrationError as error:
        return _decided(token, back, None, error=str(error.message))
    message = ngettext("%(num)d candidat mis à jour.", "%(num)d candidats mis à jour.", changed)
    if _wants_json():
        everyone = preselection.wishers(employer)
        return jsonify(message=message, decision=decision.value if decision else None,
                       ids=[e.candidate.id for e in everyone if e.candidate.id in set(ids)],
                       counts=preselection.counts(everyone))
    if single is None:
        flash(message, "success")
    return _decided(token, back, single)


def _wants_json() -> bool:
    return request.headers.get("X-Requested-With") == "fetch"


def _decided(token: str, back: dict, single: int | None, error: str | None = None):
    """Back to the list as it was: on the decided candidate's card, or on the list for a bulk action."""
    if error and _wants_json():
        return jsonify(error=error), 400
    if error:
        flash(error, "error")
    if single is not None:
        return redirect(url_for("employer.home", token=token, fait=single, **back) + f"#candidat-{single}")
    return redirect(url_for("employer.home", token=token, **back) + "#preselection")


@bp.route("/e/<token>/modifier", methods=["GET", "POST"])
def edit(token: str):
    employer = _employer(token)
    event = employer.event
    if not event.signup_is_open():
        flash(_("Les inscriptions sont closes : contactez l'équipe organisatrice pour toute modification."),
              "warning")
        return redirect(url_for("employer.home", token=token))
    form = EmployerForm()
    duplicate = False
    if not form.is_submitted():
        formdata.fill_employer(form, employer)
    elif formdata.add_offer_row(form):
        pass
    elif formdata.validate_employer(form, event):
        try:
            registration.update_employer(
                employer, offers=formdata.offer_rows(form), available=formdata.window(form.presence, event),
                preferred=formdata.window(form.preferred, event), **formdata.employer_details(form))
        except DuplicateEmail as error:
            duplicate = True
            formdata.attach_error(form, error)
        except RegistrationError as error:
            formdata.attach_error(form, error)
        else:
            flash(_("Les informations de l'entreprise sont enregistrées."), "success")
            return redirect(url_for("employer.home", token=token))
    return render_template("employer/edit.html", employer=employer, event=event, form=form, duplicate=duplicate,
                           preference_warning=formdata.form_preference_warning(form, event),
                           stakes=lookup.offer_stakes(employer))


@bp.route("/e/<token>/cv/<int:candidate_id>")
def cv(token: str, candidate_id: int):
    employer = _employer(token)
    candidate = lookup.in_event(Candidate, employer.event, candidate_id)
    if candidate is None or not cv_files.employer_may_read(employer, candidate):
        abort(404)
    return cv_download(candidate)


def _main_contact(token: str) -> Employer:
    """The employer, when the link is its own: only the main contact manages the recruiting team."""
    employer = _employer(token)
    if employer.token != token:
        abort(403)
    return employer


@bp.route("/e/<token>/equipe", methods=["POST"])
def add_recruiter(token: str):
    employer = _main_contact(token)
    form = RecruiterForm()
    if form.validate_on_submit():
        try:
            recruiter = recruiters.add_recruiter(employer, form.name.data, form.email.data)
        except recruiters.RecruiterError as error:
            flash(str(error), "error")
        else:
            flash(_("%(name)s a reçu son lien personnel par e-mail.", name=recruiter.name), "success")
    else:
        for errors in form.errors.values():
            flash(" ".join(str(e) for e in errors), "error")
    return redirect(url_for("employer.home", token=token) + "#equipe")


@bp.route("/e/<token>/equipe/<int:recruiter_id>/retirer", methods=["POST"])
def remove_recruiter(token: str, recruiter_id: int):
    employer = _main_contact(token)  # the CSRF token was checked by CSRFProtect, as for every POST
    try:
        recruiters.remove_recruiter(employer, recruiter_id)
    except recruiters.RecruiterError as error:
        flash(str(error), "error")
    else:
        flash(_("Accès retiré : son lien ne fonctionne plus."), "success")
    return redirect(url_for("employer.home", token=token) + "#equipe")


@bp.route("/e/<token>/agenda.ics")
def calendar_feed(token: str):
    """The company's published plan as a calendar (download or webcal:// subscription)."""
    employer = _employer(token)
    return feeds.response(employer.event, planning.plan_for_employer(employer) or [], for_candidate=False)
