"""Timing the min-cost flow's choice: a chosen meeting the greedy cannot place is placed by moving others."""
from plans import candidate, employer, instance

from solver import SolverConfig, instance_from_dict, validate
from solver.board import Board
from solver.config import Clock
from solver.greedy import try_place
from solver.lns import realise
from solver.problem import Problem


def test_a_chosen_meeting_gets_its_slot_when_two_others_swap():
    # two slots; C1 meets E1 at 9:00 and E2 at 9:15; C2 can only come at 9:00 and only wished E1:
    # C1's two interviews must swap, which moving one interview aside (the greedy's repair) cannot do
    data = instance([employer("E1"), employer("E2")],
                    [candidate("C1", "E1", "E2"), candidate("C2", "E1", available=[["09:00", "09:15"]])],
                    end="09:30")
    problem = Problem(instance_from_dict(data))
    pair = {(c, e): problem.pair_index[problem.cand_index[c], problem.emp_index[e]]
            for c, e in (("C1", "E1"), ("C1", "E2"), ("C2", "E1"))}
    board = Board(problem)
    board.place(pair["C1", "E1"], 0, 1)
    board.place(pair["C1", "E2"], 1, 1)
    assert not try_place(board.copy(), pair["C2", "E1"])

    config = SolverConfig(time_limit=10.0, workers=1)
    timed = realise(problem, board, sorted(pair.values()), config, Clock(config))

    assert timed.assign == {pair["C2", "E1"]: (0, 1), pair["C1", "E1"]: (1, 1), pair["C1", "E2"]: (0, 1)}
    plan = [problem.interview(p, s, t) for p, (s, t) in timed.assign.items()]
    assert validate(problem.instance, plan).ok
