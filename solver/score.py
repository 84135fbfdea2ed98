"""The pure-Python scorer of a plan: the objective of objective.py, term by term."""
from __future__ import annotations

from .objective import compact_weight, tiers
from .problem import Problem

Assign = dict[int, tuple[int, int]]     # free pair -> (slot, table)


def meeting_value(problem: Problem, assign: Assign) -> int:
    """The part of the objective that only depends on who meets whom: coverage and fairness, wishes,
    and keeping published meetings."""
    total = sum(problem.pairs[fx.pair].wish for fx in problem.fixed if fx.pair >= 0)
    counts: dict[int, int] = {}
    for fx in problem.fixed:
        if fx.c >= 0:
            counts[fx.c] = counts.get(fx.c, 0) + 1
    for p in assign:
        pair = problem.pairs[p]
        counts[pair.c] = counts.get(pair.c, 0) + 1
        total += pair.wish + pair.keep
    return total + sum(tiers(n) for n in counts.values())


def evaluate(problem: Problem, assign: Assign) -> int:
    """Objective value of a plan; fixed interviews included."""
    total = 0
    slots_of: dict[int, list[int]] = {}
    for fx in problem.fixed:
        if fx.c >= 0:
            slots_of.setdefault(fx.c, []).append(fx.slot)
        total += fx.value
    for p, (s, _t) in assign.items():
        pair = problem.pairs[p]
        slots_of.setdefault(pair.c, []).append(s)
        total += pair.wish + pair.keep + problem.slot_bonus(pair, s)
    for slots in slots_of.values():
        total += tiers(len(slots)) + compact_weight(slots)
    return total
