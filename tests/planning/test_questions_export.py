"""The organizer's export of the candidates: one column per question (the event's, then each offer's, labelled
with the offer), answers as people read them, formulas defused."""
from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from jobdating.core.models import Answer, Question, QuestionKind
from jobdating.extensions import db


def scene(create_event, create_employer, create_candidate):
    event = create_event(slug="jd-export")
    clinic = create_employer(event, company="Santé Plus Artois", offers=["Aide-soignant·e"])
    offer_id = clinic.offers[0].id
    licence = Question(event=event, kind=QuestionKind.YESNO, label="Avez-vous le permis B ?", position=1)
    when = Question(event=event, kind=QuestionKind.CHOICE, label="Disponibilité", choices=["Immédiate", "Plus tard"],
                    position=2)
    night = Question(event=event, offer_id=offer_id, kind=QuestionKind.TEXT, label="Travail de nuit ?",
                     position=1)
    db.session.add_all([licence, when, night])
    db.session.commit()
    ines = create_candidate(event, wishes=[clinic.offers[0]], first_name="Inès", last_name="Haddad",
                            wanted_contracts=["cdi"])
    hugo = create_candidate(event, wishes=[clinic], first_name="Hugo", last_name="Martin")
    for candidate, question, value in ((ines, licence, "yes"), (ines, when, "Immédiate"),
                                       (ines, night, "=SOMME(A1)"), (hugo, licence, "no")):
        db.session.add(Answer(event_id=event.id, candidate=candidate, question=question, value=value))
    db.session.commit()
    return event


def test_the_candidate_csv_has_a_column_per_question(logged_in, create_event, create_employer, create_candidate):
    event = scene(create_event, create_employer, create_candidate)
    response = logged_in.get(f"/organisateur/evenements/{event.id}/export/candidats.csv")
    assert response.status_code == 200 and response.headers["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff")), delimiter=";"))
    header = rows[0]
    assert header[:2] == ["Nom", "Prénom"]
    assert header[-3:] == ["Avez-vous le permis B ?", "Disponibilité",
                           "Travail de nuit ? (offre « Aide-soignant·e » — Santé Plus Artois)"]
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["Haddad"][-3:] == ["Oui", "Immédiate", "'=SOMME(A1)"]  # a formula is defused
    assert by_name["Martin"][-3:] == ["Non", "", ""]
    assert "1. Santé Plus Artois — Aide-soignant·e" in by_name["Haddad"] and "CDI" in by_name["Haddad"]


def test_the_candidate_workbook_has_the_same_columns(logged_in, create_event, create_employer, create_candidate):
    event = scene(create_event, create_employer, create_candidate)
    data = logged_in.get(f"/organisateur/evenements/{event.id}/export/candidats.xlsx").get_data()
    sheet = load_workbook(io.BytesIO(data)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][-1] == "Travail de nuit ? (offre « Aide-soignant·e » — Santé Plus Artois)"
    assert rows[1][0] == "Haddad" and rows[1][-3:] == ["Oui", "Immédiate", "'=SOMME(A1)"]


def test_the_candidate_export_is_linked_from_the_candidates_page(logged_in, create_event):
    event = create_event(slug="jd-lien")
    page = logged_in.get(f"/organisateur/evenements/{event.id}/candidats").text
    assert f"/organisateur/evenements/{event.id}/export/candidats.xlsx" in page
