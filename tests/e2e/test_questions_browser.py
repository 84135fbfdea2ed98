"""In Chromium: an offer's question appears once the candidate picks that offer in the wish picker (and goes when
the offer is unticked); the candidate answers it and signs up."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def asked(live_server):
    app, base = live_server
    from jobdating.core.models import Event, Offer, Question, QuestionKind
    from jobdating.extensions import db

    with app.app_context():
        event = db.session.scalar(db.select(Event))
        offer = db.session.scalar(db.select(Offer))
        db.session.add_all([
            Question(event=event, kind=QuestionKind.YESNO, label="Avez-vous le permis B ?", required=True, position=1),
            Question(event=event, offer_id=offer.id, kind=QuestionKind.TEXT, label="Pouvez-vous travailler de nuit ?",
                     required=True, position=1)])
        db.session.commit()
        offer_key = f"O{offer.id}"
    return app, base, offer_key


def test_an_offer_question_appears_when_the_offer_is_chosen_and_is_answered(asked, browser, artifacts):
    app, base, offer_key = asked
    page = browser.new_page(viewport={"width": 390, "height": 844}, locale="fr-FR", is_mobile=True, has_touch=True)
    try:
        page.goto(f"{base}/jd-lens/inscription")
        group = page.locator(f'[data-offer-questions="{offer_key}"]')
        night = page.get_by_label("Pouvez-vous travailler de nuit ?")
        expect(page.get_by_text("Avez-vous le permis B ?")).to_be_visible()
        expect(group).to_be_hidden()
        offer_box = page.locator(f'input[name="pick"][value="{offer_key}"]')
        offer_box.check()
        expect(group).to_be_visible()
        expect(group.locator("legend")).to_have_text("Offre « Aide-soignant·e » — Santé Plus Artois")
        offer_box.uncheck()
        expect(group).to_be_hidden()
        offer_box.check()
        night.fill("Oui, un week-end sur deux")
        page.locator("#questions fieldset.question").get_by_label("Oui").check()
        page.fill("#first_name", "Inès")
        page.fill("#last_name", "Haddad")
        page.fill("#email", "ines.haddad@exemple.fr")
        page.check("#consent")
        group.scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts / "questions-phone.png"))
        with page.expect_navigation():
            page.get_by_role("button", name="Valider mon inscription").click()
        expect(page.get_by_role("heading", name="Merci, votre inscription est enregistrée")).to_be_visible()
    finally:
        page.close()

    from jobdating.core.models import Candidate
    from jobdating.extensions import db
    with app.app_context():
        candidate = db.session.scalar(db.select(Candidate))
        assert sorted((a.question.label, a.value) for a in candidate.answers) == [
            ("Avez-vous le permis B ?", "yes"), ("Pouvez-vous travailler de nuit ?", "Oui, un week-end sur deux")]
