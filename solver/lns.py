"""Large-neighbourhood search: re-solve a few employers at a time with CP-SAT, keep what improves."""
from __future__ import annotations

import random

from .board import Board
from .config import Clock, SolverConfig
from .greedy import fill, place_slots
from .model import InterviewModel
from .problem import Problem
from .score import evaluate

TARGET_VARS = 1_500          # slot variables per neighbourhood
PATIENCE = 60                # neighbourhoods in a row without improvement before giving up


def neighbourhood(problem: Problem, rng: random.Random, hungry: list[int]) -> list[int]:
    """A seed employer (often one somebody still waits for), then, breadth first, the employers
    sharing most candidates with those already in, until about TARGET_VARS slot variables."""
    start = problem.pairs[rng.choice(hungry)].e if hungry and rng.random() < 0.7 else rng.randrange(len(problem.emps))
    chosen, queue, seen, size = [], [start], {start}, 0
    while queue and size < TARGET_VARS:
        e = queue.pop(0)
        chosen.append(e)
        size += sum(len(problem.pairs[p].slots) for p in problem.pairs_of_emp[e])
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


def improve(problem: Problem, board: Board, best: int, config: SolverConfig, clock: Clock) -> tuple[Board, int]:
    """Re-solve neighbourhoods of the plan with the timing model; keep each strictly better plan."""
    rng = random.Random(config.seed)
    idle = 0
    while clock.left > 2.0 and not clock.over() and idle < PATIENCE:
        hungry = [p for p in problem.free_pairs if p not in board.assign and problem.pairs[p].slots
                  and board.cand_count[problem.pairs[p].c] < problem.cap[problem.pairs[p].c]]
        emps = set(neighbourhood(problem, rng, hungry))
        free = [p for e in emps for p in problem.pairs_of_emp[e] if p in problem.free_set
                and problem.pairs[p].slots]
        context = board.copy()
        for p in free:
            if p in context.assign:
                context.remove(p)
        model = InterviewModel(problem, context, free)
        model.hint(board.assign)
        name, placed, _bound = model.solve(seconds=min(clock.left - 1.0, 10.0), workers=config.workers,
                                           seed=rng.randrange(1 << 30), deterministic=1.0, stop=clock.stop)
        if name not in ("OPTIMAL", "FEASIBLE"):
            idle += 1
            continue
        place_slots(context, placed)
        fill(context)
        value = evaluate(problem, context.assign)
        if value > best:
            board, best, idle = context, value, 0
            clock.report(best, float("inf"))
        else:
            idle += 1
    return board, best

