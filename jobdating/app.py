"""The Flask application: create_app() reads like a table of contents."""
from __future__ import annotations

import datetime as dt
import functools
import os
from pathlib import Path
from typing import Any

from flask import Flask, g, render_template, request
from flask_babel import get_locale
from sqlalchemy import event as sa_event
from sqlalchemy.engine import Engine

from jobdating.config import DefaultConfig, sqlite_uri

PACKAGE = Path(__file__).resolve().parent


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    app = Flask(
        "jobdating",
        instance_relative_config=True,
        template_folder="core/templates",
        static_folder="static",
    )
    app.config.from_object(DefaultConfig)
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
    else:
        app.config.from_mapping(test_config)
    os.makedirs(app.instance_path, exist_ok=True)
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        app.config["SQLALCHEMY_DATABASE_URI"] = sqlite_uri(app.instance_path)
    app.config.setdefault("MAIL_DIR", os.path.join(app.instance_path, "mail"))
    app.config.setdefault("CV_DIR", os.path.join(app.instance_path, "cv"))
    app.permanent_session_lifetime = dt.timedelta(minutes=app.config["ORGANIZER_IDLE_MINUTES"])

    register_security(app)
    register_extensions(app)
    register_blueprints(app)
    register_errorhandlers(app)
    register_commands(app)
    register_template_helpers(app)
    register_periodic_work(app)
    return app


def register_security(app: Flask) -> None:
    """Refuse unsafe settings, trust only the configured proxies, security headers, masked logs."""
    from jobdating.core import security

    security.check_settings(app)
    security.trust_proxies(app)
    security.add_security_headers(app)
    security.mask_logs(app)


def register_extensions(app: Flask) -> None:
    from jobdating.core import models
    from jobdating.extensions import babel, csrf, db, limiter, login_manager, migrate

    db.init_app(app)
    migrate.init_app(app, db, directory=str(PACKAGE / "migrations"))
    csrf.init_app(app)
    limiter.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    app.before_request(_share_wtforms_messages)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Connectez-vous pour accéder à cette page."
    login_manager.login_message_category = "info"

    @login_manager.user_loader
    def load_organizer(user_id: str) -> models.Organizer | None:
        """The session names the account and its session version: an ended session loads nobody."""
        organizer_id, separator, version = user_id.partition(":")
        if not separator:  # a session from before session versions: version 0, ended by the next logout
            version = "0"
        if not organizer_id.isdigit() or not version.isdigit():
            return None
        organizer = db.session.get(models.Organizer, int(organizer_id))
        if organizer is None or organizer.session_version != int(version):
            return None
        return organizer


def select_locale() -> str:
    from flask import current_app, has_request_context, session

    if not has_request_context():  # command line, background jobs: the deployment's default language
        return current_app.config.get("BABEL_DEFAULT_LOCALE", "fr")
    requested = request.args.get("lang")
    if requested in ("fr", "en"):
        session["lang"] = requested
    return session.get("lang") or "fr"


@functools.cache
def _wtforms_catalog(locale: str) -> Any:
    from babel import support
    from wtforms.i18n import messages_path

    return support.Translations.load(messages_path(), [locale], domain="wtforms")


class _WTFormsMessages:
    """WTForms' own messages ("Not a valid integer value", …) in the request's language, from catalogues read
    once per process: Flask-WTF looks for them on the request before parsing the catalogue again, which cost
    every request with a form a read and a parse of a .mo file."""

    def ugettext(self, string: str) -> str:
        return _wtforms_catalog(str(get_locale())).ugettext(string)

    def ungettext(self, singular: str, plural: str, n: int) -> str:
        return _wtforms_catalog(str(get_locale())).ungettext(singular, plural, n)


def _share_wtforms_messages() -> None:
    request.wtforms_translations = _WTFormsMessages()  # type: ignore[attr-defined]


@sa_event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, connection_record) -> None:
    """SQLite enforces foreign keys only when asked; WAL lets readers and the solver thread coexist."""
    import sqlite3

    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()


def register_blueprints(app: Flask) -> None:
    """Each feature registers its own blueprints (and their templates)."""
    from jobdating import accounts, dayof, planning, printing, privacy, signup

    accounts.register(app)
    privacy.register(app)
    printing.register(app)
    planning.register(app)
    dayof.register(app)
    # Sign-up last: the public event page /<slug> catches every other one-segment address.
    signup.register(app)


def register_errorhandlers(app: Flask) -> None:
    def render_error(error: Exception) -> tuple[str, int]:
        code = getattr(error, "code", 500)
        return render_template("errors/error.html", code=code), code

    for code in (400, 403, 404, 405, 413, 429, 500):
        app.errorhandler(code)(render_error)


def register_periodic_work(app: Flask) -> None:
    """Mail retries now; features register theirs. Web processes without Redis tick in a thread of their own
    from their first request (never in tests or command-line runs; RQ workers start theirs)."""
    from jobdating.core import outbox, periodic

    periodic.register("outbox", periodic.period(app), outbox.deliver_due)
    if not app.testing:
        app.before_request(lambda: periodic.start_ticker(app))


def register_commands(app: Flask) -> None:
    from jobdating.cli import register

    register(app)


def register_template_helpers(app: Flask) -> None:
    from jinja2 import pass_context

    from jobdating.core.formerrors import error_summary
    from jobdating.core.mail import notice_url
    from jobdating.core.notice import erase_on
    from jobdating.core.times import frozen_clock, hhmm, rehearsal_clock

    app.jinja_env.globals["notice_url"] = notice_url
    app.jinja_env.globals["erase_on"] = erase_on
    from jobdating.signup.feeds import webcal

    app.jinja_env.globals["webcal"] = webcal
    app.jinja_env.filters["hhmm"] = hhmm
    app.jinja_env.globals["error_summary"] = error_summary
    # The private token of the page being shown: a recruiter's pages link with their own token, never the employer's.
    app.jinja_env.globals["link_token"] = lambda: (request.view_args or {}).get("token", "")
    app.jinja_env.globals["cv_max_mb"] = app.config["CV_MAX_BYTES"] // (1024 * 1024)
    app.jinja_env.globals["current_locale"] = lambda: select_locale()
    app.jinja_env.globals["frozen_clock"] = frozen_clock
    # The simulated clock of the page's event (its `event`, else the one the URL named) when it is a rehearsal.
    app.jinja_env.globals["rehearsal_clock"] = pass_context(
        lambda context: rehearsal_clock(context.get("event") or g.get("event")))
