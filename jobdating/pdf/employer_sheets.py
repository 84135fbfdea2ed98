"""Employer table sheets: the day's interviews in order, with room to write notes and the outcome."""
from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, PageBreak, Paragraph, Table, TableStyle

from .data import EmployerSheet, EventInfo
from .document import build_story, event_band
from .style import BOLD, INK, LIGHT, MUTED, NAVY, REGULAR, RULE, WHITE, fit, hhmm, register_fonts, wrap
from .timeline import day_rows

MARGIN = 15 * mm
HEADER = 24 * mm
BODY_WIDTH = A4[0] - 2 * MARGIN
COLUMNS = [19 * mm, 35 * mm, 25 * mm, 31 * mm, 0, 23 * mm]
COLUMNS[4] = BODY_WIDTH - sum(COLUMNS)
HEADINGS = ["Heure", "Candidat·e", "Situation", "Poste souhaité", "Notes", "Suite"]
OUTCOME = "☐ Retenu·e\n☐ À revoir\n☐ Non retenu·e"

KICKER = ParagraphStyle("kicker", fontName=BOLD, fontSize=9, leading=12, textColor=MUTED)
COMPANY = ParagraphStyle("company", fontName=BOLD, fontSize=20, leading=24, textColor=NAVY)
SUMMARY = ParagraphStyle("summary", fontName=REGULAR, fontSize=10, leading=14, textColor=INK, spaceAfter=4 * mm)
FONT_SIZE = 8.5


class CurrentSheet(Flowable):  # type: ignore[misc]  # ReportLab ships no type information
    """Zero-size marker telling the page footer which sheet the page belongs to."""

    def __init__(self, label: str):
        super().__init__()
        self.label = label

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._current_sheet = self.label


def render_employer_sheets(event: EventInfo, sheets: Sequence[EmployerSheet]) -> bytes:
    """One sheet (one or more pages) per employer table, in the order given."""
    register_fonts()
    story: list[Flowable] = []
    for index, sheet in enumerate(sheets):
        if index:
            story.append(PageBreak())
        story.extend(_sheet_story(event, sheet))
    if not story:
        story.append(Paragraph("Aucune feuille de table à imprimer.", SUMMARY))
    return build_story(A4, f"Feuilles de table — {event.name}", story, (MARGIN, MARGIN, MARGIN + HEADER, 16 * mm),
                       on_page=lambda canvas, doc: event_band(canvas, event, A4, HEADER, MARGIN),
                       on_page_end=_footer)


def _sheet_story(event: EventInfo, sheet: EmployerSheet) -> list[Flowable]:
    rows = day_rows(event, sheet)
    count = sum(1 for r in rows if r.kind == "interview")
    summary = [f"<b>Table {sheet.table}</b>"]
    if sheet.contact_name:
        summary.append(f"Contact : {escape(sheet.contact_name)}")
    summary.append({0: "aucun entretien", 1: "1 entretien"}.get(count, f"{count} entretiens"))
    if rows:
        summary.append(f"de {hhmm(rows[0].start)} à {hhmm(rows[-1].end)}")
    story = [
        CurrentSheet(f"{sheet.company} — table {sheet.table}"),
        Paragraph("FEUILLE DE TABLE", KICKER),
        Paragraph(escape(sheet.company), COMPANY),
        Paragraph(" · ".join(summary), SUMMARY),
    ]
    data = [HEADINGS]
    heights: list[float | None] = [None]
    style = [
        ("FONT", (0, 0), (-1, 0), BOLD, 8.5),
        ("TEXTCOLOR", (0, 0), (-1, 0), WHITE),
        ("BACKGROUND", (0, 0), (-1, 0), NAVY),
        ("FONT", (0, 1), (-1, -1), REGULAR, FONT_SIZE),
        ("LEADING", (0, 1), (-1, -1), FONT_SIZE * 1.2),
        ("FONT", (0, 1), (1, -1), BOLD, FONT_SIZE),
        ("TEXTCOLOR", (0, 1), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("FONT", (5, 1), (5, -1), REGULAR, 7),
        ("LEADING", (5, 1), (5, -1), 9),
        ("TEXTCOLOR", (5, 1), (5, -1), MUTED),
    ]
    for row in rows:
        line = len(data)
        when = f"{hhmm(row.start)}\n– {hhmm(row.end)}"
        if row.kind == "interview":
            interview = row.interview
            assert interview is not None  # day_rows puts one on every interview row
            data.append([when, _cell(interview.candidate_name, 1, BOLD), _cell(interview.situation, 2),
                         _cell(interview.offer, 3), "", OUTCOME])
            heights.append(14 * mm)
        elif row.kind == "free":
            data.append([when, "Libre", "", "", "", ""])
            heights.append(8 * mm)
            style += [("TEXTCOLOR", (0, line), (-1, line), MUTED), ("FONT", (1, line), (1, line), REGULAR, FONT_SIZE)]
        else:
            data.append([when, row.label, "", "", "", ""])
            heights.append(8 * mm)
            style += [("SPAN", (1, line), (-1, line)), ("BACKGROUND", (0, line), (-1, line), LIGHT),
                      ("TEXTCOLOR", (0, line), (-1, line), NAVY), ("ALIGN", (1, line), (1, line), "CENTER")]
    story.append(Table(data, colWidths=COLUMNS, rowHeights=heights, repeatRows=1, style=TableStyle(style)))
    return story


def _cell(text: str, column: int, font: str = REGULAR) -> str:
    """Wrapped to the column and cut at three lines, so that a row keeps its height for notes."""
    lines = wrap(text, font, FONT_SIZE, COLUMNS[column] - 8)
    if len(lines) > 3:
        lines = [*lines[:2], fit(" ".join(lines[2:]), font, FONT_SIZE, FONT_SIZE, COLUMNS[column] - 8)[1][0]]
    return "\n".join(lines)


def _footer(canvas: Canvas, doc: BaseDocTemplate) -> None:
    canvas.saveState()
    canvas.setFont(REGULAR, 7.5)
    canvas.setFillColor(MUTED)
    label = getattr(canvas, "_current_sheet", "")
    size, lines = fit(label, REGULAR, 7.5, 6, 90 * mm)
    canvas.setFont(REGULAR, size)
    canvas.drawString(MARGIN, 9 * mm, lines[0])
    canvas.setFont(REGULAR, 7.5)
    canvas.drawRightString(A4[0] - MARGIN, 9 * mm, "Notes confidentielles — à détruire après l'événement.")
    canvas.restoreState()
