"""Who is busy when: the occupancy of candidates and tables under a plan, with the hard-rule checks."""
from __future__ import annotations

from .problem import Problem


class Board:
    """A valid partial plan: free pairs placed at (slot, table) on top of the fixed interviews."""

    def __init__(self, problem: Problem, assign: dict[int, tuple[int, int]] | None = None):
        self.problem = problem
        self.cand_busy: list[dict[int, int]] = [{} for _ in problem.cands]
        self.table_busy: list[list[dict[int, int]]] = [[{} for _ in range(n)] for n in problem.tables]
        self.emp_count = [0] * len(problem.emps)
        self.cand_count = [0] * len(problem.cands)
        self.assign: dict[int, tuple[int, int]] = {}
        for i, fx in enumerate(problem.fixed):
            owner = -1 - i
            if fx.c >= 0:
                self.cand_busy[fx.c][fx.slot] = owner
                self.cand_count[fx.c] += 1
            if fx.e >= 0:
                self.emp_count[fx.e] += 1
                if fx.table <= len(self.table_busy[fx.e]):
                    self.table_busy[fx.e][fx.table - 1][fx.slot] = owner
        for p, (s, t) in (assign or {}).items():
            self.place(p, s, t)

    def copy(self) -> Board:
        return Board(self.problem, self.assign)

    # -- checks
    def candidate_free(self, c: int, s: int) -> bool:
        busy = self.cand_busy[c]
        g = self.problem.min_gap
        if g == 0:
            return s not in busy
        return all(k not in busy for k in range(s - g, s + g + 1))

    def table_free(self, e: int, t: int, s: int) -> bool:
        busy = self.table_busy[e][t - 1]
        if s in busy:
            return False
        m = self.problem.max_consec[e]
        run, k = 1, s - 1
        while k in busy:
            run, k = run + 1, k - 1
        k = s + 1
        while k in busy:
            run, k = run + 1, k + 1
        return run <= m

    def has_room(self, p: int) -> bool:
        pair = self.problem.pairs[p]
        return (p not in self.assign and self.cand_count[pair.c] < self.problem.cap[pair.c]
                and self.emp_count[pair.e] < self.problem.max_int[pair.e])

    def options(self, p: int) -> list[tuple[int, int]]:
        """Every (slot, table) where pair p could go now, ignoring caps."""
        pair = self.problem.pairs[p]
        return [(s, t) for s in pair.slots if self.candidate_free(pair.c, s)
                for t in pair.tables if self.table_free(pair.e, t, s)]

    def first_option(self, p: int) -> tuple[int, int] | None:
        pair = self.problem.pairs[p]
        for s in pair.slots:
            if self.candidate_free(pair.c, s):
                for t in pair.tables:
                    if self.table_free(pair.e, t, s):
                        return s, t
        return None

    # -- moves
    def place(self, p: int, s: int, t: int) -> None:
        pair = self.problem.pairs[p]
        self.assign[p] = (s, t)
        self.cand_busy[pair.c][s] = p
        self.table_busy[pair.e][t - 1][s] = p
        self.cand_count[pair.c] += 1
        self.emp_count[pair.e] += 1

    def remove(self, p: int) -> tuple[int, int]:
        pair = self.problem.pairs[p]
        s, t = self.assign.pop(p)
        del self.cand_busy[pair.c][s]
        del self.table_busy[pair.e][t - 1][s]
        self.cand_count[pair.c] -= 1
        self.emp_count[pair.e] -= 1
        return s, t
