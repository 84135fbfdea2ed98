"""Why a wish did not become an interview: the `unmet` list of a schedule."""
from __future__ import annotations

from .board import Board
from .instance import Dropped, Interview, Unmet


def explain_unmet(board: Board) -> list[Unmet]:
    """One entry per wish (in each candidate's order) that no interview grants."""
    problem = board.problem
    met = {(fx.c, fx.e) for fx in problem.fixed}
    met |= {(problem.pairs[p].c, problem.pairs[p].e) for p in board.assign}
    unmet = []
    open_slots: dict[tuple[int, tuple[int, ...]], frozenset[int]] = {}
    for c, cand in enumerate(problem.instance.candidates):
        for wish in cand.wishes:
            e = problem.emp_index.get(wish)
            if e is None:
                e = problem.offer_owner[wish][0]
            if (c, e) in met:
                continue
            p = problem.pair_index.get((c, e))
            unmet.append(Unmet(cand.id, wish, "rejected" if p is None else _reason(board, p, open_slots)))
    return unmet


def _reason(board: Board, p: int, open_slots: dict[tuple[int, tuple[int, ...]], frozenset[int]]) -> str:
    """Why pair p is not met; `open_slots` caches, per employer and set of tables, the slots where one
    of those tables is free."""
    problem = board.problem
    pair = problem.pairs[p]
    if not pair.slots or not pair.tables:
        return "no_common_time"
    if board.cand_count[pair.c] >= problem.cap[pair.c]:
        return "candidate_full"
    if board.emp_count[pair.e] >= problem.max_int[pair.e]:
        return "employer_full"
    # a table is also full in a slot when an interview there would make too long a run
    key = (pair.e, pair.tables)
    if key not in open_slots:
        open_slots[key] = frozenset(s for s in range(problem.n_slots)
                                    if any(board.table_free(pair.e, t, s) for t in pair.tables))
    if open_slots[key].isdisjoint(pair.slots):
        return "employer_full"
    if all(not board.candidate_free(pair.c, s) for s in pair.slots):
        return "candidate_full"
    return "traded_off"


def explain_dropped(board: Board, interviews: list[Interview]) -> list[Dropped]:
    """One entry per meeting of `locked` (then `previous`, in their order) that the plan does not hold:
    interviews that moved to another slot or table are not dropped, their meeting stays."""
    problem = board.problem
    instance = problem.instance
    met = {(i.candidate, i.employer) for i in interviews}
    dropped, seen = [], set(met)
    for source, given in (("locked", instance.locked), ("previous", instance.previous)):
        for itv in given:
            if (itv.candidate, itv.employer) in seen:
                continue
            seen.add((itv.candidate, itv.employer))
            c, e = problem.cand_index.get(itv.candidate), problem.emp_index.get(itv.employer)
            if c is None:
                reason = "candidate_left"
            elif e is None:
                reason = "employer_left"
            elif (c, e) not in problem.pair_index:
                reason = "not_wished"
            elif not problem.pairs[problem.pair_index[(c, e)]].slots:
                reason = "no_common_time"
            else:
                reason = "traded_off"
            dropped.append(Dropped(itv, source, reason))
    return dropped
