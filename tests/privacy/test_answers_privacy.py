"""Answers to the custom questions are personal data like the rest: in the person's download and data page,
gone with the person, scrubbed where another person's free text names somebody erased, gone after the purge."""
from __future__ import annotations

import datetime as dt
from html import unescape

import pytest
from sqlalchemy import select

from jobdating.core.models import Answer, Question, QuestionKind
from jobdating.extensions import db
from jobdating.privacy.retention import purge_event
from jobdating.signup.withdrawal import erase_candidate, erase_employer


@pytest.fixture
def scene(create_event, create_employer, create_candidate):
    event = create_event(slug="jd-vie-privee", date=dt.date(2027, 3, 18))
    clinic = create_employer(event, company="Clinique Kowalski Artois", offers=["Aide-soignant·e"])
    offer_id = clinic.offers[0].id
    licence = Question(event=event, kind=QuestionKind.YESNO, label="Avez-vous le permis B ?", position=1)
    note = Question(event=event, kind=QuestionKind.TEXT, label="Un mot pour les recruteurs", position=2)
    night = Question(event=event, offer_id=offer_id, kind=QuestionKind.TEXT, label="Travail de nuit ?", position=1)
    db.session.add_all([licence, note, night])
    db.session.commit()
    zoe = create_candidate(event, wishes=[clinic.offers[0]], first_name="Zoé", last_name="Wiśniewska-Dupuis",
                           email="zoe.w@exemple.fr")
    hugo = create_candidate(event, wishes=[clinic], first_name="Hugo", last_name="Martin")
    for candidate, question, value in (
            (zoe, licence, "yes"), (zoe, note, "Zoé Wiśniewska-Dupuis, joignable le soir"),
            (zoe, night, "Oui, une semaine sur deux"),
            (hugo, note, "J'ai fait un stage chez Clinique Kowalski Artois et chez Zoé Wiśniewska-Dupuis")):
        db.session.add(Answer(event_id=event.id, candidate=candidate, question=question, value=value))
    db.session.commit()
    return event, clinic, zoe, hugo


def test_the_download_and_the_data_page_hold_the_answers(client, scene):
    _event, _clinic, zoe, _hugo = scene
    data = client.get(f"/c/{zoe.token}/donnees.json").get_json()
    assert data["answers"] == [
        {"question": "Avez-vous le permis B ?", "offer": None, "answer": "Oui"},
        {"question": "Un mot pour les recruteurs", "offer": None, "answer": "Zoé Wiśniewska-Dupuis, joignable le soir"},
        {"question": "Travail de nuit ?", "offer": "Aide-soignant·e — Clinique Kowalski Artois",
         "answer": "Oui, une semaine sur deux"}]
    page = unescape(client.get(f"/c/{zoe.token}/donnees").text)
    assert "Travail de nuit ? (Aide-soignant·e — Clinique Kowalski Artois) : Oui, une semaine sur deux" in page


def test_the_employer_download_lists_its_offer_questions(client, scene):
    _event, clinic, _zoe, _hugo = scene
    data = client.get(f"/e/{clinic.token}/donnees.json").get_json()
    assert data["offers"][0]["questions"] == ["Travail de nuit ?"]


def test_an_erased_candidate_leaves_no_answer_and_her_name_is_scrubbed_from_others(app, scene):
    _event, _clinic, zoe, hugo = scene
    erase_candidate(zoe, reason="test", confirm=False)
    values = list(db.session.scalars(select(Answer.value)))
    assert values == ["J'ai fait un stage chez Clinique Kowalski Artois et chez [effacé]"]
    assert db.session.scalar(select(Answer.candidate_id)) == hugo.id


def test_an_erased_employer_takes_its_offer_questions_and_is_scrubbed_from_free_text(app, scene):
    _event, clinic, _zoe, _hugo = scene
    erase_employer(clinic, reason="test", confirm=False)
    assert [q.label for q in db.session.scalars(select(Question).order_by(Question.position))] == [
        "Avez-vous le permis B ?", "Un mot pour les recruteurs"]
    values = set(db.session.scalars(select(Answer.value)))
    assert "J'ai fait un stage chez [effacé] et chez Zoé Wiśniewska-Dupuis" in values
    assert "Oui, une semaine sur deux" not in values


def test_the_purge_erases_every_answer_and_keeps_the_events_questions(app, scene):
    event, _clinic, _zoe, _hugo = scene
    purge_event(event)
    assert db.session.query(Answer).count() == 0
    assert [q.label for q in db.session.scalars(select(Question).order_by(Question.position))] == [
        "Avez-vous le permis B ?", "Un mot pour les recruteurs"]
