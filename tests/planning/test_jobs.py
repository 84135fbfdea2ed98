"""Background solves through RQ when REDIS_URL is set (real Redis at 127.0.0.1:6379)."""
from __future__ import annotations

import uuid

import pytest
from organizer_helpers import small_event
from signup_helpers import mails

from jobdating.core import outbox
from jobdating.core import tasks as jobs
from jobdating.core.models import Event, RunStatus, SolveRun
from jobdating.extensions import db
from jobdating.planning import scheduling

REDIS_URL = "redis://127.0.0.1:6379/0"


@pytest.fixture
def rq_app(app):
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis at 127.0.0.1:6379")
    app.config.update(REDIS_URL=REDIS_URL, RQ_QUEUE=f"jobdating-test-{uuid.uuid4().hex[:8]}")
    yield app
    queue = jobs.queue(app)
    queue.empty()
    queue.delete(delete_jobs=True)


def test_with_redis_a_solve_is_queued_and_a_worker_runs_it(rq_app, organizer, create_event, create_employer,
                                                           create_candidate):
    event, *_ = small_event(create_event, create_employer, create_candidate)
    run = scheduling.start_solve(event, organizer, time_limit=5)
    assert jobs.queue(rq_app).count == 1 and run.id not in jobs._threads
    assert db.session.get(SolveRun, run.id).status == RunStatus.QUEUED
    run_id, event_id = run.id, event.id
    jobs.work(rq_app, burst=True)  # the worker ends its job by resetting the session: read afresh
    run = db.session.get(SolveRun, run_id)
    assert run.status == RunStatus.DONE and run.figures["interviews"] == 8
    assert len(db.session.get(Event, event_id).interviews) == 8


def test_worker_command_refuses_to_start_without_redis(runner):
    result = runner.invoke(args=["worker", "--burst"])
    assert result.exit_code != 0 and "REDIS_URL" in result.output


def test_with_redis_a_burst_of_mails_queues_one_delivery_job_not_one_per_mail(rq_app, tmp_path):
    """A sign-up queues its confirmation and asks for a delivery: a hundred sign-ups while the worker is busy
    wait as one job (each job costs the worker a few Redis round trips), and a mail committed once that job has
    started gets a job of its own."""
    rq_app.config["MAIL_DIR"] = str(tmp_path / "mail")
    for n in range(100):
        outbox.queue_mail(f"ines{n}@exemple.fr", "Inscription", "Bonjour")
    assert jobs.queue(rq_app).count == 1
    jobs.work(rq_app, burst=True)
    assert len(mails(rq_app)) == 100 and jobs.queue(rq_app).count == 0
    outbox.queue_mail("karim@exemple.fr", "Inscription", "Bonjour")
    assert jobs.queue(rq_app).count == 1  # the first job's marker went with it
    jobs.work(rq_app, burst=True)
    assert len(mails(rq_app)) == 101
