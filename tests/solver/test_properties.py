"""Property-based tests on small random instances: every plan is valid and independent of input order."""
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from plans import candidate, employer, instance

from solver import SolverConfig, instance_from_dict, schedule_to_dict, solve, validate

WINDOWS = [None, [["09:00", "09:45"]], [["09:30", "10:30"]], [["09:15", "10:00"]]]


@st.composite
def small_instances(draw):
    n_emp = draw(st.integers(1, 4))
    employers = []
    for i in range(n_emp):
        tables = draw(st.integers(0, 2))
        offers = []
        if tables == 2 and draw(st.booleans()):
            offers = [{"id": f"O{i}a", "title": "a", "tables": [1]}, {"id": f"O{i}b", "title": "b"}]
        fields = {"max_consecutive": draw(st.sampled_from([None, 1, 2])),
                  "max_interviews": draw(st.sampled_from([None, 1, 3])), "offers": offers}
        window = draw(st.sampled_from(WINDOWS))
        if window:
            fields["available"] = window
        if draw(st.booleans()):
            fields["preferred"] = [["09:00", "09:30"]]
        employers.append(employer(f"E{i}", tables, **fields))
    targets = [e["id"] for e in employers] + [o["id"] for e in employers for o in e["offers"]]
    candidates = []
    for j in range(draw(st.integers(0, 7))):
        wishes = draw(st.lists(st.sampled_from(targets), max_size=4, unique=True))
        fields = {"max_interviews": draw(st.sampled_from([None, 1, 2]))}
        window = draw(st.sampled_from(WINDOWS))
        if window:
            fields["available"] = window
        candidates.append(candidate(f"C{j}", *wishes, **fields))
        for e in employers:
            roll = draw(st.integers(0, 9))
            if roll == 0:
                e.setdefault("rejects", []).append(f"C{j}")
            elif roll == 1:
                e.setdefault("favorites", []).append(f"C{j}")
    gap = draw(st.integers(0, 1))
    return instance(employers, candidates, end="10:30",
                    event={"min_gap_slots": gap, "breaks": [["09:45", "10:00"]]})


FAST = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(small_instances())
def test_every_plan_passes_the_independent_check_and_explains_every_unmet_wish(data):
    inst = instance_from_dict(data)
    plan = solve(inst, SolverConfig(time_limit=5, workers=1))
    report = validate(inst, plan)
    assert report.ok, report.violations
    met = {(i.candidate, i.employer) for i in plan.interviews}
    owner = {o["id"]: e["id"] for e in data["employers"] for o in e["offers"]}
    for c in data["candidates"]:
        for wish in c["wishes"]:
            granted = (c["id"], owner.get(wish, wish)) in met
            explained = any(u.candidate == c["id"] and u.wish == wish for u in plan.unmet)
            assert granted != explained
    assert plan.stats["interviews"] <= plan.solver["upper_bound_interviews"]
    assert plan.stats["covered"] <= plan.solver["upper_bound_covered"]


@FAST
@given(small_instances(), st.randoms(use_true_random=False))
def test_shuffling_the_input_order_does_not_change_the_plan(data, rng: random.Random):
    first = solve(instance_from_dict(data), SolverConfig(time_limit=5, workers=1))
    shuffled = dict(data, employers=rng.sample(data["employers"], len(data["employers"])),
                    candidates=rng.sample(data["candidates"], len(data["candidates"])))
    second = solve(instance_from_dict(shuffled), SolverConfig(time_limit=5, workers=1))
    assert first.solver["status"] == second.solver["status"] == "OPTIMAL"
    assert first.solver["objective"] == second.solver["objective"]
    for key in ("covered", "interviews"):
        assert first.stats[key] == second.stats[key]
    # candidates and employers are sorted by id before solving: the very same plan
    assert first.interviews == second.interviews
    assert set(first.unmet) == set(second.unmet)


@FAST
@given(small_instances(), st.randoms(use_true_random=False), st.sampled_from([None, "09:10", "09:40"]))
def test_replanning_with_locks_and_now_keeps_them_and_stays_valid(data, rng: random.Random, now):
    first = solve(instance_from_dict(data), SolverConfig(time_limit=5, workers=1))
    published = [schedule_to_dict(first)["interviews"][i] for i in range(len(first.interviews))]
    locked = [i for i in published if rng.random() < 0.3]
    replan = dict(data, previous=published, locked=locked, now=now)
    inst = instance_from_dict(replan)
    second = solve(inst, SolverConfig(time_limit=5, workers=1))
    assert validate(inst, second).ok
    assert second.solver["bound"] is None or second.solver["bound"] >= second.solver["objective"]
    kept = {(i.candidate, i.employer, i.table, i.start) for i in second.interviews}
    assert {(i["candidate"], i["employer"], i["table"], i["start"]) for i in locked} <= kept
    if now is None and not locked:
        assert second.solver["objective"] >= first.solver["objective"]


def _without(data: dict, gone_candidates: set[str], gone_employers: set[str]) -> dict:
    """The instance once some candidates and employers left (their offers leave the wishes too)."""
    gone = set(gone_employers) | {o["id"] for e in data["employers"] if e["id"] in gone_employers
                                  for o in e["offers"]}
    candidates = [dict(c, wishes=[w for w in c["wishes"] if w not in gone]) for c in data["candidates"]
                  if c["id"] not in gone_candidates]
    return dict(data, candidates=candidates, employers=[e for e in data["employers"] if e["id"] not in gone_employers])


@FAST
@given(small_instances(), st.randoms(use_true_random=False), st.sampled_from([None, "09:10", "09:40"]))
def test_bounds_hold_and_count_the_interviews_the_figures_count_when_parties_leave(data, rng: random.Random, now):
    first = solve(instance_from_dict(data), SolverConfig(time_limit=5, workers=1))
    published = schedule_to_dict(first)["interviews"]
    locked = [i for i in published if rng.random() < 0.4]
    gone_c = {c["id"] for c in data["candidates"] if rng.random() < 0.3}
    gone_e = {e["id"] for e in data["employers"] if rng.random() < 0.2}
    inst = instance_from_dict(dict(_without(data, gone_c, gone_e), previous=published, locked=locked, now=now))
    plan = solve(inst, SolverConfig(time_limit=5, workers=1))
    assert validate(inst, plan).ok
    present = {c.id for c in inst.candidates}
    assert plan.stats["interviews"] == sum(1 for i in plan.interviews if i.candidate in present)
    assert plan.stats["interviews"] <= plan.solver["upper_bound_interviews"]
    assert plan.stats["covered"] <= plan.solver["upper_bound_covered"]
    assert plan.solver["bound"] is None or plan.solver["bound"] >= plan.solver["objective"]
