"""Check-in at the front desk: a scanned badge link, a token or a name marks a person arrived."""
from __future__ import annotations

import html

import pytest
from frontdesk_helpers import PARIS, Clock, at, local, morning

from jobdating.core.models import AuditEntry, CheckIn
from jobdating.extensions import db


@pytest.fixture
def day(app, create_event, create_employer, create_candidate):
    Clock(app, at(9, 40))
    return morning(create_event, create_employer, create_candidate)


def scan(client, event, code):
    return client.post(f"/event/{event.id}/accueil", data={"code": code})


def page(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def test_scanning_a_badge_link_checks_the_candidate_in_and_shows_the_next_table(logged_in, day):
    from jobdating.printing.documents import checkin_url

    event, (logistics, _digital), (ines, _karim, _lea) = day
    response = scan(logged_in, event, checkin_url(ines))
    text = page(response)
    assert response.status_code == 200
    assert "Inès Haddad" in text and "Arrivée enregistrée" in text
    assert "10:00 avec Logistique Artois" in text and ">4</strong>" in text
    assert local(ines.arrived_at) == at(9, 40)
    assert all(i.checkin == CheckIn.PRESENT for i in ines.interviews)


def test_a_candidate_arriving_after_all_their_interviews_is_not_told_they_had_none(app, logged_in, day):
    event, _employers, (ines, _karim, _lea) = day
    Clock(app, at(11, 0))
    text = page(scan(logged_in, event, ines.token))
    assert "Arrivée enregistrée" in text and "Ses entretiens prévus sont déjà passés" in text
    assert "Pas d'entretien prévu" not in text


def test_a_bare_token_works_and_employers_check_in_the_same_way(logged_in, day):
    event, (logistics, _digital), (_ines, karim, _lea) = day
    assert "Karim Benali" in page(scan(logged_in, event, f"  {karim.token}  "))
    text = page(scan(logged_in, event, f"http://localhost/e/{logistics.token}"))
    assert "Logistique Artois" in text and "Arrivée enregistrée" in text
    assert karim.arrived_at is not None and local(logistics.arrived_at) == at(9, 40)


def test_scanning_twice_is_harmless_and_keeps_the_first_arrival(app, logged_in, day):
    event, _employers, (ines, _karim, _lea) = day
    scan(logged_in, event, f"http://localhost/c/{ines.token}")
    app.config["CLOCK"] = lambda: at(9, 55).replace(tzinfo=PARIS)
    text = page(scan(logged_in, event, f"http://localhost/c/{ines.token}"))
    assert "Déjà enregistré·e à 09:40" in text
    assert local(ines.arrived_at) == at(9, 40)
    assert db.session.query(AuditEntry).filter_by(action="jour.arrivee").count() == 1


def test_an_unknown_code_says_so_clearly(logged_in, day):
    event, _employers, people = day
    response = scan(logged_in, event, "http://localhost/c/AbCdEfGhIjKlMnOpQrStUvWxYz012345")
    assert response.status_code == 422
    assert "Code inconnu" in page(response)
    assert all(p.arrived_at is None for p in people)


def test_a_badge_of_another_event_is_refused_and_names_that_event(logged_in, day, create_event, create_candidate):
    event, _employers, _people = day
    other = create_event(name="Job dating de Béthune")
    stranger = create_candidate(other, first_name="Paul", last_name="Durand")
    response = scan(logged_in, event, f"http://localhost/c/{stranger.token}")
    assert response.status_code == 422
    assert "autre événement" in page(response) and "Job dating de Béthune" in page(response)
    assert stranger.arrived_at is None


def test_typing_a_name_lists_the_matches_and_one_click_checks_in(logged_in, day):
    event, _employers, (_ines, _karim, lea) = day
    text = page(scan(logged_in, event, "léa mar"))
    assert "Léa Martin" in text and "Inès Haddad" not in text
    response = logged_in.post(f"/event/{event.id}/accueil/candidate/{lea.id}")
    assert "Arrivée enregistrée" in page(response) and "11:00 avec Logistique Artois" in page(response)
    assert local(lea.arrived_at) == at(9, 40)


def test_a_company_name_finds_the_employer(logged_in, day):
    event, (_logistics, digital), _people = day
    assert "Numérique Lens" in page(scan(logged_in, event, "numérique"))
    assert "Personne ne correspond" in page(scan(logged_in, event, "Zorglub"))


def test_a_check_in_made_by_mistake_can_be_undone(logged_in, day):
    event, _employers, (ines, _karim, _lea) = day
    scan(logged_in, event, ines.token)
    logged_in.post(f"/event/{event.id}/accueil/candidate/{ines.id}/annuler")
    assert ines.arrived_at is None
    assert all(i.checkin == CheckIn.EXPECTED for i in ines.interviews)


def test_the_desk_is_for_logged_in_organizers_only(client, day):
    event, _employers, (ines, _karim, _lea) = day
    response = scan(client, event, ines.token)
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    assert ines.arrived_at is None


def test_a_private_link_shown_on_a_phone_checks_in_too(logged_in, day):
    event, _employers, (ines, _karim, _lea) = day
    text = page(scan(logged_in, event, f"http://localhost/c/{ines.token}"))
    assert "Inès Haddad" in text and "Arrivée enregistrée" in text


def test_a_check_in_costs_a_few_queries_and_never_reads_the_published_plan(app, logged_in, day):
    """The published plan is hundreds of kilobytes of JSON: the desk must not load it (it did on every scan)."""
    from sqlalchemy import event as sa_event

    event, _employers, (ines, _karim, _lea) = day
    event.published_plan = {f"C{ines.id}": [{"start": "10:00", "company": "x" * 50}] * 200}
    db.session.commit()
    db.session.expire_all()
    statements: list[str] = []

    def record(_conn, _cursor, statement, *_args):
        statements.append(statement)

    engine = db.engine
    sa_event.listen(engine, "before_cursor_execute", record)
    try:
        response = scan(logged_in, event, ines.token)
    finally:
        sa_event.remove(engine, "before_cursor_execute", record)
    assert response.status_code == 200 and "Arrivée enregistrée" in page(response)
    assert not any("published_plan" in statement for statement in statements)
    assert len(statements) <= 15, statements
