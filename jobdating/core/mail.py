"""Links in emails, and the private-link email (queued in the outbox like every email: core.outbox)."""
from __future__ import annotations

from typing import Any

from flask import current_app, has_request_context, render_template, url_for
from flask_babel import force_locale, get_locale
from flask_babel import gettext as _

from jobdating.core import outbox
from jobdating.core.models import Candidate, Employer, OutboxMail


def absolute_url(endpoint: str, **values: Any) -> str:
    """The absolute address of a page; PUBLIC_BASE_URL wins, so that it works outside requests."""
    base = current_app.config.get("PUBLIC_BASE_URL")
    if base:
        adapter = current_app.url_map.bind("localhost")
        return base.rstrip("/") + adapter.build(endpoint, values)
    if has_request_context() or current_app.config.get("SERVER_NAME"):
        return url_for(endpoint, _external=True, **values)
    return "http://localhost" + current_app.url_map.bind("localhost").build(endpoint, values)


def private_url(endpoint: str, token: str) -> str:
    """The absolute address of a private page (its token in the path)."""
    return absolute_url(endpoint, token=token)


def notice_url() -> str:
    """The privacy notice, named in every email's footer."""
    return absolute_url("privacy.notice")


def send_private_link(person: Candidate | Employer, *, reminder: bool = False,
                      commit: bool = True) -> OutboxMail | None:
    """Email a candidate or an employer the link to their private page (after sign-up, or on request): the
    mail is queued and committed (commit=False: with the caller's transaction, e.g. the sign-up itself), and
    leaves in the background; a mail server that is down loses nothing."""
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
    return outbox.queue_mail(person.email, subject, text, html, event_id=person.event_id, commit=commit)
