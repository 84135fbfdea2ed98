"""solve(instance, config) -> Schedule, as the stages of solver/README.md ("How it works"), one method each.

    bounds → flow plan → covering plan → pair selection → polish (small) or neighbourhoods (large) → finish

Every stage is given the `Clock` (time limit, stop event, progress reports) and reads and updates the
shared state of the run: the incumbent plan (`board`, its objective `best`) and what is proven about
it (`bound`, `status`, `settled`). A stage only ever replaces the incumbent by a strictly better plan.
"""
from __future__ import annotations

import math

from .board import Board
from .bounds import flow_selection, upper_bounds
from .compact import compact
from .config import Clock, SolverConfig
from .cpsat import shifted
from .explain import explain_unmet
from .greedy import fill, greedy, place_slots
from .instance import Instance, Schedule
from .lns import improve
from .model import InterviewModel
from .problem import Problem
from .score import evaluate, meeting_value
from .select import PairSelection
from .validate import figures


def solve(instance: Instance, config: SolverConfig | None = None) -> Schedule:
    """Plan the day: always returns a valid schedule, the best found within the limits."""
    clock = Clock(config or SolverConfig())
    run = Run(Problem(instance), clock.config)
    run.bounds(clock)
    run.flow_plan(clock)
    run.covering_plan(clock)
    run.pair_selection(clock)
    if run.small:
        run.polish(clock)
    else:
        run.neighbourhoods(clock)
    return run.finish(clock)


def timed_plan(problem: Problem, pairs: list[int] | None, seed: int, clock: Clock,
               first: dict[int, int] | None = None) -> tuple[Board, bool]:
    """When: greedy timing of the given pairs (all wishes when None), then fill and compact the days.
    Also says whether every given pair found a slot."""
    board = greedy(problem, seed, pairs=pairs, first=first)
    realised = pairs is not None and all(p in board.assign for p in pairs)
    fill(board)
    compact(board, should_stop=clock.over)
    return board, realised


class Run:
    """One solve: the problem, the incumbent plan and what is proven about it, and the stages."""

    def __init__(self, problem: Problem, config: SolverConfig):
        self.problem, self.config = problem, config
        self.free = [p for p in problem.free_pairs if problem.pairs[p].slots]    # the pairs left to decide
        self.small = sum(len(problem.pairs[p].slots) for p in self.free) <= config.full_model_limit
        self.board = Board(problem)
        self.best = evaluate(problem, self.board.assign)
        self.bound = math.inf           # proven upper bound on the objective
        self.status = "FEASIBLE"        # OPTIMAL once the incumbent is proven best
        self.settled = False            # who meets whom is proven optimal
        self.cover: dict[int, int] = {}
        self.ub_interviews = self.ub_covered = 0

    def offer(self, board: Board) -> bool:
        """Make `board` the incumbent if it is strictly better."""
        value = evaluate(self.problem, board.assign)
        if value <= self.best:
            return False
        self.board, self.best = board, value
        return True

    # ------------------------------------------------------------- 1. who meets whom, 2. when
    def bounds(self, clock: Clock) -> None:
        """Proven upper bounds on interviews and covered candidates (max flows), and for each candidate
        the pair of its first interview in a maximum covering flow."""
        self.ub_interviews, self.ub_covered = upper_bounds(self.problem, self.cover)

    def flow_plan(self, clock: Clock) -> None:
        """The first plan: who meets whom by min-cost flow, timed greedily and compacted. When its meetings
        reach the relaxation's optimum, who meets whom is proven optimal."""
        chosen, flow_optimum, flow_bound = flow_selection(self.problem)
        self.board, _ = timed_plan(self.problem, chosen, self.config.seed, clock)
        self.best = evaluate(self.problem, self.board.assign)
        clock.report(self.best, self.bound)
        self.settled = meeting_value(self.problem, self.board.assign) >= flow_optimum
        if self.settled:
            self.bound = flow_bound
            clock.report(self.best, self.bound)

    def covering_plan(self, clock: Clock) -> None:
        """While some candidate could still be covered: the greedy over every wish, each candidate starting
        with its pair of the maximum covering flow; kept when better."""
        problem = self.problem
        covered = len({problem.pairs[p].c for p in self.board.assign} | {fx.c for fx in problem.fixed if fx.c >= 0})
        if clock.over() or self.settled or covered >= self.ub_covered:
            return
        self.offer(timed_plan(problem, None, self.config.seed, clock, self.cover)[0])
        clock.report(self.best, self.bound)

    # ------------------------------------------------------------- 3. proof or improvement
    def pair_selection(self, clock: Clock) -> None:
        """CP-SAT over one boolean per wish proves or improves who meets whom; its choice is timed greedily."""
        if not self.free:               # nothing left to choose: the fixed interviews are the plan
            self.status, self.bound = "OPTIMAL", self.best
            return
        if clock.over() or self.settled:
            return
        config = self.config
        name, chosen, bound = PairSelection(self.problem).solve(
            seconds=clock.left * (0.6 if self.small else 0.85), deterministic=config.time_limit * 0.4,
            seed=config.seed, hint=set(self.board.assign), stop=clock.stop, on_solution=clock.report)
        if name == "OPTIMAL":
            self.bound = min(self.bound, bound)
        if chosen:
            board, realised = timed_plan(self.problem, chosen, config.seed, clock)
            self.offer(board)
            # who meets whom is then optimal; only slot-level terms (windows, waiting) could improve
            self.settled = name == "OPTIMAL" and realised
            clock.report(self.best, self.bound)

    def polish(self, clock: Clock) -> None:
        """Small instances: the full CP-SAT timing model, hinted with the incumbent, can prove it optimal."""
        if not self.free or clock.over():
            return
        problem, config = self.problem, self.config
        model = InterviewModel(problem, Board(problem), self.free)
        model.hint(self.board.assign)
        const = model.context_value()
        name, placed, model_bound = model.solve(
            seconds=clock.left, workers=config.workers, seed=config.seed, stop=clock.stop,
            deterministic=max(0.5, min(config.time_limit / 4, 5.0)),
            on_solution=shifted(clock.report, const, const))
        if name not in ("OPTIMAL", "FEASIBLE"):
            return
        polished = Board(problem)
        place_slots(polished, placed)
        complete = len(polished.assign) == len(placed)
        fill(polished)
        compact(polished)
        self.bound = min(self.bound, model_bound + const)
        self.offer(polished)
        if name == "OPTIMAL" and complete and self.best >= self.bound - 1e-6:
            self.status = "OPTIMAL"

    def neighbourhoods(self, clock: Clock) -> None:
        """Large instances whose meetings are not settled: re-solve a few employers at a time (lns.py)."""
        if not self.free or clock.over() or self.settled:
            return
        self.board, self.best = improve(self.problem, self.board, self.best, self.config, clock)

    # ------------------------------------------------------------- the schedule
    def finish(self, clock: Clock) -> Schedule:
        """The schedule: interviews in order, figures, what the solver proved, and why wishes are unmet."""
        problem = self.problem
        interviews = [fx.interview for fx in problem.fixed]
        interviews += [problem.interview(p, s, t) for p, (s, t) in self.board.assign.items()]
        interviews.sort(key=lambda i: (i.start, i.employer, i.table, i.candidate))
        stats = figures(problem.instance, interviews)
        solver = {"status": self.status, "seconds": round(clock.elapsed, 3), "objective": self.best,
                  "bound": None if self.bound == math.inf else int(self.bound),
                  "upper_bound_interviews": self.ub_interviews, "upper_bound_covered": self.ub_covered,
                  "meetings_optimal": self.settled or self.status == "OPTIMAL"}
        unmet = explain_unmet(self.board)
        return Schedule(tuple(interviews), tuple(unmet), stats, solver)
