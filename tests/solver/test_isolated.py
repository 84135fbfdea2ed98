"""Solving in a child process (solver.isolated): the caller keeps its interpreter, gets the progress and the
figures through a pipe, can stop the search, and gets a clear failure when the child dies or refuses."""
from __future__ import annotations

import multiprocessing
import threading
import time

import pytest

from solver import SolverConfig, load_instance, solve, validate
from solver.generate import generate
from solver.isolated import SolverFailed, solve_dict
from solver.jsonio import instance_to_dict, schedule_from_dict


def test_a_solve_in_a_child_gives_the_plan_with_its_progress_and_figures():
    instance = generate(10, 60, seed=1)
    progress, figures = [], []
    data = solve_dict(instance_to_dict(instance), 5, progress=lambda *report: progress.append(report),
                      figures=figures.append)
    schedule = schedule_from_dict(data)
    assert validate(instance, schedule).ok
    assert schedule.stats["interviews"] == solve(instance, SolverConfig(time_limit=5)).stats["interviews"]
    assert progress and figures and figures[-1]["interviews"] == schedule.stats["interviews"]


def test_stop_ends_the_childs_search_early_with_the_best_plan_so_far():
    instance = generate(120, 2000, seed=2)
    stop = threading.Event()
    threading.Timer(2.0, stop.set).start()
    started = time.monotonic()
    data = solve_dict(instance_to_dict(instance), 60, stop=stop)
    assert time.monotonic() - started < 20
    assert validate(instance, schedule_from_dict(data)).ok


def test_a_refused_instance_fails_with_the_reason():
    data = instance_to_dict(generate(5, 20, seed=1))
    data["candidates"][0]["wishes"] = ["NOBODY"]
    with pytest.raises(SolverFailed, match="NOBODY"):
        solve_dict(data, 5)


def test_a_child_that_dies_fails_the_solve_and_the_caller_goes_on():
    # The out-of-memory killer, a native fault: the child is gone without a word.
    instance = generate(120, 2000, seed=2)

    def kill_the_solver() -> None:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            children = [c for c in multiprocessing.active_children() if c.name == "solver"]
            if children:
                time.sleep(0.5)
                children[0].kill()
                return
            time.sleep(0.05)
    threading.Thread(target=kill_the_solver, daemon=True).start()
    with pytest.raises(SolverFailed, match="ended without a plan"):
        solve_dict(instance_to_dict(instance), 60)
    assert load_instance(instance_to_dict(generate(5, 20, seed=1)))  # this process is fine
    assert schedule_from_dict(solve_dict(instance_to_dict(generate(5, 20, seed=1)), 5)).interviews
