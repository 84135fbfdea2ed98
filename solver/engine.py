"""solve(instance, config) -> Schedule: flow and greedy plans, then CP-SAT selection, polish or neighbourhoods."""
from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field
from typing import Callable

from .board import Board
from .bounds import flow_selection, upper_bounds
from .compact import compact
from .explain import explain_unmet
from .greedy import greedy, try_place
from .instance import Instance, Schedule
from .lns import improve
from .model import InterviewModel
from .objective import COMPACT, evaluate, meeting_value, tier
from .problem import Problem
from .select import PairSelection
from .tables import assign_tables
from .validate import figures


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 8, 8))


@dataclass
class SolverConfig:
    """How long and how to search.

    `progress(best_objective, bound, elapsed_seconds)` is called (from the solving thread) on every
    better plan or bound; `bound` is `math.inf` until one is proven, and neither value goes backwards.
    Setting the `stop` event ends the search early and `solve` returns the best plan found so far.
    `workers` is the CP-SAT thread count of the timing models (the pair selection uses one thread).
    Same `seed` and `workers` give the same plan as long as the search ends on its own (deterministic
    CP-SAT budgets derived from `time_limit`) before `time_limit` seconds of wall time.
    """
    time_limit: float = 30.0
    workers: int = field(default_factory=default_workers)
    seed: int = 0
    progress: Callable[[float, float, float], None] | None = None
    stop: threading.Event = field(default_factory=threading.Event)
    full_model_limit: int = 6_000       # slot variables; larger instances use neighbourhood search


class Clock:
    """Wall time left, stop requests and progress reports of one solve."""

    def __init__(self, config: SolverConfig):
        self.config, self.started = config, time.monotonic()

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    @property
    def left(self) -> float:
        return self.config.time_limit - self.elapsed

    def over(self) -> bool:
        return self.left <= 0 or self.config.stop.is_set()

    best: float = float("-inf")
    bound: float = float("inf")

    def report(self, objective: float, bound: float) -> None:
        """Progress never goes backwards: the best objective so far and the best bound so far."""
        self.best, self.bound = max(self.best, objective), min(self.bound, bound)
        if self.config.progress:
            self.config.progress(self.best, self.bound, self.elapsed)


def context_constant(problem: Problem, context: Board, modelled: set[int]) -> int:
    """Objective of the context that the model leaves out, so model value + constant = evaluate()."""
    total = sum(fx.value for fx in problem.fixed)
    for p, (s, _t) in context.assign.items():
        total += problem.pairs[p].value + problem.slot_bonus(problem.pairs[p], s)
    for c, busy in enumerate(context.cand_busy):
        total += sum(tier(j) for j in range(1, context.cand_count[c] + 1))
        if busy and c not in modelled:
            total -= COMPACT * (max(busy) - min(busy))
    return total


def place_slots(board: Board, placed: dict[int, int]) -> None:
    """Give tables to the slots a model chose; interviews that find no table are re-inserted greedily."""
    problem = board.problem
    by_emp: dict[int, dict[int, int]] = {}
    for p, s in placed.items():
        by_emp.setdefault(problem.pairs[p].e, {})[p] = s
    dropped = [p for e in sorted(by_emp) for p in assign_tables(board, e, by_emp[e])]
    for p in dropped:
        try_place(board, p)


def fill(board: Board) -> None:
    """Last pass: any wish that still fits somewhere, without moving others."""
    for p in board.problem.free_pairs:
        if p not in board.assign and board.problem.pairs[p].slots:
            try_place(board, p, repair=False)


def _better(problem: Problem, board: Board, best: int, candidate: Board) -> tuple[Board, int, bool]:
    value = evaluate(problem, candidate.assign)
    return (candidate, value, True) if value > best else (board, best, False)


def _timed(problem: Problem, pairs: list[int] | None, seed: int, clock: Clock,
           first: dict[int, int] | None = None) -> tuple[Board, bool]:
    """Greedy timing of the given pairs (all wishes when None), then fill and compact the days;
    also says whether every given pair found a slot."""
    board = greedy(problem, seed, pairs=pairs, first=first)
    realised = pairs is not None and all(p in board.assign for p in pairs)
    fill(board)
    compact(board, should_stop=clock.over)
    return board, realised


def solve(instance: Instance, config: SolverConfig | None = None) -> Schedule:
    """Plan the day: always returns a valid schedule, the best found within the limits.

    1. constructive plans: who meets whom by a min-cost flow (bounds.flow_selection) and by a
       round-robin greedy seeded with a maximum covering flow; both timed greedily and compacted by
       local search (compact.py). The better one is the fallback and the hint of what follows;
    2. pair selection (select.py, CP-SAT over one boolean per wish) proves or improves who meets whom;
    3. small instances: the whole timing model (model.py) polishes the plan and can prove it optimal;
       larger ones whose selection is not settled: neighbourhoods are re-solved (lns.py).
    """
    config = config or SolverConfig()
    clock = Clock(config)
    problem = Problem(instance)
    cover: dict[int, int] = {}
    ub_interviews, ub_covered = upper_bounds(problem, cover)
    status, bound, settled = "FEASIBLE", float("inf"), False
    chosen, flow_optimum, flow_bound = flow_selection(problem)
    board, _ = _timed(problem, chosen, config.seed, clock)
    best = evaluate(problem, board.assign)
    clock.report(best, bound)
    # the relaxation's optimal meetings all fit: who meets whom is optimal
    settled = meeting_value(problem, board.assign) >= flow_optimum
    if settled:
        bound = flow_bound
        clock.report(best, bound)
    covered = len({problem.pairs[p].c for p in board.assign} | {fx.c for fx in problem.fixed if fx.c >= 0})
    if not clock.over() and not settled and covered < ub_covered:
        board, best, _ = _better(problem, board, best, _timed(problem, None, config.seed, clock, cover)[0])
        clock.report(best, bound)
    free = [p for p in problem.free_pairs if problem.pairs[p].slots]
    size = sum(len(problem.pairs[p].slots) for p in free)
    if not free:
        status, bound = "OPTIMAL", best
    if free and not clock.over() and not settled:
        share = 0.6 if size <= config.full_model_limit else 0.85
        name, chosen, sel_bound = PairSelection(problem).solve(
            seconds=clock.left * share, deterministic=config.time_limit * 0.4, seed=config.seed,
            hint=set(board.assign), stop=config.stop, on_solution=lambda obj, bnd: clock.report(obj, bnd))
        if name == "OPTIMAL":
            bound = min(bound, sel_bound)
        if chosen:
            timed, realised = _timed(problem, chosen, config.seed, clock)
            board, best, improved = _better(problem, board, best, timed)
            # who meets whom is then optimal; only slot-level terms (windows, waiting) could improve
            settled = name == "OPTIMAL" and realised
            clock.report(best, bound)
    if free and size <= config.full_model_limit and not clock.over():
        context = Board(problem)
        model = InterviewModel(problem, context, free)
        model.hint(board.assign)
        const = context_constant(problem, context, set(model.by_cand))
        name, placed, _obj, cp_bound = model.solve(
            seconds=clock.left, workers=config.workers, seed=config.seed, stop=config.stop,
            deterministic=max(0.5, min(config.time_limit / 4, 5.0)),
            on_solution=lambda obj, bnd: clock.report(obj + const, bnd + const))
        if name in ("OPTIMAL", "FEASIBLE"):
            polished = Board(problem)
            place_slots(polished, placed)
            complete = len(polished.assign) == len(placed)
            fill(polished)
            compact(polished)
            bound = min(bound, cp_bound + const)
            board, best, _ = _better(problem, board, best, polished)
            if name == "OPTIMAL" and complete and best >= bound - 1e-6:
                status = "OPTIMAL"
    elif free and not clock.over() and not settled:
        board, best = improve(problem, board, best, config, clock)
    interviews = [fx.interview for fx in problem.fixed]
    interviews += [problem.interview(p, s, t) for p, (s, t) in board.assign.items()]
    interviews.sort(key=lambda i: (i.start, i.employer, i.table, i.candidate))
    stats = figures(instance, interviews)
    solver = {"status": status, "seconds": round(clock.elapsed, 3), "objective": best,
              "bound": None if bound == float("inf") else int(bound),
              "upper_bound_interviews": ub_interviews, "upper_bound_covered": ub_covered,
              "meetings_optimal": settled or status == "OPTIMAL"}
    return Schedule(tuple(interviews), tuple(explain_unmet(board)), stats, solver)
