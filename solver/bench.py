"""The benchmark: solver against first come, first served on generated instances of several sizes."""
from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from collections import Counter
from dataclasses import replace
from typing import Any

# size -> (employers, candidates); "many_offers" is generate.many_offers (one employer, 12 single-table offers)
SIZES = {"small": (40, 300), "medium": (120, 2000), "large": (300, 5000), "xlarge": (400, 10000),
         "many_offers": (9, 420)}
COLUMNS = ("size", "method", "limit", "seconds", "wall", "peak_MB", "covered/bound", "interviews/bound",
           "first_choices", "two_plus", "favourites", "mean_wait", "max_wait", "status")
# the solver with each priority of the organizer (event.priority, docs/formats.md), then first come, first served
METHODS = ("solver", "first_choices", "baseline")
TOLERANCE = 2.0             # seconds past the limit a solve may take (writing included)
BUSY = "while True: pass"   # one CPU-bound process of the loaded-machine rows


def measure(size: str, method: str, time_limit: float | None, seed: int, workers: int | None) -> dict[str, Any]:
    """One run in this process (the bench runs each in a fresh process so peak memory is its own).
    `seconds` is the solve as `solve()` reports it; `wall` adds writing the schedule as JSON. Method
    "solver" plans with the event's default priority (fairness first), "first_choices" with more first
    choices first; `two_plus` counts the candidates with two or more interviews."""
    from . import SolverConfig, dumps, solve, validate
    from .baseline import first_come_first_served
    from .bounds import upper_bounds
    from .generate import generate, many_offers
    from .problem import Problem

    instance = many_offers(seed=seed) if size == "many_offers" else generate(*SIZES[size], seed=seed)
    if method == "first_choices":
        instance = replace(instance, event=replace(instance.event, priority="first_choices"))
    config = SolverConfig(seed=seed)
    if time_limit is not None:
        config.time_limit = time_limit
    if workers:
        config.workers = workers
    started = time.monotonic()
    solver = method != "baseline"
    if solver:
        schedule = solve(instance, config)
        ub_interviews = schedule.solver["upper_bound_interviews"]
        ub_covered = schedule.solver["upper_bound_covered"]
        status = schedule.solver["status"]
    else:
        schedule = first_come_first_served(instance, seed)
        ub_interviews, ub_covered = upper_bounds(Problem(instance))
        status = "-"
    seconds = time.monotonic() - started
    dumps(schedule)
    wall = time.monotonic() - started
    report = validate(instance, schedule)
    fig = report.figures
    late = solver and wall > config.time_limit + TOLERANCE
    per_candidate = Counter(i.candidate for i in schedule.interviews)
    return {"size": size, "method": method, "limit": config.time_limit if solver else "-",
            "seconds": round(seconds, 1), "wall": round(wall, 1),
            "peak_MB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
            "covered/bound": f"{fig['covered']}/{ub_covered} ({100 * fig['covered'] / max(1, ub_covered):.1f}%)",
            "interviews/bound": f"{fig['interviews']}/{ub_interviews} "
                                f"({100 * fig['interviews'] / max(1, ub_interviews):.1f}%)",
            "first_choices": fig["first_choices"], "two_plus": sum(1 for n in per_candidate.values() if n >= 2),
            "favourites": fig["favourites_met"],
            "mean_wait": fig["mean_wait_minutes"], "max_wait": fig["max_wait_minutes"],
            "status": (f"INVALID ({len(report.violations)} violations)" if not report.ok
                       else f"{status} LATE" if late else status)}


def run(sizes: list[str], time_limit: float | None, seed: int = 0, workers: int | None = None,
        load: int = 0) -> list[dict[str, Any]]:
    """Each size, the solver with each priority then the baseline, each in a fresh process; with `load`,
    that many CPU-bound processes run alongside (a loaded machine) and the rows' size says so."""
    rows = []
    print(" | ".join(COLUMNS), flush=True)
    busy = [subprocess.Popen([sys.executable, "-c", BUSY]) for _ in range(load)]
    try:
        for size in sizes:
            for method in METHODS:
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
                if load:
                    row["size"] += f" +{load} busy"
                rows.append(row)
                print(" | ".join(str(row[c]) for c in COLUMNS), flush=True)
    finally:
        for process in busy:
            process.kill()
            process.wait()
    return rows
