"""Absences: a candidate declared a no-show, an employer leaving early; the next re-plan frees their slots."""
from __future__ import annotations

import datetime as dt

from flask_babel import gettext as _

from jobdating.core import accounts
from jobdating.core.models import Candidate, CheckIn, Employer, Event, Organizer
from jobdating.core.times import event_local_now, hhmm, minutes, minutes_of, to_utc
from jobdating.dayof.presence import DayError
from jobdating.extensions import db


def mark_no_show(event: Event, candidate: Candidate, organizer: Organizer | None,
                 when: dt.datetime | None = None) -> int:
    """The desk declares a candidate absent: their interviews not yet held will be freed by the next re-plan."""
    if candidate.event_id != event.id:
        raise DayError(_("Cette personne n'est pas inscrite à cet événement."))
    if candidate.arrived_at is not None:
        raise DayError(_("%(name)s est déjà arrivé·e : impossible de le ou la déclarer absent·e.",
                         name=candidate.full_name))
    candidate.absent_at = candidate.absent_at or to_utc(when or event_local_now(event))
    count = 0
    for interview in candidate.interviews:
        if interview.outcome is None:
            interview.checkin = CheckIn.ABSENT
            count += 1
    accounts.record("jour.absent", f"{candidate.full_name} déclaré·e absent·e ({count} entretiens)",
                    organizer=organizer, event_id=event.id, commit=False)
    db.session.commit()
    return count

def set_departure(event: Event, employer: Employer, leave_at: dt.time, organizer: Organizer | None) -> list:
    """An employer leaves early: its availability ends at `leave_at`; the next re-plan frees its later slots."""
    if employer.event_id != event.id:
        raise DayError(_("Cet employeur n'appartient pas à cet événement."))
    leave = minutes(leave_at)
    if not minutes(event.start_time) < leave <= minutes(event.end_time):
        raise DayError(_("Choisissez une heure de départ entre %(start)s et %(end)s.",
                         start=hhmm(event.start_time), end=hhmm(event.end_time)))
    windows = employer.available or [[hhmm(event.start_time), hhmm(event.end_time)]]
    kept = [[a, b if minutes_of(b) <= leave else hhmm(leave_at)] for a, b in windows if minutes_of(a) < leave]
    if not kept:
        raise DayError(_("%(company)s n'est présent qu'après %(time)s : rien à raccourcir.",
                         company=employer.company, time=hhmm(leave_at)))
    employer.available = kept
    accounts.record("jour.depart", f"{employer.company} part à {hhmm(leave_at)}", organizer=organizer,
                    event_id=event.id, commit=False)
    db.session.commit()
    return kept
