"""Large-neighbourhood search: re-solve a few employers at a time with CP-SAT, keep what improves."""
from __future__ import annotations

import random

from .board import Board
from .model import InterviewModel
from .objective import evaluate
from .problem import Problem

TARGET_VARS = 6_000          # slot variables per neighbourhood
PATIENCE = 60                # neighbourhoods in a row without improvement before giving up


def neighbourhood(problem: Problem, board: Board, rng: random.Random, hungry: list[int]) -> list[int]:
    """A seed employer (often one somebody still waits for), then employers sharing its candidates."""
    if hungry and rng.random() < 0.7:
        start = problem.pairs[rng.choice(hungry)].e
    else:
        start = rng.randrange(len(problem.emps))
    chosen, size = [start], 0
    frontier = [start]
    seen = {start}
    while frontier and size < TARGET_VARS:
        e = frontier.pop(0)
        size += sum(len(problem.pairs[p].slots) for p in problem.pairs_of_emp[e])
        neighbours = {}
        for p in problem.pairs_of_emp[e]:
            for q in problem.pairs_of_cand[problem.pairs[p].c]:
                f = problem.pairs[q].e
                if f not in seen:
                    neighbours[f] = neighbours.get(f, 0) + 1
        for f, _n in sorted(neighbours.items(), key=lambda kv: (-kv[1], kv[0]))[:3]:
            seen.add(f)
            frontier.append(f)
        if frontier and size < TARGET_VARS:
            chosen.append(frontier[0])
    return sorted(set(chosen))


def improve(problem: Problem, board: Board, best: int, config, clock) -> tuple[Board, int]:
    from .engine import fill, place_slots
    rng = random.Random(config.seed)
    idle = 0
    while clock.left > 2.0 and not clock.over() and idle < PATIENCE:
        hungry = [p for p in problem.free_pairs if p not in board.assign and problem.pairs[p].slots
                  and board.cand_count[problem.pairs[p].c] < problem.cap[problem.pairs[p].c]]
        emps = set(neighbourhood(problem, board, rng, hungry))
        free = [p for e in emps for p in problem.pairs_of_emp[e] if p in problem.free_set
                and problem.pairs[p].slots]
        context = board.copy()
        for p in free:
            if p in context.assign:
                context.remove(p)
        model = InterviewModel(problem, context, free)
        model.hint(board.assign)
        name, placed, _obj, _bound = model.solve(seconds=min(clock.left - 1.0, 10.0), workers=config.workers,
                                                 seed=rng.randrange(1 << 30), deterministic=2.0,
                                                 stop=config.stop)
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

