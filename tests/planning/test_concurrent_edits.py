"""Two organizers at once: a conflicting hand change gets a French message and the current state, never a 500
and never a silent overwrite."""
from __future__ import annotations

import datetime as dt
import html
import threading

import pytest
from organizer_helpers import small_event

from jobdating.core.models import Interview
from jobdating.extensions import db
from jobdating.planning import adjust

PASSWORD = "mot-de-passe-solide"


def _interview(event, candidate, employer, hour, minute, table=1):
    start = dt.time(hour, minute)
    end = (dt.datetime.combine(event.date, start) + dt.timedelta(minutes=event.slot_minutes)).time()
    row = Interview(event=event, candidate=candidate, employer=employer, table=table, start=start, end=end)
    db.session.add(row)
    db.session.commit()
    return row


def _organizer_client(app, organizer):
    client = app.test_client()
    assert client.post("/login", data={"email": organizer.email, "password": PASSWORD}).status_code == 302
    return client


def _move(event, interview, start: str, version: int | None = None) -> tuple[str, dict]:
    data = {"start": start, "table": "1"}
    if version is not None:
        data["version"] = str(version)
    return f"/organisateur/evenements/{event.id}/entretiens/{interview.id}", data


def test_a_move_from_a_page_shown_before_somebody_elses_move_is_refused(logged_in, create_event, create_employer,
                                                                        create_candidate):
    event, first, _second, people = small_event(create_event, create_employer, create_candidate)
    item = _interview(event, people[0], first, 9, 0)
    page = logged_in.get(f"/organisateur/evenements/{event.id}/entretiens/{item.id}").text
    assert 'name="version" type="hidden" value="1"' in page
    adjust.move_interview(item, 1, dt.time(9, 30), None)  # somebody else, meanwhile
    url, data = _move(event, item, "09:45", version=1)
    answer = logged_in.post(url, data=data, follow_redirects=True)
    assert answer.status_code == 200
    assert "vient d'être modifié par quelqu'un d'autre" in html.unescape(answer.text)
    db.session.refresh(item)
    assert item.start == dt.time(9, 30) and item.version == 2, "the other move stands"


@pytest.fixture
def held_checks(monkeypatch):
    """Both requests pass every check before either writes: the real race."""
    barrier = threading.Barrier(2, timeout=20)
    real = adjust._check_with_solver

    def check_then_wait(*args, **kwargs):
        real(*args, **kwargs)
        barrier.wait()

    monkeypatch.setattr(adjust, "_check_with_solver", check_then_wait)


def _race(app, organizer, requests) -> list:
    clients = [_organizer_client(app, organizer) for _ in requests]
    answers: list = [None] * len(requests)

    def post(n: int) -> None:
        url, data = requests[n]
        answers[n] = clients[n].post(url, data=data, follow_redirects=True)

    threads = [threading.Thread(target=post, args=(n,)) for n in range(len(requests))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return answers


def test_two_moves_into_the_same_free_slot_at_once_one_wins_the_other_is_told(
        app, organizer, create_event, create_employer, create_candidate, held_checks):
    event, first, _second, people = small_event(create_event, create_employer, create_candidate)
    one, two = _interview(event, people[0], first, 9, 0), _interview(event, people[1], first, 9, 15)
    answers = _race(app, organizer, [_move(event, one, "09:45"), _move(event, two, "09:45")])
    assert [a.status_code for a in answers] == [200, 200]
    texts = [html.unescape(a.text) for a in answers]
    assert sum("Entretien déplacé" in t for t in texts) == 1
    assert sum("Ce créneau vient d'être pris par quelqu'un d'autre" in t for t in texts) == 1
    db.session.expire_all()
    starts = sorted(db.session.get(Interview, i.id).start for i in (one, two))
    assert dt.time(9, 45) in starts and starts.count(dt.time(9, 45)) == 1


def test_the_same_interview_moved_twice_at_once_is_not_overwritten_silently(
        app, organizer, create_event, create_employer, create_candidate, held_checks):
    event, first, _second, people = small_event(create_event, create_employer, create_candidate)
    item = _interview(event, people[0], first, 9, 0)
    answers = _race(app, organizer, [_move(event, item, "09:30", version=1), _move(event, item, "09:45", version=1)])
    texts = [html.unescape(a.text) for a in answers]
    assert [a.status_code for a in answers] == [200, 200]
    assert sum("Entretien déplacé" in t for t in texts) == 1
    assert sum("vient d'être modifié par quelqu'un d'autre" in t for t in texts) == 1
    db.session.expire_all()
    moved = db.session.get(Interview, item.id)
    assert moved.version == 2 and moved.start in (dt.time(9, 30), dt.time(9, 45))


def _settings(event, **changes) -> dict:
    data = {"name": event.name, "slug": event.slug, "date": "2027-03-18", "start_time": "09:00",
            "end_time": "12:00", "slot_minutes": "15", "max_wishes": "5", "table_rows": "4", "status": "open"}
    data.update(changes)
    return data


def test_settings_saved_from_a_page_shown_before_somebody_elses_save_are_refused(app, organizer, logged_in,
                                                                                 create_event):
    event = create_event(name="Connec'Tic Day")
    page = logged_in.get(f"/organisateur/evenements/{event.id}/reglages").text
    assert 'name="settings_version" type="hidden" value="1"' in page
    url = f"/organisateur/evenements/{event.id}/reglages"
    other = _organizer_client(app, organizer)  # a colleague, from the same page, saves first
    assert other.post(url, data=_settings(event, settings_version="1", venue="Salle Coubertin")).status_code == 302
    answer = logged_in.post(url, data=_settings(event, settings_version="1", slot_minutes="20"))
    text = html.unescape(answer.text)
    assert answer.status_code == 200 and "viennent d'être modifiés par quelqu'un d'autre" in text
    assert 'value="Salle Coubertin"' in text  # the form shows the settings as saved now…
    assert "Ce que vous aviez saisi" in text and "<dd>20</dd>" in text  # …and what this person typed
    assert 'name="settings_version" type="hidden" value="2"' in text
    db.session.refresh(event)
    assert event.venue == "Salle Coubertin" and event.slot_minutes == 15 and event.settings_version == 2
    # Saving again from the page now shown goes through.
    assert logged_in.post(url, data=_settings(event, settings_version="2", venue="Salle Coubertin",
                                              slot_minutes="20")).status_code == 302
    db.session.refresh(event)
    assert event.slot_minutes == 20 and event.settings_version == 3


def test_two_saves_of_the_settings_at_the_same_moment_one_wins_one_is_told(app, organizer, create_event):
    event = create_event()
    url = f"/organisateur/evenements/{event.id}/reglages"
    clients = [_organizer_client(app, organizer) for _ in range(2)]
    barrier = threading.Barrier(2, timeout=20)
    answers: list = [None, None]

    def save(n: int) -> None:
        with app.app_context():
            barrier.wait()
            answers[n] = clients[n].post(url, data=_settings(event, settings_version="1", venue=f"Salle {n}"))

    threads = [threading.Thread(target=save, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(a.status_code for a in answers) == [200, 302]
    loser = next(a for a in answers if a.status_code == 200)
    assert "viennent d'être modifiés par quelqu'un d'autre" in html.unescape(loser.text)
    db.session.expire_all()
    assert db.session.get(type(event), event.id).settings_version == 2
