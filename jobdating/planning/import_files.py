"""Reading an uploaded list into rows of text: a CSV file (UTF-8 with or without BOM, or Windows-1252 as Excel
writes it in France; ';', ',' or a tab between columns, found by csv.Sniffer) or an Excel workbook (.xlsx, its
first sheet). The first non-empty row is the header; rows keep their number in the spreadsheet."""
from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

from flask_babel import lazy_gettext as _l

# An .xlsx is a zip: its parts may not unpack to more than this (a small file that unpacks to gigabytes is refused).
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_COLUMNS = 100
SEPARATORS = ";,\t"
SEPARATOR_HINT = re.compile(r"\s*sep=([;,\t|])[ \t]*\r?\n", re.IGNORECASE)


class FileProblem(ValueError):
    """The file as a whole cannot be read (not a CSV or an .xlsx, empty, too many rows, wrong header…)."""

    def __init__(self, message: Any):
        super().__init__(str(message))
        self.message = message


@dataclass
class Table:
    """The header row and the data rows of a file, each with its row number as the spreadsheet shows it."""

    header: list[str]
    header_row: int = 1
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    kind: str = "csv"  # "csv" or "xlsx"


def read_table(content: bytes, filename: str, *, max_rows: int) -> Table:
    """The table of an uploaded file; a FileProblem says in French why it cannot be read."""
    name = (filename or "").lower()
    extension = name.rsplit(".", 1)[-1] if "." in name else ""
    if not content.strip():
        raise FileProblem(_l("Le fichier est vide."))
    if content.startswith(b"\xd0\xcf\x11\xe0"):
        raise FileProblem(_l("Les classeurs Excel 97-2003 (.xls) ne sont pas lus : dans Excel, « Enregistrer sous » "
                             "au format .xlsx ou CSV, puis envoyez ce fichier."))
    if content.startswith(b"PK\x03\x04"):
        return _read_xlsx(content, max_rows)
    if extension in ("xlsx", "xlsm"):
        raise FileProblem(_l("Ce fichier n'est pas un classeur Excel valide (.xlsx) : enregistrez-le à nouveau "
                             "depuis Excel, ou au format CSV."))
    utf16 = content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if extension not in ("csv", "txt", "tsv", "") or (b"\x00" in content and not utf16):
        raise FileProblem(_l("Ce fichier n'est ni un fichier CSV ni un classeur Excel (.xlsx). Enregistrez la liste "
                             "dans l'un de ces formats (Excel : « Enregistrer sous », CSV ou Classeur Excel)."))
    return _read_csv(_decode(content), max_rows)


def _decode(content: bytes) -> str:
    """The text of a CSV file: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 (Excel in France),
    else Latin-1, which reads any byte."""
    if content.startswith(codecs.BOM_UTF8):
        return content[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace")
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return content.decode("utf-16", errors="replace")
    for encoding in ("utf-8", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    return content.decode("latin-1")


def _separator(text: str) -> str:
    """';', ',' or a tab: what csv.Sniffer finds in the first lines, checked against the header line (a file with
    one column, or lines the sniffer cannot tell apart, falls back to the separator the header line uses most)."""
    lines = [line for line in text[:65536].splitlines() if line.strip()]
    header = lines[0] if lines else ""
    counts = {separator: header.count(separator) for separator in SEPARATORS}
    try:
        found = csv.Sniffer().sniff("\n".join(lines[:50]), delimiters=SEPARATORS).delimiter
    except csv.Error:
        found = ""
    if found in counts and counts[found] > 0:
        return found
    best = max(SEPARATORS, key=lambda separator: counts[separator])
    return best if counts[best] > 0 else ";"


def _read_csv(text: str, max_rows: int) -> Table:
    hint = SEPARATOR_HINT.match(text)  # "sep=;", which Excel writes and reads, is not a row of the sheet
    if hint:
        text = text[hint.end():]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=hint.group(1) if hint else _separator(text))
    try:
        return _table(((number, row) for number, row in enumerate(reader, start=1)), max_rows, "csv")
    except csv.Error:
        raise FileProblem(_l("Ce fichier CSV est mal formé : une case est démesurée, ou un guillemet ouvert n'est "
                             "jamais refermé. Vérifiez les guillemets autour des valeurs.")) from None


def _cell(value: Any) -> str:
    """An Excel cell as text: whole numbers without '.0', dates as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _read_xlsx(content: bytes, max_rows: int) -> Table:
    from openpyxl import load_workbook

    not_xlsx = FileProblem(_l("Ce fichier n'est pas un classeur Excel (.xlsx) lisible : enregistrez-le à nouveau "
                              "depuis Excel (« Classeur Excel »), ou au format CSV."))
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            parts = archive.infolist()
            if not any(part.filename == "xl/workbook.xml" for part in parts):
                raise not_xlsx
            if sum(part.file_size for part in parts) > MAX_UNPACKED_BYTES:
                raise FileProblem(_l("Ce classeur est trop gros une fois décompressé : découpez la liste en "
                                     "plusieurs fichiers."))
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except FileProblem:
        raise
    except Exception:  # openpyxl raises many kinds of errors on a damaged file
        raise not_xlsx from None
    try:
        if not workbook.worksheets:
            raise not_xlsx
        sheet = workbook.worksheets[0]
        rows = ((number, [_cell(value) for value in values[:MAX_COLUMNS]])
                for number, values in enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1))
        return _table(rows, max_rows, "xlsx")
    finally:
        workbook.close()


def _table(rows, max_rows: int, kind: str) -> Table:
    """The header (first non-empty row) and the non-empty rows after it, cells stripped; at most `max_rows`."""
    table: Table | None = None
    for number, row in rows:
        cells = [str(cell).replace("\x00", "").strip() for cell in row]
        if not any(cells):
            continue
        if table is None:
            table = Table(header=cells, header_row=number, kind=kind)
            continue
        if len(table.rows) >= max_rows:
            raise FileProblem(_l("Le fichier contient plus de %(max)d lignes : découpez-le en plusieurs fichiers.",
                                 max=max_rows))
        table.rows.append((number, cells))
    if table is None:
        raise FileProblem(_l("Le fichier est vide."))
    if not table.rows:
        raise FileProblem(_l("Le fichier ne contient que la ligne d'en-tête : ajoutez une ligne par personne "
                             "sous les noms des colonnes."))
    return table
