"""In Chromium: the organizer imports a job centre's CSV of candidates with one bad row, sees the preview with the
error on the right row and no way to confirm, uploads the fixed file, confirms, and finds the candidates in the
event's list. The pages pass axe-core and fit a phone."""
from __future__ import annotations

import pytest
from browser_helpers import DESKTOP, check_page
from import_helpers import CANDIDATE_HEADER, csv_bytes

pytestmark = pytest.mark.browser

PASSWORD = "une phrase de passe"
PHONE = {"width": 390, "height": 844}
ROWS = [CANDIDATE_HEADER,
        ["Inès", "Haddad", "ines@exemple.fr", "06 12 34 56 78", "Étudiante", "Bac +2", "Santé Plus Artois"],
        ["Paul", "Martin", "paul.martin@exemple", "", "", "", "Aide-soignant·e"],
        ["Éloïse", "Lefèvre", "eloise@exemple.fr", "", "Demandeuse d'emploi", "", ""]]


def check(page, artifacts, name: str) -> None:
    check_page(page, artifacts, f"import-{name}", PHONE)


def choose(page, content: bytes) -> None:
    page.get_by_label("Fichier (.csv ou .xlsx)").set_input_files(
        {"name": "liste-agence.csv", "mimeType": "text/csv", "buffer": content})


def test_a_csv_import_with_one_bad_row(live_server, browser, artifacts):
    app, base = live_server
    from jobdating.core.accounts import create_organizer
    from jobdating.core.models import Candidate, Event
    from jobdating.extensions import db

    with app.app_context():
        create_organizer("orga@exemple.fr", PASSWORD, "Orga", admin=True)
        event_id = db.session.scalar(db.select(Event.id))
    context = browser.new_context(viewport=DESKTOP, locale="fr-FR")
    try:
        page = context.new_page()
        page.goto(f"{base}/login")
        page.fill("input[name=email]", "orga@exemple.fr")
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(lambda url: "/login" not in url)
        page.goto(f"{base}/organisateur/evenements/{event_id}/candidats")
        page.get_by_role("link", name="Importer une liste (CSV, Excel)").click()
        assert page.get_by_label("des candidats").is_checked()
        check(page, artifacts, "upload")

        choose(page, csv_bytes(ROWS, encoding="cp1252"))  # as Excel saves a CSV in France
        page.get_by_role("button", name="Vérifier le fichier").click()
        page.wait_for_selector("#import-summary")
        assert page.inner_text("#import-summary") == "2 lignes valides, 1 ligne en erreur."
        bad = page.locator("#ligne-3")
        assert bad.get_attribute("class") == "row-error"
        assert "« paul.martin@exemple » n'est pas une adresse e-mail valide" in bad.inner_text()
        assert page.locator("#ligne-2").get_attribute("class") is None
        assert page.locator("#ligne-4").get_attribute("class") is None
        assert "Rien ne peut être importé tant qu'une ligne est en erreur." in page.inner_text("#import-refused")
        assert page.locator("#import-confirm").count() == 0, "no way to confirm a list with an error"
        check(page, artifacts, "preview-error")

        fixed = [row if row[0] != "Paul" else [*row[:2], "paul.martin@exemple.fr", *row[3:]] for row in ROWS]
        choose(page, csv_bytes(fixed, separator=",", bom=True))
        page.get_by_role("button", name="Vérifier le fichier corrigé").click()
        page.wait_for_selector("#import-confirm")
        assert page.inner_text("#import-summary") == "3 lignes valides, 0 ligne en erreur."
        assert page.locator(".row-error").count() == 0
        check(page, artifacts, "preview-ok")

        page.locator("#import-confirm").click()
        page.wait_for_selector("#erreurs")  # the agreement box is required: nothing imported yet
        assert "l'import n'est possible qu'avec l'accord des personnes" in page.inner_text("#erreurs")
        page.get_by_label("Je confirme que les personnes de cette liste ont accepté", exact=False).check()
        page.locator("#import-confirm").click()
        page.wait_for_url(lambda url: url.endswith(f"/evenements/{event_id}/candidats"))
        assert "3 candidats importés." in page.inner_text(".flashes")
        names = page.locator("table.data tbody tr td:first-child").all_inner_texts()
        assert names == ["Haddad Inès", "Lefèvre Éloïse", "Martin Paul"]
        page.screenshot(path=str(artifacts / "import-done.png"), full_page=True)
    finally:
        context.close()
    with app.app_context():
        emails = db.session.scalars(db.select(Candidate.email).order_by(Candidate.email)).all()
        assert emails == ["eloise@exemple.fr", "ines@exemple.fr", "paul.martin@exemple.fr"]
