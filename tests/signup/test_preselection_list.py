"""Preselection for hundreds: search, order and filter the list, counts per decision, and decisions that keep
the employer's place (an anchor back to the card without JavaScript, JSON for fetch with it)."""
from __future__ import annotations

import datetime as dt
import re
from html import unescape

import pytest

from jobdating.core.models import Decision, EducationLevel, Situation
from jobdating.extensions import db


@pytest.fixture
def employer(create_event, create_employer):
    event = create_event(slug="jd-lens", max_wishes=3)
    return create_employer(event, offers=["Cariste", "Infirmier·ère"], company="Logistique Artois")


@pytest.fixture
def people(employer, create_candidate, preselect):
    cariste, nurse = employer.offers
    ines = create_candidate(employer.event, [nurse], first_name="Inès", last_name="Haddad", town="Liévin",
                            education_level=EducationLevel.BAC2, situation=Situation.STUDENT)
    hugo = create_candidate(employer.event, [cariste], first_name="Hugo", last_name="Martin", town="Lens",
                            education_level=EducationLevel.BAC5)
    lea = create_candidate(employer.event, [employer], first_name="Léa", last_name="Dubois", town="Arras")
    for person, day in ((ines, 3), (hugo, 1), (lea, 2)):
        person.created_at = dt.datetime(2026, 11, day, tzinfo=dt.UTC)
    db.session.commit()
    preselect(employer, hugo, Decision.ACCEPTED)
    return ines, hugo, lea


def names(client, employer, **args) -> list[str]:
    page = unescape(client.get(f"/e/{employer.token}", query_string=args).text)
    return re.findall(r'class="wisher-name">([^<]+)<', page)


def test_the_list_is_searched_without_accents_by_name_town_diploma_or_offer(client, employer, people):
    assert names(client, employer, q="ines") == ["Inès Haddad"]
    assert names(client, employer, q="LIEVIN") == ["Inès Haddad"]
    assert names(client, employer, q="infirmiere") == ["Inès Haddad"]
    assert names(client, employer, q="bac+5") == ["Hugo Martin"]
    assert names(client, employer, q="personne") == []


def test_the_list_is_filtered_by_decision_with_counts_per_decision(client, employer, people):
    assert names(client, employer, etat="accepted") == ["Hugo Martin"]
    assert sorted(names(client, employer, etat="none")) == ["Inès Haddad", "Léa Dubois"]
    page = unescape(client.get(f"/e/{employer.token}").text)
    counts = dict(re.findall(r'data-count="(\w+)">(\d+)<', page))
    assert counts == {"all": "3", "none": "2", "accepted": "1", "favourite": "0", "declined": "0"}
    assert "1 candidat affiché sur 3" in unescape(client.get(f"/e/{employer.token}?etat=accepted").text)


def test_the_list_is_sorted_by_rank_sign_up_date_situation_or_diploma(client, employer, people):
    assert names(client, employer, tri="signup") == ["Hugo Martin", "Léa Dubois", "Inès Haddad"]
    assert names(client, employer, tri="education")[:2] == ["Hugo Martin", "Inès Haddad"]
    assert names(client, employer, tri="situation")[-1] == "Inès Haddad"  # a student after job seekers
    assert names(client, employer, tri="n'importe quoi") == names(client, employer)


def test_a_decision_without_javascript_comes_back_on_the_card_with_the_list_as_it_was(client, employer, people):
    ines, _hugo, _lea = people
    response = client.post(f"/e/{employer.token}/preselection",
                           data={"decide": f"{ines.id}:favourite", "q": "ines", "tri": "signup", "etat": "none"})
    assert response.status_code == 302
    assert response.location.endswith(f"#candidat-{ines.id}")
    assert "q=ines" in response.location and "tri=signup" in response.location and "etat=none" in response.location
    page = unescape(client.get(response.location.split("#")[0]).text)
    # Still listed (though no longer "without decision"), so that the page comes back on it, and it says so.
    status = re.search(rf'id="candidat-{ines.id}".*?data-wisher-status>(.*?)</p>', page, re.S).group(1)
    assert status == "Enregistré : Favori."


def test_a_decision_with_fetch_answers_json_with_the_new_counts(client, employer, people):
    ines, _hugo, lea = people
    response = client.post(f"/e/{employer.token}/preselection", data={"decide": f"{ines.id}:declined"},
                           headers={"X-Requested-With": "fetch"})
    assert response.status_code == 200
    assert response.json["decision"] == "declined" and response.json["ids"] == [ines.id]
    assert response.json["counts"] == {"all": 3, "none": 1, "accepted": 1, "favourite": 0, "declined": 1}
    response = client.post(f"/e/{employer.token}/preselection", data={
        "selected": [ines.id, lea.id], "bulk_action": "favourite", "bulk": "1"}, headers={"X-Requested-With": "fetch"})
    assert sorted(response.json["ids"]) == sorted([ines.id, lea.id])
    assert response.json["message"] == "2 candidats mis à jour."
    response = client.post(f"/e/{employer.token}/preselection", data={"bulk_action": "favourite", "bulk": "1"},
                           headers={"X-Requested-With": "fetch"})
    assert response.status_code == 400 and "Cochez d'abord" in response.json["error"]
