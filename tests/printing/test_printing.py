"""Printed documents from the database: organizer downloads, personal plans, the print command."""
from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from jobdating.extensions import db


def _text(data: bytes) -> str:
    """The PDF's words, whitespace collapsed so that names wrapped in a narrow column still match."""
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages)


def test_a_candidate_plan_lists_times_companies_offers_and_room_tables(logged_in, planned):
    event, anais, *_ = planned
    response = logged_in.get(f"/organisateur/evenements/{event.id}/impression/plans.pdf?candidat={anais.id}")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    text = _text(response.data)
    assert "Anaïs" in text and "Lefèvre-Da Conceição" in text
    assert "9 h 15" in text and "Logistique Artois" in text and "Cariste" in text
    assert "10 h 00" in text and "Robotique Lens" in text
    assert "Łukasz" not in text


def test_the_whole_event_plans_have_one_page_per_planned_candidate(logged_in, planned):
    event, *_ = planned
    data = logged_in.get(f"/organisateur/evenements/{event.id}/impression/plans.pdf").data
    assert len(PdfReader(io.BytesIO(data)).pages) == 2


def test_employer_sheets_show_room_table_numbers_and_candidates(logged_in, planned):
    event, _, _, logistics, _ = planned
    text = _text(logged_in.get(
        f"/organisateur/evenements/{event.id}/impression/employers.pdf?employeur={logistics.id}").data)
    assert "Logistique Artois" in text and "Lefèvre-Da Conceição" in text and "Étudiant·e" in text
    assert "Robotique Lens" not in text


@pytest.mark.parametrize("document", ["badges", "signs", "grid", "employers", "plans"])
def test_every_document_of_the_event_downloads(logged_in, planned, document):
    event, *_ = planned
    response = logged_in.get(f"/organisateur/evenements/{event.id}/impression/{document}.pdf")
    assert response.status_code == 200
    assert response.data.startswith(b"%PDF-")


def test_documents_need_an_organizer_login(client, planned):
    event, *_ = planned
    response = client.get(f"/organisateur/evenements/{event.id}/impression/badges.pdf")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_a_person_of_another_event_is_not_printed(logged_in, planned, create_event, create_candidate):
    event, *_ = planned
    stranger = create_candidate(create_event(slug="autre"))
    response = logged_in.get(f"/organisateur/evenements/{event.id}/impression/plans.pdf?candidat={stranger.id}")
    assert response.status_code == 404


def _publish(event):
    from jobdating.planning.publish import publish

    publish(event, None)


def test_a_candidate_downloads_their_own_published_plan(client, planned):
    event, anais, *_ = planned
    assert client.get(f"/c/{anais.token}/planning.pdf").status_code == 404
    _publish(event)
    response = client.get(f"/c/{anais.token}/planning.pdf")
    assert response.status_code == 200
    text = _text(response.data)
    assert "Lefèvre-Da Conceição" in text and "9 h 15" in text and "Cariste" in text
    assert client.get("/c/not-a-token/planning.pdf").status_code == 404


def test_a_personal_plan_shows_the_published_copy_not_later_hand_changes(client, planned):
    event, anais, _, logistics, _ = planned
    _publish(event)
    moved = next(i for i in anais.interviews if i.employer_id == logistics.id)
    moved.start, moved.end = dt.time(11, 0), dt.time(11, 15)
    db.session.commit()
    text = _text(client.get(f"/c/{anais.token}/planning.pdf").data)
    assert "9 h 15" in text and "11 h 00" not in text


def test_an_employer_downloads_its_own_published_sheets(client, planned):
    event, _, _, logistics, _ = planned
    _publish(event)
    text = _text(client.get(f"/e/{logistics.token}/planning.pdf").data)
    assert "Logistique Artois" in text and "Robotique Lens" not in text
    assert "Lefèvre-Da" in text and "Étudiant·e" in text


def test_badges_carry_a_check_in_link_that_opens_nothing_private(client, planned):
    from jobdating.printing.documents import checkin_url

    _, anais, *_ = planned
    link = checkin_url(anais)
    assert link.endswith(f"/b/{anais.badge_token}") and anais.token not in link
    page = client.get(link.replace("http://localhost", "")).get_data(as_text=True)
    assert "Badge du job dating" in page
    assert "Lefèvre" not in page and anais.token not in page and anais.email not in page


def test_an_organizer_opening_a_badge_link_lands_on_the_desk(logged_in, planned):
    from jobdating.printing.documents import checkin_url

    _, anais, *_ = planned
    page = logged_in.get(checkin_url(anais).replace("http://localhost", "")).get_data(as_text=True)
    assert "Lefèvre-Da Conceição" in page and "Marquer arrivé·e" in page


def test_an_unknown_badge_link_is_not_found(client, planned):
    assert client.get("/b/pas-un-vrai-badge-1234567890").status_code == 404


def test_print_command_writes_the_pdf(runner, planned, tmp_path):
    event, *_ = planned
    target = tmp_path / "grille.pdf"
    result = runner.invoke(args=["print", "grid", str(event.id), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert "Logistique Artois" in _text(target.read_bytes())


def test_print_command_names_an_unknown_event(runner):
    result = runner.invoke(args=["print", "badges", "999", "-o", "/tmp/x.pdf"])
    assert result.exit_code != 0 and "999" in result.output


def test_the_printing_page_offers_every_document(logged_in, planned):
    event, *_ = planned
    page = logged_in.get(f"/organisateur/evenements/{event.id}/impression").get_data(as_text=True)
    for document in ["badges", "plans", "employers", "signs", "grid"]:
        assert f"/impression/{document}.pdf" in page


def test_the_candidate_list_links_each_person_s_plan(logged_in, planned):
    event, anais, *_ = planned
    page = logged_in.get(f"/organisateur/evenements/{event.id}/candidats").get_data(as_text=True)
    assert f"/impression/plans.pdf?candidat={anais.id}" in page
