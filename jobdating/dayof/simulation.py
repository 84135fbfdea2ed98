"""A rehearsal's simulated arrivals: drawn from its seed, applied once each as its simulated clock passes them.

Each person is drawn on their own, so the same seed gives the same day whoever else is in it. A candidate with
an interview is a no-show with the rehearsal's probability (never comes), else arrives around the time asked
(ARRIVE_MINUTES_BEFORE before the first interview), give or take `spread_minutes`: the latest ones come after
their first interview has started. Employers come 15 to 45 minutes before their first interview. Walk-ins
(optional) register at the door during the day, with a phone number only.

Arrivals go through the desk's own services (checkin.arrive, walkins.register_walk_in), lazily: when a page of
the rehearsal or its clock is served, and by the periodic job. The keys applied are saved with a compare and set
of `turn`, in the transaction of the check-ins, so that two processes never apply the same arrival twice; one
applied stays applied (a volunteer may undo it by hand).
"""
from __future__ import annotations

import datetime as dt
import logging
import random
from dataclasses import dataclass

from flask import current_app
from sqlalchemy import func, select, update

from jobdating.core.keys import candidate_key, employer_key, person_by_key
from jobdating.core.models import Candidate, Employer, Event, Interview, Rehearsal
from jobdating.core.times import event_local_now
from jobdating.dayof import checkin, presence, walkins
from jobdating.demo.data import FIRST_NAMES, LAST_NAMES
from jobdating.extensions import db
from jobdating.signup.registration import RegistrationError

log = logging.getLogger(__name__)

EMPLOYERS_EARLY = (15, 45)  # minutes before their first interview


@dataclass(frozen=True)
class Planned:
    """One simulated arrival: a candidate ('C12'), an employer ('E3') or a walk-in ('W0'), at a wall-clock time
    of the event day."""

    key: str
    at: dt.datetime
    late: bool = False


@dataclass
class Draw:
    arrivals: list[Planned]
    no_shows: set[str]

    @property
    def late(self) -> int:
        return sum(1 for p in self.arrivals if p.late)

    def count(self, kind: str) -> int:
        """Arrivals of candidates ('C'), employers ('E') or walk-ins ('W')."""
        return sum(1 for p in self.arrivals if p.key[0] == kind)


def _rng(seed: int, key: str) -> random.Random:
    return random.Random(f"{seed}:{key}")


def draw(event: Event, clock: Rehearsal) -> Draw:
    """The day's simulated arrivals, in order, and the no-shows."""
    before = dt.timedelta(minutes=current_app.config["ARRIVE_MINUTES_BEFORE"])
    result = Draw([], set())
    # Plain rows (each person's first interview), not objects: the desk's pages draw on every request.
    candidates = db.session.execute(
        select(Candidate.id, func.min(Interview.start)).join(Interview, Interview.candidate_id == Candidate.id)
        .where(Candidate.event_id == event.id, Candidate.walk_in.is_(False), Candidate.declined_at.is_(None))
        .group_by(Candidate.id))
    for candidate_id, first_start in candidates:
        key = candidate_key(candidate_id)
        rng = _rng(clock.seed, key)
        absent = rng.random() * 100 < clock.no_show_percent
        offset = dt.timedelta(minutes=rng.uniform(-clock.spread_minutes, clock.spread_minutes))
        if absent:
            result.no_shows.add(key)
            continue
        first = presence.at(event, first_start)
        at = (first - before + offset).replace(microsecond=0)
        result.arrivals.append(Planned(key, at, at > first))
    employers = db.session.execute(
        select(Employer.id, func.min(Interview.start)).join(Interview, Interview.employer_id == Employer.id)
        .where(Employer.event_id == event.id, Employer.declined_at.is_(None)).group_by(Employer.id))
    for employer_id, first_start in employers:
        key = employer_key(employer_id)
        early = dt.timedelta(minutes=_rng(clock.seed, key).uniform(*EMPLOYERS_EARLY))
        result.arrivals.append(Planned(key, (presence.at(event, first_start) - early).replace(microsecond=0)))
    opening, closing = presence.at(event, event.start_time), presence.at(event, event.end_time)
    last = max(opening, closing - dt.timedelta(hours=1))
    for index in range(clock.walk_ins):
        at = opening + (last - opening) * _rng(clock.seed, f"W{index}").random()
        result.arrivals.append(Planned(f"W{index}", at.replace(microsecond=0)))
    result.arrivals.sort(key=lambda p: (p.at, p.key))
    return result


def apply_due(event: Event) -> int:
    """Apply the simulated arrivals the clock has passed and nobody applied yet; returns how many."""
    clock = event.rehearsal
    if clock is None or clock.started_at is None:
        return 0
    now = event_local_now(event)
    done = set(clock.applied or [])
    due = [p for p in draw(event, clock).arrivals if p.at <= now and p.key not in done]
    if not due:
        return 0
    claimed = db.session.execute(
        update(Rehearsal).where(Rehearsal.event_id == event.id, Rehearsal.turn == clock.turn)
        .values(turn=clock.turn + 1, applied=sorted(done | {p.key for p in due}))
        .execution_options(synchronize_session=False))
    if getattr(claimed, "rowcount", 0) != 1:
        db.session.rollback()  # another process applies them
        return 0
    for planned in due:
        person = person_by_key(planned.key) if planned.key[0] in "CE" else None
        if person is not None and person.event_id == event.id:
            checkin.arrive(event, person, None, planned.at, commit=False)
    db.session.commit()
    for planned in (p for p in due if p.key.startswith("W")):
        _walk_in(event, clock.seed, planned)
    return len(due)


def _walk_in(event: Event, seed: int, planned: Planned) -> None:
    """A made-up person registering at the door, with one to three employers and a phone number only."""
    rng = _rng(seed, f"{planned.key}-person")
    employers = [e for e in event.employers if not e.approval_pending and e.declined_at is None]
    wishes = [employer_key(e) for e in rng.sample(employers, k=min(len(employers), rng.randint(1, 3)))]
    try:
        walkins.register_walk_in(event, first_name=rng.choice(FIRST_NAMES), last_name=rng.choice(LAST_NAMES),
                                 phone=f"06 39 98 {rng.randint(0, 99):02d} {rng.randint(0, 99):02d}",
                                 wishes=wishes, organizer=None, when=planned.at)
    except (RegistrationError, presence.DayError) as error:
        db.session.rollback()
        log.info("rehearsal %s: simulated walk-in %s not registered: %s", event.id, planned.key, error)


def apply_running() -> int:
    """The periodic job: every rehearsal whose clock runs gets its due arrivals."""
    events = list(db.session.scalars(select(Event).join(Rehearsal, Rehearsal.event_id == Event.id)
                                     .where(Rehearsal.running_since.is_not(None))))
    return sum(apply_due(event) for event in events)
