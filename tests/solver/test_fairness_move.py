"""The fairness move of the local search: a slot goes from a candidate with many interviews to one with fewer."""
from plans import candidate, employer, instance

from solver import instance_from_dict, validate
from solver.board import Board
from solver.compact import rebalance
from solver.problem import Problem
from solver.score import evaluate


def _board(data: dict, placed: list[tuple[str, str, int]]) -> tuple[Problem, Board]:
    problem = Problem(instance_from_dict(data))
    board = Board(problem)
    for c, e, slot in placed:
        board.place(problem.pair_index[problem.cand_index[c], problem.emp_index[e]], slot, 1)
    return problem, board


def test_a_candidate_with_three_interviews_gives_one_to_a_candidate_with_one():
    # D holds E1, E2, E3; C wished E1 and E4 but only got E4, and is free when D meets E1
    data = instance([employer(e) for e in ("E1", "E2", "E3", "E4")],
                    [candidate("D", "E1", "E2", "E3"), candidate("C", "E1", "E4")], end="09:45")
    problem, board = _board(data, [("D", "E1", 0), ("D", "E2", 1), ("D", "E3", 2), ("C", "E4", 1)])
    before = evaluate(problem, board.assign)
    assert rebalance(board) == 1
    after = evaluate(problem, board.assign)
    assert after - before > 60_000         # C's 2nd interview (100,000) against D's 3rd (30,000), wishes aside
    plan = [problem.interview(p, s, t) for p, (s, t) in board.assign.items()]
    assert validate(problem.instance, plan).ok
    assert {(i.candidate, i.employer, i.start) for i in plan} >= {("C", "E1", "09:00"), ("C", "E4", "09:15")}


def test_no_move_between_candidates_one_interview_apart_or_when_the_taker_is_busy():
    data = instance([employer(e) for e in ("E1", "E2", "E3")],
                    [candidate("D", "E1", "E2"), candidate("C", "E1", "E3")], end="09:45")
    problem, board = _board(data, [("D", "E1", 0), ("D", "E2", 1), ("C", "E3", 2)])
    assert rebalance(board) == 0                            # 2 against 1: not k - 2
    data = instance([employer(e) for e in ("E1", "E2", "E3", "E4")],
                    [candidate("D", "E1", "E2", "E3"), candidate("C", "E1", "E4")], end="09:45")
    problem, board = _board(data, [("D", "E1", 0), ("D", "E2", 1), ("D", "E3", 2), ("C", "E4", 0)])
    assert rebalance(board) == 0                            # C is busy at 09:00
