"""The live progress of a solve run: what the solver reported last (its best objective and bound, the
figures of its best plan so far), committed to the run's row twice a second for the progress page."""
from __future__ import annotations

import math
import threading
import time
from typing import Any

from sqlalchemy import select, update

from jobdating.core.models import RunStatus, SolveRun
from jobdating.core.times import utcnow
from jobdating.extensions import db

# How often a running solve writes its progress (and its heartbeat) to its row.
PROGRESS_EVERY_SECONDS = 0.5


def _finite(value: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) else None


class Progress:
    """What the solver reported last; written by the solver's callback, read by the monitor thread."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.best: float | None = None
        self.bound: float | None = None
        self.stats: dict[str, Any] | None = None
        self.stop = threading.Event()

    def report(self, best: float | None, bound: float | None, elapsed: float | None = None) -> None:
        """The solver's best objective and bound; "no bound yet" (infinity) is stored as none: the status
        page's JSON has no infinity (a poll that cannot be read stops the page following the run)."""
        with self.lock:
            self.best, self.bound = _finite(best), _finite(bound)

    def figures(self, stats: dict[str, Any]) -> None:
        """The solver's figures of its best plan so far (the bars of the progress page fill from them)."""
        with self.lock:
            self.stats = stats

    def snapshot(self) -> tuple[float | None, float | None, dict[str, Any] | None]:
        with self.lock:
            return self.best, self.bound, self.stats


def live_figures(base: dict[str, Any], stats: dict[str, Any]) -> dict[str, Any]:
    """The figures of the solver's best plan so far, in the form of `plan_figures` (`base`: the figures
    of the empty plan, for what depends on the instance only), marked as not final."""
    return {**base, "covered": stats["covered"], "interviews": stats["interviews"],
            "upper_bound_covered": stats.get("upper_bound_covered"),
            "upper_bound_interviews": stats.get("upper_bound_interviews"),
            "first_choices": stats["first_choices"], "favorites_met": stats["favourites_met"],
            "mean_wait_minutes": stats["mean_wait_minutes"], "live": True}


def monitor_run(app, run_id: int, progress: Progress, done: threading.Event, started: float, limit: float,
             base: dict[str, Any]) -> None:
    """Commit progress to the run's row twice a second (with the figures of the best plan so far) and
    pass the organizer's stop on to the solver."""
    with app.app_context():
        try:
            shown = None
            while not done.wait(PROGRESS_EVERY_SECONDS):
                best, bound, stats = progress.snapshot()
                share = min(0.99, (time.monotonic() - started) / max(limit, 0.1))
                values: dict[str, Any] = {"progress": share, "best_objective": best, "bound": bound,
                                          "heartbeat_at": utcnow()}
                if stats is not None and stats is not shown:
                    values["figures"], shown = live_figures(base, stats), stats
                db.session.execute(update(SolveRun).where(SolveRun.id == run_id, SolveRun.status == RunStatus.RUNNING)
                                   .values(**values))
                stop = db.session.scalar(select(SolveRun.stop_requested).where(SolveRun.id == run_id))
                db.session.commit()
                if stop:
                    progress.stop.set()
        finally:
            db.session.remove()
