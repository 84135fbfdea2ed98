"""Reading rendered PDFs back: text, character positions, QR codes."""
from __future__ import annotations

import io

import pdfplumber
import pypdfium2
import zxingcpp


def pages(pdf: bytes) -> list:
    """pdfplumber pages (kept open for the test's duration: the PDF lives in memory)."""
    return pdfplumber.open(io.BytesIO(pdf)).pages


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in pages(pdf)]


def chars_outside(page, box: tuple[float, float, float, float]) -> list[str]:
    """Characters whose glyph box is not inside box = (x0, top, x1, bottom) in pdfplumber coordinates."""
    x0, top, x1, bottom = box
    eps = 0.5
    return [c["text"] for c in page.chars
            if c["x0"] < x0 - eps or c["x1"] > x1 + eps or c["top"] < top - eps or c["bottom"] > bottom + eps]


def chars_outside_every(page, boxes) -> list[str]:
    """Characters not wholly inside any of the boxes."""
    return [c["text"] for c in page.chars if all(chars_outside(_Chars([c]), box) for box in boxes)]


class _Chars:
    def __init__(self, chars):
        self.chars = chars


def chars_off_page(pdf: bytes) -> list[str]:
    return [c for page in pages(pdf) for c in chars_outside(page, (0, 0, page.width, page.height))]


def qr_codes(pdf: bytes, page_index: int = 0, scale: float = 3.0) -> list[tuple[str, tuple[float, float]]]:
    """Decoded QR codes of a page with their centre in PDF points (pdfplumber's top-left origin)."""
    document = pypdfium2.PdfDocument(pdf)
    image = document[page_index].render(scale=scale).to_pil()
    found = []
    for barcode in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode):
        corners = [barcode.position.top_left, barcode.position.top_right, barcode.position.bottom_left,
                   barcode.position.bottom_right]
        centre = (sum(p.x for p in corners) / 4 / scale, sum(p.y for p in corners) / 4 / scale)
        found.append((barcode.text, centre))
    return found


def badge_boxes(layout) -> list[tuple[float, float, float, float]]:
    """The layout's badge rectangles as pdfplumber boxes (x0, top, x1, bottom)."""
    page_height = layout.page_size[1]
    return [(x, page_height - y - h, x + w, page_height - y) for x, y, w, h in layout.badge_rects()]


def inside(point: tuple[float, float], box: tuple[float, float, float, float]) -> bool:
    return box[0] <= point[0] <= box[2] and box[1] <= point[1] <= box[3]
