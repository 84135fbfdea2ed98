"""An employer's private page: preselect candidates one by one or in bulk, read their CVs, edit, see the plan."""
from __future__ import annotations

import datetime as dt
from html import unescape

import pytest
from signup_helpers import candidate_form, employer_form, mails, with_cv
from sqlalchemy import select

from jobdating.core.models import Candidate, Decision, EventStatus, Interview, Preselection
from jobdating.extensions import db
from jobdating.planning.instance import instance_dict
from jobdating.planning.publish import publish


@pytest.fixture
def event(create_event):
    return create_event(slug="jd-lens", max_wishes=3)


@pytest.fixture
def employer(event, create_employer):
    return create_employer(event, offers=["Cariste", "Préparateur·rice"], company="Logistique Artois", tables=2)


@pytest.fixture
def other(event, create_employer):
    return create_employer(event, company="Numérique Lens")


def sign_up(client, email, wishes, **fields):
    client.post("/jd-lens/inscription", data=with_cv(candidate_form(wishes, email=email, **fields)),
                content_type="multipart/form-data")
    return db.session.scalar(select(Candidate).where(Candidate.email == email))


def decisions(employer):
    db.session.expire_all()
    return {p.candidate.first_name: p.decision for p in db.session.scalars(
        select(Preselection).where(Preselection.employer_id == employer.id))}


def test_the_employer_sees_who_wished_it_with_situation_offer_and_rank(client, employer, other):
    sign_up(client, "ines@exemple.fr", [f"E{other.id}", f"O{employer.offers[1].id}"], first_name="Inès",
            situation="student")
    sign_up(client, "hugo@exemple.fr", [f"E{other.id}"], first_name="Hugo")
    page = unescape(client.get(f"/e/{employer.token}").text)
    assert "Inès Haddad" in page and "Étudiant·e" in page and "Vœu n° 2 : Préparateur·rice" in page
    assert "Hugo" not in page


def test_the_employer_accepts_declines_and_favours_one_candidate_at_a_time(client, employer):
    ines = sign_up(client, "ines@exemple.fr", [f"E{employer.id}"], first_name="Inès")
    for action, expected in [("accepted", Decision.ACCEPTED), ("favourite", Decision.FAVOURITE),
                             ("declined", Decision.DECLINED)]:
        response = client.post(f"/e/{employer.token}/preselection", data={"decide": f"{ines.id}:{action}"})
        assert response.status_code == 302
        assert decisions(employer) == {"Inès": expected}
    client.post(f"/e/{employer.token}/preselection", data={"decide": f"{ines.id}:clear"})
    assert decisions(employer) == {}


def test_the_employer_decides_for_several_candidates_at_once(client, employer):
    ines = sign_up(client, "ines@exemple.fr", [f"E{employer.id}"], first_name="Inès")
    hugo = sign_up(client, "hugo@exemple.fr", [f"O{employer.offers[0].id}"], first_name="Hugo")
    sign_up(client, "lea@exemple.fr", [f"E{employer.id}"], first_name="Léa")
    response = client.post(f"/e/{employer.token}/preselection",
                           data={"selected": [ines.id, hugo.id], "bulk_action": "favourite", "bulk": "1"})
    assert "2 candidats mis à jour." in unescape(client.get(response.location).text)
    assert decisions(employer) == {"Inès": Decision.FAVOURITE, "Hugo": Decision.FAVOURITE}


def test_declined_and_favourite_candidates_reach_the_solver_instance(client, event, employer):
    ines = sign_up(client, "ines@exemple.fr", [f"E{employer.id}"], first_name="Inès")
    hugo = sign_up(client, "hugo@exemple.fr", [f"E{employer.id}"], first_name="Hugo")
    client.post(f"/e/{employer.token}/preselection", data={"decide": f"{ines.id}:declined"})
    client.post(f"/e/{employer.token}/preselection", data={"decide": f"{hugo.id}:favourite"})
    [entry] = [e for e in instance_dict(event)["employers"] if e["name"] == "Logistique Artois"]
    assert entry["rejects"] == [f"C{ines.id}"] and entry["favorites"] == [f"C{hugo.id}"]


def test_an_employer_cannot_decide_on_someone_who_did_not_wish_it(client, employer, other):
    ines = sign_up(client, "ines@exemple.fr", [f"E{other.id}"], first_name="Inès")
    client.post(f"/e/{employer.token}/preselection", data={"decide": f"{ines.id}:declined"})
    assert decisions(employer) == {}


def test_the_employer_downloads_the_cv_of_a_candidate_who_wished_it_as_an_attachment(client, employer, other):
    ines = sign_up(client, "ines@exemple.fr", [f"O{employer.offers[0].id}"], first_name="Inès")
    response = client.get(f"/e/{employer.token}/cv/{ines.id}")
    assert response.status_code == 200 and response.data.startswith(b"%PDF-")
    assert response.headers["Content-Disposition"].startswith("attachment")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert client.get(f"/e/{other.token}/cv/{ines.id}").status_code == 404


def test_the_employer_edits_its_details_and_offers_until_close(client, event, employer):
    ines = sign_up(client, "ines@exemple.fr", [f"O{employer.offers[0].id}"], first_name="Inès")
    page = unescape(client.get(f"/e/{employer.token}/modifier").text)
    assert 'value="Logistique Artois"' in page and 'name="offers-2-title"' in page
    first_id, second_id = (o.id for o in employer.offers)
    response = client.post(f"/e/{employer.token}/modifier", data=employer_form(
        company="Logistique Artois SA", email=employer.email, consent=None, **{
            "offers-0-offer_id": str(first_id), "offers-0-title": "Cariste CACES", "offers-0-contract_type": "cdi",
            "offers-1-offer_id": str(second_id), "offers-1-title": "Préparateur·rice",
            "offers-1-contract_type": "interim", "offers-1-remove": "y", "offers-1-tables": "",
            "offers-2-title": "Chef·fe d'équipe", "offers-2-contract_type": "cdi"}))
    assert response.status_code == 302
    db.session.expire_all()
    assert employer.company == "Logistique Artois SA"
    assert [(o.id == first_id, o.title) for o in employer.offers] == [(True, "Cariste CACES"),
                                                                      (False, "Chef·fe d'équipe")]
    assert db.session.get(Candidate, ines.id).wishes[0].offer.title == "Cariste CACES"


def test_after_close_the_employer_cannot_edit_but_can_still_preselect(client, event, employer):
    ines = sign_up(client, "ines@exemple.fr", [f"E{employer.id}"], first_name="Inès")
    event.signup_closes = dt.datetime(2000, 1, 1)
    event.status = EventStatus.CLOSED
    db.session.commit()
    assert client.get(f"/e/{employer.token}/modifier").status_code == 302
    client.post(f"/e/{employer.token}/modifier", data=employer_form(company="Autre nom"))
    db.session.expire_all()
    assert employer.company == "Logistique Artois"
    client.post(f"/e/{employer.token}/preselection", data={"decide": f"{ines.id}:accepted"})
    assert decisions(employer) == {"Inès": Decision.ACCEPTED}


def test_the_published_plan_lists_the_employers_interviews(client, event, employer):
    ines = sign_up(client, "ines@exemple.fr", [f"E{employer.id}"], first_name="Inès")
    db.session.add(Interview(event=event, candidate=ines, employer=employer, table=2, start=dt.time(10, 0),
                             end=dt.time(10, 15)))
    db.session.commit()
    publish(event, None)
    page = unescape(client.get(f"/e/{employer.token}").text)
    assert "Notre planning" in page and "10:00–10:15" in page and "Inès Haddad" in page
    client.post(f"/e/{employer.token}/preselection", data={"decide": f"{ines.id}:declined"})
    assert decisions(employer) == {}


def test_each_recruiter_gets_a_link_of_their_own_that_removal_ends(app, client, employer):
    from jobdating.core.models import Recruiter

    app.config["PUBLIC_BASE_URL"] = "https://jobdating.example.org"
    answer = client.post(f"/e/{employer.token}/equipe", data={"name": "Karim Benali", "email": "karim@sante.fr"})
    assert answer.status_code == 302
    recruiter = db.session.scalars(db.select(Recruiter)).one()
    sent = [m for m in mails(app) if m["To"] == "karim@sante.fr"]
    assert sent and f"https://jobdating.example.org/e/{recruiter.token}" in sent[-1].get_body(("plain",)).get_content()
    page = client.get(f"/e/{recruiter.token}").text
    assert employer.company in page and employer.token not in page, "a recruiter's pages never show the main link"
    assert client.post(f"/e/{recruiter.token}/equipe", data={"name": "X", "email": "x@x.fr"}).status_code == 403
    client.post(f"/e/{employer.token}/equipe/{recruiter.id}/retirer")
    assert client.get(f"/e/{recruiter.token}").status_code == 404
