"""Organizer views of the people: searchable lists, edit, remove, and sign-up on someone's behalf."""
from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from jobdating.core import lookup
from jobdating.core.models import Candidate, Employer
from jobdating.planning import people
from jobdating.planning.event_views import bp
from jobdating.planning.forms import (
    CandidateEditForm,
    EmployerEditForm,
    OnBehalfCandidateForm,
    OnBehalfEmployerForm,
    SearchForm,
)
from jobdating.signup import formdata, registration
from jobdating.signup.forms import ConfirmForm
from jobdating.signup.registration import (
    RegistrationError,
    register_candidate,
    register_employer,
    update_candidate,
    update_employer,
)


def _person(model, event, person_id: int):
    return lookup.in_event(model, event, person_id) or abort(404)


@bp.route("/evenements/<int:event_id>/candidats")
def candidates():
    event = g.event
    search = SearchForm(request.args)
    return render_template("organizer/candidates.html", event=event, search=search, confirm=ConfirmForm(),
                           candidates=people.search_candidates(event, search.q.data))


@bp.route("/evenements/<int:event_id>/employeurs")
def employers():
    event = g.event
    search = SearchForm(request.args)
    return render_template("organizer/employers.html", event=event, search=search, confirm=ConfirmForm(),
                           employers=people.search_employers(event, search.q.data))


def _candidate_form(form, event, title, candidate=None):
    return render_template("organizer/person_form.html", form=form, event=event, title=title,
                           back=url_for("organizer.candidates", event_id=event.id), person=candidate,
                           multipart=True, questions=formdata.questionnaire(event))


def _checked(form, event) -> bool:
    """A submitted candidate form, checked with the sign-up rules (wishes, times, the custom questions)."""
    return form.is_submitted() and not formdata.apply_move(form) and formdata.validate_candidate(form, event)


@bp.route("/evenements/<int:event_id>/candidats/nouveau", methods=["GET", "POST"])
def new_candidate():
    event = g.event
    form = formdata.form_class(OnBehalfCandidateForm, event)()
    formdata.setup_wishes(form, event)
    if _checked(form, event):
        try:
            candidate = register_candidate(
                event, wishes=formdata.wish_keys(form), available=formdata.window(form.availability, event),
                cv=formdata.uploaded_cv(form), consent=True, check_open=False,
                answers=formdata.typed_answers(form), **formdata.candidate_details(form))
        except RegistrationError as error:
            formdata.attach_error(form, error)
        else:
            people.note("candidate.register", f"Candidat inscrit par l'organisation : {candidate.full_name}",
                        current_user, event.id)
            flash(_("%(name)s est inscrit·e ; son lien privé lui a été envoyé.", name=candidate.full_name), "success")
            return redirect(url_for("organizer.candidates", event_id=event.id))
    return _candidate_form(form, event, _("Inscrire un candidat"))


@bp.route("/evenements/<int:event_id>/candidats/<int:candidate_id>", methods=["GET", "POST"])
def edit_candidate(candidate_id: int):
    event = g.event
    candidate = _person(Candidate, event, candidate_id)
    form = formdata.form_class(CandidateEditForm, event)(obj=candidate)
    formdata.setup_wishes(form, event)
    if not form.is_submitted():
        formdata.fill_wishes(form, candidate)
        formdata.fill_window(form.availability, event, candidate.available)
        formdata.fill_answers(form, candidate)
        form.education_level.data = candidate.education_level.value if candidate.education_level else ""
        form.situation.data = candidate.situation.value
    if _checked(form, event):
        try:
            update_candidate(candidate, wishes=formdata.wish_keys(form),
                             available=formdata.window(form.availability, event), cv=formdata.uploaded_cv(form),
                             check_open=False, max_interviews=form.max_interviews.data,
                             answers=formdata.typed_answers(form), **formdata.candidate_details(form))
        except RegistrationError as error:
            formdata.attach_error(form, error)
        else:
            people.note("candidate.update", f"Inscription modifiée : {candidate.full_name}", current_user, event.id)
            flash(_("Inscription de %(name)s enregistrée.", name=candidate.full_name), "success")
            return redirect(url_for("organizer.candidates", event_id=event.id))
    return _candidate_form(form, event, _("Modifier %(name)s", name=candidate.full_name), candidate)


@bp.route("/evenements/<int:event_id>/candidats/<int:candidate_id>/retirer", methods=["POST"])
def remove_candidate(candidate_id: int):
    event = g.event
    candidate = _person(Candidate, event, candidate_id)
    if ConfirmForm().validate_on_submit():
        name = candidate.full_name
        people.remove_candidate(candidate, current_user)
        flash(_("%(name)s a été retiré·e, avec ses vœux et ses entretiens.", name=name), "success")
    return redirect(url_for("organizer.candidates", event_id=event.id))


def _employer_form(form, event, title, employer=None):
    return render_template("organizer/person_form.html", form=form, event=event, title=title,
                           back=url_for("organizer.employers", event_id=event.id), person=employer,
                           multipart=False, stakes=lookup.offer_stakes(employer) if employer else {})


def _employer_values(form, event) -> dict:
    return dict(offers=formdata.offer_rows(form), available=formdata.window(form.presence, event),
                preferred=formdata.window(form.preferred, event), **formdata.employer_details(form))


@bp.route("/evenements/<int:event_id>/employeurs/nouveau", methods=["GET", "POST"])
def new_employer():
    event = g.event
    form = OnBehalfEmployerForm()
    if not formdata.add_offer_row(form) and form.validate_on_submit():
        try:
            employer = register_employer(event, check_open=False, consent=True, approved=True,
                                         **_employer_values(form, event))
        except RegistrationError as error:
            formdata.attach_error(form, error)
        else:
            people.note("employer.register", f"Employeur inscrit par l'organisation : {employer.company}",
                        current_user, event.id)
            flash(_("%(company)s est inscrit ; son lien privé lui a été envoyé.", company=employer.company),
                  "success")
            return redirect(url_for("organizer.employers", event_id=event.id))
    return _employer_form(form, event, _("Inscrire un employeur"))


@bp.route("/evenements/<int:event_id>/employeurs/<int:employer_id>", methods=["GET", "POST"])
def edit_employer(employer_id: int):
    event = g.event
    employer = _person(Employer, event, employer_id)
    form = EmployerEditForm()
    if not form.is_submitted():
        formdata.fill_employer(form, employer)
    if not formdata.add_offer_row(form) and form.validate_on_submit():
        try:
            update_employer(employer, check_open=False, **_employer_values(form, event))
        except RegistrationError as error:
            formdata.attach_error(form, error)
        else:
            people.note("employer.update", f"Inscription modifiée : {employer.company}", current_user, event.id)
            flash(_("Inscription de %(company)s enregistrée.", company=employer.company), "success")
            return redirect(url_for("organizer.employers", event_id=event.id))
    return _employer_form(form, event, _("Modifier %(company)s", company=employer.company), employer)


@bp.route("/evenements/<int:event_id>/employeurs/<int:employer_id>/valider", methods=["POST"])
def approve_employer(employer_id: int):
    event = g.event
    employer = _person(Employer, event, employer_id)
    if ConfirmForm().validate_on_submit() and registration.approve_employer(employer):
        people.note("employer.approve", f"Employeur validé : {employer.company}", current_user, event.id)
        flash(_("%(company)s est validé : l'entreprise est visible des candidats et a été prévenue par e-mail.",
                company=employer.company), "success")
    return redirect(url_for("organizer.employers", event_id=event.id))


@bp.route("/evenements/<int:event_id>/employeurs/<int:employer_id>/retirer", methods=["POST"])
def remove_employer(employer_id: int):
    event = g.event
    employer = _person(Employer, event, employer_id)
    if ConfirmForm().validate_on_submit():
        company = employer.company
        people.remove_employer(employer, current_user)
        flash(_("%(company)s a été retiré, avec ses offres et ses entretiens.", company=company), "success")
    return redirect(url_for("organizer.employers", event_id=event.id))
