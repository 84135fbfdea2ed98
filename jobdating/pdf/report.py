"""The event's one-page report for funders: key figures, interviews per candidate, sectors and outcomes, from
the anonymous statistics (so it can still be printed after the personal data is erased)."""
from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from .data import EventInfo
from .document import build_story
from .style import BOLD, INK, LIGHT, MUTED, NAVY, REGULAR, RULE, WHITE, french_date, register_fonts

MARGIN = 16 * mm
BODY = A4[0] - 2 * MARGIN
TITLE = ParagraphStyle("title", fontName=BOLD, fontSize=18, leading=22, textColor=NAVY, spaceAfter=1 * mm)
META = ParagraphStyle("meta", fontName=REGULAR, fontSize=9.5, leading=12, textColor=MUTED, spaceAfter=4 * mm)
HEAD = ParagraphStyle("head", fontName=BOLD, fontSize=11.5, leading=14, textColor=NAVY, spaceBefore=3 * mm,
                      spaceAfter=1.5 * mm)
NOTE = ParagraphStyle("note", fontName=REGULAR, fontSize=8, leading=10, textColor=MUTED, spaceBefore=3 * mm)
TABLE = TableStyle([
    ("FONT", (0, 0), (-1, -1), REGULAR, 9.5),
    ("FONT", (0, 0), (-1, 0), BOLD, 9.5),
    ("TEXTCOLOR", (0, 0), (-1, 0), WHITE),
    ("BACKGROUND", (0, 0), (-1, 0), NAVY),
    ("ROWBACKGROUNDS", (0, 1), (-1, -1), [WHITE, LIGHT]),
    ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
    ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
    ("TOPPADDING", (0, 0), (-1, -1), 2.5),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
])


@dataclass(frozen=True)
class Report:
    event: EventInfo
    figures: tuple[tuple[str, str], ...]  # (label, value), the key figures
    per_candidate: tuple[tuple[str, int], ...] = ()  # ("0", 12), ("1", 40)…: candidates by interviews
    sectors: tuple[tuple[str, int, int], ...] = ()  # (sector, employers, wishes)
    outcomes: tuple[tuple[str, int], ...] = ()
    note: str = field(default="")


def _figures(report: Report) -> Table:
    half = (len(report.figures) + 1) // 2
    left, right = report.figures[:half], report.figures[half:]
    rows = [[label, value, *(right[n] if n < len(right) else ("", ""))] for n, (label, value) in enumerate(left)]
    style = TableStyle([("FONT", (0, 0), (-1, -1), REGULAR, 10), ("FONT", (1, 0), (1, -1), BOLD, 12),
                        ("FONT", (3, 0), (3, -1), BOLD, 12), ("TEXTCOLOR", (0, 0), (-1, -1), INK),
                        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE), ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                        ("ALIGN", (3, 0), (3, -1), "RIGHT")])
    return Table(rows, colWidths=[BODY * 0.34, BODY * 0.14, BODY * 0.36, BODY * 0.16], style=style)


def _bars(values: tuple[tuple[str, int], ...], height: float = 34 * mm) -> Drawing:
    drawing = Drawing(BODY, height)
    top = max([v for _, v in values] + [1])
    step = BODY / max(len(values), 1)
    for n, (label, value) in enumerate(values):
        bar = (height - 12 * mm) * value / top
        x = n * step + 2
        drawing.add(Rect(x, 5 * mm, step - 4, bar, fillColor=NAVY, strokeColor=None))
        drawing.add(String(x + (step - 4) / 2, 5 * mm + bar + 1.5 * mm, str(value), fontName=BOLD, fontSize=8,
                           textAnchor="middle", fillColor=INK))
        drawing.add(String(x + (step - 4) / 2, 1.5 * mm, label, fontName=REGULAR, fontSize=8,
                           textAnchor="middle", fillColor=MUTED))
    return drawing


def render_report(report: Report) -> bytes:
    register_fonts()
    event = report.event
    story: list[Flowable] = [
        Paragraph(escape(f"Bilan — {event.name}"), TITLE),
        Paragraph(escape(f"{french_date(event.date)}{' · ' + event.venue if event.venue else ''}"), META),
        _figures(report),
    ]
    if report.per_candidate:
        story += [Paragraph("Entretiens par candidat·e (nombre de candidat·es)", HEAD), _bars(report.per_candidate)]
    if report.sectors:
        rows: list[list[object]] = [["Secteur", "Employeurs", "Vœux des candidat·es"]]
        rows += [[escape(s), str(e), str(w)] for s, e, w in report.sectors[:12]]
        story += [Paragraph("Par secteur", HEAD),
                  Table(rows, colWidths=[BODY * 0.56, BODY * 0.2, BODY * 0.24], style=TABLE)]
    if report.outcomes:
        rows = [["Entretiens", "Nombre"]]
        rows += [[label, str(n)] for label, n in report.outcomes]
        story += [Paragraph("Résultats des entretiens", HEAD),
                  Table(rows, colWidths=[BODY * 0.7, BODY * 0.3], style=TABLE)]
    story += [Spacer(1, 2 * mm), Paragraph(escape(report.note), NOTE)]
    return build_story(A4, f"Bilan — {event.name}", story, (MARGIN, MARGIN, MARGIN, MARGIN))
