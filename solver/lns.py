"""Large-neighbourhood search: re-solve a few hundred meetings at a time with CP-SAT, keep what improves."""
from __future__ import annotations

import random

from .board import Board
from .compact import compact, rebalance
from .config import Clock, SolverConfig
from .greedy import fill, place_slots
from .model import InterviewModel
from .problem import Problem
from .score import evaluate

TARGET_VARS = 1_500          # slot variables per neighbourhood at most (counted before the context removes busy slots)
PATIENCE = 60                # neighbourhoods in a row without improvement before giving up
BUILD_PER_VAR = 150          # building the model of one slot variable, in units of Problem() time per slot
SOLVE_FLOOR = 0.5            # seconds: no neighbourhood is built with less than this left to solve it
REQUIRE_TIME = 0.5           # deterministic seconds to find a plan where a neighbourhood's meetings all take place
PER_SECOND = 0.5             # neighbourhoods per second of time limit: the search's deterministic budget


def build_seconds(problem: Problem, unit: float, variables: int) -> float:
    """Predicted seconds to build a timing model of `variables` slot variables, from `unit` (the time
    Problem() took, which handles every slot of every pair once)."""
    total = max(1, sum(len(pair.slots) for pair in problem.pairs))
    return BUILD_PER_VAR * unit * variables / total


def neighbourhood(problem: Problem, rng: random.Random, hungry: list[int], board: Board) -> list[int]:
    """The free pairs to re-solve: those of a seed employer (often one somebody still waits for), then,
    breadth first, of the employers sharing most candidates with those already in, until TARGET_VARS
    slot variables. A popular employer may hold far more than that on its own: then its pairs enter
    waiting ones first, then at random, so a neighbourhood never outgrows its cap. The search stops
    once less than a day's slots are left under the cap (it used to walk every employer of the day
    looking for pairs small enough: a quarter of a second per neighbourhood at 5,000 candidates)."""
    start = problem.pairs[rng.choice(hungry)].e if hungry and rng.random() < 0.7 else rng.randrange(len(problem.emps))
    chosen: list[int] = []
    queue, seen, size = [start], {start}, 0
    full = TARGET_VARS - problem.n_slots        # past this, most pairs no longer fit: stop looking
    while queue and size < full:
        e = queue.pop(0)
        mine = [p for p in problem.pairs_of_emp[e] if p in problem.free_set and problem.pairs[p].slots]
        rng.shuffle(mine)
        mine.sort(key=lambda p: p in board.assign)             # stable: waiting pairs first
        for p in mine:
            if size + len(problem.pairs[p].slots) > TARGET_VARS:
                continue
            chosen.append(p)
            size += len(problem.pairs[p].slots)
        shared: dict[int, int] = {}
        for p in problem.pairs_of_emp[e]:
            for q in problem.pairs_of_cand[problem.pairs[p].c]:
                f = problem.pairs[q].e
                if f not in seen:
                    shared[f] = shared.get(f, 0) + 1
        for f, _n in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))[:3]:
            seen.add(f)
            queue.append(f)
    return sorted(chosen)


def around(problem: Problem, start: int, allowed: set[int]) -> list[int]:
    """The pairs of `allowed` nearest to pair `start`, breadth first over who meets whom (its employer's
    meetings, their candidates' other meetings, those employers' meetings...), until TARGET_VARS slot
    variables: what may have to move so that `start` finds a place."""
    pairs = problem.pairs
    chosen, size = [start], len(pairs[start].slots)
    queue, seen = [("c", pairs[start].c), ("e", pairs[start].e)], {("c", pairs[start].c), ("e", pairs[start].e)}
    taken = {start}
    full = TARGET_VARS - problem.n_slots
    while queue and size < full:
        kind, node = queue.pop(0)
        for p in (problem.pairs_of_cand if kind == "c" else problem.pairs_of_emp)[node]:
            if p in taken or p not in allowed or size + len(pairs[p].slots) > TARGET_VARS:
                continue
            taken.add(p)
            chosen.append(p)
            size += len(pairs[p].slots)
            other = ("e", pairs[p].e) if kind == "c" else ("c", pairs[p].c)
            if other not in seen:
                seen.add(other)
                queue.append(other)
    return sorted(chosen)


def realise(problem: Problem, board: Board, wanted: list[int], config: SolverConfig, clock: Clock,
            unit: float = 0.0) -> Board:
    """Time the pairs of `wanted` the greedy could not place: for each, the timing model re-solves the
    meetings around it (`around`, among the plan's and `wanted`), so that others move to make room.
    Returns the plan with as many of them placed as it managed (never a worse plan)."""
    build = build_seconds(problem, unit, TARGET_VARS)
    allowed = set(wanted) | set(board.assign)
    for start in wanted:
        if start in board.assign or not problem.pairs[start].slots:
            continue
        if clock.over() or clock.budget < build + SOLVE_FLOOR:
            break
        free = around(problem, start, allowed)
        timed = _resolve(problem, board, free, config, clock, config.seed, require=True)
        if timed is not None and all(p in timed.assign for p in free):
            rebalance(timed, should_stop=clock.over)
            compact(timed, should_stop=clock.over)
            if evaluate(problem, timed.assign) > evaluate(problem, board.assign):
                board = timed
    return board


def _resolve(problem: Problem, board: Board, free: list[int], config: SolverConfig, clock: Clock,
             seed: int, require: bool = False) -> Board | None:
    """The plan with the `free` pairs re-timed by the timing model around the rest of `board` (None when
    the model found nothing). With `require`, every free pair must meet and the first such plan is
    returned (its waits are left to `compact`)."""
    context = board.copy()
    for p in free:
        if p in context.assign:
            context.remove(p)
    model = InterviewModel(problem, context, free, should_stop=clock.over)
    if require and not model.require():
        return None
    model.hint(board.assign)
    if clock.budget < SOLVE_FLOOR / 2:
        return None
    # one worker for the feasibility question (CP-SAT aborts on interleaved search stopped at the first solution)
    name, placed, _bound = model.solve(seconds=min(clock.budget, 10.0), workers=1 if require else config.workers,
                                       seed=seed, deterministic=REQUIRE_TIME if require else 1.0,
                                       stop=clock.stop, first=require)
    if name not in ("OPTIMAL", "FEASIBLE"):
        return None
    place_slots(context, placed)
    return context


def improve(problem: Problem, board: Board, best: int, config: SolverConfig, clock: Clock,
            unit: float = 0.0) -> tuple[Board, int]:
    """Re-solve neighbourhoods of the plan with the timing model; keep each strictly better plan.

    How many is set by the time limit (PER_SECOND), and each CP-SAT run by its deterministic time, so
    the same seed gives the same plan on a loaded machine as long as the wall clock does not cut in first."""
    rng = random.Random(config.seed)
    idle = 0
    build = build_seconds(problem, unit, TARGET_VARS)
    rounds = max(1, round(config.time_limit * PER_SECOND))
    while rounds > 0 and not clock.over() and idle < PATIENCE and clock.budget >= build + SOLVE_FLOOR:
        rounds -= 1
        hungry = [p for p in problem.free_pairs if p not in board.assign and problem.pairs[p].slots
                  and board.cand_count[problem.pairs[p].c] < problem.cap[problem.pairs[p].c]]
        free = neighbourhood(problem, rng, hungry, board)
        resolved = _resolve(problem, board, free, config, clock, rng.randrange(1 << 30))
        if resolved is None:
            if clock.budget < SOLVE_FLOOR / 2:
                break
            idle += 1
            continue
        context = resolved
        touched = {problem.pairs[p].c for p in free}
        fill(context, [q for c in sorted(touched) for q in problem.pairs_of_cand[c] if q in problem.free_set])
        value = evaluate(problem, context.assign)
        if value > best:
            board, best, idle = context, value, 0
            clock.report(best, float("inf"))
            clock.plan_improved(board, every=1.0)
        else:
            idle += 1
    return board, best
