"""The day's slots as the settings page previews them: the list, the time lost, the capacity they give."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from jobdating.core.models import Event
from jobdating.core.times import from_minutes, minutes, minutes_of
from jobdating.planning.events import parse_windows


@dataclass(frozen=True)
class SlotPreview:
    slots: list[tuple[dt.time, dt.time]]  # (start, end) of each interview slot
    break_minutes: int  # the breaks' time inside the day
    idle_minutes: int  # time of the day in neither a slot nor a break (before a break, at the end)
    tables: int | None  # tables of the event's employers (None for an event not created yet)

    @property
    def capacity(self) -> int | None:
        """Interviews the day can hold at most: tables × slots (employers' own hours may lower it)."""
        return None if self.tables is None else self.tables * len(self.slots)


def preview(values: dict[str, Any], event: Event | None) -> SlotPreview:
    """The slots that settings `values` (start_time, end_time, slot_minutes, breaks as typed) give, computed by
    the same rule as the saved event's (Event.slot_starts, which the solver follows)."""
    breaks = values.get("breaks") or []
    if isinstance(breaks, str):
        breaks = parse_windows(breaks)
    day = Event(start_time=values["start_time"], end_time=values["end_time"],
                slot_minutes=values["slot_minutes"], breaks=breaks)
    step = day.slot_minutes
    slots = [(s, from_minutes(minutes(s) + step)) for s in day.slot_starts()]
    start, end = minutes(day.start_time), minutes(day.end_time)
    paused = {m for a, b in breaks for m in range(max(start, minutes_of(a)), min(end, minutes_of(b)))}
    idle = end - start - len(paused) - step * len(slots)
    tables = sum(e.tables for e in event.employers) if event is not None else None
    return SlotPreview(slots=slots, break_minutes=len(paused), idle_minutes=max(0, idle), tables=tables)
