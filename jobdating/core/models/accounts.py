"""Organizer accounts and the audit list of their actions."""
from __future__ import annotations

import datetime as dt
from enum import StrEnum

from flask import current_app, has_app_context
from flask_login import UserMixin
from sqlalchemy import ForeignKey, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from jobdating.core.models.base import UTCDateTime, enum_column, new_token
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
    # A platform admin creates events and accounts and is the owner of every event.
    is_admin: Mapped[bool] = mapped_column(default=False, server_default=false())

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


class Role(StrEnum):
    """What a member may do in one event, from least to most."""

    FRONTDESK = "frontdesk"  # check-in, live board, walk-ins, absences, outcomes: no CVs, exports or settings
    ORGANIZER = "organizer"  # everything about the event but its team
    OWNER = "owner"          # the team too

    @property
    def rank(self) -> int:
        return ROLE_RANKS[self]


ROLE_RANKS = {Role.FRONTDESK: 1, Role.ORGANIZER: 2, Role.OWNER: 3}


class Membership(Model):
    """An organizer account's role in one event."""

    __tablename__ = "membership"
    __table_args__ = (UniqueConstraint("event_id", "organizer_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    organizer_id: Mapped[int] = mapped_column(ForeignKey("organizer.id", ondelete="CASCADE"), index=True)
    role: Mapped[Role] = mapped_column(enum_column(Role, "member_role"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    organizer: Mapped[Organizer] = relationship()


class Invitation(Model):
    """An owner's invitation to join an event's team, sent by email as a private link."""

    __tablename__ = "invitation"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    email: Mapped[str] = mapped_column(String(254))
    role: Mapped[Role] = mapped_column(enum_column(Role, "invitation_role"))
    token: Mapped[str] = mapped_column(String(64), unique=True, default=new_token)
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("organizer.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    accepted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
