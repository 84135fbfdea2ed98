"""Solver-independent check of a schedule against its instance: every hard rule, and the figures."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .instance import Instance, Interview, Schedule, minutes


@dataclass
class Report:
    violations: list[str] = field(default_factory=list)
    figures: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.violations


def _inside(windows, a: int, b: int) -> bool:
    return not windows or any(minutes(x) <= a and b <= minutes(y) for x, y in windows)


def _key(i: Interview) -> tuple:
    return (i.candidate, i.employer, i.table, i.start, i.end)


def validate(instance: Instance, schedule: Schedule | list[Interview]) -> Report:
    """Check rules 1-6 of formats.md. Locked and already-started published interviews ("fixed": the organizer
    or the past decided them) are exempt from rules 2-3 and may sit in a break; they still occupy their
    candidate and table, and a gap, run or cap is broken only when a new interview takes part in it."""
    interviews = list(schedule.interviews if isinstance(schedule, Schedule) else schedule)
    ev = instance.event
    t0, t1, d = minutes(ev.start), minutes(ev.end), ev.slot_minutes
    now = minutes(instance.now) if instance.now else None
    breaks = [(minutes(a), minutes(b)) for a, b in ev.breaks]
    emps = {e.id: e for e in instance.employers}
    offers = {o.id: (e, o) for e in instance.employers for o in e.offers}
    cands = {c.id: c for c in instance.candidates}
    started = [i for i in list(instance.locked) + list(instance.previous)
               if now is not None and minutes(i.start) < now]
    # a locked interview whose candidate or employer left the instance stays only if it already started
    must = [i for i in instance.locked if i.candidate in cands and i.employer in emps] + started
    locked = {_key(i) for i in instance.locked}
    past = {_key(i) for i in started}
    bad: list[str] = []
    given = {_key(i) for i in interviews}
    for i in must:
        if _key(i) not in given:
            bad.append(f"rule 6: {i.candidate}/{i.employer} at {i.start} table {i.table} must stay unchanged")
    by_cand, by_table, by_emp, pairs = defaultdict(list), defaultdict(list), defaultdict(list), defaultdict(int)
    for i in interviews:
        who = f"{i.candidate}/{i.employer} at {i.start}"
        fixed = _key(i) in locked or _key(i) in past
        emp, cand = emps.get(i.employer), cands.get(i.candidate)
        try:
            a, b = minutes(i.start), minutes(i.end)
        except ValueError:
            bad.append(f"rule 1: {who}: bad time")
            continue
        if (emp is None or cand is None) and not fixed:
            bad.append(f"rule 1: {who}: unknown candidate or employer")
            continue
        if (a - t0) % d or b - a != d or a < t0 or b > t1 or (
                not fixed and any(a < y and x < b for x, y in breaks)):
            bad.append(f"rule 1: {who}: not a usable slot")
        slot = (a - t0) // d
        if emp is not None and not fixed and not 1 <= i.table <= emp.tables:
            bad.append(f"rule 1: {who}: employer has no table {i.table}")
        if now is not None and a < now and not fixed:
            bad.append(f"rule 6: {who}: starts before now ({instance.now})")
        if emp is not None and cand is not None and not fixed:
            wished = [w for w in cand.wishes if w == emp.id or (w in offers and offers[w][0].id == emp.id)]
            if not wished:
                bad.append(f"rule 2: {who}: the candidate did not wish this employer")
            if cand.id in emp.rejects:
                bad.append(f"rule 2: {who}: the employer rejected the candidate")
            if not (_inside(cand.available, a, b) and _inside(emp.available, a, b)):
                bad.append(f"rule 3: {who}: not both available")
            if wished and emp.id not in wished and all(offers[w][1].tables is not None for w in wished):
                if not any(i.table in offers[w][1].tables for w in wished):
                    bad.append(f"rule 3: {who}: table {i.table} interviews for none of the wished offers")
        if cand is not None:
            by_cand[i.candidate].append((slot, fixed))
            pairs[i.candidate, i.employer] += 1
        if emp is not None:
            by_table[i.employer, i.table].append((slot, fixed))
            by_emp[i.employer].append(fixed)
    for cid, slots in by_cand.items():
        slots.sort()
        cand = cands[cid]
        cap = cand.max_interviews if cand.max_interviews is not None else ev.max_interviews_per_candidate
        if cap is not None and len(slots) > cap and not all(f for _, f in slots):
            bad.append(f"rule 4: candidate {cid} has {len(slots)} interviews, cap {cap}")
        for (x, fx), (y, fy) in zip(slots, slots[1:]):
            if y - x - 1 < ev.min_gap_slots and not (fx and fy):
                bad.append(f"rule 4: candidate {cid}: slots {x} and {y} overlap or leave less than "
                           f"{ev.min_gap_slots} free slots")
    for (cid, eid), n in pairs.items():
        if n > 1:
            bad.append(f"rule 4: candidate {cid} meets employer {eid} {n} times")
    for (eid, table), slots in by_table.items():
        slots.sort()
        for (x, _), (y, _) in zip(slots, slots[1:]):
            if x == y:
                bad.append(f"rule 5: employer {eid} table {table}: two interviews in slot {x}")
        m = emps[eid].max_consecutive
        for run in _runs(slots):
            if m is not None and len(run) > m and not all(run):
                bad.append(f"rule 5: employer {eid} table {table}: more than {m} interviews in a row")
    for eid, fixed_flags in by_emp.items():
        cap = emps[eid].max_interviews
        if cap is not None and len(fixed_flags) > cap and not all(fixed_flags):
            bad.append(f"rule 5: employer {eid} has {len(fixed_flags)} interviews, cap {cap}")
    return Report(bad, figures(instance, interviews))


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


def figures(instance: Instance, interviews: list[Interview]) -> dict:
    """What a user notices: coverage, interviews, first choices, favourites, waiting time."""
    d = instance.event.slot_minutes
    cands = {c.id: c for c in instance.candidates}
    offer_emp = {o.id: e.id for e in instance.employers for o in e.offers}
    favs = {(c, e.id) for e in instance.employers for c in e.favorites}
    times = defaultdict(list)
    met = set()
    for i in interviews:
        if i.candidate in cands:
            times[i.candidate].append(minutes(i.start))
            met.add((i.candidate, i.employer))
    waits = [max(t) + d - min(t) - d * len(t) for t in times.values()]
    first = sum(1 for c in cands.values() if c.wishes
                and (c.id, offer_emp.get(c.wishes[0], c.wishes[0])) in met)
    return {"candidates": len(cands), "covered": len(times), "interviews": sum(len(t) for t in times.values()),
            "mean_wait_minutes": round(sum(waits) / len(waits), 1) if waits else 0,
            "max_wait_minutes": max(waits, default=0), "first_choices": first,
            "favourites_met": len(met & favs)}
