"""The instance compiled to integer indices: slots, eligible pairs, fixed interviews, capacities."""
from __future__ import annotations

from dataclasses import dataclass

from .instance import Instance, InstanceError, Interview, Window, hhmm, minutes, slot_grid
from .objective import keep_weight, preferred_weight, stay_weight, wish_weight
from .reading import check_instance


@dataclass
class Pair:
    """A (candidate, employer) meeting the candidate wished and the employer did not reject."""
    idx: int
    c: int
    e: int
    rank: int                   # among the candidate's distinct wished employers, 0 = first choice
    wishes: tuple[str, ...]     # the wish ids this meeting grants
    offers: tuple[str, ...]     # wished offers of the employer, listed on the interview
    tables: tuple[int, ...]     # tables allowed (1-based)
    slots: tuple[int, ...]      # usable slots both are available in (and not before `now`)
    favorite: bool
    previous: tuple[int, int] | None = None   # published (slot, table), when re-planning
    wish: int = 0               # weight of the wish it grants: rank and favourite (objective.wish_weight)
    keep: int = 0               # weight of keeping it when it was published (objective.keep_weight)


@dataclass
class Fixed:
    """An interview that must stay unchanged (locked, or published and started before `now`)."""
    interview: Interview
    c: int                      # -1 when the candidate is no longer in the instance
    e: int
    slot: int
    table: int
    pair: int                   # eligible pair index, or -1
    value: int = 0              # its wish and preferred-window weights (it stays whatever they are)


def _inside(windows: tuple[Window, ...], start: int, end: int) -> bool:
    return any(minutes(a) <= start and end <= minutes(b) for a, b in windows)


class Problem:
    """Everything the solver stages need, derived once from an Instance."""

    def __init__(self, instance: Instance):
        check_instance(instance)
        self.instance = instance
        ev = instance.event
        d = ev.slot_minutes
        t0, t1 = minutes(ev.start), minutes(ev.end)
        self.slot_minutes = d
        grid = slot_grid(t0, t1, d, [(minutes(a), minutes(b)) for a, b in ev.breaks])
        self.n_slots = len(grid)
        self.slot_start = [s for s, _ in grid]
        self.usable = [usable for _, usable in grid]
        self._slot_index = {s: k for k, s in enumerate(self.slot_start)}
        now = minutes(instance.now) if instance.now else None
        self.first_new = 0 if now is None else sum(1 for s in self.slot_start if s < now)
        self.min_gap = ev.min_gap_slots
        self.cands = [c.id for c in instance.candidates]
        self.emps = [e.id for e in instance.employers]
        self.cand_index = {cid: i for i, cid in enumerate(self.cands)}
        self.emp_index = {eid: i for i, eid in enumerate(self.emps)}
        self.cap = []
        for cand in instance.candidates:
            cap = cand.max_interviews if cand.max_interviews is not None else ev.max_interviews_per_candidate
            self.cap.append(self.n_slots if cap is None else cap)
        self._windows: dict[tuple[Window, ...], frozenset[int]] = {}
        self.cand_slots = [self._available(c.available) for c in instance.candidates]
        self.emp_slots = [self._available(e.available) for e in instance.employers]
        self.tables = [e.tables for e in instance.employers]
        self.max_int = [self.n_slots * e.tables if e.max_interviews is None else e.max_interviews
                        for e in instance.employers]
        self.max_consec = [e.max_consecutive or self.n_slots for e in instance.employers]
        self.preferred = [frozenset(k for k in range(self.n_slots)
                                    if _inside(e.preferred, self.slot_start[k], self.slot_start[k] + d))
                          for e in instance.employers]
        self.bound_tables = [{t for o in e.offers for t in (o.tables or ())} for e in instance.employers]
        self.offer_owner = {o.id: (i, o) for i, e in enumerate(instance.employers) for o in e.offers}
        self._build_pairs()
        self._build_fixed()

    def _available(self, windows: tuple[Window, ...]) -> frozenset[int]:
        """Usable slots inside `windows` (all usable slots when empty); people share a few window lists."""
        cache = self._windows
        if windows not in cache:
            d = self.slot_minutes
            cache[windows] = frozenset(k for k in range(self.n_slots) if self.usable[k] and (
                not windows or _inside(windows, self.slot_start[k], self.slot_start[k] + d)))
        return cache[windows]

    def _build_pairs(self) -> None:
        self.pairs: list[Pair] = []
        self.pairs_of_cand: list[list[int]] = [[] for _ in self.cands]
        self.pairs_of_emp: list[list[int]] = [[] for _ in self.emps]
        self.pair_index: dict[tuple[int, int], int] = {}
        self._commons: dict[tuple[int, int], tuple[int, ...]] = {}    # by the ids of cached frozensets
        inst = self.instance
        rejects = [frozenset(e.rejects) for e in inst.employers]
        favorites = [frozenset(e.favorites) for e in inst.employers]
        for c, cand in enumerate(inst.candidates):
            grouped: dict[int, list[str]] = {}
            for wish in cand.wishes:
                e = self.emp_index[wish] if wish in self.emp_index else self.offer_owner[wish][0]
                grouped.setdefault(e, []).append(wish)
            for rank, (e, wishes) in enumerate(grouped.items()):
                emp = inst.employers[e]
                if cand.id in rejects[e]:
                    continue
                offers = tuple(w for w in wishes if w in self.offer_owner)
                bound = [ts for ts in (self.offer_owner[o][1].tables for o in offers) if ts is not None]
                if len(offers) < len(wishes) or len(bound) < len(offers):    # the employer, or an offer at any table
                    tables = tuple(range(1, emp.tables + 1))
                else:
                    tables = tuple(sorted({t for ts in bound for t in ts}))
                slots = self._common(self.cand_slots[c], self.emp_slots[e])
                fav = cand.id in favorites[e]
                pair = Pair(len(self.pairs), c, e, rank, tuple(wishes), offers, tables, slots, fav)
                pair.wish = wish_weight(rank, fav, inst.event.priority)
                self.pairs.append(pair)
                self.pair_index[(c, e)] = pair.idx
                self.pairs_of_cand[c].append(pair.idx)
                self.pairs_of_emp[e].append(pair.idx)

    def _common(self, mine: frozenset[int], theirs: frozenset[int]) -> tuple[int, ...]:
        """The usable slots both are available in, from `first_new` on; people share a few window lists,
        so each combination is computed once."""
        key = (id(mine), id(theirs))
        if key not in self._commons:
            self._commons[key] = tuple(sorted(k for k in mine & theirs if k >= self.first_new))
        return self._commons[key]

    def slot_of(self, start: str) -> int:
        return self._slot_index.get(minutes(start), -1)

    def _build_fixed(self) -> None:
        self.fixed: list[Fixed] = []
        taken: dict[tuple[str, str], Interview] = {}
        now = self.slot_start[self.first_new] if self.first_new < self.n_slots else 10 ** 9
        past = [i for i in self.instance.previous if minutes(i.start) < now]
        # interviews of a candidate or employer no longer in the instance stay only if already started
        locked = [i for i in self.instance.locked if minutes(i.start) < now
                  or (i.candidate in self.cand_index and i.employer in self.emp_index)]
        for itv in locked + past:
            c = self.cand_index.get(itv.candidate, -1)
            e = self.emp_index.get(itv.employer, -1)
            key = (itv.candidate, itv.employer)
            if key in taken:
                if taken[key] != itv and (taken[key].table, taken[key].start) != (itv.table, itv.start):
                    raise InstanceError(f"locked: {itv.candidate}/{itv.employer} must stay both at "
                                        f"{taken[key].start} and at {itv.start}, but a candidate meets an "
                                        f"employer at most once", "locked")
                continue
            taken[key] = itv
            p = self.pair_index.get((c, e), -1)
            fx = Fixed(itv, c, e, self.slot_of(itv.start), itv.table, p)
            if p >= 0:
                fx.value = self.pairs[p].wish + preferred_weight(fx.slot in self.preferred[e])
            self.fixed.append(fx)
        self._check_fixed_conflicts()
        fixed_pairs = {fx.pair for fx in self.fixed}
        self.free_pairs = [p.idx for p in self.pairs if p.idx not in fixed_pairs]
        self.free_set = set(self.free_pairs)
        fixed_keys = {(fx.c, fx.e) for fx in self.fixed}
        for itv in self.instance.previous:
            c, e = self.cand_index.get(itv.candidate, -1), self.emp_index.get(itv.employer, -1)
            p = self.pair_index.get((c, e), -1)
            if p >= 0 and (c, e) not in fixed_keys and self.pairs[p].previous is None:
                self.pairs[p].previous = (self.slot_of(itv.start), itv.table)
                self.pairs[p].keep = keep_weight(True)
        if any(fx.slot < 0 or fx.slot >= self.n_slots for fx in self.fixed):
            bad = next(fx for fx in self.fixed if fx.slot < 0 or fx.slot >= self.n_slots)
            raise InstanceError(f"interview {bad.interview.candidate}/{bad.interview.employer} at "
                                f"{bad.interview.start} lies outside the event", "locked")

    def _check_fixed_conflicts(self) -> None:
        """Interviews that must stay cannot share a table or a candidate's slot: a clear error."""
        seen: dict[tuple[str | int, ...], Interview] = {}
        for fx in self.fixed:
            itv = fx.interview
            for key in (("table", itv.employer, itv.table, fx.slot), ("candidate", itv.candidate, fx.slot)):
                if key in seen:
                    other = seen[key]
                    raise InstanceError(f"locked: {itv.candidate}/{itv.employer} and {other.candidate}/"
                                        f"{other.employer} at {itv.start} must both stay but share a "
                                        f"{key[0]}", "locked")
                seen[key] = itv

    def slot_bonus(self, pair: Pair, slot: int) -> int:
        """The terms that depend on the slot of a meeting: the employer's preferred windows, and
        stability's bonus for staying in the published slot."""
        published_slot = None if pair.previous is None else pair.previous[0]
        return preferred_weight(slot in self.preferred[pair.e]) + stay_weight(published_slot, slot)

    def interview(self, p: int, slot: int, table: int) -> Interview:
        pair = self.pairs[p]
        start = self.slot_start[slot]
        return Interview(self.cands[pair.c], self.emps[pair.e], table, hhmm(start), hhmm(start + self.slot_minutes),
                         pair.offers)
