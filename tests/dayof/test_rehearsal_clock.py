"""A rehearsal's simulated clock: its arithmetic, start, pause and resume, speed changes, reset; every day-of page
and rule of the copy reads it (and the original's keep real time); its settings form."""
from __future__ import annotations

import datetime as dt
from html import unescape

import pytest
from frontdesk_helpers import PARIS
from rehearsal_helpers import REAL, at_day, banner, client_of, original_event, shown

from jobdating.core.models import AuditEntry
from jobdating.core.times import event_local_now, event_now, simulated, to_local, utcnow
from jobdating.dayof import clock, presence
from jobdating.dayof.rehearsal import RehearsalError, create_rehearsal
from jobdating.extensions import db

T0 = dt.datetime(2027, 3, 18, 8, 0, tzinfo=dt.UTC)


def test_the_simulated_clock_runs_speed_times_real_time_from_where_it_stood():
    real = dt.datetime(2027, 2, 1, 14, 0, tzinfo=dt.UTC)
    assert simulated(real, None, T0, 10) == T0  # paused or not started: it stands still
    assert simulated(real + dt.timedelta(seconds=90), real, T0, 10) == T0 + dt.timedelta(minutes=15)
    assert simulated(real + dt.timedelta(seconds=3), real, T0, 20) == T0 + dt.timedelta(minutes=1)
    assert simulated(real + dt.timedelta(minutes=7), real, T0, 1) == T0 + dt.timedelta(minutes=7)


@pytest.fixture
def copy(real, create_event, create_employer, create_candidate):
    event, _employers, _people, team = original_event(create_event, create_employer, create_candidate)
    return create_rehearsal(event, team["orga"])


def local(event) -> dt.datetime:
    return event_local_now(event).replace(microsecond=0)


def test_start_pause_resume_speed_and_reset(app, real, copy):
    assert local(copy) == at_day(8, 30)  # not started: half an hour before the first slot, standing still
    real.advance(minutes=5)
    assert local(copy) == at_day(8, 30)
    clock.start(copy, None)
    assert copy.rehearsal.started_at == REAL + dt.timedelta(minutes=5)
    real.advance(seconds=60)
    assert local(copy) == at_day(8, 40)  # ×10 by default
    clock.pause(copy, None)
    real.advance(minutes=10)
    assert local(copy) == at_day(8, 40)
    clock.start(copy, None)  # resumes where it stood
    real.advance(seconds=30)
    assert local(copy) == at_day(8, 45)
    clock.set_speed(copy, 20, None)
    assert local(copy) == at_day(8, 45)  # a new speed does not move the hands
    real.advance(seconds=30)
    assert local(copy) == at_day(8, 55)
    clock.pause(copy, None)
    clock.set_speed(copy, 1, None)  # paused: the speed waits for the next start
    real.advance(minutes=3)
    assert local(copy) == at_day(8, 55)
    clock.start(copy, None)
    real.advance(minutes=3)
    assert local(copy) == at_day(8, 58)
    with pytest.raises(RehearsalError, match="×1, ×5, ×10 et ×20"):
        clock.set_speed(copy, 7, None)
    clock.reset(copy, None)
    assert local(copy) == at_day(8, 30) and copy.rehearsal.started_at is None
    real.advance(minutes=1)
    assert local(copy) == at_day(8, 30)
    actions = [a.detail for a in db.session.scalars(db.select(AuditEntry).where(
        AuditEntry.event_id == copy.id, AuditEntry.action == "repetition.horloge").order_by(AuditEntry.id))]
    assert actions[0] == "Horloge démarrée (08:30 simulée, ×10)" and actions[-1].startswith("Répétition remise à zéro")


def test_an_ordinary_events_clock_is_the_real_one(app, real, copy):
    original = copy.rehearsal.original
    assert event_now(original) == utcnow() == REAL
    clock.start(copy, None)
    real.advance(seconds=60)
    assert event_now(original) == REAL + dt.timedelta(seconds=60)
    assert to_local(event_now(copy)) == at_day(8, 40)


def test_every_day_of_page_of_the_copy_reads_its_simulated_clock(app, real, copy):
    orga = client_of(app, "orga@exemple.fr")
    settings = {"origin": "09:50", "no_show_percent": "0", "spread_minutes": "0", "walk_ins": "0", "seed": "1"}
    assert orga.post(f"/event/{copy.id}/repetition", data=settings).status_code == 302
    orga.post(f"/event/{copy.id}/repetition/horloge", data={"action": "start"})
    ines, karim, lea = copy.candidates
    # 09:50 simulated: Inès and Karim (10:00) are late if not here; arrivals come at 09:45 (0 spread) and were
    # applied when the clock started: everybody whose time has come is here.
    board = orga.get(f"/event/{copy.id}/tableau.json").get_json()
    assert board["now"] == "09:50"
    assert {line["name"] for line in board["candidates"]["present"]} == {ines.full_name, karim.full_name}
    assert {line["name"] for line in board["candidates"]["expected"]} == {lea.full_name}
    real.advance(seconds=72)  # +12 simulated minutes: 10:02
    board = orga.get(f"/event/{copy.id}/tableau.json").get_json()
    assert board["now"] == "10:02"
    orga.post(f"/event/{copy.id}/accueil/candidate/{lea.id}/annuler")
    page = unescape(orga.get(f"/event/{copy.id}/creneaux-libres").get_data(as_text=True))
    assert '<span class="clock">10:02</span>' in page  # "the next hour" counts from the simulated time
    assert "Répétition — 10:02 simulée, ×10" in banner(page)
    orga.post(f"/event/{copy.id}/absent/{lea.id}")
    db.session.expire_all()
    assert to_local(lea.absent_at) == at_day(10, 2)
    replan = shown(orga.get(f"/event/{copy.id}/replanifier").get_data(as_text=True))
    # At 10:02 simulated the 10:00 interviews have started: the re-plan keeps the two at 10:30 and frees Léa's.
    assert "1 absent" in replan and "2 entretiens à libérer" in replan and "2 entretiens à venir conservés" in replan
    # The original keeps the real day (a month away): nobody is late, nothing has started.
    original = copy.rehearsal.original
    assert orga.get(f"/event/{original.id}/tableau.json").get_json()["now"] == to_local(utcnow()).strftime("%H:%M")
    assert presence.status(original, original.candidates[0], event_local_now(original)) == presence.EXPECTED


def test_a_check_in_at_the_desk_is_dated_on_the_simulated_clock(app, real, copy):
    desk = client_of(app, "desk@exemple.fr")
    clock.start(copy, None)
    real.advance(seconds=90)  # 08:45 simulated
    person = copy.candidates[2]
    answer = desk.post(f"/event/{copy.id}/accueil", data={"code": person.badge_token})
    assert answer.status_code == 200 and "Arrivée enregistrée" in unescape(answer.get_data(as_text=True))
    db.session.expire_all()
    assert person.arrived_at.astimezone(PARIS).replace(tzinfo=None) == at_day(8, 45)


def test_the_settings_form_shows_every_error_at_once_and_keeps_what_was_typed(app, real, copy):
    orga = client_of(app, "orga@exemple.fr")
    answer = orga.post(f"/event/{copy.id}/repetition", data={
        "origin": "25:99", "no_show_percent": "150", "spread_minutes": "-3", "walk_ins": "beaucoup", "seed": "42"})
    page = unescape(answer.get_data(as_text=True))
    assert answer.status_code == 200 and "Le formulaire contient 4 erreurs" in page
    assert "Indiquez une heure du type 09:30." in page and "Un nombre entier de 0 à 100." in page
    assert "Un nombre entier de 0 à 120." in page and "Un nombre entier de 0 à 50." in page
    assert 'value="150"' in page and 'value="42"' in page
    assert local(copy) == at_day(8, 30)
    answer = orga.post(f"/event/{copy.id}/repetition", data={
        "origin": "10:15", "no_show_percent": "25", "spread_minutes": "10", "walk_ins": "3", "seed": "42"})
    assert answer.status_code == 302
    db.session.expire_all()
    rehearsal = copy.rehearsal
    assert (rehearsal.no_show_percent, rehearsal.spread_minutes, rehearsal.walk_ins, rehearsal.seed) == (25, 10, 3, 42)
    assert local(copy) == at_day(10, 15)  # not started: the clock stands at its new start
    clock.start(copy, None)
    orga.post(f"/event/{copy.id}/repetition", data={
        "origin": "09:00", "no_show_percent": "25", "spread_minutes": "10", "walk_ins": "3", "seed": "42"})
    db.session.expire_all()
    assert local(copy) == at_day(10, 15)  # started: the new start waits for a reset
    clock.reset(copy, None)
    assert local(copy) == at_day(9, 0)


def test_the_clock_is_driven_from_the_rehearsal_page_and_polled_by_every_page(app, real, copy):
    orga = client_of(app, "orga@exemple.fr")
    page = unescape(orga.get(f"/event/{copy.id}/repetition").get_data(as_text=True))
    assert "Démarrer" in page and "Remettre à zéro" not in page
    orga.post(f"/event/{copy.id}/repetition/horloge", data={"action": "start"})
    real.advance(seconds=30)
    state = orga.get(f"/event/{copy.id}/repetition/horloge.json").get_json()
    assert (state["time"], state["speed"], state["running"], state["started"]) == ("08:35", 10, True, True)
    assert state["seconds"] == 8 * 3600 + 35 * 60
    orga.post(f"/event/{copy.id}/repetition/horloge", data={"action": "speed", "speed": "5"})
    orga.post(f"/event/{copy.id}/repetition/horloge", data={"action": "pause"})
    state = orga.get(f"/event/{copy.id}/repetition/horloge.json").get_json()
    assert (state["time"], state["speed"], state["running"]) == ("08:35", 5, False)
    page = orga.get(f"/event/{copy.id}/accueil").get_data(as_text=True)
    assert "Répétition — 08:35 simulée, ×5 en pause" in banner(page)
    assert f'data-url="/event/{copy.id}/repetition/horloge.json"' in page and "js/rehearsal.js" in page
    assert orga.post(f"/event/{copy.id}/repetition/horloge", data={"action": "rewind"}).status_code == 400


def test_the_day_of_code_asks_the_events_clock_and_nothing_else():
    """One clock: day-of modules take "now" from event_local_now(event) (core.times), never from local_now() or
    the system clock; only the rehearsal's controls read real time, to anchor the simulated clock."""
    import re
    from pathlib import Path

    import jobdating.dayof

    for path in Path(jobdating.dayof.__file__).parent.glob("*.py"):
        text = path.read_text()
        assert not re.search(r"(?<!event_)local_now\(", text), path.name
        assert not re.search(r"datetime\.now\(|(?<![\w.])time\.(time|monotonic)\(", text), path.name
        assert path.name == "clock.py" or "utcnow(" not in text, path.name
