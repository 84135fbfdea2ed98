"""The plan against what a user would compare it with: the proven bounds and first come, first served."""
from plans import candidate, employer, instance, run

from solver import SolverConfig, instance_from_dict, instance_to_dict, schedule_to_dict, solve, validate
from solver.baseline import first_come_first_served
from solver.bounds import upper_bounds
from solver.generate import generate
from solver.problem import Problem


def test_bounds_are_exact_on_a_bottleneck_employer():
    data = instance([employer("E1", max_consecutive=2)], [candidate(f"C{i}", "E1") for i in range(9)])
    assert upper_bounds(Problem(instance_from_dict(data))) == (3, 3)


def test_bounds_count_offer_tables_and_fixed_interviews():
    offers = [{"id": "O1", "title": "a", "tables": [1]}]
    locked = [{"candidate": "C0", "employer": "E1", "table": 2, "start": "09:00", "end": "09:15"}]
    data = instance([employer("E1", tables=2, offers=offers)], [candidate(f"C{i}", "O1") for i in range(9)],
                    end="09:30", locked=locked)
    assert upper_bounds(Problem(instance_from_dict(data))) == (3, 3)


def test_solver_beats_first_come_first_served_on_a_realistic_day():
    inst = generate(15, 120, seed=11)
    plan = solve(inst, SolverConfig(time_limit=10, workers=1))
    fcfs = first_come_first_served(inst, seed=11)
    assert validate(inst, plan).ok and validate(inst, fcfs).ok
    for figure in ("covered", "interviews", "first_choices"):
        assert plan.stats[figure] >= fcfs.stats[figure], figure
    assert plan.stats["mean_wait_minutes"] <= min(20, fcfs.stats["mean_wait_minutes"])
    assert plan.stats["covered"] == plan.solver["upper_bound_covered"]


def test_replanning_an_unchanged_day_keeps_every_interview():
    inst = generate(15, 120, seed=4)
    plan = solve(inst, SolverConfig(time_limit=10, workers=1))
    data = instance_to_dict(inst)
    data["previous"] = schedule_to_dict(plan)["interviews"]
    again = solve(instance_from_dict(data), SolverConfig(time_limit=10, workers=1))
    assert set(again.interviews) == set(plan.interviews)
    # the proven bound counts stability too (keeping each published meeting in its slot)
    assert again.solver["bound"] is None or again.solver["bound"] >= again.solver["objective"]


def test_a_tiny_time_limit_still_gives_a_valid_plan():
    inst = generate(10, 80, seed=3)
    plan = solve(inst, SolverConfig(time_limit=0.01, workers=1))
    assert validate(inst, plan).ok and plan.stats["covered"] > 0


def test_neighbourhood_search_only_ever_improves_a_valid_plan():
    from solver.config import Clock
    from solver.greedy import fill, greedy
    from solver.lns import improve
    from solver.score import evaluate
    inst = generate(8, 60, seed=9)
    problem = Problem(inst)
    board = greedy(problem, seed=1)
    fill(board)
    start = evaluate(problem, board.assign)
    config = SolverConfig(time_limit=4, workers=1)
    better, value = improve(problem, board, start, config, Clock(config))
    interviews = [problem.interview(p, s, t) for p, (s, t) in better.assign.items()]
    assert validate(inst, interviews).ok
    assert value == evaluate(problem, better.assign) > start


def _locked_run(employer_id: str, starts: list[str]) -> list[dict]:
    """Locked interviews of C0, C1, ... at table 1 of the employer, one per start (15-minute slots)."""
    def end(start: str) -> str:
        h, m = map(int, start.split(":"))
        return f"{(h * 60 + m + 15) // 60:02d}:{(m + 15) % 60:02d}"
    return [{"candidate": f"C{i}", "employer": employer_id, "table": 1, "start": s, "end": end(s)}
            for i, s in enumerate(starts)]


def test_a_locked_run_longer_than_max_consecutive_does_not_lower_the_bounds_below_the_plan():
    # table 1: three locked interviews in a row although max_consecutive is 2 (locked ones are exempt);
    # table 2 is free and holds two more. The bound used to count table 1 as -1 and report 4.
    locked = _locked_run("E1", ["09:00", "09:15", "09:30"])
    data = instance([employer("E1", tables=2, max_consecutive=2)], [candidate(f"C{i}", "E1") for i in range(5)],
                    end="09:45", locked=locked)
    plan = run(data)
    assert len(plan.interviews) == 5
    assert plan.solver["upper_bound_interviews"] >= 5
    assert upper_bounds(Problem(instance_from_dict(data))) == (5, 5)


def test_a_new_interview_may_follow_two_locked_runs_longer_than_max_consecutive_after_a_pause():
    # table 1 holds locked runs 09:00-09:45 and 10:00-10:45 (3 each, max_consecutive 2); 10:45 pauses,
    # then 11:00 and 11:15 take two new ones: "length - length // 3 - fixed" would allow only one.
    locked = _locked_run("E1", ["09:00", "09:15", "09:30", "10:00", "10:15", "10:30"])
    data = instance([employer("E1", max_consecutive=2)], [candidate(f"C{i}", "E1") for i in range(8)],
                    end="11:30", locked=locked)
    plan = run(data)
    assert len(plan.interviews) == 8
    assert upper_bounds(Problem(instance_from_dict(data))) == (8, 8)
