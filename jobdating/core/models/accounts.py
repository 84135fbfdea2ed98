"""Organizer accounts and the audit list of their actions."""
from __future__ import annotations

import datetime as dt

from flask import current_app, has_app_context
from flask_login import UserMixin
from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column
from werkzeug.security import check_password_hash, generate_password_hash

from jobdating.core.models.base import UTCDateTime
from jobdating.core.times import utcnow
from jobdating.extensions import Model

# werkzeug's pbkdf2 with 600,000 iterations of SHA-256 (OWASP 2023 guidance).
PASSWORD_METHOD = "pbkdf2:sha256:600000"


class Organizer(UserMixin, Model):
    __tablename__ = "organizer"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(256))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Part of the session's user id: raising it (logout, new password) ends every session of the account.
    session_version: Mapped[int] = mapped_column(default=0, server_default="0")

    def get_id(self) -> str:
        return f"{self.id}:{self.session_version}"

    def end_sessions(self) -> None:
        """Every session of this account, on every device, stops working at its next request."""
        self.session_version = (self.session_version or 0) + 1

    def set_password(self, password: str) -> None:
        # Tests may lower the cost through PASSWORD_METHOD; deployments keep the default.
        method = current_app.config.get("PASSWORD_METHOD", PASSWORD_METHOD) if has_app_context() else PASSWORD_METHOD
        self.password_hash = generate_password_hash(password, method=method)
        if self.id is not None:
            self.end_sessions()

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)


class AuditEntry(Model):
    """Who did what, when: one row per organizer action."""

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    organizer_id: Mapped[int | None] = mapped_column(ForeignKey("organizer.id", ondelete="SET NULL"))
    event_id: Mapped[int | None] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    action: Mapped[str] = mapped_column(String(80))
    detail: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
