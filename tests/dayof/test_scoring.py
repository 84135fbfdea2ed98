"""Scoring at the table: rating, notes, next step or absent from the employer's phone (JSON for fetch, a plain
post otherwise), the shortlists and the organizer's sums."""
from __future__ import annotations

import html
import io

import pytest
from frontdesk_helpers import Clock, at, morning
from openpyxl import load_workbook
from pypdf import PdfReader

from jobdating.core.models import Outcome
from jobdating.dayof import scoring
from jobdating.extensions import db


@pytest.fixture
def day(app, create_event, create_employer, create_candidate):
    Clock(app, at(11, 30))
    return morning(create_event, create_employer, create_candidate)


def page(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def interview_of(employer, candidate):
    return next(i for i in employer.interviews if i.candidate_id == candidate.id)


def score(client, employer, interview, as_json=True, **data):
    headers = {"Accept": "application/json"} if as_json else {}
    return client.post(f"/e/{employer.token}/entretiens/{interview.id}/evaluation", data=data, headers=headers)


def test_a_score_sent_by_fetch_is_saved_and_answered_in_json(client, day):
    _event, (logistics, _digital), (ines, _karim, _lea) = day
    interview = interview_of(logistics, ines)
    response = score(client, logistics, interview, rating="4", next_step="second_interview",
                     notes="Très motivée, permis B.")
    assert response.status_code == 200
    data = response.get_json()
    assert data["ok"] is True and data["message"] == "Enregistré pour Inès Haddad." and data["rating"] == 4
    assert data["outcome"] == "Suite souhaitée" and data["next_step"] == "Second entretien"
    db.session.refresh(interview)
    assert (interview.rating, interview.next_step) == (4, "second_interview")
    assert interview.notes == "Très motivée, permis B."
    assert interview.outcome == Outcome.FOLLOW_UP


def test_absent_clears_the_rating_and_marks_the_interview_missed(client, day):
    _event, (logistics, _digital), (_ines, karim, _lea) = day
    interview = interview_of(logistics, karim)
    score(client, logistics, interview, rating="2", next_step="none")
    db.session.refresh(interview)
    assert interview.outcome == Outcome.HELD and interview.rating == 2
    score(client, logistics, interview, rating="2", absent="y")
    db.session.refresh(interview)
    assert interview.outcome == Outcome.MISSED and interview.rating is None and interview.next_step is None


def test_a_bad_rating_is_refused_and_saves_nothing(client, day):
    _event, (logistics, _digital), (ines, _karim, _lea) = day
    interview = interview_of(logistics, ines)
    response = score(client, logistics, interview, rating="5")
    assert response.status_code == 422 and response.get_json()["ok"] is False
    db.session.refresh(interview)
    assert interview.rating is None and interview.outcome is None


def test_without_javascript_the_form_posts_and_comes_back_at_the_same_interview(client, day):
    _event, (logistics, _digital), (_ines, _karim, lea) = day
    interview = interview_of(logistics, lea)
    response = score(client, logistics, interview, as_json=False, rating="3", next_step="training")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/e/{logistics.token}/resultats#entretien-{interview.id}")
    text = page(client.get(f"/e/{logistics.token}/resultats"))
    assert "Enregistré pour Léa Martin." in text
    assert f'id="entretien-{interview.id}"' in text and 'value="3" checked' in text


def test_another_employers_token_cannot_score_an_interview(client, day):
    _event, (logistics, digital), (ines, _karim, _lea) = day
    interview = interview_of(logistics, ines)
    response = score(client, digital, interview, rating="1")
    assert response.status_code == 422
    db.session.refresh(interview)
    assert interview.rating is None


def test_the_phone_page_has_a_form_per_interview_that_works_without_javascript(client, day):
    _event, (logistics, _digital), _people = day
    text = page(client.get(f"/e/{logistics.token}/resultats"))
    assert text.count("data-score>") == 3 and text.count('name="rating"') == 12
    assert "/static/js/scoring.js" in text and "Ma sélection (PDF)" in text


def test_the_shortlist_puts_the_best_rated_first_in_pdf_and_xlsx(client, day):
    _event, (logistics, _digital), (ines, karim, lea) = day
    score(client, logistics, interview_of(logistics, ines), rating="2", notes="À revoir")
    score(client, logistics, interview_of(logistics, lea), rating="4", next_step="job_offer")
    score(client, logistics, interview_of(logistics, karim), absent="y")

    pdf = client.get(f"/e/{logistics.token}/selection.pdf")
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf.data)).pages)
    assert text.index("Léa Martin") < text.index("Inès Haddad") < text.index("Karim Benali")
    assert "Offre d'emploi" in text and "À revoir" in text and "absent·e" in text

    xlsx = client.get(f"/e/{logistics.token}/selection.xlsx")
    rows = list(load_workbook(io.BytesIO(xlsx.data)).active.iter_rows(values_only=True))
    assert [r[1] for r in rows[1:]] == ["Léa Martin", "Inès Haddad", "Karim Benali"]
    assert rows[1][0] == 4 and rows[1][3] == "Offre d'emploi" and rows[3][0] == "absent·e"


def test_the_organizer_results_page_sums_the_scores(client, logged_in, day):
    event, (logistics, digital), (ines, karim, lea) = day
    score(client, logistics, interview_of(logistics, ines), rating="2")
    score(client, logistics, interview_of(logistics, lea), rating="4", next_step="job_offer")
    score(client, digital, interview_of(digital, karim), rating="3", next_step="second_interview")
    score(client, digital, interview_of(digital, lea), absent="y")
    overall, per_employer = scoring.sums(event)
    assert (overall.rated, overall.mean, overall.absent) == (3, 3.0, 1)
    assert overall.steps["job_offer"] == 1 and overall.steps["second_interview"] == 1
    assert per_employer[logistics.id].mean == 3.0 and per_employer[digital.id].mean == 3.0

    text = page(logged_in.get(f"/event/{event.id}/resultats"))
    scores = text.split('id="scores"')[1].split("</ul>")[0]
    assert "<strong>3</strong> candidats notés" in scores and "<strong>3.0</strong> note moyenne" in scores
    assert "<strong>1</strong> absents à la table" in scores
    assert logged_in.get(f"/event/{event.id}/selections.pdf").data.startswith(b"%PDF")
    assert logged_in.get(f"/event/{event.id}/resultats/{logistics.id}/selection.xlsx").status_code == 200
