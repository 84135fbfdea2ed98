"""A rehearsal in Chromium: the organizer creates one from the event's page, starts its clock at ×20, the header's
simulated time moves, and a simulated arrival shows on the desk by itself; on a phone too."""
from __future__ import annotations

import datetime as dt
import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PASSWORD = "repetition du jour j"
PHONE = {"width": 390, "height": 844}


def _published_event(app) -> int:
    """The live server's event with two candidates at 9:00 and 9:15, published, and an organizer."""
    from jobdating.core.accounts import create_organizer
    from jobdating.core.models import Candidate, Employer, Event, Interview, Wish
    from jobdating.extensions import db
    from jobdating.planning import publish

    with app.app_context():
        event = db.session.query(Event).one()
        employer = db.session.query(Employer).one()
        employer.first_table = 3
        for n, (first, last) in enumerate((("Inès", "Haddad"), ("Karim", "Benali"))):
            person = Candidate(event=event, first_name=first, last_name=last, email=f"{last.lower()}@exemple.fr",
                               consent_at=dt.datetime(2027, 1, 5, tzinfo=dt.UTC), available=[],
                               wishes=[Wish(employer=employer, rank=1)])
            start = dt.time(9, 15 * n)
            db.session.add(Interview(event=event, candidate=person, employer=employer, table=1, start=start,
                                     end=dt.time(9, 15 * n + 15), offers=[]))
        db.session.commit()
        publish.publish(event, None)
        create_organizer("orga@exemple.fr", PASSWORD, "Orga", admin=True)
        return event.id


def _sim_time(page) -> str:
    return page.inner_text(".rehearsal-banner [data-rehearsal-time]")


def test_an_organizer_rehearses_the_morning_and_a_simulated_arrival_reaches_the_desk(live_server, browser, artifacts):
    from jobdating.core.models import Event, Rehearsal
    from jobdating.extensions import db

    app, base = live_server
    event_id = _published_event(app)
    page = browser.new_page(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page.goto(f"{base}/login")
    page.fill("input[name=email]", "orga@exemple.fr")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")

    page.goto(f"{base}/organisateur/evenements/{event_id}")
    page.get_by_role("button", name="Créer une répétition").click()
    page.wait_for_selector("h1:has-text('Répétition du jour J')")
    assert "Répétition — 08:30 simulée, ×10" in re.sub(r"\s+", " ", page.inner_text(".rehearsal-banner"))
    copy_id = int(re.search(r"/event/(\d+)/repetition", page.url).group(1))
    with app.app_context():
        first = db.session.get(Event, copy_id).candidates[0].full_name  # a made-up name, interview at 9:00
    assert first != "Inès Haddad"
    # Start at 8:44: with no spread, the 9:00 candidate arrives at 8:45, twenty times faster than real time.
    page.fill("input[name=origin]", "08:44")
    page.fill("input[name=no_show_percent]", "0")
    page.fill("input[name=spread_minutes]", "0")
    page.get_by_role("button", name="Enregistrer les réglages").click()
    page.select_option("select[name=speed]", "20")
    page.get_by_role("button", name="Changer la vitesse").click()
    page.get_by_role("button", name="Démarrer").click()
    page.wait_for_selector("button:has-text('Pause')")
    page.screenshot(path=str(artifacts / "rehearsal-control.png"), full_page=True)

    page.goto(f"{base}/event/{copy_id}/accueil")
    shown = _sim_time(page)
    assert re.fullmatch(r"08:4[4-9]", shown)
    assert "×20" in page.inner_text(".rehearsal-banner")
    for _tick in range(40):  # a simulated minute is three real seconds (wait_for_function needs unsafe-eval)
        if _sim_time(page) != shown:
            break
        page.wait_for_timeout(250)
    assert _sim_time(page) > shown  # the header's simulated time moves on its own
    page.wait_for_selector(f"[data-recent-arrivals] li:has-text('{first}')", timeout=20_000)
    assert re.search(r"08:45 — " + re.escape(first), page.inner_text("[data-recent-arrivals]"))
    page.screenshot(path=str(artifacts / "rehearsal-desk.png"), full_page=True)
    with app.app_context():
        assert "C" + str(db.session.get(Event, copy_id).candidates[0].id) in db.session.get(
            Rehearsal, copy_id).applied

    phone = browser.new_page(locale="fr-FR", viewport=PHONE, is_mobile=True, has_touch=True,
                             storage_state=page.context.storage_state())
    phone.goto(f"{base}/event/{copy_id}/tableau")
    assert "Répétition" in phone.inner_text(".rehearsal-banner") and "×20" in phone.inner_text(".rehearsal-banner")
    phone.screenshot(path=str(artifacts / "rehearsal-board-phone.png"), full_page=True)
    phone.goto(f"{base}/event/{copy_id}/repetition")
    phone.screenshot(path=str(artifacts / "rehearsal-control-phone.png"), full_page=True)
    phone.close()
    page.goto(f"{base}/organisateur/evenements/{event_id}")
    assert "horloge en marche" in page.inner_text("#repetitions")
    page.locator("#repetitions").screenshot(path=str(artifacts / "rehearsal-dashboard.png"))
    page.close()
