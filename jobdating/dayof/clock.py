"""A rehearsal's simulated clock, driven by its organizers: start, pause and resume, speed, settings, reset; and
deleting a rehearsal. The arithmetic is core.times.simulated: here the clock is only re-anchored, so that the
simulated time never jumps when it pauses or changes speed."""
from __future__ import annotations

import datetime as dt

from flask_babel import gettext as _
from sqlalchemy import delete, update

from jobdating.core import accounts
from jobdating.core.models import (
    SPEEDS,
    Candidate,
    CheckIn,
    Employer,
    Event,
    Interview,
    Organizer,
    Rehearsal,
    Standby,
)
from jobdating.core.times import event_local_now, event_now, hhmm, to_utc, utcnow
from jobdating.dayof.rehearsal import RehearsalError
from jobdating.extensions import db
from jobdating.privacy import events as event_deletion

# Bounds of the simulation's settings (the form says the same).
MAX_WALK_INS, MAX_SPREAD, MAX_SEED = 50, 120, 999_999


def clock_of(event: Event) -> Rehearsal:
    if event.rehearsal is None:
        raise RehearsalError(_("Cet événement n'est pas une répétition."))
    return event.rehearsal


def _record(event: Event, text: str, organizer: Organizer | None) -> None:
    clock = clock_of(event)
    accounts.record("repetition.horloge", f"{text} ({hhmm(event_local_now(event).time())} simulée, "
                    f"×{clock.speed})", organizer=organizer, event_id=event.id, commit=False)
    db.session.commit()


def start(event: Event, organizer: Organizer | None) -> None:
    """Start the clock from its origin, or resume it where it was paused."""
    clock = clock_of(event)
    if clock.running_since is not None:
        return
    now = utcnow()
    first = clock.started_at is None
    if first:
        clock.started_at, clock.simulated_at = now, clock.origin
    clock.running_since = now
    _record(event, "Horloge démarrée" if first else "Horloge relancée", organizer)


def pause(event: Event, organizer: Organizer | None) -> None:
    clock = clock_of(event)
    if clock.running_since is None:
        return
    clock.simulated_at, clock.running_since = event_now(event), None
    _record(event, "Horloge en pause", organizer)


def set_speed(event: Event, speed: int, organizer: Organizer | None) -> None:
    """Change the speed from now on: the simulated time shown stays where it is."""
    if speed not in SPEEDS:
        raise RehearsalError(_("Choisissez une vitesse parmi ×1, ×5, ×10 et ×20."))
    clock = clock_of(event)
    if clock.running_since is not None:
        clock.simulated_at, clock.running_since = event_now(event), utcnow()
    clock.speed = speed
    _record(event, f"Vitesse ×{speed}", organizer)


def reset(event: Event, organizer: Organizer | None) -> None:
    """Back to the origin, not started: the day's arrivals, absences, outcomes, scores, standby lists and the
    walk-ins registered during the rehearsal are forgotten, so the simulated arrivals play again. Changes to the
    plan (slots given, re-plans) stay."""
    clock = clock_of(event)
    clock.simulated_at, clock.running_since, clock.started_at = clock.origin, None, None
    clock.applied, clock.turn = [], clock.turn + 1
    db.session.execute(delete(Standby).where(Standby.event_id == event.id))
    db.session.execute(delete(Candidate).where(Candidate.event_id == event.id, Candidate.walk_in.is_(True),
                                               Candidate.created_at > clock.created_at)
                       .execution_options(synchronize_session=False))
    db.session.execute(update(Candidate).where(Candidate.event_id == event.id)
                       .values(arrived_at=None, absent_at=None).execution_options(synchronize_session=False))
    db.session.execute(update(Employer).where(Employer.event_id == event.id).values(arrived_at=None)
                       .execution_options(synchronize_session=False))
    db.session.execute(update(Interview).where(Interview.event_id == event.id)
                       .values(checkin=CheckIn.EXPECTED, outcome=None, rating=None, notes=None, next_step=None)
                       .execution_options(synchronize_session=False))
    db.session.expire_all()
    _record(event, "Répétition remise à zéro", organizer)


def save_settings(event: Event, *, origin: dt.time, no_show_percent: int, walk_ins: int, spread_minutes: int,
                  seed: int, organizer: Organizer | None) -> None:
    """The simulated start and the arrivals' settings. A new start moves the clock only before it is started
    (otherwise it counts from the next reset)."""
    if not (0 <= no_show_percent <= 100 and 0 <= walk_ins <= MAX_WALK_INS and 0 <= spread_minutes <= MAX_SPREAD
            and 0 <= seed <= MAX_SEED):
        raise RehearsalError(_("Un réglage de la simulation sort des limites indiquées."))
    clock = clock_of(event)
    clock.origin = to_utc(dt.datetime.combine(event.date, origin))
    if clock.started_at is None:
        clock.simulated_at = clock.origin
    clock.no_show_percent, clock.walk_ins, clock.spread_minutes, clock.seed = (
        no_show_percent, walk_ins, spread_minutes, seed)
    _record(event, f"Réglages : début {hhmm(origin)}, {no_show_percent} % d'absents, {walk_ins} sur place, "
            f"écart {spread_minutes} min, graine {seed}", organizer)


def delete_rehearsal(event: Event, organizer: Organizer | None) -> int | None:
    """Delete a rehearsal with everything in it; returns its original's id (None if that one is gone)."""
    original_id = clock_of(event).original_id
    if original_id is not None:
        accounts.record("repetition.suppression", f"Répétition « {event.name} » supprimée", organizer=organizer,
                        event_id=original_id, commit=False)
    event_deletion.delete_event(event, organizer)
    return original_id
