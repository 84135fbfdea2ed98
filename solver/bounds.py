"""Proven upper bounds on interviews and on covered candidates, by max-flow relaxation."""
from __future__ import annotations

from ortools.graph.python import max_flow

from .problem import Problem


def candidate_room(problem: Problem, c: int, fixed_slots: set[int]) -> int:
    """How many more interviews candidate c can fit at all (availability, fixed ones, min gap, cap)."""
    g = problem.min_gap
    slots = sorted({s for p in problem.pairs_of_cand[c] for s in problem.pairs[p].slots})
    count, last = 0, -10 ** 9
    for s in slots:
        if s - last > g and all(abs(s - f) > g for f in fixed_slots):
            count, last = count + 1, s
    return min(count, problem.cap[c] - len(fixed_slots))


def employer_room(problem: Problem, e: int, fixed: dict[int, set[int]]) -> int:
    """Interviews employer e can still hold: per table, runs of slots with a pause every max_consecutive."""
    m = problem.max_consec[e]
    open_slots = {s for s in problem.emp_slots[e] if s >= problem.first_new}
    total = 0
    for t in range(1, problem.tables[e] + 1):
        mine = fixed.get(t, set())
        run, inside = 0, 0
        for s in range(problem.n_slots + 1):
            if s < problem.n_slots and (s in open_slots or s in mine):
                run += 1
                inside += s in mine
                continue
            total += run - run // (m + 1) - inside
            run, inside = 0, 0
    n_fixed = sum(len(v) for v in fixed.values())
    return max(0, min(total, problem.max_int[e] - n_fixed))


def upper_bounds(problem: Problem) -> tuple[int, int]:
    """(interviews, covered): max flows source -> candidate -> pair -> (employer, slot) -> employer -> sink."""
    fixed_c: dict[int, set[int]] = {}
    fixed_e: dict[int, dict[int, set[int]]] = {}
    for fx in problem.fixed:
        if fx.c >= 0:
            fixed_c.setdefault(fx.c, set()).add(fx.slot)
        if fx.e >= 0:
            fixed_e.setdefault(fx.e, {}).setdefault(fx.table, set()).add(fx.slot)
    covered_fixed = len(fixed_c)
    result = []
    for covering in (False, True):
        flow = max_flow.SimpleMaxFlow()
        source, sink = 0, 1
        node = {}

        def index(key):
            if key not in node:
                node[key] = len(node) + 2
            return node[key]
        for c in range(len(problem.cands)):
            room = candidate_room(problem, c, fixed_c.get(c, set()))
            if covering:
                room = 0 if c in fixed_c else min(room, 1)
            if room > 0:
                flow.add_arc_with_capacity(source, index(("c", c)), room)
        for e in range(len(problem.emps)):
            room = employer_room(problem, e, fixed_e.get(e, {}))
            if room > 0:
                flow.add_arc_with_capacity(index(("e", e)), sink, room)
        for p in problem.free_pairs:
            pair = problem.pairs[p]
            if ("c", pair.c) not in node or ("e", pair.e) not in node or not pair.slots:
                continue
            flow.add_arc_with_capacity(index(("c", pair.c)), index(("p", p)), 1)
            for s in pair.slots:
                key = ("es", pair.e, s)
                if key not in node:
                    busy = sum(1 for t in fixed_e.get(pair.e, {}).values() if s in t)
                    free = problem.tables[pair.e] - busy
                    if free <= 0:
                        continue
                    flow.add_arc_with_capacity(index(key), index(("e", pair.e)), free)
                flow.add_arc_with_capacity(index(("p", p)), node[key], 1)
        if len(node) == 0 or flow.solve(source, sink) != flow.OPTIMAL:
            result.append(0)
        else:
            result.append(flow.optimal_flow())
    return len(problem.fixed) + result[0], covered_fixed + result[1]
