"""Email: written as .eml files in development and tests, always with a plain-text part; reusable by others."""
from __future__ import annotations

import os
from pathlib import Path

from signup_helpers import mails, private_link, text_of

from jobdating.core.mail import private_url, send_private_link
from jobdating.core.outbox import queue_mail


def test_a_queued_mail_is_written_as_an_eml_file_with_text_html_and_attachments(app):
    queue_mail("ines@exemple.fr", "Votre planning", "Bonjour Inès", html="<p>Bonjour Inès</p>",
               attachments=[("planning.ics", "text/calendar", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")])
    [message] = mails(app)
    [path] = Path(app.config["MAIL_DIR"]).glob("*.eml")
    assert message["To"] == "ines@exemple.fr" and message["Subject"] == "Votre planning"
    assert text_of(message).strip() == "Bonjour Inès"
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "planning.ics" and "VCALENDAR" in attachment.get_content()


def test_nothing_is_sent_for_real_while_mail_goes_to_files(app, monkeypatch):
    import smtplib

    monkeypatch.setattr(smtplib, "SMTP", lambda *a, **k: (_ for _ in ()).throw(AssertionError("sent")))
    queue_mail("a@exemple.fr", "Sujet", "Texte")
    queue_mail("b@exemple.fr", "Sujet", "Texte")
    assert sorted(m["To"] for m in mails(app)) == ["a@exemple.fr", "b@exemple.fr"]


def test_private_link_emails_work_outside_a_request_for_the_back_office(app, create_event, create_employer):
    employer = create_employer(create_event(), company="Fibres du Nord")
    send_private_link(employer, reminder=True)
    [message] = mails(app)
    assert "Voici à nouveau le lien privé" in text_of(message)
    assert private_link(message) == private_url("employer.home", employer.token)


def test_the_public_base_url_wins_for_links_in_emails(app):
    app.config["PUBLIC_BASE_URL"] = "https://jobdating.exemple.fr/"
    assert private_url("candidate.home", "abc") == "https://jobdating.exemple.fr/c/abc"


def test_addresses_under_the_reserved_invalid_domain_get_no_mail(app):
    assert queue_mail("sur-place-12@sur-place.invalid", "Sujet", "Texte") is None
    mails(app)
    assert not os.path.exists(app.config["MAIL_DIR"]) or os.listdir(app.config["MAIL_DIR"]) == []


def test_translations_work_outside_a_request(app):
    from flask_babel import gettext

    assert gettext("Accueil") == "Accueil"
