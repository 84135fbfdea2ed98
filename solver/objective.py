"""The objective: its weights, and one function per term, in the order of importance of docs/formats.md.

Every plan is scored by the same terms, whoever computes them: the pure-Python scorer (score.py), the
CP-SAT timing model (model.py, one method per term), the pair selection (select.py) and the min-cost
flow (bounds.py). The weights decrease with the order of importance:

1. coverage: a candidate's 1st interview weighs 1,000,000, more than everything a single interview
   can bring in the lower terms together, so one more candidate covered wins;
2. fairness: the j-th interview of a candidate weighs 100,000 (2nd), 30,000 (3rd), 10,000, 3,000,
   then 1,000: a candidate's 2nd interview counts more than anybody's 3rd, and so on. Since the
   weights decrease, `sum(tier[j])` over a candidate's interviews is concave and needs no ordering
   constraint;
3. wishes: +400 for a first choice, -50 per rank (at least +50), +300 for an employer's favourite;
   always less than the smallest fairness step (1,000);
4. stability (re-planning): +700 for each published meeting kept, and +100 more when it stays in its
   slot. 700 is more than any rank and favourite gain (at most 650), so a re-plan does not cancel
   somebody's published interview to grant a better-ranked wish elsewhere: only coverage and
   fairness (what the changes of the day force) move or cancel published interviews. Stability
   therefore outweighs wishes, unlike the order of docs/formats.md; +100 outweighs what moving one
   interview changes in the two terms below on days of up to 30 slots;
5. employers' preferred windows: +10 per interview inside them;
6. compact days: -3 per slot between a candidate's first and last interview, so that 4 slots of a
   candidate's waiting outweigh one interview in a preferred window.

The organizer may choose "more first choices" instead (event.priority = "first_choices"): a
candidate's first choice then also weighs 200,000, more than anybody's second interview together
with every lower term of one interview (at most 100,000 + 650 + 800 + 10 + 3 per slot of waiting),
and less than one more candidate covered (1,000,000). The order becomes coverage > first choices >
fairness > wishes > stability > preferred windows > compact days: a popular employer's slot goes to
the candidate who ranked it first rather than to somebody's second interview.

tests/solver/test_objective_weights.py derives from these weights how far each term can pull one
interview, and checks that each term outweighs all the terms below it (the two exceptions above are
expected failures there), in both orders.
"""
from __future__ import annotations

PRIORITY = ("coverage", "fairness", "wishes", "stability", "preferred windows", "compact days")

# 1-2. coverage and fairness: the j-th interview of a candidate
TIERS = (1_000_000, 100_000, 30_000, 10_000, 3_000)   # 1st (coverage), 2nd, 3rd, 4th, 5th
TIER_TAIL = 1_000                                      # 6th interview and beyond
# 3. wishes
FIRST_CHOICE = 400                                     # a candidate's first choice ...
RANK_STEP = 50                                         # ... minus this per rank ...
LAST_RANK = 7                                          # ... down to this rank (first choice = rank 0)
FAVORITE = 300                                         # the employer's favourite
# 1b. with event.priority "first_choices" (docs/formats.md), between coverage and fairness
FIRST_CHOICE_FIRST = 200_000                           # a candidate's first choice granted
# 4. stability, when re-planning
KEEP = 700                                             # a published meeting kept
STABLE = 100                                           # ... and kept in its slot
# 5. employers' preferred windows
PREFERRED = 10                                         # an interview inside them
# 6. compact days
COMPACT = 3                                            # per slot between a candidate's first and last interview


def tier(j: int) -> int:
    """Coverage (j = 1) and fairness: weight of a candidate's j-th interview (1-based)."""
    return TIERS[j - 1] if j <= len(TIERS) else TIER_TAIL


def tiers(n: int) -> int:
    """Coverage and fairness of a candidate with n interviews."""
    return sum(tier(j) for j in range(1, n + 1))


def rank_bonus(rank: int) -> int:
    """First choice (rank 0) 400, second 350, ... never below 50."""
    return FIRST_CHOICE - RANK_STEP * min(rank, LAST_RANK)


def wish_weight(rank: int, favorite: bool, priority: str = "fairness") -> int:
    """Wishes: a meeting granting the candidate's wish of this rank, with the employer's favourite; with
    the "first_choices" priority, a first choice also weighs FIRST_CHOICE_FIRST."""
    first = FIRST_CHOICE_FIRST if priority == "first_choices" and rank == 0 else 0
    return first + rank_bonus(rank) + (FAVORITE if favorite else 0)


def keep_weight(published: bool) -> int:
    """Stability: a meeting of the published plan that the new plan keeps."""
    return KEEP if published else 0


def stay_weight(published_slot: int | None, slot: int) -> int:
    """Stability: a published meeting kept in the slot it was published in."""
    return STABLE if published_slot == slot else 0


def preferred_weight(inside: bool) -> int:
    """Employers' preferred windows: an interview inside them."""
    return PREFERRED if inside else 0


def compact_weight(slots: list[int]) -> int:
    """Compact days: minus COMPACT per slot between a candidate's first and last interview."""
    return -COMPACT * (max(slots) - min(slots)) if slots else 0
