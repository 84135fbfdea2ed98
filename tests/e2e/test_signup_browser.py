"""In Chromium: an employer signs up with two offers, a candidate with three ranked wishes and a CV, and the
employer preselects the candidate; every page passes axe-core (WCAG 2.1 AA) and fits a 360-pixel screen."""
from __future__ import annotations

import pytest
from browser_helpers import DESKTOP, check_page

pytestmark = pytest.mark.browser

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PHONE = {"width": 360, "height": 740}


def check(page, artifacts, name: str) -> None:
    check_page(page, artifacts, f"signup-{name}", PHONE)


def tick(page, company: str, option: str) -> None:
    """Tick a company's or an offer's box in the wish picker."""
    page.locator(f'[data-company="{company}"] label', has_text=option).locator("input").check()


def wishes(page) -> list[str]:
    """The chosen wishes, in rank order, as the page lists them."""
    return page.locator("[data-wish-list] .wish-text").all_inner_texts()


def test_employer_and_candidate_sign_up_and_the_employer_preselects(live_server, browser, artifacts):
    app, base = live_server
    employer_context = browser.new_context(viewport=DESKTOP, locale="fr-FR", accept_downloads=True)
    candidate_context = browser.new_context(viewport=DESKTOP, locale="fr-FR")
    try:
        employer_url = _employer_signs_up(employer_context.new_page(), base, artifacts)
        candidate_url = _candidate_signs_up(candidate_context.new_page(), base, artifacts)
        _employer_preselects(employer_context.new_page(), employer_url, artifacts)
        _candidate_sees_their_wishes(candidate_context.new_page(), candidate_url, artifacts)
    finally:
        employer_context.close()
        candidate_context.close()

    from jobdating.core.models import Candidate, Decision
    from jobdating.extensions import db
    with app.app_context():
        candidate = db.session.query(Candidate).one()
        assert [p.decision for p in candidate.preselections] == [Decision.FAVOURITE]
        assert candidate.available == [["10:00", "15:00"]]


def _employer_signs_up(page, base, artifacts) -> str:
    page.goto(f"{base}/jd-lens")
    assert page.get_by_role("heading", name="Job dating de Lens").is_visible()
    check(page, artifacts, "event")
    page.get_by_role("link", name="Inscrire mon entreprise").click()
    check(page, artifacts, "employer-form")
    page.fill("#company", "Fibres du Nord")
    page.select_option("#sector", "Numérique")
    page.fill("#contact_name", "Claire Petit")
    page.fill("#email", "rh@fibres-du-nord.fr")
    page.fill("#phone", "03 21 00 00 00")
    page.fill("#tables", "2")
    page.fill("#offers-0-title", "Technicien·ne fibre")
    page.select_option("#offers-0-contract_type", "cdi")
    page.fill("#offers-0-tables", "1")
    page.fill("#offers-1-title", "Alternant·e réseaux")
    page.select_option("#offers-1-contract_type", "alternance")
    page.get_by_role("button", name="+ Ajouter une offre").click()  # JavaScript adds a third, empty row
    assert page.locator("#offers-2-title").input_value() == ""
    page.check("#consent")
    page.get_by_role("button", name="Valider l'inscription").click()
    assert page.get_by_role("heading", name="Merci, votre inscription est enregistrée").is_visible()
    check(page, artifacts, "employer-done")
    page.get_by_role("link", name="Ouvrir l'espace de l'entreprise").click()
    assert "Personne n'a encore choisi votre entreprise" in page.content()
    return page.url


def _candidate_signs_up(page, base, artifacts) -> str:
    page.goto(f"{base}/jd-lens")
    page.fill("#q", "fibre")
    page.get_by_role("button", name="Filtrer").click()
    assert "Fibres du Nord" in page.content() and "Santé Plus Artois" not in page.content()
    page.get_by_role("link", name="Je m'inscris").click()
    check(page, artifacts, "candidate-form")
    page.fill("#last_name", "Haddad")
    page.fill("#email", "ines.haddad@exemple.fr")
    tick(page, "Fibres du Nord", "Alternant·e réseaux")
    tick(page, "Santé Plus Artois", "Toute l'entreprise")
    tick(page, "Fibres du Nord", "Technicien·ne fibre")
    assert wishes(page) == ["Alternant·e réseaux (Alternance) — Fibres du Nord",
                            "Santé Plus Artois — toute l'entreprise", "Technicien·ne fibre (CDI) — Fibres du Nord"]
    page.set_input_files("#cv", files=[{"name": "cv-ines.pdf", "mimeType": "application/pdf", "buffer": PDF}])
    page.get_by_role("button", name="Valider mon inscription").click()
    # The first name was forgotten: the error is next to the field and in the summary, which has the focus; the
    # rest is kept, the CV (which was fine) must be chosen again.
    assert page.locator("#first_name-erreur").inner_text() == "Indiquez votre prénom."
    from playwright.sync_api import expect

    expect(page.locator("#erreurs")).to_be_focused()
    page.get_by_role("link", name="Prénom : Indiquez votre prénom.").click()
    expect(page.locator("#first_name")).to_be_focused()
    assert page.locator("#last_name").input_value() == "Haddad"
    assert "choisissez-le à nouveau" in page.content() and len(wishes(page)) == 3
    check(page, artifacts, "candidate-form-errors")
    # A CV over the limit is refused in the page at once, before a long upload the server would refuse whole.
    big = {"name": "gros-cv.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-" + b"0" * (5 * 1024 * 1024)}
    page.set_input_files("#cv", files=[big])
    assert "plus de 5 Mo" in page.locator("#cv-taille").inner_text()
    page.fill("#first_name", "Inès")
    page.get_by_role("button", name="Monter le vœu n° 3").click()  # JavaScript swaps rows 2 and 3 in place
    assert wishes(page) == ["Alternant·e réseaux (Alternance) — Fibres du Nord",
                            "Technicien·ne fibre (CDI) — Fibres du Nord", "Santé Plus Artois — toute l'entreprise"]
    page.check("#availability-kind-3")
    page.fill("#availability-start", "10:00")
    page.fill("#availability-end", "15:00")
    page.set_input_files("#cv", files=[{"name": "cv-ines.pdf", "mimeType": "application/pdf", "buffer": PDF}])
    assert page.locator("#cv-taille").count() == 0
    page.check("#consent")
    page.get_by_role("button", name="Valider mon inscription").click()
    assert page.get_by_role("heading", name="Merci, votre inscription est enregistrée").is_visible()
    check(page, artifacts, "candidate-done")
    page.get_by_role("link", name="Ouvrir mon espace privé").click()
    return page.url


def _employer_preselects(page, url, artifacts) -> None:
    page.goto(url)
    card = page.locator("li.wisher", has_text="Inès Haddad")
    assert "Vœu n° 1 : Alternant·e réseaux" in card.inner_text()
    assert "Vœu n° 2 : Technicien·ne fibre" in card.inner_text()
    with page.expect_download() as download:
        card.get_by_role("link", name="Télécharger le CV de Inès Haddad").click()
    assert download.value.suggested_filename == "CV Inès Haddad.pdf"
    card.get_by_role("button", name="Favori Inès Haddad").click()  # saved in the page (fetch), no reload
    from playwright.sync_api import expect

    expect(card.locator("[data-wisher-status]")).to_have_text("Enregistré : Favori.")
    assert page.locator("li.wisher", has_text="Inès Haddad").locator(".badge").inner_text() == "Favori"
    check(page, artifacts, "employer-home")
    page.get_by_role("link", name="Modifier l'inscription et les offres").click()
    assert page.locator("#offers-1-title").input_value() == "Alternant·e réseaux"
    check(page, artifacts, "employer-edit")


def _candidate_sees_their_wishes(page, url, artifacts) -> None:
    page.goto(url)
    assert page.get_by_role("heading", name="Bonjour Inès").is_visible()
    assert wishes(page)[1] == "Technicien·ne fibre (CDI) — Fibres du Nord"
    assert page.locator("#availability-start").is_visible()
    check(page, artifacts, "candidate-home")
    page.get_by_role("link", name="Me désinscrire et supprimer mes données").click()
    check(page, artifacts, "candidate-withdraw")
