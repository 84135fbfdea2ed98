"""Reading an imported list: CSV with ';' or ',', with or without BOM, in UTF-8 or Windows-1252, Excel workbooks,
the header's names and synonyms, and the files that cannot be read (each with a French message)."""
from __future__ import annotations

import io
import zipfile

import pytest
from import_helpers import csv_bytes, xlsx_bytes

from jobdating.planning import import_files
from jobdating.planning.import_columns import CANDIDATES, EMPLOYERS, match_header, model_csv
from jobdating.planning.import_files import FileProblem, read_table

ROWS = [["Prénom", "Nom", "E-mail", "Vœux"], ["Inès", "Haddad", "ines@exemple.fr", "Santé Plus; Numérique Lens"],
        ["Éloïse", "Lefèvre", "eloise@exemple.fr", ""]]


def _read(content: bytes, name: str = "liste.csv", max_rows: int = 100):
    return read_table(content, name, max_rows=max_rows)


@pytest.mark.parametrize("separator", [";", ",", "\t"])
@pytest.mark.parametrize("bom", [True, False])
def test_a_csv_is_read_whatever_its_separator_with_or_without_bom(app, separator, bom):
    table = _read(csv_bytes(ROWS, separator=separator, bom=bom))
    assert table.header == ROWS[0]
    assert table.rows == [(2, ROWS[1]), (3, ROWS[2])]


def test_excel_s_separator_line_is_obeyed_and_is_no_row(app):
    table = _read(b"sep=,\r\nPr\xc3\xa9nom,Nom;Ville\r\nIn\xc3\xa8s,Haddad;Lens\r\n")
    assert table.header == ["Prénom", "Nom;Ville"] and table.rows == [(2, ["Inès", "Haddad;Lens"])]


def test_a_csv_saved_by_excel_in_france_is_read_in_windows_1252(app):
    content = csv_bytes(ROWS, encoding="cp1252")
    assert b"\xe9" in content and b"\xc3" not in content  # "é" as one byte: not UTF-8
    table = _read(content)
    assert table.header[0] == "Prénom" and table.rows[1][1][:2] == ["Éloïse", "Lefèvre"]
    assert table.header[3] == "Vœux", "œ is a Windows-1252 letter, not Latin-1"


def test_a_csv_in_latin_1_with_bytes_windows_1252_lacks_is_still_read(app):
    table = _read("Prénom;Nom\nA\x81b;Côté\n".encode("latin-1"))
    assert table.rows == [(2, ["A\x81b", "Côté"])]


def test_a_utf16_csv_from_excel_unicode_text_is_read(app):
    table = _read(csv_bytes(ROWS, separator="\t", encoding="utf-16"), "liste.txt")
    assert table.header == ROWS[0] and len(table.rows) == 2


def test_quoted_cells_keep_their_separators_and_line_breaks_and_rows_keep_their_numbers(app):
    rows = [["Entreprise", "Présentation"], ["Logistique Artois", "Entrepôt ; 300 salariés,\nà Lens"], [""],
            ["Numérique Lens", "ESN"]]
    table = _read(csv_bytes(rows))
    assert table.rows == [(2, ["Logistique Artois", "Entrepôt ; 300 salariés,\nà Lens"]),
                          (4, ["Numérique Lens", "ESN"])]


def test_the_separator_of_the_header_wins_when_the_sniffer_cannot_tell(app):
    content = "Entreprise;Présentation\nLogistique, Artois;Une, deux, trois\n".encode()
    assert _read(content).rows == [(2, ["Logistique, Artois", "Une, deux, trois"])]


def test_an_xlsx_is_read_from_its_first_sheet_with_the_spreadsheet_row_numbers(app):
    content = xlsx_bytes([["Prénom", "Nom", "Téléphone", "Tables"], ["Inès", "Haddad", 612345678, 2.0], [None],
                          ["Éloïse", "Lefèvre", "06 12 34 56 78", None]], first_row=3)
    table = _read(content, "Liste.XLSX")
    assert table.kind == "xlsx" and table.header_row == 3
    assert table.rows == [(4, ["Inès", "Haddad", "612345678", "2"]), (6, ["Éloïse", "Lefèvre", "06 12 34 56 78", ""])]


def test_an_xlsx_is_recognised_by_its_content_whatever_its_name(app):
    assert _read(xlsx_bytes(ROWS), "export").rows[0] == (2, ROWS[1])


@pytest.mark.parametrize(("content", "name", "words"), [
    (b"", "liste.csv", "vide"),
    (b"  \r\n\r\n", "liste.csv", "vide"),
    (csv_bytes([["Prénom", "Nom"]]), "liste.csv", "que la ligne d'en-tête"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "liste.xls", ".xls"),
    (b"%PDF-1.4\x00\x01\x02", "liste.pdf", "ni un fichier CSV ni un classeur Excel"),
    (b"Prenom;Nom\nA;B\n", "photo.png", "ni un fichier CSV ni un classeur Excel"),
    (b"Prenom;Nom\nA;B\n", "liste.xlsx", "pas un classeur Excel valide"),
    (b"PK\x03\x04 not really a zip", "liste.xlsx", "pas un classeur Excel (.xlsx) lisible"),
])
def test_a_file_that_cannot_be_read_says_why_in_french(app, content, name, words):
    with pytest.raises(FileProblem) as problem:
        _read(content, name)
    assert words in str(problem.value)


def test_a_zip_that_is_no_workbook_is_refused(app):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(FileProblem, match="pas un classeur Excel"):
        _read(out.getvalue(), "lettre.docx")


def test_a_workbook_that_unpacks_to_too_much_is_refused(app, monkeypatch):
    monkeypatch.setattr(import_files, "MAX_UNPACKED_BYTES", 1000)
    with pytest.raises(FileProblem, match="trop gros une fois décompressé"):
        _read(xlsx_bytes(ROWS), "liste.xlsx")


def test_too_many_rows_are_refused_with_the_limit(app):
    rows = [["Prénom"], *[[f"P{n}"] for n in range(11)]]
    assert len(_read(csv_bytes(rows[:11]), max_rows=10).rows) == 10
    with pytest.raises(FileProblem, match="plus de 10 lignes"):
        _read(csv_bytes(rows), max_rows=10)
    with pytest.raises(FileProblem, match="plus de 10 lignes"):
        _read(xlsx_bytes(rows), "liste.xlsx", max_rows=10)


def test_a_badly_quoted_csv_says_so(app):
    """An opening quote never closed swallows the rest of the file into one cell, up to csv's limit."""
    with pytest.raises(FileProblem, match="guillemet ouvert"):
        _read(b'Pr\xc3\xa9nom;Nom\n"In\xc3\xa8s;Haddad\n' + b"x;y\n" * 40000, "liste.csv")


# The header ------------------------------------------------------------------------------------------------

def test_headers_match_without_case_accents_or_punctuation_and_with_french_synonyms(app):
    header = match_header(["PRENOM", "nom de famille", "Courriel", "Tél.", "Voeux", "Remarques", ""], CANDIDATES)
    assert header.positions == {"first_name": 0, "last_name": 1, "email": 2, "phone": 3, "wishes": 4}
    assert header.ignored == ["Remarques"]
    header = match_header(["Société", "E-mail", "Offres d'emploi", "Secteur d’activité", "Nombre de tables"],
                          EMPLOYERS)
    assert header.positions == {"company": 0, "email": 1, "offers": 2, "sector": 3, "tables": 4}
    assert match_header(["Prénom *", "Nom", "Adresse e-mail"], CANDIDATES).positions["email"] == 2


def test_a_header_without_a_required_column_names_what_is_missing(app):
    with pytest.raises(FileProblem) as problem:
        match_header(["Prénom", "Téléphone"], CANDIDATES)
    assert "il manque : Nom, E-mail" in str(problem.value)
    with pytest.raises(FileProblem, match="il manque : Entreprise, Offres"):
        match_header(["Contact", "Mail"], EMPLOYERS)


def test_a_list_of_the_other_kind_says_which_kind_to_choose(app):
    with pytest.raises(FileProblem, match="Ce fichier est une liste d'employeurs : choisissez « des employeurs »"):
        match_header(["Entreprise", "E-mail", "Offres"], CANDIDATES)
    with pytest.raises(FileProblem, match="Ce fichier est une liste de candidats : choisissez « des candidats »"):
        match_header(["Prénom", "Nom", "E-mail"], EMPLOYERS)


def test_a_column_given_twice_is_refused(app):
    with pytest.raises(FileProblem, match="« E-mail » apparaît deux fois"):
        match_header(["Prénom", "Nom", "E-mail", "Courriel"], CANDIDATES)


def test_the_model_files_are_excel_ready_and_read_back(app):
    for kind in (CANDIDATES, EMPLOYERS):
        content = model_csv(kind)
        assert content.startswith(b"\xef\xbb\xbf") and content.count(b"\r\n") == 1
        header = content.decode("utf-8-sig").strip().split(";")
        assert len(match_header(header, kind).positions) == len(header)
    assert model_csv(CANDIDATES).decode("utf-8-sig").startswith("Prénom;Nom;E-mail;Téléphone")
