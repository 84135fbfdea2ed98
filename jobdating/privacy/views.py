"""Personal data, for the people it is about and for the organizer: the privacy notice, each person's data page
(see, download, correct, erase), an employer withdrawing, the register of processing, erasing early, deleting
an event."""
from __future__ import annotations

import json

from flask import Blueprint, Response, abort, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from jobdating.core import lookup
from jobdating.core.access import TOKEN, protect
from jobdating.core.models import Candidate, Employer
from jobdating.core.notice import consent_version, controller, retention_months
from jobdating.core.notice import needs_consent as notice_changed
from jobdating.core.people import employer_by_token, find_by_token
from jobdating.privacy import events, export, retention
from jobdating.privacy.forms import IdentityForm, TypedConfirmForm
from jobdating.signup import withdrawal
from jobdating.signup.formdata import attach_error
from jobdating.signup.forms import ConfirmForm
from jobdating.signup.registration import RegistrationError, record_consent, update_candidate

bp = Blueprint("privacy", __name__, template_folder="templates")
protect(bp, TOKEN, public=("notice",),
        organizer=("register", "erase_candidate", "erase_employer"), owner=("purge_now", "delete_event"))


@bp.route("/confidentialite")
def notice():
    return render_template("privacy/notice.html", who=controller(), months=retention_months(),
                           version=consent_version())


def _candidate(token: str) -> Candidate:
    return find_by_token(Candidate, token) or abort(404)


def _json(data: dict, name: str) -> Response:
    return Response(json.dumps(data, ensure_ascii=False, indent=2), mimetype="application/json",
                    headers={"Content-Disposition": f'attachment; filename="{name}"',
                             "Cache-Control": "private, no-store"})


@bp.route("/c/<token>/donnees", methods=["GET", "POST"])
def candidate_data(token: str):
    candidate = _candidate(token)
    form = IdentityForm(obj=candidate)
    needs_consent = notice_changed(candidate)
    if form.validate_on_submit():
        if needs_consent and not form.consent.data:
            form.consent.errors = [_("La notice de confidentialité a changé : cochez cette case pour continuer.")]
        else:
            upload = form.cv.data if form.cv.data and getattr(form.cv.data, "filename", "") else None
            try:
                update_candidate(candidate, check_open=False, cv=(upload.stream, upload.filename) if upload else None,
                                 **{k: form[k].data for k in ("first_name", "last_name", "email", "phone", "postcode",
                                                               "town")})
            except RegistrationError as error:
                attach_error(form, error)
            else:
                if needs_consent:
                    record_consent(candidate)
                flash(_("Vos informations sont enregistrées."), "success")
                return redirect(url_for("privacy.candidate_data", token=token))
    return render_template("privacy/candidate_data.html", candidate=candidate, event=candidate.event, form=form,
                           data=export.candidate_data(candidate), needs_consent=needs_consent,
                           erase_on=retention.erase_on(candidate.event))


@bp.route("/c/<token>/donnees.json")
def candidate_download(token: str):
    candidate = _candidate(token)
    return _json(export.candidate_data(candidate, with_cv=True), f"mes-donnees-{candidate.event.slug}.json")


def _employer(token: str) -> Employer:
    return employer_by_token(token) or abort(404)


@bp.route("/e/<token>/donnees")
def employer_data(token: str):
    employer = _employer(token)
    return render_template("privacy/employer_data.html", employer=employer, event=employer.event,
                           data=export.employer_data(employer), main_contact=employer.token == token,
                           erase_on=retention.erase_on(employer.event))


@bp.route("/e/<token>/donnees.json")
def employer_download(token: str):
    employer = _employer(token)
    return _json(export.employer_data(employer), f"donnees-{employer.event.slug}.json")


@bp.route("/e/<token>/retrait", methods=["GET", "POST"])
def employer_withdraw(token: str):
    employer = _employer(token)
    if employer.token != token:  # a recruiter's link: only the main contact withdraws the company
        abort(404)
    event = employer.event
    form = ConfirmForm()
    if form.validate_on_submit():
        freed = withdrawal.erase_employer(employer, reason="retrait de l'entreprise, depuis sa page")
        events.tell_organizers(event, _("Un employeur s'est retiré de « %(event)s » : ses %(n)d entretien(s) sont "
                                        "libérés ; pensez à re-planifier et à republier.", event=event.name, n=freed))
        flash(_("Votre entreprise est retirée du job dating : ses données ont été supprimées."), "success")
        return redirect(url_for("public.event", slug=event.slug))
    return render_template("privacy/employer_withdraw.html", employer=employer, event=event, form=form)


# -- organizer -------------------------------------------------------------------------------------------------

@bp.route("/organisateur/evenements/<int:event_id>/donnees")
def register():
    event = g.event
    return render_template("privacy/register.html", event=event, who=controller(), months=retention_months(),
                           erase_on=retention.erase_on(event), summary=retention.summarize(event),
                           purge_form=TypedConfirmForm(), delete_form=TypedConfirmForm())


@bp.route("/organisateur/evenements/<int:event_id>/donnees/effacer", methods=["POST"])
def purge_now():
    event = g.event
    form = TypedConfirmForm()
    if form.validate_on_submit() and form.typed.data.strip() == event.slug:
        summary = retention.purge_event(event, organizer=current_user, reason="à la demande de l'organisateur")
        flash(_("Données personnelles effacées : %(what)s. Les chiffres anonymes restent.",
                what=", ".join(summary.lines())), "success")
    else:
        flash(_("Rien n'a été effacé : tapez l'adresse de l'événement (%(slug)s) pour confirmer.", slug=event.slug),
              "error")
    return redirect(url_for("privacy.register", event_id=event.id))


@bp.route("/organisateur/evenements/<int:event_id>/supprimer", methods=["POST"])
def delete_event():
    event = g.event
    form = TypedConfirmForm()
    if form.validate_on_submit() and form.typed.data.strip() == event.slug:
        name = event.name
        events.delete_event(event, current_user)
        flash(_("L'événement « %(name)s » et toutes ses données sont supprimés.", name=name), "success")
        return redirect(url_for("organizer.events"))
    flash(_("Rien n'a été supprimé : tapez l'adresse de l'événement (%(slug)s) pour confirmer.", slug=event.slug),
          "error")
    return redirect(url_for("privacy.register", event_id=event.id))


@bp.route("/organisateur/evenements/<int:event_id>/candidats/<int:candidate_id>/effacer", methods=["POST"])
def erase_candidate(candidate_id: int):
    event = g.event
    candidate = lookup.in_event(Candidate, event, candidate_id) or abort(404)
    if ConfirmForm().validate_on_submit():
        withdrawal.erase_candidate(candidate, reason="à sa demande, auprès de l'organisateur", organizer=current_user)
        flash(_("Les données de la personne sont effacées ; elle en reçoit la confirmation par e-mail."), "success")
    return redirect(url_for("organizer.candidates", event_id=event.id))


@bp.route("/organisateur/evenements/<int:event_id>/employeurs/<int:employer_id>/effacer", methods=["POST"])
def erase_employer(employer_id: int):
    event = g.event
    employer = lookup.in_event(Employer, event, employer_id) or abort(404)
    if ConfirmForm().validate_on_submit():
        withdrawal.erase_employer(employer, reason="à sa demande, auprès de l'organisateur", organizer=current_user)
        flash(_("Les données de l'employeur sont effacées ; il en reçoit la confirmation par e-mail."), "success")
    return redirect(url_for("organizer.employers", event_id=event.id))
