"""Runs whose worker died: a running solve stops writing its heartbeat, a queued one is never taken."""
from __future__ import annotations

import datetime as dt

from flask import current_app
from sqlalchemy import select, update

from jobdating.core.models import Event, RunStatus, SolveRun
from jobdating.core.times import utcnow
from jobdating.extensions import db

ACTIVE = (RunStatus.QUEUED, RunStatus.RUNNING)
# A queued run that no worker took within its time limit and this margin is given up.
STALE_GRACE_SECONDS = 180


def is_stale(run: SolveRun, now: dt.datetime | None = None) -> bool:
    """A running solve whose heartbeat stopped (its worker died), or a queued one no worker took in time."""
    now = now or utcnow()
    if run.status == RunStatus.RUNNING:
        beat = run.heartbeat_at or run.started_at or run.created_at
        return (now - beat).total_seconds() > current_app.config["RUN_HEARTBEAT_TIMEOUT"]
    if run.status == RunStatus.QUEUED:
        return (now - run.created_at).total_seconds() > run.time_limit + STALE_GRACE_SECONDS
    return False


def release_stale_runs(event: Event | None = None, now: dt.datetime | None = None) -> int:
    """Mark as failed the active runs (of `event`, or of every event) whose worker vanished, so that a new
    solve can start; returns how many. The page, the next click and a worker starting up all call it."""
    now = now or utcnow()
    query = select(SolveRun).where(SolveRun.status.in_(ACTIVE))
    if event is not None:
        query = query.where(SolveRun.event_id == event.id)
    released = 0
    for run in db.session.scalars(query):
        if is_stale(run, now):
            # Only if nobody else changed it meanwhile (the worker may have just finished).
            same_beat = (SolveRun.heartbeat_at.is_(None) if run.heartbeat_at is None
                         else SolveRun.heartbeat_at == run.heartbeat_at)
            result = db.session.execute(update(SolveRun).where(
                SolveRun.id == run.id, SolveRun.status == run.status, same_beat,
            ).values(status=RunStatus.FAILED, finished_at=now,
                     error="Calcul interrompu : le processus de calcul ne répond plus."))
            released += getattr(result, "rowcount", 0)
    if released:  # pages call this on every look: commit (and expire what they loaded) only for a change
        db.session.commit()
        db.session.expire_all()
    return released
