"""First come, first served: what happens when candidates book their slots themselves."""
from __future__ import annotations

import random

from .board import Board
from .instance import Instance, Schedule
from .problem import Problem
from .validate import figures


def first_come_first_served(instance: Instance, seed: int = 0) -> Schedule:
    """Candidates, in a random sign-up order, book the earliest free slot for each wish in rank order."""
    problem = Problem(instance)
    board = Board(problem)
    order = list(range(len(problem.cands)))
    random.Random(seed).shuffle(order)
    for c in order:
        for p in sorted(problem.pairs_of_cand[c], key=lambda p: problem.pairs[p].rank):
            if p in problem.free_set and board.has_room(p):
                options = board.options(p)
                if options:
                    board.place(p, *min(options))
    interviews = [fx.interview for fx in problem.fixed]
    interviews += [problem.interview(p, s, t) for p, (s, t) in board.assign.items()]
    return Schedule(tuple(interviews), (), figures(instance, interviews), {"status": "BASELINE"})
