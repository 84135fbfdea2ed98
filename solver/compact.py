"""Local search: move or swap interviews within an employer to shorten waits (`compact`), and give a slot
from a candidate with many interviews to one with fewer (`rebalance`, the fairness move)."""
from __future__ import annotations

from collections.abc import Callable, Collection

from .board import Board
from .objective import COMPACT, compact_weight, tier


def _never() -> bool:
    return False


def _span(slots: Collection[int]) -> int:
    return max(slots) - min(slots) if slots else 0


def _cost(board: Board, c: int, drop: int | None = None, add: int | None = None) -> int:
    """COMPACT x span of candidate c if its interview at slot `drop` moved to slot `add`."""
    slots = [s for s in board.cand_busy[c] if s != drop]
    if add is not None:
        slots.append(add)
    return COMPACT * _span(slots)


def _free_without(board: Board, c: int, s: int, ignore: int) -> bool:
    g = board.problem.min_gap
    busy = board.cand_busy[c]
    return all(k not in busy or k == ignore for k in range(s - g, s + g + 1))


def compact(board: Board, rounds: int = 6, should_stop: Callable[[], bool] = _never) -> int:
    """Improve the plan in place; returns the number of moves made. Only improving moves are taken."""
    problem = board.problem
    moves = 0
    for _ in range(rounds):
        changed = 0
        order = sorted(range(len(problem.cands)), key=lambda c: -_span(board.cand_busy[c]))
        for c in order:
            if should_stop():
                return moves
            if len(board.cand_busy[c]) < 2 or _span(board.cand_busy[c]) <= len(board.cand_busy[c]) - 1:
                continue
            for _slot, p in sorted(board.cand_busy[c].items()):
                if p < 0 or p not in board.assign:
                    continue
                if _try_improve(board, p):
                    changed += 1
        moves += changed
        if not changed:
            break
    return moves


def _bonus(board: Board, p: int, s: int) -> int:
    return board.problem.slot_bonus(board.problem.pairs[p], s)


def _try_improve(board: Board, p: int) -> bool:
    problem = board.problem
    pair = problem.pairs[p]
    c, e = pair.c, pair.e
    s0, t0 = board.assign[p]
    before_c = _cost(board, c)
    others = [s for s in board.cand_busy[c] if s != s0]
    lo, hi = min(others), max(others)
    targets = sorted((s for s in pair.slots if s != s0), key=lambda s: (max(hi, s) - min(lo, s), abs(s - s0)))
    for s in targets:
        gain = before_c - _cost(board, c, s0, s) + _bonus(board, p, s) - _bonus(board, p, s0)
        if gain <= 0:
            break
        if not _free_without(board, c, s, s0):
            continue
        board.remove(p)
        for t in pair.tables:
            if board.table_free(e, t, s):
                board.place(p, s, t)
                return True
        board.place(p, s0, t0)
        for t in pair.tables:
            q = board.table_busy[e][t - 1].get(s)
            if q is None or q < 0 or t0 not in problem.pairs[q].tables:
                continue
            d = problem.pairs[q].c
            if not _free_without(board, d, s0, s):
                continue
            swap_gain = gain + _cost(board, d) - _cost(board, d, s, s0) + _bonus(board, q, s0) - _bonus(board, q, s)
            if swap_gain > 0 and s0 in problem.pairs[q].slots:
                board.remove(p)
                board.remove(q)
                board.place(p, s, t)
                board.place(q, s0, t0)
                return True
    return False


def _fairness_gain(board: Board, p: int, q: int, s: int) -> int:
    """Objective change if pair q took the place (slot s, same table) of pair p (objective.py terms)."""
    problem = board.problem
    a, b = problem.pairs[p], problem.pairs[q]
    kd, kc = board.cand_count[a.c], board.cand_count[b.c]
    d_slots, c_slots = list(board.cand_busy[a.c]), list(board.cand_busy[b.c])
    return (tier(kc + 1) - tier(kd)
            + b.wish + b.keep + problem.slot_bonus(b, s) - a.wish - a.keep - problem.slot_bonus(a, s)
            + compact_weight(c_slots + [s]) - compact_weight(c_slots)
            + compact_weight([k for k in d_slots if k != s]) - compact_weight(d_slots))


def rebalance(board: Board, should_stop: Callable[[], bool] = _never) -> int:
    """The fairness move: a candidate with k interviews gives one (its slot and table) to a candidate with
    k - 2 or fewer who wished that employer and is free then, when the objective gains (it always does
    but on the longest days, where tiers flatten). Returns the number of moves made."""
    problem = board.problem
    waiting: dict[int, list[int]] = {}
    for p in problem.free_pairs:
        if p not in board.assign and problem.pairs[p].slots:
            waiting.setdefault(problem.pairs[p].e, []).append(p)
    moves = 0
    order = sorted(board.assign, key=lambda p: (-board.cand_count[problem.pairs[p].c], p))
    for p in order:
        if should_stop():
            break
        if p not in board.assign or board.cand_count[problem.pairs[p].c] < 2:
            continue
        s, t = board.assign[p]
        kd = board.cand_count[problem.pairs[p].c]
        best, best_gain = -1, 0
        for q in waiting.get(problem.pairs[p].e, ()):
            pair = problem.pairs[q]
            c = pair.c
            if (q in board.assign or board.cand_count[c] > kd - 2 or board.cand_count[c] >= problem.cap[c]
                    or t not in pair.tables or s not in pair.slots or not board.candidate_free(c, s)):
                continue
            gain = _fairness_gain(board, p, q, s)
            if gain > best_gain:
                best, best_gain = q, gain
        if best >= 0:
            board.remove(p)
            board.place(best, s, t)
            waiting[problem.pairs[p].e].append(p)
            moves += 1
    return moves
