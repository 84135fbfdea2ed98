"""PDF downloads: the organizer prints documents; candidates and employers download their own plan."""
from __future__ import annotations

from flask import Blueprint, Response, abort, g, render_template, request

from jobdating.core import lookup
from jobdating.core import plans as planning
from jobdating.core.access import ORGANIZER, protect
from jobdating.core.models import Candidate, Employer
from jobdating.core.people import employer_by_token, find_by_token
from jobdating.printing import documents as printing
from jobdating.printing.report import report_pdf

bp = Blueprint("printing", __name__, template_folder="templates")
# Candidates and employers download their own plan with their private token.
protect(bp, ORGANIZER, token=("candidate_plan", "employer_plan"))


def _pdf(data: bytes, name: str, *, inline: bool = False) -> Response:
    response = Response(data, mimetype="application/pdf")
    disposition = "inline" if inline else "attachment"
    response.headers["Content-Disposition"] = f'{disposition}; filename="{name}"'
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.route("/organisateur/evenements/<int:event_id>/impression")
def documents():
    event = g.event
    employers = sorted(event.employers, key=lambda e: e.company.casefold())
    return render_template("printing/documents.html", event=event, planned=bool(event.interviews),
                           employers=employers, most_blank=MOST_BLANK_BADGES)


# Blank-name badges asked for at once, per employer: a few spares, not a ream.
MOST_BLANK_BADGES = 40


@bp.route("/organisateur/evenements/<int:event_id>/impression/<document>.pdf")
def event_document(document: str):
    """The whole event's document, or one person's with ?candidat=ID or ?employeur=ID.

    Badges with ?vierges=N: N blank-name badges for each employer printed (for recruiters not announced).
    """
    event = g.event
    if document not in printing.DOCUMENTS:
        abort(404)
    blank = request.args.get("vierges", type=int)
    if blank is not None:
        if document != "badges" or not 1 <= blank <= MOST_BLANK_BADGES:
            abort(400)
        employer_id = request.args.get("employeur", type=int)
        employers = [lookup.in_event(Employer, event, employer_id) or abort(404)] if employer_id else None
        name = printing.filename(event, document, f"vierges-e{employer_id}" if employer_id else "vierges")
        return _pdf(printing.render(event, document, employers=employers or list(event.employers), blank=blank),
                    name)
    candidate_id = request.args.get("candidat", type=int)
    if candidate_id is not None:
        candidate = lookup.in_event(Candidate, event, candidate_id) or abort(404)
        name = printing.filename(event, document, f"c{candidate.id}")
        return _pdf(printing.render(event, document, candidates=[candidate]), name)
    employer_id = request.args.get("employeur", type=int)
    if employer_id is not None:
        employer = lookup.in_event(Employer, event, employer_id) or abort(404)
        name = printing.filename(event, document, f"e{employer.id}")
        return _pdf(printing.render(event, document, employers=[employer]), name)
    return _pdf(printing.render(event, document), printing.filename(event, document))


@bp.route("/organisateur/evenements/<int:event_id>/bilan.pdf")
def report():
    """The one-page report for funders (anonymous figures; still there after the purge)."""
    event = g.event
    return _pdf(report_pdf(event), f"{event.slug}-bilan.pdf")


def _by_token(model, token: str):
    row = find_by_token(model, token)
    if row is None:
        abort(404)
    return row


def _personal_plan(person: Candidate | Employer, rows: list[dict] | None, document: str) -> Response:
    if rows is None:  # not published yet
        abort(404)
    return _pdf(printing.render_published_plan(person, rows), printing.filename(person.event, document, "personnel"))


@bp.route("/c/<token>/planning.pdf")
def candidate_plan(token: str):
    candidate = _by_token(Candidate, token)
    return _personal_plan(candidate, planning.plan_for_candidate(candidate), "plans")


@bp.route("/e/<token>/planning.pdf")
def employer_plan(token: str):
    employer = (employer_by_token(token) or abort(404))
    return _personal_plan(employer, planning.plan_for_employer(employer), "employers")
