"""Safe on the internet: refuse unsafe settings, trust proxies only as configured, send security headers,
keep private tokens and addresses out of the logs."""
from __future__ import annotations

import logging
import re
from typing import Any
from urllib.parse import urlsplit

from flask import Flask, Response, request
from werkzeug.middleware.proxy_fix import ProxyFix

from jobdating.core.access import ORGANIZER, TOKEN, route_access

DEVELOPMENT_SECRET = "dev-only-change-me"
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# /c/<token>, /e/<token>, /b/<token> and anything after them: the token is a bearer credential.
TOKEN_IN_PATH = re.compile(r"(/[ceb]/)[A-Za-z0-9_-]{8,}")
EMAIL = re.compile(r"([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+)")


class UnsafeConfiguration(RuntimeError):
    """The server would start with settings that expose it; the message says what to set."""


def is_development(app: Flask) -> bool:
    return bool(app.debug or app.testing or app.config.get("DEVELOPMENT"))


def check_settings(app: Flask) -> None:
    """Development gets convenient defaults; anything else must set a real secret and its public address."""
    if is_development(app):
        app.config["SECRET_KEY"] = app.config.get("SECRET_KEY") or DEVELOPMENT_SECRET
        app.config["SESSION_COOKIE_SECURE"] = False
        return
    problems = []
    secret = app.config.get("SECRET_KEY") or ""
    if not secret or secret == DEVELOPMENT_SECRET or len(secret) < 16:
        problems.append("SECRET_KEY : une valeur secrète d'au moins 16 caractères, par exemple "
                        "$(python3 -c 'import secrets; print(secrets.token_hex(32))')")
    base = urlsplit(app.config.get("PUBLIC_BASE_URL") or "")
    if base.scheme not in ("http", "https") or not base.netloc:
        problems.append("PUBLIC_BASE_URL : l'adresse publique du site, par exemple https://jobdating.example.org "
                        "(les liens des e-mails, QR codes et PDF sont construits avec elle)")
    if problems:
        raise UnsafeConfiguration(
            "Démarrage refusé : réglages manquants pour un serveur en production.\n  - " + "\n  - ".join(problems)
            + "\nPour essayer le logiciel sur votre poste, utilisez `make run` (mode développement).")
    if str(app.config.get("RATELIMIT_STORAGE_URI", "")).startswith("memory://"):
        app.logger.warning("RATELIMIT_STORAGE_URI is memory://: each process counts sign-ups and logins on its own; "
                           "with several gunicorn workers or machines, set RATELIMIT_STORAGE_URI=redis://…")


def trust_proxies(app: Flask) -> None:
    """Behind TRUSTED_PROXIES reverse proxies, the client address and scheme come from X-Forwarded-*."""
    hops = int(app.config.get("TRUSTED_PROXIES") or 0)
    if hops > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)  # type: ignore[method-assign]


def add_security_headers(app: Flask) -> None:
    https = urlsplit(app.config.get("PUBLIC_BASE_URL") or "").scheme == "https"

    @app.after_request
    def headers(response: Response) -> Response:
        kind = route_access(request.endpoint) if request.endpoint else None
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        # A private token in the address must not travel to another site in the Referer header.
        response.headers["Referrer-Policy"] = "no-referrer" if kind == TOKEN else "same-origin"
        if kind in (TOKEN, ORGANIZER):
            response.headers["Cache-Control"] = "private, no-store"
        if https:
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        return response


def mask(text: str) -> str:
    """A log line without private tokens (kept: their first 4 characters) nor full email addresses."""
    text = TOKEN_IN_PATH.sub(lambda m: m.group(1) + m.group(0)[len(m.group(1)):][:4] + "…", text)
    return EMAIL.sub(lambda m: f"{m.group(1)}…@{m.group(2)}", text)


class MaskingFilter(logging.Filter):
    """Masks tokens and addresses in every record of the logger it is attached to."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = mask(record.getMessage())
        record.args = ()
        return True


def mask_logs(app: Flask) -> None:
    for logger in (app.logger, logging.getLogger("werkzeug")):
        if not any(isinstance(f, MaskingFilter) for f in logger.filters):
            logger.addFilter(MaskingFilter())


def gunicorn_logger_class() -> Any:
    """gunicorn's logger with tokens masked in the access log.

    Used with `gunicorn --logger-class jobdating.core.security.GunicornLogger`.
    """
    from gunicorn.glogging import Logger

    class GunicornLogger(Logger):
        def access(self, resp: Any, req: Any, environ: dict[str, Any], request_time: Any) -> None:
            environ = dict(environ, PATH_INFO=mask(environ.get("PATH_INFO", "")),
                           RAW_URI=mask(environ.get("RAW_URI", "")), QUERY_STRING="")
            req.path = mask(getattr(req, "path", "") or "")
            req.uri = mask(getattr(req, "uri", "") or "")
            req.query = ""
            super().access(resp, req, environ, request_time)

    return GunicornLogger


def __getattr__(name: str) -> Any:
    if name == "GunicornLogger":  # gunicorn imports the class by name; build it only then
        return gunicorn_logger_class()
    raise AttributeError(name)
