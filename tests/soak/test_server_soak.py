"""Soak: a real gunicorn server on the published demo, restarted under a logged-in browser's stored cookie.

This is the event-day situation that crashed Python 3.11 (a segmentation fault after a few badge scans): the
server restarts while the desk's browser stays logged in, and every request after that carries a session
cookie that the new process never issued. The test replays that cookie for thousands of requests and checks
that every answer is 200 and that no gunicorn worker died or was replaced.
"""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import requests

pytestmark = pytest.mark.slow

WORKERS = 2
DESK_REQUESTS = 2000  # badge scans, with a live-board poll every tenth request
PAGE_REQUESTS = 500   # public pages, then the employer's phone page
CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _config(folder: Path) -> dict:
    return {
        "SECRET_KEY": "soak-test-secret-key-of-reasonable-length",
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'soak.sqlite3'}",
        "MAIL_DIR": str(folder / "mail"), "CV_DIR": str(folder / "cv"),
        "RATELIMIT_ENABLED": False, "SOLVER_TIME_LIMIT": 20,
        # Production settings, except the cookie's Secure flag: this test speaks plain HTTP on loopback.
        "PUBLIC_BASE_URL": "https://jobdating.example.org", "SESSION_COOKIE_SECURE": False,
    }


@pytest.fixture(scope="module")
def published_demo(tmp_path_factory):
    """The demo event, solved and published, in a SQLite file; returns (folder, facts about the event)."""
    from flask_migrate import upgrade

    from jobdating import create_app
    from jobdating.core.accounts import create_organizer
    from jobdating.core.models import Event
    from jobdating.demo.build import DEMO_ORGANIZER, create_demo_event
    from jobdating.extensions import db
    from jobdating.planning.publish import publish
    from jobdating.planning.scheduling import run_solve, start_solve

    folder = tmp_path_factory.mktemp("soak")
    app = create_app(_config(folder))
    with app.app_context():
        upgrade()
        event = create_demo_event(slug="connectic-day-lens")
        create_organizer(*DEMO_ORGANIZER, "Organisateur démo", admin=True)
        run = start_solve(event, None, enqueue=False)
        assert run_solve(run.id).error is None
        event = db.session.get(Event, event.id)
        publish(event, None)
        facts = {
            "event_id": event.id, "slug": event.slug, "date": event.date,
            "badges": [c.badge_token for c in event.candidates],
            "candidate_tokens": [c.token for c in event.candidates[:20]],
            "employer_tokens": [e.token for e in event.employers if e.interviews][:10],
        }
        db.session.remove()
    # The server's own module: the same settings, and the desk's clock frozen on the event's morning.
    (folder / "soakapp.py").write_text(textwrap.dedent(f"""
        import datetime as dt
        from zoneinfo import ZoneInfo
        from jobdating import create_app
        CONFIG = {_config(folder)!r}
        CONFIG["CLOCK"] = lambda: dt.datetime(
            {facts['date']:%Y, %-m, %-d}, 9, 40, tzinfo=ZoneInfo("Europe/Paris"))
        app = create_app(CONFIG)
    """))
    return folder, facts


class Server:
    """gunicorn with sync workers, as deployed; its log tells whether a worker died."""

    def __init__(self, folder: Path):
        self.folder, self.port = folder, _free_port()
        self.log = folder / f"gunicorn-{self.port}.log"
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Server:
        env = dict(os.environ, PYTHONPATH=str(self.folder))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--workers", str(WORKERS), "--worker-class", "sync",
             "--bind", f"127.0.0.1:{self.port}", "--timeout", "60", "soakapp:app"],
            cwd=self.folder, env=env, stdout=subprocess.DEVNULL, stderr=self.log.open("w"))
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if requests.get(self.url + "/", timeout=5).status_code == 200:
                    return self
            except (requests.ConnectionError, requests.Timeout):  # still booting (slow on a loaded machine)
                time.sleep(0.2)
        raise AssertionError("gunicorn did not start:\n" + self.log.read_text())

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)

    def assert_healthy(self) -> None:
        assert self.process is not None and self.process.poll() is None, "gunicorn's master died"
        log = self.log.read_text()
        assert log.count("Booting worker") == WORKERS, f"a worker died and was replaced:\n{log}"
        for sign in ("SIGSEGV", "Segmentation fault", "Traceback", "WORKER TIMEOUT"):
            assert sign not in log, log


def _log_in(url: str) -> str:
    """Log in as the demo organizer, as a browser would; returns the session cookie."""
    from jobdating.demo.build import DEMO_ORGANIZER

    browser = requests.Session()
    token = CSRF.search(browser.get(url + "/login").text).group(1)
    email, password = DEMO_ORGANIZER
    answer = browser.post(url + "/login", data={"csrf_token": token, "email": email, "password": password},
                          allow_redirects=False)
    assert answer.status_code == 302, answer.text
    return browser.cookies["session"]


@pytest.fixture(scope="module")
def restarted_server(published_demo):
    """A server that never saw the login, and the cookie a browser kept from the previous server."""
    folder, facts = published_demo
    first = Server(folder).start()
    try:
        cookie = _log_in(first.url)
    finally:
        first.stop()
    second = Server(folder).start()
    yield second, cookie, facts
    second.stop()


def test_the_front_desk_survives_thousands_of_scans_with_a_cookie_from_before_the_restart(restarted_server):
    server, cookie, facts = restarted_server
    desk = requests.Session()
    desk.cookies.set("session", cookie, domain="127.0.0.1", path="/")  # as the browser kept it
    event = facts["event_id"]
    page = desk.get(f"{server.url}/event/{event}/accueil")
    assert page.status_code == 200 and "Accueil" in page.text
    badges = facts["badges"]
    checked_in = 0
    for n in range(DESK_REQUESTS):
        if n % 10 == 9:
            poll = desk.get(f"{server.url}/event/{event}/tableau.json")
            assert poll.status_code == 200, (n, poll.status_code)
            assert poll.json()["counts"]["candidates"]["present"] >= min(checked_in, len(badges))
            continue
        token = CSRF.search(page.text).group(1)
        badge = f"{server.url}/b/{badges[checked_in % len(badges)]}"
        page = desk.post(f"{server.url}/event/{event}/accueil", data={"csrf_token": token, "code": badge})
        assert page.status_code == 200, (n, page.status_code, page.text[:500])
        assert "Arrivée enregistrée" in page.text or "Déjà enregistré" in page.text
        checked_in += 1
    server.assert_healthy()


def test_public_pages_and_the_employers_phone_page_answer_hundreds_of_requests(restarted_server):
    server, cookie, facts = restarted_server
    visitor = requests.Session()
    visitor.cookies.set("session", cookie, domain="127.0.0.1", path="/")  # an organizer on the public side
    slug = facts["slug"]
    public = ["/", f"/{slug}", f"/{slug}?q=infirmier", f"/{slug}/inscription", f"/{slug}/employeurs/inscription"]
    public += [f"/c/{token}" for token in facts["candidate_tokens"][:5]]
    for n in range(PAGE_REQUESTS):
        answer = visitor.get(server.url + public[n % len(public)])
        assert answer.status_code == 200, (public[n % len(public)], answer.status_code)
    employers = facts["employer_tokens"]
    phone = requests.Session()
    phone.headers["User-Agent"] = "Mozilla/5.0 (Linux; Android 14; Pixel 8) Mobile"
    for n in range(PAGE_REQUESTS):
        answer = phone.get(f"{server.url}/e/{employers[n % len(employers)]}/resultats")
        assert answer.status_code == 200, (n, answer.status_code)
    server.assert_healthy()

