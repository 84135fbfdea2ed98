"""Downloads: the solver input and the plan as JSON (formats.md), the plan as CSV and as an Excel workbook, the
candidates with their answers to the custom questions as CSV and Excel."""
from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

from flask_babel import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from jobdating.core.models import CONTRACT_LABELS, Candidate, ContractType, Event, Question, Wish
from jobdating.core.people import is_real_email
from jobdating.core.questions import answers_of, shown_value
from jobdating.core.times import hhmm
from jobdating.extensions import db
from jobdating.planning.instance import instance_dict
from jobdating.planning.scheduling import applied_run, current_figures, current_schedule

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection): prefix a quote.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def instance_json(event: Event) -> str:
    return json.dumps(instance_dict(event), ensure_ascii=False, indent=1)


def plan_json(event: Event) -> str:
    """The current plan as a `jobdating-schedule/1` document (after any hand adjustments)."""
    run = applied_run(event)
    output = json.loads(run.output_json) if run is not None and run.output_json else {}
    figures = current_figures(event, run)
    document = {
        "format": "jobdating-schedule/1",
        "interviews": current_schedule(event),
        "unmet": output.get("unmet", []),
        "stats": {"candidates": figures["candidates"], "covered": figures["covered"],
                  "interviews": figures["interviews"], "mean_wait_minutes": figures["mean_wait_minutes"]},
        "solver": output.get("solver", {}),
    }
    return json.dumps(document, ensure_ascii=False, indent=1)


def _headers() -> list[str]:
    return [_("Début"), _("Fin"), _("Table"), _("Employeur"), _("Table de l'employeur"), _("Candidat"),
            _("E-mail du candidat"), _("Téléphone du candidat"), _("Offres"), _("Verrouillé")]


def plan_lines(event: Event, employer_id: int | None = None) -> list[list[Any]]:
    """One line per interview (of one employer if given), by start time then table."""
    titles = {o.id: o.title for e in event.employers for o in e.offers}
    lines = []
    interviews = [i for i in event.interviews if employer_id is None or i.employer_id == employer_id]
    for i in sorted(interviews, key=lambda i: (i.start, i.employer.first_table or 0, i.employer_id, i.table)):
        room = i.room_table
        email = i.candidate.email if is_real_email(i.candidate.email) else ""
        lines.append([hhmm(i.start), hhmm(i.end), room, i.employer.company, i.table, i.candidate.full_name,
                      email, i.candidate.phone, ", ".join(titles.get(o, "") for o in i.offers or []),
                      _("oui") if i.locked else _("non")])
    return lines


def plan_csv(event: Event) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(_headers())
    for line in plan_lines(event):
        writer.writerow([safe_cell(v) for v in line])
    return "\ufeff" + out.getvalue()  # the BOM lets Excel read the accents


def _sheet_title(name: str, taken: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\']", " ", name).strip()[:28] or _("Employeur")
    title, n = base, 1
    while title.lower() in taken:
        n += 1
        title = f"{base[:25]} {n}"
    taken.add(title.lower())
    return title


def _fill(sheet, lines: list[list[Any]]) -> None:
    sheet.append(_headers())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for line in lines:
        sheet.append([safe_cell(v) for v in line])
    sheet.freeze_panes = "A2"
    for column, width in enumerate((8, 8, 7, 30, 8, 26, 30, 16, 30, 10), start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width


def plan_xlsx(event: Event) -> bytes:
    """A workbook: one sheet with every interview, then one sheet per employer."""
    book = Workbook()
    everything = book.active
    everything.title = _("Tous")
    _fill(everything, plan_lines(event))
    taken = {everything.title.lower()}
    for employer in sorted(event.employers, key=lambda e: (e.first_table or 0, e.id)):
        sheet = book.create_sheet(_sheet_title(employer.company, taken))
        _fill(sheet, plan_lines(event, employer.id))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _question_header(question: Question) -> str:
    if question.offer is None:
        return question.label
    return _("%(label)s (offre « %(title)s » — %(company)s)", label=question.label, title=question.offer.title,
             company=question.offer.employer.company)


def candidate_table(event: Event) -> tuple[list[str], list[list[Any]]]:
    """The candidates (by name) with their details, ranked wishes and one column per question: the event's, then
    each offer's (labelled with the offer); an answer to a question not asked of them is left empty."""
    questions = sorted(event.questions, key=lambda q: (q.offer_id is not None, q.offer_id or 0, q.position, q.id))
    candidates = list(db.session.scalars(
        select(Candidate).where(Candidate.event_id == event.id).order_by(Candidate.last_name, Candidate.first_name)
        .options(selectinload(Candidate.wishes).selectinload(Wish.employer),
                 selectinload(Candidate.wishes).selectinload(Wish.offer))))
    answers = answers_of([c.id for c in candidates])
    headers = [_("Nom"), _("Prénom"), _("E-mail"), _("Téléphone"), _("Code postal"), _("Ville"), _("Situation"),
               _("Niveau de diplôme"), _("Contrats recherchés"), _("Vœux"), _("Sur place"), _("Inscrit le"),
               *[_question_header(q) for q in questions]]
    lines = []
    for c in candidates:
        given = answers.get(c.id, {})
        lines.append([c.last_name, c.first_name, c.email if is_real_email(c.email) else "", c.phone, c.postcode,
                      c.town, c.situation_label, c.education_label,
                      ", ".join(str(CONTRACT_LABELS[ContractType(v)]) for v in c.wanted_contracts or []),
                      " ; ".join(f"{w.rank}. {w.target_label}" for w in c.wishes), _("oui") if c.walk_in else "",
                      c.created_at.strftime("%d/%m/%Y"),
                      *[shown_value(q, given[q.id]) if q.id in given else "" for q in questions]])
    return headers, lines


def candidates_csv(event: Event) -> str:
    headers, lines = candidate_table(event)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(headers)
    for line in lines:
        writer.writerow([safe_cell(v) for v in line])
    return "\ufeff" + out.getvalue()


def candidates_xlsx(event: Event) -> bytes:
    headers, lines = candidate_table(event)
    book = Workbook()
    sheet = book.active
    sheet.title = _("Candidats")
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for line in lines:
        sheet.append([safe_cell(v) for v in line])
    sheet.freeze_panes = "C2"
    for column in range(1, len(headers) + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 30 if column > 9 else 16
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
