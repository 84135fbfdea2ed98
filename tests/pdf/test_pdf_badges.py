"""Badge sheets: QR codes, names, and nothing printed outside a badge."""
from __future__ import annotations

import pytest
from pdfread import badge_boxes, chars_outside_every, inside, page_texts, pages, qr_codes

from jobdating.pdf import LAYOUTS, EmployerBadge, render_badges

LONG_FIRST = "Marie-Christine-Alexandrine-Bénédicte"
LONG_LAST = "de La Tour d'Auvergne-Lauraguais de Montmorency-Laval Da Conceição"


def test_every_qr_code_on_a_sheet_decodes_to_its_candidates_checkin_link(make_event, make_candidate_badge):
    badges = [make_candidate_badge(token=f"jeton-{n:03d}") for n in range(8)]
    pdf = render_badges(make_event(), badges)
    codes = qr_codes(pdf)
    boxes = badge_boxes(LAYOUTS["a4-2x4"])
    assert sorted(text for text, _ in codes) == sorted(b.checkin_url for b in badges)
    for text, centre in codes:
        # Each link sits on the badge of its own candidate, in sheet order.
        assert inside(centre, boxes[[b.checkin_url for b in badges].index(text)])


def test_a_sheet_holds_eight_badges_and_employers_start_on_a_fresh_sheet(
        make_event, make_candidate_badge, make_employer_badge):
    candidates = [make_candidate_badge(first_name=f"Prénom{n}", token=str(n)) for n in range(9)]
    pdf = render_badges(make_event(), candidates, [make_employer_badge()])
    texts = page_texts(pdf)
    assert len(texts) == 3
    assert texts[0].count("CANDIDAT·E") == 8 and texts[1].count("CANDIDAT·E") == 1
    assert "RECRUTEUR" in texts[2] and "CANDIDAT·E" not in texts[2]


def test_accented_and_polish_names_print_as_written(make_event, make_candidate_badge):
    pdf = render_badges(make_event(), [make_candidate_badge("Anaïs", "Lefèvre-Da Conceição"),
                                       make_candidate_badge("Łukasz", "Nowak")])
    text = page_texts(pdf)[0]
    for name in ("Anaïs", "Lefèvre-Da Conceição", "Łukasz", "Nowak", "Mardi 14 octobre 2025"):
        assert name in text


def test_the_unicode_font_is_embedded_in_the_file(make_event, make_candidate_badge):
    pdf = render_badges(make_event(), [make_candidate_badge("Łukasz", "Nowak")])
    fonts = {c["fontname"] for c in pages(pdf)[0].chars}
    assert fonts and all("DejaVuSans" in name for name in fonts)
    assert b"/FontFile2" in pdf


def test_employer_badge_shows_contact_company_tables_and_role(make_event, make_employer_badge):
    pdf = render_badges(make_event(), employers=[make_employer_badge("Sophie Durand", "Leroy Merlin", (12, 13))])
    text = page_texts(pdf)[0]
    for expected in ("Sophie Durand", "Leroy Merlin", "TABLES", "12, 13", "RECRUTEUR"):
        assert expected in text


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_no_text_lies_outside_its_badge_even_with_very_long_names(
        layout, make_event, make_candidate_badge, make_employer_badge):
    long_event = make_event(name="Grand job dating intercommunal de la Communauté d'agglomération de Lens-Liévin")
    candidates = [make_candidate_badge(LONG_FIRST, LONG_LAST), make_candidate_badge("Jo", "Li")]
    employers = [make_employer_badge("Jean-Baptiste Vandenbroucke-Delacroix de Saint-Exupéry",
                                     "Société nationale des chemins de fer français — Direction régionale "
                                     "Hauts-de-France", tuple(range(101, 109)))]
    pdf = render_badges(long_event, candidates, employers, layout=layout)
    boxes = badge_boxes(LAYOUTS[layout])
    for page in pages(pdf):
        assert page.chars
        assert chars_outside_every(page, boxes) == []


def test_long_names_shrink_then_wrap_instead_of_overflowing(make_event, make_candidate_badge):
    pdf = render_badges(make_event(), [make_candidate_badge("Jo", "Li"), make_candidate_badge(LONG_FIRST, LONG_LAST)])
    page = pages(pdf)[0]
    short_box, long_box = badge_boxes(LAYOUTS["a4-2x4"])[:2]

    def name_chars(box):
        return [c for c in page.chars if c["fontname"].endswith("DejaVuSans-Bold")
                and inside((c["x0"], c["top"]), box) and c["size"] > 9.9]

    short_size = max(c["size"] for c in name_chars(short_box))
    long_chars = name_chars(long_box)
    assert max(c["size"] for c in long_chars) < short_size
    assert len({round(c["top"]) for c in long_chars}) >= 2  # wrapped onto several lines
    text = page.crop(long_box).extract_text().replace("\n", " ")
    assert "Marie-" in text and "Bénédicte" in text


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_every_badge_of_every_layout_lies_on_the_page(layout):
    sheet = LAYOUTS[layout]
    width, height = sheet.page_size
    for x, y, w, h in sheet.badge_rects():
        assert 0 <= x and x + w <= width + 0.01 and 0 <= y and y + h <= height + 0.01


def test_a_blank_badge_has_the_company_and_a_line_to_write_the_name_on(make_event, make_employer_badge):
    blank = EmployerBadge("", "Leroy Merlin", (3,), blank=True)
    pdf = render_badges(make_event(), employers=[make_employer_badge(), blank])
    page = pages(pdf)[0]
    named_box, blank_box = badge_boxes(LAYOUTS["a4-2x4"])[:2]
    named, empty = page.crop(named_box), page.crop(blank_box)
    assert "Sophie Durand" in named.extract_text() and "Leroy Merlin" in empty.extract_text()
    assert "Sophie Durand" not in empty.extract_text() and "RECRUTEUR" in empty.extract_text()
    writing_lines = [line for line in empty.lines
                     if line["x1"] - line["x0"] > 100 and abs(line["top"] - line["bottom"]) < 1]
    assert writing_lines and not [line for line in named.lines if line["x1"] - line["x0"] > 100]
