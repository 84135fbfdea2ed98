"""The MIME message of an outbox mail (core/transport.py), as a mail server and a mail program read it."""
from __future__ import annotations

import datetime as dt
import email
from email import policy
from types import SimpleNamespace

from jobdating.core.outbox import Content
from jobdating.core.transport import message_bytes

SUBJECT = "Inscription enregistrée — Connec'Tic Day à Lens, salle Jean-Nohain, édition de printemps"
TEXT = "Bonjour Inès,\n\nVotre inscription est enregistrée : " + "très " * 40 + "bien.\n"


def _message(**content) -> tuple[bytes, email.message.EmailMessage]:
    row = SimpleNamespace(id=42, created_at=dt.datetime(2027, 3, 1, 9, 30), recipient="Inès Haddad <ines@exemple.fr>")
    data = message_bytes(row, Content(**{"subject": SUBJECT, "text": TEXT, **content}),
                         "Job dating de Lens <noreply@lens.example.org>")
    return data, email.message_from_bytes(data, policy=policy.default)


def test_a_mail_reads_back_as_written_with_accents_in_every_header_and_part():
    data, message = _message(html="<p>Bonjour Inès</p>", attachments=[("planning-été.ics", "text/calendar",
                                                                         b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")])
    assert message["Subject"] == SUBJECT and message["To"] == "Inès Haddad <ines@exemple.fr>"
    assert message["From"] == "Job dating de Lens <noreply@lens.example.org>"
    assert message["Message-ID"] == "<outbox-42-20270301093000@lens.example.org>"  # the same when sent again
    assert message.get_body(("plain",)).get_content().replace("\r\n", "\n") == TEXT
    assert message.get_body(("html",)).get_content().strip() == "<p>Bonjour Inès</p>"
    [attachment] = message.iter_attachments()
    assert attachment.get_filename() == "planning-été.ics" and attachment.get_content_type() == "text/calendar"
    assert attachment.get_content() == "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"


def test_a_mail_goes_over_smtp_as_seven_bit_lines_ending_in_crlf():
    """smtplib sends bytes unchanged: bare line feeds made a server answer "Line too long", and 8-bit bodies
    need a server that accepts them."""
    data, _message_ = _message(html="<p>" + "é" * 300 + "</p>")
    lines = data.split(b"\r\n")
    assert b"\n" not in b"".join(lines) and max(len(line) for line in lines) <= 78
    assert data.isascii()
