"""Large-neighbourhood search: re-solve a few hundred meetings at a time with CP-SAT, keep what improves."""
from __future__ import annotations

import random

from .board import Board
from .config import Clock, SolverConfig
from .greedy import fill, place_slots
from .model import InterviewModel
from .problem import Problem
from .score import evaluate

TARGET_VARS = 1_500          # slot variables per neighbourhood at most (counted before the context removes busy slots)
PATIENCE = 60                # neighbourhoods in a row without improvement before giving up
BUILD_PER_VAR = 150          # building the model of one slot variable, in units of Problem() time per slot
SOLVE_FLOOR = 0.5            # seconds: no neighbourhood is built with less than this left to solve it
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
    waiting ones first, then at random, so a neighbourhood never outgrows its cap."""
    start = problem.pairs[rng.choice(hungry)].e if hungry and rng.random() < 0.7 else rng.randrange(len(problem.emps))
    chosen: list[int] = []
    queue, seen, size = [start], {start}, 0
    while queue and size < TARGET_VARS:
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
        context = board.copy()
        for p in free:
            if p in context.assign:
                context.remove(p)
        model = InterviewModel(problem, context, free, should_stop=clock.over)
        model.hint(board.assign)
        if clock.budget < SOLVE_FLOOR / 2:
            break
        name, placed, _bound = model.solve(seconds=min(clock.budget, 10.0), workers=config.workers,
                                           seed=rng.randrange(1 << 30), deterministic=1.0, stop=clock.stop)
        if name not in ("OPTIMAL", "FEASIBLE"):
            idle += 1
            continue
        place_slots(context, placed)
        touched = {problem.pairs[p].c for p in free}
        fill(context, [q for c in sorted(touched) for q in problem.pairs_of_cand[c] if q in problem.free_set])
        value = evaluate(problem, context.assign)
        if value > best:
            board, best, idle = context, value, 0
            clock.report(best, float("inf"))
        else:
            idle += 1
    return board, best
