"""Re-planning keeps everybody else's published interviews in place."""
from plans import candidate, employer, instance, run

from solver import schedule_to_dict


def _published():
    data = instance([employer("E1"), employer("E2"), employer("E3", tables=2)],
                    [candidate(f"C{i}", "E1", "E2") for i in range(1, 5)], end="10:00")
    return data, run(data)


def _keys(interviews, skip=lambda i: False):
    return {(i["candidate"], i["employer"], i["table"], i["start"]) for i in interviews if not skip(i)}


def test_absent_candidate_leaves_the_others_untouched():
    data, plan = _published()
    data["previous"] = schedule_to_dict(plan)["interviews"]
    data["candidates"] = [c for c in data["candidates"] if c["id"] != "C4"]
    replan = schedule_to_dict(run(data))
    assert _keys(replan["interviews"]) == _keys(data["previous"], lambda i: i["candidate"] == "C4")


def test_employer_leaving_early_only_cancels_its_own_later_interviews():
    data, plan = _published()
    data["previous"] = schedule_to_dict(plan)["interviews"]
    data["employers"][1]["available"] = [["09:00", "09:30"]]
    data["now"] = "09:20"
    replan = schedule_to_dict(run(data))
    kept = _keys(data["previous"], lambda i: i["employer"] == "E2" and i["start"] >= "09:30")
    assert kept <= _keys(replan["interviews"])
    assert not any(i["employer"] == "E2" and i["start"] >= "09:30" for i in replan["interviews"])


def test_walk_in_gets_a_free_slot_and_the_others_keep_theirs():
    data, plan = _published()
    data["previous"] = schedule_to_dict(plan)["interviews"]
    data["candidates"].append(candidate("W1", "E1", "E3"))
    data["now"] = "09:10"
    replan = schedule_to_dict(run(data))
    assert _keys(data["previous"]) <= _keys(replan["interviews"])
    walk_in = [i for i in replan["interviews"] if i["candidate"] == "W1"]
    assert [i["employer"] for i in walk_in] == ["E3"] and walk_in[0]["start"] >= "09:15"


def test_interviews_that_already_started_stay_even_for_a_candidate_who_left():
    data, plan = _published()
    data["previous"] = schedule_to_dict(plan)["interviews"]
    data["candidates"] = [c for c in data["candidates"] if c["id"] != "C1"]
    data["now"] = "09:50"
    replan = schedule_to_dict(run(data))
    started = _keys(data["previous"], lambda i: i["start"] >= "09:50")
    assert started <= _keys(replan["interviews"])


def test_replan_does_not_cancel_a_published_interview_for_a_better_ranked_wish():
    previous = [{"candidate": "C1", "employer": "E2", "table": 1, "start": "09:00", "end": "09:15"}]
    data = instance([employer("E1"), employer("E2")], [candidate("C1", "E1", "E2", max_interviews=1)],
                    previous=previous)
    assert [(i.employer, i.start) for i in run(data).interviews] == [("E2", "09:00")]


def test_locked_interview_of_a_candidate_who_left_is_dropped_unless_it_started():
    locked = [{"candidate": "GONE", "employer": "E1", "table": 1, "start": t, "end": e}
              for t, e in (("09:00", "09:15"), ("09:45", "10:00"))]
    data = instance([employer("E1")], [candidate("C1", "E1")], locked=locked, now="09:20")
    plan = run(data)
    assert [(i.candidate, i.start) for i in plan.interviews] == [("GONE", "09:00"), ("C1", "09:30")]


def test_an_interview_that_started_at_a_table_since_removed_stays_and_later_ones_move():
    previous = [{"candidate": c, "employer": "E1", "table": 2, "start": a, "end": b}
                for c, a, b in (("C1", "09:00", "09:15"), ("C2", "09:30", "09:45"))]
    data = instance([employer("E1", 1)], [candidate("C1", "E1"), candidate("C2", "E1")],
                    previous=previous, now="09:20")
    plan = run(data)
    assert {(i.candidate, i.table, i.start) for i in plan.interviews} == {("C1", 2, "09:00"), ("C2", 1, "09:30")}


def test_the_interview_bound_leaves_out_a_started_interview_of_a_candidate_who_left_like_the_figures():
    # C0 left after its 09:00 interview started; C1 can still meet E1 once: 1 interview counted, bound 1
    previous = [{"candidate": "C0", "employer": "E1", "table": 1, "start": "09:00", "end": "09:15"}]
    data = instance([employer("E1")], [candidate("C1", "E1")], end="09:45", previous=previous, now="09:10")
    plan = run(data)
    assert len(plan.interviews) == 2 and plan.stats["interviews"] == 1
    assert plan.solver["upper_bound_interviews"] == plan.stats["interviews"] == 1
    assert plan.solver["upper_bound_covered"] == plan.stats["covered"] == 1
