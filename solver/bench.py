"""The benchmark: solver against first come, first served on generated instances of several sizes."""
from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from typing import Any

SIZES = {"small": (40, 300), "medium": (120, 2000), "large": (300, 5000)}
COLUMNS = ("size", "method", "seconds", "peak_MB", "covered/bound", "interviews/bound", "first_choices",
           "favourites", "mean_wait", "max_wait", "status")


def measure(size: str, method: str, time_limit: float | None, seed: int, workers: int | None) -> dict[str, Any]:
    """One run in this process (the bench runs each in a fresh process so peak memory is its own)."""
    from . import SolverConfig, solve, validate
    from .baseline import first_come_first_served
    from .bounds import upper_bounds
    from .generate import generate
    from .problem import Problem

    instance = generate(*SIZES[size], seed=seed)
    started = time.monotonic()
    if method == "solver":
        config = SolverConfig(seed=seed)
        if time_limit is not None:
            config.time_limit = time_limit
        if workers:
            config.workers = workers
        schedule = solve(instance, config)
        ub_interviews = schedule.solver["upper_bound_interviews"]
        ub_covered = schedule.solver["upper_bound_covered"]
        status = schedule.solver["status"]
    else:
        schedule = first_come_first_served(instance, seed)
        ub_interviews, ub_covered = upper_bounds(Problem(instance))
        status = "-"
    seconds = time.monotonic() - started
    report = validate(instance, schedule)
    fig = report.figures
    return {"size": size, "method": method, "seconds": round(seconds, 1),
            "peak_MB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
            "covered/bound": f"{fig['covered']}/{ub_covered} ({100 * fig['covered'] / max(1, ub_covered):.1f}%)",
            "interviews/bound": f"{fig['interviews']}/{ub_interviews} "
                                f"({100 * fig['interviews'] / max(1, ub_interviews):.1f}%)",
            "first_choices": fig["first_choices"], "favourites": fig["favourites_met"],
            "mean_wait": fig["mean_wait_minutes"], "max_wait": fig["max_wait_minutes"],
            "status": status if report.ok else f"INVALID ({len(report.violations)} violations)"}


def run(sizes: list[str], time_limit: float | None, seed: int = 0, workers: int | None = None) -> list[dict[str, Any]]:
    rows = []
    print(" | ".join(COLUMNS), flush=True)
    for size in sizes:
        for method in ("solver", "baseline"):
            cmd = [sys.executable, "-m", "solver", "bench", "--one", f"{size}:{method}", "--seed", str(seed)]
            if time_limit is not None:
                cmd += ["--time-limit", str(time_limit)]
            if workers:
                cmd += ["--workers", str(workers)]
            out = subprocess.run(cmd, capture_output=True, text=True, check=False)
            if out.returncode:
                print(out.stderr, file=sys.stderr)
                continue
            row = json.loads(out.stdout.strip().splitlines()[-1])
            rows.append(row)
            print(" | ".join(str(row[c]) for c in COLUMNS), flush=True)
    return rows
