"""Erasing a person's traces: the emails to or about them, and their name, email and phone in whatever the
event still keeps (the audit list, the solve runs' stored input and output, the published plan, other emails'
text). Deleting the person's own rows and CV is the sign-up feature's (signup.withdrawal)."""
from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Enum, Text, cast, func, or_, select, update
from sqlalchemy.sql.sqltypes import String

from jobdating.core.models import Candidate, Employer, OutboxMail
from jobdating.core.transport import mail_file
from jobdating.extensions import db

ERASED = "[effacé]"


def traces(person: Candidate | Employer) -> list[str]:
    """What names a person in free text: full name, email, phone (and an employer's contacts and recruiters)."""
    if isinstance(person, Candidate):
        found = [person.full_name, person.email, person.phone]
    else:
        found = [person.company, person.contact_name, person.email, person.phone]
        for recruiter in person.recruiters:
            found += [recruiter.name, recruiter.email]
    # Very short values (a first name alone, "06") would erase other people's words: 5 characters at least.
    return sorted({t.strip() for t in found if t and len(t.strip()) >= 5}, key=len, reverse=True)


def scrub_event(event_id: int, words: list[str]) -> int:
    """Replace each of `words` by [effacé] in every text and JSON column of every table of the event (rows
    with this event_id); returns how many cells changed."""
    changed = 0
    postgres = db.engine.dialect.name == "postgresql"  # SQLite keeps JSON as text: no casts there
    for table in db.metadata.sorted_tables:
        if "event_id" not in table.c:
            continue
        for column in table.c:
            if not isinstance(column.type, (String, Text, JSON)) or isinstance(column.type, Enum) \
                    or column.name in ("token", "badge_token"):
                continue
            json_column = isinstance(column.type, JSON)
            as_text = cast(column, Text) if json_column else column
            for word in words:
                for form in {word, _json_escaped(word)}:
                    new = func.replace(as_text if postgres else column, form, ERASED)
                    result = db.session.execute(
                        update(table).where(table.c.event_id == event_id, as_text.contains(form, autoescape=True))
                        .values({column.name: cast(new, column.type) if json_column and postgres else new}))
                    changed += getattr(result, "rowcount", 0) or 0
    changed += _scrub_mail_files(event_id, words)
    return changed


def _json_escaped(word: str) -> str:
    """How JSON stores a string written with ensure_ascii (the default): accents as \\u00e9."""
    import json

    return json.dumps(word)[1:-1]


def forget_mails(event_id: int | None, person_key: str | None, addresses: list[str]) -> int:
    """Delete the outbox rows to these addresses or about this person, and their .eml copies (development)."""
    conditions: list[Any] = [OutboxMail.recipient.in_(addresses)] if addresses else []
    if person_key:
        conditions.append((OutboxMail.person_key == person_key) & (OutboxMail.event_id == event_id))
    if not conditions:
        return 0
    mails = list(db.session.scalars(select(OutboxMail).where(or_(*conditions))))
    for mail in mails:
        remove_mail_file(mail)
        db.session.delete(mail)
    return len(mails)


def remove_mail_file(mail: OutboxMail) -> None:
    """The .eml copy written in development and tests (MAIL_TO_FILES), if any."""
    if mail.created_at is not None:
        mail_file(mail).unlink(missing_ok=True)


def _scrub_mail_files(event_id: int, words: list[str]) -> int:
    """The .eml copies (development) of the event's other mails that name the person are deleted."""
    removed = 0
    for mail in db.session.scalars(select(OutboxMail).where(OutboxMail.event_id == event_id)):
        path = mail_file(mail)
        if path.is_file() and any(word.encode("utf-8") in path.read_bytes() for word in words):
            path.unlink()
            removed += 1
    return removed
