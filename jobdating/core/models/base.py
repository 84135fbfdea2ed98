"""Column helpers shared by the models: tokens, time windows, timestamps."""
from __future__ import annotations

import datetime as dt
import secrets
from enum import StrEnum

from sqlalchemy import Enum as SAEnum


def new_token() -> str:
    """A private access token: 192 random bits, URL-safe, never derived from an id."""
    return secrets.token_urlsafe(24)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def enum_column(enum_cls: type[StrEnum], name: str) -> SAEnum:
    """A portable enum: a VARCHAR with a CHECK constraint, same on SQLite and PostgreSQL."""
    return SAEnum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=20,
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
    )
