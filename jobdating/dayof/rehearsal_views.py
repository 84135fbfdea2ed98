"""Rehearsals: created from an event's dashboard, driven from their own page (clock, settings, deletion); the
clock that every page of a rehearsal polls, which also applies the simulated arrivals that are due."""
from __future__ import annotations

from flask import Blueprint, abort, flash, g, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from jobdating.core import lookup
from jobdating.core.access import ORGANIZER, protect, role_of
from jobdating.core.models import Event, Rehearsal
from jobdating.core.times import hhmm, rehearsal_clock, to_local
from jobdating.dayof import checkin, clock, simulation
from jobdating.dayof.forms import ActionForm, RehearsalForm, SpeedForm
from jobdating.dayof.rehearsal import RehearsalError, create_rehearsal

bp = Blueprint("rehearsal", __name__, template_folder="templates")

# Organizers create and drive rehearsals; the front desk's pages poll the clock.
protect(bp, ORGANIZER, desk=("clock_json",))


def _rehearsal() -> tuple[Event, Rehearsal]:
    event = g.event
    if event.rehearsal is None:
        abort(404)
    return event, event.rehearsal


@bp.route("/event/<int:event_id>/repetitions", methods=["POST"])
def create():
    original = g.event
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        copy = create_rehearsal(original, current_user)
    except RehearsalError as error:
        flash(str(error), "error")
        return redirect(url_for("organizer.dashboard", event_id=original.id) + "#repetitions")
    flash(_("Répétition créée : les personnes y portent des noms inventés et aucun e-mail n'en part. Réglez la "
            "simulation, puis démarrez l'horloge."), "success")
    return redirect(url_for("rehearsal.control", event_id=copy.id))


def _form(event: Event, rehearsal: Rehearsal) -> RehearsalForm:
    form = RehearsalForm()
    if not form.is_submitted():
        form.origin.data = to_local(rehearsal.origin).time()
        for name in ("no_show_percent", "spread_minutes", "walk_ins", "seed"):
            getattr(form, name).data = getattr(rehearsal, name)
    return form


@bp.route("/event/<int:event_id>/repetition", methods=["GET", "POST"])
def control():
    event, rehearsal = _rehearsal()
    form = _form(event, rehearsal)
    if form.validate_on_submit():
        try:
            clock.save_settings(event, origin=form.origin.data, no_show_percent=form.no_show_percent.data,
                                walk_ins=form.walk_ins.data, spread_minutes=form.spread_minutes.data,
                                seed=form.seed.data, organizer=current_user)
        except RehearsalError as error:
            form.form_errors.append(str(error))
        else:
            flash(_("Réglages de la répétition enregistrés."), "success")
            return redirect(url_for("rehearsal.control", event_id=event.id))
    simulation.apply_due(event)
    speed = SpeedForm(formdata=None, speed=str(rehearsal.speed))
    original = rehearsal.original
    return render_template("rehearsal/control.html", event=event, rehearsal=rehearsal, form=form, speed=speed,
                           action=ActionForm(), draw=simulation.draw(event, rehearsal),
                           applied=len(rehearsal.applied or []), original=original,
                           original_role=role_of(current_user, original) if original is not None else None,
                           clock_shown=rehearsal_clock(event))


@bp.route("/event/<int:event_id>/repetition/horloge", methods=["POST"])
def drive():
    event, _rehearsal_row = _rehearsal()
    if not ActionForm().validate_on_submit():
        abort(400)
    action = request.form.get("action", "")
    try:
        if action == "start":
            clock.start(event, current_user)
        elif action == "pause":
            clock.pause(event, current_user)
        elif action == "reset":
            clock.reset(event, current_user)
            flash(_("Répétition remise à zéro : l'horloge revient au départ et les arrivées simulées "
                    "recommenceront."), "success")
        elif action == "speed":
            clock.set_speed(event, request.form.get("speed", type=int) or 0, current_user)
        else:
            abort(400)
    except RehearsalError as error:
        flash(str(error), "error")
    return redirect(url_for("rehearsal.control", event_id=event.id))


@bp.route("/event/<int:event_id>/repetition/supprimer", methods=["POST"])
def remove():
    event, _rehearsal_row = _rehearsal()
    if not ActionForm().validate_on_submit():
        abort(400)
    name = event.name
    original_id = clock.delete_rehearsal(event, current_user)
    flash(_("Répétition « %(name)s » supprimée.", name=name), "success")
    original = lookup.event_by_id(original_id) if original_id is not None else None
    if original is not None and role_of(current_user, original) is not None:
        return redirect(url_for("organizer.dashboard", event_id=original.id) + "#repetitions")
    return redirect(url_for("organizer.events"))


@bp.route("/event/<int:event_id>/repetition/horloge.json")
def clock_json():
    """The simulated time for the header of every page of the rehearsal; due arrivals are applied first."""
    event, _rehearsal_row = _rehearsal()
    applied = simulation.apply_due(event)
    shown = rehearsal_clock(event)
    assert shown is not None  # a rehearsal has a clock
    recent = [{"time": hhmm(to_local(person.arrived_at).time()), "name": person.display_name}
              for person in checkin.recent_arrivals(event) if person.arrived_at is not None]
    return jsonify({"time": hhmm(shown.time.time()), "seconds": shown.seconds, "speed": shown.speed,
                    "running": shown.running, "started": shown.started, "applied": applied, "recent": recent})
