"""In Chromium, a morning at the front desk: three badges scanned, a walk-in registered, a no-show declared,
the rest of the day re-planned and the changed plans downloaded as one PDF."""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PASSWORD = "badges et cafe du matin"
DAY = dt.date(2027, 3, 18)


class Clock:
    def __init__(self, app, hour: int, minute: int):
        self.set(hour, minute)
        app.config["CLOCK"] = lambda: self.when.replace(tzinfo=ZoneInfo("Europe/Paris"))

    def set(self, hour: int, minute: int) -> None:
        self.when = dt.datetime.combine(DAY, dt.time(hour, minute))


def _morning(app) -> dict:
    """Two more employers, five candidates with a published plan, and an organizer."""
    from jobdating.core.accounts import create_organizer
    from jobdating.core.models import Candidate, Employer, Event, Interview, Wish
    from jobdating.extensions import db
    from jobdating.planning import publish

    with app.app_context():
        event = db.session.query(Event).one()
        clinic = db.session.query(Employer).one()
        clinic.first_table = 1
        logistics = Employer(event=event, company="Logistique Artois", email="rh@logistique.fr", first_table=2)
        digital = Employer(event=event, company="Numérique Lens", email="rh@numerique.fr", first_table=3)
        db.session.add_all([logistics, digital])
        names = [("Inès", "Haddad"), ("Karim", "Benali"), ("Léa", "Martin"), ("Hugo", "Lemaire"), ("Zoé", "Petit")]
        people = []
        for n, (first, last) in enumerate(names):
            person = Candidate(event=event, first_name=first, last_name=last, email=f"candidat{n}@exemple.fr",
                               consent_at=dt.datetime(2027, 1, 5, tzinfo=dt.UTC), available=[])
            person.wishes = [Wish(employer=e, rank=r) for r, e in enumerate([logistics, digital, clinic], 1)]
            people.append(person)
        db.session.add_all(people)
        db.session.flush()
        plan = [(0, logistics, "10:00"), (0, digital, "10:30"), (1, digital, "10:00"), (1, logistics, "10:30"),
                (2, logistics, "10:15"), (3, digital, "10:15"), (4, logistics, "11:00"), (4, digital, "11:30")]
        for n, employer, start in plan:
            begin = dt.datetime.strptime(start, "%H:%M")
            db.session.add(Interview(event=event, candidate=people[n], employer=employer, table=1, start=begin.time(),
                                     end=(begin + dt.timedelta(minutes=15)).time(), offers=[]))
        db.session.commit()
        publish.publish(event, None)
        create_organizer("accueil@exemple.fr", PASSWORD, "Accueil", admin=True)
        return {"event": event.id, "tokens": [p.badge_token for p in people], "logistics": logistics.id}


def test_a_morning_at_the_front_desk(live_server, browser, artifacts):
    app, base = live_server
    app.config["REPLAN_TIME_LIMIT"] = 3
    clock = Clock(app, 9, 40)
    day = _morning(app)
    event = day["event"]
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="fr-FR", accept_downloads=True)

    page.goto(f"{base}/login")
    page.fill("input[name=email]", "accueil@exemple.fr")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")

    # Three badges: the USB scanner types the QR link into the focused box, then Enter.
    page.goto(f"{base}/event/{event}/accueil")
    for n, token in enumerate([day["tokens"][0], day["tokens"][2], day["tokens"][3]]):
        page.keyboard.type(f"{base}/b/{token}")
        page.keyboard.press("Enter")
        page.wait_for_selector(".scan-result.ok")
        if n == 0:
            assert "Inès Haddad" in page.inner_text(".scan-result")
            assert "10:00 avec Logistique Artois" in page.inner_text(".scan-result")
            page.screenshot(path=str(artifacts / "frontdesk-checkin.png"), full_page=True)
        assert page.evaluate("document.activeElement.name") == "code"  # ready for the next badge
    assert "Hugo Lemaire" in page.inner_text(".scan-result .who")

    # A walk-in at the door.
    page.goto(f"{base}/event/{event}/sur-place")
    page.fill("input[name=first_name]", "Samir")
    page.fill("input[name=last_name]", "Ouali")
    page.fill("input[name=phone]", "06 12 34 56 78")
    page.select_option("select[name=wish1]", f"E{day['logistics']}")
    page.get_by_role("button", name="Inscrire et mettre en liste d'attente").click()
    assert "liste d'attente" in page.inner_text(".flashes")

    # 10:05: Karim missed his 10:00 interview; Zoé phoned to say she will not come.
    clock.set(10, 5)
    page.goto(f"{base}/event/{event}/tableau")
    assert "Karim Benali" in page.inner_text(".list-no_show")
    page.locator(".list-expected li", has_text="Zoé Petit").get_by_role("button").click()
    assert "Zoé Petit" in page.inner_text(".list-no_show")
    page.screenshot(path=str(artifacts / "frontdesk-board.png"), full_page=True)

    # Re-plan the rest of the day, then download the changed plans.
    page.goto(f"{base}/event/{event}/replanifier")
    page.get_by_role("button", name="Re-planifier maintenant").click()
    page.wait_for_selector("#changed-count", timeout=60_000)
    changed = page.inner_text("table.changes")
    assert "Samir Ouali" in changed and "Karim Benali" in changed and "Zoé Petit" in changed
    assert "Léa Martin" not in page.locator("table.changes .who").all_inner_texts()
    page.screenshot(path=str(artifacts / "frontdesk-replan.png"), full_page=True)
    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger les plannings modifiés").click()
    pdf = download.value.path().read_bytes()
    assert pdf.startswith(b"%PDF")
    page.close()
