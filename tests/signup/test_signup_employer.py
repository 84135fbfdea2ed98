"""An employer signs up its company, tables, times and offers; errors and duplicates are handled kindly."""
from __future__ import annotations

import datetime as dt
from html import unescape

import pytest
from signup_helpers import employer_form, mails, private_link
from sqlalchemy import func, select

from jobdating.core.models import ContractType, Employer
from jobdating.extensions import db


@pytest.fixture
def event(create_event):
    return create_event(slug="jd-lens", end_time=dt.time(17, 0), breaks=[["12:30", "13:30"]])


def post(client, data):
    return client.post("/jd-lens/employeurs/inscription", data=data)


def count_employers():
    return db.session.scalar(select(func.count(Employer.id)))


def test_employer_signs_up_with_two_offers_and_gets_a_private_link(app, client, event):
    response = post(client, employer_form(**{"presence-kind": "afternoon", "preferred-kind": "custom",
                                             "preferred-start": "14:00", "preferred-end": "16:00"}))
    assert response.status_code == 302 and response.location.endswith("/jd-lens/employeurs/inscription/merci")
    employer = db.session.scalar(select(Employer))
    assert [(o.title, o.contract_type, o.tables) for o in employer.offers] == [
        ("Technicien·ne fibre", ContractType.CDI, [1]), ("Alternant·e réseaux", ContractType.ALTERNANCE, [])]
    assert employer.tables == 2 and employer.max_consecutive == 6 and employer.max_interviews is None
    assert employer.available == [["13:30", "17:00"]] and employer.preferred == [["14:00", "16:00"]]
    [message] = mails(app)
    assert private_link(message).endswith(f"/e/{employer.token}")
    assert f"/e/{employer.token}" in client.get(response.location).text


def test_the_sign_up_form_offers_the_sectors_of_the_artois_and_other(client, event):
    page = unescape(client.get("/jd-lens/employeurs/inscription").text)
    for sector in ("Logistique", "Numérique", "Santé", "Green tech", "Robotique", "Industrie", "Agroalimentaire",
                   "BTP", "Autre"):
        assert f'value="{sector}"' in page


def test_add_another_offer_button_adds_a_row_and_keeps_what_was_typed(client, event):
    page = unescape(post(client, employer_form(add_offer="1")).text)
    assert 'name="offers-2-title"' in page and 'value="Technicien·ne fibre"' in page
    assert count_employers() == 0


def test_an_offer_needs_a_contract_type(client, event):
    page = unescape(post(client, employer_form(**{"offers-1-contract_type": ""})).text)
    assert "Choisissez le type de contrat de cette offre." in page and count_employers() == 0


def test_at_least_one_offer_is_needed(client, event):
    data = employer_form(**{"offers-0-title": "", "offers-0-contract_type": "", "offers-1-title": "",
                            "offers-1-contract_type": ""})
    page = unescape(post(client, data).text)
    assert "Décrivez au moins une offre" in page and count_employers() == 0


def test_offer_tables_must_exist(client, event):
    page = unescape(post(client, employer_form(**{"offers-0-tables": "1, 3"})).text)
    assert "Les tables d'une offre vont de 1 à 2." in page and count_employers() == 0


def test_tables_go_from_one_to_ten(client, event):
    page = unescape(post(client, employer_form(tables="12", company="Fibres")).text)
    assert "Indiquez un nombre de tables entre 1 et 10." in page and 'value="Fibres"' in page


def test_the_same_email_twice_never_makes_a_second_employer_and_offers_the_link_again(client, event):
    post(client, employer_form())
    page = unescape(post(client, employer_form(email="RH@fibres-du-nord.fr")).text)
    assert "déjà inscrite à ce job dating" in page and "Renvoyer le lien privé" in page
    assert count_employers() == 1


def test_employer_consent_is_required(client, event):
    data = employer_form()
    del data["consent"]
    assert "Cochez cette case" in unescape(post(client, data).text) and count_employers() == 0


def test_employer_sign_up_is_refused_when_closed(client, event):
    event.signup_closes = dt.datetime(2000, 1, 1)
    db.session.commit()
    assert "Les inscriptions sont closes" in post(client, employer_form()).text
    assert count_employers() == 0


def test_the_employer_s_consent_is_recorded_with_its_date(client, event):
    client.post("/jd-lens/employeurs/inscription", data=employer_form())
    employer = db.session.scalar(select(Employer))
    assert employer.consent_at is not None

