"""Re-planning the rest of the day: the solver input built from the desk's facts, the run, whose plan changed.

The solve itself is an ordinary SolveRun (scheduling.run_solve applies it when it ends, jobs runs it in the
background), so the organizer's history can restore the plan from before the re-plan.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import undefer

from jobdating.core import accounts
from jobdating.core import plans as planning
from jobdating.core.keys import candidate_key, people_with_keys
from jobdating.core.models import Candidate, Employer, Event, Interview, Organizer, Publication, RunStatus, SolveRun
from jobdating.core.people import is_real_email
from jobdating.core.times import event_local_now, minutes, within
from jobdating.dayof import presence
from jobdating.extensions import db
from jobdating.planning import publish, scheduling, stale
from jobdating.planning.instance import instance_dict
from jobdating.printing import documents as printing


class ReplanError(ValueError):
    """Re-planning refused, message in French."""


def cut_of(event: Event, when: dt.datetime) -> dt.datetime:
    """`when` rounded up to the minute: an interview that started at 11:00 has started at 11:00:30."""
    if when.date() > event.date or (when.date() == event.date and when.time() >= event.end_time):
        raise ReplanError(_("La journée est terminée : il n'y a plus rien à re-planifier."))
    return (when + dt.timedelta(seconds=59)).replace(second=0, microsecond=0)


def is_valid_later(interview: Interview, absent: set[int], cut: dt.datetime) -> bool:
    """An interview still to come whose candidate is not absent and whose two parties are still available."""
    return (presence.at(interview.event, interview.start) >= cut and interview.candidate_id not in absent
            and within(interview.employer.available, minutes(interview.start), minutes(interview.end))
            and within(interview.candidate.available, minutes(interview.start), minutes(interview.end)))


@dataclass
class ReplanInput:
    data: dict[str, Any]
    absent: set[int]
    freed: int          # interviews still to come that the re-plan may drop or move (no-shows, departures)
    kept: int           # interviews still to come locked in place


def replan_input(event: Event, when: dt.datetime, allow_moves: bool) -> ReplanInput:
    """The solver input for the rest of the day (formats.md `now`, `previous`, `locked`).

    Interviews that started stay (the solver's `now` rule); no-shows lose their later interviews and get no
    new ones; walk-ins and people waiting fill the freed slots. Unless `allow_moves`, every other interview
    still to come is locked and its candidate capped at what they have, so nobody else's plan changes.
    """
    cut = cut_of(event, when)
    started = lambda i: presence.at(event, i.start) < cut  # noqa: E731
    status = {c.id: presence.status(event, c, cut) for c in event.candidates}
    absent = {cid for cid, s in status.items() if s == presence.NO_SHOW}
    current = list(event.interviews)
    valid = [i for i in current if is_valid_later(i, absent, cut)]
    valid_ids = {i.id for i in valid}
    previous = [i for i in current if started(i) or i.candidate_id not in absent]
    locked = [i for i in current if i.locked and (started(i) or i.id in valid_ids)]
    if not allow_moves:
        locked += [i for i in valid if not i.locked]
    affected = {i.candidate_id for i in current if not started(i) and i.id not in valid_ids}
    now = cut.time() if cut.date() == event.date and cut.time() > event.start_time else None
    data = instance_dict(event, locked=locked, previous=previous, now=now)
    counts: dict[int, int] = {}
    for interview in current:
        counts[interview.candidate_id] = counts.get(interview.candidate_id, 0) + 1
    by_key = {candidate_key(c): c for c in event.candidates}
    for entry in data["candidates"]:
        candidate = by_key[entry["id"]]
        state = status[candidate.id]
        if state == presence.NO_SHOW or (state == presence.UNPLANNED and now is not None):
            entry["wishes"] = []  # nobody plans for someone who is not here
        elif not allow_moves and state != presence.WAITING and candidate.id not in affected:
            cap = entry.get("max_interviews", event.max_interviews_per_candidate)
            have = counts.get(candidate.id, 0)
            entry["max_interviews"] = have if cap is None else min(cap, have)
    freed = sum(1 for i in current if not started(i) and i.id not in valid_ids)
    data["replan"] = {"at": cut.strftime("%H:%M"), "allow_moves": allow_moves, "absent": len(absent),
                      "freed": freed, "kept": len(valid)}
    return ReplanInput(data, absent, freed, len(valid) if not allow_moves else 0)


def start_replan(event: Event, organizer: Organizer | None, *, allow_moves: bool, when: dt.datetime,
                 time_limit: float | None = None, enqueue: bool = True) -> SolveRun:
    """Queue the re-plan as a solve run of the event; refused while another solve runs."""
    if not event.interviews:
        raise ReplanError(_("Il n'y a pas encore de planning : construisez-le depuis l'espace organisateur."))
    prepared = replan_input(event, when, allow_moves)
    limit = float(time_limit or current_app.config["REPLAN_TIME_LIMIT"])
    try:
        run = scheduling.queue_run(event, prepared.data, limit,
                                   organizer.email if organizer is not None else "accueil")
    except scheduling.SchedulingError as error:
        raise ReplanError(str(error)) from None
    summary = prepared.data["replan"]
    accounts.record("jour.replanification",
                    f"Re-planification à {summary['at']} (calcul n° {run.id}) : {summary['absent']} absents, "
                    f"{summary['freed']} entretiens libérés, déplacements "
                    f"{'autorisés' if allow_moves else 'interdits'}", organizer=organizer, event_id=event.id)
    if enqueue:
        scheduling.enqueue_run(run)
    return run


def replan_run(event: Event, run_id: int) -> SolveRun | None:
    return db.session.scalar(select(SolveRun).where(SolveRun.id == run_id, SolveRun.event_id == event.id))


WORKING, FAILED, NO_PLAN, READY = "working", "failed", "no_plan", "ready"


def run_state(run: SolveRun) -> str:
    """Where a re-plan stands for its result page. Its result is READY only once its plan is committed into
    the event's interviews (applied_at is written in the same transaction as the plan): a run whose status
    says done but whose plan is not saved yet is still WORKING, so the page never counts people too early."""
    if run.error or run.status == RunStatus.FAILED:
        return FAILED
    if run.applied_at is not None:
        return READY
    if run.status in stale.ACTIVE or run.output_json:
        return WORKING
    return NO_PLAN  # stopped before it started: nothing was written


def summary(run: SolveRun) -> dict[str, Any]:
    return json.loads(run.input_json or "{}").get("replan", {})


@dataclass
class Change:
    """One person whose plan differs from what they were last sent."""

    person: Candidate | Employer
    before: list[dict[str, Any]] | None     # None: never sent a plan
    after: list[dict[str, Any]]
    absent: bool = False

    @property
    def is_candidate(self) -> bool:
        return isinstance(self.person, Candidate)

    @property
    def name(self) -> str:
        return self.person.display_name

    @property
    def has_email(self) -> bool:
        """False for a walk-in who gave only a phone number: the desk tells them in person."""
        return is_real_email(self.person.email)


def changes(event: Event, when: dt.datetime | None = None) -> list[Change]:
    """Exactly the people publishing will notify: their plan's digest differs from the one they were sent."""
    rows = planning.plan_rows(event)
    published = event.published_plan or {}
    when = when or event_local_now(event)
    result = []
    told = publish.told_digests(event)
    for person, key in people_with_keys(event):
        after = rows.get(key, [])
        if planning.digest(after) == told.get(key):
            continue
        if told.get(key) is None and not after:
            continue  # never planned, still nothing
        absent = isinstance(person, Candidate) and presence.status(event, person, when) == presence.NO_SHOW
        result.append(Change(person, published.get(key) if told.get(key) else None, after, absent))
    result.sort(key=lambda c: (not c.is_candidate, c.name.casefold()))
    return result


def told_in_person(event: Event, number: int) -> list[Change]:
    """The people without an email address whose plan changed in published version `number` compared with the
    version before it: nobody emails them, so the desk tells them in person (their plan is in the PDF)."""
    found = {p.number: p for p in db.session.scalars(
        select(Publication).where(Publication.event_id == event.id, Publication.number.in_((number, number - 1)))
        .options(undefer(Publication.plan)))}
    if number not in found:
        return []
    after_plan = found[number].plan or {}
    before_plan = found[number - 1].plan or {} if number - 1 in found else {}
    result = []
    for person, key in people_with_keys(event):
        if is_real_email(person.email):
            continue
        before, after = before_plan.get(key), after_plan.get(key, [])
        if planning.digest(before or []) == planning.digest(after):
            continue
        absent = isinstance(person, Candidate) and person.absent_at is not None
        result.append(Change(person, before, after, absent))
    return result



def changed_plans_pdf(event: Event, found: list[Change]) -> bytes:
    """One PDF of the new plans of the changed candidates who are here or expected (not the no-shows)."""
    people = [c.person for c in found if isinstance(c.person, Candidate) and not c.absent and c.after]
    return printing.render(event, "plans", candidates=people, when=event_local_now(event))


def publish_changes(event: Event, organizer: Organizer | None) -> Publication:
    """Publish the re-planned day: the publication service emails only people whose plan changed."""
    try:
        return publish.publish(event, organizer)
    except publish.PublishError as error:
        raise ReplanError(str(error)) from error
