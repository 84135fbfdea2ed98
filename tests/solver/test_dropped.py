"""Nothing dropped silently: every locked or previous meeting the plan does not hold is listed, with why."""
from plans import candidate, employer, instance, run

from solver import Dropped, schedule_from_dict, schedule_to_dict
from solver.instance import DROP_REASONS


def _itv(c: str, e: str, start: str, end: str, table: int = 1) -> dict:
    return {"candidate": c, "employer": e, "table": table, "start": start, "end": end, "offers": []}


def _reasons(plan) -> dict[tuple[str, str], tuple[str, str]]:
    return {(d.interview.candidate, d.interview.employer): (d.source, d.reason) for d in plan.dropped}


def test_each_meeting_that_cannot_be_kept_is_listed_with_its_reason():
    previous = [_itv("C1", "E1", "09:00", "09:15"), _itv("C2", "E2", "09:15", "09:30"),
                _itv("C3", "E1", "09:15", "09:30"), _itv("C4", "E3", "09:30", "09:45"),
                _itv("C5", "E1", "09:30", "09:45")]
    locked = [_itv("C9", "E1", "09:45", "10:00"), _itv("C5", "E1", "09:30", "09:45")]
    data = instance([employer("E1"), employer("E3", available=[["09:00", "09:15"]])],
                    [candidate("C1", "E1"), candidate("C2", "E1"), candidate("C3"),
                     candidate("C4", "E3", available=[["09:30", "10:00"]]), candidate("C5", "E1")],
                    previous=previous, locked=locked)
    plan = run(data)
    assert _reasons(plan) == {("C9", "E1"): ("locked", "candidate_left"),
                              ("C2", "E2"): ("previous", "employer_left"),
                              ("C3", "E1"): ("previous", "not_wished"),
                              ("C4", "E3"): ("previous", "no_common_time")}
    assert {d.reason for d in plan.dropped} <= set(DROP_REASONS)


def test_a_published_meeting_given_up_for_coverage_is_traded_off():
    # one slot at E1: C1 held it, C2 (who wished nobody else) arrives; covering C2 wins
    data = instance([employer("E1"), employer("E2")], [candidate("C1", "E1", "E2"), candidate("C2", "E1")],
                    end="09:15", previous=[_itv("C1", "E1", "09:00", "09:15")])
    plan = run(data)
    assert {(i.candidate, i.employer) for i in plan.interviews} == {("C2", "E1"), ("C1", "E2")}
    assert _reasons(plan) == {("C1", "E1"): ("previous", "traded_off")}


def test_a_moved_interview_is_not_dropped_and_started_ones_stay():
    previous = [_itv("C1", "E1", "09:00", "09:15"), _itv("C2", "E1", "09:30", "09:45")]
    data = instance([employer("E1", available=[["09:00", "09:30"]])], [candidate("C2", "E1")], previous=previous,
                    now="09:10")
    plan = run(data)
    assert ("C1", "E1", "09:00") in {(i.candidate, i.employer, i.start) for i in plan.interviews}
    assert ("C2", "E1", "09:15") in {(i.candidate, i.employer, i.start) for i in plan.interviews}
    assert plan.dropped == ()


def test_dropped_survives_json_and_old_files_without_it_still_load():
    data = instance([employer("E1")], [candidate("C1", "E1")], previous=[_itv("C2", "E1", "09:00", "09:15")])
    plan = run(data)
    written = schedule_to_dict(plan)
    assert written["dropped"] == [{**_itv("C2", "E1", "09:00", "09:15"), "source": "previous",
                                   "reason": "candidate_left"}]
    assert schedule_from_dict(written).dropped == plan.dropped
    old = {k: v for k, v in written.items() if k != "dropped"}
    assert schedule_from_dict(old).dropped == ()
    assert isinstance(plan.dropped[0], Dropped)
