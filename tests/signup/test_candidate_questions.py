"""Custom questions on the candidate forms: each kind, required or not, offer questions only when the offer is
wished, every error in one round, what is typed kept, answers saved and edited from the private page."""
from __future__ import annotations

from html import unescape

import pytest
from signup_helpers import candidate_form

from jobdating.core.models import Answer, Candidate, Question, QuestionKind
from jobdating.extensions import db


def ask(event, label, kind=QuestionKind.TEXT, *, offer=None, required=False, choices=(), position=1):
    question = Question(event=event, offer=offer, kind=kind, label=label, choices=list(choices),
                        required=required, position=position)
    db.session.add(question)
    db.session.commit()
    return question


@pytest.fixture
def asked(create_event, create_employer):
    """An event asking a yes/no (required), a choice (required) and a text (optional) question; an offer of the
    clinic asks a required text question and an optional yes/no one."""
    event = create_event(slug="jd-questions")
    clinic = create_employer(event, company="Santé Plus Artois", offers=["Aide-soignant·e", "Infirmier·ère"])
    depot = create_employer(event, company="Logistique Lens", offers=["Cariste"])
    questions = dict(
        licence=ask(event, "Avez-vous le permis B ?", QuestionKind.YESNO, required=True, position=1),
        when=ask(event, "Disponibilité", QuestionKind.CHOICE, required=True, position=2,
                 choices=["Immédiate", "Sous un mois", "Plus tard"]),
        note=ask(event, "Un mot pour les recruteurs", position=3),
        night=ask(event, "Pouvez-vous travailler de nuit ?", offer=clinic.offers[0], required=True, position=1),
        diploma=ask(event, "Avez-vous le DEAS ?", QuestionKind.YESNO, offer=clinic.offers[0], position=2),
    )
    return event, clinic, depot, questions


def field(question) -> str:
    return f"answers-q{question.id}"


def test_the_form_shows_every_question_with_offer_questions_grouped_under_their_offer(client, asked):
    event, clinic, _depot, q = asked
    page = unescape(client.get(f"/{event.slug}/inscription").text)
    for question in q.values():
        assert question.label in page
    assert "Offre « Aide-soignant·e » — Santé Plus Artois" in page
    assert f'data-offer-questions="O{clinic.offers[0].id}"' in page
    assert page.index("Avez-vous le permis B ?") < page.index("Pouvez-vous travailler de nuit ?")
    assert f'name="{field(q["licence"])}" type="radio" value="yes"' in page
    assert f'name="{field(q["when"])}" type="radio" value="Sous un mois"' in page
    assert f'<textarea id="{field(q["note"])}" maxlength="1000" name="{field(q["note"])}"' in page


def test_an_event_without_questions_shows_no_question_section(client, create_event, create_employer):
    event = create_event(slug="jd-sans")
    create_employer(event, offers=["Cariste"])
    page = client.get("/jd-sans/inscription").text
    assert "Quelques questions" not in page and "answers-" not in page


def test_questions_of_an_offer_not_yet_approved_are_not_asked(client, asked, create_employer):
    event, _clinic, _depot, _q = asked
    pending = create_employer(event, company="En attente", offers=["Soudeur"], approval_pending=True)
    ask(event, "Question cachée", offer=pending.offers[0], required=True)
    page = unescape(client.get(f"/{event.slug}/inscription").text)
    assert "Question cachée" not in page


def test_a_sign_up_saves_the_answers_of_the_questions_asked(client, asked):
    event, clinic, depot, q = asked
    data = candidate_form([f"O{clinic.offers[0].id}", f"E{depot.id}"], **{
        field(q["licence"]): "yes", field(q["when"]): "Sous un mois", field(q["note"]): "  Motivée !  ",
        field(q["night"]): "Oui, une semaine sur deux", field(q["diploma"]): ""})
    response = client.post(f"/{event.slug}/inscription", data=data)
    assert response.status_code == 302, unescape(response.text)
    candidate = db.session.query(Candidate).one()
    assert {a.question_id: a.value for a in candidate.answers} == {
        q["licence"].id: "yes", q["when"].id: "Sous un mois", q["note"].id: "Motivée !",
        q["night"].id: "Oui, une semaine sur deux"}


def test_every_error_shows_in_one_round_with_the_summary_linking_to_each_question(client, asked):
    event, clinic, _depot, q = asked
    data = candidate_form([f"O{clinic.offers[0].id}"], first_name="", **{
        field(q["when"]): "Demain", field(q["note"]): "Je garde ce texte", field(q["diploma"]): "peut-être"})
    response = client.post(f"/{event.slug}/inscription", data=data)
    assert response.status_code == 200
    page = unescape(response.text)
    assert "Le formulaire contient 5 erreurs" in page
    assert 'href="#first_name"' in page
    assert f'href="#{field(q["licence"])}-0">Questions — Avez-vous le permis B ? : Répondez à cette question.' in page
    assert f'href="#{field(q["when"])}-0"' in page and "Choisissez une des réponses proposées." in page
    assert f'href="#{field(q["night"])}"' in page and "obligatoire pour l'offre que vous avez choisie" in page
    assert f'href="#{field(q["diploma"])}-0"' in page and "Répondez par oui ou par non." in page
    assert "Je garde ce texte</textarea>" in page  # what was typed stays
    assert db.session.query(Candidate).count() == 0


def test_an_offer_question_is_required_only_when_the_offer_is_wished_and_kept_only_then(client, asked):
    event, clinic, depot, q = asked
    data = candidate_form([f"O{clinic.offers[1].id}", f"E{depot.id}"], **{
        field(q["licence"]): "no", field(q["when"]): "Plus tard", field(q["diploma"]): "yes"})
    response = client.post(f"/{event.slug}/inscription", data=data)
    assert response.status_code == 302, unescape(response.text)
    candidate = db.session.query(Candidate).one()
    # The answer to a question of an offer not wished is not stored (its employer would never see it anyway).
    assert {a.question_id for a in candidate.answers} == {q["licence"].id, q["when"].id}


def test_an_optional_question_may_stay_empty(client, asked):
    event, _clinic, depot, q = asked
    data = candidate_form([f"E{depot.id}"], **{field(q["licence"]): "yes", field(q["when"]): "Immédiate",
                                               field(q["note"]): "   "})
    assert client.post(f"/{event.slug}/inscription", data=data).status_code == 302
    assert db.session.query(Answer).count() == 2


def test_a_too_long_text_answer_is_refused_with_a_french_message(client, asked):
    event, _clinic, depot, q = asked
    data = candidate_form([f"E{depot.id}"], **{field(q["licence"]): "yes", field(q["when"]): "Immédiate",
                                               field(q["note"]): "x" * 1001})
    page = unescape(client.post(f"/{event.slug}/inscription", data=data).text)
    assert "Votre réponse fait au plus 1000 caractères." in page


def test_the_registration_service_checks_the_answers_again(app, asked):
    from jobdating.signup.registration import RegistrationError, register_candidate

    event, _clinic, depot, q = asked
    with pytest.raises(RegistrationError) as error:
        register_candidate(event, wishes=[f"E{depot.id}"], consent=True, notify=False, first_name="A",
                           last_name="B", email="a.b@exemple.fr", answers={q["licence"].id: "maybe"})
    assert error.value.field == field(q["licence"])
    assert db.session.query(Candidate).count() == 0


def test_the_private_page_shows_and_updates_the_answers(client, asked, create_candidate):
    event, clinic, depot, q = asked
    candidate = create_candidate(event, wishes=[clinic.offers[0], depot])
    db.session.add_all([Answer(event_id=event.id, candidate=candidate, question=q["licence"], value="yes"),
                        Answer(event_id=event.id, candidate=candidate, question=q["night"], value="Oui")])
    db.session.commit()
    page = unescape(client.get(f"/c/{candidate.token}").text)
    assert f'<input checked id="{field(q["licence"])}-0"' in page
    assert "Oui</textarea>" in page
    data = {"availability-kind": "day", "wishes-0": f"O{clinic.offers[0].id}", "wishes-1": f"E{depot.id}",
            field(q["licence"]): "no", field(q["when"]): "Immédiate", field(q["night"]): "Non"}
    response = client.post(f"/c/{candidate.token}", data=data)
    assert response.status_code == 302, unescape(response.text)
    db.session.refresh(candidate)
    assert {a.question_id: a.value for a in candidate.answers} == {
        q["licence"].id: "no", q["when"].id: "Immédiate", q["night"].id: "Non"}
    # Without the offer in the wishes, the answers to its questions go.
    data = {"availability-kind": "day", "wishes-0": f"E{depot.id}", field(q["licence"]): "no",
            field(q["when"]): "Immédiate", field(q["night"]): "Non"}
    assert client.post(f"/c/{candidate.token}", data=data).status_code == 302
    db.session.refresh(candidate)
    assert {a.question_id for a in candidate.answers} == {q["licence"].id, q["when"].id}


def test_the_private_page_lists_every_error_of_the_answers_and_keeps_what_was_typed(client, asked,
                                                                                     create_candidate):
    event, clinic, _depot, q = asked
    candidate = create_candidate(event, wishes=[clinic.offers[0]])
    data = {"availability-kind": "day", "wishes-0": f"O{clinic.offers[0].id}", field(q["note"]): "Gardé"}
    page = unescape(client.post(f"/c/{candidate.token}", data=data).text)
    assert "Le formulaire contient 3 erreurs" in page
    assert "Gardé</textarea>" in page
    assert db.session.query(Answer).count() == 0


def test_an_organizer_edit_of_the_wishes_drops_the_answers_of_offers_no_longer_wished(app, asked,
                                                                                       create_candidate):
    from jobdating.signup.registration import update_candidate

    event, clinic, depot, q = asked
    candidate = create_candidate(event, wishes=[clinic.offers[0]])
    db.session.add_all([Answer(event_id=event.id, candidate=candidate, question=q["licence"], value="yes"),
                        Answer(event_id=event.id, candidate=candidate, question=q["night"], value="Oui")])
    db.session.commit()
    update_candidate(candidate, wishes=[f"E{depot.id}"], check_open=False)
    assert [a.question_id for a in candidate.answers] == [q["licence"].id]
