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


def employer_room(problem: Problem, e: int, fixed: dict[int, set[int]], tables=None) -> int:
    """Interviews employer e (or some of its tables) can still hold: per table, runs of open slots with
    a pause every max_consecutive, minus the fixed interviews, within the employer's cap."""
    m = problem.max_consec[e]
    open_slots = {s for s in problem.emp_slots[e] if s >= problem.first_new}
    total = 0
    for t in tables or range(1, problem.tables[e] + 1):
        mine = fixed.get(t, set())
        run, inside = 0, 0
        for s in range(problem.n_slots + 1):
            if s < problem.n_slots and (s in open_slots or s in mine):
                run += 1
                inside += s in mine
                continue
            total += run - run // (m + 1) - inside
            run, inside = 0, 0
    n_fixed = sum(len(v) for t, v in fixed.items() if tables is None or t in tables)
    return max(0, min(total, problem.max_int[e] - n_fixed))


def upper_bounds(problem: Problem, cover: dict[int, int] | None = None) -> tuple[int, int]:
    """(interviews, covered): max flows source -> candidate -> pair -> (employer, slot, its tables)
    -> (employer, table, slot) -> (employer, table) -> employer -> sink.

    When `cover` is a dict, it receives for each candidate the pair its first interview uses in a
    maximum covering flow (a good start for the greedy plan)."""
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
        arcs: dict[int, int] = {}

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
                for t in range(1, problem.tables[e] + 1):
                    per_table = employer_room(problem, e, fixed_e.get(e, {}), tables=(t,))
                    if per_table > 0:
                        flow.add_arc_with_capacity(index(("t", e, t)), node[("e", e)], per_table)
        for p in problem.free_pairs:
            pair = problem.pairs[p]
            if ("c", pair.c) not in node or ("e", pair.e) not in node or not pair.slots:
                continue
            arcs[p] = flow.add_arc_with_capacity(index(("c", pair.c)), index(("p", p)), 1)
            for s in pair.slots:
                key = ("es", pair.e, s, pair.tables)
                if key not in node:
                    index(key)
                    for t in pair.tables:
                        if ("t", pair.e, t) not in node or s in fixed_e.get(pair.e, {}).get(t, ()):
                            continue
                        slot_key = ("ets", pair.e, t, s)
                        if slot_key not in node:
                            flow.add_arc_with_capacity(index(slot_key), node[("t", pair.e, t)], 1)
                        flow.add_arc_with_capacity(node[key], node[slot_key], 1)
                flow.add_arc_with_capacity(index(("p", p)), node[key], 1)
        if len(node) == 0 or flow.solve(source, sink) != flow.OPTIMAL:
            result.append(0)
        else:
            result.append(flow.optimal_flow())
            if covering and cover is not None:
                cover.update({problem.pairs[p].c: p for p, arc in arcs.items() if flow.flow(arc) > 0})
    return len(problem.fixed) + result[0], covered_fixed + result[1]
