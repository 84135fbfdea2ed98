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


def room_labels(page, plain_colour, marked_colour) -> dict[str, tuple[str, ...]]:
    """Room-map tables of a page: table number -> the lines of its company label, as printed.

    A table is a box filled with plain_colour or marked_colour; a marked table is drawn twice (plain, then
    in bold on top), so its label is read from its bold characters only.
    """
    boxes: dict[tuple[int, int], tuple[tuple[float, float, float, float], bool]] = {}
    for shape in page.curves + page.rects:
        colour = shape.get("non_stroking_color")
        small = shape["x1"] - shape["x0"] < page.width / 3  # not a wide callout of the same colour
        if small and shape.get("fill") and (_close(colour, plain_colour) or _close(colour, marked_colour)):
            key = (round(shape["x0"]), round(shape["top"]))
            marked = _close(colour, marked_colour) or boxes.get(key, ((), False))[1]
            boxes[key] = ((shape["x0"], shape["top"], shape["x1"], shape["bottom"]), marked)
    labels = {}
    for box, marked in boxes.values():
        lines: dict[int, list] = {}
        for c in page.chars:
            if not chars_outside(_Chars([c]), box):
                lines.setdefault(round(c["top"]), []).append(c)
        tops = sorted(lines)
        number = {(round(c["x0"], 1), c["text"]): c["text"] for c in lines[tops[0]]}
        label = ("".join(c["text"] for c in sorted(lines[top], key=lambda c: c["x0"])
                         if c["fontname"].endswith("Bold") == marked) for top in tops[1:])
        labels["".join(number[k] for k in sorted(number))] = tuple(line for line in label if line)
    return labels


def _close(colour, expected) -> bool:
    wanted = (expected.red, expected.green, expected.blue)
    return colour is not None and len(colour) == 3 and all(abs(a - b) < 0.01
                                                           for a, b in zip(colour, wanted, strict=True))
