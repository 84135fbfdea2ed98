"""The constructive plan: fast, always valid, the fallback of every solve and the hint of CP-SAT."""
from __future__ import annotations

import random
from collections.abc import Callable, Iterable

from .board import Board
from .problem import Problem
from .tables import assign_tables


def _best_option(board: Board, p: int, options: list[tuple[int, int]]) -> tuple[int, int]:
    problem = board.problem
    pair = problem.pairs[p]
    mine = list(board.cand_busy[pair.c])
    bound_tables = problem.bound_tables[pair.e]

    def key(option: tuple[int, int]) -> tuple[int, int, bool, bool, int, int]:
        s, t = option
        dist = min((abs(s - k) for k in mine), default=0)
        stay = 0 if pair.previous == option else (1 if pair.previous and pair.previous[0] == s else 2)
        return (stay if pair.previous else 0, dist, s not in problem.preferred[pair.e],
                len(pair.tables) > 1 and t in bound_tables, s, t)
    return min(options, key=key)


def try_place(board: Board, p: int, repair: bool = True) -> bool:
    """Place pair p at its best free (slot, table); else move one interview of its employer aside."""
    if not board.has_room(p):
        return False
    options = board.options(p)
    if options:
        board.place(p, *_best_option(board, p, options))
        return True
    if not repair:
        return False
    problem = board.problem
    pair = problem.pairs[p]
    for s in pair.slots:
        if not board.candidate_free(pair.c, s):
            continue
        for t in pair.tables:
            q = board.table_busy[pair.e][t - 1].get(s)
            if q is None or q < 0 or (problem.pairs[q].previous is not None and pair.previous is None):
                continue
            board.remove(q)
            if board.table_free(pair.e, t, s):
                board.place(p, s, t)
                alternative = board.first_option(q)
                if alternative:
                    board.place(q, *alternative)
                    return True
                board.remove(p)
            board.place(q, s, t)
    return False


CHECK_EVERY = 256      # candidates of the first round between two looks at the clock


def _never() -> bool:
    return False


def greedy(problem: Problem, seed: int = 0, pairs: list[int] | None = None,
           first: dict[int, int] | None = None, repair_below: int | None = None,
           should_stop: Callable[[], bool] = _never) -> Board:
    """Round-robin by candidate: everybody's first meeting, then everybody's second, and so on.

    Candidates with fewer possibilities go first within a round; ties are broken by a seeded shuffle.
    When `pairs` is given, only those pairs are placed (the rest are not tried); `first` names the
    pair to try first for some candidates (from the covering max-flow). When a pair finds no free place,
    one interview of its employer may be moved aside, but only for candidates with fewer than
    `repair_below` interviews (None: always; that search is most of the time on large days).
    `should_stop()` ends the rounds early (the plan so far is valid): it is asked between rounds, and
    during the first round only every CHECK_EVERY candidates, so that coverage is cut only when the
    time is really spent (a huge day on a loaded machine).
    """
    board = Board(problem)
    allowed = set(problem.free_pairs if pairs is None else pairs)
    rng = random.Random(seed)
    order = list(range(len(problem.cands)))
    rng.shuffle(order)
    todo = {c: sorted((p for p in problem.pairs_of_cand[c] if p in allowed and problem.pairs[p].slots),
                      key=lambda p: (problem.pairs[p].previous is None, -problem.pairs[p].wish))
            for c in order}
    order.sort(key=lambda c: sum(len(problem.pairs[p].slots) for p in todo[c]))
    for c, p in (first or {}).items():
        if p in todo[c]:
            todo[c].remove(p)
            todo[c].insert(0, p)
    for c in order:     # published interviews first, where they were, so nobody else takes their place
        published = [(p, prev) for p in todo[c] if (prev := problem.pairs[p].previous) is not None]
        for p, (s, t) in published:
            if (board.has_room(p) and s in problem.pairs[p].slots and t in problem.pairs[p].tables
                    and board.candidate_free(c, s) and board.table_free(problem.pairs[p].e, t, s)):
                board.place(p, s, t)
                todo[c].remove(p)
    active = [c for c in order if todo[c]]
    limit = problem.n_slots + 1 if repair_below is None else repair_below
    rounds = 0
    while active:
        rounds += 1
        still = []
        for i, c in enumerate(active):
            # between rounds, and every CHECK_EVERY candidates of the first one (coverage comes first)
            if (i == 0 and rounds > 1 or i % CHECK_EVERY == CHECK_EVERY - 1) and should_stop():
                return board
            wishes = todo[c]
            while wishes:
                p = wishes.pop(0)
                if try_place(board, p, repair=board.cand_count[c] < limit):
                    break
            if wishes and board.cand_count[c] < problem.cap[c]:
                still.append(c)
        active = still
    return board


def fill(board: Board, pairs: Iterable[int] | None = None) -> None:
    """Last pass: any wish (of `pairs`, default all) that still fits somewhere, without moving others."""
    for p in board.problem.free_pairs if pairs is None else pairs:
        if p not in board.assign and board.problem.pairs[p].slots:
            try_place(board, p, repair=False)


def place_slots(board: Board, placed: dict[int, int]) -> None:
    """Give tables to the slots a model chose; interviews that find no table are re-inserted greedily."""
    problem = board.problem
    by_emp: dict[int, dict[int, int]] = {}
    for p, s in placed.items():
        by_emp.setdefault(problem.pairs[p].e, {})[p] = s
    dropped = [p for e in sorted(by_emp) for p in assign_tables(board, e, by_emp[e])]
    for p in dropped:
        try_place(board, p)
