"""The time limit is a promise: adversarial instances finish within it (plus the 2 s allowed for writing)."""
import time

from solver import SolverConfig, solve, validate
from solver.generate import many_offers


def test_an_employer_with_a_dozen_single_table_offers_finishes_within_the_limit():
    # 84 distinct table sets at one employer: enumerating every union of up to 4 of them (2 million)
    # used to hang the timing model; the full model is forced so that it is built.
    inst = many_offers(n_candidates=120)
    started = time.monotonic()
    plan = solve(inst, SolverConfig(time_limit=4, workers=1, full_model_limit=10 ** 6))
    assert time.monotonic() - started <= 4 + 2
    assert validate(inst, plan).ok
    assert plan.stats["covered"] == plan.solver["upper_bound_covered"]


def test_a_short_limit_on_a_large_day_is_kept_and_still_covers_everyone_who_can_be():
    from solver.generate import generate
    inst = generate(120, 2000, seed=4)
    started = time.monotonic()
    plan = solve(inst, SolverConfig(time_limit=2, workers=1))
    assert time.monotonic() - started <= 2 + 2
    assert plan.solver["seconds"] <= 2 + 2
    assert validate(inst, plan).ok
    assert plan.stats["covered"] == plan.solver["upper_bound_covered"]
