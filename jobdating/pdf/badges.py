"""Badge sheets: candidate badges with a check-in QR code, employer badges with their tables."""
from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from functools import partial

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib.colors import Color
from reportlab.lib.colors import black as BLACK
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from .data import CandidateBadge, EmployerBadge, EventInfo
from .document import new_canvas
from .layouts import DEFAULT_LAYOUT, LAYOUTS, SheetLayout
from .style import BOLD, INK, LIGHT, MUTED, NAVY, REGULAR, RULE, TEAL, WHITE, fit, fit_words, french_date, unbroken

CANDIDATE_ROLE = "Candidat·e"
EMPLOYER_ROLE = "Recruteur"
QR_MASK = 0  # checkerboard: breaks up large uniform areas whatever the data

Rect = tuple[float, float, float, float]  # x, y, width, height in points
Drawer = Callable[[Canvas, Rect], None]
# text, font, largest size, smallest size, most lines, colour
TextPart = tuple[str, str, float, float, int, Color]


def render_badges(event: EventInfo, candidates: Sequence[CandidateBadge] = (),
                  employers: Sequence[EmployerBadge] = (), layout: str | SheetLayout = DEFAULT_LAYOUT) -> bytes:
    """Candidate badges, then employer badges starting on a fresh sheet, in the given sheet layout."""
    sheet = LAYOUTS[layout] if isinstance(layout, str) else layout
    canvas, finish = new_canvas(sheet.page_size, f"Badges — {event.name}")
    drawers: list[Drawer] = [partial(_candidate_badge, event=event, badge=b) for b in candidates]
    _draw_sheets(canvas, sheet, drawers)
    drawers = [partial(_employer_badge, event=event, badge=b) for b in employers]
    _draw_sheets(canvas, sheet, drawers)
    return finish()


def _draw_sheets(canvas: Canvas, sheet: SheetLayout, drawers: list[Drawer]) -> None:
    rects = sheet.badge_rects()
    for start in range(0, len(drawers), sheet.per_page):
        # the last sheet may have fewer badges than places
        for rect, draw in zip(rects, drawers[start:start + sheet.per_page], strict=False):
            draw(canvas, rect)
        if sheet.cut_marks:
            _cut_marks(canvas, sheet)
        canvas.showPage()


def _cut_marks(canvas: Canvas, sheet: SheetLayout) -> None:
    """Light ticks in the margins along every cut line, and small crosses where cut lines meet."""
    page_width, page_height = sheet.page_size
    rects = sheet.badge_rects()
    xs = sorted({round(x, 2) for x, _, w, _ in rects} | {round(x + w, 2) for x, _, w, _ in rects})
    ys = sorted({round(y, 2) for _, y, _, h in rects} | {round(y + h, 2) for _, y, _, h in rects})
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.4)
    gap = 1.5 * mm
    for x in xs:
        canvas.line(x, ys[-1] + gap, x, min(page_height, ys[-1] + gap + 5 * mm))
        canvas.line(x, ys[0] - gap, x, max(0, ys[0] - gap - 5 * mm))
    for y in ys:
        canvas.line(xs[0] - gap, y, max(0, xs[0] - gap - 5 * mm), y)
        canvas.line(xs[-1] + gap, y, min(page_width, xs[-1] + gap + 5 * mm), y)
    arm = 2 * mm
    for x, y in itertools.product(xs[1:-1] or [], ys):
        canvas.line(x, y - arm, x, y + arm)
    for x, y in itertools.product(xs, ys[1:-1] or []):
        canvas.line(x - arm, y, x + arm, y)
    canvas.restoreState()


def _frame(canvas: Canvas, rect: Rect, event: EventInfo, colour: Color, role: str) -> Rect:
    """Coloured event band on top, role strip at the bottom; returns the free body rectangle."""
    x, y, w, h = rect
    pad = 4 * mm
    band = max(10 * mm, 0.18 * h)
    canvas.setFillColor(colour)
    canvas.rect(x, y + h - band, w, band, stroke=0, fill=1)
    canvas.setFillColor(WHITE)
    size, lines = fit(event.name, BOLD, 10, 6.5, w - 2 * pad)
    canvas.setFont(BOLD, size)
    canvas.drawString(x + pad, y + h - band / 2 + 0.6 * mm, lines[0])
    canvas.setFont(REGULAR, 7.5)
    canvas.drawString(x + pad, y + h - band / 2 - 3.6 * mm, _first_upper(french_date(event.date)))
    strip = max(7 * mm, 0.12 * h)
    canvas.setFillColor(LIGHT)
    canvas.rect(x, y, w, strip, stroke=0, fill=1)
    canvas.setFillColor(colour)
    canvas.setFont(BOLD, 11)
    canvas.drawCentredString(x + w / 2, y + strip / 2 - 1.4 * mm, role.upper())
    return x + pad, y + strip + 2 * mm, w - 2 * pad, h - band - strip - 4 * mm


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def _text_block(canvas: Canvas, x: float, y: float, w: float, h: float, parts: Sequence[TextPart]) -> None:
    """Stack fitted text parts (text, font, max, min, lines, colour), centred vertically in the box."""
    fitted = []
    shares = [p[2] for p in parts]
    total_share = sum(shares)
    for (text, font, max_size, min_size, max_lines, colour), share in zip(parts, shares, strict=True):
        room = h * share / total_share
        # A name that would shrink much on one line wraps instead ('Jean-Baptiste / Vandenbroucke').
        size, lines = fit_words(text, font, max_size, max_size * 0.75, w, 1, max_height=room)
        if unbroken(lines) != " ".join(text.split()):
            size, lines = fit_words(text, font, max_size, min_size, w, max_lines, max_height=room)
        fitted.append((font, size, lines, colour))
    block = sum(len(lines) * size * 1.15 for _, size, lines, _ in fitted)
    top = y + (h + block) / 2
    for font, size, lines, colour in fitted:
        canvas.setFont(font, size)
        canvas.setFillColor(colour)
        for line in lines:
            top -= size * 1.15
            canvas.drawString(x, top + size * 0.22, line)


def _candidate_badge(canvas: Canvas, rect: Rect, event: EventInfo, badge: CandidateBadge) -> None:
    x, y, w, h = _frame(canvas, rect, event, NAVY, CANDIDATE_ROLE)
    qr_size = min(h, 0.36 * (w + 8 * mm))
    _draw_qr(canvas, badge.checkin_url, x + w - qr_size + 1.5 * mm, y + (h - qr_size) / 2, qr_size)
    text_width = w - qr_size - 1 * mm
    _text_block(canvas, x, y, text_width, h, [
        (badge.first_name, BOLD, 24, 10, 2, INK),
        (badge.last_name, REGULAR, 15, 8, 2, MUTED),
    ])


def _employer_badge(canvas: Canvas, rect: Rect, event: EventInfo, badge: EmployerBadge) -> None:
    x, y, w, h = _frame(canvas, rect, event, TEAL, EMPLOYER_ROLE)
    box = 0.3 * (w + 8 * mm) if badge.tables else 0
    if badge.tables:
        _table_box(canvas, x + w - box, y + (h - box * 0.9) / 2, box, box * 0.9, badge.tables)
    text_width = w - box - (2 * mm if box else 0)
    if badge.blank:
        # The name is written by hand on the line; the company sits under it.
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.8)
        canvas.setDash(1.5, 2)
        canvas.line(x, y + h * 0.55, x + text_width, y + h * 0.55)
        canvas.setDash()
        _text_block(canvas, x, y, text_width, h * 0.5, [(badge.company, BOLD, 14, 7.5, 2, TEAL)])
        return
    _text_block(canvas, x, y, text_width, h, [
        (badge.contact_name or badge.company, BOLD, 20, 9, 2, INK),
        (badge.company if badge.contact_name else "", BOLD, 14, 7.5, 2, TEAL),
    ])


def _table_box(canvas: Canvas, x: float, y: float, w: float, h: float, tables: tuple[int, ...]) -> None:
    canvas.setStrokeColor(TEAL)
    canvas.setLineWidth(1)
    canvas.roundRect(x, y, w, h, 2 * mm, stroke=1, fill=0)
    canvas.setFillColor(MUTED)
    canvas.setFont(REGULAR, 7.5)
    label = "TABLE" if len(tables) == 1 else "TABLES"
    canvas.drawCentredString(x + w / 2, y + h - 4.5 * mm, label)
    numbers = ", ".join(str(t) for t in tables)
    size, lines = fit(numbers, BOLD, 26, 8, w - 3 * mm, 3, max_height=h - 8 * mm)
    canvas.setFillColor(INK)
    canvas.setFont(BOLD, size)
    block = len(lines) * size * 1.15
    top = y + (h - 6 * mm + block) / 2
    for line in lines:
        top -= size * 1.15
        canvas.drawCentredString(x + w / 2, top + size * 0.22, line)


def _draw_qr(canvas: Canvas, value: str, x: float, y: float, size: float) -> None:
    """Encode with ReportLab's QR encoder (level M) and fill the dark modules as one path.

    ReportLab's make() scores all eight mask patterns in pure Python (7 ms a code, most of the time
    of a badge sheet); every mask is valid and decoders read them all, so we use one fixed mask
    (tests decode every code with zxing). Module units keep the path coordinates small integers.
    """
    qr = QrCodeWidget(value, barLevel="M").qr
    qr.version = qr.version or qr.calculate_version()
    qr.makeImpl(False, QR_MASK)
    count = qr.getModuleCount()
    border = 2  # the white badge around it completes the quiet zone
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(size / (count + 2 * border), size / (count + 2 * border))
    path = canvas.beginPath()
    for r, row in enumerate(qr.modules):
        column = border
        for dark, run in itertools.groupby(row):
            length = len(list(run))
            if dark:
                path.rect(column, count + border - 1 - r, length, 1)
            column += length
    canvas.setFillColor(BLACK)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
