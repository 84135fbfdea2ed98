"""Front-desk grid: employer tables × slots with candidate names, over as many landscape pages as needed."""
from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak, Paragraph, Table, TableStyle

from .data import Break, EmployerSheet, EventInfo, Slot
from .document import PageInfo, Section, band_heading, build_story, event_band
from .style import BOLD, INK, LIGHT, MUTED, NAVY, REGULAR, RULE, WHITE, fit_words, hhmm, register_fonts, short_hhmm
from .timeline import cell, grid_columns, presence

PAGE = landscape(A4)
MARGIN = 10 * mm
HEADER = 18 * mm
BODY_WIDTH = PAGE[0] - 2 * MARGIN
EMPLOYER_WIDTH = 46 * mm
SLOT_WIDTH = 23 * mm
BREAK_WIDTH = 9 * mm
NAME_SIZE = 7
ZEBRA = HexColor("#F4F6F9")
UNSTAFFED = HexColor("#C9D1DC")
TITLE_TEXT = "Grille de l'accueil"
# What the cell colours mean, printed at the foot of every page.
LEGEND = (
    (WHITE, "Créneau libre : la table peut recevoir un·e candidat·e"),
    (UNSTAFFED, "Table fermée à ce créneau (recruteur absent)"),
    (LIGHT, "Pause : pas d'entretien"),
)

TITLE = ParagraphStyle("title", fontName=BOLD, fontSize=12, leading=15, textColor=NAVY, spaceAfter=3 * mm)


def render_front_desk_grid(event: EventInfo, sheets: Sequence[EmployerSheet]) -> bytes:
    """Columns are split into page-wide chunks; within a chunk, rows flow over pages with the header repeated."""
    register_fonts()
    columns = grid_columns(event)
    chunks = _chunks(columns)
    story: list[Flowable] = []
    for index, chunk in enumerate(chunks):
        if index:
            story.append(PageBreak())
        slots = [c for c in chunk if not isinstance(c, Break)]
        hours = f"de {hhmm(slots[0].start)} à {hhmm(slots[-1].end)}" if slots else ""
        part = f"partie {index + 1} sur {len(chunks)}" if len(chunks) > 1 else ""
        story.append(Section((f"{TITLE_TEXT} — {hours}" if hours else TITLE_TEXT, part)))
        story.append(Paragraph(escape(" ".join([TITLE_TEXT, f"— {hours}" if hours else "",
                                                f"({part})" if part else ""])), TITLE))
        story.append(_table(event, chunk, sheets))
    if not story:
        story.append(Paragraph("Aucun créneau à afficher.", TITLE))
    return build_story(PAGE, f"{TITLE_TEXT} — {event.name}", story, (MARGIN, MARGIN, MARGIN + HEADER, 14 * mm),
                       on_page=lambda canvas, doc: event_band(canvas, event, PAGE, HEADER, MARGIN, heading=True),
                       decorate=_finish_page)


def _finish_page(canvas: Canvas, page: PageInfo) -> None:
    """The part of the day in the band with 'Page i/n', and the legend of the cell colours at the foot."""
    title, part = page.heading or (TITLE_TEXT, "")
    detail = f"Page {page.number}/{page.total}"
    band_heading(canvas, PAGE, HEADER, MARGIN, title, f"{part.capitalize()} · {detail}" if part else detail)
    canvas.saveState()
    x, y, swatch = MARGIN, 5 * mm, 3.2 * mm
    canvas.setFont(BOLD, 7.5)
    canvas.setFillColor(MUTED)
    canvas.drawString(x, y + 0.6 * mm, "Légende :")
    x += canvas.stringWidth("Légende :", BOLD, 7.5) + 3 * mm
    for colour, text in LEGEND:
        canvas.setFillColor(colour)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.rect(x, y, swatch * 1.6, swatch, stroke=1, fill=1)
        canvas.setFillColor(MUTED)
        canvas.setFont(REGULAR, 7.5)
        canvas.drawString(x + swatch * 1.6 + 1.5 * mm, y + 0.6 * mm, text)
        x += swatch * 1.6 + 3 * mm + canvas.stringWidth(text, REGULAR, 7.5) + 6 * mm
    canvas.restoreState()


def _chunks(columns: list[Slot | Break]) -> list[list[Slot | Break]]:
    """Greedy split of the time columns into groups that fit the page width next to the employer column."""
    room = BODY_WIDTH - EMPLOYER_WIDTH
    chunks: list[list[Slot | Break]] = []
    current: list[Slot | Break] = []
    used = 0.0
    for column in columns:
        w = BREAK_WIDTH if isinstance(column, Break) else SLOT_WIDTH
        if current and used + w > room:
            chunks.append(current)
            current, used = [], 0.0
        current.append(column)
        used += w
    if current:
        chunks.append(current)
    # A break at the edge of a page says nothing; drop it there.
    return [c for c in ([col for i, col in enumerate(ch) if not (isinstance(col, Break) and i in (0, len(ch) - 1))]
                        for ch in chunks) if c]


def _table(event: EventInfo, chunk: list[Slot | Break], sheets: Sequence[EmployerSheet]) -> Table:
    widths = [EMPLOYER_WIDTH] + [BREAK_WIDTH if isinstance(c, Break) else SLOT_WIDTH for c in chunk]
    header = ["Table · entreprise"] + ["" if isinstance(c, Break) else short_hhmm(c.start) for c in chunk]
    data = [header]
    style = [
        ("FONT", (0, 0), (-1, 0), BOLD, 8.5),
        ("TEXTCOLOR", (0, 0), (-1, 0), WHITE),
        ("BACKGROUND", (0, 0), (-1, 0), NAVY),
        ("ALIGN", (1, 0), (-1, 0), "CENTER"),
        ("FONT", (0, 1), (0, -1), BOLD, 8),
        ("LEADING", (0, 1), (0, -1), 9.5),
        ("FONT", (1, 1), (-1, -1), REGULAR, NAME_SIZE),
        ("LEADING", (1, 1), (-1, -1), NAME_SIZE * 1.2),
        ("TEXTCOLOR", (0, 1), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("GRID", (0, 0), (-1, -1), 0.35, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if len(sheets) > 1:
        style.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [WHITE, ZEBRA]))
    for column, item in enumerate(chunk, start=1):
        if isinstance(item, Break):
            style += [("BACKGROUND", (column, 1), (column, -1), LIGHT)]
    for row, sheet in enumerate(sheets, start=1):
        window = presence(event, sheet)
        line = [_fitted(f"{sheet.table} · {sheet.company}", BOLD, 8, EMPLOYER_WIDTH - 5)]
        for column, item in enumerate(chunk, start=1):
            if isinstance(item, Break):
                line.append("")
                continue
            value = cell(sheet, item, window)
            if value is None:
                style.append(("BACKGROUND", (column, row), (column, row), UNSTAFFED))
                value = ""
            line.append(_fitted(value, REGULAR, NAME_SIZE, SLOT_WIDTH - 5) if value else "")
        data.append(line)
    return Table(data, colWidths=widths, repeatRows=1, style=TableStyle(style))


def _fitted(text: str, font: str, size: float, width: float) -> str:
    return "\n".join(fit_words(text, font, size, size, width, 2)[1])
