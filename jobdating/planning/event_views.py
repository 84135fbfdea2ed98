"""The organizer's workspace: events, settings, dashboard (people and plan live in organizer_*.py)."""
from __future__ import annotations

from flask import Blueprint, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from jobdating.core import lookup
from jobdating.core.access import ORGANIZER, protect, role_of
from jobdating.extensions import db
from jobdating.planning import charts as chart
from jobdating.planning import events as event_service
from jobdating.planning import overview, slots
from jobdating.planning.forms import STATUS_LABELS, EventForm
from jobdating.planning.scheduling import active_run, applied_run, latest_run

bp = Blueprint("organizer", __name__, url_prefix="/organisateur", template_folder="templates")


# Organizers of the event by default; the team page is its owners'; only platform admins create events.
protect(bp, ORGANIZER, owner=("team_page", "remove_member"), admin=("new_event",))


@bp.route("/")
def events():
    events = event_service.events_of(current_user)
    roles = {event.id: role_of(current_user, event) for event in events}
    return render_template("organizer/events.html", events=events, roles=roles, status_labels=STATUS_LABELS)


def _values(form: EventForm) -> dict:
    return {name: field.data for name, field in form._fields.items() if name not in _NOT_SHOWN}


@bp.route("/evenements/nouveau", methods=["GET", "POST"])
def new_event():
    form = EventForm()
    if form.validate_on_submit() and not _previewing():
        try:
            event = event_service.create_event(_values(form), current_user)
        except event_service.EventError as error:
            form.form_errors.append(str(error))
        else:
            flash(_("Événement créé."), "success")
            return redirect(url_for("organizer.dashboard", event_id=event.id))
    return render_template("organizer/event_form.html", form=form, event=None, preview=_slot_preview(form, None))


@bp.route("/evenements/<int:event_id>/reglages", methods=["GET", "POST"])
def settings():
    event = g.event
    form = EventForm(obj=event)
    if not form.is_submitted():
        _show_saved(form, event)
    typed: list[tuple[str, str]] = []
    if form.validate_on_submit() and not _previewing():
        raw = str(form.settings_version.data or "")
        try:
            warnings = event_service.update_event(event, _values(form), current_user,
                                                  seen_version=int(raw) if raw.isdigit() else None)
        except event_service.SettingsConflict as error:
            # Show the settings as saved now, and what this person typed that differs, so nothing is lost.
            db.session.refresh(event)
            typed = [(str(f.label.text), _shown(f)) for f in form if f.name not in _NOT_SHOWN]
            form = EventForm(formdata=None, obj=event)
            _show_saved(form, event)
            current = {str(f.label.text): _shown(f) for f in form if f.name not in _NOT_SHOWN}
            typed = [(label, value) for label, value in typed if current.get(label) != value]
            form.form_errors.append(str(error))
        except event_service.EventError as error:
            form.form_errors.append(str(error))
        else:
            flash(_("Réglages enregistrés."), "success")
            for warning in warnings:
                flash(warning, "warning")
            return redirect(url_for("organizer.dashboard", event_id=event.id))
    return render_template("organizer/event_form.html", form=form, event=event, typed=typed,
                           has_plan=bool(event.interviews), preview=_slot_preview(form, event))


def _previewing() -> bool:
    """The organizer asked to see the slots of what they typed, not to save it."""
    return bool(request.form.get("preview"))


def _slot_preview(form: EventForm, event) -> slots.SlotPreview | None:
    """The slots of the day as typed (when the form was sent and its times are valid), else as saved."""
    typed = (form.start_time.data, form.end_time.data, form.slot_minutes.data)
    try:
        if form.is_submitted() and all(typed) and not form.start_time.errors and not form.end_time.errors \
                and not form.slot_minutes.errors and not form.breaks.errors and typed[0] < typed[1]:
            return slots.preview({"start_time": typed[0], "end_time": typed[1], "slot_minutes": typed[2],
                                  "breaks": form.breaks.data}, event)
        if event is not None:
            return slots.preview({"start_time": event.start_time, "end_time": event.end_time,
                                  "slot_minutes": event.slot_minutes, "breaks": event.breaks}, event)
    except event_service.EventError:
        return None
    return None


_NOT_SHOWN = {"csrf_token", "settings_version"}


def _shown(field) -> str:
    """A field's value as the page shows it (a choice by its label)."""
    choices = getattr(field, "choices", None)
    if choices:
        return str(dict((str(v), str(label)) for v, label in choices).get(str(field.data), field.data or ""))
    return str(field._value()) if hasattr(field, "_value") else str(field.data or "")


def _show_saved(form: EventForm, event) -> None:
    form.breaks.data = event_service.format_windows(event.breaks)
    form.status.data = event.status.value
    form.settings_version.data = str(event.settings_version)


def dashboard_charts(event, signups, demand) -> dict:
    charts = {"signups": chart.signups(signups), "demand": chart.demand(demand)}
    if event.interviews:
        charts |= {"per_candidate": chart.interviews_per_candidate(event), "load": chart.load_per_slot(event)}
    return charts


@bp.route("/evenements/<int:event_id>")
def dashboard():
    event = g.event
    signups, demand = overview.signups_per_day(event), overview.demand(event)
    return render_template(
        "organizer/dashboard.html", event=event, counts=overview.counts(event), signups=signups, demand=demand,
        answers=overview.answers(event), charts=dashboard_charts(event, signups, demand),
        active=active_run(event), latest=latest_run(event), applied=applied_run(event),
        rehearsals=lookup.rehearsals_of(event))


@bp.route("/evenements/<int:event_id>/journal")
def audit():
    event = g.event
    entries = lookup.audit_entries(event)
    return render_template("organizer/audit.html", event=event, entries=entries)


