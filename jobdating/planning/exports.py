"""Downloads: the solver input and the plan as JSON (formats.md), the plan as CSV and as an Excel workbook."""
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

from jobdating.core.models import Event
from jobdating.core.people import is_real_email
from jobdating.core.times import hhmm
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
