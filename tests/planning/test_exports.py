"""Exports: solver input and plan as JSON (formats.md), the plan as CSV and Excel with formulas defused."""
from __future__ import annotations

import csv
import io

from openpyxl import load_workbook
from organizer_helpers import small_event, solve_now

from solver import load_instance, schedule_from_dict


def test_solver_input_export_loads_in_the_solver(logged_in, create_event, create_employer, create_candidate):
    event, *_ = small_event(create_event, create_employer, create_candidate)
    response = logged_in.get(f"/organisateur/evenements/{event.id}/export/entree.json")
    assert "attachment" in response.headers["Content-Disposition"]
    assert len(load_instance(response.get_json()).candidates) == 4


def test_plan_json_follows_the_schedule_format(logged_in, organizer, create_event, create_employer,
                                               create_candidate):
    event, *_ = small_event(create_event, create_employer, create_candidate)
    solve_now(event, organizer)
    data = logged_in.get(f"/organisateur/evenements/{event.id}/export/planning.json").get_json()
    schedule = schedule_from_dict(data)
    assert len(schedule.interviews) == 8 and data["stats"]["covered"] == 4
    assert data["solver"]["upper_bound_interviews"] == 8


def test_csv_lists_every_interview_and_defuses_formulas(logged_in, organizer, create_event, create_employer,
                                                        create_candidate):
    event, first, second, people = small_event(create_event, create_employer, create_candidate)
    people[0].last_name = "=HYPERLINK(\"http://evil\")"
    first.company = "@Logistique"
    solve_now(event, organizer)
    response = logged_in.get(f"/organisateur/evenements/{event.id}/export/planning.csv")
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    text = response.get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:4] == ["Début", "Fin", "Table", "Employeur"] and len(rows) == 9
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    assert any(cell == "'@Logistique" for row in rows for cell in row)


def test_excel_has_a_sheet_for_all_and_one_per_employer(logged_in, organizer, create_event, create_employer,
                                                        create_candidate):
    event, first, second, people = small_event(create_event, create_employer, create_candidate)
    people[1].first_name = "+33 6"
    solve_now(event, organizer)
    data = logged_in.get(f"/organisateur/evenements/{event.id}/export/planning.xlsx").get_data()
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Tous", "Logistique Artois", "Numérique Lens"]
    assert book["Tous"].max_row == 9 and book["Logistique Artois"].max_row == 5
    values = [c.value for row in book["Tous"].iter_rows() for c in row if isinstance(c.value, str)]
    assert any(v.startswith("'+33 6") for v in values) and not any(v.startswith("+") for v in values)


def test_unknown_export_is_not_found(logged_in, create_event):
    event = create_event()
    assert logged_in.get(f"/organisateur/evenements/{event.id}/export/secret.txt").status_code == 404


def test_a_walk_in_without_email_is_exported_with_an_empty_address_not_the_placeholder(
        logged_in, organizer, create_event, create_employer, create_candidate):
    from jobdating.core.people import placeholder_email
    from jobdating.extensions import db

    event, _first, _second, people = small_event(create_event, create_employer, create_candidate)
    people[0].email = placeholder_email()
    db.session.commit()
    solve_now(event, organizer)
    text = logged_in.get(f"/organisateur/evenements/{event.id}/export/planning.csv").get_data(as_text=True)
    assert ".invalid" not in text and people[1].email in text
