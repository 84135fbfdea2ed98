"""Building plans: start a background solve, run it, write its plan into interviews, restore earlier runs."""
from __future__ import annotations

import datetime as dt
import json
import math
import threading
import time
from typing import Any

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from jobdating.core import accounts, tasks
from jobdating.core.keys import parse_key
from jobdating.core.models import Candidate, Employer, Event, Interview, Organizer, RunStatus, SolveRun
from jobdating.core.times import parse_hhmm, utcnow
from jobdating.extensions import db
from jobdating.planning import changes
from jobdating.planning.figures import plan_figures
from jobdating.planning.instance import instance_dict, interview_entry
from jobdating.planning.progress import Progress, monitor_run
from jobdating.planning.stale import ACTIVE, release_stale_runs


class SchedulingError(ValueError):
    """A user-facing refusal, message in French."""


def active_run(event: Event) -> SolveRun | None:
    """The event's queued or running solve, if its worker is alive (a dead one's run is released here)."""
    release_stale_runs(event)
    return db.session.scalar(
        select(SolveRun).where(SolveRun.event_id == event.id, SolveRun.status.in_(ACTIVE)))


def latest_run(event: Event) -> SolveRun | None:
    return db.session.scalar(
        select(SolveRun).where(SolveRun.event_id == event.id).order_by(SolveRun.id.desc()).limit(1))


def build_input(event: Event) -> dict[str, Any]:
    """The solver input for a new plan: locked interviews kept; once published, the plan is kept if possible."""
    previous = list(event.interviews) if event.published_at is not None else None
    return instance_dict(event, previous=previous)


def start_solve(event: Event, organizer: Organizer | None, *, time_limit: float | None = None,
                enqueue: bool = True) -> SolveRun:
    """Queue a solve of `event`; refused while another one is queued or running for the same event.

    The database refuses the second active run (a partial unique index), so two clicks at the same
    moment, even in two processes, never start two solves.
    """
    if not event.candidates or not event.employers:
        raise SchedulingError(_("Il faut au moins un employeur et un candidat pour construire un planning."))
    limit = float(time_limit or current_app.config.get("SOLVER_TIME_LIMIT", 10))
    run = queue_run(event, build_input(event), limit,
                    organizer.email if organizer is not None else "ligne de commande")
    accounts.record("planning.start", f"Calcul n° {run.id} lancé ({limit:g} s)", organizer=organizer,
                    event_id=event.id)
    if enqueue:
        enqueue_run(run)
    return run


def enqueue_run(run: SolveRun) -> None:
    """Hand a queued run (a solve or a re-plan) to the background runner."""
    timeout = int(current_app.config.get("SOLVER_TIME_LIMIT", 10)) * 4 + 600
    tasks.enqueue(run_solve, run.id, key=run.id, timeout=timeout)


def look_after_runs() -> None:
    """The periodic check: release runs whose worker died, hand again the ones no worker started."""
    release_stale_runs()
    requeue_waiting_runs()


def requeue_waiting_runs(now: dt.datetime | None = None) -> int:
    """Queued runs that no worker started within RUN_HEARTBEAT_TIMEOUT of being queued are queued again: a
    worker may have died between taking the job and starting the run, or the process that ran it in a thread
    restarted. A second start is harmless (run_solve claims the run). Returns how many were queued again."""
    now = now or utcnow()
    limit = dt.timedelta(seconds=current_app.config["RUN_HEARTBEAT_TIMEOUT"])
    again = 0
    for run in db.session.scalars(select(SolveRun).where(SolveRun.status == RunStatus.QUEUED)):
        handed = run.heartbeat_at or run.created_at  # a queued run's heartbeat: when it was last queued
        if now - handed <= limit:
            continue
        same = SolveRun.heartbeat_at.is_(None) if run.heartbeat_at is None else SolveRun.heartbeat_at == handed
        taken = db.session.execute(update(SolveRun).where(SolveRun.id == run.id, SolveRun.status == RunStatus.QUEUED,
                                                          same).values(heartbeat_at=now))
        db.session.commit()
        if getattr(taken, "rowcount", 0) == 1:  # only one process queues it again
            enqueue_run(run)
            again += 1
    return again


def queue_run(event: Event, data: dict, time_limit: float, requested_by: str) -> SolveRun:
    """Store a queued run of `event` with its solver input; the partial unique index on active runs
    refuses a second one, even from another process."""
    release_stale_runs(event)
    run = SolveRun(event_id=event.id, status=RunStatus.QUEUED, time_limit=time_limit,
                   input_json=json.dumps(data, ensure_ascii=False), requested_by=requested_by)
    db.session.add(run)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise SchedulingError(_("Un calcul de planning est déjà en cours pour cet événement.")) from None
    return run


def request_stop(run: SolveRun, organizer: Organizer | None) -> None:
    """Stop a run: a queued one never starts, a running one ends with the best plan found so far, and one whose
    worker is gone ends at once."""
    release_stale_runs(run.event)
    db.session.refresh(run)
    if run.status == RunStatus.QUEUED:
        db.session.execute(update(SolveRun).where(SolveRun.id == run.id, SolveRun.status == RunStatus.QUEUED)
                           .values(status=RunStatus.STOPPED, finished_at=utcnow(), stop_requested=True))
    elif run.status == RunStatus.RUNNING:
        db.session.execute(update(SolveRun).where(SolveRun.id == run.id).values(stop_requested=True))
    db.session.commit()
    db.session.refresh(run)
    accounts.record("planning.stop", f"Arrêt demandé du calcul n° {run.id}", organizer=organizer,
                    event_id=run.event_id)


def run_solve(run_id: int) -> SolveRun | None:
    """Execute a queued run (in a worker thread or an RQ worker, inside an app context)."""
    from jobdating.planning.solver_bridge import solve_instance

    claimed = db.session.execute(
        update(SolveRun).where(SolveRun.id == run_id, SolveRun.status == RunStatus.QUEUED)
        .values(status=RunStatus.RUNNING, started_at=utcnow(), heartbeat_at=utcnow(), progress=0.0))
    db.session.commit()
    found = db.session.get(SolveRun, run_id)
    if getattr(claimed, "rowcount", 0) != 1 or found is None:
        return found  # stopped before it started, or taken by another worker
    run = found
    instance = json.loads(run.input_json or "{}")
    progress, done = Progress(), threading.Event()
    monitor = threading.Thread(target=monitor_run, daemon=True, name=f"solve-monitor-{run_id}", args=(
        current_app._get_current_object(),  # type: ignore[attr-defined]  # werkzeug proxy
        run_id, progress, done, time.monotonic(), run.time_limit, plan_figures(instance, [])))
    monitor.start()
    try:
        schedule = solve_instance(instance, run.time_limit, progress)
    except Exception as error:  # the run must end visibly whatever the solver did
        done.set()
        monitor.join()
        db.session.rollback()
        run = _reload(run_id)
        run.status, run.finished_at, run.error = RunStatus.FAILED, utcnow(), str(error)[:2000]
        db.session.commit()
        current_app.logger.exception("solve run %s failed", run_id)
        return run
    done.set()
    monitor.join()
    db.session.expire_all()
    run = _reload(run_id)
    solver = schedule.get("solver", {})
    run.output_json = json.dumps(schedule, ensure_ascii=False)
    run.figures = plan_figures(instance, schedule["interviews"], solver, len(schedule.get("unmet", [])))
    run.best_objective, run.bound = solver.get("objective"), solver.get("bound")
    run.status = RunStatus.STOPPED if run.stop_requested else RunStatus.DONE
    run.progress, run.finished_at = 1.0, utcnow()
    _write_plan(run)
    db.session.commit()  # "done" and the plan it wrote become visible together
    return run


def _reload(run_id: int) -> SolveRun:
    """A run row read afresh: runs are never deleted while they are being solved."""
    run = db.session.get(SolveRun, run_id)
    if run is None:
        raise SchedulingError(_("Le calcul n° %(id)s a disparu.", id=run_id))
    return run


def apply_run(run: SolveRun, organizer: Organizer | None = None) -> int:
    """Write the plan of `run` into the event's interviews (replacing them); returns how many were written."""
    count = _write_plan(run, organizer)
    db.session.commit()
    return count


def _write_plan(run: SolveRun, organizer: Organizer | None = None) -> int:
    if not run.output_json:
        raise SchedulingError(_("Ce calcul n'a pas produit de planning."))
    event = run.event
    before = current_schedule(event)
    count = apply_schedule(event, json.loads(run.output_json), commit=False)
    changes.record_changes(run, before, current_schedule(event))
    run.applied_at = utcnow()
    accounts.record("planning.apply", f"Planning du calcul n° {run.id} appliqué ({count} entretiens)",
                    organizer=organizer, event_id=event.id, commit=False)
    return count


def restore_run(run: SolveRun, organizer: Organizer | None) -> int:
    """Bring back the plan of an earlier run."""
    if active_run(run.event) is not None:
        raise SchedulingError(_("Attendez la fin du calcul en cours avant de restaurer un planning."))
    return apply_run(run, organizer)


def apply_schedule(event: Event, schedule: dict[str, Any], *, commit: bool = True) -> int:
    """Replace the interviews of `event` by those of a `jobdating-schedule/1` dict.

    Locks and the day's check-in and outcome follow a meeting that stays in the plan; entries naming a
    candidate or employer removed since the input was built are skipped.
    """
    old = {(i.candidate_id, i.employer_id): i for i in event.interviews}
    locked = {(i.candidate_id, i.employer_id, i.table, i.start) for i in event.interviews if i.locked}
    candidates = set(db.session.scalars(select(Candidate.id).where(Candidate.event_id == event.id)))
    employers = dict(db.session.execute(
        select(Employer.id, Employer.tables).where(Employer.event_id == event.id)).all())
    db.session.execute(delete(Interview).where(Interview.event_id == event.id))
    db.session.flush()
    db.session.expire(event, ["interviews"])
    count = 0
    for entry in schedule.get("interviews", []):
        candidate_id, employer_id = parse_key(entry["candidate"])[1], parse_key(entry["employer"])[1]
        if candidate_id not in candidates or entry["table"] > employers.get(employer_id, 0):
            continue
        start = parse_hhmm(entry["start"])
        before = old.get((candidate_id, employer_id))
        day = {"checkin": before.checkin, "outcome": before.outcome} if before is not None else {}
        db.session.add(Interview(
            event_id=event.id, candidate_id=candidate_id, employer_id=employer_id, table=entry["table"],
            start=start, end=parse_hhmm(entry["end"]),
            offers=[parse_key(o)[1] for o in entry.get("offers", [])],
            locked=(candidate_id, employer_id, entry["table"], start) in locked, **day,
        ))
        count += 1
    if commit:
        db.session.commit()
    else:
        db.session.flush()
    return count


def current_schedule(event: Event) -> list[dict[str, Any]]:
    """The event's interviews in schedule form (formats.md), by start time."""
    return [interview_entry(i) for i in sorted(event.interviews, key=lambda i: (i.start, i.employer_id, i.table))]


def current_figures(event: Event, run: SolveRun | None = None) -> dict[str, Any]:
    """Figures of the plan as it stands now (after adjustments), with the bounds of the run it came from."""
    solver = json.loads(run.output_json).get("solver", {}) if run is not None and run.output_json else {}
    return plan_figures(instance_dict(event), current_schedule(event), solver)


def applied_run(event: Event) -> SolveRun | None:
    return db.session.scalar(select(SolveRun).where(SolveRun.event_id == event.id, SolveRun.applied_at.is_not(None))
                             .order_by(SolveRun.applied_at.desc()).limit(1))


def run_status(run: SolveRun) -> dict[str, Any]:
    """What the progress page polls: a JSON-ready summary of the run."""
    elapsed = None
    if run.started_at is not None:
        elapsed = ((run.finished_at or utcnow()) - run.started_at).total_seconds()
    gap = None
    if (run.best_objective is not None and run.bound and math.isfinite(run.bound)
            and math.isfinite(run.best_objective)):
        gap = max(0.0, (run.bound - run.best_objective) / abs(run.bound))
    return {
        "id": run.id, "status": str(run.status), "progress": round(run.progress or 0, 3),
        "elapsed": round(elapsed, 1) if elapsed is not None else None, "time_limit": run.time_limit,
        "best": run.best_objective, "bound": run.bound, "gap": round(gap, 4) if gap is not None else None,
        "stop_requested": run.stop_requested, "finished": run.status not in ACTIVE, "error": run.error,
        "figures": run.figures or {},
    }
