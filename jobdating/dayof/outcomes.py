"""Interview outcomes: held, missed or follow-up wanted, marked by the desk or the employer; the day's results."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from jobdating.core import accounts
from jobdating.core.models import Employer, Event, Interview, Organizer, Outcome
from jobdating.core.people import is_real_email
from jobdating.core.times import hhmm, to_local
from jobdating.dayof import scoring
from jobdating.extensions import db
from jobdating.planning.exports import safe_cell

LABELS = {Outcome.HELD: _l("Entretien tenu"), Outcome.MISSED: _l("Entretien manqué"),
          Outcome.FOLLOW_UP: _l("Suite souhaitée")}


class OutcomeError(ValueError):
    """Outcome refused, message in French."""


def label(outcome: Outcome | None) -> str:
    return str(LABELS[outcome]) if outcome is not None else _("Non renseigné")



def employer_interview(employer: Employer, interview_id: int) -> Interview | None:
    return db.session.scalar(select(Interview).where(Interview.id == interview_id,
                                                     Interview.employer_id == employer.id))


def set_outcome(interview: Interview, value: str | None, *, organizer: Organizer | None = None,
                employer: Employer | None = None) -> Interview:
    """Record (or clear, with an empty value) what came of an interview."""
    try:
        outcome = Outcome(value) if value else None
    except ValueError:
        raise OutcomeError(_("Résultat inconnu.")) from None
    interview.outcome = outcome
    who = f" (par {employer.company})" if employer is not None else ""
    accounts.record("jour.resultat", f"{interview.candidate.full_name} — {interview.employer.company}, "
                    f"{hhmm(interview.start)} : {LABELS[outcome] if outcome else 'effacé'}{who}",
                    organizer=organizer, event_id=interview.event_id, commit=False)
    db.session.commit()
    return interview


@dataclass
class EmployerResults:
    employer: Employer
    counts: dict[str, int] = field(default_factory=dict)
    total: int = 0


def results(event: Event) -> tuple[dict[str, int], list[EmployerResults]]:
    """Counts of the day's outcomes, overall and per employer ('none': not marked yet)."""
    keys = [o.value for o in Outcome] + ["none"]
    overall = dict.fromkeys(keys, 0)
    per_employer = []
    for employer in sorted(event.employers, key=lambda e: e.company.casefold()):
        row = EmployerResults(employer, dict.fromkeys(keys, 0), len(employer.interviews))
        for interview in employer.interviews:
            key = interview.outcome.value if interview.outcome else "none"
            row.counts[key] += 1
            overall[key] += 1
        per_employer.append(row)
    return overall, per_employer


def results_csv(event: Event) -> str:
    """Every interview of the day with its outcome and the employer's scoring at the table (rating, next step,
    notes), for a spreadsheet (semicolons, French Excel): what the organizer follows up after the day."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow([_("Heure"), _("Fin"), _("Employeur"), _("Table"), _("Candidat·e"), _("E-mail"),
                     _("Téléphone"), _("Arrivé·e"), _("Sur place"), _("Résultat"), _("Note (1 à 4)"),
                     _("Suite souhaitée"), _("Notes de l'employeur")])
    for i in sorted(event.interviews, key=lambda i: (i.start, i.employer.company, i.table)):
        candidate = i.candidate
        room_table = i.room_table
        writer.writerow([safe_cell(v) for v in (
            hhmm(i.start), hhmm(i.end), i.employer.company, room_table, candidate.full_name,
            candidate.email if is_real_email(candidate.email) else "", candidate.phone,
            to_local(candidate.arrived_at).strftime("%H:%M") if candidate.arrived_at else "",
            _("oui") if candidate.walk_in else "", label(i.outcome), i.rating or "",
            scoring.next_step_label(i.next_step), i.notes or "")])
    return "\ufeff" + out.getvalue()
