"""A solve's worker writes a heartbeat; when it dies, the next look releases its run within seconds."""
from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap
import time
import uuid

import pytest
from organizer_helpers import small_event, solve_now

from jobdating.core.models import RunStatus, SolveRun
from jobdating.extensions import db
from jobdating.planning import scheduling, stale

REDIS_URL = "redis://127.0.0.1:6379/0"


def running_run(event, beat_seconds_ago: float) -> SolveRun:
    now = dt.datetime.now(dt.UTC)
    run = SolveRun(event_id=event.id, status=RunStatus.RUNNING, time_limit=600, started_at=now,
                   heartbeat_at=now - dt.timedelta(seconds=beat_seconds_ago))
    db.session.add(run)
    db.session.commit()
    return run


def test_a_run_whose_heartbeat_stopped_is_released_by_the_next_look(app, create_event, create_employer,
                                                                     create_candidate):
    event, *_ = small_event(create_event, create_employer, create_candidate)
    dead = running_run(event, beat_seconds_ago=app.config["RUN_HEARTBEAT_TIMEOUT"] + 5)
    assert scheduling.active_run(event) is None
    dead = db.session.get(SolveRun, dead.id)
    assert dead.status == RunStatus.FAILED and "ne répond plus" in dead.error


def test_a_run_that_beats_is_not_released_even_long_after_its_start(app, create_event, create_employer,
                                                                     create_candidate):
    event, *_ = small_event(create_event, create_employer, create_candidate)
    alive = running_run(event, beat_seconds_ago=1)
    alive.started_at = dt.datetime.now(dt.UTC) - dt.timedelta(hours=2)
    db.session.commit()
    assert scheduling.active_run(event).id == alive.id
    with pytest.raises(scheduling.SchedulingError):
        scheduling.start_solve(event, None, enqueue=False)


def test_stopping_a_run_whose_worker_is_gone_ends_it_at_once(app, organizer, create_event, create_employer,
                                                             create_candidate):
    event, *_ = small_event(create_event, create_employer, create_candidate)
    dead = running_run(event, beat_seconds_ago=app.config["RUN_HEARTBEAT_TIMEOUT"] + 5)
    scheduling.request_stop(dead, organizer)
    assert db.session.get(SolveRun, dead.id).status not in stale.ACTIVE
    assert scheduling.start_solve(event, organizer, enqueue=False).status == RunStatus.QUEUED


def test_a_run_is_done_only_with_its_plan_written(organizer, create_event, create_employer, create_candidate):
    event, *_ = small_event(create_event, create_employer, create_candidate)
    run = solve_now(event, organizer)
    assert run.status == RunStatus.DONE and run.applied_at is not None and len(event.interviews) == 8


@pytest.mark.slow
def test_after_a_worker_is_killed_mid_solve_a_new_solve_starts_within_seconds(app, create_event, create_employer,
                                                                              create_candidate):
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis at 127.0.0.1:6379")
    queue_name = f"jobdating-test-{uuid.uuid4().hex[:8]}"
    app.config.update(REDIS_URL=REDIS_URL, RQ_QUEUE=queue_name, RUN_HEARTBEAT_TIMEOUT=3)
    event, *_ = small_event(create_event, create_employer, create_candidate)
    config = {key: app.config[key] for key in ("SQLALCHEMY_DATABASE_URI", "SECRET_KEY", "MAIL_DIR", "CV_DIR")}
    config.update(TESTING=True, REDIS_URL=REDIS_URL, RQ_QUEUE=queue_name, RUN_HEARTBEAT_TIMEOUT=3)
    # The worker's solver never ends on its own: only the kill ends it, mid-solve.
    worker = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import time
        from jobdating import create_app
        from jobdating.core import tasks
        from jobdating.planning import solver_bridge
        solver_bridge.solve_instance = lambda instance, limit, progress: time.sleep(600)
        app = create_app({config!r})
        with app.app_context():
            tasks.work(app)
    """)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        run = scheduling.start_solve(event, None, time_limit=600)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            db.session.expire_all()
            current = db.session.get(SolveRun, run.id)
            if current.status == RunStatus.RUNNING and current.heartbeat_at is not None:
                break
            time.sleep(0.2)
        else:
            pytest.fail("the worker never started the solve")
        time.sleep(1.5)  # a few heartbeats
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(timeout=10)
        killed_at = time.monotonic()
        with pytest.raises(scheduling.SchedulingError):
            scheduling.start_solve(event, None, enqueue=False)  # just killed: not yet known to be dead
        while True:
            db.session.expire_all()
            try:
                fresh = scheduling.start_solve(event, None, enqueue=False)
                break
            except scheduling.SchedulingError:
                assert time.monotonic() - killed_at < 30, "the dead run still blocks the event"
                time.sleep(0.5)
        assert db.session.get(SolveRun, run.id).status == RunStatus.FAILED
        assert fresh.status == RunStatus.QUEUED and time.monotonic() - killed_at < 10
    finally:
        if worker.poll() is None:
            worker.kill()
        from jobdating.core import tasks

        tasks.queue(app).empty()


def test_a_queued_run_that_no_worker_started_is_queued_again_and_runs(app, create_event, create_employer,
                                                                      create_candidate):
    """A worker died between taking the job and starting the run: the job is gone, the run waits. The next
    periodic check after RUN_HEARTBEAT_TIMEOUT hands it to the queue again, and it runs once."""
    from jobdating.core import periodic
    from jobdating.core import tasks as jobs

    event, *_ = small_event(create_event, create_employer, create_candidate)
    lost = scheduling.start_solve(event, None, time_limit=2, enqueue=False)  # queued, but no job anywhere
    assert scheduling.requeue_waiting_runs() == 0  # too early: a worker may be about to start it
    later = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=app.config["RUN_HEARTBEAT_TIMEOUT"] + 1)
    app.config["CLOCK"] = lambda: later
    assert "stale-runs" in periodic.tick()
    jobs.wait(lost.id, timeout=60)
    db.session.expire_all()
    assert db.session.get(SolveRun, lost.id).status == RunStatus.DONE
    assert scheduling.requeue_waiting_runs() == 0  # started once, never queued again
