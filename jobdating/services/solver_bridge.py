"""The one place the web app calls the solver package: dict in, dict out (formats.md)."""
from __future__ import annotations

import dataclasses
from typing import Any, Protocol


class ProgressSink(Protocol):
    stop: Any  # a threading.Event the solver watches

    def report(self, best: float | None, bound: float | None, elapsed: float | None = None) -> None: ...


def _config(solver_module, time_limit: float, progress: ProgressSink | None):
    config_cls = solver_module.SolverConfig
    names = {f.name for f in dataclasses.fields(config_cls)} if dataclasses.is_dataclass(config_cls) else set()
    kwargs: dict[str, Any] = {"time_limit": time_limit}
    if progress is not None:
        for name in ("progress", "on_progress", "progress_callback"):
            if name in names:
                kwargs[name] = progress.report
        for name in ("stop", "stop_event"):
            if name in names:
                kwargs[name] = progress.stop
        if "should_stop" in names:
            kwargs["should_stop"] = progress.stop.is_set
    return config_cls(**kwargs)


def solve_instance(data: dict[str, Any], time_limit: float, progress: ProgressSink | None = None) -> dict[str, Any]:
    """Solve a `jobdating-instance/1` dict; returns the `jobdating-schedule/1` dict."""
    import solver
    from solver import load_instance, schedule_to_dict

    schedule = solver.solve(load_instance(data), _config(solver, time_limit, progress))
    return schedule_to_dict(schedule)


def violations(data: dict[str, Any], interviews: list[dict[str, Any]]) -> list[str]:
    """Hard-rule violations of `interviews` (schedule form) for the instance `data`, per the solver's checker."""
    from solver import load_instance, schedule_from_dict
    from solver import validate

    schedule = schedule_from_dict({"format": "jobdating-schedule/1", "interviews": interviews})
    return list(validate(load_instance(data), schedule).violations)
