"""The job-dating Flask application: create_app() reads like a table of contents."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from flask import Flask, render_template, request
from sqlalchemy import event as sa_event
from sqlalchemy.engine import Engine

from .config import DefaultConfig, sqlite_uri

ROOT = Path(__file__).resolve().parent.parent

# CPython 3.11 can run the garbage collector in the middle of an attribute store; a weakref callback that sets
# an attribute on the same object (SQLAlchemy's identity map does) then frees that object's attribute values
# twice and the server dies with a segmentation fault. 3.12 runs the collector only between bytecodes
# (CPython gh-97922). See docs/operations.md.
MINIMUM_PYTHON = (3, 12)
if sys.version_info < MINIMUM_PYTHON:  # pragma: no cover - exercised by running on an old interpreter
    raise RuntimeError(
        f"jobdating needs Python {MINIMUM_PYTHON[0]}.{MINIMUM_PYTHON[1]} or newer (this is "
        f"{sys.version.split()[0]}): Python 3.11 crashes the server under load. See docs/operations.md."
    )


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    app = Flask(
        __name__,
        instance_relative_config=True,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
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

    register_extensions(app)
    register_blueprints(app)
    register_errorhandlers(app)
    register_commands(app)
    register_template_helpers(app)
    return app


def register_extensions(app: Flask) -> None:
    from . import models  # noqa: F401  (tables must be known to the metadata)
    from .extensions import babel, csrf, db, limiter, login_manager, mail, migrate

    db.init_app(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"))
    csrf.init_app(app)
    mail.init_app(app)
    limiter.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Connectez-vous pour accéder à cette page."
    login_manager.login_message_category = "info"

    @login_manager.user_loader
    def load_organizer(organizer_id: str):
        return db.session.get(models.Organizer, int(organizer_id))


def select_locale() -> str:
    from flask import current_app, has_request_context, session

    if not has_request_context():  # command line, background jobs: the deployment's default language
        return current_app.config.get("BABEL_DEFAULT_LOCALE", "fr")
    requested = request.args.get("lang")
    if requested in ("fr", "en"):
        session["lang"] = requested
    return session.get("lang") or "fr"


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
    from .views import auth, candidate, employer, frontdesk, main, organizer, printing, public

    app.register_blueprint(auth.bp)
    app.register_blueprint(main.bp)
    app.register_blueprint(printing.bp)
    app.register_blueprint(candidate.bp)
    app.register_blueprint(employer.bp)
    app.register_blueprint(organizer.bp)
    app.register_blueprint(frontdesk.bp)
    # Keep public last: its /<slug> catches every other one-segment address.
    app.register_blueprint(public.bp)


def register_errorhandlers(app: Flask) -> None:
    def render_error(error):
        code = getattr(error, "code", 500)
        max_mb = app.config["CV_MAX_BYTES"] // (1024 * 1024)
        return render_template("errors/error.html", code=code, cv_max_mb=max_mb), code

    for code in (400, 403, 404, 405, 413, 429, 500):
        app.errorhandler(code)(render_error)


def register_commands(app: Flask) -> None:
    from .cli import register

    register(app)


def register_template_helpers(app: Flask) -> None:
    from .models import hhmm

    app.jinja_env.filters["hhmm"] = hhmm
    app.jinja_env.globals["current_locale"] = lambda: select_locale()
