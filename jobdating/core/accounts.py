"""Organizer accounts and the audit list: creating, authenticating, recording actions."""
from __future__ import annotations

import functools
from pathlib import Path

from email_validator import EmailNotValidError, validate_email
from flask_babel import gettext as _
from sqlalchemy import func, select

from jobdating.core.models import AuditEntry, Organizer
from jobdating.extensions import db


class AccountError(ValueError):
    """A user-facing problem with an account, message in French."""


MIN_PASSWORD_LENGTH = 12


@functools.cache
def common_passwords() -> frozenset[str]:
    """The list shipped with the project (core/common_passwords.txt)."""
    text = (Path(__file__).parent / "common_passwords.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def check_password_strength(password: str, email: str = "") -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(_("Le mot de passe doit faire au moins %(n)d caractères.", n=MIN_PASSWORD_LENGTH))
    lowered = password.lower()
    if lowered in common_passwords() or len(set(lowered)) < 4 or (email and email.split("@")[0].lower() in lowered):
        raise AccountError(_("Ce mot de passe est trop courant ou trop facile à deviner : choisissez-en un autre "
                             "(une phrase de plusieurs mots, par exemple)."))


def normalize_email(email: str) -> str:
    """The address as the login form checks it (email-validator, no DNS lookup), in lower case."""
    try:
        return validate_email(email.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError as error:
        raise AccountError(_("Adresse e-mail invalide.")) from error


def create_organizer(email: str, password: str, name: str = "", *, admin: bool = False) -> Organizer:
    """A new organizer account; a platform `admin` creates events and is the owner of every event."""
    email = normalize_email(email)
    check_password_strength(password, email)
    if find_organizer(email) is not None:
        raise AccountError(_("Un compte organisateur existe déjà pour %(email)s.", email=email))
    organizer = Organizer(email=email, name=name.strip(), is_admin=admin)
    organizer.set_password(password)
    db.session.add(organizer)
    db.session.commit()
    return organizer


def find_organizer(email: str) -> Organizer | None:
    return db.session.scalar(select(Organizer).where(func.lower(Organizer.email) == email.strip().lower()))


def authenticate(email: str, password: str) -> Organizer | None:
    organizer = find_organizer(email)
    if organizer is None or not organizer.check_password(password):
        return None
    return organizer


def end_sessions(organizer: Organizer) -> None:
    """Log the account out everywhere (its other browsers and any copied cookie too)."""
    organizer.end_sessions()
    db.session.commit()


def change_password(organizer: Organizer, password: str) -> None:
    """A new password ends every session of the account."""
    check_password_strength(password)
    organizer.set_password(password)
    record("account.password", "Mot de passe changé", organizer=organizer, commit=False)
    db.session.commit()


def record(action: str, detail: str = "", *, organizer: Organizer | None = None,
           event_id: int | None = None, commit: bool = True) -> AuditEntry:
    entry = AuditEntry(
        organizer_id=organizer.id if organizer is not None else None,
        event_id=event_id, action=action, detail=detail,
    )
    db.session.add(entry)
    if commit:
        db.session.commit()
    return entry
