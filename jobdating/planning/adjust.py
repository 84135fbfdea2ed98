"""Hand adjustments of a plan: lock, remove, move, add; each refused with a French reason if it breaks a rule."""
from __future__ import annotations

import datetime as dt

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from jobdating.core import accounts
from jobdating.core.models import Candidate, Decision, Employer, Event, Interview, Organizer
from jobdating.core.times import from_minutes, hhmm, minutes, within
from jobdating.extensions import db
from jobdating.planning.instance import instance_dict, interview_entry
from jobdating.planning.solver_bridge import violations


class AdjustError(ValueError):
    """The change breaks a rule of the plan; the message says which, in French."""


def _cap(candidate: Candidate) -> int | None:
    return candidate.max_interviews if candidate.max_interviews is not None \
        else candidate.event.max_interviews_per_candidate


def placement_problems(event: Event, candidate: Candidate, employer: Employer, table: int,
                       start: dt.time, ignore: Interview | None = None) -> list[str]:
    """Why `candidate` cannot meet `employer` at `table` and `start` given the other interviews (empty: fine)."""
    if start not in event.slot_starts():
        return [_("%(time)s n'est pas un créneau d'entretien de l'événement (hors horaires ou pendant une pause).",
                  time=hhmm(start))]
    if not 1 <= table <= employer.tables:
        return [_("%(company)s n'a pas de table %(table)s (tables 1 à %(tables)s).", company=employer.company,
                  table=table, tables=employer.tables)]
    others = [i for i in event.interviews if i is not ignore]
    return (_wish_problems(event, candidate, employer, table, start)
            + _clash_problems(event, candidate, employer, table, start, others)
            + _run_problems(event, employer, table, start, others)
            + _cap_problems(candidate, employer, others, ignore))


def _wish_problems(event: Event, candidate: Candidate, employer: Employer, table: int, start: dt.time) -> list[str]:
    """What the candidate asked for and what the employer decided, offers and presence."""
    when, name, company = hhmm(start), candidate.full_name, employer.company
    s, step = minutes(start), event.slot_minutes
    problems = []
    wishes = [w for w in candidate.wishes if w.employer_id == employer.id]
    if not wishes:
        problems.append(_("%(name)s n'a pas demandé à rencontrer %(company)s.", name=name, company=company))
    if any(p.candidate_id == candidate.id and p.decision == Decision.DECLINED for p in employer.preselections):
        problems.append(_("%(company)s a décliné %(name)s lors de la présélection.", company=company, name=name))
    if not within(candidate.available, s, s + step):
        problems.append(_("%(name)s n'est pas disponible à %(time)s.", name=name, time=when))
    if not within(employer.available, s, s + step):
        problems.append(_("%(company)s n'est pas présent à %(time)s.", company=company, time=when))
    wished_offers = [w.offer for w in wishes if w.offer is not None]
    if wished_offers and all(o.tables for o in wished_offers) \
            and not any(table in o.tables for o in wished_offers):
        problems.append(_("La table %(table)s de %(company)s ne reçoit pas pour l'offre demandée.",
                          table=table, company=company))
    return problems


def _clash_problems(event: Event, candidate: Candidate, employer: Employer, table: int, start: dt.time,
                    others: list[Interview]) -> list[str]:
    """The candidate's other interviews (same time, too close, same employer) and the table's."""
    when, name, company = hhmm(start), candidate.full_name, employer.company
    s, step, gap = minutes(start), event.slot_minutes, event.min_gap_slots
    problems = []
    for other in others:
        if other.candidate_id == candidate.id:
            if other.start == start:
                problems.append(_("%(name)s a déjà un entretien à %(time)s (%(company)s).", name=name, time=when,
                                  company=other.employer.company))
            elif abs(minutes(other.start) - s) <= gap * step:
                problems.append(_("%(name)s doit avoir %(gap)s créneau(x) libre(s) entre deux entretiens "
                                  "(entretien à %(time)s).", name=name, gap=gap, time=hhmm(other.start)))
            if other.employer_id == employer.id:
                problems.append(_("%(name)s a déjà un entretien avec %(company)s.", name=name, company=company))
        if other.employer_id == employer.id and other.table == table and other.start == start:
            problems.append(_("La table %(table)s de %(company)s est déjà prise à %(time)s (%(name)s).",
                              table=table, company=company, time=when, name=other.candidate.full_name))
    return problems


def _run_problems(event: Event, employer: Employer, table: int, start: dt.time,
                  others: list[Interview]) -> list[str]:
    """The employer's limit on interviews in a row at one table."""
    if not employer.max_consecutive:
        return []
    s, step = minutes(start), event.slot_minutes
    taken = {minutes(o.start) for o in others if o.employer_id == employer.id and o.table == table} | {s}
    run, t = 1, s - step
    while t in taken:
        run, t = run + 1, t - step
    t = s + step
    while t in taken:
        run, t = run + 1, t + step
    if run <= employer.max_consecutive:
        return []
    return [_("La table %(table)s de %(company)s enchaînerait %(run)s entretiens d'affilée (au plus %(max)s).",
              table=table, company=employer.company, run=run, max=employer.max_consecutive)]


def _cap_problems(candidate: Candidate, employer: Employer, others: list[Interview],
                  ignore: Interview | None) -> list[str]:
    """The candidate's and the employer's maximum number of interviews (a move within them changes nothing)."""
    problems = []
    if ignore is None or ignore.candidate_id != candidate.id:
        cap = _cap(candidate)
        if cap is not None and sum(1 for o in others if o.candidate_id == candidate.id) >= cap:
            problems.append(ngettext("%(name)s a déjà atteint son maximum de %(num)d entretien.",
                                     "%(name)s a déjà atteint son maximum de %(num)d entretiens.", cap,
                                     name=candidate.full_name))
    if ignore is None or ignore.employer_id != employer.id:
        if employer.max_interviews is not None and \
                sum(1 for o in others if o.employer_id == employer.id) >= employer.max_interviews:
            problems.append(ngettext("%(company)s a déjà atteint son maximum de %(num)d entretien.",
                                     "%(company)s a déjà atteint son maximum de %(num)d entretiens.",
                                     employer.max_interviews, company=employer.company))
    return problems


def _check_with_solver(event: Event, before: list[dict], after: list[dict]) -> None:
    """Second opinion from the solver's independent checker: refuse any violation the change introduces."""
    data = instance_dict(event, locked=[])
    new = set(violations(data, after)) - set(violations(data, before))
    if new:
        raise AdjustError(_("Ce changement enfreint une règle du planning : %(rules)s", rules="; ".join(sorted(new))))


def set_locked(interview: Interview, locked: bool, organizer: Organizer | None) -> None:
    interview.locked = locked
    accounts.record("planning.lock" if locked else "planning.unlock", _describe(interview),
                    organizer=organizer, event_id=interview.event_id, commit=False)
    db.session.commit()


def remove_interview(interview: Interview, organizer: Organizer | None) -> None:
    accounts.record("planning.remove", _describe(interview), organizer=organizer,
                    event_id=interview.event_id, commit=False)
    db.session.delete(interview)
    db.session.commit()


CHANGED_MEANWHILE = _l("Cet entretien vient d'être modifié par quelqu'un d'autre : voici son état actuel. "
                       "Vérifiez-le avant de le modifier à nouveau.")
TAKEN_MEANWHILE = _l("Ce créneau vient d'être pris par quelqu'un d'autre : voici l'état actuel du planning.")


def _write_move(interview: Interview, table: int, start: dt.time, end: dt.time) -> None:
    """Write a move only if nobody changed the interview since it was read, and keep the slot rules of the
    database: two moves at once into the same free slot, or of the same interview, end in a French message."""
    try:
        result = db.session.execute(
            update(Interview).where(Interview.id == interview.id, Interview.version == interview.version)
            .values(table=table, start=start, end=end, version=Interview.version + 1))
        if getattr(result, "rowcount", 0) != 1:
            raise AdjustError(str(CHANGED_MEANWHILE))
        db.session.commit()
    except AdjustError:
        db.session.rollback()
        raise
    except IntegrityError as error:
        db.session.rollback()
        raise AdjustError(str(TAKEN_MEANWHILE)) from error
    db.session.refresh(interview)


def move_interview(interview: Interview, table: int, start: dt.time, organizer: Organizer | None,
                   seen_version: int | None = None) -> Interview:
    """Move an interview to another slot and/or table of the same employer; `seen_version` is the version the
    organizer saw (a move made meanwhile by somebody else is refused, never silently overwritten)."""
    if seen_version is not None and seen_version != interview.version:
        raise AdjustError(str(CHANGED_MEANWHILE))
    event = interview.event
    problems = placement_problems(event, interview.candidate, interview.employer, table, start, ignore=interview)
    if problems:
        raise AdjustError(" ".join(problems))
    before = [interview_entry(i) for i in event.interviews]
    moved = dict(interview_entry(interview), table=table, start=hhmm(start),
                 end=hhmm(from_minutes(minutes(start) + event.slot_minutes)))
    after = [moved if i is interview else interview_entry(i) for i in event.interviews]
    _check_with_solver(event, before, after)
    old = _describe(interview)
    accounts.record("planning.move", f"{old} → table {table}, {hhmm(start)}", organizer=organizer,
                    event_id=event.id, commit=False)
    _write_move(interview, table, start, from_minutes(minutes(start) + event.slot_minutes))
    return interview


def add_interview(event: Event, candidate: Candidate, employer: Employer, table: int, start: dt.time,
                  organizer: Organizer | None, *, locked: bool = True) -> Interview:
    """Add an interview by hand; it is locked by default so that re-planning keeps it."""
    if candidate.event_id != event.id or employer.event_id != event.id:
        raise AdjustError(_("Ce candidat ou cet employeur n'appartient pas à cet événement."))
    problems = placement_problems(event, candidate, employer, table, start)
    if problems:
        raise AdjustError(" ".join(problems))
    offers = [w.offer_id for w in candidate.wishes if w.employer_id == employer.id and w.offer_id is not None]
    interview = Interview(event_id=event.id, candidate_id=candidate.id, employer_id=employer.id, table=table,
                          start=start, end=from_minutes(minutes(start) + event.slot_minutes),
                          offers=offers, locked=locked)
    before = [interview_entry(i) for i in event.interviews]
    _check_with_solver(event, before, before + [interview_entry(interview)])
    db.session.add(interview)
    db.session.flush()
    accounts.record("planning.add", _describe(interview), organizer=organizer, event_id=event.id, commit=False)
    db.session.commit()
    return interview



def _describe(interview: Interview) -> str:
    return (f"{interview.candidate.full_name} — {interview.employer.company}, table {interview.table}, "
            f"{hhmm(interview.start)}")
