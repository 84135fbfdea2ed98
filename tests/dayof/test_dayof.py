"""On the day: late and no-show rules with a frozen clock, the live board, walk-ins, departures, outcomes."""
from __future__ import annotations

import html
from pathlib import Path

import pytest
from frontdesk_helpers import Clock, at, local, morning

from jobdating.core import tasks as jobs
from jobdating.core.models import Candidate, Outcome
from jobdating.core.people import is_real_email
from jobdating.extensions import db


@pytest.fixture
def clock(app):
    return Clock(app, at(9, 40))


@pytest.fixture
def day(clock, create_event, create_employer, create_candidate):
    return morning(create_event, create_employer, create_candidate)


def board(client, event) -> dict:
    response = client.get(f"/event/{event.id}/tableau.json")
    assert response.status_code == 200
    return response.get_json()


def names(data, who, status) -> list[str]:
    return [line["name"] for line in data[who][status]]


def test_nobody_is_late_until_their_first_interview_is_less_than_15_minutes_away(logged_in, clock, day):
    event, _employers, _people = day
    clock.set(9, 45)
    assert names(board(logged_in, event), "candidates", "late") == []
    clock.set(9, 46)
    data = board(logged_in, event)
    assert names(data, "candidates", "late") == ["Inès Haddad", "Karim Benali"]
    assert names(data, "candidates", "expected") == ["Léa Martin"]
    assert data["counts"]["candidates"]["late"] == 2 and data["now"] == "09:46"


def test_a_candidate_not_here_when_an_interview_starts_is_a_no_show(logged_in, clock, day):
    event, _employers, (ines, karim, _lea) = day
    logged_in.post(f"/event/{event.id}/accueil", data={"code": ines.token})
    clock.set(10, 0)
    data = board(logged_in, event)
    assert names(data, "candidates", "no_show") == ["Karim Benali"]
    assert names(data, "candidates", "present") == ["Inès Haddad"]
    assert names(data, "candidates", "late") == []


def test_employers_follow_the_same_rules(logged_in, clock, day):
    event, (logistics, digital), _people = day
    logged_in.post(f"/event/{event.id}/accueil", data={"code": logistics.token})
    clock.set(10, 5)
    data = board(logged_in, event)
    assert names(data, "employers", "present") == ["Logistique Artois"]
    assert names(data, "employers", "no_show") == ["Numérique Lens"]


def test_the_desk_can_declare_someone_absent_before_their_interview_and_a_late_arrival_undoes_it(
        logged_in, clock, day):
    event, _employers, (_ines, _karim, lea) = day
    logged_in.post(f"/event/{event.id}/absent/{lea.id}")
    assert names(board(logged_in, event), "candidates", "no_show") == ["Léa Martin"]
    logged_in.post(f"/event/{event.id}/accueil", data={"code": lea.token})
    assert lea.absent_at is None
    assert "Léa Martin" in names(board(logged_in, event), "candidates", "present")


def test_someone_who_arrived_cannot_be_declared_absent(logged_in, day):
    event, _employers, (ines, _karim, _lea) = day
    logged_in.post(f"/event/{event.id}/accueil", data={"code": ines.token})
    response = logged_in.post(f"/event/{event.id}/absent/{ines.id}", follow_redirects=True)
    assert "déjà arrivé" in html.unescape(response.get_data(as_text=True))
    assert ines.absent_at is None


def test_the_board_page_shows_counts_and_refreshes_from_its_json(logged_in, day):
    event, _employers, _people = day
    text = html.unescape(logged_in.get(f"/event/{event.id}/tableau").get_data(as_text=True))
    assert "Tableau du jour" in text and f"/event/{event.id}/tableau.json" in text and "frontdesk.js" in text


def walk_in(client, event, **fields):
    data = {"first_name": "Samir", "last_name": "Ouali", "phone": "", "email": "", "wish1": "", "wish2": "",
            "wish3": ""}
    data.update(fields)
    return client.post(f"/event/{event.id}/sur-place", data=data, follow_redirects=True)


def test_a_walk_in_joins_the_waiting_list_available_from_now_on(app, logged_in, clock, day):
    event, (logistics, digital), _people = day
    clock.set(10, 7)
    response = walk_in(logged_in, event, phone="06 12 34 56 78", wish1=f"E{digital.id}", wish2=f"E{logistics.id}")
    assert "liste d'attente" in html.unescape(response.get_data(as_text=True))
    samir = db.session.query(Candidate).filter_by(last_name="Ouali").one()
    assert samir.walk_in and local(samir.arrived_at) == at(10, 7)
    assert samir.available == [["10:07", "12:00"]]
    assert [w.employer_id for w in samir.wishes] == [digital.id, logistics.id]
    assert not is_real_email(samir.email)
    jobs.wait_all(timeout=30)
    assert not list(Path(app.config["MAIL_DIR"]).glob("*.eml"))  # nobody to mail
    assert names(board(logged_in, event), "candidates", "waiting") == ["Samir Ouali"]


def test_a_walk_in_with_an_email_gets_the_private_link(app, logged_in, day):
    event, (logistics, _digital), _people = day
    walk_in(logged_in, event, email="samir@exemple.fr", wish1=f"E{logistics.id}")
    jobs.wait_all(timeout=30)
    assert len(list(Path(app.config["MAIL_DIR"]).glob("*.eml"))) == 1


def test_a_walk_in_needs_a_way_to_be_reached_and_a_wish(logged_in, day):
    event, _employers, _people = day
    text = html.unescape(walk_in(logged_in, event).get_data(as_text=True))
    assert "Indiquez un téléphone ou une adresse e-mail." in text
    assert "Choisissez au moins un employeur." in text
    assert 'value="Samir"' in text  # nothing typed is lost
    assert db.session.query(Candidate).filter_by(last_name="Ouali").count() == 0


def test_an_employer_leaving_early_keeps_only_the_time_before_it_leaves(logged_in, day):
    event, (_logistics, digital), _people = day
    logged_in.post(f"/event/{event.id}/departs", data={"employer": digital.id, "leave_at": "10:30"})
    assert digital.available == [["09:00", "10:30"]]
    response = logged_in.post(f"/event/{event.id}/departs", data={"employer": digital.id, "leave_at": "18:00"})
    assert "entre 09:00 et 12:00" in html.unescape(response.get_data(as_text=True))


def test_the_desk_marks_outcomes_and_exports_the_days_results(logged_in, day):
    event, (logistics, _digital), (ines, _karim, _lea) = day
    interview = next(i for i in ines.interviews if i.employer_id == logistics.id)
    logged_in.post(f"/event/{event.id}/entretiens/{interview.id}/resultat", data={"outcome": "follow_up"})
    assert interview.outcome == Outcome.FOLLOW_UP
    text = html.unescape(logged_in.get(f"/event/{event.id}/resultats").get_data(as_text=True))
    assert "Résultats des entretiens" in text
    csv_response = logged_in.get(f"/event/{event.id}/resultats.csv")
    assert csv_response.headers["Content-Type"] == "text/csv; charset=utf-8"
    csv_text = csv_response.get_data(as_text=True)
    assert "Inès Haddad" in csv_text and "Suite souhaitée" in csv_text


def test_the_employer_page_shows_the_outcome_and_the_score_recorded(client, day):
    # The phone page's one-tap outcome buttons became the scoring form (issue 17): it shows what was recorded.
    event, (logistics, _digital), (ines, _karim, _lea) = day
    mine = next(i for i in ines.interviews if i.employer_id == logistics.id)
    page = html.unescape(client.get(f"/e/{logistics.token}/resultats").get_data(as_text=True))
    assert " checked" not in page and "Non renseigné" in page
    response = client.post(f"/e/{logistics.token}/entretiens/{mine.id}/resultat", data={"outcome": "held"})
    assert response.headers["Location"].endswith(f"#entretien-{mine.id}")  # back at the same interview
    client.post(f"/e/{logistics.token}/entretiens/{mine.id}/evaluation", data={"rating": "3"})
    page = html.unescape(client.get(f"/e/{logistics.token}/resultats").get_data(as_text=True))
    assert page.count(" checked") == 1 and 'value="3" checked' in page and "Entretien tenu" in page


def test_an_employer_marks_outcomes_of_its_own_interviews_on_its_private_page(client, day):
    event, (logistics, digital), (ines, karim, _lea) = day
    mine = next(i for i in ines.interviews if i.employer_id == logistics.id)
    theirs = next(i for i in karim.interviews if i.employer_id == digital.id)
    page = html.unescape(client.get(f"/e/{logistics.token}/resultats").get_data(as_text=True))
    assert "Inès Haddad" in page and "Karim Benali" in page
    client.post(f"/e/{logistics.token}/entretiens/{mine.id}/resultat", data={"outcome": "held"})
    client.post(f"/e/{logistics.token}/entretiens/{theirs.id}/resultat", data={"outcome": "missed"})
    assert mine.outcome == Outcome.HELD
    assert theirs.outcome is None  # another employer's interview
    assert client.get("/e/not-a-real-token-at-all/resultats").status_code == 404


def test_the_days_results_carry_the_employers_rating_next_step_and_notes(logged_in, day):
    # What the organizer follows up after the day (a second interview, a job offer) is in the results file.
    import csv
    import io

    from jobdating.dayof import scoring
    event, (logistics, _digital), (ines, _karim, _lea) = day
    interview = next(i for i in ines.interviews if i.employer_id == logistics.id)
    scoring.score(interview, rating=4, notes="Très motivée ; permis B", next_step="job_offer", absent=False)
    rows = list(csv.reader(io.StringIO(
        logged_in.get(f"/event/{event.id}/resultats.csv").get_data(as_text=True).lstrip("\ufeff")), delimiter=";"))
    header, lines = rows[0], rows[1:]
    assert header[-3:] == ["Note (1 à 4)", "Suite souhaitée", "Notes de l'employeur"]
    (mine,) = [line for line in lines if line[4] == "Inès Haddad" and line[2] == "Logistique Artois"]
    assert mine[-3:] == ["4", "Offre d'emploi", "Très motivée ; permis B"]
    others = [line for line in lines if line is not mine]
    assert all(line[-3:] == ["", "", ""] for line in others)
