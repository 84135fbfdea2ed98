"""One-click scheduling: a background solve with live state in its row, never two at once, runs restorable."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from organizer_helpers import small_event, solve_now
from sqlalchemy.exc import IntegrityError

from jobdating.core import tasks as jobs
from jobdating.core.models import Interview, RunStatus, SolveRun
from jobdating.extensions import db
from jobdating.planning import scheduling


def test_generate_returns_at_once_and_the_plan_is_written_when_the_solve_ends(
        logged_in, create_event, create_employer, create_candidate):
    event, *_ = small_event(create_event, create_employer, create_candidate)
    response = logged_in.post(f"/organisateur/evenements/{event.id}/planning/generer", data={"time_limit": "5"})
    assert response.status_code == 302 and "/calculs/" in response.headers["Location"]
    run = db.session.scalar(db.select(SolveRun).where(SolveRun.event_id == event.id))
    assert run.status in (RunStatus.QUEUED, RunStatus.RUNNING, RunStatus.DONE)
    jobs.wait(run.id, timeout=60)
    db.session.expire_all()
    state = logged_in.get(f"/organisateur/evenements/{event.id}/calculs/{run.id}/etat.json").get_json()
    assert state["finished"] and state["status"] == "done" and state["progress"] == 1
    assert state["figures"]["covered"] == 4 and state["figures"]["interviews"] == 8
    assert len(event.interviews) == 8


def test_a_second_click_while_a_solve_is_queued_starts_nothing(logged_in, organizer, create_event,
                                                                create_employer, create_candidate):
    event, *_ = small_event(create_event, create_employer, create_candidate)
    first = scheduling.start_solve(event, organizer, enqueue=False)
    response = logged_in.post(f"/organisateur/evenements/{event.id}/planning/generer", follow_redirects=True)
    assert "Un calcul de planning est déjà en cours" in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(SolveRun.id))) == 1
    assert first.status == RunStatus.QUEUED


def test_the_database_itself_refuses_two_active_runs_for_one_event(create_event):
    event = create_event()
    db.session.add(SolveRun(event_id=event.id, status=RunStatus.RUNNING))
    db.session.commit()
    db.session.add(SolveRun(event_id=event.id, status=RunStatus.QUEUED))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()
    db.session.add(SolveRun(event_id=event.id, status=RunStatus.DONE))
    db.session.commit()  # finished runs are not limited


def test_a_run_whose_worker_vanished_does_not_block_the_next_one(organizer, create_event, create_employer,
                                                                   create_candidate):
    event, *_ = small_event(create_event, create_employer, create_candidate)
    stale = SolveRun(event_id=event.id, status=RunStatus.RUNNING, time_limit=10,
                     started_at=dt.datetime.now(dt.UTC) - dt.timedelta(hours=1))
    db.session.add(stale)
    db.session.commit()
    run = solve_now(event, organizer)
    assert db.session.get(SolveRun, stale.id).status == RunStatus.FAILED
    assert run.status == RunStatus.DONE


def test_stopping_a_queued_run_means_it_never_starts(organizer, create_event, create_employer, create_candidate):
    event, *_ = small_event(create_event, create_employer, create_candidate)
    run = scheduling.start_solve(event, organizer, enqueue=False)
    scheduling.request_stop(run, organizer)
    assert scheduling.run_solve(run.id).status == RunStatus.STOPPED
    assert event.interviews == []


@pytest.fixture
def demo_event(app):
    from jobdating.demo.build import create_demo_event
    # Big enough that the solver cannot prove its plan optimal before the click (300 candidates take 0.2 s).
    return create_demo_event(slug="demo-stop", candidates=1500, employers=90)


@pytest.mark.slow
def test_the_stop_button_ends_a_long_solve_early_and_keeps_the_best_plan(logged_in, organizer, demo_event):
    event = demo_event
    run = scheduling.start_solve(event, organizer, time_limit=60)
    import time
    deadline = time.monotonic() + 30
    while db.session.get(SolveRun, run.id).status == RunStatus.QUEUED and time.monotonic() < deadline:
        time.sleep(0.1)
        db.session.expire_all()
    started = time.monotonic()
    logged_in.post(f"/organisateur/evenements/{event.id}/calculs/{run.id}/arreter")
    jobs.wait(run.id, timeout=60)
    db.session.expire_all()
    run = db.session.get(SolveRun, run.id)
    assert time.monotonic() - started < 20
    assert run.status == RunStatus.STOPPED and run.figures["interviews"] > 0
    assert len(event.interviews) == run.figures["interviews"]


def test_progress_page_shows_the_stop_button_while_running(logged_in, organizer, create_event, create_employer,
                                                           create_candidate):
    event, *_ = small_event(create_event, create_employer, create_candidate)
    run = scheduling.start_solve(event, organizer, enqueue=False)
    page = logged_in.get(f"/organisateur/evenements/{event.id}/calculs/{run.id}").get_data(as_text=True)
    assert "Arrêter et garder le meilleur planning" in page and "js/run-progress.js" in page


def test_a_failing_solver_marks_the_run_failed_with_its_message(organizer, create_event, create_employer,
                                                                 create_candidate, monkeypatch):
    event, *_ = small_event(create_event, create_employer, create_candidate)

    def broken(*args, **kwargs):
        raise RuntimeError("panne du solveur")
    monkeypatch.setattr("jobdating.planning.solver_bridge.solve_instance", broken)
    run = solve_now(event, organizer)
    assert run.status == RunStatus.FAILED and "panne du solveur" in run.error
    assert scheduling.active_run(event) is None


def test_earlier_runs_are_compared_side_by_side_and_restored(logged_in, organizer, create_event,
                                                             create_employer, create_candidate):
    event, first, second, people = small_event(create_event, create_employer, create_candidate)
    old = solve_now(event, organizer)
    people[0].max_interviews = 1
    db.session.commit()
    new = solve_now(event, organizer)
    assert new.figures["interviews"] == 7 and old.figures["interviews"] == 8
    page = logged_in.get(f"/organisateur/evenements/{event.id}/calculs?comparer={old.id}&comparer={new.id}")
    text = page.get_data(as_text=True)
    assert "Entretiens" in text and "en vigueur" in text
    logged_in.post(f"/organisateur/evenements/{event.id}/calculs/{old.id}/restaurer")
    db.session.expire_all()
    assert len(event.interviews) == 8 and scheduling.applied_run(event).id == old.id


def test_run_states_read_in_french_on_the_list_and_the_progress_page(logged_in, organizer, create_event,
                                                                     create_employer, create_candidate):
    event, *_ = small_event(create_event, create_employer, create_candidate)
    run = solve_now(event, organizer)
    listing = logged_in.get(f"/organisateur/evenements/{event.id}/calculs").get_data(as_text=True)
    progress = logged_in.get(f"/organisateur/evenements/{event.id}/calculs/{run.id}").get_data(as_text=True)
    assert "<td>terminé</td>" in listing and "<td>done</td>" not in listing
    assert 'data-status="done">terminé</dd>' in progress


def test_result_pages_show_figures_grid_candidates_and_unmet_reasons(logged_in, organizer, create_event,
                                                                     create_employer, create_candidate):
    event, first, second, people = small_event(create_event, create_employer, create_candidate, candidates=6)
    solve_now(event, organizer)
    grid = logged_in.get(f"/organisateur/evenements/{event.id}/planning").get_data(as_text=True)
    assert "candidats avec au moins un entretien" in grid and "plan-grid" in grid and "09:45" in grid
    assert grid.count('class="busy') == 8
    per_candidate = logged_in.get(f"/organisateur/evenements/{event.id}/planning/candidats").get_data(as_text=True)
    assert "Logistique Artois" in per_candidate
    unmet = logged_in.get(f"/organisateur/evenements/{event.id}/planning/non-satisfaits").get_data(as_text=True)
    assert "L&#39;employeur est complet" in unmet or "L'employeur est complet" in unmet


def test_schedule_command_builds_the_plan(runner, create_event, create_employer, create_candidate):
    event, *_ = small_event(create_event, create_employer, create_candidate)
    result = runner.invoke(args=["schedule", str(event.id), "--time-limit", "5"])
    assert result.exit_code == 0, result.output
    assert "terminé : 4/4 candidats avec un entretien" in result.output
    assert db.session.scalar(db.select(db.func.count(Interview.id))) == 8


def test_solver_input_is_kept_with_the_run(organizer, create_event, create_employer, create_candidate):
    event, *_ = small_event(create_event, create_employer, create_candidate)
    run = solve_now(event, organizer)
    assert json.loads(run.input_json)["format"] == "jobdating-instance/1"
    assert json.loads(run.output_json)["format"] == "jobdating-schedule/1"


def test_the_plan_figures_average_waiting_over_candidates_with_two_interviews_or_more():
    """As docs/formats.md defines it (and the solver reports it): a single interview is no wait at all."""
    from jobdating.planning.figures import plan_figures

    instance = {"employers": [{"id": "E1", "offers": []}, {"id": "E2", "offers": []}],
                "candidates": [{"id": "C1", "wishes": ["E1"]}, {"id": "C2", "wishes": ["E1", "E2"]}]}
    interviews = [{"candidate": "C1", "employer": "E1", "start": "09:00", "end": "09:15"},
                  {"candidate": "C2", "employer": "E1", "start": "09:15", "end": "09:30"},
                  {"candidate": "C2", "employer": "E2", "start": "10:00", "end": "10:15"}]
    assert plan_figures(instance, interviews)["mean_wait_minutes"] == 30


def test_published_interviews_a_new_plan_abandons_are_listed_for_the_organizer(logged_in, organizer, create_event,
                                                                                create_employer, create_candidate):
    from jobdating.planning.publish import publish

    event, first, _second, _people = small_event(create_event, create_employer, create_candidate)
    solve_now(event, organizer)
    publish(event, organizer)
    first.available = [["09:00", "09:15"]]  # the employer now leaves after the first slot
    db.session.commit()
    solve_now(event, organizer)
    page = logged_in.get(f"/organisateur/evenements/{event.id}/planning/non-satisfaits").get_data(as_text=True)
    assert "Entretiens publiés ou verrouillés que ce planning abandonne" in page
    # Logistique Artois keeps one slot: its three later published interviews are listed (the shared 9:00 slot
    # went to one of them, so the others are traded off, not impossible).
    section = page[page.index('id="abandonnes"'):]
    assert section.count("Logistique Artois") == 3 and section.count('data-reason="traded_off"') == 3


def test_while_a_run_solves_its_row_and_page_show_the_figures_of_the_best_plan_so_far(
        app, logged_in, organizer, create_event, create_employer, create_candidate):
    # The bars of the progress page fill during the run: the monitor commits what the solver announced.
    import threading
    import time

    from jobdating.planning.figures import plan_figures
    from jobdating.planning.progress import Progress, monitor_run
    event, *_ = small_event(create_event, create_employer, create_candidate)
    run = scheduling.start_solve(event, organizer, enqueue=False)
    run.status = RunStatus.RUNNING
    db.session.commit()
    page = logged_in.get(f"/organisateur/evenements/{event.id}/calculs/{run.id}").get_data(as_text=True)
    assert "Le meilleur planning trouvé jusqu'ici" in page and 'id="fig-interviews"' in page
    progress, done = Progress(), threading.Event()
    progress.figures({"covered": 3, "interviews": 5, "first_choices": 2, "favourites_met": 0,
                      "mean_wait_minutes": 7.5, "upper_bound_covered": 4, "upper_bound_interviews": 8})
    base = plan_figures(json.loads(run.input_json), [])
    monitor = threading.Thread(target=monitor_run, args=(app, run.id, progress, done, time.monotonic(), 30, base))
    monitor.start()
    deadline = time.monotonic() + 10
    while not (db.session.get(SolveRun, run.id).figures or {}).get("live") and time.monotonic() < deadline:
        time.sleep(0.1)
        db.session.expire_all()
    done.set()
    monitor.join()
    state = logged_in.get(f"/organisateur/evenements/{event.id}/calculs/{run.id}/etat.json").get_json()
    assert not state["finished"]
    assert state["figures"]["interviews"] == 5 and state["figures"]["upper_bound_interviews"] == 8
    assert state["figures"]["candidates"] == base["candidates"] == 4
    page = logged_in.get(f"/organisateur/evenements/{event.id}/calculs/{run.id}").get_data(as_text=True)
    assert '<meter min="0" max="8" value="5"' in page


def test_the_solver_announces_its_figures_to_the_web_run(organizer, create_event, create_employer,
                                                         create_candidate, monkeypatch):
    # The bridge hands the run's Progress to the solver, which calls it with each better plan's figures.
    from jobdating.planning.progress import Progress
    seen = []
    original = Progress.figures
    monkeypatch.setattr(Progress, "figures", lambda self, stats: (seen.append(stats), original(self, stats)))
    event, *_ = small_event(create_event, create_employer, create_candidate)
    run = solve_now(event, organizer)
    assert seen and seen[-1]["interviews"] == run.figures["interviews"] == 8
