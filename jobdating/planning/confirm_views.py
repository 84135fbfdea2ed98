"""Pages that say what a click will do before it is done: publishing, removing an interview, re-planning.

Each page is a plain GET showing the consequences and a form posting to the action's own route, so the
confirmation works without JavaScript."""
from __future__ import annotations

from flask import abort, g, redirect, render_template, url_for

from jobdating.core import lookup
from jobdating.core.models import Interview
from jobdating.planning import changes, publish_preview, scheduling
from jobdating.planning.event_views import bp
from jobdating.planning.forms import SolveForm
from jobdating.signup.forms import ConfirmForm


@bp.route("/evenements/<int:event_id>/publier", methods=["GET"])
def publish_confirm():
    event = g.event
    if not event.interviews:
        return redirect(url_for("organizer.plan", event_id=event.id))
    return render_template("organizer/publish_confirm.html", event=event, preview=publish_preview.preview(event),
                           active=scheduling.active_run(event), confirm=ConfirmForm())


@bp.route("/evenements/<int:event_id>/entretiens/<int:interview_id>/retirer", methods=["GET"])
def remove_confirm(interview_id: int):
    event = g.event
    item = lookup.in_event(Interview, event, interview_id) or abort(404)
    return render_template("organizer/remove_confirm.html", event=event, removal=publish_preview.removal(item),
                           confirm=ConfirmForm())


@bp.route("/evenements/<int:event_id>/planning/replanifier")
def replan_confirm():
    event = g.event
    active = scheduling.active_run(event)
    if active is not None:
        return redirect(url_for("organizer.run", event_id=event.id, run_id=active.id))
    kept = changes.kept_interviews(event)
    return render_template("organizer/replan_confirm.html", event=event, kept=kept,
                           free=len(event.interviews) - len(kept), solve_form=SolveForm())
