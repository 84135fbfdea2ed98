"""docs/formats.md stays true: its JSON examples load with the solver's readers and keep every rule."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from solver import (
    Dropped,
    SolverConfig,
    instance_from_dict,
    instance_to_dict,
    schedule_from_dict,
    schedule_to_dict,
    solve,
    validate,
)
from solver.instance import INSTANCE_FORMAT, REASONS, SCHEDULE_FORMAT

DOC = Path(__file__).resolve().parents[2] / "docs" / "formats.md"
JSON_BLOCK = re.compile(r"^```json\n(.*?)^```$", re.DOTALL | re.MULTILINE)


def json_blocks() -> list[dict[str, Any]]:
    return [json.loads(text) for text in JSON_BLOCK.findall(DOC.read_text(encoding="utf-8"))]


def examples() -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """(instance, its schedule, re-planning instance), in the order the page shows them."""
    blocks = json_blocks()
    assert [b.get("format") for b in blocks] == [INSTANCE_FORMAT, SCHEDULE_FORMAT, INSTANCE_FORMAT]
    return blocks[0], blocks[1], blocks[2]


def keys(itv: Any) -> tuple[str, str, int, str, str]:
    return (itv.candidate, itv.employer, itv.table, itv.start, itv.end)


def test_every_json_block_of_the_page_is_a_whole_instance_or_schedule():
    blocks = json_blocks()
    assert len(blocks) == 3
    for block in blocks:
        assert block["format"] in (INSTANCE_FORMAT, SCHEDULE_FORMAT)


@pytest.mark.parametrize("which", [0, 2], ids=["instance", "re-planning instance"])
def test_instance_examples_load_and_spell_every_key_the_writer_writes(which):
    data = examples()[which]
    assert instance_to_dict(instance_from_dict(data)) == data


def test_schedule_example_keeps_every_rule_of_the_instance_example():
    instance_data, schedule_data, _ = examples()
    instance = instance_from_dict(instance_data)
    schedule = schedule_from_dict(schedule_data)
    report = validate(instance, schedule)
    assert report.ok, report.violations
    assert schedule_to_dict(schedule) == schedule_data


def test_schedule_example_states_the_figures_and_reasons_the_code_gives():
    instance_data, schedule_data, _ = examples()
    schedule = schedule_from_dict(schedule_data)
    assert validate(instance_from_dict(instance_data), schedule).figures == schedule.stats
    assert {u.reason for u in schedule.unmet} <= set(REASONS)


def test_solver_plans_the_instance_example_as_well_as_the_page_says():
    instance_data, schedule_data, _ = examples()
    instance = instance_from_dict(instance_data)
    planned = solve(instance, SolverConfig(time_limit=10, workers=1))
    assert validate(instance, planned).ok
    documented = schedule_from_dict(schedule_data)
    for key in ("candidates", "covered", "interviews"):
        assert planned.stats[key] == documented.stats[key]
    for key in ("status", "upper_bound_interviews", "upper_bound_covered", "meetings_optimal"):
        assert planned.solver[key] == documented.solver[key]
    assert planned.unmet == documented.unmet


def test_replanning_example_keeps_everything_but_the_absent_candidate_and_places_the_walk_in():
    _, _, replan_data = examples()
    instance = instance_from_dict(replan_data)
    planned = solve(instance, SolverConfig(time_limit=10, workers=1))
    report = validate(instance, planned)
    assert report.ok, report.violations
    kept = {keys(i) for i in instance.previous if i.candidate != "C5"}
    walk_in = {keys(i) for i in planned.interviews if i.candidate == "C6"}
    assert {keys(i) for i in planned.interviews} == kept | walk_in
    assert walk_in == {("C6", "E1", 1, "10:20", "10:40"), ("C6", "E2", 1, "10:40", "11:00")}
    c5 = next(i for i in instance.previous if i.candidate == "C5")
    assert planned.dropped == (Dropped(c5, "previous", "candidate_left"),)
    assert schedule_to_dict(planned)["dropped"] == [{"candidate": "C5", "employer": "E2", "table": 1, "start": "10:40",
                                                     "end": "11:00", "offers": [], "source": "previous",
                                                     "reason": "candidate_left"}]
