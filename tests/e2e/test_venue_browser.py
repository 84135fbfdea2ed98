"""On a phone, in Chromium: a candidate opens her reminder's link and taps *Je ne pourrai pas venir* for one
interview; the slot is freed and her page no longer lists it. The page passes axe-core and fits 360 pixels."""
from __future__ import annotations

import datetime as dt

import pytest
from test_signup_browser import check

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}


def test_a_candidate_cancels_one_interview_from_her_phone(live_server, browser, artifacts):
    app, base = live_server
    from jobdating.core.models import Cancellation, Candidate, Employer, Event, Interview, Wish
    from jobdating.extensions import db
    from jobdating.planning.publish import publish

    with app.app_context():
        event = db.session.scalar(db.select(Event))
        employer = db.session.scalar(db.select(Employer))
        ines = Candidate(event=event, first_name="Inès", last_name="Haddad", email="ines@exemple.fr",
                         available=[], consent_at=dt.datetime(2026, 11, 20, tzinfo=dt.UTC))
        ines.wishes = [Wish(employer=employer, rank=1)]
        db.session.add(ines)
        db.session.add(Interview(event=event, candidate=ines, employer=employer, table=1, start=dt.time(10),
                                 end=dt.time(10, 15)))
        db.session.commit()
        publish(event, None)
        token = ines.token
    context = browser.new_context(viewport=PHONE, locale="fr-FR", is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(f"{base}/c/{token}/venue#cannot-come")
        page.get_by_label("À l'entretien de 10:00 avec Santé Plus Artois (table 1)").check()
        page.get_by_label("Raison").select_option("transport")
        check(page, artifacts, "venue")
        page.get_by_role("button", name="Je ne pourrai pas venir").tap()
        page.wait_for_url(lambda url: "/venue" not in url)  # back on her page (the #fragment follows)
        assert "Entretien annulé : le créneau est libéré." in page.content()
        page.screenshot(path=str(artifacts / "venue-cancelled-360.png"), full_page=True)
    finally:
        context.close()
    with app.app_context():
        assert db.session.scalar(db.select(Interview)) is None
        assert db.session.scalar(db.select(Cancellation)).reason == "Problème de transport"
