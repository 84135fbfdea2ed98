"""Small helpers for the sign-up tests: form payloads, a tiny PDF, reading the written emails."""
from __future__ import annotations

import email
import io
import re
from email import policy
from pathlib import Path

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def candidate_form(employer_keys: list[str], **overrides) -> dict:
    data = {
        "first_name": "Inès", "last_name": "Haddad", "email": "ines.haddad@exemple.fr", "phone": "06 12 34 56 78",
        "postcode": "62300", "town": "Lens", "situation": "job_seeker", "education_level": "bac2",
        "wanted_contracts": ["cdi", "alternance"], "availability-kind": "day", "accessibility_needs": "",
        "consent": "y",
    }
    for index, key in enumerate(employer_keys):
        data[f"wishes-{index}"] = key
    data.update(overrides)
    return data


def with_cv(data: dict, content: bytes = PDF, name: str = "cv-ines.pdf") -> dict:
    return {**data, "cv": (io.BytesIO(content), name)}


def employer_form(**overrides) -> dict:
    data = {
        "company": "Fibres du Nord", "sector": "Numérique", "description": "Réseaux fibre optique.",
        "contact_name": "Claire Petit", "email": "rh@fibres-du-nord.fr", "phone": "03 21 00 00 00", "tables": "2",
        "presence-kind": "day", "preferred-kind": "day", "max_interviews": "", "max_consecutive": "6",
        "offers-0-title": "Technicien·ne fibre", "offers-0-contract_type": "cdi", "offers-0-tables": "1",
        "offers-1-title": "Alternant·e réseaux", "offers-1-contract_type": "alternance", "offers-1-tables": "",
        "consent": "y",
    }
    data.update(overrides)
    return data


def mails(app) -> list[email.message.EmailMessage]:
    """The emails sent so far (written as .eml files), once the background delivery has run."""
    from jobdating.core import tasks

    tasks.wait_all(timeout=30)
    folder = Path(app.config["MAIL_DIR"])
    files = sorted(folder.glob("*.eml")) if folder.exists() else []
    return [email.message_from_bytes(path.read_bytes(), policy=policy.default) for path in files]


def text_of(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def private_link(message) -> str:
    return re.search(r"https?://\S+/[ce]/[A-Za-z0-9_-]+", text_of(message)).group(0)


class Statements(list):
    """The SQL statements run inside `with recorded_statements() as statements:`."""


def recorded_statements():
    """A context manager recording the SQL statements this thread sends (to count a page's queries; the
    background delivery of mails runs in other threads)."""
    import threading
    from contextlib import contextmanager

    from sqlalchemy import event as sa_event

    from jobdating.extensions import db

    @contextmanager
    def recording():
        statements = Statements()

        me = threading.get_ident()

        def record(_conn, _cursor, statement, *_args):
            if threading.get_ident() == me:
                statements.append(statement)

        engine = db.engine
        sa_event.listen(engine, "before_cursor_execute", record)
        try:
            yield statements
        finally:
            sa_event.remove(engine, "before_cursor_execute", record)

    return recording()
