"""Small helpers for the import tests: files as a job centre sends them (CSV in any of Excel's ways, .xlsx)."""
from __future__ import annotations

import io

CANDIDATE_HEADER = ["Prénom", "Nom", "E-mail", "Téléphone", "Situation", "Niveau de diplôme", "Vœux"]
EMPLOYER_HEADER = ["Entreprise", "Contact", "E-mail", "Téléphone", "Secteur", "Offres", "Type de contrat", "Tables"]


def csv_bytes(rows: list[list[str]], *, separator: str = ";", encoding: str = "utf-8", bom: bool = False) -> bytes:
    """Rows written as Excel writes a CSV: cells quoted when needed, CRLF line ends."""
    import csv

    out = io.StringIO()
    csv.writer(out, delimiter=separator, lineterminator="\r\n").writerows(rows)
    return (b"\xef\xbb\xbf" if bom else b"") + out.getvalue().encode(encoding)


def xlsx_bytes(rows: list[list], *, first_row: int = 1) -> bytes:
    """A workbook whose first sheet holds `rows` from row `first_row` on (openpyxl, as Excel would save it)."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    for offset, row in enumerate(rows):
        for column, value in enumerate(row, start=1):
            sheet.cell(row=first_row + offset, column=column, value=value)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
