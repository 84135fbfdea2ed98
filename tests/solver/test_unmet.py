"""Every wish that did not become an interview is explained with the right reason."""
from plans import candidate, employer, instance, reasons, run


def test_wish_without_common_time_is_explained():
    data = instance([employer("E1", available=[["09:00", "09:30"]])],
                    [candidate("C1", "E1", available=[["09:30", "10:00"]])])
    assert reasons(run(data)) == {("C1", "E1"): "no_common_time"}


def test_wish_for_a_fully_booked_employer_is_explained():
    data = instance([employer("E1")], [candidate("C1", "E1"), candidate("C2", "E1")], end="09:15")
    assert set(reasons(run(data)).values()) == {"employer_full"}


def test_wish_beyond_the_candidates_cap_is_explained():
    data = instance([employer("E1"), employer("E2")], [candidate("C1", "E1", "E2", max_interviews=1)])
    assert reasons(run(data)) == {("C1", "E2"): "candidate_full"}


def test_wish_given_up_for_another_candidate_is_traded_off():
    data = instance([employer("E1"), employer("E2", available=[["09:00", "09:15"]])],
                    [candidate("C1", "E2", "E1"), candidate("C2", "E1", available=[["09:15", "09:30"]])],
                    end="09:30")
    assert reasons(run(data)) == {("C1", "E1"): "traded_off"}


def test_every_unmet_wish_of_an_offer_is_listed_by_its_own_id():
    offers = [{"id": "O1", "title": "a"}]
    data = instance([employer("E1", offers=offers, rejects=["C1"])], [candidate("C1", "O1", "E1")])
    assert reasons(run(data)) == {("C1", "O1"): "rejected", ("C1", "E1"): "rejected"}


def test_wish_for_an_offer_whose_table_must_pause_is_explained_as_employer_full():
    offers = [{"id": "O1", "title": "a", "tables": [1]}, {"id": "O2", "title": "b", "tables": [2]}]
    data = instance([employer("E1", 2, offers=offers, max_consecutive=2)],
                    [candidate(f"C{i}", "O1") for i in range(3)], end="09:45")
    plan = run(data)
    assert {i.table for i in plan.interviews} == {1} and len(plan.interviews) == 2
    assert list(reasons(plan).values()) == ["employer_full"]
