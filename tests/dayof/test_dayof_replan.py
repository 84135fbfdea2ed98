"""Re-planning the rest of the day: no-shows freed, departures respected, walk-ins placed, nobody else moved,
and only the people whose plan changed are told."""
from __future__ import annotations

import email
import html
import re
from pathlib import Path

from frontdesk_helpers import at

from jobdating.core import tasks as jobs
from jobdating.core.models import Candidate, SolveRun
from jobdating.dayof import replan
from jobdating.extensions import db


def plan_of(person) -> set[tuple]:
    db.session.refresh(person)
    return {(i.employer_id, i.table, i.start.strftime("%H:%M")) for i in person.interviews}


def recipients(app) -> list[str]:
    jobs.wait_all(timeout=30)
    found = []
    for path in sorted(Path(app.config["MAIL_DIR"]).glob("*.eml")):
        found.append(email.message_from_bytes(path.read_bytes())["To"])
        path.unlink()
    return found


def changed_names(page: str) -> list[str]:
    return sorted(re.findall(r'<span class="who">([^<]+)</span>', page))


def replan_now(client, event, allow_moves: bool = False):
    response = client.post(f"/event/{event.id}/replanifier", data={"allow_moves": "y"} if allow_moves else {})
    assert response.status_code == 302, response.get_data(as_text=True)
    run_id = int(response.headers["Location"].rstrip("/").split("/")[-1])
    jobs.wait(run_id, timeout=60)
    db.session.expire_all()
    run = db.session.get(SolveRun, run_id)
    assert run.error is None
    return run, html.unescape(client.get(f"/event/{event.id}/replanifier/{run_id}").get_data(as_text=True))


def test_a_no_shows_later_interview_goes_to_a_walk_in_and_nobody_else_moves(app, logged_in, clock, day):
    event, (logistics, digital), (ines, karim, lea) = day
    for person in (ines, lea):
        logged_in.post(f"/event/{event.id}/accueil", data={"code": person.token})
    clock.set(10, 5)  # Karim's 10:00 interview started without him
    logged_in.post(f"/event/{event.id}/sur-place", data={"first_name": "Samir", "last_name": "Ouali",
                                                         "email": "samir@exemple.fr", "wish1": f"E{logistics.id}"})
    samir = db.session.query(Candidate).filter_by(last_name="Ouali").one()
    before_ines, before_lea = plan_of(ines), plan_of(lea)
    recipients(app)

    run, page = replan_now(logged_in, event)

    assert plan_of(ines) == before_ines and plan_of(lea) == before_lea
    assert plan_of(karim) == {(digital.id, 1, "10:00")}  # held before now: it stays as it was
    (placed,) = plan_of(samir)
    assert placed[0] == logistics.id and placed[2] >= "10:15"
    assert changed_names(page) == ["Karim Benali", "Logistique Artois", "Samir Ouali"]
    assert replan.summary(run) == {"at": "10:05", "allow_moves": False, "absent": 1, "freed": 1, "kept": 3}


def test_publishing_after_a_re_plan_tells_only_the_people_whose_plan_changed(app, logged_in, clock, day):
    event, (logistics, _digital), (ines, karim, lea) = day
    for person in (ines, lea):
        logged_in.post(f"/event/{event.id}/accueil", data={"code": person.token})
    clock.set(10, 5)
    logged_in.post(f"/event/{event.id}/sur-place", data={"first_name": "Samir", "last_name": "Ouali",
                                                         "email": "samir@exemple.fr", "wish1": f"E{logistics.id}"})
    recipients(app)
    run, _page = replan_now(logged_in, event)
    response = logged_in.post(f"/event/{event.id}/replanifier/{run.id}/publier", follow_redirects=True)
    assert "3 personnes prévenues" in html.unescape(response.get_data(as_text=True))
    assert sorted(recipients(app)) == sorted([karim.email, "samir@exemple.fr", logistics.email])


def test_an_employer_leaving_early_frees_only_its_later_interviews(logged_in, clock, day):
    event, (logistics, digital), (ines, karim, lea) = day
    for person in (ines, karim, lea):
        logged_in.post(f"/event/{event.id}/accueil", data={"code": person.token})
    logged_in.post(f"/event/{event.id}/departs", data={"employer": digital.id, "leave_at": "10:30"})
    before_karim = plan_of(karim)

    _run, page = replan_now(logged_in, event)

    assert plan_of(karim) == before_karim  # his 10:00 with Numérique Lens ends before it leaves
    for person, kept in ((ines, "10:00"), (lea, "11:00")):
        plan = plan_of(person)
        assert (logistics.id, 1, kept) in plan
        assert all(start < "10:30" for employer, _table, start in plan if employer == digital.id)  # re-placed
    assert changed_names(page) == ["Inès Haddad", "Léa Martin", "Numérique Lens"]


def test_the_changed_plans_come_as_one_pdf(logged_in, clock, day):
    event, (_logistics, digital), people = day
    for person in people:
        logged_in.post(f"/event/{event.id}/accueil", data={"code": person.token})
    logged_in.post(f"/event/{event.id}/departs", data={"employer": digital.id, "leave_at": "10:30"})
    run, page = replan_now(logged_in, event)
    assert "plannings modifiés (PDF, 2)" in page
    response = logged_in.get(f"/event/{event.id}/replanifier/{run.id}/plannings.pdf")
    assert response.status_code == 200 and response.data.startswith(b"%PDF")


def test_without_allow_moves_every_valid_later_interview_is_locked(logged_in, clock, day):
    event, _employers, (ines, karim, lea) = day
    clock.set(9, 50)
    strict = replan.replan_input(event, at(9, 50), allow_moves=False)
    free = replan.replan_input(event, at(9, 50), allow_moves=True)
    assert len(strict.data["locked"]) == 6 and free.data["locked"] == []
    assert len(free.data["previous"]) == 6
    caps = {c["id"]: c.get("max_interviews") for c in strict.data["candidates"]}
    assert caps == {f"C{ines.id}": 2, f"C{karim.id}": 2, f"C{lea.id}": 2}


def test_a_re_plan_after_the_day_is_refused(logged_in, clock, day):
    event, _employers, _people = day
    clock.set(12, 0)
    response = logged_in.post(f"/event/{event.id}/replanifier", follow_redirects=True)
    assert "La journée est terminée" in html.unescape(response.get_data(as_text=True))
