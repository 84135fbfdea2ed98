"""Table signs and the front-desk grid."""
from __future__ import annotations

from pdfdata import COMPANIES, at, slots_between
from pdfread import chars_off_page, page_texts, pages

from jobdating.pdf import EmployerInterview, render_front_desk_grid, render_table_signs
from jobdating.pdf.style import BOLD, fit_words, register_fonts


def test_sign_shows_company_table_number_and_offers_on_a_landscape_page(make_event, make_sign):
    pdf = render_table_signs(make_event(), [make_sign()])
    page = pages(pdf)[0]
    assert page.width > page.height
    text = page.extract_text()
    for expected in ("Leroy Merlin", "TABLE", "3", "Conseiller·ère de vente", "Magasinier·ère"):
        assert expected in text


def test_company_name_fills_the_width_and_long_names_shrink_to_stay_on_the_page(make_event, make_sign):
    long_name = "Communauté d'agglomération de Lens-Liévin — Direction des ressources humaines et des solidarités"
    many_offers = [f"Poste {n}" for n in range(9)]
    pdf = render_table_signs(make_event(), [make_sign("Kiabi"), make_sign(long_name, offers=many_offers)])
    short_page, long_page = pages(pdf)
    biggest = max(c["size"] for c in short_page.chars)
    assert biggest >= 100
    assert max(c["size"] for c in long_page.chars) < biggest
    assert chars_off_page(pdf) == []
    assert "autres postes" in long_page.extract_text()


def test_a_long_company_name_wraps_to_two_lines_before_it_shrinks(make_event, make_sign):
    register_fonts()
    name = "Coopérative Robotique Bassin minier"
    page = pages(render_table_signs(make_event(), [make_sign(name)]))[0]
    big = [c for c in page.chars if c["size"] > 30 and c["text"].strip() and not c["text"].isdigit()]
    lines = {}
    for c in big:
        lines.setdefault(round(c["top"]), []).append(c)
    printed = ["".join(c["text"] for c in sorted(chars, key=lambda c: c["x0"])) for _, chars in sorted(lines.items())]
    assert printed == ["CoopérativeRobotique", "Bassinminier"]  # the page's text has no space characters
    one_line = fit_words(name, BOLD, 120, 10, page.width - 30 * 72 / 25.4, 1)[0]
    assert min(c["size"] for c in big) > one_line * 1.3


def test_a_short_company_name_stays_on_one_line(make_event, make_sign):
    page = pages(render_table_signs(make_event(), [make_sign("Kiabi")]))[0]
    assert len({round(c["top"]) for c in page.chars if c["size"] > 30 and not c["text"].isdigit()}) == 1


def test_grid_puts_each_candidate_in_the_row_of_their_table_and_the_column_of_their_slot(make_event, make_sheet):
    pdf = render_front_desk_grid(make_event(), [make_sheet(), make_sheet("SNCF Voyageurs", 2, interviews=())])
    table = pages(pdf)[0].extract_tables()[0]
    header = table[0]
    rows = {row[0].replace("\n", " "): row for row in table[1:]}
    leroy = rows["3 · Leroy Merlin"]
    assert leroy[header.index("9h00")] == "Łukasz Nowak"
    assert leroy[header.index("9h15")] == ""
    assert not any(rows["2 · SNCF Voyageurs"][1:])


def test_a_day_too_wide_and_long_for_one_page_repeats_header_and_employer_column(make_event, make_sheet):
    event = make_event(slots=slots_between("08:00", "18:00", skip=("12:00", "13:30")))
    sheets = [make_sheet(f"{COMPANIES[n % len(COMPANIES)]} {n}", n + 1,
                         interviews=(EmployerInterview(at("17:30"), at("17:45"), f"Dernier {n}"),))
             for n in range(40)]
    pdf = render_front_desk_grid(event, sheets)
    found = pages(pdf)
    assert len(found) >= 6
    for page in found:
        table = page.extract_tables()[0]
        assert table[0][0] == "Table · entreprise"
        assert all(row[0] and row[0][0].isdigit() for row in table[1:])
    texts = page_texts(pdf)
    assert "Dernier 39" in texts[-1] and "17h30" in texts[-1]
    assert chars_off_page(pdf) == []


def test_unstaffed_slots_stay_blank_in_the_grid(make_event, make_sheet):
    sheet = make_sheet(present_from=at("09:00"), present_until=at("10:00"), interviews=())
    table = pages(render_front_desk_grid(make_event(), [sheet]))[0].extract_tables()[0]
    assert all(cell == "" for cell in table[1][1:])


def test_every_grid_page_has_its_heading_and_says_page_i_of_n(make_event, make_sheet):
    event = make_event(slots=slots_between("08:00", "18:00", skip=("12:00", "13:30")))
    sheets = [make_sheet(f"{COMPANIES[n % len(COMPANIES)]} {n}", n + 1) for n in range(40)]
    found = pages(render_front_desk_grid(event, sheets))
    assert len(found) >= 6
    parts = set()
    for number, page in enumerate(found, start=1):
        band = page.crop((0, 0, page.width, 18 * 72 / 25.4)).extract_text()
        assert "Grille de l'accueil — de " in band and f"Page {number}/{len(found)}" in band, band
        part = band[band.index("Partie"):band.index("·", band.index("Partie"))].strip()
        parts.add(part)
        table = page.extract_tables()[0]
        assert table[0][0] == "Table · entreprise"
    assert len(parts) >= 2 and all(p.startswith("Partie ") and " sur " in p for p in parts)


def test_every_grid_page_explains_its_cell_colours(make_event, make_sheet):
    sheet = make_sheet(present_from=at("09:00"), present_until=at("10:00"))
    for page in pages(render_front_desk_grid(make_event(), [sheet, make_sheet("Orange", 9)])):
        text = page.extract_text()
        assert "Légende" in text and "Table fermée à ce créneau" in text and "Pause" in text
        assert "Créneau libre" in text
