"""Each term of the objective pulls the plan in the direction formats.md orders."""
from plans import candidate, employer, instance, meetings, run


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
