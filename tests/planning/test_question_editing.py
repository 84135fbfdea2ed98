"""The organizer's questions to candidates: add each kind, edit, reorder, delete (with a confirmation saying how
many answers go), a change that would delete answers confirmed first; offer questions listed."""
from __future__ import annotations

from html import unescape

import pytest

from jobdating.core.models import Answer, AuditEntry, Candidate, Question, QuestionKind
from jobdating.extensions import db


@pytest.fixture
def event(create_event):
    return create_event(slug="jd-orga-questions")


def url(event, tail: str = "") -> str:
    return f"/organisateur/evenements/{event.id}/questions{tail}"


def labels(event) -> list[str]:
    db.session.expire_all()
    return [q.label for q in db.session.scalars(db.select(Question).where(Question.event_id == event.id,
                                                                          Question.offer_id.is_(None))
                                                .order_by(Question.position))]


def add(client, event, label, kind="text", **extra):
    return client.post(url(event), data={"label": label, "kind": kind, **extra})


def test_the_settings_page_links_to_the_questions(logged_in, event):
    page = logged_in.get(f"/organisateur/evenements/{event.id}/reglages").text
    assert url(event) in page and "Questions aux candidats" in page


def test_the_organizer_adds_a_question_of_each_kind(logged_in, event):
    assert add(logged_in, event, "Un mot pour les recruteurs", help_text="Facultatif").status_code == 302
    assert add(logged_in, event, "Avez-vous le permis B ?", "yesno", required="y").status_code == 302
    assert add(logged_in, event, "Disponibilité", "choice", required="y",
               choices="Immédiate\n\n Sous un mois \nImmédiate\nPlus tard").status_code == 302
    rows = db.session.scalars(db.select(Question).order_by(Question.position)).all()
    assert [(q.kind, q.required, q.position) for q in rows] == [
        (QuestionKind.TEXT, False, 1), (QuestionKind.YESNO, True, 2), (QuestionKind.CHOICE, True, 3)]
    assert rows[0].help_text == "Facultatif"
    assert rows[2].choices == ["Immédiate", "Sous un mois", "Plus tard"]
    page = unescape(logged_in.get(url(event)).text)
    assert "Avez-vous le permis B ?" in page and "Immédiate · Sous un mois · Plus tard" in page
    assert db.session.scalar(db.select(AuditEntry.detail).where(AuditEntry.action == "question.add")) == \
        "Question ajoutée : Un mot pour les recruteurs"


def test_every_error_of_a_new_question_shows_at_once_and_what_was_typed_stays(logged_in, event):
    response = add(logged_in, event, "", "choice", choices="Une seule", help_text="Gardée")
    page = unescape(response.text)
    assert response.status_code == 200 and "Écrivez la question." in page
    assert 'value="Gardée"' in page and "Une seule</textarea>" in page
    response = add(logged_in, event, "Quand ?", "choice", choices="Une seule")
    page = unescape(response.text)
    assert "Indiquez au moins deux réponses possibles, une par ligne." in page and 'href="#choices"' in page
    assert labels(event) == []


def test_questions_are_reordered_with_the_arrows(logged_in, event):
    for label in ("Un", "Deux", "Trois"):
        add(logged_in, event, label)
    third = db.session.scalar(db.select(Question).where(Question.label == "Trois"))
    assert logged_in.post(url(event, f"/{third.id}/deplacer"), data={"sens": "up"}).status_code == 302
    assert labels(event) == ["Un", "Trois", "Deux"]
    first = db.session.scalar(db.select(Question).where(Question.label == "Un"))
    logged_in.post(url(event, f"/{first.id}/deplacer"), data={"sens": "up"})  # already first: nothing moves
    logged_in.post(url(event, f"/{first.id}/deplacer"), data={"sens": "down"})
    assert labels(event) == ["Trois", "Un", "Deux"]


def answered(event, question, create_candidate, *values):
    for value in values:
        candidate = create_candidate(event)
        db.session.add(Answer(event_id=event.id, question=question, candidate=candidate, value=value))
    db.session.commit()


def test_deleting_a_question_with_answers_asks_first_and_says_how_many_go(logged_in, event, create_candidate):
    add(logged_in, event, "Avez-vous le permis B ?", "yesno")
    question = db.session.scalar(db.select(Question))
    answered(event, question, create_candidate, "yes", "no", "yes")
    page = unescape(logged_in.get(url(event, f"/{question.id}/supprimer")).text)
    assert "3 candidats y ont déjà répondu : leurs réponses seront supprimées avec la question." in page
    assert db.session.query(Question).count() == 1
    response = logged_in.post(url(event, f"/{question.id}/supprimer"), follow_redirects=True)
    assert "Question supprimée, avec 3 réponses." in unescape(response.text)
    assert db.session.query(Question).count() == 0 and db.session.query(Answer).count() == 0


def test_a_question_without_answers_is_deleted_after_a_plain_confirmation(logged_in, event):
    add(logged_in, event, "Un mot")
    question = db.session.scalar(db.select(Question))
    assert "Personne n'y a encore répondu." in unescape(logged_in.get(url(event, f"/{question.id}/supprimer")).text)
    logged_in.post(url(event, f"/{question.id}/supprimer"))
    assert labels(event) == []


def test_editing_the_wording_keeps_the_answers_and_warns_that_people_answered(logged_in, event, create_candidate):
    add(logged_in, event, "Disponibilité", "choice", choices="Immédiate\nPlus tard")
    question = db.session.scalar(db.select(Question))
    answered(event, question, create_candidate, "Immédiate", "Plus tard")
    page = unescape(logged_in.get(url(event, f"/{question.id}")).text)
    assert "2 candidats ont déjà répondu" in page and "Immédiate\nPlus tard</textarea>" in page
    response = logged_in.post(url(event, f"/{question.id}"), data={
        "label": "Quand pouvez-vous commencer ?", "kind": "choice", "choices": "Immédiate\nPlus tard\nJamais",
        "required": "y"})
    assert response.status_code == 302
    db.session.expire_all()
    assert question.label == "Quand pouvez-vous commencer ?" and question.required
    assert sorted(a.value for a in question.answers) == ["Immédiate", "Plus tard"]


def test_removing_a_chosen_answer_or_changing_the_kind_deletes_answers_only_once_confirmed(
        logged_in, event, create_candidate):
    add(logged_in, event, "Disponibilité", "choice", choices="Immédiate\nPlus tard")
    question = db.session.scalar(db.select(Question))
    answered(event, question, create_candidate, "Immédiate", "Plus tard", "Plus tard")
    change = {"label": "Disponibilité", "kind": "choice", "choices": "Immédiate\nDans un mois"}
    page = unescape(logged_in.post(url(event, f"/{question.id}"), data=change).text)
    assert "Ce changement supprimera 2 réponses déjà données" in page
    assert "Immédiate\nDans un mois</textarea>" in page  # the change typed stays, to confirm
    db.session.expire_all()
    assert question.choices == ["Immédiate", "Plus tard"] and len(question.answers) == 3
    response = logged_in.post(url(event, f"/{question.id}"), data={**change, "confirm": "1"},
                              follow_redirects=True)
    assert "Question enregistrée ; 2 réponses supprimées." in unescape(response.text)
    db.session.expire_all()
    assert [a.value for a in question.answers] == ["Immédiate"]
    page = unescape(logged_in.post(url(event, f"/{question.id}"), data={"label": "Disponibilité",
                                                                          "kind": "yesno"}).text)
    assert "Ce changement supprimera 1 réponse déjà donnée" in page


def test_a_yes_no_question_turned_into_free_text_keeps_its_answers_as_words(logged_in, event, create_candidate):
    add(logged_in, event, "Permis B ?", "yesno")
    question = db.session.scalar(db.select(Question))
    answered(event, question, create_candidate, "yes", "no")
    assert logged_in.post(url(event, f"/{question.id}"), data={"label": "Permis ?", "kind": "text"}).status_code \
        == 302
    db.session.expire_all()
    assert sorted(a.value for a in question.answers) == ["Non", "Oui"]


def test_offer_questions_are_listed_under_their_offer_and_can_be_edited(logged_in, event, create_employer):
    clinic = create_employer(event, company="Santé Plus Artois", offers=["Aide-soignant·e"])
    db.session.add(Question(event=event, offer=clinic.offers[0], kind=QuestionKind.TEXT, label="Horaires ?",
                            position=1))
    db.session.commit()
    page = unescape(logged_in.get(url(event)).text)
    assert "Offre « Aide-soignant·e » — Santé Plus Artois" in page and "Horaires ?" in page
    question = db.session.scalar(db.select(Question))
    logged_in.post(url(event, f"/{question.id}"), data={"label": "Horaires de nuit ?", "kind": "text"})
    db.session.expire_all()
    assert question.label == "Horaires de nuit ?" and question.offer_id == clinic.offers[0].id


def test_a_question_of_another_event_is_not_found(logged_in, event, create_event):
    other = create_event(slug="autre")
    db.session.add(Question(event=other, kind=QuestionKind.TEXT, label="Ailleurs", position=1))
    db.session.commit()
    question = db.session.scalar(db.select(Question))
    assert logged_in.get(url(event, f"/{question.id}")).status_code == 404
    assert logged_in.post(url(event, f"/{question.id}/supprimer")).status_code == 404


def test_deleting_the_event_or_the_offer_deletes_its_questions_and_answers(app, event, create_employer,
                                                                           create_candidate):
    from jobdating.core.questions import add_question
    from jobdating.signup.registration import update_employer

    employer = create_employer(event, offers=["Cariste", "Soudeur"])
    general = add_question(event, None, kind="text", label="Général")
    per_offer = add_question(event, employer.offers[0], kind="text", label="Cariste ?")
    candidate = create_candidate(event, wishes=[employer.offers[0]])
    db.session.add_all([Answer(event_id=event.id, question=general, candidate=candidate, value="a"),
                        Answer(event_id=event.id, question=per_offer, candidate=candidate, value="b")])
    db.session.commit()
    update_employer(employer, check_open=False, offers=[
        {"id": employer.offers[1].id, "title": "Soudeur", "contract_type": "cdi"}])
    assert [q.label for q in db.session.scalars(db.select(Question))] == ["Général"]
    assert [a.value for a in db.session.scalars(db.select(Answer))] == ["a"]
    db.session.delete(candidate)
    db.session.commit()
    assert db.session.query(Answer).count() == 0
    db.session.delete(event)
    db.session.commit()
    assert db.session.query(Question).count() == 0


def test_a_new_question_shows_at_once_on_the_cached_sign_up_form(app, logged_in, event):
    from jobdating.signup import pagecache

    app.config.update(PUBLIC_PAGE_CACHE_SECONDS=60)
    pagecache.forget()
    visitor = app.test_client()
    assert "Avez-vous le permis B ?" not in unescape(visitor.get(f"/{event.slug}/inscription").text)
    add(logged_in, event, "Avez-vous le permis B ?", "yesno", required="y")
    assert "Avez-vous le permis B ?" in unescape(visitor.get(f"/{event.slug}/inscription").text)


def test_the_organizer_asks_the_questions_when_signing_someone_up_by_phone_and_edits_the_answers(
        logged_in, event, create_employer):
    """The form an organizer fills on the phone asks the event's questions like the public form: a required one
    left empty shows with the other errors, what was typed stays; the answers can be changed later."""
    add(logged_in, event, "Avez-vous le permis B ?", kind="yesno", required="y")
    add(logged_in, event, "Votre disponibilité pour commencer", kind="text")
    permit, start = (db.session.scalar(db.select(Question).where(Question.label == label))
                     for label in ("Avez-vous le permis B ?", "Votre disponibilité pour commencer"))
    employer = create_employer(event, offers=["Cariste"])
    new = f"/organisateur/evenements/{event.id}/candidats/nouveau"
    page = unescape(logged_in.get(new).get_data(as_text=True))
    assert "Avez-vous le permis B ?" in page and "Votre disponibilité pour commencer" in page
    typed = {"first_name": "Lucie", "last_name": "Martin", "email": "lucie@exemple.fr", "situation": "job_seeker",
             "availability-kind": "day", "consent": "y", f"answers-q{start.id}": "Dès lundi"}
    page = unescape(logged_in.post(new, data=typed).get_data(as_text=True))
    assert "Répondez à cette question." in page and "Choisissez au moins un employeur ou une offre." in page
    assert "Dès lundi" in page and 'value="Martin"' in page
    response = logged_in.post(new, data={**typed, "wishes-0": f"E{employer.id}", f"answers-q{permit.id}": "yes"})
    assert response.status_code == 302, response.get_data(as_text=True)
    candidate = db.session.scalar(db.select(Candidate).where(Candidate.email == "lucie@exemple.fr"))
    assert {a.question_id: a.value for a in candidate.answers} == {permit.id: "yes", start.id: "Dès lundi"}

    edit = f"/organisateur/evenements/{event.id}/candidats/{candidate.id}"
    page = logged_in.get(edit).get_data(as_text=True)
    assert f'<input checked id="answers-q{permit.id}-0" name="answers-q{permit.id}" type="radio" value="yes">' in page
    response = logged_in.post(edit, data={**typed, "wishes-0": f"E{employer.id}", f"answers-q{permit.id}": "no",
                                          f"answers-q{start.id}": ""})
    assert response.status_code == 302, response.get_data(as_text=True)
    db.session.expire_all()
    assert {a.question_id: a.value for a in candidate.answers} == {permit.id: "no"}
