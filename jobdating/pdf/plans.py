"""Candidate day plans: one A4 page per candidate with interviews, arrival time and room map."""
from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak, Paragraph, Table, TableStyle

from .data import CandidateInterview, CandidatePlan, EventInfo
from .document import build_story, event_band
from .roommap import RoomMap
from .style import (
    BOLD,
    HIGHLIGHT,
    INK,
    LIGHT,
    MUTED,
    NAVY,
    REGULAR,
    RULE,
    WHITE,
    from_minutes,
    hhmm,
    minutes,
    register_fonts,
    wrap,
)

MARGIN = 18 * mm
HEADER = 30 * mm
BODY_WIDTH = A4[0] - 2 * MARGIN
COLUMNS = (36 * mm, 52 * mm, BODY_WIDTH - 36 * mm - 52 * mm - 16 * mm, 16 * mm)

KICKER = ParagraphStyle("kicker", fontName=BOLD, fontSize=9, leading=12, textColor=MUTED)
NAME = ParagraphStyle("name", fontName=BOLD, fontSize=22, leading=26, textColor=NAVY, spaceAfter=3 * mm)
SECTION = ParagraphStyle("section", fontName=BOLD, fontSize=11.5, leading=15, textColor=NAVY,
                         spaceBefore=5 * mm, spaceAfter=2 * mm)
CALLOUT = ParagraphStyle("callout", fontName=REGULAR, fontSize=10.5, leading=14, textColor=INK)
NOTE = ParagraphStyle("note", fontName=REGULAR, fontSize=9.5, leading=13, textColor=MUTED)

TABLE_STYLE = TableStyle([
    ("FONT", (0, 0), (-1, 0), BOLD, 9),
    ("TEXTCOLOR", (0, 0), (-1, 0), WHITE),
    ("BACKGROUND", (0, 0), (-1, 0), NAVY),
    ("FONT", (0, 1), (-1, -1), REGULAR, 9.5),
    ("LEADING", (0, 1), (-1, -1), 12),
    ("FONT", (0, 1), (0, -1), BOLD, 9.5),
    ("FONT", (3, 1), (3, -1), BOLD, 12),
    ("TEXTCOLOR", (0, 1), (-1, -1), INK),
    ("ALIGN", (3, 0), (3, -1), "CENTER"),
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("ROWBACKGROUNDS", (0, 1), (-1, -1), [WHITE, LIGHT]),
    ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
    ("TOPPADDING", (0, 0), (-1, -1), 5),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ("LEFTPADDING", (0, 0), (-1, -1), 6),
])
CALLOUT_STYLE = TableStyle([
    ("BACKGROUND", (0, 0), (-1, -1), LIGHT),
    ("LINEBEFORE", (0, 0), (0, -1), 4, HIGHLIGHT),
    ("LEFTPADDING", (0, 0), (-1, -1), 10),
    ("TOPPADDING", (0, 0), (-1, -1), 7),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
])


def render_candidate_plans(event: EventInfo, plans: Sequence[CandidatePlan]) -> bytes:
    """One page per candidate, in the order given (sort by name for the organizer's pile)."""
    register_fonts()
    room = RoomMap(event.room) if event.room else None
    story: list[Flowable] = []
    for index, plan in enumerate(plans):
        if index:
            story.append(PageBreak())
        story.extend(_plan_story(event, plan, room))
    if not story:
        story.append(Paragraph("Aucun planning à imprimer.", NOTE))
    title = f"Plannings des candidat·e·s — {event.name}"
    return build_story(A4, title, story, (MARGIN, MARGIN, MARGIN + HEADER, 16 * mm),
                       on_page=lambda canvas, doc: _page_frame(canvas, event))


def _page_frame(canvas: Canvas, event: EventInfo) -> None:
    """Event band on top; the advice sits in the footer so that the map can take all the room left."""
    event_band(canvas, event, A4, HEADER, MARGIN)
    canvas.saveState()
    canvas.setFont(REGULAR, 8.5)
    canvas.setFillColor(MUTED)
    canvas.drawString(MARGIN, 9 * mm, "Présentez-vous à la table à l'heure indiquée, avec quelques CV. "
                                      "En cas d'empêchement, prévenez l'accueil.")
    canvas.restoreState()


def arrival_text(event: EventInfo, plan: CandidatePlan, interviews: Sequence[CandidateInterview]) -> str:
    """The arrival line: nothing to do at the desk for somebody checked in; "now" when the time to arrive has
    passed (a plan reprinted on the day); otherwise the time to come, some minutes before the first interview."""
    coming = [i for i in interviews if plan.printed_at is None or i.start >= plan.printed_at] or interviews
    first = coming[0].start
    if plan.checked_in:
        return (f"Vous êtes enregistré·e à l'accueil : présentez-vous directement à la table indiquée, à "
                f"<b>{hhmm(first)}</b> pour votre prochain entretien.")
    arrive = from_minutes(minutes(first) - event.arrive_minutes_before)
    if plan.printed_at is not None and arrive <= plan.printed_at:
        return (f"Votre prochain entretien est à <b>{hhmm(first)}</b> : passez par l'accueil dès maintenant "
                f"pour enregistrer votre arrivée.")
    return (f"Merci d'arriver à <b>{hhmm(arrive)}</b>, soit {event.arrive_minutes_before} minutes avant "
            f"votre premier entretien, et de passer par l'accueil.")


def _plan_story(event: EventInfo, plan: CandidatePlan, room: RoomMap | None) -> list[Flowable]:
    interviews = sorted(plan.interviews, key=lambda i: (i.start, i.table))
    story = [
        Paragraph("VOTRE PROGRAMME", KICKER),
        Paragraph(escape(f"{plan.first_name} {plan.last_name}".strip()), NAME),
    ]
    if interviews:
        text = arrival_text(event, plan, interviews)
        story.append(Table([[Paragraph(text, CALLOUT)]], colWidths=[BODY_WIDTH], style=CALLOUT_STYLE))
        count = len(interviews)
        story.append(Paragraph(f"Vos entretiens ({count})" if count > 1 else "Votre entretien", SECTION))
        rows = [["Heure", "Entreprise", "Poste", "Table"]]
        for interview in interviews:
            rows.append([
                f"{hhmm(interview.start)} – {hhmm(interview.end)}",
                "\n".join(wrap(interview.company, REGULAR, 9.5, COLUMNS[1] - 12)),
                "\n".join(wrap(interview.offer, REGULAR, 9.5, COLUMNS[2] - 12)),
                str(interview.table),
            ])
        story.append(Table(rows, colWidths=COLUMNS, style=TABLE_STYLE, repeatRows=1))
    else:
        story.append(Paragraph("Aucun entretien n'est prévu pour vous à ce jour. "
                               "Présentez-vous à l'accueil : l'équipe vous orientera.", CALLOUT))
    if room is not None:
        story.append(Paragraph("Plan de la salle — vos tables sont surlignées", SECTION))
        story.append(room.highlighting(frozenset(i.table for i in interviews)))
    return story
