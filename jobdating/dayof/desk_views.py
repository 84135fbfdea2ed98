"""The front desk on the day: check-in, the live board, walk-ins, no-shows and employers leaving early.

Re-planning and interview outcomes live in frontdesk_day.py, on the same blueprint.
"""
from __future__ import annotations

from flask import Blueprint, abort, flash, g, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from jobdating.core import lookup
from jobdating.core.access import ORGANIZER, protect, role_of, route_access
from jobdating.core.models import Candidate, Employer, Event
from jobdating.core.times import event_local_now
from jobdating.dayof import absences, checkin, presence, simulation, walkins
from jobdating.dayof.forms import ActionForm, DepartureForm, ScanForm, WalkInForm
from jobdating.signup.registration import RegistrationError, wish_targets

bp = Blueprint("frontdesk", __name__, template_folder="templates")


# The badge and the employer's phone pages open with a token; everything else is the organizers' desk.
# Front-desk members may use the desk's pages; re-planning and exports need the organizer role.
protect(bp, ORGANIZER, token=("badge", "employer_results", "employer_outcome", "employer_score",
                              "employer_shortlist_pdf", "employer_shortlist_xlsx", "employer_checkin"),
        desk=("desk", "arrive", "undo", "board", "board_json", "no_show", "walk_in", "departure", "results",
              "desk_outcome", "free_slots", "assign_slot", "slot_given", "slot_slip", "join_standby",
              "leave_standby"))


@bp.before_request
def simulated_arrivals() -> None:
    """In a rehearsal, the people whose simulated arrival has come are checked in before a desk page is served."""
    event = g.get("event") if route_access(request.endpoint or "") == ORGANIZER else None
    if event is not None and event.is_rehearsal:
        simulation.apply_due(event)


def _desk(event: Event, form: ScanForm, **context):
    return render_template("frontdesk/checkin.html", event=event, form=form, action=ActionForm(),
                           recent=checkin.recent_arrivals(event), **context)


@bp.route("/event/<int:event_id>/accueil", methods=["GET", "POST"])
def desk():
    event = g.event
    form = ScanForm()
    if not form.validate_on_submit():
        return _desk(event, form)
    text = form.code.data.strip()
    form.code.data = ""  # ready for the next scan
    if not checkin.looks_like_code(text):
        return _desk(event, form, query=text, matches=checkin.search(event, text))
    try:
        arrival = checkin.check_in(event, text, current_user, event_local_now(event))
    except checkin.CheckinError as error:
        return _desk(event, form, error=str(error)), 422
    return _desk(event, form, arrival=arrival)


@bp.route("/b/<token>")
def badge(token: str):
    """What a badge's QR code opens: the desk for a logged-in organizer, a neutral page for anybody else."""
    candidate = checkin.badge_owner(token)
    if candidate is None:
        abort(404)
    role = role_of(current_user, candidate.event) if current_user.is_authenticated else None
    if role is not None:
        g.role = role
        form = ScanForm(formdata=None)
        return _desk(candidate.event, form, matches=[(candidate, checkin.CANDIDATE)], query=candidate.full_name)
    return render_template("frontdesk/badge.html", event=candidate.event)


def _posted_person(kind: str, person_id: int):
    """The event and the person a desk button acts on (404 if unknown, 400 without a valid form)."""
    event = g.event
    person = checkin.person_of(event, kind, person_id)
    if person is None or not ActionForm().validate_on_submit():
        abort(404 if person is None else 400)
    return event, person


@bp.route("/event/<int:event_id>/accueil/<kind>/<int:person_id>", methods=["POST"])
def arrive(kind: str, person_id: int):
    """Check-in of a person found by name."""
    event, person = _posted_person(kind, person_id)
    arrival = checkin.arrive(event, person, current_user, event_local_now(event))
    return _desk(event, ScanForm(formdata=None), arrival=arrival)


@bp.route("/event/<int:event_id>/accueil/<kind>/<int:person_id>/annuler", methods=["POST"])
def undo(kind: str, person_id: int):
    event, person = _posted_person(kind, person_id)
    checkin.undo(event, person, current_user)
    flash(_("Arrivée annulée."), "info")
    return redirect(url_for("frontdesk.desk", event_id=event.id))


@bp.route("/event/<int:event_id>/tableau")
def board():
    event = g.event
    state = presence.board(event, event_local_now(event))
    return render_template("frontdesk/board.html", event=event, board=state, action=ActionForm())


@bp.route("/event/<int:event_id>/tableau.json")
def board_json():
    event = g.event
    return jsonify(presence.board(event, event_local_now(event)).as_dict())


@bp.route("/event/<int:event_id>/absent/<int:candidate_id>", methods=["POST"])
def no_show(candidate_id: int):
    event = g.event
    candidate = lookup.in_event(Candidate, event, candidate_id) or abort(404)
    if ActionForm().validate_on_submit():
        try:
            absences.mark_no_show(event, candidate, current_user, event_local_now(event))
        except presence.DayError as error:
            flash(str(error), "error")
        else:
            flash(_("%(name)s est déclaré·e absent·e : ses entretiens seront libérés à la prochaine "
                    "re-planification.", name=candidate.full_name), "success")
    return redirect(url_for("frontdesk.board", event_id=event.id))


def _wish_choices(event: Event) -> list[tuple[str, str]]:
    choices = []
    for key, (employer, offer) in wish_targets(event).items():
        choices.append((key, f"{employer.company} — {offer.title}" if offer else employer.company))
    return [("", _("— Choisir —"))] + sorted(choices, key=lambda c: c[1].casefold())


@bp.route("/event/<int:event_id>/sur-place", methods=["GET", "POST"])
def walk_in():
    event = g.event
    form = WalkInForm()
    for field in (form.wish1, form.wish2, form.wish3):
        field.choices = _wish_choices(event)
    if form.validate_on_submit():
        try:
            candidate = walkins.register_walk_in(
                event, first_name=form.first_name.data, last_name=form.last_name.data, email=form.email.data,
                phone=form.phone.data, wishes=form.wishes(), organizer=current_user, when=event_local_now(event))
        except (RegistrationError, presence.DayError) as error:
            target = getattr(error, "field", None)
            field = {"wishes": form.wish1, "email": form.email}.get(target)
            (field.errors if field is not None else form.form_errors).append(str(error))
        else:
            flash(_("%(name)s est inscrit·e sur place et rejoint la liste d'attente : la prochaine "
                    "re-planification lui donnera des entretiens.", name=candidate.full_name), "success")
            return redirect(url_for("frontdesk.walk_in", event_id=event.id))
    now = event_local_now(event)
    waiting = [c for c in event.candidates if presence.status(event, c, now) == presence.WAITING]
    return render_template("frontdesk/walk_in.html", event=event, form=form, waiting=waiting)


@bp.route("/event/<int:event_id>/departs", methods=["GET", "POST"])
def departure():
    event = g.event
    form = DepartureForm()
    employers = sorted(event.employers, key=lambda e: e.company.casefold())
    form.employer.choices = [(e.id, e.company) for e in employers]
    if form.validate_on_submit():
        employer = lookup.in_event(Employer, event, form.employer.data)
        try:
            if employer is None:
                raise presence.DayError(_("Choisissez l'employeur."))
            absences.set_departure(event, employer, form.leave_at.data, current_user)
        except presence.DayError as error:
            form.form_errors.append(str(error))
        else:
            flash(_("%(company)s part à %(time)s : ses entretiens suivants seront libérés à la prochaine "
                    "re-planification.", company=employer.company, time=form.leave_at.data.strftime("%H:%M")),
                  "success")
            return redirect(url_for("frontdesk.departure", event_id=event.id))
    return render_template("frontdesk/departure.html", event=event, form=form, employers=employers)


