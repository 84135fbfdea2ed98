"""build_instance carries an event over to the solver's format (formats.md) without loss."""
from __future__ import annotations

import datetime as dt

from jobdating.core.models import Decision, Interview
from jobdating.extensions import db
from jobdating.planning.instance import instance_dict


def test_the_event_settings_are_carried_over(create_event):
    event = create_event(name="Connec'Tic Day", start_time=dt.time(9, 0), end_time=dt.time(17, 0),
                         slot_minutes=20, breaks=[["12:30", "13:30"]], min_gap_slots=1,
                         max_interviews_per_candidate=4, plan_priority="first_choices")
    data = instance_dict(event)
    assert data["format"] == "jobdating-instance/1"
    assert data["event"] == {"name": "Connec'Tic Day", "date": "2027-03-18", "start": "09:00", "end": "17:00",
                             "slot_minutes": 20, "breaks": [["12:30", "13:30"]], "min_gap_slots": 1,
                             "max_interviews_per_candidate": 4, "priority": "first_choices"}
    assert data["locked"] == [] and data["previous"] == [] and data["now"] is None


def test_employers_keep_tables_windows_caps_and_offers(create_event, create_employer):
    event = create_event()
    employer = create_employer(event, offers=["Cariste", "Chef d'équipe"], tables=3,
                               available=[["09:00", "12:30"]], preferred=[["09:00", "10:00"]],
                               max_interviews=10, max_consecutive=4)
    employer.offers[0].tables = [1, 2]
    db.session.commit()
    (entry,) = instance_dict(event)["employers"]
    assert entry["id"] == f"E{employer.id}" and entry["name"] == employer.company
    assert entry["tables"] == 3
    assert entry["available"] == [["09:00", "12:30"]] and entry["preferred"] == [["09:00", "10:00"]]
    assert entry["max_interviews"] == 10 and entry["max_consecutive"] == 4
    first, second = employer.offers
    assert entry["offers"] == [{"id": f"O{first.id}", "title": "Cariste", "tables": [1, 2]},
                               {"id": f"O{second.id}", "title": "Chef d'équipe"}]


def test_wishes_keep_their_rank_and_target(create_event, create_employer, create_candidate):
    event = create_event()
    a = create_employer(event, offers=["Soudeur"])
    b = create_employer(event)
    candidate = create_candidate(event, wishes=[b, a.offers[0]], available=[["13:30", "17:00"]],
                                 max_interviews=2)
    (entry,) = instance_dict(event)["candidates"]
    assert entry == {"id": f"C{candidate.id}", "name": candidate.full_name, "available": [["13:30", "17:00"]],
                     "wishes": [f"E{b.id}", f"O{a.offers[0].id}"], "max_interviews": 2}


def test_preselection_becomes_rejects_and_favorites(create_event, create_employer, create_candidate, preselect):
    event = create_event()
    employer = create_employer(event)
    declined, favourite, accepted = (create_candidate(event, wishes=[employer]) for _ in range(3))
    preselect(employer, declined, Decision.DECLINED)
    preselect(employer, favourite, Decision.FAVOURITE)
    preselect(employer, accepted, Decision.ACCEPTED)
    (entry,) = instance_dict(event)["employers"]
    assert entry["rejects"] == [f"C{declined.id}"]
    assert entry["favorites"] == [f"C{favourite.id}"]


def test_locked_interviews_are_passed_as_locked(create_event, create_employer, create_candidate):
    event = create_event()
    employer = create_employer(event, offers=["Cariste"], tables=2)
    first, second = create_candidate(event, wishes=[employer]), create_candidate(event, wishes=[employer])
    db.session.add_all([
        Interview(event=event, candidate=first, employer=employer, table=2, start=dt.time(9, 15),
                  end=dt.time(9, 30), offers=[employer.offers[0].id], locked=True),
        Interview(event=event, candidate=second, employer=employer, table=1, start=dt.time(9, 15),
                  end=dt.time(9, 30)),
    ])
    db.session.commit()
    data = instance_dict(event)
    assert data["locked"] == [{"candidate": f"C{first.id}", "employer": f"E{employer.id}", "table": 2,
                               "start": "09:15", "end": "09:30", "offers": [f"O{employer.offers[0].id}"]}]


def test_build_instance_gives_the_solver_a_checked_instance(create_event, create_employer, create_candidate):
    from jobdating.planning.instance import build_instance

    event = create_event()
    employer = create_employer(event, offers=["Cariste"])
    create_candidate(event, wishes=[employer.offers[0]])
    instance = build_instance(event)
    assert [c.wishes for c in instance.candidates] == [(f"O{employer.offers[0].id}",)]


def test_the_application_and_the_solver_cut_the_day_into_the_same_slots(create_event):
    """Event.slot_starts() and the solver's grid agree, breaks on the grid or off it, and the solver plans an
    interview right after a break that does not fall on the grid (issue 18)."""
    from solver import instance_from_dict
    from solver.problem import Problem

    cases = [("09:00", "17:00", 20, [["12:30", "13:30"]]), ("13:30", "16:30", 20, [["15:30", "15:45"]]),
             ("09:00", "12:00", 15, [["10:05", "10:20"], ["10:10", "10:40"]]), ("09:00", "10:00", 25, []),
             ("09:00", "11:00", 30, [["08:00", "09:10"]])]
    for start, end, step, breaks in cases:
        event = create_event(start_time=dt.time.fromisoformat(start), end_time=dt.time.fromisoformat(end),
                             slot_minutes=step, breaks=breaks)
        problem = Problem(instance_from_dict(instance_dict(event)))
        grid = zip(problem.slot_start, problem.usable, strict=True)
        solver_slots = [f"{s // 60:02d}:{s % 60:02d}" for s, usable in grid if usable]
        assert solver_slots == [t.strftime("%H:%M") for t in event.slot_starts()], (start, end, step, breaks)


def test_the_solver_uses_the_slot_right_after_an_off_grid_break(create_event, create_employer, create_candidate):
    from solver import SolverConfig, instance_from_dict, solve, validate

    event = create_event(start_time=dt.time(15, 10), end_time=dt.time(16, 5), slot_minutes=20,
                         breaks=[["15:30", "15:45"]])
    employer = create_employer(event, offers=["Cariste"], tables=1)
    for _ in range(2):
        create_candidate(event, wishes=[employer])
    instance = instance_from_dict(instance_dict(event))
    planned = solve(instance, SolverConfig(time_limit=5, workers=1))
    assert validate(instance, planned).ok
    assert sorted(i.start for i in planned.interviews) == ["15:10", "15:45"]
