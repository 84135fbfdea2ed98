"""The front desk, continued: re-planning the rest of the day, interview outcomes (desk and employers)."""
from __future__ import annotations

from flask import Response, abort, flash, g, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from jobdating.core import lookup
from jobdating.core.models import Employer, Interview
from jobdating.core.people import employer_by_token
from jobdating.core.times import event_local_now
from jobdating.dayof import outcomes, presence, replan, scoring
from jobdating.dayof.desk_views import bp
from jobdating.dayof.forms import ActionForm, OutcomeForm, ReplanForm, ScoreForm
from jobdating.planning import charts as chart
from jobdating.planning import scheduling


@bp.route("/event/<int:event_id>/replanifier", methods=["GET", "POST"])
def replan_form():
    event = g.event
    form = ReplanForm()
    when = event_local_now(event)
    if form.validate_on_submit():
        try:
            run = replan.start_replan(event, current_user, allow_moves=form.allow_moves.data, when=when)
        except replan.ReplanError as error:
            flash(str(error), "error")
        else:
            return redirect(url_for("frontdesk.replan_result", event_id=event.id, run_id=run.id))
    preview, problem = None, None
    if event.interviews:
        try:
            preview = replan.replan_input(event, when, allow_moves=False).data["replan"]
        except replan.ReplanError as error:
            problem = str(error)
    board = presence.board(event, when)
    return render_template("frontdesk/replan.html", event=event, form=form, preview=preview, problem=problem,
                           counts=board.counts(), active=scheduling.active_run(event))


@bp.route("/event/<int:event_id>/replanifier/<int:run_id>")
def replan_result(run_id: int):
    event = g.event
    run = replan.replan_run(event, run_id) or abort(404)
    state = replan.run_state(run)
    found = replan.changes(event) if state == replan.READY else []
    version = request.args.get("version", type=int)
    in_person = replan.told_in_person(event, version) if version else [c for c in found if not c.has_email]
    return render_template("frontdesk/replan_result.html", event=event, run=run, state=state, version=version,
                           summary=replan.summary(run), changes=found, action=ActionForm(), in_person=in_person,
                           mailed=sum(1 for c in found if c.has_email),
                           printable=sum(1 for c in found if c.is_candidate and not c.absent and c.after))


@bp.route("/event/<int:event_id>/replanifier/<int:run_id>.json")
def replan_status(run_id: int):
    event = g.event
    run = replan.replan_run(event, run_id) or abort(404)
    # "finished" only once the plan is saved: the page reloads to a result it can trust.
    return jsonify(scheduling.run_status(run) | {"finished": replan.run_state(run) != replan.WORKING})


@bp.route("/event/<int:event_id>/replanifier/<int:run_id>/plannings.pdf")
def changed_plans(run_id: int):
    event = g.event
    replan.replan_run(event, run_id) or abort(404)
    data = replan.changed_plans_pdf(event, replan.changes(event))
    return Response(data, mimetype="application/pdf", headers={
        "Content-Disposition": f'attachment; filename="{event.slug}-plannings-modifies.pdf"'})


@bp.route("/event/<int:event_id>/replanifier/<int:run_id>/publier", methods=["POST"])
def replan_publish(run_id: int):
    event = g.event
    replan.replan_run(event, run_id) or abort(404)
    if ActionForm().validate_on_submit():
        try:
            result = replan.publish_changes(event, current_user)
        except replan.ReplanError as error:
            flash(str(error), "error")
        else:
            flash(ngettext("Planning publié : %(num)d personne prévenue par e-mail (envoi en cours).",
                           "Planning publié : %(num)d personnes prévenues par e-mail (envoi en cours).",
                           result.candidates_mailed + result.employers_mailed), "success")
            return redirect(url_for("frontdesk.replan_result", event_id=event.id, run_id=run_id,
                                    version=result.number))
    return redirect(url_for("frontdesk.replan_result", event_id=event.id, run_id=run_id))


# Outcomes -------------------------------------------------------------------------------------------------

@bp.route("/event/<int:event_id>/resultats")
def results():
    event = g.event
    overall, per_employer = outcomes.results(event)
    chosen = request.args.get("employeur", type=int)
    employer = next((r.employer for r in per_employer if r.employer.id == chosen), None)
    interviews = sorted(employer.interviews, key=lambda i: (i.start, i.table)) if employer else []
    scores, employer_scores = scoring.sums(event)
    return render_template("frontdesk/results.html", event=event, overall=overall, per_employer=per_employer,
                           employer=employer, interviews=interviews, form=OutcomeForm(), label=outcomes.label,
                           scores=scores, employer_scores=employer_scores, steps=scoring.NEXT_STEPS,
                           charts={"outcomes": chart.outcomes(overall),
                                   "per_candidate": chart.interviews_per_candidate(event)},
                           step_label=scoring.next_step_label)


@bp.route("/event/<int:event_id>/resultats.csv")
def results_csv():
    event = g.event
    return Response(outcomes.results_csv(event), mimetype="text/csv", headers={  # Flask adds "; charset=utf-8"
        "Content-Disposition": f'attachment; filename="{event.slug}-resultats.csv"'})


@bp.route("/event/<int:event_id>/entretiens/<int:interview_id>/resultat", methods=["POST"])
def desk_outcome(interview_id: int):
    event = g.event
    interview = lookup.in_event(Interview, event, interview_id) or abort(404)
    form = OutcomeForm()
    if form.validate_on_submit():
        outcomes.set_outcome(interview, form.outcome.data, organizer=current_user)
    else:
        flash(_("Résultat inconnu."), "error")
    return redirect(url_for("frontdesk.results", event_id=event.id, employeur=interview.employer_id)
                    + f"#entretien-{interview.id}")


def _employer(token: str) -> Employer:
    return employer_by_token(token) or abort(404)


@bp.route("/e/<token>/resultats")
def employer_results(token: str):
    """The employer's phone page: today's interviews, one tap to say how each went."""
    employer = _employer(token)
    interviews = sorted(employer.interviews, key=lambda i: (i.start, i.table))
    return render_template("frontdesk/employer_results.html", employer=employer, event=employer.event,
                           interviews=interviews, form=ScoreForm(), label=outcomes.label)


@bp.route("/e/<token>/entretiens/<int:interview_id>/resultat", methods=["POST"])
def employer_outcome(token: str, interview_id: int):
    employer = _employer(token)
    interview = outcomes.employer_interview(employer, interview_id)
    if interview is None:
        flash(_("Cet entretien n'est plus dans votre planning : la page a été mise à jour."), "warning")
    elif OutcomeForm().validate_on_submit():
        outcomes.set_outcome(interview, request.form.get("outcome"), employer=employer)
        flash(_("Résultat enregistré pour %(name)s.", name=interview.candidate.full_name), "success")
    else:
        flash(_("Résultat inconnu."), "error")
    return redirect(url_for("frontdesk.employer_results", token=token) + f"#entretien-{interview_id}")
