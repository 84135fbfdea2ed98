"""Giving each interview of an employer a table: per-slot matching, most rested tables first."""
from __future__ import annotations

from .board import Board


def assign_tables(board: Board, e: int, slots: dict[int, int]) -> list[int]:
    """Place pairs `slots` (pair -> slot, all of employer e, currently unplaced) on tables of e.

    Walks the day slot by slot and matches that slot's interviews to tables (Kuhn's augmenting
    paths), offering each interview its published table first, then the tables with the shortest
    current run, so that `max_consecutive` pauses fall where they hurt least. Returns the pairs that
    found no table (they stay unplaced).
    """
    problem = board.problem
    by_slot: dict[int, list[int]] = {}
    for p, s in slots.items():
        by_slot.setdefault(s, []).append(p)
    dropped: list[int] = []
    for s in sorted(by_slot):
        items = sorted(by_slot[s], key=lambda p: (len(problem.pairs[p].tables), p))
        free = [t for t in range(1, problem.tables[e] + 1) if board.table_free(e, t, s)]
        busy = board.table_busy[e]
        run = {t: _run_before(busy[t - 1], s) for t in free}
        prefs = {}
        for p in items:
            pair = problem.pairs[p]
            allowed = [t for t in free if t in pair.tables]
            allowed.sort(key=lambda t: (pair.previous != (s, t), run[t], t))
            prefs[p] = allowed
        owner: dict[int, int] = {}
        for p in items:
            if not board.candidate_free(problem.pairs[p].c, s) or not _augment(p, prefs, owner, set()):
                dropped.append(p)
        for t, p in owner.items():
            board.place(p, s, t)
    return dropped


def _augment(p: int, prefs: dict[int, list[int]], owner: dict[int, int], seen: set[int]) -> bool:
    """Kuhn's augmenting path: give pair p a table, moving the owners of its preferred tables if need be."""
    for t in prefs[p]:
        if t in seen:
            continue
        seen.add(t)
        if t not in owner or _augment(owner[t], prefs, owner, seen):
            owner[t] = p
            return True
    return False


def _run_before(busy: dict[int, int], s: int) -> int:
    run, k = 0, s - 1
    while k in busy:
        run, k = run + 1, k - 1
    return run
