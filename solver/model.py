"""The CP-SAT model of interview timing: one method per hard rule, one per objective term.

Variables: `y[p, s]` is true when the (candidate, employer) pair p meets in slot s, and `met[p]`
when it meets at all. The model covers a set of *free* pairs on top of a context (the fixed
interviews, and when used as a neighbourhood of the large-neighbourhood search, every other
interview of the current plan). Tables are interchangeable unless offers bind them, so the model
counts interviews per employer and slot (with Hall's condition over the tables offers are bound to)
instead of choosing a table; `tables.assign_tables` picks the tables afterwards.

The objective has one method per term of objective.py, in its order of importance; the weights and
why they realise that order are documented there.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from itertools import combinations, pairwise

from ortools.sat.python import cp_model

from .board import Board
from .cpsat import OnSolution, run_solver
from .objective import COMPACT, PREFERRED, STABLE, compact_weight, tier, tiers
from .problem import Problem

MAX_UNIONS = 64             # unions of table sets per employer beyond the sets themselves (Hall's condition)
MAX_COMBINATIONS = 20_000   # combinations of table sets tried per employer to find them


def _never() -> bool:
    return False


class InterviewModel:
    """CP-SAT model placing the `free` pairs in slots around the context held by `board`."""

    def __init__(self, problem: Problem, board: Board, free: list[int], should_stop: Callable[[], bool] = _never):
        self.problem, self.board, self.free = problem, board, free
        self.should_stop = should_stop
        self.unions: dict[int, list[tuple[frozenset[int], list[int]]]] = {}     # employer -> (tables, pairs inside)
        self.model = cp_model.CpModel()
        self.y: dict[tuple[int, int], cp_model.IntVar] = {}
        self.met: dict[int, cp_model.IntVar] = {}
        self.terms: list[cp_model.LinearExprT] = []
        self.steps: dict[int, list[cp_model.IntVar]] = {}        # candidate -> one boolean per tier
        self.span: dict[int, tuple[int, list[cp_model.IntVar], list[cp_model.IntVar]]] = {}  # lo, begun, going
        self._create_variables()
        self._add_one_slot_per_meeting()
        self._add_candidate_one_interview_at_a_time_with_gap()
        self._add_candidate_cap()
        self._add_table_capacity()
        self._add_max_consecutive()
        self._add_employer_cap()
        self._coverage_and_fairness_term()
        self._wish_rank_and_favorites_term()
        self._stability_term()
        self._preferred_windows_term()
        self._compact_days_term()
        self.model.maximize(sum(self.terms))

    # ------------------------------------------------------------- hard rules
    def _create_variables(self) -> None:
        """Rules 1-3 by construction: only wished, unrejected pairs, in usable slots both are available in."""
        board, pairs = self.board, self.problem.pairs
        self.by_cand: dict[int, list[int]] = {}
        self.by_emp: dict[int, list[int]] = {}
        for p in self.free:
            pair = pairs[p]
            slots = [s for s in pair.slots if board.candidate_free(pair.c, s)
                     and any(s not in board.table_busy[pair.e][t - 1] for t in pair.tables)]
            if not slots:
                continue
            self.met[p] = self.model.new_bool_var(f"met_{p}")
            for s in slots:
                self.y[p, s] = self.model.new_bool_var(f"y_{p}_{s}")
            self.by_cand.setdefault(pair.c, []).append(p)
            self.by_emp.setdefault(pair.e, []).append(p)
        self.slots_of: dict[int, list[int]] = {p: [] for p in self.met}
        for (p, s) in self.y:
            self.slots_of[p].append(s)

    def _add_one_slot_per_meeting(self) -> None:
        """Rule 4: a candidate meets an employer at most once."""
        for p, met in self.met.items():
            self.model.add(sum(self.y[p, s] for s in self.slots_of[p]) == met)

    def _add_candidate_one_interview_at_a_time_with_gap(self) -> None:
        """Rule 4: at most one interview in any `min_gap_slots + 1` consecutive slots."""
        g = self.problem.min_gap
        for ps in self.by_cand.values():
            at: dict[int, list[cp_model.IntVar]] = {}
            for p in ps:
                for s in self.slots_of[p]:
                    at.setdefault(s, []).append(self.y[p, s])
            for w in sorted(at):
                window = [v for k in range(w, w + g + 1) for v in at.get(k, ())]
                if len(window) > 1:
                    self.model.add_at_most_one(window)

    def _add_candidate_cap(self) -> None:
        """Rule 4: at most the candidate's cap of interviews."""
        for c, ps in self.by_cand.items():
            room = self.problem.cap[c] - self.board.cand_count[c]
            if room < len(ps):
                self.model.add(sum(self.met[p] for p in ps) <= room)

    def _add_table_capacity(self) -> None:
        """Rule 5: one interview per table and slot; with offers bound to tables, Hall's condition."""
        board = self.board
        for e, ps in self.by_emp.items():
            for union, inside_ps in self._table_unions(e, ps):
                at: dict[int, list[cp_model.IntVar]] = {}
                for p in inside_ps:
                    for s in self.slots_of[p]:
                        at.setdefault(s, []).append(self.y[p, s])
                for s, inside in at.items():
                    room = sum(1 for t in union if s not in board.table_busy[e][t - 1])
                    if len(inside) > room:
                        self.model.add(sum(inside) <= room)

    def _add_max_consecutive(self) -> None:
        """Rule 5: in any `max_consecutive + 1` slots in a row, each table pauses at least once; with
        offers bound to tables, counted over every union of the tables the pairs may use."""
        problem, board = self.problem, self.board
        for e, ps in self.by_emp.items():
            m = problem.max_consec[e]
            if m >= problem.n_slots:
                continue
            for union, inside_ps in self._table_unions(e, ps):
                at: dict[int, list[cp_model.IntVar]] = {}
                for p in inside_ps:
                    for s in self.slots_of[p]:
                        at.setdefault(s, []).append(self.y[p, s])
                busy = [sum(1 for t in union if k in board.table_busy[e][t - 1]) for k in range(problem.n_slots)]
                for w in range(problem.n_slots - m):
                    window = range(w, w + m + 1)
                    if not all(problem.usable[k] for k in window):
                        continue
                    vs = [v for k in window for v in at.get(k, ())]
                    fixed = sum(busy[k] for k in window)
                    if len(vs) + fixed > len(union) * m:
                        self.model.add(sum(vs) <= len(union) * m - fixed)

    def _table_unions(self, e: int, ps: list[int]) -> list[tuple[frozenset[int], list[int]]]:
        """Hall's condition, bounded: the table sets the pairs may use, every table of the employer, and
        unions of 2 to 4 sets until MAX_UNIONS (the number of unions grows as the 4th power of the sets:
        an employer with many offers bound to single tables had ~74 million); each with the pairs inside.
        Counts the model leaves out are repaired when tables are assigned (`greedy.place_slots`)."""
        if e in self.unions:
            return self.unions[e]
        pairs = self.problem.pairs
        kinds = sorted({pairs[p].tables for p in ps})
        found: dict[frozenset[int], None] = dict.fromkeys(frozenset(k) for k in kinds)
        found[frozenset(range(1, self.problem.tables[e] + 1))] = None
        extra = tried = 0
        for r in range(2, min(len(kinds), 4) + 1):
            for combo in combinations(kinds, r):
                tried += 1
                if extra >= MAX_UNIONS or tried > MAX_COMBINATIONS or (tried % 1024 == 0 and self.should_stop()):
                    break
                union = frozenset(t for k in combo for t in k)
                if union not in found:
                    found[union] = None
                    extra += 1
        self.unions[e] = [(u, [p for p in ps if u.issuperset(pairs[p].tables)]) for u in found]
        return self.unions[e]

    def _add_employer_cap(self) -> None:
        """Rule 5: an employer has at most `max_interviews`."""
        for e, ps in self.by_emp.items():
            room = self.problem.max_int[e] - self.board.emp_count[e]
            if room < len(ps):
                self.model.add(sum(self.met[p] for p in ps) <= room)

    # ------------------------------------------------------------- objective terms
    def _coverage_and_fairness_term(self) -> None:
        """Order 1-2: the j-th interview of a candidate weighs tier(j), decreasing in j."""
        for c, ps in self.by_cand.items():
            k0 = self.board.cand_count[c]
            n = min(len(ps), max(0, self.problem.cap[c] - k0))
            steps = [self.model.new_bool_var(f"tier_{c}_{j}") for j in range(n)]
            self.steps[c] = steps
            self.model.add(sum(steps) == sum(self.met[p] for p in ps))
            self.terms += [tier(k0 + j + 1) * v for j, v in enumerate(steps)]

    def _wish_rank_and_favorites_term(self) -> None:
        """Order 3: first choices first; employers' favourites count extra."""
        self.terms += [self.problem.pairs[p].wish * met for p, met in self.met.items()]

    def _stability_term(self) -> None:
        """Order 4: a published meeting kept, and kept in its slot."""
        for p, met in self.met.items():
            pair = self.problem.pairs[p]
            if pair.previous is None:
                continue
            self.terms.append(pair.keep * met)
            if (p, pair.previous[0]) in self.y:
                self.terms.append(STABLE * self.y[p, pair.previous[0]])

    def _preferred_windows_term(self) -> None:
        """Order 5: interviews inside the employer's preferred windows."""
        pref = self.problem.preferred
        self.terms += [PREFERRED * v for (p, s), v in self.y.items() if s in pref[self.problem.pairs[p].e]]

    def _compact_days_term(self) -> None:
        """Order 6: few slots between a candidate's first and last interview.

        `begun[s]` (non-decreasing) and `going[s]` (non-increasing) bracket the candidate's day; their
        sum counts the slots from first to last interview plus a constant, an LP-tight interval form.
        """
        for c, ps in self.by_cand.items():
            mine = list(self.board.cand_busy[c])
            if len(ps) + len(mine) < 2 or self.problem.cap[c] < 2:
                continue
            slots = sorted({s for p in ps for s in self.slots_of[p]} | set(mine))
            lo, hi = slots[0], slots[-1]
            begun = [self.model.new_bool_var(f"begun_{c}_{s}") for s in range(lo, hi + 1)]
            going = [self.model.new_bool_var(f"going_{c}_{s}") for s in range(lo, hi + 1)]
            for a, b in pairwise(begun):
                self.model.add_implication(a, b)
            for a, b in pairwise(going):
                self.model.add_implication(b, a)
            at: dict[int, list[cp_model.IntVar]] = {}
            for p in ps:
                for s in self.slots_of[p]:
                    at.setdefault(s, []).append(self.y[p, s])
            for s in slots:
                for v in at.get(s, ()):
                    self.model.add_implication(v, begun[s - lo])
                    self.model.add_implication(v, going[s - lo])
                if s in mine:
                    self.model.add(begun[s - lo] == 1)
                    self.model.add(going[s - lo] == 1)
            self.span[c] = (lo, begun, going)
            covered = 1 if mine else self.steps[c][0]
            # slots from first to last = sum(begun) + sum(going) - (hi - lo + 2) when covered
            self.terms.append(-COMPACT * (sum(begun) + sum(going) - (hi - lo + 2) * covered))

    def context_value(self) -> int:
        """Objective of the context that the model leaves out, so model value + context value = evaluate()."""
        problem, board = self.problem, self.board
        total = sum(fx.value for fx in problem.fixed)
        for p, (s, _t) in board.assign.items():
            pair = problem.pairs[p]
            total += pair.wish + pair.keep + problem.slot_bonus(pair, s)
        for c, busy in enumerate(board.cand_busy):
            total += tiers(board.cand_count[c])
            if c not in self.by_cand:
                total += compact_weight(list(busy))
        return total

    # ------------------------------------------------------------- solving
    def hint(self, assign: dict[int, tuple[int, int]]) -> None:
        for (p, s), var in self.y.items():
            self.model.add_hint(var, p in assign and assign[p][0] == s)
        for p, var in self.met.items():
            self.model.add_hint(var, p in assign and (p, assign[p][0]) in self.y)
        for c, steps in self.steps.items():
            n = sum(1 for p in self.by_cand[c] if p in assign and (p, assign[p][0]) in self.y)
            for j, v in enumerate(steps):
                self.model.add_hint(v, j < n)
        for c, (lo, begun, going) in self.span.items():
            slots = list(self.board.cand_busy[c])
            slots += [assign[p][0] for p in self.by_cand[c] if p in assign and (p, assign[p][0]) in self.y]
            for k, (b, g) in enumerate(zip(begun, going, strict=True)):
                self.model.add_hint(b, bool(slots) and lo + k >= min(slots))
                self.model.add_hint(g, bool(slots) and lo + k <= max(slots))

    def require(self) -> bool:
        """Every free pair must meet (a feasibility question: can they all be timed?). False when one of
        them has no slot left around the context."""
        for p in self.free:
            if p not in self.met:
                return False
            self.model.add(self.met[p] == 1)
        return True

    def solve(self, *, seconds: float, workers: int, seed: int, deterministic: float | None = None,
              stop: threading.Event | None = None, first: bool = False,
              on_solution: OnSolution | None = None) -> tuple[str, dict[int, int], float]:
        """Returns (status, pair -> slot, bound) of the model (context terms excluded); with `first`,
        the first solution found."""
        solver = cp_model.CpSolver()
        params = solver.parameters
        params.max_time_in_seconds = max(0.01, seconds)
        if deterministic is not None:
            params.max_deterministic_time = deterministic
        params.num_workers = workers
        params.random_seed = seed
        params.interleave_search = workers > 1
        params.log_search_progress = False
        params.stop_after_first_solution = first

        status = run_solver(solver, self.model, stop, on_solution)
        name = solver.status_name(status)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return name, {}, float("inf")
        placed = {p: s for (p, s), v in self.y.items() if solver.boolean_value(v)}
        return name, placed, solver.best_objective_bound

