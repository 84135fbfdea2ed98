"""The desk's *Créneaux libres*: the free slots of the next hour, one-click assignment, the slip and the text to
send, and each employer's standby list (routes on the front desk's blueprint)."""
from __future__ import annotations

import datetime as dt

from flask import Response, abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from jobdating.core import lookup
from jobdating.core.models import Candidate, Employer, Interview
from jobdating.core.times import event_local_now
from jobdating.dayof import freeslots, presence
from jobdating.dayof.desk_views import bp
from jobdating.dayof.forms import ActionForm
from jobdating.planning.adjust import AdjustError
from jobdating.printing import documents as printing


def _posted(model, name: str):
    """The row of the event named by a posted id (404 if unknown)."""
    value = request.form.get(name, type=int)
    return (lookup.in_event(model, g.event, value) if value else None) or abort(404)


@bp.route("/event/<int:event_id>/creneaux-libres")
def free_slots():
    event = g.event
    now = event_local_now(event)
    present = sorted((c for c in event.candidates if c.arrived_at is not None and c.declined_at is None),
                     key=lambda c: (c.last_name.casefold(), c.first_name.casefold()))
    return render_template("frontdesk/free_slots.html", event=event, now=now, slots=freeslots.free_slots(event, now),
                           standby=freeslots.standby_lists(event), present=present, action=ActionForm(),
                           employers=sorted(event.employers, key=lambda e: e.company.casefold()),
                           horizon=freeslots.HORIZON_MINUTES)


@bp.route("/event/<int:event_id>/creneaux-libres/attribuer", methods=["POST"])
def assign_slot():
    event = g.event
    if not ActionForm().validate_on_submit():
        abort(400)
    candidate, employer = _posted(Candidate, "candidate"), _posted(Employer, "employer")
    try:
        start = dt.datetime.strptime(request.form.get("start", ""), "%H:%M").time()
        table = int(request.form.get("table", ""))
    except ValueError:
        abort(400)
    try:
        interview = freeslots.assign(event, candidate, employer, table, start, current_user, event_local_now(event))
    except (presence.DayError, AdjustError) as error:
        flash(str(error), "error")
        return redirect(url_for("frontdesk.free_slots", event_id=event.id))
    emailed = freeslots.tell(interview)
    return redirect(url_for("frontdesk.slot_given", event_id=event.id, interview_id=interview.id,
                            envoye=int(emailed)))


@bp.route("/event/<int:event_id>/creneaux-libres/<int:interview_id>")
def slot_given(interview_id: int):
    event = g.event
    interview = lookup.in_event(Interview, event, interview_id) or abort(404)
    return render_template("frontdesk/slot_given.html", event=event, interview=interview,
                           text=freeslots.message(interview), emailed=request.args.get("envoye") == "1")


@bp.route("/event/<int:event_id>/creneaux-libres/<int:interview_id>/fiche.pdf")
def slot_slip(interview_id: int):
    """The candidate's slip: their plan as it stands now, with the new interview, printed for them to carry."""
    event = g.event
    interview = lookup.in_event(Interview, event, interview_id) or abort(404)
    data = printing.render(event, "plans", candidates=[interview.candidate], when=event_local_now(event))
    return Response(data, mimetype="application/pdf", headers={
        "Content-Disposition": f'inline; filename="{event.slug}-fiche-{interview.id}.pdf"'})


@bp.route("/event/<int:event_id>/creneaux-libres/attente", methods=["POST"])
def join_standby():
    event = g.event
    if not ActionForm().validate_on_submit():
        abort(400)
    candidate, employer = _posted(Candidate, "candidate"), _posted(Employer, "employer")
    try:
        added = freeslots.join_standby(event, candidate, employer, current_user)
    except presence.DayError as error:
        flash(str(error), "error")
    else:
        flash(_("%(name)s est en attente pour %(company)s.", name=candidate.full_name, company=employer.company)
              if added else _("%(name)s était déjà en attente pour %(company)s.", name=candidate.full_name,
                              company=employer.company), "success" if added else "info")
    return redirect(url_for("frontdesk.free_slots", event_id=event.id) + "#attente")


@bp.route("/event/<int:event_id>/creneaux-libres/attente/<int:standby_id>/retirer", methods=["POST"])
def leave_standby(standby_id: int):
    event = g.event
    if ActionForm().validate_on_submit():
        freeslots.leave_standby(event, standby_id)
    return redirect(url_for("frontdesk.free_slots", event_id=event.id) + "#attente")
