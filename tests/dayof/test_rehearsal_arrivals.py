"""A rehearsal's simulated arrivals: drawn from the seed (the same seed, the same day), applied once each as the
simulated clock passes them, through the desk's check-in; by a page, the clock's poll or the periodic job."""
from __future__ import annotations

import datetime as dt
from html import unescape

import pytest
from frontdesk_helpers import DAY, place
from rehearsal_helpers import at_day, client_of

from jobdating.core import periodic
from jobdating.core.accounts import create_organizer
from jobdating.core.keys import candidate_key
from jobdating.core.models import AuditEntry, Candidate, Membership, Rehearsal, Role
from jobdating.core.people import is_real_email
from jobdating.core.times import event_local_now, to_local
from jobdating.dayof import checkin, clock, presence, simulation
from jobdating.dayof.rehearsal import create_rehearsal
from jobdating.extensions import db
from jobdating.planning import publish


@pytest.fixture
def big(real, create_event, create_employer, create_candidate):
    """40 candidates, one interview each, 9:00 to 11:45 at four employers; published; a rehearsal of it, its
    clock set to start at 8:00 with the seed 7."""
    event = create_event(date=DAY, start_time=dt.time(9, 0), end_time=dt.time(12, 0))
    employers = [create_employer(event, company=f"Entreprise {n}", first_table=n) for n in range(1, 5)]
    for n in range(40):
        employer = employers[n % 4]
        person = create_candidate(event, [employer], first_name=f"Prénom{n}", last_name=f"Nom{n}")
        start = dt.datetime.combine(DAY, dt.time(9, 0)) + dt.timedelta(minutes=15 * (n // 4))
        place(person, employer, start.strftime("%H:%M"))
    orga = create_organizer("orga@exemple.fr", "une phrase de passe")
    db.session.add(Membership(event_id=event.id, organizer_id=orga.id, role=Role.ORGANIZER))
    db.session.commit()
    db.session.refresh(event)
    publish.publish(event, None)
    copy = create_rehearsal(event, orga)
    clock.save_settings(copy, origin=dt.time(8, 0), no_show_percent=10, walk_ins=0, spread_minutes=20, seed=7,
                        organizer=None)
    return copy


def test_the_same_seed_draws_the_same_day_and_another_seed_another_one(app, big):
    rehearsal = big.rehearsal
    first, again = simulation.draw(big, rehearsal), simulation.draw(big, rehearsal)
    assert first == again and len(first.arrivals) == 40 - len(first.no_shows) + 4  # and the 4 employers
    assert 1 <= len(first.no_shows) <= 10 and first.late >= 1
    rehearsal.seed = 8
    other = simulation.draw(big, rehearsal)
    assert other.arrivals != first.arrivals
    # Each candidate arrives before their first interview, give or take the spread (the latest ones late).
    firsts = {candidate_key(c): presence.at(big, c.interviews[0].start) for c in big.candidates}
    for planned in (p for p in first.arrivals if p.key.startswith("C")):
        asked = firsts[planned.key] - dt.timedelta(minutes=15)
        assert abs(planned.at - asked) <= dt.timedelta(minutes=20)
        assert planned.late == (planned.at > firsts[planned.key])
    rehearsal.no_show_percent = 0
    assert simulation.draw(big, rehearsal).no_shows == set()
    rehearsal.no_show_percent = 100
    assert simulation.draw(big, rehearsal).count("C") == 0


def test_arrivals_are_applied_once_as_the_simulated_clock_passes_them(app, real, big):
    draw = simulation.draw(big, big.rehearsal)
    assert simulation.apply_due(big) == 0  # not started: nobody comes
    clock.start(big, None)
    assert simulation.apply_due(big) == sum(1 for p in draw.arrivals if p.at <= at_day(8, 0))
    for minutes in (3, 3, 3, 3, 12):  # at ×10: 8:30, 9:00, 9:30, 10:00, then 12:00 simulated
        real.advance(minutes=minutes)
        now = event_local_now(big)
        simulation.apply_due(big)
        assert simulation.apply_due(big) == 0  # nothing twice
        db.session.expire_all()
        arrived = {candidate_key(c): to_local(c.arrived_at) for c in big.candidates if c.arrived_at}
        expected = {p.key: p.at for p in draw.arrivals if p.key.startswith("C") and p.at <= now}
        assert arrived == expected
    assert not set(arrived) & draw.no_shows and len(arrived) == 40 - len(draw.no_shows)
    assert all(e.arrived_at is not None for e in big.employers)
    entries = db.session.scalars(db.select(AuditEntry).where(AuditEntry.event_id == big.id,
                                                             AuditEntry.action == "jour.arrivee")).all()
    assert len(entries) == len(arrived) + 4  # one check-in each, candidates and employers
    # A late candidate was late at the desk until they came.
    late = next(p for p in draw.arrivals if p.late)
    person = db.session.get(Candidate, int(late.key[1:]))
    person_arrival = person.arrived_at
    person.arrived_at = None
    assert presence.status(big, person, late.at - dt.timedelta(minutes=1)) == presence.NO_SHOW
    person.arrived_at = person_arrival


def test_a_check_in_by_hand_or_undone_by_hand_is_left_alone(app, real, big):
    draw = simulation.draw(big, big.rehearsal)
    first = next(p for p in draw.arrivals if p.key.startswith("C"))
    early = db.session.get(Candidate, int(first.key[1:]))
    clock.start(big, None)
    checkin.arrive(big, early, None, at_day(8, 0))  # a volunteer scanned the badge before the simulation
    real.advance(minutes=12)  # 10:00 simulated
    simulation.apply_due(big)
    db.session.expire_all()
    assert to_local(early.arrived_at) == at_day(8, 0)  # the desk's first arrival time is kept
    checkin.undo(big, early, None)
    real.advance(minutes=3)
    simulation.apply_due(big)
    db.session.expire_all()
    assert early.arrived_at is None  # an arrival undone by hand is not applied again


def test_two_processes_never_apply_the_same_arrivals(app, real, big):
    clock.start(big, None)
    real.advance(minutes=12)
    seen = big.rehearsal.turn  # this process has read the clock...
    with db.engine.begin() as other:  # ...when another one applies the arrivals and takes the turn
        other.execute(db.update(Rehearsal).where(Rehearsal.event_id == big.id).values(turn=seen + 1))
    assert simulation.apply_due(big) == 0
    db.session.expire_all()
    assert all(c.arrived_at is None for c in big.candidates)
    assert simulation.apply_due(big) > 0  # the turn read again, it goes on


def test_arrivals_come_through_the_desks_pages_and_the_periodic_job(app, real, big):
    orga = client_of(app, "orga@exemple.fr")
    orga.post(f"/event/{big.id}/repetition/horloge", data={"action": "start"})
    real.advance(minutes=6)  # 9:00 simulated
    page = unescape(orga.get(f"/event/{big.id}/accueil").get_data(as_text=True))
    due = [p for p in simulation.draw(big, big.rehearsal).arrivals if p.key[0] == "C" and p.at <= at_day(9, 0)]
    latest = db.session.get(Candidate, int(due[-1].key[1:]))
    assert f"{due[-1].at:%H:%M} — {latest.full_name}" in page.split("Dernières arrivées")[1]
    real.advance(minutes=6)  # 10:00
    state = orga.get(f"/event/{big.id}/repetition/horloge.json").get_json()
    assert state["applied"] > 0 and state["recent"] and state["time"] == "10:00"
    real.advance(minutes=6)  # 11:00: nobody has a page open, the periodic job applies them
    app.config["TICK_SECONDS"] = 30
    assert "rehearsal-arrivals" in periodic.tick()
    db.session.expire_all()
    expected = {p.key for p in simulation.draw(big, big.rehearsal).arrivals if p.at <= at_day(11, 0)}
    assert {candidate_key(c) for c in big.candidates if c.arrived_at} == {k for k in expected if k[0] == "C"}


def test_simulated_walk_ins_register_at_the_door_once_and_go_on_a_reset(app, real, big):
    clock.save_settings(big, origin=dt.time(8, 0), no_show_percent=10, walk_ins=3, spread_minutes=20, seed=7,
                        organizer=None)
    clock.start(big, None)
    real.advance(minutes=30)  # 13:00 simulated: the day is over, every arrival has come
    simulation.apply_due(big)
    simulation.apply_due(big)
    walk_ins = db.session.scalars(db.select(Candidate).where(Candidate.event_id == big.id,
                                                             Candidate.walk_in.is_(True))).all()
    assert len(walk_ins) == 3 and all(w.arrived_at and w.wishes and w.phone.startswith("06 39 98")
                                      and not is_real_email(w.email) for w in walk_ins)
    clock.reset(big, None)
    db.session.expire_all()
    assert db.session.scalars(db.select(Candidate).where(Candidate.event_id == big.id,
                                                         Candidate.walk_in.is_(True))).all() == []
    assert all(c.arrived_at is None for c in big.candidates) and big.rehearsal.applied == []
    clock.start(big, None)
    real.advance(minutes=30)
    simulation.apply_due(big)
    db.session.expire_all()
    assert len([c for c in big.candidates if c.walk_in]) == 3  # the same day plays again
