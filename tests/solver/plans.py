"""Factories for tiny solver instances; `run` solves one and checks the plan independently."""
from __future__ import annotations

from solver import SolverConfig, instance_from_dict, solve, validate


def employer(eid: str, tables: int = 1, **fields) -> dict:
    return {"id": eid, "name": eid, "tables": tables, **fields}


def candidate(cid: str, *wishes: str, **fields) -> dict:
    return {"id": cid, "name": cid, "wishes": list(wishes), **fields}


def instance(employers, candidates, *, start="09:00", end="10:00", slot=15, **fields) -> dict:
    event = {"name": "test", "date": "2027-03-18", "start": start, "end": end, "slot_minutes": slot,
             "breaks": [], "min_gap_slots": 0, "max_interviews_per_candidate": None}
    event.update(fields.pop("event", {}))
    return {"format": "jobdating-instance/1", "event": event, "employers": employers,
            "candidates": candidates, "locked": [], "previous": [], "now": None, **fields}


def run(data: dict, **config):
    """Solve a dict instance with short limits and assert the plan passes the independent check."""
    inst = instance_from_dict(data)
    schedule = solve(inst, SolverConfig(time_limit=config.pop("time_limit", 10.0),
                                        workers=config.pop("workers", 1), **config))
    report = validate(inst, schedule)
    assert report.ok, report.violations
    return schedule


def meetings(schedule) -> set[tuple[str, str]]:
    return {(i.candidate, i.employer) for i in schedule.interviews}


def reasons(schedule) -> dict[tuple[str, str], str]:
    return {(u.candidate, u.wish): u.reason for u in schedule.unmet}


