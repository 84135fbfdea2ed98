"""Adjusting a plan by hand: lock, move, remove, add; moves that break a rule are refused with the reason."""
from __future__ import annotations

import datetime as dt
import html

from organizer_helpers import small_event, solve_now

from jobdating.core.models import AuditEntry, Decision, Interview
from jobdating.extensions import db


def _interview(event, candidate, employer, hour, minute, table=1, locked=False):
    start = dt.time(hour, minute)
    end = (dt.datetime.combine(event.date, start) + dt.timedelta(minutes=event.slot_minutes)).time()
    row = Interview(event=event, candidate=candidate, employer=employer, table=table, start=start, end=end,
                    locked=locked)
    db.session.add(row)
    db.session.commit()
    return row


def _page(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def test_locking_an_interview_keeps_it_when_re_planning(logged_in, organizer, create_event, create_employer,
                                                        create_candidate):
    event, first, second, people = small_event(create_event, create_employer, create_candidate)
    kept = _interview(event, people[0], first, 9, 45)
    logged_in.post(f"/organisateur/evenements/{event.id}/entretiens/{kept.id}/verrou")
    assert kept.locked
    solve_now(event, organizer)
    again = db.session.scalar(db.select(Interview).where(Interview.candidate_id == people[0].id,
                                                         Interview.employer_id == first.id))
    assert again.start == dt.time(9, 45) and again.locked
    assert db.session.scalar(db.select(AuditEntry.id).where(AuditEntry.action == "planning.lock"))


def test_moving_an_interview_to_a_free_slot_is_accepted(logged_in, create_event, create_employer,
                                                        create_candidate):
    event, first, second, people = small_event(create_event, create_employer, create_candidate)
    item = _interview(event, people[0], first, 9, 0)
    response = logged_in.post(f"/organisateur/evenements/{event.id}/entretiens/{item.id}",
                              data={"start": "09:30", "table": "1"}, follow_redirects=True)
    assert "Entretien déplacé et verrouillé" in _page(response)
    assert item.start == dt.time(9, 30) and item.end == dt.time(9, 45) and item.locked


def test_moving_onto_a_busy_table_is_refused_with_the_reason(logged_in, create_event, create_employer,
                                                             create_candidate):
    event, first, second, people = small_event(create_event, create_employer, create_candidate)
    item = _interview(event, people[0], first, 9, 0)
    _interview(event, people[1], first, 9, 15)
    response = logged_in.post(f"/organisateur/evenements/{event.id}/entretiens/{item.id}",
                              data={"start": "09:15", "table": "1"}, follow_redirects=True)
    page = _page(response)
    assert "Déplacement refusé" in page and "La table 1 de Logistique Artois est déjà prise à 09:15" in page
    assert item.start == dt.time(9, 0)


def test_moving_a_candidate_onto_another_of_their_interviews_is_refused(logged_in, create_event,
                                                                        create_employer, create_candidate):
    event, first, second, people = small_event(create_event, create_employer, create_candidate)
    item = _interview(event, people[0], first, 9, 0)
    _interview(event, people[0], second, 9, 30)
    page = _page(logged_in.post(f"/organisateur/evenements/{event.id}/entretiens/{item.id}",
                                data={"start": "09:30", "table": "1"}, follow_redirects=True))
    assert "a déjà un entretien à 09:30 (Numérique Lens)" in page


def test_moving_outside_the_employers_presence_is_refused(logged_in, create_event, create_employer,
                                                          create_candidate):
    event, first, second, people = small_event(create_event, create_employer, create_candidate)
    first.available = [["09:00", "09:30"]]
    db.session.commit()
    item = _interview(event, people[0], first, 9, 0)
    page = _page(logged_in.post(f"/organisateur/evenements/{event.id}/entretiens/{item.id}",
                                data={"start": "09:45", "table": "1"}, follow_redirects=True))
    assert "Logistique Artois n'est pas présent à 09:45." in page


def test_adding_an_interview_the_employer_declined_is_refused(logged_in, create_event, create_employer,
                                                              create_candidate, preselect):
    event, first, second, people = small_event(create_event, create_employer, create_candidate)
    preselect(first, people[0], Decision.DECLINED)
    page = _page(logged_in.post(f"/organisateur/evenements/{event.id}/entretiens/ajouter", data={
        "candidate": people[0].id, "employer": first.id, "table": "1", "start": "09:00", "locked": "y"}))
    assert "Ajout refusé" in page and "a décliné" in page
    assert db.session.scalar(db.select(db.func.count(Interview.id))) == 0


def test_adding_an_interview_by_hand_locks_it(logged_in, create_event, create_employer, create_candidate):
    event, first, second, people = small_event(create_event, create_employer, create_candidate)
    response = logged_in.post(f"/organisateur/evenements/{event.id}/entretiens/ajouter", data={
        "candidate": people[1].id, "employer": second.id, "table": "1", "start": "09:15", "locked": "y"})
    assert response.status_code == 302
    added = db.session.scalar(db.select(Interview))
    assert (added.candidate_id, added.start, added.locked) == (people[1].id, dt.time(9, 15), True)


def test_removing_an_interview(logged_in, create_event, create_employer, create_candidate):
    event, first, second, people = small_event(create_event, create_employer, create_candidate)
    item = _interview(event, people[0], first, 9, 0)
    page = _page(logged_in.get(f"/organisateur/evenements/{event.id}/entretiens/{item.id}"))
    assert f'href="/organisateur/evenements/{event.id}/entretiens/{item.id}/retirer"' in page
    logged_in.post(f"/organisateur/evenements/{event.id}/entretiens/{item.id}/retirer")
    assert db.session.scalar(db.select(db.func.count(Interview.id))) == 0


def test_an_interview_of_another_event_is_not_found(logged_in, create_event, create_employer, create_candidate):
    event, first, second, people = small_event(create_event, create_employer, create_candidate)
    other = create_event()
    item = _interview(event, people[0], first, 9, 0)
    assert logged_in.get(f"/organisateur/evenements/{other.id}/entretiens/{item.id}").status_code == 404
