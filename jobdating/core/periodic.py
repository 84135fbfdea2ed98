"""Periodic work (mail retries, runs whose worker died, and what features add): each job runs at most once per
period, however many processes tick.

Who ticks: a thread of every long-running process that does background work (each RQ worker with REDIS_URL,
each web process without it), and `flask --app jobdating tick` from cron. Whoever ticks first in a period
takes the turn: a row (name, period number) that the database accepts only once. So a dead worker's periodic
work is done by any other process within one period, with no lock to expire (RQ's own scheduler keeps a lock
that another worker takes over only at its next maintenance, up to ten minutes after a `kill -9`).
"""
from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import click
from flask import Flask
from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError

from jobdating.core.models import PeriodicRun
from jobdating.core.times import utcnow
from jobdating.extensions import db

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    every: int  # seconds
    function: Callable[[], object]


jobs: dict[str, Job] = {}
_ticker_started = False
_ticker_lock = threading.Lock()


def period(app: Flask) -> int:
    """The period of the frequent jobs (mail retries, released runs): one tick."""
    return max(1, int(app.config.get("TICK_SECONDS") or 30))


def register(name: str, every: int, function: Callable[[], object]) -> None:
    """Run `function()` every `every` seconds (at the next tick after each period starts)."""
    jobs[name] = Job(every, function)


def _take_turn(name: str, slot: int) -> bool:
    db.session.add(PeriodicRun(name=name, slot=slot))
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return False
    return True


def tick(now: dt.datetime | None = None) -> list[str]:
    """Run the periodic jobs whose period has started and that no process has run yet; returns their names."""
    now = now or utcnow()
    ran = []
    for name, job in sorted(jobs.items()):
        if not _take_turn(name, int(now.timestamp()) // job.every):
            continue
        ran.append(name)
        try:
            job.function()
        except Exception:
            db.session.rollback()
            log.exception("periodic job %s failed", name)
    db.session.execute(delete(PeriodicRun).where(PeriodicRun.started_at < now - dt.timedelta(days=2)))
    db.session.commit()
    return ran



def start_ticker(app: Flask, *, worker: bool = False) -> None:
    """Start this process's ticking thread once: in RQ workers, and in web processes when there is no Redis
    (TICK_SECONDS = 0 turns it off)."""
    global _ticker_started
    every = float(app.config.get("TICK_SECONDS") or 0)
    if every <= 0 or (app.config.get("REDIS_URL") and not worker):
        return
    with _ticker_lock:
        if _ticker_started:
            return
        _ticker_started = True
    threading.Thread(target=_tick_forever, args=(app, every), daemon=True, name="periodic-ticker").start()


def _tick_forever(app: Flask, every: float) -> None:
    while True:
        time.sleep(every)
        with app.app_context():
            try:
                tick()
            except Exception:
                log.exception("periodic tick failed")
            finally:
                db.session.remove()


@click.command("tick")
def tick_command() -> None:
    """Run the periodic work that is due (for cron, when there is no Redis: every minute)."""
    ran = tick()
    click.echo(f"Travaux périodiques exécutés : {', '.join(ran)}." if ran else "Rien à faire pour l'instant.")
