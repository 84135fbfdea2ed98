"""Badge sheet formats as data: add a label sheet by adding a row to LAYOUTS."""
from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm


@dataclass(frozen=True)
class SheetLayout:
    """A sheet of equal badges; lengths in points, margins measured from the top-left page corner."""

    name: str
    label: str
    page_size: tuple[float, float]
    columns: int
    rows: int
    badge_width: float
    badge_height: float
    margin_left: float
    margin_top: float
    gap_x: float = 0.0
    gap_y: float = 0.0
    # Plain paper needs cut marks; pre-cut label sheets do not.
    cut_marks: bool = True

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def badge_rects(self) -> list[tuple[float, float, float, float]]:
        """(x, y, width, height) of each badge in PDF coordinates, row by row from the top left."""
        _, page_height = self.page_size
        rects = []
        for row in range(self.rows):
            top = page_height - self.margin_top - row * (self.badge_height + self.gap_y)
            for column in range(self.columns):
                left = self.margin_left + column * (self.badge_width + self.gap_x)
                rects.append((left, top - self.badge_height, self.badge_width, self.badge_height))
        return rects


LAYOUTS: dict[str, SheetLayout] = {
    layout.name: layout
    for layout in (
        SheetLayout("a4-2x4", "A4, 8 badges 95 × 70 mm (à découper)", A4, 2, 4,
                    95 * mm, 70 * mm, 10 * mm, 8.5 * mm),
        SheetLayout("avery-l7165", "Avery L7165, 8 étiquettes 99,1 × 67,7 mm", A4, 2, 4,
                    99.1 * mm, 67.7 * mm, 4.65 * mm, 13.1 * mm, gap_x=2.5 * mm, cut_marks=False),
        SheetLayout("avery-l7173", "Avery L7173, 10 étiquettes 99,1 × 57 mm", A4, 2, 5,
                    99.1 * mm, 57 * mm, 4.65 * mm, 6 * mm, gap_x=2.5 * mm, cut_marks=False),
    )
}
DEFAULT_LAYOUT = "a4-2x4"
