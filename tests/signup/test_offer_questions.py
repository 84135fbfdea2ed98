"""An employer's questions on its offers, from its private page: add, edit, reorder, delete (plain forms), only
its own offers', only while sign-up is open."""
from __future__ import annotations

from html import unescape

import pytest

from jobdating.core.models import Answer, EventStatus, Question, QuestionKind
from jobdating.extensions import db


@pytest.fixture
def clinic(create_event, create_employer):
    event = create_event(slug="jd-offres")
    return create_employer(event, company="Santé Plus Artois", offers=["Aide-soignant·e", "Infirmier·ère"])


def offer_url(employer, offer) -> str:
    return f"/e/{employer.token}/offres/{offer.id}/questions"


def test_the_private_page_links_each_offer_to_its_questions(client, clinic):
    page = unescape(client.get(f"/e/{clinic.token}").text)
    for offer in clinic.offers:
        assert offer_url(clinic, offer) in page
    assert "0 question aux candidats" in page


def test_the_employer_adds_edits_moves_and_deletes_questions_of_an_offer(client, clinic, create_candidate):
    offer = clinic.offers[0]
    response = client.post(offer_url(clinic, offer), data={"label": "Pouvez-vous travailler de nuit ?",
                                                           "kind": "yesno", "required": "y"})
    assert response.status_code == 302
    client.post(offer_url(clinic, offer), data={"label": "Horaires souhaités", "kind": "choice",
                                                "choices": "Jour\nNuit\nLes deux"})
    night, hours = db.session.scalars(db.select(Question).order_by(Question.position)).all()
    assert (night.offer_id, night.event_id, night.kind, night.required) == (
        offer.id, clinic.event_id, QuestionKind.YESNO, True)
    assert hours.choices == ["Jour", "Nuit", "Les deux"]
    page = unescape(client.get(offer_url(clinic, offer)).text)
    assert "Pouvez-vous travailler de nuit ?" in page and "Jour · Nuit · Les deux" in page
    client.post(f"/e/{clinic.token}/questions/{hours.id}/deplacer", data={"sens": "up"})
    db.session.expire_all()
    assert (hours.position, night.position) == (1, 2)
    client.post(f"/e/{clinic.token}/questions/{night.id}", data={"label": "Travail de nuit ?", "kind": "yesno"})
    db.session.expire_all()
    assert night.label == "Travail de nuit ?" and not night.required
    candidate = create_candidate(clinic.event, wishes=[offer])
    db.session.add(Answer(event_id=clinic.event_id, question=night, candidate=candidate, value="yes"))
    db.session.commit()
    page = unescape(client.get(f"/e/{clinic.token}/questions/{night.id}/supprimer").text)
    assert "1 candidat y a déjà répondu : sa réponse sera supprimée avec la question." in page
    client.post(f"/e/{clinic.token}/questions/{night.id}/supprimer")
    assert [q.label for q in db.session.scalars(db.select(Question))] == ["Horaires souhaités"]
    assert db.session.query(Answer).count() == 0


def test_errors_of_a_new_question_show_together_and_keep_what_was_typed(client, clinic):
    response = client.post(offer_url(clinic, clinic.offers[0]), data={"label": "", "kind": "text",
                                                                      "help_text": "Aide gardée"})
    page = unescape(response.text)
    assert response.status_code == 200 and "Écrivez la question." in page and 'value="Aide gardée"' in page
    assert db.session.query(Question).count() == 0


def test_an_employer_reaches_neither_another_employers_questions_nor_the_events(client, clinic, create_employer):
    other = create_employer(clinic.event, offers=["Cariste"])
    theirs = Question(event=clinic.event, offer=other.offers[0], kind=QuestionKind.TEXT, label="À eux", position=1)
    general = Question(event=clinic.event, kind=QuestionKind.TEXT, label="Générale", position=1)
    db.session.add_all([theirs, general])
    db.session.commit()
    assert client.get(offer_url(clinic, other.offers[0])).status_code == 404
    for question in (theirs, general):
        assert client.get(f"/e/{clinic.token}/questions/{question.id}").status_code == 404
        assert client.post(f"/e/{clinic.token}/questions/{question.id}/supprimer").status_code == 404
    assert db.session.query(Question).count() == 2


def test_once_sign_up_is_closed_the_questions_are_shown_but_not_changed(client, clinic):
    offer = clinic.offers[0]
    question = Question(event=clinic.event, offer=offer, kind=QuestionKind.TEXT, label="Horaires ?", position=1)
    db.session.add(question)
    clinic.event.status = EventStatus.CLOSED
    db.session.commit()
    page = unescape(client.get(offer_url(clinic, offer)).text)
    assert "Horaires ?" in page and "Ajouter une question" not in page and "Supprimer" not in page
    client.post(offer_url(clinic, offer), data={"label": "Nouvelle", "kind": "text"})
    assert client.post(f"/e/{clinic.token}/questions/{question.id}/supprimer").status_code == 302
    assert [q.label for q in db.session.scalars(db.select(Question))] == ["Horaires ?"]


def test_the_edit_form_says_what_removing_an_offer_takes_with_it(client, clinic, create_candidate):
    """An offer wished by candidates, or asking questions, says so next to « Retirer cette offre »: its removal
    deletes the wishes and the answers too."""
    nurses = clinic.offers[1]
    for n in range(2):
        create_candidate(clinic.event, email=f"ines{n}@exemple.fr", wishes=[nurses])
    db.session.add(Question(event=clinic.event, offer=nurses, kind=QuestionKind.TEXT, label="Diplôme ?", position=1))
    db.session.commit()
    page = unescape(client.get(f"/e/{clinic.token}/modifier").text)
    assert ("2 candidats l'ont choisie : leurs vœux seront supprimés. Sa question et les réponses des candidats "
            "seront supprimées.") in page
    assert page.count("seront supprimé") == 2  # the other offer, neither wished nor asking, says nothing


def test_the_organizer_s_employer_form_says_it_too(logged_in, clinic, create_candidate):
    nurses = clinic.offers[1]
    create_candidate(clinic.event, email="ines@exemple.fr", wishes=[nurses])
    page = unescape(logged_in.get(f"/organisateur/evenements/{clinic.event_id}/employeurs/{clinic.id}").text)
    assert page.count("1 candidat l'a choisie : son vœu sera supprimé.") == 1
