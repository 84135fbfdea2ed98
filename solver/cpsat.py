"""Running a CP-SAT model: progress reports on each solution, and an early stop from another thread."""
from __future__ import annotations

import threading
from collections.abc import Callable

from ortools.sat.python import cp_model

OnSolution = Callable[[float, float], None]     # (objective, bound) of each solution found


class _Reporter(cp_model.CpSolverSolutionCallback):
    def __init__(self, on_solution: OnSolution | None):
        super().__init__()
        self.on_solution = on_solution

    def on_solution_callback(self) -> None:
        if self.on_solution:
            self.on_solution(self.objective_value, self.best_objective_bound)


def run_solver(solver: cp_model.CpSolver, model: cp_model.CpModel, stop: threading.Event | None,
               on_solution: OnSolution | None = None) -> cp_model.CpSolverStatus:
    """CpSolver.solve that reports each solution (objective, bound) and stops when `stop` is set."""
    if stop is None:
        return solver.solve(model, _Reporter(on_solution))
    if stop.is_set():
        return cp_model.UNKNOWN
    done = threading.Event()

    def watch(stop: threading.Event) -> None:
        while not done.wait(0.05):
            if stop.is_set():
                solver.stop_search()
                return

    threading.Thread(target=watch, args=(stop,), daemon=True).start()
    try:
        return solver.solve(model, _Reporter(on_solution))
    finally:
        done.set()


def shifted(on_solution: OnSolution | None, objective: float, bound: float) -> OnSolution | None:
    """Reports of a model that leaves constants out: adds `objective` to each objective, `bound` to each bound."""
    if on_solution is None:
        return None
    report = on_solution
    return lambda obj, bnd: report(obj + objective, bnd + bound)
