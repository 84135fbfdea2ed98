"""Several machines: two gunicorn web instances and two RQ workers on one PostgreSQL and one Redis, as a
deployment behind a load balancer runs them. One double click gives one solve; a worker killed mid-solve
does not block the event (a new solve starts within a minute); a worker killed mid-mailing loses no mail and
nobody gets a plan twice, once another worker runs.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests
from smtp_sink import free_port, start_sink

pytestmark = pytest.mark.slow

PG = "postgresql+psycopg://postgres@127.0.0.1:5432/"
DATABASE = "jobdating_machines"
REDIS_URL = "redis://127.0.0.1:6379/14"
PASSWORD = "mot-de-passe-solide-2027"
CSRF = re.compile(r'name="csrf_token"(?: type="hidden")? value="([^"]+)"')
CANDIDATES = 30


def _services_or_skip() -> None:
    try:
        import psycopg
        from redis import Redis

        psycopg.connect("host=127.0.0.1 user=postgres dbname=postgres", connect_timeout=3).close()
        Redis.from_url(REDIS_URL, socket_connect_timeout=3).ping()
    except Exception as error:  # noqa: BLE001 (any failure means: no services here)
        if os.environ.get("CI"):
            raise
        pytest.skip(f"PostgreSQL and Redis are needed: {error}")


def _fresh_database() -> str:
    import psycopg

    with psycopg.connect("host=127.0.0.1 user=postgres dbname=postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {DATABASE}")
    return PG + DATABASE


def _seed(uri: str) -> int:
    """Migrate the empty database and add an open event: 2 employers, 30 candidates, an organizer."""
    from flask_migrate import upgrade

    from jobdating import create_app
    from jobdating.core.accounts import create_organizer
    from jobdating.core.models import Candidate, ContractType, Employer, Event, EventStatus, Offer, Wish
    from jobdating.extensions import db

    app = create_app({"TESTING": True, "SECRET_KEY": "x" * 32, "SQLALCHEMY_DATABASE_URI": uri})
    with app.app_context():
        upgrade()
        event = Event(slug="machines", name="Job dating multi-machines", date=dt.date(2027, 3, 18),
                      start_time=dt.time(9), end_time=dt.time(12), status=EventStatus.OPEN)
        employers = [Employer(event=event, company=f"Entreprise {n}", sector="Numérique", contact_name="RH",
                              email=f"rh{n}@exemple.fr", phone="0321000000", tables=1, available=[], preferred=[],
                              offers=[Offer(title="Développeur·se", contract_type=ContractType.CDI)]) for n in (1, 2)]
        for n in range(CANDIDATES):
            candidate = Candidate(event=event, first_name=f"Prénom{n}", last_name="Nom", email=f"c{n}@exemple.fr",
                                  phone="0600000000", available=[],
                                  consent_at=dt.datetime(2026, 11, 20, tzinfo=dt.UTC))
            candidate.wishes = [Wish(employer=e, rank=r) for r, e in enumerate(employers, start=1)]
            db.session.add(candidate)
        db.session.add(event)
        create_organizer("orga@exemple.fr", PASSWORD, "Orga", admin=True)
        db.session.commit()
        event_id = event.id
        db.session.remove()
    return event_id


def _env(uri: str, smtp_port: int) -> dict[str, str]:
    env = dict(os.environ, DATABASE_URL=uri, REDIS_URL=REDIS_URL, RQ_QUEUE="jobdating-machines",
               SECRET_KEY="several-machines-secret-key-32chars", PUBLIC_BASE_URL="https://jobdating.example.org",
               SESSION_COOKIE_SECURE="0", RATELIMIT_ENABLED="0", MAIL_TO_FILES="0", MAIL_SERVER="127.0.0.1",
               MAIL_PORT=str(smtp_port), MAIL_CLAIM_SECONDS="5", TICK_SECONDS="2", SOLVER_TIME_LIMIT="3")
    env.pop("JOBDATING_DEVELOPMENT", None)
    return env


class Machines:
    def __init__(self, folder: Path, env: dict[str, str]):
        self.folder, self.env = folder, env
        self.webs: list[tuple[subprocess.Popen, str]] = []
        self.workers: list[subprocess.Popen] = []

    def web(self) -> str:
        port = free_port()
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--workers", "1", "--bind", f"127.0.0.1:{port}", "--timeout", "60",
             "jobdating:create_app()"], cwd=self.folder, env=self.env, stdout=subprocess.DEVNULL,
            stderr=(self.folder / f"web-{port}.log").open("w"))
        url = f"http://127.0.0.1:{port}"
        self.webs.append((process, url))
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if requests.get(url + "/login", timeout=5).status_code == 200:
                    return url
            except (requests.ConnectionError, requests.Timeout):
                time.sleep(0.2)
        raise AssertionError((self.folder / f"web-{port}.log").read_text())

    def worker(self) -> subprocess.Popen:
        flask = Path(sys.executable).with_name("flask")
        process = subprocess.Popen([str(flask), "--app", "jobdating", "worker"], cwd=self.folder, env=self.env,
                                   stdout=subprocess.DEVNULL,
                                   stderr=(self.folder / f"worker-{len(self.workers)}.log").open("w"))
        self.workers.append(process)
        return process

    def busy_worker(self, timeout: float = 30) -> subprocess.Popen:
        """The worker process that is running an RQ job now."""
        from redis import Redis
        from rq import Worker

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for found in Worker.all(connection=Redis.from_url(REDIS_URL)):
                if found.get_current_job_id():
                    process = next((p for p in self.workers if p.pid == found.pid and p.poll() is None), None)
                    if process is not None:
                        return process
            time.sleep(0.05)
        raise AssertionError("no worker took the job")

    def stop(self) -> None:
        for process in [p for p, _url in self.webs] + self.workers:
            if process.poll() is None:
                process.terminate()
        for process in [p for p, _url in self.webs] + self.workers:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def _logged_in(url: str) -> requests.Session:
    session = requests.Session()
    token = CSRF.search(session.get(url + "/login").text).group(1)
    answer = session.post(url + "/login", data={"email": "orga@exemple.fr", "password": PASSWORD,
                                                "csrf_token": token}, allow_redirects=False)
    assert answer.status_code == 302, answer.text
    return session


def _post(session: requests.Session, url: str, page: str, path: str, **data) -> requests.Response:
    token = CSRF.search(session.get(url + page).text).group(1)
    return session.post(url + path, data={"csrf_token": token, **data}, allow_redirects=False)


def _query(uri: str, sql: str):
    import psycopg

    with psycopg.connect(uri.replace("postgresql+psycopg", "postgresql")) as connection:
        return connection.execute(sql).fetchall()


def _wait(condition, timeout: float, message: str) -> float:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if condition():
            return time.monotonic() - start
        time.sleep(0.25)
    raise AssertionError(message)


def test_two_web_instances_and_two_workers(tmp_path):
    _services_or_skip()
    from redis import Redis

    Redis.from_url(REDIS_URL).flushdb()
    uri = _fresh_database()
    event_id = _seed(uri)
    controller, sink = start_sink(delay=0.2)  # 32 mails take several seconds: time to kill the sender
    machines = Machines(tmp_path, _env(uri, controller.port))
    try:
        first, second = machines.web(), machines.web()
        machines.worker()
        machines.worker()
        sessions = [_logged_in(first), _logged_in(second)]
        plan = f"/organisateur/evenements/{event_id}"  # the dashboard: its Générer button
        generate = f"/organisateur/evenements/{event_id}/planning/generer"

        # One double click, on two web instances at the same moment: one solve.
        barrier, answers = threading.Barrier(2), []

        def click(session, url):
            token = CSRF.search(session.get(url + plan).text).group(1)
            barrier.wait()
            answers.append(session.post(url + generate, data={"csrf_token": token}, allow_redirects=False))

        clicks = [threading.Thread(target=click, args=(s, u)) for s, u in zip(sessions, (first, second), strict=True)]
        for thread in clicks:
            thread.start()
        for thread in clicks:
            thread.join(60)
        assert len(answers) == 2 and all(a.status_code == 302 for a in answers)
        assert _query(uri, "SELECT count(*) FROM solve_run")[0][0] == 1
        _wait(lambda: _query(uri, "SELECT status FROM solve_run")[0][0] == "done", 60, "the solve did not end")

        # A worker killed mid-solve: within a minute, a new solve starts, with nobody waiting on a timeout.
        assert _post(sessions[0], first, plan, generate, time_limit="60").status_code == 302
        solver = machines.busy_worker()
        _wait(lambda: _query(uri, "SELECT status FROM solve_run ORDER BY id DESC LIMIT 1")[0][0] == "running", 30,
              "the solve did not start")
        os.kill(solver.pid, signal.SIGKILL)
        killed_at = time.monotonic()
        machines.worker()  # the operator (or systemd) starts a worker again

        def new_solve_started() -> bool:
            _post(sessions[1], second, plan, generate, time_limit="3")
            return _query(uri, "SELECT count(*) FROM solve_run")[0][0] == 3

        _wait(new_solve_started, 60, "no new solve could start within a minute of the crash")
        assert time.monotonic() - killed_at <= 60
        assert [r[0] for r in _query(uri, "SELECT status FROM solve_run ORDER BY id")][:2] == ["done", "failed"]
        _wait(lambda: _query(uri, "SELECT status FROM solve_run ORDER BY id DESC LIMIT 1")[0][0] == "done", 60,
              "the new solve did not end")

        # Publishing from the second instance; the worker sending the mails is killed after a few.
        assert _post(sessions[1], second, plan, f"/organisateur/evenements/{event_id}/publier").status_code == 302
        sender = machines.busy_worker()
        _wait(lambda: len(sink.messages) >= 3, 30, "no mail left")
        os.kill(sender.pid, signal.SIGKILL)
        assert len(sink.messages) < CANDIDATES + 2
        _wait(lambda: _query(uri, "SELECT count(*) FROM outbox_mail WHERE state = 'sent'")[0][0] == CANDIDATES + 2,
              90, "the other worker did not finish the mailing")
        page = sessions[0].get(first + f"/organisateur/evenements/{event_id}/envois").text
        assert f'<strong class="mail-sent">{CANDIDATES + 2}</strong>' in page
    finally:
        machines.stop()
        controller.stop()
    received = sink.by_recipient()
    assert len(received) == CANDIDATES + 2  # everyone got their plan…
    assert all(len(ids) == 1 for ids in received.values())  # …as one message
    assert len(sink.messages) <= CANDIDATES + 3  # at most the mail in flight at the kill went twice
