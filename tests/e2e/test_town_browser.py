"""In Chromium, with the demo event (40 employers): the public search finds "infirmière" however it is typed,
and a candidate on a phone picks wishes with the searchable picker, sees their ranks and signs up."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}


@pytest.fixture
def demo(live_server):
    app, base = live_server
    from jobdating.demo.build import create_demo_event

    with app.app_context():
        event = create_demo_event(slug="demo", candidates=20)
        nurses = sorted({e.company for e in event.employers for o in e.offers if o.title == "Infirmier·ère"})
    assert nurses, "the demo has nurse offers"
    return app, base, nurses


def test_the_public_search_ignores_accents_case_and_inclusive_endings(demo, browser, artifacts):
    _app, base, nurses = demo
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    try:
        for query in ("infirmière", "infirmiere", "INFIRMIER", "infirmier·ère"):
            page.goto(f"{base}/demo")
            page.fill("#q", query)
            with page.expect_navigation():
                page.get_by_role("button", name="Filtrer").click()
            listed = page.locator("ul.employers > li.card h3").all_inner_texts()
            assert sorted(listed) == nurses, query
            expected = f"{len(nurses)} employeur{'s correspondent' if len(nurses) > 1 else ' correspond'}"
            assert expected in page.locator(".result-count").inner_text()
        page.screenshot(path=str(artifacts / "town-search.png"), full_page=True)
        page.goto(f"{base}/demo?q=astronaute")
        assert page.locator(".result-count").inner_text() == "Aucun employeur ne correspond à cette recherche."
    finally:
        page.close()


def test_a_candidate_picks_wishes_on_a_phone_and_always_sees_their_ranks(demo, browser, artifacts):
    app, base, nurses = demo
    page = browser.new_page(viewport=PHONE, locale="fr-FR", is_mobile=True, has_touch=True)
    try:
        page.goto(f"{base}/demo/inscription")
        navigations = []
        page.on("framenavigated", lambda frame: navigations.append(frame.url))
        search = page.locator("#wish-recherche")
        search.fill("infirmiere")
        visible = page.locator("[data-wish-company]:visible")
        assert sorted(visible.evaluate_all("els => els.map(e => e.dataset.company)")) == nurses
        offer = page.locator("[data-wish-company]:visible label:visible", has_text="Infirmier·ère").first
        assert offer.is_visible()
        offer.locator("input").check()
        search.fill("cariste")
        page.locator("[data-wish-company]:visible label:visible", has_text="Cariste").first.locator("input").check()
        search.fill("")
        assert page.locator("[data-wish-company]:visible").count() == 40
        # The bar at the bottom of the screen shows the ranked choices while the candidate scrolls the list.
        bar = page.locator("[data-wish-bar]")
        assert bar.is_visible() and "2 vœux choisis sur 6" in bar.inner_text()
        assert bar.locator("[data-wish-bar-list]").inner_text().startswith("1. Infirmier·ère (CDI) — ")
        page.get_by_role("button", name="Monter le vœu n° 2").click()
        texts = page.locator("[data-wish-list] .wish-text").all_inner_texts()
        assert texts[0].startswith("Cariste") and texts[1].startswith("Infirmier·ère (CDI) — ")
        assert not navigations, "ticking, searching and moving happen in the page"
        page.screenshot(path=str(artifacts / "town-wish-picker-360.png"))
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0
        # The demo asks questions (permis B, availability; the care offer's own): answer each one shown.
        groups = page.locator("#questions fieldset.question:visible")
        for index in range(groups.count()):
            groups.nth(index).locator("input[type=radio]").first.check()
        page.fill("#first_name", "Inès")
        page.fill("#last_name", "Haddad")
        page.fill("#email", "ines.haddad@exemple.fr")
        page.check("#consent")
        with page.expect_navigation():
            page.get_by_role("button", name="Valider mon inscription").click()
        expect(page.get_by_role("heading", name="Merci, votre inscription est enregistrée")).to_be_visible()
    finally:
        page.close()

    from sqlalchemy import select

    from jobdating.core.models import Candidate
    from jobdating.extensions import db
    with app.app_context():
        candidate = db.session.scalar(select(Candidate).where(Candidate.email == "ines.haddad@exemple.fr"))
        assert [w.offer.title for w in candidate.wishes] == ["Cariste CACES", "Infirmier·ère"]
