"""Checking an imported list row by row: every kind of row error, with its row number, its column and a French
message; duplicates inside the file and against the event; the values as they will be imported."""
from __future__ import annotations

import pytest
from import_helpers import CANDIDATE_HEADER, EMPLOYER_HEADER, csv_bytes

from jobdating.core.models import EducationLevel, Situation
from jobdating.planning.imports import check_rows


@pytest.fixture
def event(create_event, create_employer, create_candidate):
    event = create_event(max_wishes=3)
    create_employer(event, offers=["Aide-soignant·e"], company="Santé Plus Artois")
    create_employer(event, offers=["Cariste"], company="Logistique Artois")
    create_employer(event, offers=["Cariste", "Développeur·se"], company="Numérique Lens")
    create_employer(event, offers=["Poste secret"], company="Attente SA", approval_pending=True)
    create_candidate(event, email="deja@exemple.fr")
    return event


def candidates(event, *rows: list[str], header=CANDIDATE_HEADER):
    return check_rows(event, csv_bytes([header, *rows]), "liste.csv", "candidates")


def employers(event, *rows: list[str], header=EMPLOYER_HEADER):
    return check_rows(event, csv_bytes([header, *rows]), "entreprises.csv", "employers")


def problems(result) -> dict[int, list[tuple[str, str]]]:
    return {line.number: [(p.column, p.message) for p in line.problems] for line in result.lines if line.problems}


def row(first="Inès", last="Haddad", email="ines@exemple.fr", phone="", situation="", level="", wishes=""):
    return [first, last, email, phone, situation, level, wishes]


def test_a_good_row_shows_what_will_be_imported(app, event):
    result = candidates(event, row(phone="612345678", situation="demandeuse d'emploi", level="BTS",
                                   wishes="sante plus artois | Logistique Artois - cariste; developpeuse"))
    [line] = result.lines
    assert not line.problems and result.valid_count == 1 and result.wrong == []
    assert line.details["phone"] == "0612345678", "Excel drops the 0 of a number"
    assert line.details["situation"] == Situation.JOB_SEEKER and line.details["education_level"] == EducationLevel.BAC2
    assert line.shown["wishes"] == ("Santé Plus Artois ; Logistique Artois - Cariste ; "
                                    "Numérique Lens - Développeur·se")
    assert line.shown["situation"] == "Demandeur·se d'emploi"
    assert [key[0] for key in line.wishes] == ["E", "O", "O"]


def test_empty_optional_cells_take_the_defaults(app, event):
    [line] = candidates(event, row(email="  Ines@Exemple.FR ")).lines
    assert not line.problems
    assert line.details["email"] == "ines@exemple.fr" and line.details["situation"] == Situation.JOB_SEEKER
    assert line.details["education_level"] is None and line.wishes == []


def test_required_cells_too_long_cells_and_bad_formats_are_row_errors(app, event):
    result = candidates(event, row(first=""), row(last="x" * 101, email="b@exemple.fr"),
                        row(email="pas-une-adresse"), row(email=""), row(email="c@exemple.fr", phone="appelez-moi"))
    assert problems(result) == {
        2: [("Prénom", "Case vide : cette colonne est obligatoire.")],
        3: [("Nom", "100 caractères au plus (ici 101).")],
        4: [("E-mail", "« pas-une-adresse » n'est pas une adresse e-mail valide (exemple : prenom.nom@exemple.fr).")],
        5: [("E-mail", "Case vide : cette colonne est obligatoire.")],
        6: [("Téléphone", "« appelez-moi » n'est pas un numéro de téléphone (exemple : 06 12 34 56 78).")]}
    assert result.valid_count == 0 and len(result.wrong) == 5


def test_a_bad_postcode_is_a_row_error(app, event):
    header = [*CANDIDATE_HEADER, "Code postal", "Ville"]
    result = candidates(event, [*row(), "Lens (62)", "Lens"], header=header)
    assert problems(result) == {2: [("Code postal", "« Lens (62) » n'est pas un code postal (exemple : 62300).")]}


def test_an_unknown_situation_or_diploma_lists_the_accepted_values(app, event):
    result = candidates(event, row(situation="Retraité"), row(email="b@exemple.fr", level="CM2"))
    [(column, message)] = problems(result)[2]
    assert column == "Situation" and "« Retraité » n'est pas une valeur reconnue" in message
    assert "Demandeur·se d'emploi, Étudiant·e, Salarié·e, En reconversion, Autre" in message
    [(column, message)] = problems(result)[3]
    assert column == "Niveau de diplôme" and "Sans diplôme, CAP / BEP, Bac," in message


@pytest.mark.parametrize(("wishes", "message"), [
    ("Boulangerie Dupont", "« Boulangerie Dupont » ne correspond à aucune entreprise ni à aucune offre de ce job "
                           "dating."),
    ("Poste secret", "« Poste secret » ne correspond à aucune entreprise ni à aucune offre de ce job dating."),
    ("Cariste", "« Cariste » correspond à plusieurs offres (Logistique Artois - Cariste, Numérique Lens - Cariste) : "
                "écrivez « Entreprise - Offre »."),
    ("Santé Plus Artois; Logistique Artois; Numérique Lens; Aide-soignant", "Vous pouvez faire au plus 3 vœux."),
    ("Logistique Artois ; logistique artois", "Vous avez choisi deux fois la même chose : chaque vœu doit être "
                                              "différent."),
    ("Numérique Lens; Numérique Lens - Cariste", "Vous avez choisi une entreprise et aussi une de ses offres : "
                                                 "gardez l'une ou l'autre."),
])
def test_wishes_name_the_event_s_approved_employers_and_offers_under_the_sign_up_rules(app, event, wishes, message):
    assert problems(candidates(event, row(wishes=wishes))) == {2: [("Vœux", message)]}


def test_duplicates_inside_the_file_and_against_the_event_are_flagged_on_every_row(app, event):
    result = candidates(event, row(), row(first="Inès bis", email="INES@exemple.fr"), row(email="deja@exemple.fr"),
                        row(email="ines@exemple.fr"), row(email="autre@exemple.fr"))
    assert problems(result) == {
        2: [("E-mail", "Cette adresse figure aussi aux lignes 3, 5 du fichier.")],
        3: [("E-mail", "Cette adresse figure aussi aux lignes 2, 5 du fichier.")],
        5: [("E-mail", "Cette adresse figure aussi aux lignes 2, 3 du fichier.")]}
    # Someone already signed up is left out of the import, not an error that stops it.
    assert [(line.number, line.skipped) for line in result.skipped] == [
        (4, "Cette adresse est déjà inscrite à ce job dating : la ligne sera ignorée.")]
    assert result.valid_count == 1
    pair = candidates(event, row(), row(email="ines@exemple.fr"))
    assert problems(pair)[2] == [("E-mail", "Cette adresse figure aussi à la ligne 3 du fichier.")]


def test_cells_beyond_the_header_are_a_row_error(app, event):
    result = check_rows(event, b"Prenom,Nom,E-mail\nInes,Haddad,ines@exemple.fr,Lens, 62300\n", "l.csv", "candidates")
    [(column, message)] = problems(result)[2]
    assert column == "" and "au-delà des colonnes de l'en-tête" in message and "guillemets" in message


def test_unknown_columns_are_listed_as_ignored(app, event):
    result = candidates(event, [*row(), "rien"], header=[*CANDIDATE_HEADER, "Conseiller"])
    assert result.ignored == ["Conseiller"] and result.valid_count == 1
    assert [column.name for column in result.columns] == ["first_name", "last_name", "email", "phone", "situation",
                                                          "education_level", "wishes"]


# Employers ---------------------------------------------------------------------------------------------------

def employer(company="Bâti Nord", contact="Paul Martin", email="rh@batinord.fr", phone="03 21 00 00 00",
             sector="btp", offers="Maçon·ne; Chef·fe de chantier (CDD)", contract="CDI", tables=""):
    return [company, contact, email, phone, sector, offers, contract, tables]


def test_a_good_employer_row_has_its_offers_with_their_contracts(app, event):
    [line] = employers(event, employer(tables="2")).lines
    assert not line.problems
    assert line.details | {"description": ""} == {"company": "Bâti Nord", "contact_name": "Paul Martin",
                                                   "email": "rh@batinord.fr", "phone": "03 21 00 00 00",
                                                   "sector": "BTP", "tables": 2, "description": ""}
    assert [(offer["title"], offer["contract_type"]) for offer in line.offers] == [
        ("Maçon·ne", "cdi"), ("Chef·fe de chantier", "cdd")]
    assert line.shown["offers"] == "Maçon·ne (CDI) ; Chef·fe de chantier (CDD)"


def test_brackets_that_are_no_contract_stay_in_the_title(app, event):
    [line] = employers(event, employer(offers="Cariste (H/F)")).lines
    assert [offer["title"] for offer in line.offers] == ["Cariste (H/F)"] and not line.problems


@pytest.mark.parametrize(("values", "column", "message"), [
    (dict(company=""), "Entreprise", "Case vide : cette colonne est obligatoire."),
    (dict(sector="Banque"), "Secteur", "« Banque » n'est pas une valeur reconnue ; écrivez l'une de celles-ci : "
                                       "Logistique, Numérique, Santé, Green tech, Robotique, Industrie, "
                                       "Agroalimentaire, BTP, Autre."),
    (dict(tables="11"), "Tables", "Indiquez un nombre de tables entre 1 et 10."),
    (dict(tables="deux"), "Tables", "Indiquez un nombre de tables entre 1 et 10."),
    (dict(offers=""), "Offres", "Indiquez au moins une offre (l'intitulé d'un poste)."),
    (dict(offers="Maçon", contract=""), "Offres", "Précisez le contrat de « Maçon » : entre parenthèses après "
                                                  "l'intitulé (« Maçon (CDI) »), ou dans la colonne « Type de "
                                                  "contrat »."),
    (dict(offers="Maçon; maçon (CDD)"), "Offres", "L'offre « maçon » est écrite deux fois."),
    (dict(contract="Bénévolat"), "Type de contrat", "« Bénévolat » n'est pas une valeur reconnue ; écrivez l'une de "
                                                    "celles-ci : CDI, CDD, Alternance, Stage, Intérim."),
])
def test_every_employer_row_error(app, event, values, column, message):
    assert (column, message) in problems(employers(event, employer(**values)))[2]


@pytest.mark.parametrize(("values", "reason"), [
    (dict(company="Santé Plus ARTOIS"), "Une entreprise de ce nom est déjà inscrite à ce job dating : la ligne sera "
                                        "ignorée."),
    (dict(email="rh1@exemple.fr"), "Cette adresse est déjà inscrite à ce job dating : la ligne sera ignorée.")])
def test_an_employer_already_signed_up_is_left_out(app, event, values, reason):
    result = employers(event, employer(**values), employer(company="Nouvelle entreprise", email="new@exemple.fr"))
    assert [line.skipped for line in result.lines] == [reason, ""]
    assert not result.wrong and result.valid_count == 1


def test_employers_repeated_in_the_file_are_flagged(app, event):
    result = employers(event, employer(), employer(company="BATI NORD", email="contact@batinord.fr"),
                       employer(company="Autre", email="RH@batinord.fr"))
    assert problems(result) == {
        2: [("E-mail", "Cette adresse figure aussi à la ligne 4 du fichier."),
            ("Entreprise", "Cette entreprise figure aussi à la ligne 3 du fichier.")],
        3: [("Entreprise", "Cette entreprise figure aussi à la ligne 2 du fichier.")],
        4: [("E-mail", "Cette adresse figure aussi à la ligne 2 du fichier.")]}
