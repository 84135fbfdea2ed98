"""solve(instance, config) -> Schedule, as the stages of solver/README.md ("How it works"), one method each.

    bounds → flow plan → covering plan → pair selection → polish (small) or neighbourhoods (large) → finish

Every stage is given the `Clock` (time limit, stop event, progress reports) and reads and updates the
shared state of the run: the incumbent plan (`board`, its objective `best`) and what is proven about
it (`bound`, `status`, `settled`). A stage only ever replaces the incumbent by a strictly better plan.
"""
from __future__ import annotations

import math
from dataclasses import replace

from .board import Board
from .bounds import Skeleton, flow_selection, upper_bounds
from .compact import compact, rebalance
from .config import Clock, SolverConfig
from .cpsat import shifted
from .explain import explain_dropped, explain_unmet
from .greedy import fill, greedy, place_slots
from .instance import Instance, Interview, Schedule
from .lns import build_seconds, improve, realise
from .model import InterviewModel
from .problem import Problem
from .score import evaluate, meeting_value
from .select import PairSelection
from .validate import figures

# What each stage costs, in units of the time Problem() took on the same machine (measured on
# generated days of 2,000 to 10,000 candidates; solver/README.md, "Where the time goes"), with a margin.
COST_FLOW = 15.0            # the min-cost flow selection (measured 9 to 13)
COST_TIMING = 5.0           # greedy timing of chosen pairs, fill, fairness move and compact (measured 3 to 4.3)
COST_COVERING = 1.5         # the covering greedy, on top of COST_TIMING (measured 3.5 to 5.3 in all)
COST_SELECTION = 7.0        # building the pair-selection model (measured 3.6 to 6)
COST_FINISH = 1.2           # the schedule: figures and the reasons of unmet wishes (measured 0.7 to 0.8)
WRITE_MARGIN = 0.3          # seconds kept for the caller to write the schedule (and 0.2 units more)
# Below this much of the relaxation's optimum (less than a 6th interview, tier 1,000: only wishes' ranks and
# favourites), with coverage and interviews at their bounds, a large plan skips the pair selection.
NEARLY = 1_000
MODEL_FLOOR = 1.0           # no CP-SAT model is built with less than this many seconds to solve it


def solve(instance: Instance, config: SolverConfig | None = None) -> Schedule:
    """Plan the day: always returns a valid schedule, the best found within the limits."""
    clock = Clock(config or SolverConfig())
    before = clock.elapsed
    run = Run(Problem(canonical(instance)), clock.config, unit=clock.elapsed - before)
    clock.reserve = run.cost(COST_FINISH + 0.2) + WRITE_MARGIN
    clock.on_plan = run.announce
    run.bounds(clock)
    clock.plan_improved(run.board)
    if clock.budget >= run.cost(COST_FLOW + COST_TIMING):
        run.flow_plan(clock)
    else:
        run.quick_plan(clock)
    run.covering_plan(clock)
    run.pair_selection(clock)
    if run.small:
        run.polish(clock)
    else:
        run.neighbourhoods(clock)
    schedule = run.finish(clock)
    position = {c.id: i for i, c in enumerate(instance.candidates)}    # unmet wishes in the input's order
    return replace(schedule, unmet=tuple(sorted(schedule.unmet, key=lambda u: position[u.candidate])))


def canonical(instance: Instance) -> Instance:
    """The instance with its candidates and employers sorted by id, so that the order of the input does
    not change the plan (only each candidate's ranking of wishes is an order that means something)."""
    return replace(instance, candidates=tuple(sorted(instance.candidates, key=lambda c: _key(c.id))),
                   employers=tuple(sorted(instance.employers, key=lambda e: _key(e.id))))


def _key(text: str) -> tuple[str, int, str]:
    """Ids in natural order: "C2" before "C10"."""
    head = text.rstrip("0123456789")
    tail = text[len(head):]
    return head, int(tail) if tail else -1, tail


def timed_plan(problem: Problem, pairs: list[int] | None, seed: int, clock: Clock,
               first: dict[int, int] | None = None, repair_below: int | None = None) -> tuple[Board, bool]:
    """When: greedy timing of the given pairs (all wishes when None), then fill and compact the days.
    Also says whether every given pair found a slot."""
    board = greedy(problem, seed, pairs=pairs, first=first, repair_below=repair_below, should_stop=clock.over)
    realised = pairs is not None and all(p in board.assign for p in pairs)
    if not clock.over():
        fill(board)
    rebalance(board, should_stop=clock.over)
    compact(board, should_stop=clock.over)
    return board, realised


class Run:
    """One solve: the problem, the incumbent plan and what is proven about it, and the stages."""

    def __init__(self, problem: Problem, config: SolverConfig, unit: float = 0.0):
        self.problem, self.config = problem, config
        self.unit = unit                # seconds Problem() took: the yardstick of the stages' costs
        self.net: Skeleton | None = None
        self.free = [p for p in problem.free_pairs if problem.pairs[p].slots]    # the pairs left to decide
        self.small = sum(len(problem.pairs[p].slots) for p in self.free) <= config.full_model_limit
        self.board = Board(problem)
        self.best = evaluate(problem, self.board.assign)
        self.bound = math.inf           # proven upper bound on the objective
        self.status = "FEASIBLE"        # OPTIMAL once the incumbent is proven best
        self.settled = False            # who meets whom is proven optimal
        self.cover: dict[int, int] = {}
        self.covering_done = False      # the covering greedy already gave a plan (quick_plan)
        self.flow_optimum = math.inf    # the relaxation's optimum of meeting_value, once the flow ran
        self.ub_interviews = self.ub_covered = 0

    def cost(self, units: float) -> float:
        """Predicted seconds of a stage costing `units` times what building the problem took."""
        return units * self.unit

    def offer(self, board: Board) -> bool:
        """Make `board` the incumbent if it is strictly better."""
        value = evaluate(self.problem, board.assign)
        if value <= self.best:
            return False
        self.board, self.best = board, value
        self.announce(board)
        return True

    def announce(self, board: Board) -> None:
        """The figures of a better plan, for `SolverConfig.figures` (a progress page's bars)."""
        if self.config.figures is None:
            return
        stats = figures(self.problem.instance, self.interviews(board))
        stats.update(upper_bound_covered=self.ub_covered, upper_bound_interviews=self.ub_interviews)
        self.config.figures(stats)

    def interviews(self, board: Board) -> list[Interview]:
        """The interviews of a plan: the fixed ones, then the placed pairs."""
        problem = self.problem
        placed = [problem.interview(p, s, t) for p, (s, t) in board.assign.items()]
        return [fx.interview for fx in problem.fixed] + placed

    # ------------------------------------------------------------- 1. who meets whom, 2. when
    def bounds(self, clock: Clock) -> None:
        """Proven upper bounds on interviews and covered candidates (max flows), and for each candidate
        the pair of its first interview in a maximum covering flow."""
        self.net = Skeleton(self.problem)
        self.ub_interviews, self.ub_covered = upper_bounds(self.problem, self.cover, self.net)

    def quick_plan(self, clock: Clock) -> None:
        """The first plan when the min-cost flow would not fit in the time left (huge day, short limit):
        the greedy over every wish, each candidate starting with its pair of the maximum covering flow,
        moving others aside only to cover somebody."""
        self.offer(timed_plan(self.problem, None, self.config.seed, clock, self.cover, repair_below=1)[0])
        self.covering_done = True
        clock.report(self.best, self.bound)

    def flow_plan(self, clock: Clock) -> None:
        """The first plan: who meets whom by min-cost flow, timed greedily and compacted. When its meetings
        reach the relaxation's optimum, who meets whom is proven optimal."""
        chosen, flow_optimum, flow_bound = flow_selection(self.problem, self.net)
        self.board, realised = timed_plan(self.problem, chosen, self.config.seed, clock)
        if not realised:                # a few chosen pairs found no slot: others move to make room
            self.board = realise(self.problem, self.board, chosen, self.config, clock, self.unit)
        self.best = evaluate(self.problem, self.board.assign)
        self.announce(self.board)
        clock.report(self.best, self.bound)
        self.flow_optimum = flow_optimum
        self.settled = meeting_value(self.problem, self.board.assign) >= flow_optimum
        if self.settled:
            self.bound = flow_bound
            clock.report(self.best, self.bound)

    def covering_plan(self, clock: Clock) -> None:
        """While some candidate could still be covered: the greedy over every wish, each candidate starting
        with its pair of the maximum covering flow; kept when better."""
        problem = self.problem
        covered = len({problem.pairs[p].c for p in self.board.assign} | {fx.c for fx in problem.fixed if fx.c >= 0})
        if (self.settled or self.covering_done or covered >= self.ub_covered
                or clock.budget < self.cost(COST_COVERING + COST_TIMING)):
            return
        self.offer(timed_plan(problem, None, self.config.seed, clock, self.cover, repair_below=1)[0])
        clock.report(self.best, self.bound)

    # ------------------------------------------------------------- 3. proof or improvement
    def pair_selection(self, clock: Clock) -> None:
        """CP-SAT over one boolean per wish proves or improves who meets whom; its choice is timed greedily."""
        if not self.free:               # nothing left to choose: the fixed interviews are the plan
            self.status, self.bound = "OPTIMAL", self.best
            return
        after = self.cost(COST_TIMING)            # timing the selection's choice
        if (self.settled or self.nearly_settled()
                or clock.budget < self.cost(COST_SELECTION) + after + MODEL_FLOOR):
            return
        config = self.config
        selection = PairSelection(self.problem)
        seconds = (clock.budget - after) * (0.6 if self.small else 0.85)
        if clock.stop.is_set() or seconds < MODEL_FLOOR / 2:
            return
        name, chosen, bound = selection.solve(
            seconds=seconds, deterministic=config.time_limit * 0.4,
            seed=config.seed, hint=set(self.board.assign), stop=clock.stop, on_solution=clock.report)
        if name == "OPTIMAL":
            self.bound = min(self.bound, bound)
        if chosen:
            board, realised = timed_plan(self.problem, chosen, config.seed, clock)
            if not realised:
                board = realise(self.problem, board, chosen, config, clock, self.unit)
                realised = all(p in board.assign for p in chosen)
            self.offer(board)
            # who meets whom is then optimal; only slot-level terms (windows, waiting) could improve
            self.settled = name == "OPTIMAL" and realised
            clock.report(self.best, self.bound)

    def nearly_settled(self) -> bool:
        """Every coverable candidate covered, as many interviews as the bound, and less than NEARLY of the
        relaxation's optimum of who meets whom left to gain: only ranks and favourites of a few wishes could
        still improve, which does not pay for the pair selection (it can take the whole limit to prove it)."""
        problem, assign = self.problem, self.board.assign
        fixed = [fx for fx in problem.fixed if fx.c >= 0]
        covered = len({problem.pairs[p].c for p in assign} | {fx.c for fx in fixed})
        return (covered >= self.ub_covered and len(assign) + len(fixed) >= self.ub_interviews
                and self.flow_optimum - meeting_value(problem, assign) < NEARLY)

    def polish(self, clock: Clock) -> None:
        """Small instances: the full CP-SAT timing model, hinted with the incumbent, can prove it optimal."""
        vars_ = sum(len(self.problem.pairs[p].slots) for p in self.free)
        if not self.free or clock.budget < build_seconds(self.problem, self.unit, vars_) + MODEL_FLOOR:
            return
        problem, config = self.problem, self.config
        model = InterviewModel(problem, Board(problem), self.free, should_stop=clock.over)
        if clock.budget < MODEL_FLOOR / 2 or clock.stop.is_set():
            return
        model.hint(self.board.assign)
        const = model.context_value()
        name, placed, model_bound = model.solve(
            seconds=clock.budget - self.cost(COST_TIMING), workers=config.workers, seed=config.seed, stop=clock.stop,
            deterministic=max(0.5, min(config.time_limit / 4, 5.0)),
            on_solution=shifted(clock.report, const, const))
        if name not in ("OPTIMAL", "FEASIBLE"):
            return
        polished = Board(problem)
        place_slots(polished, placed)
        complete = len(polished.assign) == len(placed)
        fill(polished)
        rebalance(polished, should_stop=clock.over)
        compact(polished, should_stop=clock.over)
        self.bound = min(self.bound, model_bound + const)
        self.offer(polished)
        if name == "OPTIMAL" and complete and self.best >= self.bound - 1e-6:
            self.status = "OPTIMAL"

    def neighbourhoods(self, clock: Clock) -> None:
        """Large instances whose meetings are not settled: re-solve a few employers at a time (lns.py)."""
        if not self.free or clock.over() or self.settled:
            return
        before = self.best
        self.board, self.best = improve(self.problem, self.board, self.best, self.config, clock, self.unit)
        if self.best > before:
            self.announce(self.board)

    # ------------------------------------------------------------- the schedule
    def finish(self, clock: Clock) -> Schedule:
        """The schedule: interviews in order, figures, what the solver proved, and why wishes are unmet."""
        problem = self.problem
        interviews = self.interviews(self.board)
        interviews.sort(key=lambda i: (i.start, i.employer, i.table, i.candidate))
        stats = figures(problem.instance, interviews)
        unmet = explain_unmet(self.board)
        dropped = explain_dropped(self.board, interviews)
        solver = {"status": self.status, "seconds": round(clock.elapsed, 3), "objective": self.best,
                  "bound": None if self.bound == math.inf else int(self.bound),
                  "upper_bound_interviews": self.ub_interviews, "upper_bound_covered": self.ub_covered,
                  "meetings_optimal": self.settled or self.status == "OPTIMAL"}
        return Schedule(tuple(interviews), tuple(unmet), stats, solver, tuple(dropped))
