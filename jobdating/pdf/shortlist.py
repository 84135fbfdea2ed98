"""An employer's shortlist at the end of the day: the candidates met, best rated first, with next steps and notes."""
from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Table, TableStyle

from .data import EventInfo, Shortlist
from .document import build_story
from .style import BOLD, INK, LIGHT, MUTED, NAVY, REGULAR, RULE, WHITE, french_date, hhmm, register_fonts

MARGIN = 14 * mm
PAGE = landscape(A4)
BODY = PAGE[0] - 2 * MARGIN
COLUMNS = (14 * mm, 52 * mm, 20 * mm, 38 * mm, 62 * mm)
TITLE = ParagraphStyle("title", fontName=BOLD, fontSize=17, leading=21, textColor=NAVY, spaceAfter=2 * mm)
META = ParagraphStyle("meta", fontName=REGULAR, fontSize=9.5, leading=12, textColor=MUTED, spaceAfter=4 * mm)
CELL = ParagraphStyle("cell", fontName=REGULAR, fontSize=9, leading=11.5, textColor=INK)
STYLE = TableStyle([
    ("FONT", (0, 0), (-1, 0), BOLD, 9),
    ("TEXTCOLOR", (0, 0), (-1, 0), WHITE),
    ("BACKGROUND", (0, 0), (-1, 0), NAVY),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("ROWBACKGROUNDS", (0, 1), (-1, -1), [WHITE, LIGHT]),
    ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
    ("TOPPADDING", (0, 0), (-1, -1), 4),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
])
STARS = {1: "1/4", 2: "2/4", 3: "3/4", 4: "4/4"}


def render_shortlists(event: EventInfo, shortlists: list[Shortlist]) -> bytes:
    """One section per employer (one page each); rows in the order given (best rated first)."""
    register_fonts()
    story: list[Flowable] = []
    for index, shortlist in enumerate(shortlists):
        if index:
            story.append(PageBreak())
        story.append(Paragraph(escape(f"Sélection — {shortlist.company}"), TITLE))
        story.append(Paragraph(escape(f"{event.name} · {french_date(event.date)}"), META))
        rows: list[list[object]] = [["Note", "Candidat·e", "Heure", "Suite", "Contact", "Remarques"]]
        for entry in shortlist.entries:
            contact = "<br/>".join(escape(v) for v in (entry.email, entry.phone) if v)
            rows.append([
                "absent·e" if entry.absent else STARS.get(entry.rating or 0, "—"),
                Paragraph(escape(entry.candidate_name), CELL), hhmm(entry.start),
                Paragraph(escape(entry.next_step), CELL), Paragraph(contact, CELL),
                Paragraph(escape(entry.notes).replace("\n", "<br/>"), CELL),
            ])
        if len(rows) == 1:
            story.append(Paragraph("Aucun entretien.", META))
        else:
            widths = [*COLUMNS[:3], COLUMNS[3], COLUMNS[4], BODY - sum(COLUMNS)]
            story.append(Table(rows, colWidths=widths, style=STYLE, repeatRows=1))
    if not story:
        story.append(Paragraph("Aucune sélection.", META))
    return build_story(PAGE, f"Sélections — {event.name}", story, (MARGIN, MARGIN, MARGIN, MARGIN))
