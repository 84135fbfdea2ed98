"""Reproducible canvases and doc templates: same data in, same bytes out."""
from __future__ import annotations

import io
from collections.abc import Callable

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from .style import register_fonts

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


def build_story(page_size: tuple[float, float], title: str, story: list, margins: tuple[float, float, float, float],
                on_page: Callable | None = None) -> bytes:
    """Lay a platypus story out on pages of one frame; margins are (left, right, top, bottom)."""
    register_fonts()
    buffer = io.BytesIO()
    left, right, top, bottom = margins
    doc = BaseDocTemplate(buffer, pagesize=page_size, title=title, author=AUTHOR, creator=CREATOR,
                          lang="fr-FR", invariant=1, pageCompression=1,
                          leftMargin=left, rightMargin=right, topMargin=top, bottomMargin=bottom)
    frame = Frame(left, bottom, page_size[0] - left - right, page_size[1] - top - bottom,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page or (lambda c, d: None))])
    doc.build(story)
    return buffer.getvalue()
