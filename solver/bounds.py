"""Proven upper bounds on interviews and on covered candidates, by max-flow relaxation."""
from __future__ import annotations

from collections.abc import Callable, Collection

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


Arc = Callable[[int, int, int, int], int]          # (tail, head, capacity, cost) -> index of the new arc
CandidateArcs = Callable[[int, int, int], None]    # (candidate, its node, its room): adds the source arcs
NodeKey = tuple[object, ...]


def _no_cost(p: int) -> int:
    return 0


def network(problem: Problem, arc: Arc, candidate_arcs: CandidateArcs,
            pair_cost: Callable[[int], int] = _no_cost) -> dict[int, int]:
    """The relaxation shared by the bounds and the flow selection: source -> candidate (arcs from
    `candidate_arcs(c, node, room)`) -> pair -> (employer, slot, its tables) -> (employer, table, slot)
    -> (employer, table) -> employer -> sink. `arc(tail, head, capacity, cost)` adds an arc and returns
    its index; nodes 0 and 1 are source and sink. Returns the candidate -> pair arc of each pair."""
    return _Network(problem, arc).build(candidate_arcs, pair_cost)


class _Network:
    def __init__(self, problem: Problem, arc: Arc):
        self.problem, self.arc = problem, arc
        self.fixed_c, self.fixed_e = fixed_sets(problem)
        self.node: dict[NodeKey, int] = {}

    def index(self, key: NodeKey) -> int:
        """The node of `key`, created on first use."""
        if key not in self.node:
            self.node[key] = len(self.node) + 2
        return self.node[key]

    def build(self, candidate_arcs: CandidateArcs, pair_cost: Callable[[int], int]) -> dict[int, int]:
        problem, node = self.problem, self.node
        for c in range(len(problem.cands)):
            room = candidate_room(problem, c, self.fixed_c.get(c, set()))
            if room > 0:
                candidate_arcs(c, self.index(("c", c)), room)
        for e in range(len(problem.emps)):
            self.employer(e)
        arcs: dict[int, int] = {}
        for p in problem.free_pairs:
            pair = problem.pairs[p]
            if ("c", pair.c) not in node or ("e", pair.e) not in node or not pair.slots:
                continue
            arcs[p] = self.arc(node[("c", pair.c)], self.index(("p", p)), 1, pair_cost(p))
            self.pair_slots(p)
        return arcs

    def employer(self, e: int) -> None:
        """(employer, table) -> employer -> sink, within what each table and the employer can hold."""
        fixed = self.fixed_e.get(e, {})
        room = employer_room(self.problem, e, fixed)
        if room <= 0:
            return
        self.arc(self.index(("e", e)), 1, room, 0)
        for t in range(1, self.problem.tables[e] + 1):
            per_table = employer_room(self.problem, e, fixed, tables=(t,))
            if per_table > 0:
                self.arc(self.index(("t", e, t)), self.node[("e", e)], per_table, 0)

    def pair_slots(self, p: int) -> None:
        """pair -> (employer, slot, its tables) -> (employer, table, slot) -> (employer, table)."""
        pair, node, arc = self.problem.pairs[p], self.node, self.arc
        e, tables = pair.e, pair.tables
        fixed = self.fixed_e.get(e, {})
        here = node[("p", p)]
        for s in pair.slots:
            key = ("es", e, s, tables)
            target = node.get(key)
            if target is None:
                target = self.index(key)
                for t in tables:
                    if ("t", e, t) not in node or s in fixed.get(t, ()):
                        continue
                    slot_key = ("ets", e, t, s)
                    if slot_key not in node:
                        arc(self.index(slot_key), node[("t", e, t)], 1, 0)
                    arc(target, node[slot_key], 1, 0)
            arc(here, target, 1, 0)


class Skeleton:
    """The network of `network` recorded once (the bounds and the flow selection replay it): the
    candidates' nodes and rooms, every other arc, and the index in `arcs` of each candidate -> pair arc."""

    def __init__(self, problem: Problem):
        self.problem = problem
        self.candidates: list[tuple[int, int, int]] = []       # (candidate, node, room)
        recorded: list[tuple[int, int, int]] = []
        add = recorded.append

        def arc(tail: int, head: int, cap: int, _cost: int) -> int:
            add((tail, head, cap))
            return len(recorded) - 1

        def candidate_arcs(c: int, node: int, room: int) -> None:
            self.candidates.append((c, node, room))
        self.pair_arc = network(problem, arc, candidate_arcs)
        self.tails = [a[0] for a in recorded]
        self.heads = [a[1] for a in recorded]
        self.caps = [a[2] for a in recorded]


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
    flow = max_flow.SimpleMaxFlow()
    if not net.pair_arc:
        return 0, []
    first = int(flow.add_arcs_with_capacity(net.tails, net.heads, net.caps)[0])
    for c, node, room in net.candidates:
        if capacity(c, room) > 0:
            flow.add_arc_with_capacity(0, node, capacity(c, room))
    if flow.solve(0, 1) != flow.OPTIMAL:
        return 0, []
    return flow.optimal_flow(), [p for p, a in net.pair_arc.items() if flow.flow(first + a) > 0]


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
    if not net.pair_arc:
        return [], const, const
    costs = [0] * len(net.tails)
    for p, a in net.pair_arc.items():
        costs[a] = -(problem.pairs[p].wish + problem.pairs[p].keep)
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
    chosen = [p for p, a in net.pair_arc.items() if flow.flow(first + a) > 0]
    optimum = const - flow.optimal_cost()
    stay = STABLE * sum(1 for p in net.pair_arc if problem.pairs[p].previous is not None)
    return chosen, optimum, optimum + PREFERRED * len(chosen) + stay
