"""Reading and writing the jobdating formats, and clear errors on bad input."""
import json
import re

import pytest
from plans import candidate, employer, instance, run

from solver import (
    InstanceError,
    dumps,
    instance_from_dict,
    instance_to_dict,
    load_instance,
    load_schedule,
    schedule_from_dict,
    schedule_to_dict,
)
from solver.generate import generate


def test_instance_survives_a_round_trip_through_json():
    original = generate(5, 20, seed=3)
    again = load_instance(json.dumps(instance_to_dict(original)))
    assert again == original


def test_schedule_survives_a_round_trip_through_json(tmp_path):
    plan = run(instance([employer("E1")], [candidate("C1", "E1"), candidate("C2", "E2")] [:1]))
    path = tmp_path / "plan.json"
    path.write_text(dumps(plan), encoding="utf-8")
    assert load_schedule(path) == plan
    assert schedule_from_dict(schedule_to_dict(plan)) == plan


def test_unknown_keys_are_ignored():
    data = instance([employer("E1", colour="blue")], [candidate("C1", "E1", shoe_size=42)], future_key=1)
    assert instance_from_dict(data).candidates[0].wishes == ("E1",)


def _broken(change):
    data = instance([employer("E1", offers=[{"id": "O1", "title": "a"}])], [candidate("C1", "E1")])
    change(data)
    return data


@pytest.mark.parametrize("change, words", [
    (lambda d: d.update(format="jobdating-instance/9"), "format"),
    (lambda d: d["candidates"][0]["wishes"].append("E404"), "candidate C1: wish 'E404'"),
    (lambda d: d["employers"][0].update(tables=-1), "employer E1: tables"),
    (lambda d: d["employers"][0].update(available=[["9h", "10:00"]]), "employer E1: bad time '9h'"),
    (lambda d: d["candidates"][0].pop("id"), "candidates[0]: missing id"),
    (lambda d: d["employers"][0]["offers"][0].update(tables=[3]), "offer O1: table 3"),
    (lambda d: d["candidates"].append(candidate("E1")), "id 'E1' is used twice"),
    (lambda d: d["event"].update(end="08:00"), "event: end"),
    (lambda d: d["employers"][0].update(available=[["11:00", "10:00"]]), "ends before it starts"),
    (lambda d: d["candidates"][0].update(available=[["09:00", "24:30"]]), "candidate C1: bad time '24:30'"),
])
def test_bad_input_is_a_clear_error_naming_the_entry(change, words):
    with pytest.raises(InstanceError, match=re.escape(words)):
        instance_from_dict(_broken(change))


def test_text_that_is_not_json_is_a_clear_error():
    with pytest.raises(InstanceError, match="not valid JSON"):
        load_instance("{not json")


def test_two_locked_interviews_at_the_same_table_and_time_are_a_clear_error():
    from solver import SolverConfig, solve
    locked = [{"candidate": c, "employer": "E1", "table": 1, "start": "09:00", "end": "09:15"} for c in ("C1", "C2")]
    data = instance([employer("E1")], [candidate("C1", "E1"), candidate("C2", "E1")], locked=locked)
    with pytest.raises(InstanceError, match="C2/E1 and C1/E1 at 09:00 must both stay but share a table"):
        solve(instance_from_dict(data), SolverConfig(time_limit=2))


def test_one_pair_locked_at_two_times_is_a_clear_error():
    from solver import SolverConfig, solve
    locked = [{"candidate": "C1", "employer": "E1", "table": t, "start": a, "end": b}
              for t, a, b in ((1, "09:00", "09:15"), (2, "09:30", "09:45"))]
    data = instance([employer("E1", 2)], [candidate("C1", "E1")], locked=locked)
    with pytest.raises(InstanceError, match="C1/E1 must stay both at 09:00 and at 09:30"):
        solve(instance_from_dict(data), SolverConfig(time_limit=2))
