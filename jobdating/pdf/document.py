"""Reproducible canvases and doc templates: same data in, same bytes out."""
from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

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


@dataclass(frozen=True)
class PageInfo:
    """Where a page stands, known once the whole document is laid out: 'page 2/12', 'page 1/2 of this sheet'."""

    number: int
    total: int
    heading: tuple[str, ...] = ()  # of the section the page belongs to (see Section)
    section_number: int = 1
    section_total: int = 1


PageDecorator = Callable[[Canvas, PageInfo], None]


class Section(Flowable):  # type: ignore[misc]  # ReportLab ships no type information
    """Zero-size marker: the pages from here on belong to a section with this heading (a sheet, a part)."""

    def __init__(self, heading: tuple[str, ...]):
        super().__init__()
        self.heading = heading

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.section_heading = self.heading


class _HeldPagesCanvas(Canvas):  # type: ignore[misc]  # ReportLab ships no type information
    """Holds every page back until the document is laid out, then lets `decorate` finish each one.

    The page totals ("page 2/12") and the section of each page are only known at the end.
    """

    def __init__(self, *args: Any, decorate: PageDecorator, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.decorate = decorate
        self.section_heading: tuple[str, ...] = ()
        self.held_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802  # ReportLab's name
        self.held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        pages = self.held_pages
        headings = [page["section_heading"] for page in pages]
        for index, page in enumerate(pages):
            self.__dict__.update(page)
            first = index
            while first and headings[first - 1] == headings[index]:
                first -= 1
            last = index
            while last + 1 < len(pages) and headings[last + 1] == headings[index]:
                last += 1
            self.decorate(self, PageInfo(index + 1, len(pages), headings[index], index - first + 1, last - first + 1))
            super().showPage()
        super().save()


def build_story(page_size: tuple[float, float], title: str, story: list[Flowable],
                margins: tuple[float, float, float, float], on_page: PageCallback | None = None,
                on_page_end: PageCallback | None = None, decorate: PageDecorator | None = None) -> bytes:
    """Lay a platypus story out on pages of one frame; margins are (left, right, top, bottom).

    `decorate` draws on each page once all are laid out, e.g. "page i/n" and the heading of its Section.
    """
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
    if decorate is None:
        doc.build(story)
    else:
        doc.build(story, canvasmaker=partial(_HeldPagesCanvas, decorate=decorate))
    return buffer.getvalue()


def event_band(canvas: Canvas, event: EventInfo, page_size: tuple[float, float], height: float, margin: float,
               right_text: str = "", heading: bool = False) -> None:
    """The navy band with the event name, date and venue at the top of flowing documents.

    With heading=True, the right part is left for band_heading().
    """
    page_width, page_height = page_size
    usable = page_width - 2 * margin
    if heading:
        right_text = right_text or " "
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


def band_heading(canvas: Canvas, page_size: tuple[float, float], height: float, margin: float,
                 title: str, detail: str) -> None:
    """The right side of the event band (drawn with right_text=" "): a bold title over a detail line."""
    page_width, page_height = page_size
    room = (page_width - 2 * margin) * 0.36
    canvas.saveState()
    canvas.setFillColor(WHITE)
    size, lines = fit(title, BOLD, 12, 8, room)
    canvas.setFont(BOLD, size)
    canvas.drawRightString(page_width - margin, page_height - height / 2 + 1.5, lines[0])
    size, lines = fit(detail, REGULAR, 10, 7, room)
    canvas.setFont(REGULAR, size)
    canvas.drawRightString(page_width - margin, page_height - height / 2 - 12, lines[0])
    canvas.restoreState()
