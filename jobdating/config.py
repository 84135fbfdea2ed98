"""Default configuration, overridden by instance/config.py and environment variables."""
from __future__ import annotations

import os
from pathlib import Path


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


class DefaultConfig:
    """Settings every deployment starts from; see README for the environment variables."""

    SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-change-me")
    SQLALCHEMY_DATABASE_URI: str | None = os.environ.get("DATABASE_URL")
    SQLALCHEMY_ENGINE_OPTIONS: dict = {"pool_pre_ping": True}
    BABEL_DEFAULT_LOCALE = "fr"
    BABEL_SUPPORTED_LOCALES = ("fr", "en")
    # The zone of the event days: wall-clock hours, sign-up opening and closing, times shown and mailed.
    TIMEZONE = os.environ.get("TIMEZONE", "Europe/Paris")
    BABEL_DEFAULT_TIMEZONE = TIMEZONE
    BABEL_TRANSLATION_DIRECTORIES = str(Path(__file__).resolve().parent / "translations")
    # Upload and request limits: a CV is at most 5 MB, a request a little more.
    CV_MAX_BYTES = int(os.environ.get("CV_MAX_BYTES", 5 * 1024 * 1024))
    MAX_CONTENT_LENGTH = int(os.environ.get("MAX_CONTENT_LENGTH", 6 * 1024 * 1024))
    DATA_RETENTION_MONTHS = int(os.environ.get("DATA_RETENTION_MONTHS", 6))
    # Mail: in development and tests, mails are written to instance/mail/ as .eml files.
    MAIL_SERVER = os.environ.get("MAIL_SERVER", "localhost")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", 25))
    MAIL_USE_TLS = _env_bool("MAIL_USE_TLS", False)
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD")
    MAIL_DEFAULT_SENDER = os.environ.get("MAIL_DEFAULT_SENDER", "Job dating <noreply@jobdating.local>")
    MAIL_TO_FILES = _env_bool("MAIL_TO_FILES", True)
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_SIGNUP = os.environ.get("RATELIMIT_SIGNUP", "20 per hour")
    REDIS_URL = os.environ.get("REDIS_URL")
    RQ_QUEUE = os.environ.get("RQ_QUEUE", "jobdating-solves")
    SOLVER_TIME_LIMIT = float(os.environ.get("SOLVER_TIME_LIMIT", 10))
    REPLAN_TIME_LIMIT = float(os.environ.get("REPLAN_TIME_LIMIT", 15))
    PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL")
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"


def sqlite_uri(instance_path: str) -> str:
    return "sqlite:///" + str(Path(instance_path) / "jobdating.sqlite3")
