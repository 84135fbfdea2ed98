"""Reproducible canvases and doc templates: same data in, same bytes out."""
from __future__ import annotations

import io
from collections.abc import Callable

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from .data import EventInfo
from .style import BOLD, NAVY, REGULAR, WHITE, fit, french_date, register_fonts

# Streams are already zlib-compressed; ASCII85 on top only makes files 25 % larger and, without
# ReportLab's optional C accelerator, costs a third of the rendering time.
rl_config.useA85 = 0

AUTHOR = "Job dating"
CREATOR = "jobdating (ReportLab)"


def new_canvas(page_size: tuple[float, float], title: str) -> tuple[Canvas, Callable[[], bytes]]:
    """A canvas writing to memory with fixed dates and IDs (invariant), and the function that returns its bytes."""
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=page_size, invariant=1, pageCompression=1, lang="fr-FR")
    canvas.setTitle(title)
    canvas.setAuthor(AUTHOR)
    canvas.setCreator(CREATOR)

    def finish() -> bytes:
        canvas.save()
        return buffer.getvalue()

    return canvas, finish


PageCallback = Callable[[Canvas, BaseDocTemplate], None]


def build_story(page_size: tuple[float, float], title: str, story: list[Flowable],
                margins: tuple[float, float, float, float], on_page: PageCallback | None = None,
                on_page_end: PageCallback | None = None) -> bytes:
    """Lay a platypus story out on pages of one frame; margins are (left, right, top, bottom)."""
    register_fonts()
    buffer = io.BytesIO()
    left, right, top, bottom = margins
    doc = BaseDocTemplate(buffer, pagesize=page_size, title=title, author=AUTHOR, creator=CREATOR,
                          lang="fr-FR", invariant=1, pageCompression=1,
                          leftMargin=left, rightMargin=right, topMargin=top, bottomMargin=bottom)
    frame = Frame(left, bottom, page_size[0] - left - right, page_size[1] - top - bottom,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    nothing = lambda canvas, doc: None  # noqa: E731
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page or nothing,
                                       onPageEnd=on_page_end or nothing)])
    doc.build(story)
    return buffer.getvalue()


def event_band(canvas: Canvas, event: EventInfo, page_size: tuple[float, float], height: float, margin: float,
               right_text: str = "") -> None:
    """The navy band with the event name, date and venue at the top of flowing documents."""
    page_width, page_height = page_size
    usable = page_width - 2 * margin
    canvas.saveState()
    canvas.setFillColor(NAVY)
    canvas.rect(0, page_height - height, page_width, height, stroke=0, fill=1)
    canvas.setFillColor(WHITE)
    size, lines = fit(event.name, BOLD, 16, 10, usable * (0.62 if right_text else 1))
    canvas.setFont(BOLD, size)
    canvas.drawString(margin, page_height - height / 2 + 1.5, lines[0])
    details = " · ".join(part for part in (french_date(event.date).capitalize(), event.venue) if part)
    size, lines = fit(details, REGULAR, 10, 7, usable * (0.62 if right_text else 1))
    canvas.setFont(REGULAR, size)
    canvas.drawString(margin, page_height - height / 2 - 14, lines[0])
    if right_text:
        canvas.setFont(BOLD, 11)
        canvas.drawRightString(page_width - margin, page_height - height / 2 - 4, right_text)
    canvas.restoreState()
