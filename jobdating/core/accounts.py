"""Organizer accounts and the audit list: creating, authenticating, recording actions."""
from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import func, select

from jobdating.core.models import AuditEntry, Organizer
from jobdating.extensions import db


class AccountError(ValueError):
    """A user-facing problem with an account, message in French."""


MIN_PASSWORD_LENGTH = 8


def create_organizer(email: str, password: str, name: str = "") -> Organizer:
    email = email.strip().lower()
    if "@" not in email:
        raise AccountError(_("Adresse e-mail invalide."))
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(_("Le mot de passe doit faire au moins %(n)d caractères.", n=MIN_PASSWORD_LENGTH))
    if find_organizer(email) is not None:
        raise AccountError(_("Un compte organisateur existe déjà pour %(email)s.", email=email))
    organizer = Organizer(email=email, name=name.strip())
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
