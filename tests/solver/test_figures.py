"""Each figure of `stats` (docs/formats.md) on a day computed by hand."""
import pytest
from plans import candidate, employer, instance

from solver import instance_from_dict
from solver.instance import Interview
from solver.validate import figures


def _day():
    offers = [{"id": "O3", "title": "o"}]
    data = instance([employer("E1", 2, favorites=["C1"]), employer("E2", favorites=["C4"]),
                     employer("E3", offers=offers)],
                    [candidate("C1", "E1", "E2", "E3"), candidate("C2", "O3", "E1"), candidate("C3", "E2"),
                     candidate("C4", "E1")], end="10:30")
    plan = [
        Interview("C1", "E1", 1, "09:00", "09:15"), Interview("C1", "E2", 1, "09:30", "09:45"),
        Interview("C1", "E3", 1, "10:00", "10:15"),                 # C1 waits 75 - 45 = 30 minutes
        Interview("C2", "E3", 1, "09:00", "09:15", ("O3",)), Interview("C2", "E1", 1, "10:15", "10:30"),  # 60
        Interview("C3", "E2", 1, "09:00", "09:15"),                 # one interview: does not wait
        Interview("CX", "E2", 1, "09:15", "09:30"),                 # a candidate no longer in the instance
    ]
    return instance_from_dict(data), plan


EXPECTED = {
    "candidates": 4,            # C1 to C4
    "covered": 3,               # C4 has no interview; CX is not in the instance
    "interviews": 6,            # CX's interview is not counted
    "mean_wait_minutes": 45.0,  # (30 + 60) / 2: over the candidates with two or more interviews only
    "max_wait_minutes": 60,
    "first_choices": 3,         # C1 meets E1, C2 meets E3 (its offer O3), C3 meets E2; C4 nobody
    "favourites_met": 1,        # E1 meets its favourite C1; E2 does not meet C4
}


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_each_figure_follows_its_definition(key):
    inst, plan = _day()
    assert figures(inst, plan)[key] == EXPECTED[key]


def test_nobody_with_two_interviews_waits_zero_minutes():
    inst, plan = _day()
    single = [i for i in plan if i.candidate == "C3"]
    assert figures(inst, single)["mean_wait_minutes"] == 0
    assert figures(inst, single)["max_wait_minutes"] == 0
