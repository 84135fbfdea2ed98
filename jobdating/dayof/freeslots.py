"""Free slots filled at once: the slots of the next hour nobody will use, who could take them, and the standby list.

A slot is free when an employer present (or expected) has a table with no interview at that time, or whose
interview belongs to a candidate who will not come (declared absent, or said so). The desk fills one in a click
(`assign`): the hand-adjustment rules and the solver's checker validate it, like a move in the plan.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select

from jobdating.core import accounts, answers, outbox
from jobdating.core.models import (
    Cancellation,
    Candidate,
    CheckIn,
    Decision,
    Employer,
    Event,
    Interview,
    Organizer,
    Standby,
    Wish,
)
from jobdating.core.plans import digest, plan_rows
from jobdating.core.times import minutes, within
from jobdating.dayof import presence
from jobdating.extensions import db
from jobdating.planning import adjust

HORIZON_MINUTES = 60
SHOWN = 5  # candidates proposed per slot


@dataclass
class Proposal:
    """A present candidate who could take a slot, and why they are proposed."""

    candidate: Candidate
    interviews: int
    standby: bool
    wished: bool            # wished this employer (or one of its offers)

    @property
    def reason(self) -> str:
        if self.standby:
            return _("en attente pour cet employeur")
        return _("a demandé cet employeur") if self.wished else _("même secteur")


@dataclass
class FreeSlot:
    employer: Employer
    table: int
    start: dt.time
    freed_from: Interview | None = None     # the interview of a no-show that the slot replaces
    cancelled_by: str = ""                  # a cancellation recorded for this slot (reminders' answers)
    proposals: list[Proposal] = field(default_factory=list)

    @property
    def room_table(self) -> int:
        return self.employer.room_table(self.table)

    @property
    def key(self) -> str:
        return f"{self.employer.id}-{self.table}-{self.start.strftime('%H%M')}"


def _window(event: Event, when: dt.datetime) -> list[dt.time]:
    """The slot starts from now (a slot already begun is gone) to HORIZON_MINUTES later."""
    cut = (when + dt.timedelta(seconds=59)).replace(second=0, microsecond=0)
    end = cut + dt.timedelta(minutes=HORIZON_MINUTES)
    return [s for s in event.slot_starts() if cut <= presence.at(event, s) < end]


def _gone(event: Event, candidate: Candidate, when: dt.datetime) -> bool:
    return candidate.declined_at is not None or presence.status(event, candidate, when) == presence.NO_SHOW


def free_slots(event: Event, when: dt.datetime) -> list[FreeSlot]:
    """The free slots of the next hour, each with the candidates best placed to take it."""
    starts = _window(event, when)
    if not starts:
        return []
    taken = {(i.employer_id, i.table, i.start): i for i in event.interviews}
    cancelled = {(c.employer_id, c.table, c.start): c.by for c in db.session.scalars(
        select(Cancellation).where(Cancellation.event_id == event.id))}
    slots = []
    for employer in sorted(event.employers, key=lambda e: e.company.casefold()):
        if employer.declined_at is not None or presence.status(event, employer, when) == presence.NO_SHOW:
            continue
        for start in starts:
            s = minutes(start)
            if not within(employer.available, s, s + event.slot_minutes):
                continue
            for table in range(1, employer.tables + 1):
                interview = taken.get((employer.id, table, start))
                if interview is not None and not _gone(event, interview.candidate, when):
                    continue
                slots.append(FreeSlot(employer, table, start, interview,
                                      cancelled.get((employer.id, table, start), "")))
    _propose(event, slots, when)
    return sorted(slots, key=lambda f: (f.start, f.employer.company.casefold(), f.table))


def _propose(event: Event, slots: list[FreeSlot], when: dt.datetime) -> None:
    """Fill each slot's proposals: present candidates free then, not already meeting the employer, under their
    cap, who wished the employer, its sector, or are on its standby list; walk-ins first, then fewest interviews."""
    present = [c for c in event.candidates if c.arrived_at is not None and c.declined_at is None]
    standby = {(s.candidate_id, s.employer_id) for s in db.session.scalars(
        select(Standby).where(Standby.event_id == event.id))}
    rejected = {(p.candidate_id, p.employer_id) for e in event.employers for p in e.preselections
                if p.decision == Decision.DECLINED}
    gap = (event.min_gap_slots + 1) * event.slot_minutes
    for slot in slots:
        employer, s = slot.employer, minutes(slot.start)
        found = []
        for candidate in present:
            mine = candidate.interviews
            cap = candidate.max_interviews if candidate.max_interviews is not None \
                else event.max_interviews_per_candidate
            if ((candidate.id, employer.id) in rejected or any(i.employer_id == employer.id for i in mine)
                    or any(abs(minutes(i.start) - s) < gap for i in mine)
                    or (cap is not None and len(mine) >= cap)
                    or not within(candidate.available, s, s + event.slot_minutes)):
                continue
            wished = any(w.employer_id == employer.id for w in candidate.wishes)
            on_standby = (candidate.id, employer.id) in standby
            same_sector = bool(employer.sector) and any(
                w.employer.sector == employer.sector for w in candidate.wishes)
            if wished or on_standby or same_sector:
                found.append(Proposal(candidate, len(mine), on_standby, wished))
        found.sort(key=lambda p: (not p.candidate.walk_in, p.interviews, not (p.standby or p.wished),
                                  p.candidate.arrived_at, p.candidate.id))
        slot.proposals = found[:SHOWN]


def assign(event: Event, candidate: Candidate, employer: Employer, table: int, start: dt.time,
           organizer: Organizer | None, when: dt.datetime) -> Interview:
    """Give a free slot to a present candidate, in one transaction: a no-show's interview there is cancelled,
    the candidate's acceptance is recorded as a wish, and the new interview (locked, so that a re-plan keeps it)
    passes the plan's rules and the solver's checker, or nothing changes."""
    if candidate.event_id != event.id or employer.event_id != event.id:
        raise presence.DayError(_("Cette personne ou cet employeur n'appartient pas à cet événement."))
    if candidate.arrived_at is None:
        raise presence.DayError(_("%(name)s n'est pas enregistré·e à l'accueil.", name=candidate.full_name))
    if start not in _window(event, when):
        raise presence.DayError(_("Ce créneau n'est plus à venir dans l'heure : actualisez la page."))
    before = plan_rows(event)
    try:
        occupant = next((i for i in event.interviews
                         if i.employer_id == employer.id and i.table == table and i.start == start), None)
        if occupant is not None:
            if not _gone(event, occupant.candidate, when):
                raise presence.DayError(_("Ce créneau vient d'être pris (%(name)s) : actualisez la page.",
                                          name=occupant.candidate.full_name))
            _free(occupant)
        if not any(w.employer_id == employer.id for w in candidate.wishes):
            rank = max((w.rank for w in candidate.wishes), default=0) + 1
            candidate.wishes.append(Wish(employer=employer, rank=rank))
        db.session.flush()
        db.session.expire(event, ["interviews"])
        interview = adjust.add_interview(event, candidate, employer, table, start, organizer, locked=True)
    except (adjust.AdjustError, presence.DayError):
        db.session.rollback()
        raise
    interview.checkin = CheckIn.PRESENT
    _told_at_the_desk(event, before, (candidate, employer))
    for row in db.session.scalars(select(Standby).where(Standby.candidate_id == candidate.id,
                                                        Standby.employer_id == employer.id)):
        db.session.delete(row)
    accounts.record("jour.creneau_libre", f"Créneau libre de {employer.company} à {start:%H:%M} (table "
                    f"{employer.room_table(table)}) donné à {candidate.full_name}", organizer=organizer,
                    event_id=event.id, commit=False)
    db.session.commit()
    return interview


def _told_at_the_desk(event: Event, before: dict[str, list], people: tuple[Candidate, Employer]) -> None:
    """The candidate gets the slip and the message, the employer sees it at the table: their plan as it now is
    counts as told, so the next publication does not mail them again for this change alone (only those who had
    their plan up to date before: a change not told yet still goes out)."""
    db.session.flush()
    db.session.expire(event, ["interviews"])
    after = plan_rows(event)
    for person in people:
        key = f"{'C' if isinstance(person, Candidate) else 'E'}{person.id}"
        if person.plan_digest is not None and person.plan_digest == digest(before.get(key, [])):
            person.plan_digest = digest(after.get(key, []))


def message(interview: Interview) -> str:
    """What the candidate is told, by email and ready to paste in an SMS: when, with whom, which table (in the
    event's language, whatever the desk's page shows)."""
    with force_locale(current_app.config.get("BABEL_DEFAULT_LOCALE", "fr")):
            return _("Bonjour %(name)s, un entretien vous attend à %(time)s avec %(company)s, table %(table)s "
                 "(%(event)s). Présentez-vous directement à la table. — L'accueil",
                 name=interview.candidate.first_name, time=interview.start.strftime("%H:%M"),
                 company=interview.employer.company, table=interview.room_table, event=interview.event.name)


def tell(interview: Interview) -> bool:
    """Email the candidate their new interview (False when they have no email address: show them the text)."""
    with force_locale(current_app.config.get("BABEL_DEFAULT_LOCALE", "fr")):
        subject = _("Nouvel entretien à %(time)s — %(event)s", time=interview.start.strftime("%H:%M"),
                    event=interview.event.name)
    text = message(interview)
    return outbox.queue_mail(interview.candidate.email, subject, text + "\n",
                             event_id=interview.event_id) is not None


def _free(interview: Interview) -> None:
    """A no-show's interview gives way: the row goes, a cancellation keeps the trace."""
    answers.free_interview(interview, by="organizer", reason="Absent·e : créneau réattribué")


def standby_lists(event: Event) -> dict[int, list[Standby]]:
    """Each employer's standby list, oldest first."""
    lists: dict[int, list[Standby]] = {}
    for row in db.session.scalars(select(Standby).where(Standby.event_id == event.id).order_by(Standby.created_at,
                                                                                                Standby.id)):
        lists.setdefault(row.employer_id, []).append(row)
    return lists


def join_standby(event: Event, candidate: Candidate, employer: Employer, organizer: Organizer | None) -> bool:
    """Put a present candidate on an employer's standby list; False if they are on it already."""
    if candidate.event_id != event.id or employer.event_id != event.id:
        raise presence.DayError(_("Cette personne ou cet employeur n'appartient pas à cet événement."))
    if candidate.arrived_at is None:
        raise presence.DayError(_("%(name)s n'est pas enregistré·e à l'accueil.", name=candidate.full_name))
    if db.session.scalar(select(Standby).where(Standby.candidate_id == candidate.id,
                                               Standby.employer_id == employer.id)) is not None:
        return False
    db.session.add(Standby(event_id=event.id, candidate_id=candidate.id, employer_id=employer.id))
    accounts.record("jour.attente", f"{candidate.full_name} en attente pour {employer.company}",
                    organizer=organizer, event_id=event.id, commit=False)
    db.session.commit()
    return True


def leave_standby(event: Event, standby_id: int) -> None:
    row = db.session.get(Standby, standby_id)
    if row is not None and row.event_id == event.id:
        db.session.delete(row)
        db.session.commit()
