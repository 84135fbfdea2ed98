"""Scoring at the table (routes on the front desk's blueprint): the employer's phone form, saved without a reload
when JavaScript runs (fetch) and by a plain form post otherwise; the shortlists (PDF, XLSX)."""
from __future__ import annotations

from flask import Response, abort, flash, g, jsonify, redirect, request, url_for
from flask_babel import gettext as _

from jobdating.core import lookup
from jobdating.core.models import Employer
from jobdating.core.people import employer_by_token
from jobdating.core.times import event_local_now
from jobdating.dayof import checkin, outcomes, scoring
from jobdating.dayof.desk_views import bp
from jobdating.dayof.forms import ActionForm, ScoreForm

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _wants_json() -> bool:
    return request.accept_mimetypes.best == "application/json"


@bp.route("/e/<token>/entretiens/<int:interview_id>/evaluation", methods=["POST"])
def employer_score(token: str, interview_id: int):
    employer = employer_by_token(token) or abort(404)
    interview = outcomes.employer_interview(employer, interview_id)
    back = url_for("frontdesk.employer_results", token=token) + f"#entretien-{interview_id}"
    form = ScoreForm()
    problem = None
    if interview is None:
        problem = _("Cet entretien n'est plus dans votre planning : la page a été mise à jour.")
    elif not form.validate_on_submit():
        problem = " ".join(str(e) for errors in form.errors.values() for e in errors) or _("Évaluation refusée.")
    else:
        try:
            scoring.score(interview, rating=int(form.rating.data) if form.rating.data else None,
                          notes=form.notes.data or "", next_step=form.next_step.data or None,
                          absent=form.absent.data, employer=employer)
        except scoring.ScoreError as error:
            problem = str(error)
    if _wants_json():
        if problem is not None or interview is None:
            return jsonify({"ok": False, "error": problem}), 422
        return jsonify({"ok": True, "message": _("Enregistré pour %(name)s.", name=interview.candidate.full_name),
                        "outcome": outcomes.label(interview.outcome), "rating": interview.rating,
                        "next_step": scoring.next_step_label(interview.next_step)})
    if problem is not None:
        flash(problem, "error")
    elif interview is not None:
        flash(_("Enregistré pour %(name)s.", name=interview.candidate.full_name), "success")
    return redirect(back)


def _pdf(data: bytes, name: str) -> Response:
    return Response(data, mimetype="application/pdf", headers={"Content-Disposition": f'inline; filename="{name}"'})


def _xlsx(data: bytes, name: str) -> Response:
    return Response(data, mimetype=XLSX, headers={"Content-Disposition": f'attachment; filename="{name}"'})


@bp.route("/e/<token>/selection.pdf")
def employer_shortlist_pdf(token: str):
    employer = employer_by_token(token) or abort(404)
    return _pdf(scoring.shortlist_pdf(employer.event, [employer]), f"{employer.event.slug}-selection.pdf")


@bp.route("/e/<token>/selection.xlsx")
def employer_shortlist_xlsx(token: str):
    employer = employer_by_token(token) or abort(404)
    return _xlsx(scoring.shortlist_xlsx(employer), f"{employer.event.slug}-selection.xlsx")


@bp.route("/event/<int:event_id>/selections.pdf")
def shortlists_pdf():
    event = g.event
    employers = sorted(event.employers, key=lambda e: e.company.casefold())
    return _pdf(scoring.shortlist_pdf(event, employers), f"{event.slug}-selections.pdf")


@bp.route("/event/<int:event_id>/resultats/<int:employer_id>/selection.xlsx")
def shortlist_xlsx(employer_id: int):
    event = g.event
    employer = lookup.in_event(Employer, event, employer_id) or abort(404)
    return _xlsx(scoring.shortlist_xlsx(employer), f"{event.slug}-selection-{employer.id}.xlsx")


@bp.route("/e/<token>/accueil", methods=["POST"])
def employer_checkin(token: str):
    """The employer checks in the candidate in front of them: their badge, scanned with the phone's camera."""
    employer = employer_by_token(token) or abort(404)
    back = url_for("frontdesk.employer_results", token=token) + "#accueil-table"
    if not ActionForm().validate_on_submit():
        abort(400)
    found = checkin.find_person(request.form.get("code", ""))
    if found is None or found[1] != checkin.CANDIDATE or found[0].event_id != employer.event_id:
        flash(_("Ce badge ne correspond à aucun candidat de l'événement."), "error")
        return redirect(back)
    arrival = checkin.arrive(employer.event, found[0], None, event_local_now(employer.event))
    flash(_("%(name)s était déjà enregistré·e.", name=arrival.name) if arrival.already
          else _("%(name)s : arrivée enregistrée.", name=arrival.name), "success")
    return redirect(back)
