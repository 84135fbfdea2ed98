"""The one place the web app calls the solver package: dict in, dict out (formats.md)."""
from __future__ import annotations

from typing import Any, Protocol


class ProgressSink(Protocol):
    stop: Any  # a threading.Event the solver watches

    def report(self, best: float | None, bound: float | None, elapsed: float | None = None) -> None: ...

    def figures(self, stats: dict[str, Any]) -> None: ...


def solve_instance(data: dict[str, Any], time_limit: float, progress: ProgressSink | None = None) -> dict[str, Any]:
    """Solve a `jobdating-instance/1` dict; returns the `jobdating-schedule/1` dict."""
    # Imported here: OR-Tools takes half a second to load, which web processes need not pay at start-up.
    from solver import SolverConfig, load_instance, schedule_to_dict, solve

    config = SolverConfig(time_limit=time_limit)
    if progress is not None:
        config = SolverConfig(time_limit=time_limit, progress=progress.report, figures=progress.figures,
                              stop=progress.stop)
    return schedule_to_dict(solve(load_instance(data), config))


def violations(data: dict[str, Any], interviews: list[dict[str, Any]]) -> list[str]:
    """Hard-rule violations of `interviews` (schedule form) for the instance `data`, per the solver's checker."""
    from solver import load_instance, schedule_from_dict, validate

    schedule = schedule_from_dict({"format": "jobdating-schedule/1", "interviews": interviews})
    return list(validate(load_instance(data), schedule).violations)
