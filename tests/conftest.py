"""Shared fixtures in the style of the Flask tutorial: app, client, runner, and small factories."""
from __future__ import annotations

import datetime as dt
import os

import pytest

from jobdating import create_app
from jobdating.core.models import (
    Candidate,
    ContractType,
    Decision,
    Employer,
    Event,
    EventStatus,
    Offer,
    Organizer,
    Preselection,
    Wish,
)
from jobdating.extensions import db

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL")
ORGANIZER_PASSWORD = "mot-de-passe-solide"


@pytest.fixture
def app(tmp_path):
    config = {
        "TESTING": True,
        "SECRET_KEY": "test",
        "WTF_CSRF_ENABLED": False,
        "SQLALCHEMY_DATABASE_URI": TEST_DATABASE_URL or f"sqlite:///{tmp_path / 'test.sqlite3'}",
        "MAIL_DIR": str(tmp_path / "mail"),
        "CV_DIR": str(tmp_path / "cv"),
        "RATELIMIT_ENABLED": False,
        "PUBLIC_PAGE_CACHE_SECONDS": 0,     # tests change employers and read the form at once
        "MAIL_GATHER_SECONDS": 0,           # tests read the mails at once
        "SERVER_NAME": "localhost",
        # A cheap hash keeps logins fast in tests; test_models checks the real default separately.
        "PASSWORD_METHOD": "pbkdf2:sha256:1000",
    }
    app = create_app(config)

    @app.teardown_request
    def forget_request_state(_error):
        """Tests keep one app context open, so requests share `g`: forget what a real request would not keep."""
        from flask import g
        from flask_babel import refresh

        refresh()
        g.pop("_login_user", None)
        g.pop("csrf_token", None)   # flask_wtf keeps the request's token in g

    with app.app_context():
        if TEST_DATABASE_URL:
            db.drop_all()
        db.create_all()
        yield app
        # Background work the test started (mail deliveries after a commit, solves) ends before the tables go.
        from jobdating.core import tasks

        tasks.wait_all(timeout=60)
        db.session.remove()
        if TEST_DATABASE_URL:
            db.drop_all()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def create_event(app):
    def create(**overrides) -> Event:
        values = dict(
            slug=f"jd-{dt.datetime.now().timestamp():.6f}".replace(".", "-"), name="Job dating test",
            venue="Lens", date=dt.date(2027, 3, 18), start_time=dt.time(9, 0), end_time=dt.time(12, 0),
            slot_minutes=15, breaks=[], min_gap_slots=0, max_wishes=5, status=EventStatus.OPEN,
        )
        values.update(overrides)
        event = Event(**values)
        db.session.add(event)
        db.session.commit()
        return event
    return create


@pytest.fixture
def create_employer(app):
    counter = iter(range(1, 10_000))

    def create(event: Event, offers: list[str] | None = None, **overrides) -> Employer:
        n = next(counter)
        values = dict(event=event, company=f"Entreprise {n}", sector="Logistique", contact_name="Claire Petit",
                      email=f"rh{n}@exemple.fr", tables=1, available=[], preferred=[])
        values.update(overrides)
        employer = Employer(**values)
        for title in offers or []:
            employer.offers.append(Offer(title=title, contract_type=ContractType.CDI))
        db.session.add(employer)
        db.session.commit()
        return employer
    return create


@pytest.fixture
def create_candidate(app):
    counter = iter(range(1, 10_000))

    def create(event: Event, wishes: list[Employer | Offer] = (), **overrides) -> Candidate:
        n = next(counter)
        values = dict(event=event, first_name="Inès", last_name=f"Haddad{n}", email=f"ines{n}@exemple.fr",
                      available=[], consent_at=dt.datetime(2026, 11, 20, tzinfo=dt.UTC))
        values.update(overrides)
        candidate = Candidate(**values)
        for rank, target in enumerate(wishes, start=1):
            if isinstance(target, Offer):
                candidate.wishes.append(Wish(employer=target.employer, offer=target, rank=rank))
            else:
                candidate.wishes.append(Wish(employer=target, rank=rank))
        db.session.add(candidate)
        db.session.commit()
        return candidate
    return create


@pytest.fixture
def preselect(app):
    def decide(employer: Employer, candidate: Candidate, decision: Decision) -> Preselection:
        row = Preselection(employer=employer, candidate=candidate, decision=decision)
        db.session.add(row)
        db.session.commit()
        return row
    return decide


@pytest.fixture
def organizer(app) -> Organizer:
    from jobdating.core.accounts import create_organizer
    return create_organizer("orga@exemple.fr", ORGANIZER_PASSWORD, "Orga", admin=True)


@pytest.fixture
def logged_in(client, organizer):
    response = client.post("/login", data={"email": organizer.email, "password": ORGANIZER_PASSWORD})
    assert response.status_code == 302
    return client
