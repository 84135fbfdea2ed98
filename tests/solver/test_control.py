"""Time limit, seed, progress callback, stop, and the package boundary."""
import subprocess
import sys
import threading
import time

from test_cli import ROOT

from solver import Instance, SolverConfig, solve, validate
from solver.generate import generate
from solver.instance import Event


def test_empty_instance_gives_an_empty_optimal_plan():
    plan = solve(Instance(Event("09:00", "12:00", 15)), SolverConfig(time_limit=2))
    assert plan.interviews == () and plan.unmet == () and plan.solver["status"] == "OPTIMAL"
    assert plan.stats["covered"] == 0


def test_progress_callback_reports_objective_bound_and_elapsed():
    calls = []
    solve(generate(4, 12, seed=1), SolverConfig(time_limit=5, workers=1, progress=lambda *a: calls.append(a)))
    assert calls and all(len(c) == 3 for c in calls)
    assert calls[-1][0] >= calls[0][0] and calls[-1][2] >= 0


def test_stop_event_returns_the_best_plan_so_far_quickly():
    inst = generate(12, 120, seed=2)
    config = SolverConfig(time_limit=60, workers=1)
    threading.Timer(1.0, config.stop.set).start()
    started = time.monotonic()
    plan = solve(inst, config)
    assert time.monotonic() - started < 15
    assert validate(inst, plan).ok and plan.stats["interviews"] > 0


def test_same_seed_gives_the_same_plan():
    inst = generate(5, 25, seed=5)
    first = solve(inst, SolverConfig(time_limit=8, workers=2, seed=7))
    second = solve(inst, SolverConfig(time_limit=8, workers=2, seed=7))
    assert first.interviews == second.interviews


def test_importing_the_solver_loads_no_web_framework():
    code = ("import sys, solver; solver.solve; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('flask', 'sqlalchemy', 'jobdating')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=str(ROOT))
    assert out.returncode == 0 and out.stdout.strip() == "[]"


def test_the_figures_of_the_best_plan_so_far_are_announced_from_the_bounds_to_the_end():
    # A progress page fills its bars from these: first the bounds with an empty plan, then each better
    # plan, never going backwards in covered candidates, the last one being the returned plan's.
    from solver.generate import generate
    inst = generate(30, 200, seed=5)
    seen: list[dict] = []
    plan = solve(inst, SolverConfig(time_limit=5, workers=1, figures=seen.append))
    assert seen[0]["covered"] == seen[0]["interviews"] == 0
    assert seen[0]["upper_bound_interviews"] == plan.solver["upper_bound_interviews"]
    assert len(seen) >= 2
    covered = [f["covered"] for f in seen]
    assert covered == sorted(covered)
    last = seen[-1]
    for key in ("covered", "interviews", "first_choices", "favourites_met", "mean_wait_minutes"):
        assert last[key] == plan.stats[key], key
    assert last["upper_bound_covered"] == plan.solver["upper_bound_covered"]
