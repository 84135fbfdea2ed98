"""Candidate day plans: interviews, arrival time, room map, one page each."""
from __future__ import annotations

import pytest
from pdfdata import ROOM_COMPANIES, at, keeps_whole_words
from pdfread import page_texts, pages, room_labels

from jobdating.pdf import CandidateInterview, render_candidate_plans, room_in_rows
from jobdating.pdf.style import HIGHLIGHT, LIGHT, unbroken


def test_plan_lists_each_interview_in_time_order_with_company_offer_and_table(make_event, make_plan):
    text = page_texts(render_candidate_plans(make_event(), [make_plan()]))[0]
    assert "Łukasz Nowak" in text
    first = text.index("9 h 15 – 9 h 30 SNCF Voyageurs Conducteur·rice de train 2")
    second = text.index("10 h 30 – 10 h 45 Leroy Merlin Conseiller·ère de vente 3")
    assert first < second


def test_plan_asks_to_arrive_fifteen_minutes_before_the_first_interview(make_event, make_plan):
    text = page_texts(render_candidate_plans(make_event(), [make_plan()]))[0]
    assert "Merci d'arriver à 9 h 00" in text


def test_arrival_margin_comes_from_the_event(make_event, make_plan):
    text = page_texts(render_candidate_plans(make_event(arrive_minutes_before=30), [make_plan()]))[0]
    assert "arriver à 8 h 45, soit 30 minutes avant" in text


def test_every_candidate_gets_exactly_one_page_even_with_a_busy_day(make_event, make_plan):
    busy = [CandidateInterview(s.start, s.end, "Décathlon", "Vendeur·se", 5) for s in make_event().slots[:12]]
    plans = [make_plan(), make_plan("Anaïs", "Lefèvre-Da Conceição", busy), make_plan("Jo", "Li", ())]
    texts = page_texts(render_candidate_plans(make_event(), plans))
    assert len(texts) == 3
    assert ["Łukasz Nowak" in texts[0], "Anaïs Lefèvre-Da Conceição" in texts[1], "Jo Li" in texts[2]] == [True] * 3


def test_candidate_without_interviews_is_sent_to_the_front_desk(make_event, make_plan):
    text = page_texts(render_candidate_plans(make_event(), [make_plan(interviews=())]))[0]
    assert "Aucun entretien" in text and "accueil" in text


def test_room_map_shows_every_table_and_highlights_only_the_candidates_tables(make_event, make_plan):
    page = pages(render_candidate_plans(make_event(), [make_plan()]))[0]
    text = page.extract_text()
    assert "Centre hospitalier" in text and "Plan de la salle" in text
    highlighted = [shape for shape in page.curves + page.rects
                   if shape.get("fill") and _same_colour(shape.get("non_stroking_color"), HIGHLIGHT)]
    assert len(highlighted) == 2  # tables 2 and 3


def test_plans_of_a_room_without_layout_have_no_map(make_event, make_plan):
    text = page_texts(render_candidate_plans(make_event(room=()), [make_plan()]))[0]
    assert "Plan de la salle" not in text


def test_times_follow_the_data_not_a_fixed_grid(make_event, make_plan):
    odd = CandidateInterview(at("14:05"), at("14:25"), "La Poste", "Facteur·rice", 8)
    text = page_texts(render_candidate_plans(make_event(), [make_plan(interviews=(odd,))]))[0]
    assert "14 h 05 – 14 h 25 La Poste" in text and "arriver à 13 h 50" in text


@pytest.mark.parametrize(("tables", "rows"), [(84, 6), (40, 4), (12, 2)])
def test_no_room_map_label_splits_a_word(make_event, make_plan, tables, rows):
    names = {n: ROOM_COMPANIES[n % len(ROOM_COMPANIES)] for n in range(1, tables + 1)}
    event = make_event(room=room_in_rows(list(names.items()), rows))
    visits = [CandidateInterview(at("09:00"), at("09:15"), names[n], "", n) for n in (1, 3, tables)]
    page = pages(render_candidate_plans(event, [make_plan(interviews=visits)]))[0]
    labels = room_labels(page, LIGHT, HIGHLIGHT)
    assert sorted(labels, key=int) == [str(n) for n in names]
    for number, lines in labels.items():
        company = names[int(number)]
        assert lines, f"table {number} has no label"
        assert keeps_whole_words(company, unbroken(lines)), (company, lines)


def _same_colour(colour, expected) -> bool:
    return colour is not None and len(colour) == 3 and all(
        abs(a - b) < 0.01 for a, b in zip(colour, (expected.red, expected.green, expected.blue), strict=True))
