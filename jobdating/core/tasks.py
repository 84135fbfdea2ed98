"""Background work: a thread inside the app by default, an RQ queue when REDIS_URL is set.

`enqueue(function, *args)` names the function (module and name), never pickles it, and imports no feature:
the state of the work (a solve's progress, a mail's status) lives in the database, so any web process can
show it.
"""
from __future__ import annotations

import importlib
import threading
import time
from collections.abc import Callable, Hashable
from typing import Any

import click
from flask import Flask, current_app, has_app_context
from flask_babel import gettext as _

from jobdating.extensions import db

_threads: dict[Hashable, threading.Thread] = {}
# Keys of unique background calls asked for again while running: they run once more before their thread ends.
_again: set[Hashable] = set()
_lock = threading.Lock()
# How long the marker of a waiting unique job lives at most (a job lost before it starts holds its key so long).
UNIQUE_MARKER_SECONDS = 60
# What a worker does before taking work (features add theirs: releasing runs whose worker died, …).
on_worker_start: list[Callable[[], object]] = []


def enqueue(function: Callable[..., Any], *args: Any, key: Hashable | None = None,
            timeout: int | None = None, unique: bool = False, gather: float = 0.0) -> None:
    """Run `function(*args)` in the background and return at once.

    With REDIS_URL, an RQ worker runs it (`timeout`: seconds before RQ gives up on it); otherwise a thread of
    this process, inside an app context. `key` names the thread for wait(); with `unique`, a call while the
    thread of the same key runs makes that thread run the function once more instead of starting another
    (work that must see everything committed so far, such as delivering the outbox, without two threads).
    A unique call waits `gather` seconds before it starts: the calls asked for meanwhile join it (a burst of
    sign-ups, each queueing a mail, makes one delivery of a batch instead of many of one mail each).
    """
    app = current_app._get_current_object()  # type: ignore[attr-defined]  # werkzeug proxy
    if app.config.get("REDIS_URL"):
        call: tuple[Any, ...] = (run_call, function.__module__, function.__name__, *args)
        if unique and key is not None:
            # One waiting job per key: a marker set with the job, dropped by the job as it starts (so that work
            # committed after that start gets a job of its own). Left by a job lost before it started, the
            # marker runs out on its own and the periodic tick does the work meanwhile.
            marker = f"{app.config['RQ_QUEUE']}:waiting:{key}"
            if not connection(app).set(marker, 1, nx=True, ex=UNIQUE_MARKER_SECONDS):
                return
            call = (run_unique, marker, gather, *call[1:])
        queue(app).enqueue(*call, job_timeout=timeout, result_ttl=3600, failure_ttl=24 * 3600)
        return
    with _lock:
        if unique and key is not None and key in _threads and _threads[key].is_alive():
            _again.add(key)
            return
        name: Hashable = key if key is not None else object()
        thread = threading.Thread(target=_call_in_app, args=(app, function, args, name, gather if unique else 0),
                                  daemon=True, name=f"task-{function.__name__}")
        _threads[name] = thread
    thread.start()


def _call_in_app(app: Flask, function: Callable[..., Any], args: tuple[Any, ...], key: Hashable,
                 gather: float) -> None:
    if gather > 0:
        time.sleep(gather)
    with app.app_context():
        while True:
            with _lock:  # this run sees all committed so far: the calls asked for until now need no other
                _again.discard(key)
            try:
                function(*args)
            except Exception:
                app.logger.exception("background call %s failed", function.__name__)
            finally:
                db.session.remove()
            with _lock:
                if key in _again:
                    _again.discard(key)
                    continue
                if _threads.get(key) is threading.current_thread():
                    _threads.pop(key, None)
                return


def run_unique(marker: str, gather: float, module: str, name: str, *args: Any) -> None:
    """The RQ job of a unique call: lets the calls of the next `gather` seconds join it, frees its key, then runs
    the call."""
    from rq import get_current_job

    if gather > 0:
        time.sleep(gather)
    job = get_current_job()
    if job is not None:
        job.connection.delete(marker)
    run_call(module, name, *args)


def run_call(module: str, name: str, *args: Any) -> None:
    """The RQ job: runs inside the worker's app context (`flask worker`), or builds the app itself."""
    function = getattr(importlib.import_module(module), name)
    if has_app_context():
        try:
            function(*args)
        finally:
            db.session.remove()
        return
    from jobdating.app import create_app

    with create_app().app_context():
        function(*args)
        db.session.remove()


def wait(key: Hashable, timeout: float | None = None) -> None:
    """Block until the background thread named `key` ends (command line and tests; never in a request)."""
    thread = _threads.get(key)
    if thread is not None:
        thread.join(timeout)


def wait_all(timeout: float | None = None) -> None:
    """Block until every background thread ends, those they start included (tests)."""
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        with _lock:
            running = [thread for thread in _threads.values() if thread.is_alive()]
        if not running or (deadline is not None and time.monotonic() >= deadline):
            return
        for thread in running:
            thread.join(None if deadline is None else max(0.0, deadline - time.monotonic()))


def connection(app: Flask) -> Any:
    """The app's Redis client: one per app and process, its pool shared by threads (a new connection for each
    enqueued call cost three round trips and a TCP handshake per sign-up); redis-py resets the pool in a
    forked process."""
    from redis import Redis

    client = app.extensions.get("jobdating_redis")
    if client is None or app.extensions.get("jobdating_redis_url") != app.config["REDIS_URL"]:
        client = Redis.from_url(app.config["REDIS_URL"])
        app.extensions["jobdating_redis"], app.extensions["jobdating_redis_url"] = client, app.config["REDIS_URL"]
    return client


def queue(app: Flask) -> Any:
    from rq import Queue

    return Queue(app.config["RQ_QUEUE"], connection=connection(app))


def work(app: Flask, *, burst: bool = False) -> bool:
    """Process queued work in this process (no fork: the app context and its database stay valid)."""
    from rq import SimpleWorker

    worker = SimpleWorker([queue(app)], connection=connection(app))
    return bool(worker.work(burst=burst))


@click.command("worker")
@click.option("--burst", is_flag=True, help="Stop when the queue is empty.")
def worker_command(burst: bool) -> None:
    """Run an RQ worker for background solves, mails and periodic work (needs REDIS_URL)."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]  # werkzeug proxy
    if not app.config.get("REDIS_URL"):
        raise click.ClickException(_("REDIS_URL n'est pas configuré : les calculs tournent dans l'application."))
    for check in on_worker_start:
        check()
    from jobdating.core import periodic

    if not burst:
        periodic.start_ticker(app, worker=True)
    click.echo(f"Worker en attente sur la file « {queue(app).name} »…")
    work(app, burst=burst)
