"""Scoring at the table: per interview a rating (1-4), notes, a next step or "absent", recorded by the employer on
a phone; each employer's shortlist (PDF, XLSX) and the organizer's sums."""
from __future__ import annotations

import io
from dataclasses import dataclass, field

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from jobdating import pdf
from jobdating.core import accounts
from jobdating.core.models import Employer, Event, Interview, NextStep, Outcome
from jobdating.core.people import is_real_email
from jobdating.core.plans import in_default_language
from jobdating.core.times import hhmm
from jobdating.extensions import db
from jobdating.planning.exports import safe_cell
from jobdating.printing import documents as printing

NEXT_STEPS = {NextStep.SECOND_INTERVIEW.value: _l("Second entretien"), NextStep.JOB_OFFER.value: _l("Offre d'emploi"),
              NextStep.TRAINING.value: _l("Formation"), NextStep.NONE.value: _l("Pas de suite")}
# A next step that calls the candidate back counts as "follow-up wanted" in the day's outcomes.
WANTED = {NextStep.SECOND_INTERVIEW.value, NextStep.JOB_OFFER.value, NextStep.TRAINING.value}
NOTES_MAX = 2000


class ScoreError(ValueError):
    """A score refused, message in French."""


def next_step_label(value: str | None) -> str:
    return str(NEXT_STEPS[value]) if value in NEXT_STEPS else ""


def score(interview: Interview, *, rating: int | None, notes: str, next_step: str | None, absent: bool,
          employer: Employer | None = None) -> Interview:
    """Record what the employer decided about the candidate in front of them; "absent" clears the rest. The
    day's outcome follows: missed when absent, follow-up wanted for a next step that calls back, else held."""
    if rating is not None and not 1 <= rating <= 4:
        raise ScoreError(_("La note va de 1 à 4."))
    if next_step and next_step not in NEXT_STEPS:
        raise ScoreError(_("Suite inconnue."))
    notes = (notes or "").strip()
    if len(notes) > NOTES_MAX:
        raise ScoreError(_("Les remarques tiennent en %(max)d caractères.", max=NOTES_MAX))
    if absent:
        interview.rating, interview.next_step, interview.outcome = None, None, Outcome.MISSED
    else:
        interview.rating, interview.next_step = rating, next_step or None
        if rating is not None or next_step:
            interview.outcome = Outcome.FOLLOW_UP if next_step in WANTED else Outcome.HELD
        elif interview.outcome == Outcome.MISSED:
            interview.outcome = None
    interview.notes = notes or None
    who = f" (par {employer.company})" if employer is not None else ""
    accounts.record("jour.evaluation", f"{interview.candidate.full_name} — {interview.employer.company}, "
                    f"{hhmm(interview.start)} : {'absent·e' if absent else 'note ' + str(rating or '—')}{who}",
                    event_id=interview.event_id, commit=False)
    db.session.commit()
    return interview


def _ordered(employer: Employer) -> list[Interview]:
    """Best rated first, then by time; absent people and interviews not scored last."""
    return sorted(employer.interviews, key=lambda i: (i.outcome == Outcome.MISSED, -(i.rating or 0), i.start))


def _entry(interview: Interview) -> pdf.ShortlistEntry:
    candidate = interview.candidate
    return pdf.ShortlistEntry(
        candidate_name=candidate.full_name, start=interview.start, rating=interview.rating,
        next_step=in_default_language(NEXT_STEPS[interview.next_step]) if interview.next_step in NEXT_STEPS else "",
         notes=interview.notes or "",
        email=candidate.email if is_real_email(candidate.email) else "", phone=candidate.phone,
        absent=interview.outcome == Outcome.MISSED)


def shortlist_pdf(event: Event, employers: list[Employer]) -> bytes:
    return pdf.render_shortlists(printing.event_info(event), [
        pdf.Shortlist(e.company, tuple(_entry(i) for i in _ordered(e))) for e in employers])


def shortlist_xlsx(employer: Employer) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _("Sélection")
    sheet.append([_("Note"), _("Candidat·e"), _("Heure"), _("Suite"), _("E-mail"), _("Téléphone"), _("Remarques")])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for entry in (_entry(i) for i in _ordered(employer)):
        rating = _("absent·e") if entry.absent else entry.rating
        sheet.append([safe_cell(v) for v in (rating, entry.candidate_name, hhmm(entry.start), entry.next_step,
                                             entry.email, entry.phone, entry.notes)])
    sheet.freeze_panes = "A2"
    for column, width in enumerate((8, 28, 8, 18, 30, 16, 60), start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@dataclass
class Sums:
    """Scores summed: how many rated, their mean, each next step, absences."""

    rated: int = 0
    total_rating: int = 0
    absent: int = 0
    steps: dict[str, int] = field(default_factory=lambda: dict.fromkeys(NEXT_STEPS, 0))

    def add(self, interview: Interview) -> None:
        if interview.outcome == Outcome.MISSED:
            self.absent += 1
        if interview.rating:
            self.rated += 1
            self.total_rating += interview.rating
        if interview.next_step in self.steps:
            self.steps[interview.next_step] += 1

    @property
    def mean(self) -> float | None:
        return round(self.total_rating / self.rated, 1) if self.rated else None


def sums(event: Event) -> tuple[Sums, dict[int, Sums]]:
    """The scores of the day, overall and per employer id."""
    overall, per_employer = Sums(), {}
    for employer in event.employers:
        mine = per_employer[employer.id] = Sums()
        for interview in employer.interviews:
            mine.add(interview)
            overall.add(interview)
    return overall, per_employer
