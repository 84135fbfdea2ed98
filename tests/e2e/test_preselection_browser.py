"""In Chromium: an employer with 100 candidates decides on the 61st without the page moving, sees the counts
change, and finds a candidate by a name typed without its accent."""
from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def hundred(live_server):
    app, base = live_server
    from jobdating.core.models import Candidate, Employer, Wish
    from jobdating.extensions import db

    with app.app_context():
        employer = db.session.query(Employer).one()
        for n in range(100):
            candidate = Candidate(event=employer.event, first_name="Élodie" if n == 60 else "Candidat",
                                  last_name=f"Numéro {n + 1:03d}", email=f"c{n}@exemple.fr", available=[],
                                  consent_at=dt.datetime(2026, 11, 1, tzinfo=dt.UTC), town="Lens")
            candidate.wishes.append(Wish(employer=employer, rank=1))
            db.session.add(candidate)
        db.session.commit()
        return base, employer.token


def test_deciding_on_the_61st_of_100_candidates_keeps_the_page_where_it_is(hundred, browser, artifacts):
    base, token = hundred
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    try:
        page.goto(f"{base}/e/{token}")
        assert page.locator("[data-count='all']").inner_text() == "100"
        card = page.locator("li.wisher", has_text="Élodie Numéro 061")
        card.scroll_into_view_if_needed()
        before = page.evaluate("window.scrollY")
        assert before > 3000, "the 61st card is far down the list"
        navigations = []
        page.on("framenavigated", lambda frame: navigations.append(frame.url))
        card.get_by_role("button", name="Favori Élodie Numéro 061").click()
        from playwright.sync_api import expect

        expect(page.locator("[data-count='favourite']")).to_have_text("1")  # (the page's CSP forbids eval)
        assert not navigations and page.evaluate("window.scrollY") == before
        expect(card.locator("[data-wisher-status]")).to_have_text("Enregistré : Favori.")
        assert card.locator("[data-decision-badge]").inner_text() == "Favori"
        assert page.locator("[data-count='none']").first.inner_text() == "99"
        assert card.get_by_role("button", name="Favori Élodie Numéro 061").get_attribute("aria-pressed") == "true"
        page.screenshot(path=str(artifacts / "preselection-100.png"))
        # Found again by a search without the accent, in its new state.
        page.fill("#q", "elodie")
        with page.expect_navigation():
            page.get_by_role("button", name="Afficher").click()
        expect(page.locator("li.wisher")).to_have_count(1)
        expect(page.locator("li.wisher .wisher-name")).to_have_text("Élodie Numéro 061")
        page.goto(f"{base}/e/{token}?etat=favourite")
        expect(page.locator("li.wisher")).to_have_count(1)
    finally:
        page.close()


def test_without_javascript_a_decision_comes_back_on_the_card(hundred, browser):
    base, token = hundred
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR", java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{base}/e/{token}")
        card = page.locator("li.wisher", has_text="Élodie Numéro 061")
        card.get_by_role("button", name="Accepter Élodie Numéro 061").click()
        assert page.url.endswith("#" + card.get_attribute("id"))
        assert card.locator("[data-wisher-status]").inner_text() == "Enregistré : Accepté·e."
        top = page.evaluate("document.getElementById(location.hash.slice(1)).getBoundingClientRect().top")
        assert 0 <= top < 900, "the card is on screen"
    finally:
        context.close()
