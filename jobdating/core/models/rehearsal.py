"""A rehearsal: the row that makes an event a training copy of another one, with its simulated clock and the
settings of its simulated arrivals."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import JSON, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column, relationship

from jobdating.core.models.base import UTCDateTime
from jobdating.core.times import utcnow
from jobdating.extensions import Model

if TYPE_CHECKING:
    from jobdating.core.models.events import Event

SPEEDS = (1, 5, 10, 20)


class Rehearsal(Model):
    """The clock runs from `simulated_at` at the real moment `running_since`, `speed` times faster than real
    time (core.times.event_now); paused, or not started yet, it stands at `simulated_at`."""

    __tablename__ = "rehearsal"

    # The copy (this row makes it a rehearsal), and the event it copies (None once that one is deleted: the copy
    # stays a rehearsal).
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), primary_key=True)
    original_id: Mapped[int | None] = mapped_column(ForeignKey("event.id", ondelete="SET NULL"), index=True)
    # The simulated moment the day starts from (and goes back to on a reset).
    origin: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    speed: Mapped[int] = mapped_column(default=10)
    # The real moment an organizer first clicked "Démarrer" (None: not started, or reset since).
    started_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    # The real moment the clock last started running (None while paused).
    running_since: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    simulated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    # Simulated arrivals: drawn from the seed (dayof.simulation), applied once each as the clock passes them.
    seed: Mapped[int] = mapped_column(default=1)
    no_show_percent: Mapped[int] = mapped_column(default=10)
    walk_ins: Mapped[int] = mapped_column(default=0)
    spread_minutes: Mapped[int] = mapped_column(default=20)
    # The keys ('C12', 'E3', 'W0') of the arrivals already applied, and a counter that lets one process at a
    # time apply the next ones (compare and set).
    applied: Mapped[list] = mapped_column(JSON, default=list)
    turn: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    event: Mapped[Event] = relationship(back_populates="rehearsal", foreign_keys=[event_id])
    original: Mapped[Event | None] = relationship(foreign_keys=[original_id])

    @property
    def running(self) -> bool:
        return self.running_since is not None
