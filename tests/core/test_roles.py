"""Roles per event: owners, organizers and the front desk each reach what their role allows, and nobody reaches
another event; the whole route table is walked."""
from __future__ import annotations

import re
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from flask import url_for

from jobdating.core import tasks as jobs
from jobdating.core.access import ORGANIZER, route_access, route_role
from jobdating.core.accounts import create_organizer
from jobdating.core.models import Membership, Role
from jobdating.extensions import db

PASSWORD = "une phrase de passe"
ARGUMENT_VALUES = {"kind": "candidate", "document": "badges", "name": "planning.csv"}


@pytest.fixture
def teams(app, create_event, create_employer, create_candidate):
    """Event A with a front-desk member, an organizer and an owner; event B with its own organizer."""
    a, b = create_event(slug="jd-a"), create_event(slug="jd-b")
    employer_a, employer_b = create_employer(a), create_employer(b)
    candidate_a = create_candidate(a, [employer_a])
    people = {}
    for name, event, role in (("desk", a, Role.FRONTDESK), ("orga", a, Role.ORGANIZER), ("owner", a, Role.OWNER),
                              ("other", b, Role.ORGANIZER)):
        organizer = create_organizer(f"{name}@exemple.fr", PASSWORD)
        db.session.add(Membership(event_id=event.id, organizer_id=organizer.id, role=role))
        people[name] = organizer
    db.session.commit()
    return a, b, employer_a, employer_b, candidate_a, people


def client_of(app, email: str):
    client = app.test_client()
    assert client.post("/login", data={"email": email, "password": PASSWORD}).status_code == 302
    return client


def event_routes(app):
    for rule in app.url_map.iter_rules():
        if rule.endpoint != "static" and route_access(rule.endpoint) == ORGANIZER and "event_id" in rule.arguments:
            yield rule


def url(app, rule, event_id: int) -> str:
    values = {name: ARGUMENT_VALUES.get(name, 1) for name in rule.arguments}
    values["event_id"] = event_id
    with app.test_request_context():
        return url_for(rule.endpoint, **values)


def test_every_event_route_refuses_outsiders_and_lower_roles(app, teams):
    a, _b, *_rest, people = teams
    desk, outsider = client_of(app, "desk@exemple.fr"), client_of(app, "other@exemple.fr")
    checked = 0
    for rule in event_routes(app):
        method = "GET" if "GET" in rule.methods else "POST"
        address = url(app, rule, a.id)
        assert outsider.open(address, method=method).status_code == 404, rule.rule
        answer = desk.open(address, method=method).status_code
        if route_role(rule.endpoint) == Role.FRONTDESK:
            assert answer != 403, rule.rule
        else:
            assert answer == 403, (rule.rule, answer)
        checked += 1
    assert checked > 30


def test_the_front_desk_checks_people_in_but_sees_no_cv_no_export_and_no_settings(app, teams):
    a, _b, _ea, _eb, candidate_a, _people = teams
    desk = client_of(app, "desk@exemple.fr")
    assert desk.get(f"/event/{a.id}/accueil").status_code == 200
    assert desk.get(f"/event/{a.id}/tableau.json").status_code == 200
    assert desk.get(f"/organisation/candidats/{candidate_a.id}/cv").status_code == 404
    assert desk.get(f"/organisateur/evenements/{a.id}/export/planning.csv").status_code == 403
    assert desk.get(f"/organisateur/evenements/{a.id}/reglages").status_code == 403
    results = desk.get(f"/event/{a.id}/resultats")
    assert results.status_code == 200 and "resultats.csv" not in results.text, "no link to what they cannot open"


def test_an_organizer_sees_only_the_events_of_their_teams_and_cannot_create_one(app, teams):
    a, b, *_rest = teams
    other = client_of(app, "other@exemple.fr")
    page = other.get("/organisateur/").text
    assert b.name in page and f"/evenements/{a.id}" not in page and "Créer un événement" not in page
    assert other.get("/organisateur/evenements/nouveau").status_code == 403


def test_only_owners_manage_the_team(app, teams):
    a, *_rest = teams
    assert client_of(app, "orga@exemple.fr").get(f"/organisateur/evenements/{a.id}/equipe").status_code == 403
    assert client_of(app, "owner@exemple.fr").get(f"/organisateur/evenements/{a.id}/equipe").status_code == 200


def test_an_employer_link_of_another_event_opens_no_cv(client, teams):
    _a, _b, _ea, employer_b, candidate_a, _people = teams
    assert client.get(f"/e/{employer_b.token}/cv/{candidate_a.id}").status_code == 404


def test_an_owner_invites_a_volunteer_who_joins_the_front_desk(app, teams):
    a, *_rest = teams
    app.config["PUBLIC_BASE_URL"] = "https://jobdating.example.org"
    owner = client_of(app, "owner@exemple.fr")
    answer = owner.post(f"/organisateur/evenements/{a.id}/equipe", data={"email": "benevole@exemple.fr",
                                                                           "role": "frontdesk"})
    assert answer.status_code == 302
    jobs.wait_all(timeout=30)
    mails = sorted(Path(app.config["MAIL_DIR"]).glob("*.eml"))
    message = BytesParser(policy=policy.default).parsebytes(mails[-1].read_bytes())
    assert message["To"] == "benevole@exemple.fr"
    link = re.search(r"https://jobdating\.example\.org(/invitation/\S+)", message.get_body(("plain",)).get_content())
    assert link is not None
    volunteer = app.test_client()
    joined = volunteer.post(link.group(1), data={"name": "Bénévole", "password": PASSWORD, "confirm": PASSWORD})
    assert joined.status_code == 302
    assert volunteer.get(f"/event/{a.id}/accueil").status_code == 200
    assert volunteer.get(f"/organisateur/evenements/{a.id}").status_code == 403
    assert volunteer.get(link.group(1)).status_code == 404, "an invitation opens once"
