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

    # Development (make run) gets a throw-away secret and plain-HTTP cookies; any other start refuses to run
    # without SECRET_KEY and PUBLIC_BASE_URL (core/security.py).
    DEVELOPMENT = _env_bool("JOBDATING_DEVELOPMENT", False)
    SECRET_KEY = os.environ.get("SECRET_KEY")
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
    # The candidate sign-up form reads bodies up to this size (the file goes to a temporary file), so that a CV
    # over CV_MAX_BYTES comes back as an error on the form, with everything typed kept, even without JavaScript.
    SIGNUP_MAX_CONTENT_LENGTH = int(os.environ.get("SIGNUP_MAX_CONTENT_LENGTH", 30 * 1024 * 1024))
    # The candidate sign-up form, the same for every anonymous visitor, is rendered at most once every this
    # many seconds per process and event (signup/pagecache.py); 0 renders it for every request.
    PUBLIC_PAGE_CACHE_SECONDS = int(os.environ.get("PUBLIC_PAGE_CACHE_SECONDS", 10))
    # An imported list (CSV or .xlsx) is at most this big and has at most this many rows.
    IMPORT_MAX_BYTES = int(os.environ.get("IMPORT_MAX_BYTES", 2 * 1024 * 1024))
    IMPORT_MAX_ROWS = int(os.environ.get("IMPORT_MAX_ROWS", 2000))
    # Personal data is erased this many months after the event's day (flask --app jobdating purge, daily).
    DATA_RETENTION_MONTHS = int(os.environ.get("DATA_RETENTION_MONTHS", 6))
    # The data controller named by the privacy notice (/confidentialite), the forms and the emails.
    PRIVACY_CONTROLLER = os.environ.get("PRIVACY_CONTROLLER", "L'organisateur du job dating")
    PRIVACY_ADDRESS = os.environ.get("PRIVACY_ADDRESS", "")
    PRIVACY_CONTACT_EMAIL = os.environ.get("PRIVACY_CONTACT_EMAIL", "")
    PRIVACY_DPO_EMAIL = os.environ.get("PRIVACY_DPO_EMAIL", "")
    # Candidates are asked to arrive this many minutes before their first interview: their page and printed plan.
    ARRIVE_MINUTES_BEFORE = int(os.environ.get("ARRIVE_MINUTES_BEFORE", 15))
    # Mail: in development and tests, mails are written to instance/mail/ as .eml files.
    MAIL_SERVER = os.environ.get("MAIL_SERVER", "localhost")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", 25))
    MAIL_USE_TLS = _env_bool("MAIL_USE_TLS", False)
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD")
    MAIL_DEFAULT_SENDER = os.environ.get("MAIL_DEFAULT_SENDER", "Job dating <noreply@jobdating.local>")
    MAIL_USE_SSL = _env_bool("MAIL_USE_SSL", False)
    MAIL_TO_FILES = _env_bool("MAIL_TO_FILES", True)
    # The outbox: seconds to wait for the mail server, tries per mail (the delay doubles from
    # MAIL_RETRY_SECONDS), and how long a worker holds a mail before another one may take it over.
    MAIL_TIMEOUT = float(os.environ.get("MAIL_TIMEOUT", 10))
    MAIL_MAX_ATTEMPTS = int(os.environ.get("MAIL_MAX_ATTEMPTS", 6))
    MAIL_RETRY_SECONDS = int(os.environ.get("MAIL_RETRY_SECONDS", 60))
    MAIL_CLAIM_SECONDS = int(os.environ.get("MAIL_CLAIM_SECONDS", 120))
    # A delivery waits this long after the commit that asked for it, so that the mails of a burst of sign-ups
    # leave as one batch (core/outbox.py).
    MAIL_GATHER_SECONDS = float(os.environ.get("MAIL_GATHER_SECONDS", 0.25))
    # Periodic work (mail retries, runs whose worker died…) ticks this often; 0 turns off the in-process ticker
    # of web processes without Redis (then run `flask --app jobdating tick` from cron).
    TICK_SECONDS = int(os.environ.get("TICK_SECONDS", 30))
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    # Always stated: the limiter is one object, and an app that leaves this out inherits the previous one's.
    RATELIMIT_ENABLED = _env_bool("RATELIMIT_ENABLED", True)
    # Successful sign-ups per address: a job centre may sign up a whole group from one room.
    RATELIMIT_SIGNUP = os.environ.get("RATELIMIT_SIGNUP", "100 per hour")
    # Failed logins: per account and address (an attacker elsewhere cannot lock the owner out), per address.
    RATELIMIT_LOGIN_ACCOUNT = os.environ.get("RATELIMIT_LOGIN_ACCOUNT", "10 per 15 minutes")
    RATELIMIT_LOGIN_ADDRESS = os.environ.get("RATELIMIT_LOGIN_ADDRESS", "50 per 15 minutes")
    # "Resend my private link" per email address: no mail bombing of one person.
    RATELIMIT_RESEND_EMAIL = os.environ.get("RATELIMIT_RESEND_EMAIL", "5 per hour")
    REDIS_URL = os.environ.get("REDIS_URL")
    RQ_QUEUE = os.environ.get("RQ_QUEUE", "jobdating-solves")
    SOLVER_TIME_LIMIT = float(os.environ.get("SOLVER_TIME_LIMIT", 10))
    REPLAN_TIME_LIMIT = float(os.environ.get("REPLAN_TIME_LIMIT", 15))
    # A running solve whose worker has not written a heartbeat for this long is marked failed.
    RUN_HEARTBEAT_TIMEOUT = float(os.environ.get("RUN_HEARTBEAT_TIMEOUT", 30))
    PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL")
    # Reverse proxies in front of the app (nginx: 1); their X-Forwarded-For and -Proto are trusted.
    TRUSTED_PROXIES = int(os.environ.get("TRUSTED_PROXIES", 0))
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = _env_bool("SESSION_COOKIE_SECURE", True)
    # An organizer session ends after this many minutes without a request.
    ORGANIZER_IDLE_MINUTES = int(os.environ.get("ORGANIZER_IDLE_MINUTES", 240))


def sqlite_uri(instance_path: str) -> str:
    return "sqlite:///" + str(Path(instance_path) / "jobdating.sqlite3")
