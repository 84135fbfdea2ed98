"""Proven upper bounds on interviews and on covered candidates, by max-flow relaxation."""
from __future__ import annotations

import itertools
from collections.abc import Callable, Collection

import numpy as np
from ortools.graph.python import max_flow, min_cost_flow

from .objective import PREFERRED, STABLE, tier, tiers
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


def table_room(problem: Problem, e: int, open_slots: Collection[int], mine: Collection[int]) -> int:
    """The most new interviews one table of employer e can hold in `open_slots` around its fixed
    interviews `mine`, with a pause every `max_consecutive`: exact for the table alone.

    A run of fixed interviews may already be longer than `max_consecutive` (they are exempt, formats.md);
    a new interview just cannot join such a run. Without fixed interviews, a run of L open slots holds
    L - L // (m + 1); with them, a small dynamic programme over (run length, has the run a new one)."""
    m = problem.max_consec[e]
    if not mine:
        total, run = 0, 0
        for s in range(problem.n_slots + 1):
            if s < problem.n_slots and s in open_slots:
                run += 1
                continue
            total, run = total + run - run // (m + 1), 0
        return total
    # state (run length capped at m + 1, the run holds a new interview) -> most new interviews so far
    states: dict[tuple[int, bool], int] = {(0, False): 0}
    for s in range(problem.n_slots):
        nxt: dict[tuple[int, bool], int] = {}
        for (run, new), value in states.items():
            if s in mine:
                moves = [((min(run + 1, m + 1), new), value)] if not new or run + 1 <= m else []
            elif s in open_slots and run + 1 <= m:
                moves = [((0, False), value), ((run + 1, True), value + 1)]
            else:
                moves = [((0, False), value)]
            for key, v in moves:
                nxt[key] = max(nxt.get(key, -1), v)
        states = nxt
    return max(states.values(), default=0)


def employer_room(problem: Problem, e: int, fixed: dict[int, set[int]], tables: Collection[int] | None = None) -> int:
    """Interviews employer e (or some of its tables) can still hold: per table, the new interviews
    `table_room` allows around the fixed ones, within the employer's cap."""
    open_slots = {s for s in problem.emp_slots[e] if s >= problem.first_new}
    total = 0
    for t in tables or range(1, problem.tables[e] + 1):
        mine = fixed.get(t, set())
        total += table_room(problem, e, open_slots - mine, mine)
    n_fixed = sum(len(v) for v in fixed.values())
    return max(0, min(total, problem.max_int[e] - n_fixed))


def fixed_sets(problem: Problem) -> tuple[dict[int, set[int]], dict[int, dict[int, set[int]]]]:
    """Slots of the fixed interviews, per candidate and per employer table."""
    fixed_c: dict[int, set[int]] = {}
    fixed_e: dict[int, dict[int, set[int]]] = {}
    for fx in problem.fixed:
        if fx.c >= 0:
            fixed_c.setdefault(fx.c, set()).add(fx.slot)
        if fx.e >= 0:
            fixed_e.setdefault(fx.e, {}).setdefault(fx.table, set()).add(fx.slot)
    return fixed_c, fixed_e


class Skeleton:
    """The relaxation shared by the bounds and the flow selection, built once as arrays (the bounds and
    the flow selection replay it): source -> candidate (arcs added by each use, from `candidates`) ->
    pair -> (employer, slot, its tables) -> (employer, table, slot) -> (employer, table) -> employer ->
    sink. Nodes 0 and 1 are source and sink. A million arcs at 10,000 candidates: the pair -> slot arcs,
    by far the most, are built with numpy in one step rather than one Python call each.

    `candidates` lists (candidate, node, room); `pairs` the free pairs in the network and `pair_arcs`
    the index of each one's candidate -> pair arc."""

    def __init__(self, problem: Problem):
        self.problem = problem
        fixed_c, self.fixed_e = fixed_sets(problem)
        self.n_nodes = 2
        self.candidates: list[tuple[int, int, int]] = []
        cand_node = [-1] * len(problem.cands)
        for c in range(len(problem.cands)):
            room = candidate_room(problem, c, fixed_c.get(c, set()))
            if room > 0:
                cand_node[c] = self._node()
                self.candidates.append((c, cand_node[c], room))
        tails: list[int] = []
        heads: list[int] = []
        caps: list[int] = []
        self._arcs = (tails, heads, caps)
        self.table_node: dict[tuple[int, int], int] = {}
        emp_node = [self._employer(e) for e in range(len(problem.emps))]
        pairs = [p for p in problem.free_pairs if problem.pairs[p].slots
                 and cand_node[problem.pairs[p].c] >= 0 and emp_node[problem.pairs[p].e] >= 0]
        # (employer, its tables) groups: one row of slot nodes each
        self.slot_node: dict[tuple[int, int, int], int] = {}
        group_of: dict[tuple[int, tuple[int, ...]], int] = {}
        rows: list[list[int]] = []
        for p in pairs:
            key = (problem.pairs[p].e, problem.pairs[p].tables)
            if key not in group_of:
                group_of[key] = len(rows)
                rows.append(self._group(*key))
        n = len(pairs)
        pair_nodes = np.arange(self.n_nodes, self.n_nodes + n, dtype=np.int32)
        self.n_nodes += n
        lengths = np.fromiter((len(problem.pairs[p].slots) for p in pairs), dtype=np.int64, count=n)
        slots = np.fromiter(itertools.chain.from_iterable(problem.pairs[p].slots for p in pairs), dtype=np.int64,
                            count=int(lengths.sum()))
        groups = np.fromiter((group_of[(problem.pairs[p].e, problem.pairs[p].tables)] for p in pairs),
                             dtype=np.int64, count=n)
        table = np.array(rows, dtype=np.int32).reshape(len(rows), problem.n_slots)
        first_pair_arc = len(tails)
        self.pairs = pairs
        self.pair_arcs = np.arange(first_pair_arc, first_pair_arc + n, dtype=np.int32)
        self.tails = np.concatenate([np.array(tails, dtype=np.int32),
                                     np.fromiter((cand_node[problem.pairs[p].c] for p in pairs), dtype=np.int32,
                                                 count=n),
                                     np.repeat(pair_nodes, lengths)])
        self.heads = np.concatenate([np.array(heads, dtype=np.int32), pair_nodes,
                                     table[np.repeat(groups, lengths), slots]])
        self.caps = np.concatenate([np.array(caps, dtype=np.int64), np.ones(n + len(slots), dtype=np.int64)])

    def _node(self) -> int:
        self.n_nodes += 1
        return self.n_nodes - 1

    def _arc(self, tail: int, head: int, cap: int) -> None:
        tails, heads, caps = self._arcs
        tails.append(tail)
        heads.append(head)
        caps.append(cap)

    def _employer(self, e: int) -> int:
        """(employer, table) -> employer -> sink, within what each table and the employer can hold;
        the employer's node, or -1 when it can hold no more."""
        problem = self.problem
        fixed = self.fixed_e.get(e, {})
        room = employer_room(problem, e, fixed)
        if room <= 0:
            return -1
        node = self._node()
        self._arc(node, 1, room)
        for t in range(1, problem.tables[e] + 1):
            per_table = employer_room(problem, e, fixed, tables=(t,))
            if per_table > 0:
                self.table_node[(e, t)] = self._node()
                self._arc(self.table_node[(e, t)], node, per_table)
        return node

    def _group(self, e: int, tables: tuple[int, ...]) -> list[int]:
        """The (employer, slot, these tables) nodes of every slot (0 where the employer is not there),
        each with an arc to its tables' (employer, table, slot) nodes."""
        problem = self.problem
        fixed = self.fixed_e.get(e, {})
        row = [0] * problem.n_slots
        for s in sorted(problem.emp_slots[e]):
            if s < problem.first_new:
                continue
            row[s] = here = self._node()
            for t in tables:
                if (e, t) not in self.table_node or s in fixed.get(t, ()):
                    continue
                if (e, t, s) not in self.slot_node:
                    self.slot_node[(e, t, s)] = self._node()
                    self._arc(self.slot_node[(e, t, s)], self.table_node[(e, t)], 1)
                self._arc(here, self.slot_node[(e, t, s)], 1)
        return row


def upper_bounds(problem: Problem, cover: dict[int, int] | None = None,
                 net: Skeleton | None = None) -> tuple[int, int]:
    """(interviews, covered): maximum flows through `network`, with each candidate's capacity its
    room (interviews) or 1 for candidates without a fixed interview (covered). Interviews of candidates
    no longer in the instance are not counted, like in the figures (validate.figures).

    When `cover` is a dict, it receives for each candidate the pair its first interview uses in a
    maximum covering flow (a good start for the greedy plan). `net`: the network, when already built."""
    fixed_c, _ = fixed_sets(problem)
    net = net or Skeleton(problem)
    interviews, _ = _max_flow(net, lambda c, room: room)
    covered, used = _max_flow(net, lambda c, room: 0 if c in fixed_c else 1)
    if cover is not None:
        cover.update({problem.pairs[p].c: p for p in used})
    return sum(1 for fx in problem.fixed if fx.c >= 0) + interviews, len(fixed_c) + covered


def _max_flow(net: Skeleton, capacity: Callable[[int, int], int]) -> tuple[int, list[int]]:
    """Maximum flow through the recorded network, candidate c taking `capacity(c, room)` from the
    source (no arc when 0); also the pairs the flow uses."""
    if not net.pairs:
        return 0, []
    flow = max_flow.SimpleMaxFlow()
    first = int(flow.add_arcs_with_capacity(net.tails, net.heads, net.caps)[0])
    for c, node, room in net.candidates:
        if capacity(c, room) > 0:
            flow.add_arc_with_capacity(0, node, capacity(c, room))
    if flow.solve(0, 1) != flow.OPTIMAL:
        return 0, []
    return flow.optimal_flow(), _used(net, flow.flows(net.pair_arcs + first))


def _used(net: Skeleton, flows: np.ndarray) -> list[int]:
    """The pairs whose candidate -> pair arc carries flow."""
    return [net.pairs[i] for i in np.flatnonzero(flows > 0).tolist()]


def flow_selection(problem: Problem, net: Skeleton | None = None) -> tuple[list[int], float, float]:
    """Who meets whom by a min-cost flow through `network`: candidate arcs priced by fairness tier,
    pair arcs by rank, favourite and stability. Exact for the relaxation, fast at any size; it lacks
    the candidates' own timing, which the timing stage then repairs. Also returns the relaxation's
    optimum (an upper bound on score.meeting_value of any plan) and an upper bound on the whole
    objective (the same, with every interview in a preferred window and every published meeting that
    could be kept in its slot)."""
    fixed_c, _ = fixed_sets(problem)
    net = net or Skeleton(problem)
    const = sum(fx.value for fx in problem.fixed) + sum(tiers(len(slots)) for slots in fixed_c.values())
    if not net.pairs:
        return [], const, const
    costs = np.zeros(len(net.tails), dtype=np.int64)
    costs[net.pair_arcs] = [-(problem.pairs[p].wish + problem.pairs[p].keep) for p in net.pairs]
    flow = min_cost_flow.SimpleMinCostFlow()
    first = int(flow.add_arcs_with_capacity_and_unit_cost(net.tails, net.heads, net.caps, costs)[0])
    supply = 0
    for c, node, room in net.candidates:
        k0 = len(fixed_c.get(c, ()))
        for j in range(room):
            flow.add_arc_with_capacity_and_unit_cost(0, node, 1, -tier(k0 + j + 1))
        supply += room
    flow.add_arc_with_capacity_and_unit_cost(0, 1, supply, 0)
    flow.set_node_supply(0, supply)
    flow.set_node_supply(1, -supply)
    if flow.solve() != flow.OPTIMAL:
        return [], float("inf"), float("inf")
    chosen = _used(net, flow.flows(net.pair_arcs + first))
    optimum = const - flow.optimal_cost()
    stay = STABLE * sum(1 for p in net.pairs if problem.pairs[p].previous is not None)
    return chosen, optimum, optimum + PREFERRED * len(chosen) + stay
