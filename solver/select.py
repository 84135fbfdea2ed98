"""The pair selection: which (candidate, employer) pairs meet, as a CP-SAT model over one boolean per pair.

Timing is relaxed into capacities: a candidate cannot hold more interviews than fit in the slots
it shares with the employers of a group of its wishes, an employer no more than its tables hold in
the slots it shares with a group of its candidates (pauses after `max_consecutive` included). The
objective is the plan's objective without its slot-dependent terms (weights in objective.py).
"""
from __future__ import annotations

import threading
from collections.abc import Collection

from ortools.sat.python import cp_model

from .bounds import fixed_sets, table_room
from .cpsat import OnSolution, run_solver, shifted
from .objective import PREFERRED, STABLE, tier, tiers
from .problem import Problem


def _fit(slots: list[int], gap: int, blocked: set[int]) -> int:
    count, last = 0, -10 ** 9
    for s in sorted(slots):
        if s - last > gap and all(abs(s - b) > gap for b in blocked):
            count, last = count + 1, s
    return count


def _table_room(problem: Problem, e: int, slots: frozenset[int], tables: Collection[int],
                fixed: dict[int, set[int]]) -> int:
    return sum(table_room(problem, e, slots - fixed.get(t, set()), fixed.get(t, set())) for t in tables)


class PairSelection:
    def __init__(self, problem: Problem):
        self.problem = problem
        self.model = cp_model.CpModel()
        self.x: dict[int, cp_model.IntVar] = {}
        self.steps: dict[int, tuple[list[int], list[cp_model.IntVar]]] = {}   # candidate -> (pairs, tiers)
        self.fixed_c, self.fixed_e = fixed_sets(problem)
        fixed_c = self.fixed_c
        for p in problem.free_pairs:
            if problem.pairs[p].slots:
                self.x[p] = self.model.new_bool_var(f"x_{p}")
        terms: list[cp_model.LinearExprT] = []
        for c in range(len(problem.cands)):
            ps = [p for p in problem.pairs_of_cand[c] if p in self.x]
            if not ps:
                continue
            k0 = len(fixed_c.get(c, ()))
            self._candidate_capacity(c, ps, fixed_c.get(c, set()))
            steps = [self.model.new_bool_var("") for _ in range(min(len(ps), max(0, problem.cap[c] - k0)))]
            self.steps[c] = (ps, steps)
            self.model.add(sum(steps) == sum(self.x[p] for p in ps))
            terms += [tier(k0 + j + 1) * v for j, v in enumerate(steps)]
        for e in range(len(problem.emps)):
            ps = [p for p in problem.pairs_of_emp[e] if p in self.x]
            if ps:
                self._employer_capacity(e, ps)
        terms += [problem.pairs[p].wish * v for p, v in self.x.items()]             # wishes
        terms += [problem.pairs[p].keep * v for p, v in self.x.items() if problem.pairs[p].keep]  # stability
        self.model.maximize(sum(terms))

    def _candidate_capacity(self, c: int, ps: list[int], blocked: set[int]) -> None:
        problem = self.problem
        room = problem.cap[c] - len(blocked)
        groups = {frozenset(problem.pairs[p].slots) for p in ps}
        groups.add(frozenset(s for p in ps for s in problem.pairs[p].slots))
        for group in groups:
            inside = [self.x[p] for p in ps if group.issuperset(problem.pairs[p].slots)]
            limit = min(room, _fit(list(group), problem.min_gap, blocked))
            if len(inside) > limit:
                self.model.add(sum(inside) <= limit)

    def _employer_capacity(self, e: int, ps: list[int]) -> None:
        problem = self.problem
        fixed = self.fixed_e.get(e, {})
        room = problem.max_int[e] - sum(len(v) for v in fixed.values())
        slot_groups = {frozenset(problem.pairs[p].slots) for p in ps}
        slot_groups.add(frozenset(s for p in ps for s in problem.pairs[p].slots))
        table_groups = {problem.pairs[p].tables for p in ps}
        table_groups.add(tuple(range(1, problem.tables[e] + 1)))
        for slots in slot_groups:
            for tables in table_groups:
                inside = [self.x[p] for p in ps if slots.issuperset(problem.pairs[p].slots)
                          and set(tables).issuperset(problem.pairs[p].tables)]
                limit = min(room, _table_room(problem, e, slots, tables, fixed))
                if len(inside) > limit:
                    self.model.add(sum(inside) <= limit)

    def solve(self, *, seconds: float, deterministic: float, seed: int, hint: set[int],
              stop: threading.Event | None = None,
              on_solution: OnSolution | None = None) -> tuple[str, list[int], float]:
        """Single-threaded on purpose: on this model one CP-SAT worker proves optimality faster than
        the parallel portfolio on two cores, and it makes the result reproducible (deterministic time)."""
        for p, v in self.x.items():
            self.model.add_hint(v, p in hint)
        for ps, steps in self.steps.values():
            n = sum(1 for p in ps if p in hint)
            for j, v in enumerate(steps):
                self.model.add_hint(v, j < n)
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(0.05, seconds)
        solver.parameters.max_deterministic_time = deterministic
        solver.parameters.num_workers = 1
        solver.parameters.random_seed = seed
        # the LP relaxation with cuts proves this model's bound much sooner (5,000 candidates: optimal in
        # 6 deterministic seconds where the default had not closed the gap in 12); one presolve pass is enough
        solver.parameters.linearization_level = 2
        solver.parameters.max_presolve_iterations = 1
        const, slack = self.constant(), self.slot_slack()
        status = run_solver(solver, self.model, stop, shifted(on_solution, const, const + slack))
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return solver.status_name(status), [], float("inf")
        chosen = [p for p, v in self.x.items() if solver.boolean_value(v)]
        return solver.status_name(status), chosen, solver.best_objective_bound + const + slack

    def slot_slack(self) -> int:
        """The most the slot-dependent terms the model leaves out could add to its bound: every interview
        in a preferred window, every published meeting in its slot."""
        published = sum(1 for p in self.x if self.problem.pairs[p].previous is not None)
        return PREFERRED * len(self.x) + STABLE * published

    def constant(self) -> int:
        """What the model leaves out but a plan always has: the fixed interviews and their tiers."""
        problem = self.problem
        return sum(fx.value for fx in problem.fixed) + sum(tiers(len(slots)) for slots in self.fixed_c.values())
