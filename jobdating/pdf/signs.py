"""Table signs: A4 landscape, the company name as large as the page allows, table number, offers."""
from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from .data import EventInfo, TableSign
from .document import new_canvas
from .style import BOLD, INK, LIGHT, MUTED, NAVY, REGULAR, RULE, WHITE, fit, fit_words, french_date, unbroken

PAGE = landscape(A4)
MARGIN = 15 * mm
MAX_OFFERS = 6
# A name that fits on one line at this size or larger stays on one line; a longer one wraps first.
ONE_LINE_SIZE = 90


def render_table_signs(event: EventInfo, signs: Sequence[TableSign]) -> bytes:
    """One landscape page per table, in the order given."""
    canvas, finish = new_canvas(PAGE, f"Panneaux de table — {event.name}")
    for sign in signs:
        _sign(canvas, event, sign)
        canvas.showPage()
    return finish()


def _sign(canvas: Canvas, event: EventInfo, sign: TableSign) -> None:
    width, height = PAGE
    usable = width - 2 * MARGIN
    # Table number in a navy block on the top right, readable from across the room.
    block_w, block_h = 62 * mm, 40 * mm
    block_x, block_y = width - MARGIN - block_w, height - MARGIN - block_h
    canvas.setFillColor(NAVY)
    canvas.roundRect(block_x, block_y, block_w, block_h, 3 * mm, stroke=0, fill=1)
    canvas.setFillColor(WHITE)
    canvas.setFont(BOLD, 13)
    canvas.drawCentredString(block_x + block_w / 2, block_y + block_h - 8.5 * mm, "TABLE")
    size, lines = fit(str(sign.table), BOLD, 72, 20, block_w - 8 * mm)
    canvas.setFont(BOLD, size)
    canvas.drawCentredString(block_x + block_w / 2, block_y + 6 * mm, lines[0])
    # Event name and date on the top left.
    canvas.setFillColor(MUTED)
    size, lines = fit(event.name, BOLD, 14, 9, usable - block_w - 10 * mm)
    canvas.setFont(BOLD, size)
    canvas.drawString(MARGIN, height - MARGIN - 6 * mm, lines[0])
    canvas.setFont(REGULAR, 11)
    canvas.drawString(MARGIN, height - MARGIN - 12.5 * mm, french_date(event.date).capitalize())
    # Company name, fitted to the width, centred in the space between the header and the offers.
    offers = [o for o in sign.offers if o.strip()]
    offers_h = _offers_height(offers)
    top = block_y - 8 * mm
    bottom = MARGIN + offers_h + (8 * mm if offers else 0)
    size, lines = company_lines(sign.company, usable, top - bottom)
    block = len(lines) * size * 1.1
    y = bottom + (top - bottom + block) / 2
    canvas.setFillColor(INK)
    canvas.setFont(BOLD, size)
    for line in lines:
        y -= size * 1.1
        canvas.drawCentredString(width / 2, y + size * 0.22, line)
    if offers:
        _offers(canvas, offers, MARGIN, MARGIN, usable, offers_h)


def company_lines(company: str, width: float, height: float) -> tuple[float, tuple[str, ...]]:
    """The company name as large as the page allows: one line if it stays big, else two lines before it
    shrinks further; a very long name takes up to four smaller lines rather than being cut."""
    text = " ".join(company.split())
    one = fit_words(text, BOLD, 120, ONE_LINE_SIZE, width, 1, max_height=height, leading=1.1)
    if unbroken(one[1]) == text:
        return one
    two = fit_words(text, BOLD, 120, 40, width, 2, max_height=height, leading=1.1)
    if unbroken(two[1]) == text:
        return two
    return fit_words(text, BOLD, 40, 20, width, 4, max_height=height, leading=1.1)


def _offers_height(offers: list[str]) -> float:
    if not offers:
        return 0
    rows = -(-min(len(offers), MAX_OFFERS) // 2)
    height: float = 13 * mm + rows * 9 * mm
    return height


def _offers(canvas: Canvas, offers: list[str], x: float, y: float, w: float, h: float) -> None:
    canvas.setFillColor(LIGHT)
    canvas.setStrokeColor(RULE)
    canvas.roundRect(x, y, w, h, 3 * mm, stroke=0, fill=1)
    canvas.setFillColor(NAVY)
    canvas.setFont(BOLD, 12)
    canvas.drawString(x + 8 * mm, y + h - 9 * mm, "NOUS RECRUTONS")
    shown = offers[:MAX_OFFERS]
    if len(offers) > MAX_OFFERS:
        shown[-1] = f"… et {len(offers) - MAX_OFFERS + 1} autres postes"
    column_w = (w - 16 * mm) / 2
    for index, offer in enumerate(shown):
        column, row = index % 2, index // 2
        size, lines = fit(offer, REGULAR, 15, 9, column_w - 8 * mm)
        canvas.setFillColor(INK)
        canvas.setFont(REGULAR, size)
        cx = x + 8 * mm + column * column_w
        cy = y + h - 18 * mm - row * 9 * mm
        canvas.drawString(cx + 6 * mm, cy, lines[0])
        canvas.setFillColor(NAVY)
        canvas.circle(cx + 1.8 * mm, cy + 1.6 * mm, 1.3 * mm, stroke=0, fill=1)
