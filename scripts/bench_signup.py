"""Sign-up under load: python scripts/bench_signup.py [--concurrency 10,50,100] [--seconds 20] [--workers 3].

Against a real gunicorn (sync workers) on 127.0.0.1 with PostgreSQL on 127.0.0.1: creates its own database
(default jobdating_bench_signup, dropped and made again; never another one), loads the demo event (40 employers,
300 candidates), then, at each concurrency, as many simulated candidates as the concurrency sign up in a loop for
a bounded time: GET the form (a new visitor: new cookie, new CSRF token), POST it with three wishes and a new
e-mail address. Prints throughput, p50/p99 latencies and errors per concurrency, then checks the database: rows
stored against sign-ups confirmed (a 302), duplicated addresses, wishes and queued e-mails per candidate.

Rate limiting is off: every simulated candidate comes from 127.0.0.1, which the per-address limit would stop.
"""
from __future__ import annotations

import argparse
import http.client
import os
import re
import socket
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # runnable from a clone without installing

CSRF = re.compile(rb'name="csrf_token" type="hidden" value="([^"]+)"')
COOKIE = re.compile(r"session=([^;]+)")
LOOPBACK = ("127.0.0.1", "localhost", "::1")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def fresh_database(url: str, create: bool = True) -> None:
    """Drop and (re)create the benchmark's own database (loopback only, and only a jobdating_bench_* name)."""
    import psycopg

    parts = urlsplit(url.replace("postgresql+psycopg", "postgresql"))
    name = parts.path.lstrip("/")
    if parts.hostname not in LOOPBACK:
        sys.exit(f"refusing a database that is not on this machine: {parts.hostname}")
    if not re.fullmatch(r"jobdating_bench_\w+", name):
        sys.exit(f"refusing to drop {name!r}: the benchmark only makes databases named jobdating_bench_*")
    admin = parts._replace(path="/postgres", scheme="postgresql").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if create:
            connection.execute(f'CREATE DATABASE "{name}"')


def prepare(url: str, folder: Path) -> tuple[str, list[list[str]], dict[str, str]]:
    """Migrate, load the demo event; returns its slug, wish lists to send (three keys each) and answers to its
    questions (the first answer offered to each yes/no or list question)."""
    from flask_migrate import upgrade

    from jobdating import create_app
    from jobdating.demo.build import create_demo_event
    from jobdating.extensions import db

    app = create_app(server_config(url, folder))
    with app.app_context():
        upgrade()
        event = create_demo_event(slug="bench")
        employers = event.employers
        count = len(employers)
        wish_lists = [[f"E{employers[i % count].id}", f"E{employers[(i + 7) % count].id}",
                       f"O{employers[(i + 19) % count].offers[0].id}"] for i in range(count)]
        answers = {f"answers-q{q.id}": "yes" if q.kind == "yesno" else q.choices[0]
                   for q in event.questions if q.kind in ("yesno", "choice")}
        assert event.signup_is_open()
        db.session.remove()
        db.engine.dispose()
    return "bench", wish_lists, answers


def server_config(url: str, folder: Path, redis: str | None = None) -> dict:
    config = {"SECRET_KEY": "bench-signup-secret-key-long-enough", "SQLALCHEMY_DATABASE_URI": url,
              "MAIL_DIR": str(folder / "mail"), "CV_DIR": str(folder / "cv"), "RATELIMIT_ENABLED": False,
              "PUBLIC_BASE_URL": "https://jobdating.example.org", "SESSION_COOKIE_SECURE": False, "TICK_SECONDS": 0}
    if redis:
        config.update(REDIS_URL=redis, RQ_QUEUE=f"jobdating-bench-{folder.name}")
    return config


class Server:
    """gunicorn with sync workers on a free loopback port, and with Redis one background worker (`flask worker`)
    that sends the mails, as operations.md sets up several web processes; their logs are kept in the scratch
    folder."""

    def __init__(self, folder: Path, url: str, workers: int, redis: str | None):
        self.folder, self.workers, self.port, self.redis = folder, workers, _free_port(), redis
        (folder / "benchapp.py").write_text(textwrap.dedent(f"""
            from jobdating import create_app
            app = create_app({server_config(url, folder, redis)!r})
        """))
        self.log = folder / "gunicorn.log"
        self.process: subprocess.Popen | None = None
        self.worker: subprocess.Popen | None = None

    def __enter__(self) -> Server:
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(self.folder),
                                                                        os.environ.get("PYTHONPATH")])))
        if self.redis:
            self.worker = subprocess.Popen(
                [sys.executable, "-m", "flask", "--app", "benchapp:app", "worker"], cwd=self.folder, env=env,
                stdout=subprocess.DEVNULL, stderr=(self.folder / "worker.log").open("w"))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--workers", str(self.workers), "--worker-class", "sync",
             "--bind", f"127.0.0.1:{self.port}", "--timeout", "60", "--backlog", "2048", "benchapp:app"],
            cwd=self.folder, env=env, stdout=subprocess.DEVNULL, stderr=self.log.open("w"))
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if request(self.port, "GET", "/")[0] == 200:
                    return self
            except OSError:
                time.sleep(0.2)
        raise SystemExit("gunicorn did not start:\n" + self.log.read_text())

    def __exit__(self, *_exc) -> None:
        for process in (self.process, self.worker):
            if process is not None and process.poll() is None:
                process.terminate()
                process.wait(timeout=30)


def request(port: int, method: str, path: str, body: bytes | None = None,
            headers: dict | None = None) -> tuple[int, bytes, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read(), response.getheader("Set-Cookie") or ""
    finally:
        connection.close()


TICK = os.sysconf("SC_CLK_TCK")


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (0 if it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICK


def server_pids(master: int, url: str) -> tuple[list[int], list[int]]:
    """The gunicorn workers and the PostgreSQL backends serving the benchmark's database."""
    import psycopg

    workers = [int(p) for p in subprocess.run(["ps", "--ppid", str(master), "-o", "pid="], capture_output=True,
                                               text=True).stdout.split()]
    parts = urlsplit(url.replace("postgresql+psycopg", "postgresql"))
    with psycopg.connect(parts._replace(scheme="postgresql").geturl()) as connection:
        backends = [row[0] for row in connection.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")]
    return [master, *workers], backends


class Level:
    """One concurrency level: `users` threads signing up in a loop until the time is up."""

    def __init__(self, port: int, slug: str, wish_lists: list[list[str]], answers: dict[str, str], users: int,
                 seconds: float, cap: int):
        self.port, self.slug, self.wish_lists, self.answers = port, slug, wish_lists, answers
        self.users, self.seconds, self.cap = users, seconds, cap
        self.get_times: list[float] = []
        self.post_times: list[float] = []
        self.total_times: list[float] = []
        self.errors: dict[str, int] = {}
        self.confirmed: list[str] = []
        self.attempted = 0
        self.cpu = {"app": 0.0, "client": 0.0, "worker": 0.0, "db": 0.0}
        self.lock = threading.Lock()

    def run(self) -> float:
        self.deadline = time.monotonic() + self.seconds
        threads = [threading.Thread(target=self.user, args=(n,)) for n in range(self.users)]
        start = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return time.monotonic() - start

    def _error(self, kind: str) -> None:
        with self.lock:
            self.errors[kind] = self.errors.get(kind, 0) + 1

    def user(self, number: int) -> None:
        path = f"/{self.slug}/inscription"
        n = 0
        while time.monotonic() < self.deadline:
            with self.lock:
                if self.attempted >= self.cap:
                    return
                self.attempted += 1
            n += 1
            email = f"bench-{uuid.uuid4().hex[:12]}@exemple.fr"
            started = time.perf_counter()
            try:
                status, page, cookie = request(self.port, "GET", path)
                got = time.perf_counter()
                token = CSRF.search(page)
                session = COOKIE.search(cookie)
                if status != 200 or token is None or session is None:
                    self._error(f"GET {status}")
                    continue
                wishes = self.wish_lists[(number + n) % len(self.wish_lists)]
                form = {"csrf_token": token.group(1).decode(), "first_name": "Inès", "last_name": f"Charge{number}",
                        "email": email, "situation": "job_seeker", "availability-kind": "day", "consent": "y",
                        **{f"wishes-{i}": key for i, key in enumerate(wishes)}, **self.answers}
                status, _body, _cookie = request(
                    self.port, "POST", path, urlencode(form).encode(),
                    {"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"session={session.group(1)}"})
                done = time.perf_counter()
            except OSError as error:
                self._error(type(error).__name__)
                continue
            if status != 302:
                self._error(f"POST {status}")
                continue
            with self.lock:
                self.get_times.append(got - started)
                self.post_times.append(done - got)
                self.total_times.append(done - started)
                self.confirmed.append(email)


def _mail_counts(url: str) -> dict[str, int]:
    """The benchmark's mails by state (pending, sending, sent, …)."""
    import psycopg

    parts = urlsplit(url.replace("postgresql+psycopg", "postgresql"))
    with psycopg.connect(parts._replace(scheme="postgresql").geturl()) as connection:
        return {str(state).lower(): n for state, n in connection.execute(
            "SELECT state, count(*) FROM outbox_mail WHERE recipient LIKE 'bench-%%' GROUP BY state")}


def drain_mails(url: str, wait: float) -> tuple[dict[str, int], float]:
    """Wait (at most `wait` s) until no benchmark mail is waiting; returns the counts and the time it took."""
    start = time.monotonic()
    while True:
        counts = _mail_counts(url)
        if not counts.get("pending") and not counts.get("sending") or time.monotonic() - start > wait:
            return counts, time.monotonic() - start
        time.sleep(0.5)


def check_database(url: str, folder: Path, confirmed: list[str]) -> dict:
    """Rows stored against sign-ups confirmed; duplicated addresses; wishes per candidate."""
    from sqlalchemy import func, select

    from jobdating import create_app
    from jobdating.core.models import Candidate, Wish
    from jobdating.extensions import db

    app = create_app(server_config(url, folder))
    with app.app_context():
        emails = [e for (e,) in db.session.execute(
            select(Candidate.email).where(Candidate.email.like("bench-%")))]
        wishes = db.session.scalar(select(func.count(Wish.id)).join(Candidate).where(
            Candidate.email.like("bench-%")))
        db.session.remove()
        db.engine.dispose()
    stored = set(emails)
    return {"confirmed": len(confirmed), "stored": len(emails), "lost": len(set(confirmed) - stored),
            "stored_unconfirmed": len(stored - set(confirmed)), "duplicates": len(emails) - len(stored),
            "wishes": wishes}


def measure(server: Server, level: Level, url: str) -> float:
    """Run one level; CPU per part (gunicorn, mail worker, PostgreSQL, this load generator) into level.cpu:
    what the machine gives to each whatever else runs on it (the wall-clock figures depend on that)."""
    assert server.process is not None
    worker = [server.worker.pid] if server.worker else []
    app_pids, db_pids = server_pids(server.process.pid, url)
    before = {pid: _cpu_seconds(pid) for pid in app_pids + db_pids + worker}
    client = time.process_time()
    elapsed = level.run()
    level.cpu["client"] = time.process_time() - client
    new_app, new_db = server_pids(server.process.pid, url)
    for part, pids in (("app", set(app_pids) | set(new_app)), ("worker", worker),
                       ("db", set(db_pids) | set(new_db))):
        level.cpu[part] = sum(_cpu_seconds(pid) - before.get(pid, 0.0) for pid in pids)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default="postgresql+psycopg://postgres@127.0.0.1:5432/jobdating_bench_signup")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/0",
                        help="Redis for the background worker; 'none': mails sent by threads of gunicorn")
    parser.add_argument("--concurrency", default="10,50,100")
    parser.add_argument("--seconds", type=float, default=20.0, help="duration of each concurrency level")
    parser.add_argument("--max-signups", type=int, default=5000, help="at most this many sign-ups per level")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn sync workers")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()
    levels = [int(c) for c in args.concurrency.split(",")]
    if max(levels) > 200 or args.seconds > 120:
        sys.exit("bounded: at most 200 concurrent users and 120 s per level")
    redis = None if args.redis_url == "none" else args.redis_url
    if redis and urlsplit(redis).hostname not in LOOPBACK:
        sys.exit(f"refusing a Redis that is not on this machine: {redis}")

    folder = Path(tempfile.mkdtemp(prefix="bench-signup-"))
    fresh_database(args.database_url)
    slug, wish_lists, answers = prepare(args.database_url, folder)
    results, confirmed = [], []
    with Server(folder, args.database_url, args.workers, redis) as server:
        for users in levels:
            level = Level(server.port, slug, wish_lists, answers, users, args.seconds, args.max_signups)
            elapsed = measure(server, level, args.database_url)
            confirmed += level.confirmed
            results.append((users, level, elapsed))
            print(f"  concurrency {users}: {len(level.confirmed)} sign-ups in {elapsed:.1f} s", file=sys.stderr)
        mails, drained = drain_mails(args.database_url, 120)
        log = server.log.read_text()
    check = check_database(args.database_url, folder, confirmed)

    print(f"gunicorn {args.workers} sync workers, PostgreSQL, "
          f"{'one RQ worker sending mails (Redis)' if redis else 'mails sent by threads of gunicorn (no Redis)'}, "
          f"demo event (40 employers, 300 candidates), {os.cpu_count()} CPUs; GET form + POST sign-up per "
          f"candidate, {args.seconds:.0f} s per level")
    print()
    print("| concurrency | sign-ups | sign-ups/s | GET p50 / p99 ms | POST p50 / p99 ms | sign-up p50 / p99 ms "
          "| errors | CPU ms per sign-up: gunicorn / load generator / mail worker / PostgreSQL |")
    print("|---|---|---|---|---|---|---|---|")
    for users, level, elapsed in results:
        ms = lambda values, share: 1000 * _percentile(values, share)  # noqa: E731
        errors = sum(level.errors.values())
        detail = f" ({', '.join(f'{k}: {v}' for k, v in sorted(level.errors.items()))})" if errors else ""
        print(f"| {users} | {len(level.confirmed)} | {len(level.confirmed) / elapsed:.1f} "
              f"| {ms(level.get_times, .5):.0f} / {ms(level.get_times, .99):.0f} "
              f"| {ms(level.post_times, .5):.0f} / {ms(level.post_times, .99):.0f} "
              f"| {ms(level.total_times, .5):.0f} / {ms(level.total_times, .99):.0f} | {errors}{detail} "
              f"| {' / '.join(f'{1000 * level.cpu[k] / max(1, len(level.confirmed)):.1f}' for k in level.cpu)} |")
    print()
    print(f"database: {check['stored']} candidates stored for {check['confirmed']} sign-ups confirmed; "
          f"lost {check['lost']}, stored without confirmation {check['stored_unconfirmed']}, "
          f"duplicated addresses {check['duplicates']}; {check['wishes']} wishes "
          f"({check['wishes'] / max(1, check['stored']):.1f} each)")
    waiting = mails.get("pending", 0) + mails.get("sending", 0)
    print(f"mails: {sum(mails.values())} queued, {mails.get('sent', 0)} sent, {waiting} still waiting "
          f"{drained:.1f} s after the last sign-up")
    died = log.count("Booting worker") - args.workers
    print(f"gunicorn: {died} worker(s) replaced, {log.count('Traceback')} tracebacks in its log")
    if not args.keep:
        fresh_database(args.database_url, create=False)
    if check["lost"] or check["duplicates"] or sum(mails.values()) != check["stored"] or waiting:
        sys.exit(1)


if __name__ == "__main__":
    main()
