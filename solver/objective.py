"""Objective weights shared by the CP-SAT models and the pure-Python scorer of a plan."""
from __future__ import annotations

# Order of importance (formats.md) realised by weights of decreasing magnitude; see model.py.
TIERS = (1_000_000, 100_000, 30_000, 10_000, 3_000)   # 1st (coverage), 2nd, 3rd, ... interview of a candidate
TIER_TAIL = 1_000                                      # 6th interview and beyond
FAVORITE = 300
KEEP = 700                                             # a published meeting kept (more than any rank gain)
STABLE = 100                                           # ... and kept at its slot
PREFERRED = 10                                         # an interview inside the employer's preferred windows
COMPACT = 3                                            # per slot between a candidate's first and last interview


def tier(j: int) -> int:
    """Weight of a candidate's j-th interview (1-based)."""
    return TIERS[j - 1] if j <= len(TIERS) else TIER_TAIL


def rank_bonus(rank: int | None) -> int:
    """First choice 400, second 350, ... never below 50; unwished (locked) interviews 0."""
    return 0 if rank is None else 400 - 50 * min(rank, 7)


def meeting_value(problem, assign: dict[int, tuple[int, int]]) -> int:
    """The part of the objective that only depends on who meets whom (tiers, ranks, favourites)."""
    total = sum(problem.pairs[fx.pair].value for fx in problem.fixed if fx.pair >= 0)
    counts: dict[int, int] = {}
    for fx in problem.fixed:
        if fx.c >= 0:
            counts[fx.c] = counts.get(fx.c, 0) + 1
    for p in assign:
        pair = problem.pairs[p]
        counts[pair.c] = counts.get(pair.c, 0) + 1
        total += pair.value
    return total + sum(tier(j) for n in counts.values() for j in range(1, n + 1))


def evaluate(problem, assign: dict[int, tuple[int, int]]) -> int:
    """Objective value of a plan: `assign` maps free pair -> (slot, table); fixed interviews included."""
    total = 0
    slots_of: dict[int, list[int]] = {}
    for fx in problem.fixed:
        if fx.c >= 0:
            slots_of.setdefault(fx.c, []).append(fx.slot)
        total += fx.value
    for p, (s, _t) in assign.items():
        pair = problem.pairs[p]
        slots_of.setdefault(pair.c, []).append(s)
        total += pair.value + problem.slot_bonus(pair, s)
    for slots in slots_of.values():
        total += sum(tier(j) for j in range(1, len(slots) + 1))
        total -= COMPACT * (max(slots) - min(slots))
    return total
