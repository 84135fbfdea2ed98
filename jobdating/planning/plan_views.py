"""Organizer views of the plan: generate in the background, follow, read, adjust, compare, publish, export."""
from __future__ import annotations

from collections.abc import Callable

from flask import Response, abort, flash, g, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from jobdating.core import lookup
from jobdating.core.models import Candidate, Employer, Event, Interview, SolveRun
from jobdating.core.times import hhmm, parse_hhmm
from jobdating.planning import adjust, changes, exports, overview, publish, scheduling
from jobdating.planning.event_views import bp
from jobdating.planning.figures import comparison
from jobdating.planning.forms import RUN_STATUS_LABELS, AddInterviewForm, MoveForm, SolveForm
from jobdating.signup.forms import ConfirmForm


def _run(event, run_id: int) -> SolveRun:
    return lookup.in_event(SolveRun, event, run_id) or abort(404)


@bp.route("/evenements/<int:event_id>/planning/generer", methods=["POST"])
def generate():
    event = g.event
    form = SolveForm()
    if not form.validate_on_submit():
        flash(_("Durée de calcul invalide (entre 1 et 600 secondes)."), "error")
        return redirect(url_for("organizer.dashboard", event_id=event.id))
    try:
        run = scheduling.start_solve(event, current_user, time_limit=form.time_limit.data)
    except scheduling.SchedulingError as error:
        flash(str(error), "error")
        active = scheduling.active_run(event)
        if active is not None:
            return redirect(url_for("organizer.run", event_id=event.id, run_id=active.id))
        return redirect(url_for("organizer.dashboard", event_id=event.id))
    return redirect(url_for("organizer.run", event_id=event.id, run_id=run.id))


@bp.route("/evenements/<int:event_id>/calculs/<int:run_id>")
def run(run_id: int):
    event = g.event
    solve_run = _run(event, run_id)
    return render_template("organizer/run.html", event=event, run=solve_run,
                           status=scheduling.run_status(solve_run), confirm=ConfirmForm(),
                           changes=changes.described_changes(event, solve_run),
                           changed=changes.change_count(solve_run),
                           status_labels={s.value: str(label) for s, label in RUN_STATUS_LABELS.items()})


@bp.route("/evenements/<int:event_id>/calculs/<int:run_id>/etat.json")
def run_status(run_id: int):
    event = g.event
    return jsonify(scheduling.run_status(_run(event, run_id)))


@bp.route("/evenements/<int:event_id>/calculs/<int:run_id>/arreter", methods=["POST"])
def stop_run(run_id: int):
    event = g.event
    solve_run = _run(event, run_id)
    if ConfirmForm().validate_on_submit():
        scheduling.request_stop(solve_run, current_user)
        flash(_("Arrêt demandé : le meilleur planning trouvé jusqu'ici est conservé."), "info")
    return redirect(url_for("organizer.run", event_id=event.id, run_id=solve_run.id))


@bp.route("/evenements/<int:event_id>/calculs")
def runs():
    event = g.event
    all_runs = list(reversed(event.solve_runs))
    chosen = [r for r in all_runs if str(r.id) in request.args.getlist("comparer")] or \
        [r for r in all_runs if r.figures][:3]
    return render_template("organizer/runs.html", event=event, runs=all_runs, chosen=chosen,
                           rows=comparison(chosen), applied=scheduling.applied_run(event), confirm=ConfirmForm(),
                           status_labels=RUN_STATUS_LABELS)


@bp.route("/evenements/<int:event_id>/calculs/<int:run_id>/restaurer", methods=["POST"])
def restore_run(run_id: int):
    event = g.event
    solve_run = _run(event, run_id)
    if ConfirmForm().validate_on_submit():
        try:
            count = scheduling.restore_run(solve_run, current_user)
        except scheduling.SchedulingError as error:
            flash(str(error), "error")
            return redirect(url_for("organizer.runs", event_id=event.id))
        flash(ngettext("Planning du calcul n° %(id)d restauré (%(num)d entretien).",
                       "Planning du calcul n° %(id)d restauré (%(num)d entretiens).", count, id=solve_run.id),
              "success")
    return redirect(url_for("organizer.plan", event_id=event.id))


def _plan_context(event):
    applied = scheduling.applied_run(event)
    return dict(event=event, applied=applied, figures=scheduling.current_figures(event, applied),
                active=scheduling.active_run(event), confirm=ConfirmForm(), solve_form=SolveForm())


@bp.route("/evenements/<int:event_id>/planning")
def plan():
    event = g.event
    slots, rows = overview.grid(event)
    return render_template("organizer/plan.html", slots=slots, rows=rows, **_plan_context(event))


@bp.route("/evenements/<int:event_id>/planning/candidats")
def plan_candidates():
    event = g.event
    by_candidate = {}
    for interview in sorted(event.interviews, key=lambda i: i.start):
        by_candidate.setdefault(interview.candidate_id, []).append(interview)
    return render_template("organizer/plan_candidates.html", by_candidate=by_candidate, **_plan_context(event))


@bp.route("/evenements/<int:event_id>/planning/non-satisfaits")
def plan_unmet():
    event = g.event
    context = _plan_context(event)
    return render_template("organizer/plan_unmet.html", unmet=overview.unmet_wishes(event, context["applied"]),
                           dropped=overview.dropped_meetings(event, context["applied"]), **context)


def _move_form(event, interview) -> MoveForm:
    form = MoveForm()
    form.start.choices = [(hhmm(s), hhmm(s)) for s in event.slot_starts()]
    # The room number is the one on the table's sign and in every plan: the employer's own numbering stays hidden.
    form.table.choices = [(t, _("Table %(room)d", room=room))
                          for t, room in enumerate(interview.employer.room_tables(), start=1)]
    if not form.is_submitted():
        form.start.data, form.table.data = hhmm(interview.start), interview.table
        form.version.data = str(interview.version)
    return form


@bp.route("/evenements/<int:event_id>/entretiens/<int:interview_id>", methods=["GET", "POST"])
def interview(interview_id: int):
    event = g.event
    item = lookup.in_event(Interview, event, interview_id) or abort(404)
    form = _move_form(event, item)
    if form.validate_on_submit():
        try:
            adjust.move_interview(item, form.table.data, parse_hhmm(form.start.data), current_user,
                                  seen_version=int(form.version.data) if (form.version.data or "").isdigit() else None)
        except adjust.AdjustError as error:
            flash(_("Déplacement refusé : %(reason)s", reason=str(error)), "error")
        else:
            flash(_("Entretien déplacé et verrouillé : « Re-planifier autour de mes changements » le gardera à "
                    "cette place, sauf si vous le déverrouillez."), "success")
            return redirect(url_for("organizer.plan", event_id=event.id) + f"#entretien-{item.id}")
    return render_template("organizer/interview.html", event=event, item=item, form=form, confirm=ConfirmForm())


@bp.route("/evenements/<int:event_id>/entretiens/<int:interview_id>/verrou", methods=["POST"])
def toggle_lock(interview_id: int):
    event = g.event
    item = lookup.in_event(Interview, event, interview_id) or abort(404)
    if ConfirmForm().validate_on_submit():
        adjust.set_locked(item, not item.locked, current_user)
        flash(_("Entretien verrouillé : un nouveau calcul le gardera tel quel.") if item.locked
              else _("Entretien déverrouillé."), "success")
    back = request.form.get("next", "")
    if not back.startswith("/") or back.startswith("//"):
        back = url_for("organizer.interview", event_id=event.id, interview_id=item.id)
    return redirect(back)


@bp.route("/evenements/<int:event_id>/entretiens/<int:interview_id>/retirer", methods=["POST"])
def remove_interview(interview_id: int):
    event = g.event
    item = lookup.in_event(Interview, event, interview_id) or abort(404)
    if ConfirmForm().validate_on_submit():
        adjust.remove_interview(item, current_user)
        flash(_("Entretien retiré du planning."), "success")
    return redirect(url_for("organizer.plan", event_id=event.id))


@bp.route("/evenements/<int:event_id>/entretiens/ajouter", methods=["GET", "POST"])
def add_interview():
    event = g.event
    form = AddInterviewForm()
    form.candidate.choices = [(c.id, f"{c.last_name} {c.first_name}") for c in
                              sorted(event.candidates, key=lambda c: (c.last_name, c.first_name))]
    form.employer.choices = [(e.id, e.company) for e in sorted(event.employers, key=lambda e: e.company)]
    form.start.choices = [(hhmm(s), hhmm(s)) for s in event.slot_starts()]
    if form.validate_on_submit():
        candidate = lookup.in_event(Candidate, event, form.candidate.data)
        employer = lookup.in_event(Employer, event, form.employer.data)
        try:
            adjust.add_interview(event, candidate, employer, form.table.data, parse_hhmm(form.start.data),
                                 current_user, locked=form.locked.data)
        except adjust.AdjustError as error:
            form.form_errors.append(_("Ajout refusé : %(reason)s", reason=str(error)))
        else:
            flash(_("Entretien ajouté."), "success")
            return redirect(url_for("organizer.plan", event_id=event.id))
    return render_template("organizer/add_interview.html", event=event, form=form)


@bp.route("/evenements/<int:event_id>/publier", methods=["POST"])
def publish_plan():
    event = g.event
    if not ConfirmForm().validate_on_submit():
        return redirect(url_for("organizer.plan", event_id=event.id))
    try:
        result = publish.publish(event, current_user, comment=request.form.get("comment", "")[:500])
    except publish.PublishError as error:
        flash(str(error), "error")
        return redirect(url_for("organizer.plan", event_id=event.id))
    flash(_("Planning publié (version %(n)d) : %(mails)s en cours d'envoi, %(unchanged)s.", n=result.number,
            mails=ngettext("%(num)d e-mail", "%(num)d e-mails", result.candidates_mailed + result.employers_mailed),
            unchanged=ngettext("%(num)d personne sans changement", "%(num)d personnes sans changement",
                               result.unchanged)), "success")
    return redirect(url_for("organizer.mail_status", event_id=event.id))


EXPORTS: dict[str, tuple[Callable[[Event], str | bytes], str]] = {
    "entree.json": (exports.instance_json, "application/json"),
    "planning.json": (exports.plan_json, "application/json"),
    "planning.csv": (exports.plan_csv, "text/csv"),  # Flask adds "; charset=utf-8" to text types
    "planning.xlsx": (exports.plan_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "candidats.csv": (exports.candidates_csv, "text/csv"),
    "candidats.xlsx": (exports.candidates_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


@bp.route("/evenements/<int:event_id>/export/<name>")
def export(name: str):
    event = g.event
    if name not in EXPORTS:
        abort(404)
    build, mimetype = EXPORTS[name]
    filename = f"{event.slug}-{name}"
    return Response(build(event), mimetype=mimetype,
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})
