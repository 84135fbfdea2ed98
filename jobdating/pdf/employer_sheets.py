"""Employer table sheets: the day's interviews in order, with room to write notes and the outcome."""
from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak, Paragraph, Table, TableStyle

from .data import EmployerInterview, EmployerSheet, EventInfo
from .document import PageInfo, Section, band_heading, build_story, event_band
from .style import BOLD, INK, LIGHT, MUTED, NAVY, REGULAR, RULE, WHITE, fit_words, hhmm, register_fonts
from .timeline import day_rows

MARGIN = 15 * mm
HEADER = 24 * mm
BODY_WIDTH = A4[0] - 2 * MARGIN
# Heure, Candidat·e, Profil (wished job over situation), Notes (the rest of the width), Suite.
COLUMNS = [18 * mm, 36 * mm, 42 * mm, 0, 23 * mm]
COLUMNS[3] = BODY_WIDTH - sum(COLUMNS)
NOTES = 3
HEADINGS = ["Heure", "Candidat·e", "Profil", "Notes", "Suite"]
OUTCOME = "☐ Retenu·e\n☐ À revoir\n☐ Non retenu·e"

KICKER = ParagraphStyle("kicker", fontName=BOLD, fontSize=9, leading=12, textColor=MUTED)
COMPANY = ParagraphStyle("company", fontName=BOLD, fontSize=20, leading=24, textColor=NAVY)
SUMMARY = ParagraphStyle("summary", fontName=REGULAR, fontSize=10, leading=14, textColor=INK, spaceAfter=4 * mm)
FONT_SIZE = 8.5
SITUATION_SIZE = 7.5
PROFILE = ParagraphStyle("profile", fontName=REGULAR, fontSize=FONT_SIZE, leading=FONT_SIZE * 1.2, textColor=INK)


def render_employer_sheets(event: EventInfo, sheets: Sequence[EmployerSheet]) -> bytes:
    """One sheet (one or more pages) per employer table, in the order given.

    Every page names its company and table in the top band and says "page i/n" of its sheet.
    """
    register_fonts()
    story: list[Flowable] = []
    for index, sheet in enumerate(sheets):
        if index:
            story.append(PageBreak())
        story.extend(_sheet_story(event, sheet))
    if not story:
        story.append(Paragraph("Aucune feuille de table à imprimer.", SUMMARY))
    return build_story(A4, f"Feuilles de table — {event.name}", story, (MARGIN, MARGIN, MARGIN + HEADER, 16 * mm),
                       on_page=lambda canvas, doc: event_band(canvas, event, A4, HEADER, MARGIN, heading=True),
                       decorate=_finish_page)


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
        Section((sheet.company, f"Table {sheet.table}")),
        Paragraph("FEUILLE DE TABLE", KICKER),
        Paragraph(escape(sheet.company), COMPANY),
        Paragraph(" · ".join(summary), SUMMARY),
    ]
    data: list[list[str | Paragraph]] = [list(HEADINGS)]
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
        ("FONT", (4, 1), (4, -1), REGULAR, 7),
        ("LEADING", (4, 1), (4, -1), 9),
        ("TEXTCOLOR", (4, 1), (4, -1), MUTED),
    ]
    for row in rows:
        line = len(data)
        when = f"{hhmm(row.start)}\n– {hhmm(row.end)}"
        if row.kind == "interview":
            interview = row.interview
            assert interview is not None  # day_rows puts one on every interview row
            data.append([when, _lines(interview.candidate_name, 1, BOLD, FONT_SIZE, 3), _profile(interview), "",
                         OUTCOME])
            heights.append(14 * mm)
        elif row.kind == "free":
            data.append([when, "Libre", "", "", ""])
            heights.append(8 * mm)
            style += [("TEXTCOLOR", (0, line), (-1, line), MUTED), ("FONT", (1, line), (1, line), REGULAR, FONT_SIZE)]
        else:
            data.append([when, row.label, "", "", ""])
            heights.append(8 * mm)
            style += [("SPAN", (1, line), (-1, line)), ("BACKGROUND", (0, line), (-1, line), LIGHT),
                      ("TEXTCOLOR", (0, line), (-1, line), NAVY), ("ALIGN", (1, line), (1, line), "CENTER")]
    story.append(Table(data, colWidths=COLUMNS, rowHeights=heights, repeatRows=1, style=TableStyle(style)))
    return story


def _lines(text: str, column: int, font: str, size: float, most: int) -> str:
    """Wrapped to the column on word boundaries, at most `most` lines, so that a row keeps room for notes."""
    return "\n".join(fit_words(text, font, size, size, COLUMNS[column] - 8, most)[1])


def _profile(interview: EmployerInterview) -> Paragraph | str:
    """The wished job, with the candidate's situation under it in small grey type."""
    parts = []
    if interview.offer:
        parts.append(escape(_lines(interview.offer, 2, REGULAR, FONT_SIZE, 2)).replace("\n", "<br/>"))
    if interview.situation:
        situation = escape(_lines(interview.situation, 2, REGULAR, SITUATION_SIZE, 2)).replace("\n", "<br/>")
        parts.append(f'<font size="{SITUATION_SIZE}" color="#{MUTED.hexval()[2:]}">{situation}</font>')
    return Paragraph("<br/>".join(parts), PROFILE) if parts else ""


def _finish_page(canvas: Canvas, page: PageInfo) -> None:
    """The sheet's company and table in the band, 'page i/n' of the sheet, the confidentiality note."""
    if page.heading:
        company, table = page.heading
        band_heading(canvas, A4, HEADER, MARGIN, company,
                     f"{table} · page {page.section_number}/{page.section_total}")
    canvas.saveState()
    canvas.setFont(REGULAR, 7.5)
    canvas.setFillColor(MUTED)
    canvas.drawString(MARGIN, 9 * mm, f"Feuilles de table — page {page.number}/{page.total}")
    canvas.drawRightString(A4[0] - MARGIN, 9 * mm, "Notes confidentielles — à détruire après l'événement.")
    canvas.restoreState()
