"""Each term of the objective pulls the plan in the direction formats.md orders."""
from plans import candidate, employer, instance, meetings, run

from solver import instance_from_dict
from solver import objective as w


def test_covering_a_second_candidate_beats_giving_a_favourite_a_second_interview():
    data = instance([employer("E1", max_interviews=1), employer("E2", max_interviews=1, favorites=["C1"])],
                    [candidate("C1", "E2", "E1"), candidate("C2", "E2")], end="09:30")
    assert ("C2", "E2") in meetings(run(data))


def test_a_second_interview_counts_more_than_anybodys_third():
    data = instance([employer(f"E{i}") for i in (1, 2, 4)] + [employer("E3", max_interviews=1, favorites=["C1"])],
                    [candidate("C1", "E3", "E1", "E2"), candidate("C2", "E4", "E3")])
    assert ("C2", "E3") in meetings(run(data))


def test_first_choice_wins_over_second_choice():
    data = instance([employer("E1"), employer("E2")], [candidate("C1", "E2", "E1", max_interviews=1)])
    assert meetings(run(data)) == {("C1", "E2")}


def test_employer_favourite_gets_the_last_slot():
    data = instance([employer("E1", favorites=["C2"])], [candidate("C1", "E1"), candidate("C2", "E1")],
                    end="09:15")
    assert meetings(run(data)) == {("C2", "E1")}


def test_preferred_window_is_used_when_free():
    data = instance([employer("E1", preferred=[["09:30", "10:00"]])], [candidate("C1", "E1")])
    assert run(data).interviews[0].start in ("09:30", "09:45")


def test_candidate_interviews_are_packed_together():
    data = instance([employer("E1"), employer("E2", available=[["09:45", "10:00"]])],
                    [candidate("C1", "E1", "E2")])
    plan = run(data)
    assert sorted(i.start for i in plan.interviews) == ["09:30", "09:45"]
    assert plan.stats["mean_wait_minutes"] == 0


def test_published_interview_stays_where_it_was_when_replanning():
    previous = [{"candidate": "C1", "employer": "E1", "table": 1, "start": "09:30", "end": "09:45", "offers": []}]
    data = instance([employer("E1", preferred=[["09:00", "09:15"]])], [candidate("C1", "E1")], previous=previous)
    assert [(i.start, i.table) for i in run(data).interviews] == [("09:30", 1)]


def _objective_by_terms(inst, schedule) -> int:
    """The objective of a plan, term by term with the functions of objective.py, from the files alone."""
    ev, step = inst.event, inst.event.slot_minutes
    slot = {f"{m // 60:02d}:{m % 60:02d}": (m - 540) // step for m in range(540, 1440, step)}   # events start 09:00
    owner = {o.id: e.id for e in inst.employers for o in e.offers}
    emps = {e.id: e for e in inst.employers}
    now = inst.now or "00:00"
    fixed = {(i.candidate, i.employer, i.table, i.start) for i in inst.locked}
    fixed |= {(i.candidate, i.employer, i.table, i.start) for i in inst.previous if i.start < now}
    published = {(i.candidate, i.employer): slot[i.start] for i in inst.previous if i.start >= now}
    total = 0
    for cand in inst.candidates:
        ranked = list(dict.fromkeys(owner.get(wish, wish) for wish in cand.wishes))
        mine = [i for i in schedule.interviews if i.candidate == cand.id]
        for i in mine:
            emp = emps[i.employer]
            if i.employer in ranked:
                total += w.wish_weight(ranked.index(i.employer), cand.id in emp.favorites)
            inside = any(a <= i.start and i.end <= b for a, b in emp.preferred)
            total += w.preferred_weight(inside)
            key = (i.candidate, i.employer)
            if (i.candidate, i.employer, i.table, i.start) not in fixed and key in published:
                total += w.keep_weight(True) + w.stay_weight(published[key], slot[i.start])
        total += w.tiers(len(mine)) + w.compact_weight([slot[i.start] for i in mine])
    assert ev.start == "09:00"
    return total


def test_the_reported_objective_is_the_sum_of_the_terms_when_replanning():
    previous = [{"candidate": c, "employer": e, "table": 1, "start": a, "end": b}
                for c, e, a, b in (("C1", "E2", "09:00", "09:15"), ("C2", "E1", "09:15", "09:30"),
                                   ("C3", "E1", "09:45", "10:00"), ("C3", "E2", "09:30", "09:45"))]
    locked = [{"candidate": "C4", "employer": "E2", "table": 1, "start": "09:45", "end": "10:00"}]
    data = instance([employer("E1", favorites=["C3"], preferred=[["09:30", "10:00"]]), employer("E2", tables=2)],
                    [candidate("C1", "E1", "E2"), candidate("C2", "E1", "E2"), candidate("C3", "E2", "E1"),
                     candidate("C4", "E1"), candidate("W1", "E2", "E1")],
                    previous=previous, locked=locked, now="09:10", end="10:30")
    plan = run(data)
    assert plan.solver["objective"] == _objective_by_terms(instance_from_dict(data), plan)
