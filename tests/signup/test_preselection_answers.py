"""Employers see the answers during preselection: the event's questions and their own offers' (never another
employer's), and may keep only the candidates who gave one answer to a yes/no or list question."""
from __future__ import annotations

import re
from html import unescape

import pytest

from jobdating.core.models import Answer, Question, QuestionKind
from jobdating.extensions import db


def ask(event, label, kind=QuestionKind.TEXT, offer=None, choices=()):
    question = Question(event=event, offer=offer, kind=kind, label=label, choices=list(choices), position=1)
    db.session.add(question)
    db.session.commit()
    return question


@pytest.fixture
def scene(create_event, create_employer, create_candidate):
    event = create_event(slug="jd-reponses")
    clinic = create_employer(event, company="Santé Plus Artois", offers=["Aide-soignant·e"])
    depot = create_employer(event, company="Logistique Lens", offers=["Cariste"])
    licence = ask(event, "Avez-vous le permis B ?", QuestionKind.YESNO)
    when = ask(event, "Disponibilité", QuestionKind.CHOICE, choices=["Immédiate", "Plus tard"])
    night = ask(event, "Travail de nuit ?", offer=clinic.offers[0])
    forklift = ask(event, "CACES 3 ?", QuestionKind.YESNO, offer=depot.offers[0])
    ines = create_candidate(event, wishes=[clinic.offers[0], depot.offers[0]], first_name="Inès", last_name="Haddad")
    hugo = create_candidate(event, wishes=[clinic], first_name="Hugo", last_name="Martin")
    for candidate, question, value in ((ines, licence, "yes"), (ines, when, "Immédiate"),
                                       (ines, night, "Oui, le week-end"), (ines, forklift, "no"),
                                       (hugo, licence, "no"), (hugo, when, "Plus tard")):
        db.session.add(Answer(event_id=event.id, candidate=candidate, question=question, value=value))
    db.session.commit()
    return clinic, depot, ines, hugo


def card(page: str, candidate) -> str:
    return re.search(rf'id="candidat-{candidate.id}".*?data-wisher-status', page, re.S).group(0)


def test_each_card_shows_the_events_answers_and_the_employers_own_offer_answers(client, scene):
    clinic, depot, ines, hugo = scene
    page = unescape(client.get(f"/e/{clinic.token}").text)
    mine = card(page, ines)
    assert "<dt>Avez-vous le permis B ?</dt><dd>Oui</dd>" in mine
    assert "<dt>Disponibilité</dt><dd>Immédiate</dd>" in mine
    assert "<dt>Travail de nuit ?</dt><dd>Oui, le week-end</dd>" in mine
    assert "CACES 3 ?" not in page  # the depot's offer question is not the clinic's business
    assert "<dt>Avez-vous le permis B ?</dt><dd>Non</dd>" in card(page, hugo)
    depot_page = unescape(client.get(f"/e/{depot.token}").text)
    assert "<dt>CACES 3 ?</dt><dd>Non</dd>" in depot_page and "Travail de nuit ?" not in depot_page


def test_the_list_is_filtered_on_an_answer_and_decisions_keep_the_filter(client, scene):
    clinic, _depot, ines, hugo = scene
    licence = db.session.scalar(db.select(Question).where(Question.label == "Avez-vous le permis B ?"))
    page = unescape(client.get(f"/e/{clinic.token}").text)
    assert f'<option value="{licence.id}:yes">Avez-vous le permis B ? — Oui</option>' in page
    assert "Disponibilité — Plus tard" in page and "Travail de nuit ? —" not in page  # free text: no filter
    page = unescape(client.get(f"/e/{clinic.token}", query_string={"reponse": f"{licence.id}:no"}).text)
    assert re.findall(r'class="wisher-name">([^<]+)<', page) == ["Hugo Martin"]
    response = client.post(f"/e/{clinic.token}/preselection", data={"decide": f"{hugo.id}:accepted",
                                                                     "reponse": f"{licence.id}:no"})
    assert f"reponse={licence.id}:no" in response.location


def test_an_event_without_questions_shows_no_answer_filter(client, create_event, create_employer,
                                                           create_candidate):
    event = create_event(slug="jd-simple")
    employer = create_employer(event, offers=["Cariste"])
    create_candidate(event, wishes=[employer])
    page = client.get(f"/e/{employer.token}").text
    assert "Réponse à une question" not in page and "wisher-answers" not in page
