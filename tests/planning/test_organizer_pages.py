"""The organizer's workspace: login required, events, settings, dashboard and people lists."""
from __future__ import annotations

import datetime as dt
import html

import pytest
from organizer_helpers import small_event, solve_now

from jobdating.core.models import AuditEntry, Candidate, Employer, Event
from jobdating.extensions import db

# A browser sends every wish select, the unused ones empty.
EMPTY_WISHES = {f"wishes-{n}": "" for n in range(1, 5)}


def test_every_organizer_page_requires_login(client, create_event):
    event = create_event()
    for path in ("/organisateur/", f"/organisateur/evenements/{event.id}",
                 f"/organisateur/evenements/{event.id}/planning"):
        response = client.get(path)
        assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_organizer_creates_an_event_with_breaks(logged_in):
    response = logged_in.post("/organisateur/evenements/nouveau", data={
        "name": "Job dating de Liévin", "date": "2027-05-20", "start_time": "09:00", "end_time": "12:00",
        "slot_minutes": "20", "breaks": "10:20-10:40", "max_wishes": "4", "table_rows": "3", "status": "open",
    })
    assert response.status_code == 302
    event = db.session.scalar(db.select(Event).where(Event.name == "Job dating de Liévin"))
    assert event.slug == "job-dating-de-lievin" and event.breaks == [["10:20", "10:40"]]
    assert db.session.scalar(db.select(AuditEntry.action).where(AuditEntry.event_id == event.id)) == "event.create"


@pytest.mark.parametrize("slug", ["login", "organisateur", "static", "event", "c"])
def test_an_event_cannot_take_an_address_the_software_uses(logged_in, slug):
    response = logged_in.post("/organisateur/evenements/nouveau", data={
        "name": "Job dating", "slug": slug, "date": "2027-05-20", "start_time": "09:00", "end_time": "12:00",
        "slot_minutes": "20", "max_wishes": "4", "table_rows": "3", "status": "open"})
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 200 and f"L'adresse « {slug} » est réservée" in page
    assert db.session.scalar(db.select(Event).where(Event.slug == slug)) is None


def test_settings_reject_an_end_before_the_start_and_keep_what_was_typed(logged_in, create_event):
    event = create_event()
    response = logged_in.post(f"/organisateur/evenements/{event.id}/reglages", data={
        "name": "Nom modifié", "date": "2027-03-18", "start_time": "12:00", "end_time": "09:00",
        "slot_minutes": "15", "max_wishes": "5", "table_rows": "4", "status": "open"})
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 200 and "L'heure de fin doit suivre l'heure de début." in page
    assert 'value="Nom modifié"' in page


def test_changing_the_slot_length_of_a_planned_event_warns_that_the_plan_is_invalid(
        logged_in, organizer, create_event, create_employer, create_candidate):
    event, *_ = small_event(create_event, create_employer, create_candidate)
    solve_now(event, organizer)
    response = logged_in.post(f"/organisateur/evenements/{event.id}/reglages", follow_redirects=True, data={
        "name": event.name, "slug": event.slug, "date": "2027-03-18", "start_time": "09:00", "end_time": "10:00",
        "slot_minutes": "20", "max_wishes": "5", "table_rows": "4", "status": "open"})
    assert "relancez « Générer le planning »" in response.get_data(as_text=True)


def test_dashboard_counts_and_flags_an_oversubscribed_employer(logged_in, create_event, create_employer,
                                                               create_candidate):
    event, first, second, people = small_event(create_event, create_employer, create_candidate, candidates=6)
    page = logged_in.get(f"/organisateur/evenements/{event.id}").get_data(as_text=True)
    assert "<strong>6</strong> candidats" in page and "<strong>2</strong> employeurs" in page
    assert "<strong>12</strong> vœux" in page
    # 6 candidates ask each employer, which can hold 4 interviews (4 slots x 1 table).
    assert page.count("Surchargé") == 2
    assert dt.date.today().isoformat() in page


def test_candidate_list_is_searchable(logged_in, create_event, create_candidate):
    event = create_event()
    create_candidate(event, first_name="Zoé", last_name="Lemaire")
    create_candidate(event, first_name="Karim", last_name="Benali")
    page = logged_in.get(f"/organisateur/evenements/{event.id}/candidats?q=lema").get_data(as_text=True)
    assert "Lemaire" in page and "Benali" not in page


def test_employer_list_is_searchable(logged_in, create_event, create_employer):
    event = create_event()
    create_employer(event, company="Logistique Artois")
    create_employer(event, company="Numérique Lens")
    page = logged_in.get(f"/organisateur/evenements/{event.id}/employeurs?q=artois").get_data(as_text=True)
    assert "Logistique Artois" in page and "Numérique Lens" not in page


def test_organizer_removes_a_candidate_and_it_is_audited(logged_in, create_event, create_candidate):
    event = create_event()
    candidate = create_candidate(event, last_name="Dupont")
    response = logged_in.post(f"/organisateur/evenements/{event.id}/candidats/{candidate.id}/retirer")
    assert response.status_code == 302
    assert db.session.get(Candidate, candidate.id) is None
    detail = db.session.scalar(db.select(AuditEntry.detail).where(AuditEntry.action == "rgpd.effacement"))
    assert "retiré par l'organisateur" in detail and "Dupont" not in detail  # audited without naming them


def test_organizer_removes_an_employer(logged_in, create_event, create_employer):
    event = create_event()
    employer = create_employer(event, offers=["Cariste"])
    logged_in.post(f"/organisateur/evenements/{event.id}/employeurs/{employer.id}/retirer")
    assert db.session.get(Employer, employer.id) is None


def test_organizer_signs_up_a_candidate_on_their_behalf_even_when_signup_is_closed(
        logged_in, create_event, create_employer, app):
    event = create_event(status="closed")
    employer = create_employer(event, offers=["Cariste"])
    response = logged_in.post(f"/organisateur/evenements/{event.id}/candidats/nouveau", data={
        "first_name": "Lucie", "last_name": "Martin", "email": "lucie@exemple.fr", "situation": "job_seeker",
        "wishes-0": f"E{employer.id}", **EMPTY_WISHES, "availability-kind": "day", "consent": "y"})
    assert response.status_code == 302, response.get_data(as_text=True)
    candidate = db.session.scalar(db.select(Candidate).where(Candidate.email == "lucie@exemple.fr"))
    assert [w.employer_id for w in candidate.wishes] == [employer.id]


def test_organizer_edits_a_candidate(logged_in, create_event, create_employer, create_candidate):
    event = create_event()
    employer = create_employer(event, offers=["Cariste"])
    candidate = create_candidate(event, wishes=[employer], last_name="Avant")
    assert logged_in.get(f"/organisateur/evenements/{event.id}/candidats/{candidate.id}").status_code == 200
    response = logged_in.post(f"/organisateur/evenements/{event.id}/candidats/{candidate.id}", data={
        "first_name": "Inès", "last_name": "Après", "email": candidate.email, "situation": "student",
        "wishes-0": f"E{employer.id}", **EMPTY_WISHES, "availability-kind": "day", "max_interviews": "2"})
    assert response.status_code == 302, response.get_data(as_text=True)
    assert candidate.last_name == "Après" and candidate.max_interviews == 2


def test_organizer_edits_an_employer(logged_in, create_event, create_employer):
    event = create_event()
    employer = create_employer(event, offers=["Cariste"])
    page = logged_in.get(f"/organisateur/evenements/{event.id}/employeurs/{employer.id}")
    assert page.status_code == 200 and "Cariste" in page.get_data(as_text=True)


def test_the_organizer_chooses_first_choices_over_fairness(logged_in, create_event):
    event = create_event()
    page = logged_in.get(f"/organisateur/evenements/{event.id}/reglages").text
    assert "Priorité du planning" in page and 'value="first_choices"' in page
    logged_in.post(f"/organisateur/evenements/{event.id}/reglages", data={
        "name": event.name, "slug": event.slug, "date": "2027-03-18", "start_time": "09:00", "end_time": "12:00",
        "slot_minutes": "15", "max_wishes": "5", "table_rows": "4", "status": "open",
        "plan_priority": "first_choices"})
    db.session.refresh(event)
    assert event.plan_priority == "first_choices"


def test_the_dashboard_draws_its_charts_as_svg(logged_in, organizer, create_event, create_employer,
                                                create_candidate):
    import re

    event, *_ = small_event(create_event, create_employer, create_candidate, candidates=6)
    page = logged_in.get(f"/organisateur/evenements/{event.id}").get_data(as_text=True)
    assert page.count('<svg class="chart"') == 2  # demand and sign-ups before a plan exists
    assert "<title>Demande et capacité par employeur</title>" in page
    # 6 asked each employer, which can hold 4: drawn in red with its capacity tick
    assert re.search(r'fill="#b3261e"><title>Logistique Artois : 6</title>', page)
    solve_now(event, organizer)
    page = logged_in.get(f"/organisateur/evenements/{event.id}").get_data(as_text=True)
    assert page.count('<svg class="chart"') == 4 and "<title>Charge de la journée</title>" in page
    assert "<script" not in page.split('<section class="charts"')[1].split("</section>")[0]
