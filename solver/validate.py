"""Solver-independent check of a schedule against its instance: every hard rule, and the figures."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from .instance import Candidate, Employer, Instance, Interview, Schedule, Window, minutes, slot_grid


@dataclass
class Report:
    violations: list[str] = field(default_factory=list)
    figures: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.violations


Key = tuple[str, str, int, str, str]
Booking = tuple[int, bool]                      # (slot, fixed)


def _inside(windows: tuple[Window, ...], a: int, b: int) -> bool:
    return not windows or any(minutes(x) <= a and b <= minutes(y) for x, y in windows)


def _key(i: Interview) -> Key:
    return (i.candidate, i.employer, i.table, i.start, i.end)


def validate(instance: Instance, schedule: Schedule | list[Interview]) -> Report:
    """Check rules 1-6 of formats.md. Locked and already-started published interviews ("fixed": the organizer
    or the past decided them) are exempt from rules 2-3 and may sit in a break; they still occupy their
    candidate and table, and a gap, run or cap is broken only when a new interview takes part in it."""
    interviews = list(schedule.interviews if isinstance(schedule, Schedule) else schedule)
    check = _Check(instance)
    check.kept(interviews)
    for i in interviews:
        check.interview(i)
    check.candidates()
    check.pairs()
    check.tables()
    check.employers()
    return Report(check.bad, figures(instance, interviews))


class _Check:
    """The violations found so far, and who is booked when."""

    def __init__(self, instance: Instance):
        self.instance, ev = instance, instance.event
        self.t0, self.t1, self.d = minutes(ev.start), minutes(ev.end), ev.slot_minutes
        self.now = minutes(instance.now) if instance.now else None
        self.breaks = [(minutes(a), minutes(b)) for a, b in ev.breaks]
        self.slots = {s: k for k, (s, _) in enumerate(slot_grid(self.t0, self.t1, self.d, self.breaks))}
        self.emps = {e.id: e for e in instance.employers}
        self.offers = {o.id: (e, o) for e in instance.employers for o in e.offers}
        self.cands = {c.id: c for c in instance.candidates}
        self.started = [i for i in list(instance.locked) + list(instance.previous)
                        if self.now is not None and minutes(i.start) < self.now]
        # a locked interview whose candidate or employer left the instance stays only if it already started
        self.must = [i for i in instance.locked if i.candidate in self.cands and i.employer in self.emps]
        self.must += self.started
        self.fixed = {_key(i) for i in instance.locked} | {_key(i) for i in self.started}
        self.bad: list[str] = []
        self.by_cand: dict[str, list[Booking]] = defaultdict(list)
        self.by_table: dict[tuple[str, int], list[Booking]] = defaultdict(list)
        self.by_emp: dict[str, list[bool]] = defaultdict(list)
        self.meetings: dict[tuple[str, str], int] = defaultdict(int)
        self.max_per_candidate = ev.max_interviews_per_candidate
        self.min_gap = ev.min_gap_slots

    def kept(self, interviews: list[Interview]) -> None:
        """Rule 6: locked and already-started interviews stay unchanged."""
        given = {_key(i) for i in interviews}
        for i in self.must:
            if _key(i) not in given:
                self.bad.append(f"rule 6: {i.candidate}/{i.employer} at {i.start} table {i.table} must stay unchanged")

    def interview(self, i: Interview) -> None:
        """Rules 1, 2, 3 and 6 for one interview; then books its candidate and table."""
        who = f"{i.candidate}/{i.employer} at {i.start}"
        fixed = _key(i) in self.fixed
        emp, cand = self.emps.get(i.employer), self.cands.get(i.candidate)
        try:
            a, b = minutes(i.start), minutes(i.end)
        except ValueError:
            self.bad.append(f"rule 1: {who}: bad time")
            return
        if (emp is None or cand is None) and not fixed:
            self.bad.append(f"rule 1: {who}: unknown candidate or employer")
            return
        if a not in self.slots or b - a != self.d or b > self.t1 or (
                not fixed and any(a < y and x < b for x, y in self.breaks)):
            self.bad.append(f"rule 1: {who}: not a usable slot")
        slot = self.slots.get(a, (a - self.t0) // self.d)
        if emp is not None and not fixed and not 1 <= i.table <= emp.tables:
            self.bad.append(f"rule 1: {who}: employer has no table {i.table}")
        if self.now is not None and a < self.now and not fixed:
            self.bad.append(f"rule 6: {who}: starts before now ({self.instance.now})")
        if emp is not None and cand is not None and not fixed:
            self.wishes(i, who, emp, cand, (a, b))
        if cand is not None:
            self.by_cand[i.candidate].append((slot, fixed))
            self.meetings[i.candidate, i.employer] += 1
        if emp is not None:
            self.by_table[i.employer, i.table].append((slot, fixed))
            self.by_emp[i.employer].append(fixed)

    def wishes(self, i: Interview, who: str, emp: Employer, cand: Candidate, time: tuple[int, int]) -> None:
        """Rules 2 and 3 for a new interview: wished, not rejected, both available, an allowed table."""
        offers = self.offers
        wished = [w for w in cand.wishes if w == emp.id or (w in offers and offers[w][0].id == emp.id)]
        if not wished:
            self.bad.append(f"rule 2: {who}: the candidate did not wish this employer")
        if cand.id in emp.rejects:
            self.bad.append(f"rule 2: {who}: the employer rejected the candidate")
        if not (_inside(cand.available, *time) and _inside(emp.available, *time)):
            self.bad.append(f"rule 3: {who}: not both available")
        if wished and emp.id not in wished:     # only offers: when all bind tables, one must be this one
            tables = [offers[w][1].tables for w in wished]
            bound = [t for t in tables if t is not None]
            if len(bound) == len(tables) and not any(i.table in t for t in bound):
                self.bad.append(f"rule 3: {who}: table {i.table} interviews for none of the wished offers")

    def candidates(self) -> None:
        """Rule 4: a candidate's cap and the free slots between two interviews."""
        for cid, slots in self.by_cand.items():
            slots.sort()
            cand = self.cands[cid]
            cap = cand.max_interviews if cand.max_interviews is not None else self.max_per_candidate
            if cap is not None and len(slots) > cap and not all(f for _, f in slots):
                self.bad.append(f"rule 4: candidate {cid} has {len(slots)} interviews, cap {cap}")
            for (x, fx), (y, fy) in pairwise(slots):
                if y - x - 1 < self.min_gap and not (fx and fy):
                    self.bad.append(f"rule 4: candidate {cid}: slots {x} and {y} overlap or leave less than "
                                    f"{self.min_gap} free slots")

    def pairs(self) -> None:
        """Rule 4: a candidate meets an employer at most once."""
        for (cid, eid), n in self.meetings.items():
            if n > 1:
                self.bad.append(f"rule 4: candidate {cid} meets employer {eid} {n} times")

    def tables(self) -> None:
        """Rule 5: one interview per table and slot, and no more than max_consecutive in a row."""
        for (eid, table), slots in self.by_table.items():
            slots.sort()
            for (x, _), (y, _) in pairwise(slots):
                if x == y:
                    self.bad.append(f"rule 5: employer {eid} table {table}: two interviews in slot {x}")
            m = self.emps[eid].max_consecutive
            for run in _runs(slots):
                if m is not None and len(run) > m and not all(run):
                    self.bad.append(f"rule 5: employer {eid} table {table}: more than {m} interviews in a row")

    def employers(self) -> None:
        """Rule 5: an employer's cap."""
        for eid, fixed_flags in self.by_emp.items():
            cap = self.emps[eid].max_interviews
            if cap is not None and len(fixed_flags) > cap and not all(fixed_flags):
                self.bad.append(f"rule 5: employer {eid} has {len(fixed_flags)} interviews, cap {cap}")


def _runs(slots: list[tuple[int, bool]]) -> list[list[bool]]:
    """Maximal runs of consecutive slots of one table (sorted, one entry per slot), as their fixed flags."""
    runs: list[list[bool]] = []
    for k, (slot, fixed) in enumerate(slots):
        if k and slot == slots[k - 1][0]:
            continue
        if k and slot == slots[k - 1][0] + 1:
            runs[-1].append(fixed)
        else:
            runs.append([fixed])
    return runs


def figures(instance: Instance, interviews: list[Interview]) -> dict[str, Any]:
    """What a user notices: coverage, interviews, first choices, favourites, waiting time."""
    d = instance.event.slot_minutes
    cands = {c.id: c for c in instance.candidates}
    offer_emp = {o.id: e.id for e in instance.employers for o in e.offers}
    favs = {(c, e.id) for e in instance.employers for c in e.favorites}
    times: dict[str, list[int]] = defaultdict(list)
    met: set[tuple[str, str]] = set()
    for i in interviews:
        if i.candidate in cands:
            times[i.candidate].append(minutes(i.start))
            met.add((i.candidate, i.employer))
    # waiting is defined for candidates with two or more interviews only (docs/formats.md, `stats`)
    waits = [max(t) + d - min(t) - d * len(t) for t in times.values() if len(t) >= 2]
    first = sum(1 for c in cands.values() if c.wishes
                and (c.id, offer_emp.get(c.wishes[0], c.wishes[0])) in met)
    return {"candidates": len(cands), "covered": len(times), "interviews": sum(len(t) for t in times.values()),
            "mean_wait_minutes": round(sum(waits) / len(waits), 1) if waits else 0,
            "max_wait_minutes": max(waits, default=0), "first_choices": first,
            "favourites_met": len(met & favs)}
