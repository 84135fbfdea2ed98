"""The public search finds what people type: without accents, case or inclusive writing; whole companies."""
from __future__ import annotations

from html import unescape

import pytest
from signup_helpers import recorded_statements

from jobdating.core.search import feminine, fold, index_text, matches, query_terms
from jobdating.extensions import db


def found(text: str, query: str) -> bool:
    return matches(index_text([text]), query_terms(query))


@pytest.mark.parametrize("query", ["infirmière", "infirmiere", "INFIRMIER", "Infirmier·ère", "infirmier.ère",
                                   "infirmier(ère)", "infirmières", "infirm"])
def test_every_spelling_of_a_nurse_finds_the_inclusive_offer(query):
    assert found("Infirmier·ère", query)


@pytest.mark.parametrize(("text", "query"), [
    ("Électricien·ne du bâtiment", "electricien"), ("Électricien·ne du bâtiment", "électricienne batiment"),
    ("Développeur·se web", "developpeur"), ("Développeur·se web", "DÉVELOPPEUSE"),
    ("Préparateur·rice de commandes", "préparatrice"), ("Chef·fe de chantier", "cheffe"),
    ("Aide-soignant·e", "aide soignante"), ("Aide-soignant·e", "aide-soignant"), ("Agent·e·s de quai", "agentes"),
    ("Cœur de métier", "coeur"), ("Maçon·ne", "maconne"), ("Secrétaire médical·e", "médicale"),
])
def test_accents_case_and_inclusive_endings_are_ignored(text, query):
    assert found(text, query)


@pytest.mark.parametrize(("text", "query"), [
    ("Infirmier·ère", "électricien"), ("Cariste CACES", "infirmière"), ("Développeur·se web", "developpeur java"),
    ("Boulanger·ère", "oulanger"),  # words are found from their start, not from their middle
])
def test_a_query_needs_every_word_at_the_start_of_a_word(text, query):
    assert not found(text, query)


def test_folding_and_feminine_forms():
    assert fold("Œuvre d’Électricien") == "oeuvre d'electricien"
    assert [feminine(*pair) for pair in [("infirmier", "ere"), ("conducteur", "rice"), ("soudeur", "se"),
                                         ("chef", "fe"), ("agent", "e"), ("sportif", "ve")]] == [
        "infirmiere", "conductrice", "soudeuse", "cheffe", "agente", "sportive"]


@pytest.fixture
def town(create_event, create_employer):
    event = create_event(slug="jd-ville")
    create_employer(event, company="Santé Plus", sector="Santé", offers=["Infirmier·ère", "Aide-soignant·e"])
    create_employer(event, company="Boulangerie du Marché", sector="Agroalimentaire",
                    offers=["Boulanger·ère", "Vendeur·se", "Livreur·se"])
    create_employer(event, company="Lumière Lens", sector="BTP", offers=["Électricien·ne"])
    create_employer(event, company="Web Artois", sector="Numérique", offers=["Développeur·se web"])
    return event


def page(client, query: str) -> str:
    return unescape(client.get("/jd-ville", query_string={"q": query}).text)


@pytest.mark.parametrize("query", ["infirmière", "infirmiere", "INFIRMIER", "infirmier·ère"])
def test_the_event_page_finds_the_nurse_offer_however_it_is_typed(client, town, query):
    text = page(client, query)
    assert "1 employeur correspond à votre recherche" in text
    assert "Santé Plus" in text and "Boulangerie du Marché" not in text
    # The whole company: the matching offer first, its other offer below.
    assert text.index("Infirmier·ère") < text.index("1 autre offre de cette entreprise") < text.index("Aide-soignant")


@pytest.mark.parametrize(("query", "company"), [("electricien", "Lumière Lens"), ("developpeur", "Web Artois"),
                                                ("lumiere", "Lumière Lens"), ("agroalimentaire", "Boulangerie")])
def test_the_event_page_finds_offers_companies_and_sectors_without_accents(client, town, query, company):
    text = page(client, query)
    assert company in text and "1 employeur correspond" in text


def test_a_company_name_lists_all_its_offers(client, town):
    text = page(client, "boulangerie")
    assert all(title in text for title in ("Boulanger·ère", "Vendeur·se", "Livreur·se"))
    assert "autre offre" not in text and "autres offres" not in text


def test_no_result_is_said_once_in_the_singular(client, town):
    text = page(client, "astronaute")
    assert text.count("Aucun employeur ne correspond à cette recherche.") == 1
    assert "0 employeurs" not in text and "correspondent" not in text


def test_counts_follow_french_plural_rules(client, town):
    assert "4 employeurs" in page(client, "")
    assert "4 employeurs correspondent à votre recherche" in unescape(client.get("/jd-ville?contrat=cdi").text)
    assert "1 employeur correspond à votre recherche" in page(client, "web")


def test_the_event_page_costs_the_same_few_queries_for_any_number_of_employers(client, town, create_employer):
    def statements_for(query: str) -> int:
        db.session.expire_all()
        with recorded_statements() as statements:
            assert client.get("/jd-ville", query_string={"q": query}).status_code == 200
        return len(statements)

    small = statements_for("infirmière")
    for index in range(20):
        create_employer(town, company=f"Entreprise {index}", offers=["Cariste", "Soudeur·se"])
    assert statements_for("infirmière") == small <= 4


def test_word_forms_compare_names_without_case_accents_punctuation_or_inclusive_writing():
    from jobdating.core.search import word_forms

    assert word_forms("Demandeur·se d’emploi") == {"demandeur d emploi", "demandeuse d emploi"}
    assert word_forms("demandeuse d'emploi") & word_forms("Demandeur·se d’emploi")
    assert word_forms("E-MAIL") == word_forms("e mail") == {"e mail"}
    assert word_forms("Santé Plus Artois — Aide-soignant·e") & word_forms("sante plus artois aide soignante")
    assert not word_forms("Cariste") & word_forms("Caristes du Nord")
