"""On a phone, in Chromium: a badge checked in by camera (a QR code fed through Chromium's fake video capture),
a freed slot filled from Créneaux libres, and a score recorded at the table without a page reload."""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from conftest import CHROMIUM, CHROMIUM_ARGS
from qr_video import write_y4m

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PASSWORD = "badges et cafe du matin"
DAY = dt.date(2027, 3, 18)
PHONE = {"width": 390, "height": 844}


def _day(app) -> dict:
    """Two employers present; Inès here without a Logistique interview, Karim expected (10:30 Numérique), Léa
    (11:00 Logistique) declared absent."""
    from jobdating.core.accounts import create_organizer
    from jobdating.core.models import Candidate, Employer, Event, Interview, Wish
    from jobdating.core.times import utcnow
    from jobdating.extensions import db
    from jobdating.planning import publish

    with app.app_context():
        event = db.session.query(Event).one()
        logistics = Employer(event=event, company="Logistique Artois", email="rh@logistique.fr", first_table=2,
                             sector="Logistique", arrived_at=utcnow())
        digital = Employer(event=event, company="Numérique Lens", email="rh@numerique.fr", first_table=3,
                           sector="Numérique", arrived_at=utcnow())
        db.session.add_all([logistics, digital])
        people = {}
        for first, last, wished in (("Inès", "Haddad", [logistics, digital]), ("Karim", "Benali", [digital]),
                                    ("Léa", "Martin", [logistics])):
            person = Candidate(event=event, first_name=first, last_name=last, email=f"{last.lower()}@exemple.fr",
                               consent_at=dt.datetime(2027, 1, 5, tzinfo=dt.UTC), available=[])
            person.wishes = [Wish(employer=e, rank=r) for r, e in enumerate(wished, 1)]
            people[first] = person
        db.session.add_all(people.values())
        db.session.flush()
        for first, employer, start in (("Inès", digital, "10:00"), ("Karim", digital, "10:30"),
                                       ("Léa", logistics, "11:00")):
            begin = dt.datetime.strptime(start, "%H:%M")
            db.session.add(Interview(event=event, candidate=people[first], employer=employer, table=1,
                                     start=begin.time(), end=(begin + dt.timedelta(minutes=15)).time(), offers=[]))
        db.session.commit()
        publish.publish(event, None)
        people["Inès"].arrived_at = utcnow()
        people["Léa"].absent_at = utcnow()
        db.session.commit()
        create_organizer("accueil@exemple.fr", PASSWORD, "Accueil", admin=True)
        return {"event": event.id, "karim_badge": people["Karim"].badge_token, "karim": people["Karim"].id,
                "ines": people["Inès"].id, "logistics": logistics.id, "logistics_token": logistics.token}


def test_camera_check_in_free_slot_and_score_on_a_phone(live_server, tmp_path, artifacts):
    from playwright.sync_api import sync_playwright

    from jobdating.core.models import Candidate, Interview
    from jobdating.extensions import db

    app, base = live_server
    app.config["CLOCK"] = lambda: dt.datetime.combine(DAY, dt.time(10, 20)).replace(tzinfo=ZoneInfo("Europe/Paris"))
    day = _day(app)
    event = day["event"]
    video = write_y4m(tmp_path / "badge.y4m", f"{base}/b/{day['karim_badge']}")
    args = [*CHROMIUM_ARGS, "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
            f"--use-file-for-fake-video-capture={video}"]
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=args)
        context = chromium.new_context(viewport=PHONE, locale="fr-FR", is_mobile=True, has_touch=True)
        context.grant_permissions(["camera"], origin=base)
        page = context.new_page()
        page.goto(f"{base}/login")
        page.fill("input[name=email]", "accueil@exemple.fr")
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")

        # 1. The desk's phone: the camera reads Karim's badge and checks him in.
        page.goto(f"{base}/event/{event}/accueil")
        page.click("[data-camera-toggle]")
        page.wait_for_selector(".scan-result.ok", timeout=30_000)
        assert "Karim Benali" in page.inner_text(".scan-result")
        assert "Bienvenue" in page.inner_text(".scan-result")
        page.wait_for_selector("[data-camera-engine]", timeout=15_000)  # it started again for the next badge
        assert page.get_attribute("[data-camera]", "data-camera-engine") in ("jsqr", "barcode-detector")
        page.screenshot(path=str(artifacts / "phone-camera-checkin.png"), full_page=True)
        page.click("[data-camera-toggle]")  # stop
        with app.app_context():
            assert db.session.get(Candidate, day["karim"]).arrived_at is not None

        # 2. Créneaux libres: Léa's 11:00 at Logistique goes to Inès in one click.
        page.goto(f"{base}/event/{event}/creneaux-libres")
        slot = page.locator(".free-slot", has_text="Léa Martin absent·e")
        assert "Inès Haddad" in slot.inner_text()
        page.screenshot(path=str(artifacts / "phone-free-slots.png"), full_page=True)
        slot.locator(".proposals li", has_text="Inès Haddad").get_by_role("button", name="Attribuer").click()
        page.wait_for_selector("#sms-text")
        assert "11:00 avec Logistique Artois" in page.inner_text(".scan-result")
        assert "un entretien vous attend à 11:00 avec Logistique Artois" in page.input_value("#sms-text")

        # 3. The employer's phone: score Inès without leaving the page.
        page.goto(f"{base}/e/{day['logistics_token']}/resultats")
        page.evaluate("window.__stayed = true")
        card = page.locator(".score-card", has_text="Inès Haddad")
        card.locator("label.rating-choice", has_text="4").click()
        card.locator("select[name=next_step]").select_option("second_interview")
        card.locator("textarea[name=notes]").fill("Très motivée")
        card.get_by_role("button", name="Enregistrer").click()
        page.wait_for_selector(".score-status.ok")  # wait_for_function would need 'unsafe-eval' in the CSP
        assert "Enregistré pour Inès Haddad." in card.locator("[data-score-status]").inner_text()
        assert page.evaluate("window.__stayed === true")  # no reload
        page.screenshot(path=str(artifacts / "phone-scoring.png"), full_page=True)
        with app.app_context():
            interview = db.session.query(Interview).filter_by(candidate_id=day["ines"],
                                                              employer_id=day["logistics"]).one()
            assert (interview.rating, interview.next_step, interview.notes) == (4, "second_interview", "Très motivée")
        context.close()
        chromium.close()
