"""PDF downloads: the organizer prints documents; candidates and employers download their own plan."""
from __future__ import annotations

from flask import Blueprint, Response, abort, render_template, request
from flask_login import login_required

from ..extensions import db
from ..models import Candidate, Employer, Event
from ..services import planning, printing, registration

bp = Blueprint("printing", __name__)


def _pdf(data: bytes, name: str, *, inline: bool = False) -> Response:
    response = Response(data, mimetype="application/pdf")
    disposition = "inline" if inline else "attachment"
    response.headers["Content-Disposition"] = f'{disposition}; filename="{name}"'
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.route("/organisateur/evenements/<int:event_id>/impression")
@login_required
def documents(event_id: int):
    event = db.get_or_404(Event, event_id)
    return render_template("printing/documents.html", event=event, planned=bool(event.interviews))


@bp.route("/organisateur/evenements/<int:event_id>/impression/<document>.pdf")
@login_required
def event_document(event_id: int, document: str):
    """The whole event's document, or one person's with ?candidat=ID or ?employeur=ID."""
    event = db.get_or_404(Event, event_id)
    if document not in printing.DOCUMENTS:
        abort(404)
    candidate_id = request.args.get("candidat", type=int)
    employer_id = request.args.get("employeur", type=int)
    if candidate_id is not None:
        candidate = db.session.get(Candidate, candidate_id)
        if candidate is None or candidate.event_id != event.id:
            abort(404)
        data = printing.render(event, document, candidates=[candidate])
        return _pdf(data, printing.filename(event, document, f"c{candidate.id}"))
    if employer_id is not None:
        employer = db.session.get(Employer, employer_id)
        if employer is None or employer.event_id != event.id:
            abort(404)
        data = printing.render(event, document, employers=[employer])
        return _pdf(data, printing.filename(event, document, f"e{employer.id}"))
    return _pdf(printing.render(event, document), printing.filename(event, document))


def _by_token(model, token: str):
    row = registration.find_by_token(model, token)
    if row is None:
        abort(404)
    return row


@bp.route("/c/<token>/planning.pdf")
def candidate_plan(token: str):
    candidate = _by_token(Candidate, token)
    rows = planning.plan_for_candidate(candidate)
    if rows is None:
        abort(404)
    return _pdf(printing.render_published_plan(candidate, rows),
                printing.filename(candidate.event, "plans", "personnel"))


@bp.route("/e/<token>/planning.pdf")
def employer_plan(token: str):
    employer = _by_token(Employer, token)
    rows = planning.plan_for_employer(employer)
    if rows is None:
        abort(404)
    return _pdf(printing.render_published_plan(employer, rows),
                printing.filename(employer.event, "employers", "personnel"))
