"""Column helpers shared by the models: tokens, time windows, timestamps."""
from __future__ import annotations

import datetime as dt
import secrets
from enum import StrEnum
from typing import Any

from sqlalchemy import DateTime, TypeDecorator
from sqlalchemy import Enum as SAEnum


def new_token() -> str:
    """A private access token: 192 random bits, URL-safe, never derived from an id."""
    return secrets.token_urlsafe(24)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A moment: stored as naive UTC (same on SQLite and PostgreSQL), read back as an aware UTC datetime.

    Refuses naive values, so that a wall-clock time can never be stored as if it were UTC.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("a naive datetime given for a UTC column: use core.times.utcnow() or to_utc()")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        return None if value is None else value.replace(tzinfo=dt.UTC)


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
