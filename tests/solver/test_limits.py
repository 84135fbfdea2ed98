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


def test_the_first_round_of_the_greedy_stops_when_the_time_is_spent():
    # On a huge day and a loaded machine even the coverage round must give way: the clock is asked
    # every CHECK_EVERY candidates, and the plan so far stays valid.
    from solver.generate import generate
    from solver.greedy import CHECK_EVERY, greedy
    from solver.problem import Problem
    problem = Problem(generate(40, 3 * CHECK_EVERY, seed=1))
    asked = []

    def spent() -> bool:
        asked.append(1)
        return len(asked) >= 2
    board = greedy(problem, should_stop=spent)
    covered = {problem.pairs[p].c for p in board.assign}
    assert CHECK_EVERY <= len(covered) < 2 * CHECK_EVERY
    assert len(asked) == 2
    assert len(greedy(problem).assign) > len(board.assign)


def test_the_network_of_the_bounds_holds_every_free_pair_at_each_of_its_slots_and_bounds_the_plan():
    # The network is built with numpy in one step (a million arcs at 10,000 candidates): each free pair
    # with a common slot is in it, with one arc per slot, and its flows bound the plan; on this roomy
    # day everybody with a common slot can be covered.
    from solver.bounds import Skeleton, upper_bounds
    from solver.generate import generate
    from solver.problem import Problem
    problem = Problem(generate(12, 80, seed=3))
    net = Skeleton(problem)
    pair_slot_arcs = sum(len(problem.pairs[p].slots) for p in net.pairs)
    assert len(net.tails) == len(net.heads) == len(net.caps) >= len(net.pairs) + pair_slot_arcs
    assert sorted(net.pairs) == sorted(p for p in problem.free_pairs if problem.pairs[p].slots)
    interviews, covered = upper_bounds(problem, net=net)
    plan = solve(problem.instance, SolverConfig(time_limit=5, workers=1))
    assert plan.stats["interviews"] <= interviews and plan.stats["covered"] <= covered
    assert covered == sum(1 for c in range(len(problem.cands)) if any(problem.pairs[p].slots
                                                                        for p in problem.pairs_of_cand[c]))


def test_a_plan_at_its_bounds_and_within_a_few_ranks_of_the_relaxation_skips_the_pair_selection():
    # The pair selection could take the whole limit to prove that one candidate's third choice instead of
    # its second is the best possible; with everybody covered and every interview placed, it is skipped.
    from solver.engine import NEARLY, Run
    from solver.generate import generate
    from solver.greedy import greedy
    from solver.problem import Problem
    from solver.score import meeting_value
    problem = Problem(generate(10, 60, seed=2))
    run = Run(problem, SolverConfig(time_limit=5))
    run.board = greedy(problem)
    covered = len({problem.pairs[p].c for p in run.board.assign})
    run.ub_covered, run.ub_interviews = covered, len(run.board.assign)
    value = meeting_value(problem, run.board.assign)
    run.flow_optimum = value + NEARLY - 1
    assert run.nearly_settled()
    run.flow_optimum = value + NEARLY
    assert not run.nearly_settled()
    run.flow_optimum, run.ub_interviews = value, len(run.board.assign) + 1
    assert not run.nearly_settled()
    run.ub_interviews, run.ub_covered = len(run.board.assign), covered + 1
    assert not run.nearly_settled()
