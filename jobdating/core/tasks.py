"""Background solves: a worker thread inside the app by default, an RQ queue when REDIS_URL is set.

Either way the state of a solve lives in its SolveRun row, so any web process can show its progress and
ask it to stop.
"""
from __future__ import annotations

import threading

from flask import Flask, current_app, has_app_context
from flask_babel import gettext as _

from jobdating.extensions import db

_threads: dict[int, threading.Thread] = {}
_calls: list[threading.Thread] = []
DEFAULT_QUEUE = "jobdating-solves"


def enqueue_solve(run_id: int) -> None:
    """Start the run in the background and return at once."""
    app = current_app._get_current_object()
    if app.config.get("REDIS_URL"):
        queue(app).enqueue(run_job, run_id, job_timeout=int(app.config.get("SOLVER_TIME_LIMIT", 10)) * 4 + 600,
                           result_ttl=3600, failure_ttl=24 * 3600)
        return
    thread = threading.Thread(target=_thread_main, args=(app, run_id), daemon=True, name=f"solve-{run_id}")
    _threads[run_id] = thread
    thread.start()


def _thread_main(app: Flask, run_id: int) -> None:
    from jobdating.planning.scheduling import run_solve

    with app.app_context():
        try:
            run_solve(run_id)
        finally:
            db.session.remove()
            _threads.pop(run_id, None)


def enqueue_call(function, *args) -> None:
    """Run a plain service function in the background (RQ when configured, else a thread with an app context)."""
    app = current_app._get_current_object()
    if app.config.get("REDIS_URL"):
        queue(app).enqueue(run_call, function.__module__, function.__name__, *args, result_ttl=3600)
        return
    thread = threading.Thread(target=_call_in_app, args=(app, function, args), daemon=True)
    _calls.append(thread)
    thread.start()


def _call_in_app(app: Flask, function, args) -> None:
    with app.app_context():
        try:
            function(*args)
        except Exception:
            app.logger.exception("background call %s failed", function.__name__)
        finally:
            db.session.remove()


def run_call(module: str, name: str, *args) -> None:
    """The RQ job for enqueue_call: the function is named, not pickled."""
    import importlib

    function = getattr(importlib.import_module(module), name)
    if has_app_context():
        try:
            function(*args)
        finally:
            db.session.remove()
        return
    from jobdating import create_app

    with create_app().app_context():
        function(*args)
        db.session.remove()


def wait_calls(timeout: float | None = None) -> None:
    """Block until the background calls started so far end (tests)."""
    while _calls:
        _calls.pop().join(timeout)


def wait(run_id: int, timeout: float | None = None) -> None:
    """Block until the worker thread of `run_id` ends (command line and tests; never in a request)."""
    thread = _threads.get(run_id)
    if thread is not None:
        thread.join(timeout)


def run_job(run_id: int) -> None:
    """The RQ job: runs inside the worker's app context (`flask worker`), or builds the app itself."""
    from jobdating.planning.scheduling import run_solve

    if has_app_context():
        try:
            run_solve(run_id)
        finally:
            db.session.remove()
        return
    from jobdating import create_app

    with create_app().app_context():
        run_solve(run_id)
        db.session.remove()


def connection(app: Flask):
    from redis import Redis

    return Redis.from_url(app.config["REDIS_URL"])


def queue(app: Flask):
    from rq import Queue

    return Queue(app.config.get("RQ_QUEUE", DEFAULT_QUEUE), connection=connection(app))


def work(app: Flask, *, burst: bool = False) -> bool:
    """Process solves from the queue in this process (no fork: the app context and its database stay valid)."""
    from rq import SimpleWorker

    worker = SimpleWorker([queue(app)], connection=connection(app))
    return worker.work(burst=burst)


# ---------------------------------------------------------------- command line

import click  # noqa: E402  (the commands sit next to the machinery they drive)


@click.command("schedule")
@click.argument("event_id", type=int)
@click.option("--time-limit", type=click.FloatRange(min=0.5), default=None,
              help="Seconds of search (default: SOLVER_TIME_LIMIT).")
def schedule_command(event_id: int, time_limit: float | None) -> None:
    """Build the plan of an event now, in this process (same job as the « Générer le planning » button)."""
    from jobdating.core.models import Event, RunStatus
    from jobdating.planning.scheduling import SchedulingError, run_solve, start_solve

    event = db.session.get(Event, event_id)
    if event is None:
        raise click.ClickException(_("Aucun événement n° %(id)s.", id=event_id))
    try:
        run = start_solve(event, None, time_limit=time_limit, enqueue=False)
    except SchedulingError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Calcul n° {run.id} : {len(event.candidates)} candidats, {len(event.employers)} employeurs, "
               f"{run.time_limit:g} s au plus…")
    run = run_solve(run.id)
    if run.error:
        raise click.ClickException(_("Échec du calcul : %(error)s", error=run.error))
    f = run.figures
    state = "arrêté (meilleur planning gardé)" if run.status == RunStatus.STOPPED else "terminé"
    click.echo(f"{state} : {f['covered']}/{f['candidates']} candidats avec un entretien "
               f"(borne {f.get('upper_bound_covered')}), {f['interviews']} entretiens "
               f"(borne {f.get('upper_bound_interviews')}), {f['first_choices']} premiers choix, "
               f"attente moyenne {f['mean_wait_minutes']} min.")


@click.command("worker")
@click.option("--burst", is_flag=True, help="Stop when the queue is empty.")
def worker_command(burst: bool) -> None:
    """Run an RQ worker for background solves (needs REDIS_URL)."""
    app = current_app._get_current_object()
    if not app.config.get("REDIS_URL"):
        raise click.ClickException(_("REDIS_URL n'est pas configuré : les calculs tournent dans l'application."))
    click.echo(f"Worker en attente sur la file « {queue(app).name} »…")
    work(app, burst=burst)
