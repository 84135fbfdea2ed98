"""What every document shares: reproducible bytes, text on the page, French dates, text fitting."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pdfdata import keeps_whole_words
from pdfread import chars_off_page

from jobdating.pdf import (
    render_badges,
    render_candidate_plans,
    render_employer_sheets,
    render_front_desk_grid,
    render_table_signs,
)
from jobdating.pdf.style import BOLD, fit, fit_words, french_date, register_fonts, unbroken, width


@pytest.fixture
def documents(make_event, make_candidate_badge, make_employer_badge, make_plan, make_sheet, make_sign):
    event = make_event()
    return {
        "badges": lambda: render_badges(event, [make_candidate_badge()], [make_employer_badge()]),
        "plans": lambda: render_candidate_plans(event, [make_plan()]),
        "employers": lambda: render_employer_sheets(event, [make_sheet()]),
        "signs": lambda: render_table_signs(event, [make_sign()]),
        "grid": lambda: render_front_desk_grid(event, [make_sheet()]),
    }


@pytest.mark.parametrize("name", ["badges", "plans", "employers", "signs", "grid"])
def test_same_data_gives_byte_for_byte_the_same_pdf(documents, name):
    first = documents[name]()
    assert first.startswith(b"%PDF-")
    assert documents[name]() == first


@pytest.mark.parametrize("name", ["badges", "plans", "employers", "signs", "grid"])
def test_no_text_leaves_the_page(documents, name):
    assert chars_off_page(documents[name]()) == []


@pytest.mark.parametrize("name", ["badges", "plans", "employers", "signs", "grid"])
def test_documents_render_with_no_data_at_all(make_event, name):
    render = {"badges": lambda e: render_badges(e), "plans": lambda e: render_candidate_plans(e, []),
              "employers": lambda e: render_employer_sheets(e, []), "signs": lambda e: render_table_signs(e, []),
              "grid": lambda e: render_front_desk_grid(e, [])}[name]
    assert render(make_event(slots=(), breaks=(), room=())).startswith(b"%PDF-")


def test_dates_are_written_in_french_whatever_the_server_locale():
    assert french_date(dt.date(2025, 10, 14)) == "mardi 14 octobre 2025"
    assert french_date(dt.date(2026, 2, 1)) == "dimanche 1er février 2026"


def test_fit_shrinks_a_long_line_before_wrapping_it():
    register_fonts()
    size, lines = fit("Jean-Baptiste Vandenbroucke", BOLD, 24, 10, 200)
    assert lines == ("Jean-Baptiste Vandenbroucke",) and 10 <= size < 24


@settings(max_examples=60, deadline=None)
@given(text=st.text(alphabet="abcdéèçÀŁłœ -'·", min_size=1, max_size=120),
       box=st.floats(min_value=30, max_value=300), max_lines=st.integers(min_value=1, max_value=3))
def test_fitted_lines_never_exceed_the_box(text, box, max_lines):
    register_fonts()
    size, lines = fit(text, BOLD, 24, 8, box, max_lines)
    assert 8 <= size <= 24 and len(lines) <= max_lines
    assert all(width(line, BOLD, size) <= box + 0.01 for line in lines)


@settings(max_examples=80, deadline=None)
@given(words=st.lists(st.text(alphabet="abcdéèçÀŁłœ'·-", min_size=1, max_size=16).filter(lambda w: w.strip("-") == w),
                      min_size=1, max_size=8),
       box=st.floats(min_value=20, max_value=200), max_lines=st.integers(min_value=1, max_value=3))
def test_fit_words_never_splits_a_word_and_stays_in_the_box(words, box, max_lines):
    register_fonts()
    text = " ".join(words)
    size, lines = fit_words(text, BOLD, 12, 6, box, max_lines)
    assert 6 <= size <= 12 and 1 <= len(lines) <= max_lines
    assert all(width(line, BOLD, size) <= box + 0.01 for line in lines)
    assert keeps_whole_words(text, unbroken(lines)), lines


def test_fit_words_wraps_onto_a_second_line_before_shrinking():
    register_fonts()
    size, lines = fit_words("Atelier Numérique Deûle", BOLD, 40, 10, 400, 2)
    assert len(lines) == 2 and unbroken(lines) == "Atelier Numérique Deûle" and size == 40
    size, lines = fit_words("Atelier Numérique Deûle", BOLD, 40, 10, 400, 1)
    assert lines == ("Atelier Numérique Deûle",) and size < 40
