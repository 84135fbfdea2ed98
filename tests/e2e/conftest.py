"""Browser tests: a live server on a free port and headless Debian Chromium (skipped without it, unless CI)."""
from __future__ import annotations

import datetime as dt
import os
import threading
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).parent / "artifacts"


@pytest.fixture
def live_server(tmp_path):
    """The application served by werkzeug in a thread, with its own SQLite database and an open event.

    Yields (app, base_url); CSRF protection stays on, as in production.
    """
    from werkzeug.serving import make_server

    from jobdating import create_app
    from jobdating.core.models import ContractType, Employer, Event, EventStatus, Offer
    from jobdating.extensions import db

    app = create_app({"TESTING": True, "SECRET_KEY": "e2e", "RATELIMIT_ENABLED": False,
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'e2e.sqlite3'}",
                      "MAIL_DIR": str(tmp_path / "mail"), "CV_DIR": str(tmp_path / "cv")})
    with app.app_context():
        db.create_all()
        event = Event(slug="jd-lens", name="Job dating de Lens", venue="Halle Bollaert, Lens",
                      description="Entretiens de 15 minutes planifiés à l'avance.", date=dt.date(2027, 3, 18),
                      start_time=dt.time(9), end_time=dt.time(17), breaks=[["12:30", "13:30"]], max_wishes=4,
                      status=EventStatus.OPEN, signup_closes=dt.datetime(2099, 1, 1))
        db.session.add(event)
        db.session.add(Employer(event=event, company="Santé Plus Artois", sector="Santé", email="rh@sante.fr",
                                contact_name="Claire Petit", description="Clinique de Lens.",
                                offers=[Offer(title="Aide-soignant·e", contract_type=ContractType.CDI)]))
        db.session.commit()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield app, f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless; a missing browser skips here but fails under CI=true."""
    if not os.path.exists(CHROMIUM):
        message = f"{CHROMIUM} is missing: install it with `apt-get install chromium`"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
