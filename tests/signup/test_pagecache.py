"""The sign-up form is rendered once every few seconds per process and served to each visitor with its own
CSRF token (signup/pagecache.py): the busiest morning costs one render, not one per visitor."""
from __future__ import annotations

import re

import pytest
from signup_helpers import candidate_form, recorded_statements
from sqlalchemy import func, select

from jobdating.core.models import Candidate
from jobdating.extensions import db
from jobdating.signup import pagecache, public_views

TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


@pytest.fixture
def cached(app, create_event, create_employer, monkeypatch):
    app.config.update(PUBLIC_PAGE_CACHE_SECONDS=60, WTF_CSRF_ENABLED=True)
    event = create_event(slug="jd-lens")
    create_employer(event, company="Boulangerie Dupuis", offers=["Vendeur·se"])
    renders: list[int] = []
    render = public_views._render_candidate_signup

    def counted(*args, **kwargs):
        renders.append(1)
        return render(*args, **kwargs)
    monkeypatch.setattr(public_views, "_render_candidate_signup", counted)
    pagecache.forget()
    return event, renders


def test_visitors_share_one_render_each_with_its_own_token_that_signs_them_up(app, cached):
    event, renders = cached
    first, second = app.test_client(), app.test_client()
    page_one = first.get("/jd-lens/inscription").get_data(as_text=True)
    page_two = second.get("/jd-lens/inscription").get_data(as_text=True)
    assert len(renders) == 1
    token_one, token_two = TOKEN.search(page_one).group(1), TOKEN.search(page_two).group(1)
    assert token_one != token_two
    assert page_two.replace(token_two, "T") == page_one.replace(token_one, "T")
    assert "Boulangerie Dupuis" in page_two
    wish = f"E{event.employers[0].id}"
    response = second.post("/jd-lens/inscription", data=candidate_form([wish], csrf_token=token_two))
    assert response.status_code == 302
    # the first visitor's token is not the second's: it cannot be used with the second's session
    refused = second.post("/jd-lens/inscription",
                          data=candidate_form([wish], email="autre@exemple.fr", csrf_token=token_one))
    assert refused.status_code == 400
    assert db.session.scalar(select(func.count(Candidate.id))) == 1


def test_a_new_employer_shows_once_the_page_is_older_than_the_setting(app, cached, create_employer, monkeypatch):
    event, renders = cached
    client = app.test_client()
    client.get("/jd-lens/inscription")
    create_employer(event, company="Garage Lefebvre")
    assert "Garage Lefebvre" not in app.test_client().get("/jd-lens/inscription").get_data(as_text=True)
    later = pagecache.time.monotonic() + 61
    monkeypatch.setattr(pagecache.time, "monotonic", lambda: later)
    assert "Garage Lefebvre" in app.test_client().get("/jd-lens/inscription").get_data(as_text=True)
    assert len(renders) == 2


def test_languages_are_cached_apart_and_errors_and_organizers_always_get_a_fresh_page(app, logged_in, cached):
    event, renders = cached
    french = app.test_client().get("/jd-lens/inscription").get_data(as_text=True)
    english = app.test_client().get("/jd-lens/inscription?lang=en").get_data(as_text=True)
    assert 'lang="fr"' in french and 'lang="en"' in english
    assert len(renders) == 2
    app.test_client().get("/jd-lens/inscription")
    assert len(renders) == 2
    logged_in.get("/jd-lens/inscription")
    assert len(renders) == 3
    client = app.test_client()
    token = TOKEN.search(client.get("/jd-lens/inscription").get_data(as_text=True)).group(1)
    page = client.post("/jd-lens/inscription", data=candidate_form([], last_name="Haddad", csrf_token=token))
    assert page.status_code == 200 and 'value="Haddad"' in page.get_data(as_text=True)
    assert len(renders) == 4


def test_without_the_setting_every_visitor_gets_a_fresh_render(app, cached):
    event, renders = cached
    app.config["PUBLIC_PAGE_CACHE_SECONDS"] = 0
    for _ in range(3):
        app.test_client().get("/jd-lens/inscription")
    assert len(renders) == 3


def test_a_visitor_served_from_the_cache_costs_no_query(app, cached):
    app.test_client().get("/jd-lens/inscription")
    with recorded_statements() as statements:
        page = app.test_client().get("/jd-lens/inscription")
    assert page.status_code == 200 and "Boulangerie Dupuis" in page.get_data(as_text=True)
    assert statements == [], statements
