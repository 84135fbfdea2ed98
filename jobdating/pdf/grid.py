"""Front-desk grid: employer tables × slots with candidate names, over as many landscape pages as needed."""
from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Table, TableStyle

from .data import Break, EmployerSheet, EventInfo, Slot
from .document import build_story, event_band
from .style import BOLD, INK, LIGHT, NAVY, REGULAR, RULE, WHITE, fit, hhmm, register_fonts, short_hhmm
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
UNSTAFFED = HexColor("#D5DBE3")

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
        title = "Grille de l'accueil"
        if slots:
            title += f" — de {hhmm(slots[0].start)} à {hhmm(slots[-1].end)}"
        if len(chunks) > 1:
            title += f" (partie {index + 1} sur {len(chunks)})"
        story.append(Paragraph(escape(title), TITLE))
        story.append(_table(event, chunk, sheets))
    if not story:
        story.append(Paragraph("Aucun créneau à afficher.", TITLE))
    return build_story(PAGE, f"Grille de l'accueil — {event.name}", story, (MARGIN, MARGIN, MARGIN + HEADER, 12 * mm),
                       on_page=lambda canvas, doc: event_band(canvas, event, PAGE, HEADER, MARGIN,
                                                              right_text=f"Page {doc.page}"))


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
    return "\n".join(fit(text, font, size, size, width, 2)[1])
