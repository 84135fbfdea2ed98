"""The attacks of the security issue, each written as a test: a production server refuses them."""
from __future__ import annotations

import datetime as dt
import logging
import os
import re
import time
from contextlib import contextmanager
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from itsdangerous import URLSafeTimedSerializer

from jobdating import create_app
from jobdating.core import tasks as jobs
from jobdating.core.accounts import AccountError, change_password, create_organizer
from jobdating.core.models import Event, EventStatus, Organizer
from jobdating.core.security import DEVELOPMENT_SECRET, UnsafeConfiguration, gunicorn_logger_class, mask
from jobdating.extensions import db

BASE = "https://jobdating.example.org"
PASSWORD = "un mot de passe solide"


def production(tmp_path: Path, **overrides) -> dict:
    """What a deployment following the README sets (no TESTING, no DEVELOPMENT)."""
    config = {"SECRET_KEY": "a-real-secret-of-sufficient-length", "PUBLIC_BASE_URL": BASE,
              "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
              "MAIL_DIR": str(tmp_path / "mail"), "CV_DIR": str(tmp_path / "cv"), "WTF_CSRF_ENABLED": False,
              "PASSWORD_METHOD": "pbkdf2:sha256:1000", "TICK_SECONDS": 0}
    config.update(overrides)
    return config


@contextmanager
def served(tmp_path: Path, **overrides):
    tmp_path.mkdir(exist_ok=True)
    app = create_app(production(tmp_path, **overrides))

    @app.teardown_request
    def forget_user(_error):
        """The test keeps an app context open, so requests share `g`: forget what a real request would not."""
        from flask import g

        g.pop("_login_user", None)

    with app.app_context():
        db.create_all()
        db.session.add(Event(slug="jd", name="JD", date=dt.date(2027, 3, 18), start_time=dt.time(9),
                             end_time=dt.time(12), status=EventStatus.OPEN))
        create_organizer("orga@exemple.fr", PASSWORD, admin=True)
        yield app
        db.session.remove()


def log_in(client, email: str = "orga@exemple.fr", password: str = PASSWORD, **kwargs):
    return client.post("/login", data={"email": email, "password": password}, **kwargs)


@pytest.mark.parametrize("missing", [{"SECRET_KEY": None}, {"SECRET_KEY": DEVELOPMENT_SECRET},
                                     {"PUBLIC_BASE_URL": None}, {"PUBLIC_BASE_URL": "jobdating.example.org"}])
def test_a_production_server_refuses_to_start_without_a_secret_and_its_public_address(tmp_path, missing):
    with pytest.raises(UnsafeConfiguration, match="Démarrage refusé"):
        create_app(production(tmp_path, **missing))


def test_a_cookie_signed_with_the_old_development_key_opens_nothing(tmp_path):
    with served(tmp_path) as app:
        forger = URLSafeTimedSerializer(DEVELOPMENT_SECRET, salt="cookie-session", signer_kwargs={
            "key_derivation": "hmac", "digest_method": __import__("hashlib").sha1})
        client = app.test_client()
        client.set_cookie("session", forger.dumps({"_user_id": "1:0", "_fresh": True}), domain="localhost")
        answer = client.get("/organisateur/")
        assert answer.status_code == 302 and "/login" in answer.headers["Location"]


def test_private_links_are_built_from_the_public_address_never_from_the_host_header(tmp_path):
    with served(tmp_path) as app:
        organizer = db.session.get(Organizer, 1)
        assert organizer is not None
        from jobdating.signup.registration import register_employer

        employer = register_employer(db.session.get(Event, 1), company="Artois", sector="BTP",
                                     contact_name="C", email="rh@artois.fr", phone="0321000000", tables=1,
                                     offers=[{"title": "Maçon·ne", "contract_type": "cdi"}], available=[],
                                     preferred=[], consent=True)
        jobs.wait_all(timeout=30)
        for path in Path(app.config["MAIL_DIR"]).glob("*.eml"):
            path.unlink()
        answer = app.test_client().post("/jd/lien-prive", data={"email": "rh@artois.fr"},
                                        headers={"Host": "evil.example"})
        assert answer.status_code == 302
        jobs.wait_all(timeout=30)
        [mail] = Path(app.config["MAIL_DIR"]).glob("*.eml")
        text = BytesParser(policy=policy.default).parsebytes(mail.read_bytes()).get_body(("plain",)).get_content()
        assert f"{BASE}/e/{employer.token}" in text and "evil.example" not in text


def test_behind_a_proxy_limits_key_on_the_real_client_and_ignore_forged_headers_without_one(tmp_path):
    with served(tmp_path, RATELIMIT_LOGIN_ADDRESS="2 per hour", TRUSTED_PROXIES=1) as app:
        client = app.test_client()
        for _ in range(2):
            log_in(client, password="wrong password!", headers={"X-Forwarded-For": "203.0.113.7"})
        assert log_in(client, password="wrong password!",
                      headers={"X-Forwarded-For": "203.0.113.7"}).status_code == 429
        # Another visitor behind the same proxy has a bucket of their own.
        assert log_in(client, headers={"X-Forwarded-For": "198.51.100.9"}).status_code == 302
    with served(tmp_path / "direct", RATELIMIT_LOGIN_ADDRESS="2 per hour") as app:
        client = app.test_client()
        for n in range(2):
            log_in(client, password="wrong password!", headers={"X-Forwarded-For": f"203.0.113.{n}"})
        # Without TRUSTED_PROXIES the header is not believed: same socket address, same bucket.
        assert log_in(client, headers={"X-Forwarded-For": "198.51.100.9"}).status_code == 429


def test_an_attacker_guessing_passwords_elsewhere_does_not_lock_the_owner_out(tmp_path):
    with served(tmp_path, RATELIMIT_LOGIN_ACCOUNT="5 per hour", TRUSTED_PROXIES=1) as app:
        attacker, owner = app.test_client(), app.test_client()
        codes = [log_in(attacker, password=f"guess number {n}", headers={"X-Forwarded-For": "203.0.113.66"}
                        ).status_code for n in range(7)]
        assert codes[-1] == 429
        assert log_in(owner, headers={"X-Forwarded-For": "192.0.2.10"}).status_code == 302


def test_logging_out_ends_the_session_even_for_a_copied_cookie(tmp_path):
    with served(tmp_path) as app:
        client = app.test_client()
        assert log_in(client).status_code == 302
        copied = client.get_cookie("session").value
        assert client.get("/organisateur/").status_code == 200
        client.post("/logout")
        thief = app.test_client()
        thief.set_cookie("session", copied, domain="localhost")
        assert thief.get("/organisateur/").status_code == 302


def test_a_new_password_ends_every_other_session(tmp_path):
    with served(tmp_path) as app:
        client = app.test_client()
        log_in(client)
        change_password(db.session.get(Organizer, 1), "une autre phrase secrète")
        assert client.get("/organisateur/").status_code == 302


def test_organizer_sessions_end_after_the_idle_time_and_cookies_are_secure(tmp_path):
    with served(tmp_path) as app:
        app.permanent_session_lifetime = dt.timedelta(seconds=1)
        client = app.test_client()
        answer = log_in(client)
        assert "Secure" in answer.headers["Set-Cookie"] and "HttpOnly" in answer.headers["Set-Cookie"]
        assert client.get("/organisateur/").status_code == 200
        time.sleep(2.1)
        assert client.get("/organisateur/").status_code == 302


def test_every_page_sends_the_security_headers_and_private_pages_are_not_cached(tmp_path):
    with served(tmp_path) as app:
        client = app.test_client()
        public = client.get("/jd")
        assert "frame-ancestors 'none'" in public.headers["Content-Security-Policy"]
        assert "script-src 'self'" in public.headers["Content-Security-Policy"]
        assert "unsafe-inline" not in public.headers["Content-Security-Policy"]
        assert public.headers["X-Frame-Options"] == "DENY" and public.headers["X-Content-Type-Options"] == "nosniff"
        assert public.headers["Referrer-Policy"] == "same-origin"
        assert public.headers["Strict-Transport-Security"].startswith("max-age=")
        token_page = client.get("/c/" + "x" * 32)  # a 404 of a token route is still a token route
        assert token_page.headers["Referrer-Policy"] == "no-referrer"
        assert "no-store" in token_page.headers["Cache-Control"]
        log_in(client)
        assert "no-store" in client.get("/organisateur/").headers["Cache-Control"]


def test_no_page_carries_an_inline_script_or_event_handler():
    root = Path(__file__).resolve().parents[2] / "jobdating"
    for template in root.rglob("templates/**/*.html"):
        if "mail" in template.parts:
            continue
        text = template.read_text()
        assert not re.search(r"<script(?![^>]*\bsrc=)", text), template
        assert not re.search(r"\son[a-z]+=\"", text), template


def test_tokens_and_addresses_are_masked_in_logs():
    line = 'GET /c/AbCdEfGhIjKlMnOpQrStUvWxYz012345/planning.pdf for ines.haddad@exemple.fr'
    masked = mask(line)
    assert "AbCdEfGh" not in masked and "/c/AbCd…" in masked and "ines.haddad@" not in masked
    assert "i…@exemple.fr" in masked


def test_gunicorn_access_log_masks_tokens(capsys):
    from gunicorn.config import Config

    config = Config()
    config.set("accesslog", "-")
    logger = gunicorn_logger_class()(config)

    class Request:
        method, path, uri, query, version, headers = "GET", "/e/SecretTokenOfTheEmployer42/resultats", \
            "/e/SecretTokenOfTheEmployer42/resultats", "", (1, 1), []

    class Response:
        status, status_code, sent, headers = "200 OK", 200, 10, []

    environ = {"PATH_INFO": Request.path, "RAW_URI": Request.uri, "REMOTE_ADDR": "127.0.0.1",
               "QUERY_STRING": "", "SERVER_PROTOCOL": "HTTP/1.1", "REQUEST_METHOD": "GET"}
    logger.access(Response(), Request(), environ, dt.timedelta(seconds=0.01))
    for handler in logger.access_log.handlers:
        handler.flush()
    output = capsys.readouterr().out
    assert "/e/Secr…" in output and "SecretTokenOfTheEmployer42" not in output


def test_a_form_expired_on_a_public_page_is_a_clear_400_not_a_500(tmp_path):
    with served(tmp_path, WTF_CSRF_ENABLED=True) as app:
        answer = app.test_client().post("/jd/lien-prive", data={"email": "x@exemple.fr"})
        assert answer.status_code == 400 and "<main" in answer.text


def test_an_event_name_with_a_line_break_does_not_break_its_emails(tmp_path):
    from jobdating.core.outbox import deliver_due, queue_mail

    with served(tmp_path):
        queue_mail("ines@exemple.fr", "Votre plan — Job\r\nBcc: victime@exemple.fr dating", "texte")
        jobs.wait_all(timeout=30)
        deliver_due()
        [path] = (tmp_path / "mail").glob("*.eml")
        message = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
        assert message["Subject"] == "Votre plan — Job Bcc: victime@exemple.fr dating" and message["Bcc"] is None


def test_a_stored_cv_is_readable_by_the_server_only(tmp_path):
    from jobdating.signup.cv import cv_path, store_cv

    with served(tmp_path):
        import io
        stored, _name = store_cv(io.BytesIO(b"%PDF-1.4 test"), "cv.pdf")
        path = cv_path(stored)
        assert path is not None and (os.stat(path).st_mode & 0o777) == 0o600
        assert (os.stat(path.parent).st_mode & 0o077) == 0


@pytest.mark.parametrize("password", ["court", "123456789012", "azertyuiop123", "aaaaaaaaaaaaaaa",
                                      "orga-orga-orga-1"])
def test_weak_passwords_are_refused(app, password):
    with pytest.raises(AccountError):
        create_organizer("orga@exemple.fr", password, admin=True)


def test_a_mail_failure_logs_no_address(app, caplog, create_event, create_employer, monkeypatch):
    from jobdating.core import mail, outbox

    def broken(*_args, **_kwargs):
        raise PermissionError("disk full")

    monkeypatch.setattr(outbox.Transport, "send", broken)
    employer = create_employer(create_event(), email="claire.petit@exemple.fr")
    with caplog.at_level(logging.WARNING):
        mail.send_private_link(employer)
        jobs.wait_all(timeout=30)
    assert "claire.petit@exemple.fr" not in caplog.text and "c…@exemple.fr" in caplog.text


def test_a_session_from_before_the_upgrade_survives_it_until_the_next_logout(tmp_path):
    with served(tmp_path) as app:
        signer = URLSafeTimedSerializer(app.config["SECRET_KEY"], salt="cookie-session", signer_kwargs={
            "key_derivation": "hmac", "digest_method": __import__("hashlib").sha1})
        old = signer.dumps({"_user_id": "1", "_fresh": True})
        client = app.test_client()
        client.set_cookie("session", old, domain="localhost")
        assert client.get("/organisateur/").status_code == 200
        client.post("/logout")
        again = app.test_client()
        again.set_cookie("session", old, domain="localhost")
        assert again.get("/organisateur/").status_code == 302
