"""Sending email (Flask-Mail), or writing .eml files in development and tests; the private-link emails."""
from __future__ import annotations

import logging
import secrets
from collections.abc import Iterable
from pathlib import Path

from flask import current_app, has_request_context, render_template, url_for
from flask_babel import force_locale, get_locale
from flask_babel import gettext as _
from flask_mail import Message

from jobdating.core.models import Candidate, Employer
from jobdating.core.people import is_real_email
from jobdating.core.security import mask
from jobdating.core.times import utcnow
from jobdating.extensions import mail

log = logging.getLogger(__name__)

# An attachment is (filename, content type, bytes), e.g. ("plan.ics", "text/calendar", data).
Attachment = tuple[str, str, bytes]


def send_mail(to: str | Iterable[str], subject: str, text: str, html: str | None = None,
              attachments: Iterable[Attachment] = ()) -> Path | None:
    """Send one email with a plain-text part (and an HTML part if given).

    With MAIL_TO_FILES (development and tests) nothing is sent: the message is written as a .eml file into
    MAIL_DIR and its path is returned.
    """
    addresses = [to] if isinstance(to, str) else list(to)
    # Walk-ins' placeholder addresses receive nothing.
    recipients: list[str | tuple[str, str]] = [r for r in addresses if is_real_email(r)]
    if not recipients:
        return None
    # A line break in a header (an event name typed with one) would make every SMTP send of the event fail.
    subject = " ".join(subject.split())
    message = Message(subject=subject, recipients=recipients, body=text, html=html,
                      sender=current_app.config.get("MAIL_DEFAULT_SENDER"))
    for filename, content_type, data in attachments:
        message.attach(filename=filename, content_type=content_type, data=data)
    if current_app.config.get("MAIL_TO_FILES", True):
        folder = Path(current_app.config["MAIL_DIR"])
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{utcnow():%Y%m%d-%H%M%S-%f}-{secrets.token_hex(3)}.eml"
        path.write_bytes(message.as_bytes())
        return path
    mail.send(message)
    return None


def private_url(endpoint: str, token: str) -> str:
    """The absolute address of a private page; PUBLIC_BASE_URL wins, so that it works outside requests."""
    base = current_app.config.get("PUBLIC_BASE_URL")
    if base:
        adapter = current_app.url_map.bind("localhost")
        return base.rstrip("/") + adapter.build(endpoint, {"token": token})
    if has_request_context() or current_app.config.get("SERVER_NAME"):
        return url_for(endpoint, token=token, _external=True)
    return "http://localhost" + current_app.url_map.bind("localhost").build(endpoint, {"token": token})


def send_private_link(person: Candidate | Employer, *, reminder: bool = False) -> Path | None:
    """Email a candidate or an employer the link to their private page (after sign-up, or on request)."""
    is_candidate = isinstance(person, Candidate)
    link = private_url("candidate.home" if is_candidate else "employer.home", person.token)
    locale = str(get_locale()) if has_request_context() else current_app.config["BABEL_DEFAULT_LOCALE"]
    with force_locale(locale):
        context = dict(person=person, event=person.event, link=link, reminder=reminder, locale=locale,
                       is_candidate=is_candidate)
        name = "mail/private_link"
        subject = (_("Votre lien privé — %(event)s", event=person.event.name) if reminder
                   else _("Inscription enregistrée — %(event)s", event=person.event.name))
        text = render_template(f"{name}.txt", **context)
        html = render_template(f"{name}.html", **context)
    try:
        return send_mail(person.email, subject, text, html)
    except Exception:  # a mail server that is down must not lose a sign-up
        log.exception("could not send the private link to %s", mask(person.email))
        return None
