"""A small map of the room: tables in rows with their company, the reader's tables highlighted."""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from .data import RoomTable
from .style import BOLD, HIGHLIGHT, INK, LIGHT, MUTED, NAVY, REGULAR, RULE, fit_words

LABEL_SIZE = 7.0
SMALLEST_LABEL = 5.5


class RoomMap(Flowable):  # type: ignore[misc]  # ReportLab ships no type information
    """Draws the room grid; build it once per event and reuse it with `highlighting()` on every page."""

    def __init__(self, tables: tuple[RoomTable, ...], height: float = 105 * mm, min_height: float = 40 * mm,
                 marked: frozenset[int] = frozenset()):
        super().__init__()
        self.tables = tables
        self.desired_height = height
        self.min_height = min_height
        self.marked = marked
        self.rows = 1 + max((t.row for t in tables), default=0)
        self.columns = 1 + max((t.column for t in tables), default=0)

    def highlighting(self, numbers: frozenset[int]) -> RoomMap:
        return RoomMap(self.tables, self.desired_height, self.min_height, numbers)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        # Shrink to the room left on the page so that a plan stays on one page.
        self.height = max(self.min_height, min(self.desired_height, avail_height - 1))
        return self.width, self.height

    def draw(self) -> None:
        # The plain room is the same on every page: draw it once as a form XObject, then only
        # overdraw the reader's tables. This keeps 2,000 plans fast and the file small.
        canvas = self.canv
        name = f"room-{self.width:.0f}x{self.height:.0f}"
        if not canvas.hasForm(name):
            canvas.beginForm(name, 0, 0, self.width, self.height)
            self._draw_room(frozenset())
            canvas.endForm()
        canvas.doForm(name)
        self._draw_room(self.marked, only_marked=True)

    def _draw_room(self, marked: frozenset[int], only_marked: bool = False) -> None:
        canvas = self.canv
        entrance = 7 * mm
        cell_w = self.width / self.columns
        cell_h = (self.height - entrance) / self.rows
        gap = min(2.2 * mm, cell_w * 0.08)
        if not only_marked:
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.6)
            canvas.roundRect(0, 0, self.width, self.height, 2 * mm, stroke=1, fill=0)
            canvas.setFillColor(MUTED)
            canvas.setFont(REGULAR, 7.5)
            canvas.drawCentredString(self.width / 2, 2.2 * mm, "▼  Entrée et accueil  ▼")
        for table in self.tables:
            if only_marked and table.number not in marked:
                continue
            x = table.column * cell_w + gap
            # Row 0 sits next to the entrance, at the bottom of the drawing.
            y = entrance + table.row * cell_h + gap / 2
            self._table(x, y, cell_w - 2 * gap, cell_h - gap, table, table.number in marked)

    def _table(self, x: float, y: float, w: float, h: float, table: RoomTable, marked: bool) -> None:
        canvas = self.canv
        canvas.setLineWidth(1.4 if marked else 0.5)
        canvas.setStrokeColor(NAVY if marked else RULE)
        canvas.setFillColor(HIGHLIGHT if marked else LIGHT)
        canvas.roundRect(x, y, w, h, 1.2 * mm, stroke=1, fill=1)
        number_size = min(10.0, h * 0.42)
        canvas.setFillColor(NAVY if not marked else INK)
        canvas.setFont(BOLD, number_size)
        canvas.drawCentredString(x + w / 2, y + h - number_size - 0.4 * mm, str(table.number))
        room = h - number_size - 1.2 * mm
        if room < 4:
            return
        # Whole words only: shrink a little, then abbreviate cleanly ('Coopér.', 'Groupe Soins…').
        size, lines = table_label(table.company, BOLD if marked else REGULAR, w - 1.5 * mm, room)
        canvas.setFont(BOLD if marked else REGULAR, size)
        canvas.setFillColor(INK if marked else MUTED)
        # Centre the name in the space under the number.
        top = y + (room + len(lines) * size * 1.15) / 2
        for line in lines:
            top -= size * 1.15
            canvas.drawCentredString(x + w / 2, top + size * 0.25, line)


def table_label(company: str, font: str, width: float, height: float) -> tuple[float, tuple[str, ...]]:
    """Size and lines of a table's company name in a box of width × height; never splits a word."""
    return fit_words(company, font, LABEL_SIZE, SMALLEST_LABEL, width, 3, max_height=height)
