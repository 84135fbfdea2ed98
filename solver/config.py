"""How long and how to search (`SolverConfig`), and the clock every stage of a solve is given (`Clock`)."""
from __future__ import annotations

import math
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 8, 8))


@dataclass
class SolverConfig:
    """How long and how to search.

    `progress(best_objective, bound, elapsed_seconds)` is called (from the solving thread) on every
    better plan or bound; `bound` is `math.inf` until one is proven, and neither value goes backwards.
    `figures(stats)` is called (from the solving thread) with what a user notices of the best plan so far:
    the `stats` of the schedule (formats.md: covered, interviews, first_choices, favourites_met, mean and
    max wait) with `upper_bound_covered` and `upper_bound_interviews`; first once the bounds are known
    (an empty plan), then after each stage that improves the plan, at most once a second during the
    neighbourhood search.
    Setting the `stop` event ends the search early and `solve` returns the best plan found so far.
    `workers` is the CP-SAT thread count of the timing models (the pair selection uses one thread).
    Same `seed` and `workers` give the same plan as long as the search ends on its own (deterministic
    CP-SAT budgets derived from `time_limit`) before `time_limit` seconds of wall time.
    `time_limit` covers everything until `solve` returns, counted from `started` when given (the command
    line sets it before reading the instance, so reading it counts too).
    """
    time_limit: float = 30.0
    workers: int = field(default_factory=default_workers)
    seed: int = 0
    progress: Callable[[float, float, float], None] | None = None
    figures: Callable[[dict[str, Any]], None] | None = None
    stop: threading.Event = field(default_factory=threading.Event)
    full_model_limit: int = 6_000       # slot variables; larger instances use neighbourhood search
    started: float | None = None        # time.monotonic() the limit counts from (default: when solve starts)


class Clock:
    """The deadline and stop event of one solve, and its progress reports; every stage is given it.

    `reserve` is the time kept for what must still run after the search (the schedule, its figures and
    reasons): `budget` and `over()` count it as spent already."""

    def __init__(self, config: SolverConfig):
        self.config = config
        self.started = time.monotonic() if config.started is None else config.started
        self.stop = config.stop
        self.best = -math.inf
        self.bound = math.inf
        self.reserve = 0.0
        self.on_plan: Callable[[Any], None] | None = None     # the run's announcement of a better plan
        self._announced = -math.inf

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    @property
    def left(self) -> float:
        """Seconds of wall time left before `time_limit`."""
        return self.config.time_limit - self.elapsed

    @property
    def budget(self) -> float:
        """Seconds left for the search: `left` minus the `reserve`."""
        return self.left - self.reserve

    def over(self) -> bool:
        """The search must end: its budget is spent or somebody asked to stop."""
        return self.budget <= 0 or self.stop.is_set()

    def report(self, objective: float, bound: float) -> None:
        """Progress never goes backwards: the best objective so far and the best bound so far."""
        self.best, self.bound = max(self.best, objective), min(self.bound, bound)
        if self.config.progress:
            self.config.progress(self.best, self.bound, self.elapsed)

    def plan_improved(self, board: Any, every: float = 0.0) -> None:
        """A stage found a better plan: announce its figures (`SolverConfig.figures`), at most once
        every `every` seconds."""
        if self.on_plan is None or self.elapsed - self._announced < every:
            return
        self._announced = self.elapsed
        self.on_plan(board)
