"""One tiny instance per hard rule of formats.md, built so that breaking the rule would pay."""
from plans import candidate, employer, instance, meetings, reasons, run


def test_interviews_never_fall_in_a_break_or_past_the_end_of_the_day():
    data = instance([employer("E1")], [candidate(f"C{i}", "E1") for i in range(4)],
                    end="10:10", event={"breaks": [["09:15", "09:45"]]})
    plan = run(data)
    assert sorted(i.start for i in plan.interviews) == ["09:00", "09:45"]


def test_candidate_only_meets_employers_they_wished():
    data = instance([employer("E1"), employer("E2")], [candidate("C1", "E1"), candidate("C2", "E1")], end="09:15")
    assert meetings(run(data)) in ({("C1", "E1")}, {("C2", "E1")})


def test_declined_candidate_never_meets_employer():
    data = instance([employer("E1", rejects=["C1"])], [candidate("C1", "E1")])
    plan = run(data)
    assert plan.interviews == () and reasons(plan) == {("C1", "E1"): "rejected"}


def test_interviews_only_happen_when_both_are_available():
    data = instance([employer("E1", available=[["09:30", "10:00"]])],
                    [candidate("C1", "E1", available=[["09:00", "09:45"]])])
    assert [i.start for i in run(data).interviews] == ["09:30"]


def test_offer_bound_to_a_table_is_only_interviewed_at_that_table():
    offers = [{"id": "O1", "title": "a", "tables": [2]}, {"id": "O2", "title": "b", "tables": [1]}]
    data = instance([employer("E1", tables=2, offers=offers)], [candidate(f"C{i}", "O1") for i in range(3)],
                    end="09:15")
    plan = run(data)
    assert [(i.table, i.offers) for i in plan.interviews] == [(2, ("O1",))]


def test_candidate_has_one_interview_per_slot():
    data = instance([employer("E1"), employer("E2")], [candidate("C1", "E1", "E2")], end="09:15")
    assert len(run(data).interviews) == 1


def test_candidate_gets_the_free_slots_they_need_between_interviews():
    data = instance([employer(f"E{i}") for i in range(3)], [candidate("C1", "E0", "E1", "E2")],
                    end="09:45", event={"min_gap_slots": 1})
    assert sorted(i.start for i in run(data).interviews) == ["09:00", "09:30"]


def test_candidate_never_exceeds_their_cap():
    data = instance([employer(f"E{i}") for i in range(3)], [candidate("C1", "E0", "E1", "E2", max_interviews=2)])
    assert len(run(data).interviews) == 2


def test_event_cap_applies_to_candidates_without_their_own():
    data = instance([employer(f"E{i}") for i in range(3)], [candidate("C1", "E0", "E1", "E2")],
                    event={"max_interviews_per_candidate": 1})
    assert len(run(data).interviews) == 1


def test_one_interview_covers_the_employer_and_every_wished_offer():
    offers = [{"id": "O1", "title": "a"}, {"id": "O2", "title": "b"}]
    data = instance([employer("E1", tables=2, offers=offers)], [candidate("C1", "O1", "E1", "O2")])
    plan = run(data)
    assert [(i.employer, i.offers) for i in plan.interviews] == [("E1", ("O1", "O2"))]
    assert plan.unmet == ()


def test_table_holds_one_interview_per_slot():
    data = instance([employer("E1")], [candidate(f"C{i}", "E1") for i in range(3)], end="09:30")
    assert len(run(data).interviews) == 2


def test_table_pauses_after_max_consecutive_interviews():
    data = instance([employer("E1", max_consecutive=2)], [candidate(f"C{i}", "E1") for i in range(4)])
    plan = run(data)
    assert sorted(i.start for i in plan.interviews) in (["09:00", "09:15", "09:45"], ["09:00", "09:30", "09:45"])


def test_employer_never_exceeds_max_interviews():
    data = instance([employer("E1", tables=2, max_interviews=3)], [candidate(f"C{i}", "E1") for i in range(6)])
    assert len(run(data).interviews) == 3


def test_locked_interview_stays_even_when_moving_it_would_pay():
    locked = {"candidate": "C1", "employer": "E1", "table": 1, "start": "09:00", "end": "09:15", "offers": []}
    data = instance([employer("E1")], [candidate("C1", "E1"), candidate("C2", "E1")], end="09:15",
                    locked=[locked], event={})
    data["employers"][0]["favorites"] = ["C2"]
    plan = run(data)
    assert meetings(plan) == {("C1", "E1")} and plan.interviews[0].start == "09:00"


def test_no_new_interview_starts_before_now():
    data = instance([employer("E1")], [candidate(f"C{i}", "E1") for i in range(4)], now="09:20")
    assert sorted(i.start for i in run(data).interviews) == ["09:30", "09:45"]


def test_locked_interviews_may_break_gap_run_and_caps_among_themselves_but_new_ones_respect_them():
    locked = [{"candidate": c, "employer": "E1", "table": 1, "start": a, "end": b}
              for c, a, b in (("C1", "09:00", "09:15"), ("C2", "09:15", "09:30"))]
    locked.append({"candidate": "C1", "employer": "E2", "table": 1, "start": "09:15", "end": "09:30"})
    data = instance([employer("E1", max_consecutive=1, max_interviews=1), employer("E2"), employer("E3")],
                    [candidate("C1", "E1", "E2", "E3"), candidate("C2", "E1"), candidate("C3", "E1")], end="10:30",
                    locked=locked, event={"min_gap_slots": 1, "breaks": [["09:00", "09:15"]]})
    plan = run(data)
    assert meetings(plan) == {("C1", "E1"), ("C2", "E1"), ("C1", "E2"), ("C1", "E3")}
    assert next(i.start for i in plan.interviews if i.employer == "E3") >= "09:45"


def test_a_table_bound_to_an_offer_pauses_too_and_the_plan_is_proven_optimal():
    offers = [{"id": "O1", "title": "a", "tables": [1]}, {"id": "O2", "title": "b"}]
    data = instance([employer("E1", 2, offers=offers, max_consecutive=1, preferred=[["09:00", "09:30"]])],
                    [candidate("C0", "O1"), candidate("C1", "O1")], end="10:30",
                    event={"breaks": [["09:45", "10:00"]]})
    plan = run(data)
    assert plan.solver["status"] == "OPTIMAL" and len(plan.interviews) == 2
    assert sorted(i.start for i in plan.interviews) == ["09:00", "09:30"]
