"""Safety of the public forms: CSRF, rate limits, body size, private links, no address enumeration."""
from __future__ import annotations

import datetime as dt
import io
from contextlib import contextmanager

import pytest
from signup_helpers import PDF, candidate_form, mails, private_link
from sqlalchemy import func, select

from jobdating import create_app
from jobdating.core.models import Candidate, Event, EventStatus
from jobdating.extensions import db


@pytest.fixture
def event(create_event, create_employer):
    event = create_event(slug="jd-lens")
    create_employer(event, offers=["Cariste"])
    return event


def wish(event):
    return [f"E{event.employers[0].id}"]


def test_a_post_without_csrf_token_is_refused_when_csrf_is_on(app, client, event):
    app.config["WTF_CSRF_ENABLED"] = True
    response = client.post("/jd-lens/inscription", data=candidate_form(wish(event)))
    assert response.status_code == 400
    assert db.session.scalar(select(func.count(Candidate.id))) == 0


def test_a_form_whose_security_token_expired_comes_back_with_everything_typed(app, client, event):
    app.config["WTF_CSRF_ENABLED"] = True
    data = candidate_form(wish(event), csrf_token="expire")
    data["cv"] = (io.BytesIO(PDF), "mon-cv.pdf")
    response = client.post("/jd-lens/inscription", data=data, content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "restée ouverte trop longtemps" in page
    assert 'value="Haddad"' in page and 'value="ines.haddad@exemple.fr"' in page
    assert f'name="wishes-0" value="{wish(event)[0]}"' in page
    assert "mon-cv.pdf" in page and 'name="csrf_token"' in page
    assert db.session.scalar(select(func.count(Candidate.id))) == 0


def test_an_employer_form_whose_security_token_expired_comes_back_with_everything_typed(app, client, event):
    from signup_helpers import employer_form
    app.config["WTF_CSRF_ENABLED"] = True
    response = client.post("/jd-lens/employeurs/inscription", data=employer_form(csrf_token="expire"))
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "restée ouverte trop longtemps" in page
    assert 'value="Fibres du Nord"' in page and 'value="Alternant·e réseaux"' in page


@contextmanager
def limited_app(tmp_path, limit: str):
    """An application with rate limiting on (the shared fixtures turn it off) and one open event."""
    app = create_app({"TESTING": True, "SECRET_KEY": "t", "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": True,
                      "RATELIMIT_SIGNUP": limit, "SERVER_NAME": "localhost",
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'limit.sqlite3'}",
                      "MAIL_DIR": str(tmp_path / "mail"), "CV_DIR": str(tmp_path / "cv")})
    with app.app_context():
        db.create_all()
        db.session.add(Event(slug="jd", name="JD", date=dt.date(2027, 3, 18), start_time=dt.time(9),
                             end_time=dt.time(12), status=EventStatus.OPEN))
        db.session.commit()
        yield app


def test_sign_up_posts_are_limited_per_address(tmp_path):
    with limited_app(tmp_path, "3 per hour") as app:
        client = app.test_client()
        codes = [client.post("/jd/lien-prive", data={"email": f"x{n}@exemple.fr"}).status_code for n in range(4)]
        assert codes == [302, 302, 302, 429]
        assert "Trop de tentatives" in client.post("/jd/inscription", data={}).text
        assert client.get("/jd/inscription").status_code == 200


def test_a_request_body_over_the_limit_gets_the_413_page(app, client, event):
    app.config.update(MAX_CONTENT_LENGTH=10_000, SIGNUP_MAX_CONTENT_LENGTH=15_000)
    data = {**candidate_form(wish(event)), "cv": (io.BytesIO(PDF + b"0" * 20_000), "cv.pdf")}
    response = client.post("/jd-lens/inscription", data=data, content_type="multipart/form-data")
    assert response.status_code == 413 and "Fichier trop volumineux" in response.text
    # Other forms keep the general limit.
    big = {"company": "x" * 12_000}
    response = client.post("/jd-lens/employeurs/inscription", data=big, content_type="multipart/form-data")
    assert response.status_code == 413


def test_resending_the_link_emails_the_private_link_without_saying_who_is_signed_up(app, client, event,
                                                                                     create_candidate):
    candidate = create_candidate(event, email="ines@exemple.fr")
    known = client.post("/jd-lens/lien-prive", data={"email": "Ines@exemple.fr"})
    unknown = client.post("/jd-lens/lien-prive", data={"email": "personne@exemple.fr"})
    assert known.location == unknown.location and "personne" not in unknown.location
    [message] = mails(app)
    assert message["To"] == "ines@exemple.fr" and private_link(message).endswith(f"/c/{candidate.token}")
    assert "Si cette adresse est inscrite" in client.get(known.location).text


def test_the_private_link_is_also_sent_to_an_employer_who_asks(app, client, event):
    client.post("/jd-lens/lien-prive", data={"email": event.employers[0].email})
    [message] = mails(app)
    assert private_link(message).endswith(f"/e/{event.employers[0].token}")


@pytest.mark.parametrize("path", ["/c/{token}", "/e/{token}", "/e/{token}/modifier", "/c/{token}/retrait"])
def test_unknown_or_mistyped_tokens_lead_nowhere(client, event, create_candidate, path):
    candidate = create_candidate(event)
    assert client.get(path.format(token=candidate.token[:-1] + "x")).status_code == 404
    assert client.get(path.format(token="x" * 300)).status_code == 404


def test_a_candidate_token_does_not_open_an_employer_page(client, event, create_candidate):
    candidate = create_candidate(event)
    assert client.get(f"/e/{candidate.token}").status_code == 404
    assert client.get(f"/c/{event.employers[0].token}").status_code == 404


def test_reordering_wishes_without_javascript_does_not_count_against_the_limit(tmp_path):
    with limited_app(tmp_path, "2 per hour") as app:
        client = app.test_client()
        codes = [client.post("/jd/inscription", data={"move": "0:down"}).status_code for _ in range(4)]
        assert codes == [200, 200, 200, 200]
