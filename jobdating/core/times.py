"""Times in one place: the clock, "HH:MM" text, minutes since midnight, time windows of an event day.

One clock, two kinds of values:
- moments (a sign-up's consent, an arrival, an audit entry, a solve's start) are aware UTC datetimes,
  stored as UTC (core.models.base.UTCDateTime) and shown in the deployment's zone;
- the hours of an event day ("09:00", a break, an interview's start, sign-up opening and closing as the
  organizer typed them) are wall-clock times in the deployment's zone (TIMEZONE, Europe/Paris by default).
`utcnow()` is the only source of "now"; CLOCK (a callable returning an aware datetime) freezes it for a
rehearsal or a test. The day-of rules of an event ask `event_now(event)`: the same, except in a rehearsal (a
training copy of an event), whose simulated clock runs from utcnow() at its own speed.
Windows are stored as [["HH:MM", "HH:MM"], ...], half-open; [] means the whole day.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from flask import current_app, has_app_context

if TYPE_CHECKING:
    from jobdating.core.models import Event

Window = Sequence[str]
DEFAULT_ZONE = "Europe/Paris"


def zone() -> ZoneInfo:
    """The deployment's time zone: where the event days happen."""
    name = current_app.config.get("TIMEZONE") if has_app_context() else None
    return ZoneInfo(name or DEFAULT_ZONE)


def utcnow() -> dt.datetime:
    """Now, as an aware UTC datetime; the app's CLOCK setting, when set, says what now is."""
    clock = current_app.config.get("CLOCK") if has_app_context() else None
    moment = clock() if clock is not None else dt.datetime.now(dt.UTC)
    if moment.tzinfo is None:
        raise ValueError("CLOCK must return an aware datetime (with tzinfo)")
    return moment.astimezone(dt.UTC)


def simulated(real: dt.datetime, running_since: dt.datetime | None, simulated_at: dt.datetime,
              speed: int) -> dt.datetime:
    """A simulated clock at the real moment `real`: it stood at `simulated_at` when it started running at
    `running_since` and runs `speed` times faster; paused (`running_since` None) it stays at `simulated_at`."""
    if running_since is None:
        return simulated_at
    return simulated_at + (real - running_since) * speed


def event_now(event: Event) -> dt.datetime:
    """Now for the day of `event` (aware UTC): utcnow(), or the simulated moment of a rehearsal's clock."""
    real = utcnow()
    clock = event.rehearsal
    if clock is None:
        return real
    return simulated(real, clock.running_since, clock.simulated_at, clock.speed)


def event_local_now(event: Event) -> dt.datetime:
    """event_now() on the event's wall clock (naive, deployment's zone): what the day-of rules compare."""
    return to_local(event_now(event))


@dataclass(frozen=True)
class RehearsalClock:
    """What a rehearsal's pages show in their header: the simulated wall-clock time, and how the clock runs."""

    event_id: int
    time: dt.datetime
    speed: int
    running: bool
    started: bool

    @property
    def seconds(self) -> int:
        """Seconds since midnight of the simulated time, from which the page keeps the clock moving."""
        return self.time.hour * 3600 + self.time.minute * 60 + self.time.second


def rehearsal_clock(event: object) -> RehearsalClock | None:
    """The header's clock for a page of a rehearsal; None for an ordinary event (or no event)."""
    clock = getattr(event, "rehearsal", None)
    if clock is None:
        return None
    return RehearsalClock(clock.event_id, event_local_now(event), clock.speed,  # type: ignore[arg-type]
                          clock.running_since is not None, clock.started_at is not None)


def frozen_clock() -> dt.datetime | None:
    """The wall-clock time the CLOCK setting gives (a rehearsal, a demo), or None on real time: every page's
    header shows it, so that nobody takes a rehearsal's clock for the day's."""
    if not has_app_context() or current_app.config.get("CLOCK") is None:
        return None
    return to_local(utcnow())


def to_local(moment: dt.datetime) -> dt.datetime:
    """The wall-clock time (naive) in the deployment's zone of an aware moment."""
    return moment.astimezone(zone()).replace(tzinfo=None)


def to_utc(wall: dt.datetime) -> dt.datetime:
    """The aware UTC moment of a wall-clock time in the deployment's zone (the first one on a DST fold)."""
    if wall.tzinfo is not None:
        return wall.astimezone(dt.UTC)
    return wall.replace(tzinfo=zone()).astimezone(dt.UTC)


def local_now() -> dt.datetime:
    """Now on the event's wall clock (naive, deployment's zone): what the desk and sign-up windows compare."""
    return to_local(utcnow())


def hhmm(value: dt.time) -> str:
    return value.strftime("%H:%M")


def parse_hhmm(value: str) -> dt.time:
    return dt.datetime.strptime(value, "%H:%M").time()


def minutes(value: dt.time) -> int:
    """Minutes since midnight of a time of day."""
    return value.hour * 60 + value.minute


def from_minutes(value: int) -> dt.time:
    return dt.time(value // 60, value % 60)


def minutes_of(value: str) -> int:
    """Minutes since midnight of "HH:MM" ("24:00" is 1440)."""
    hours, mins = value.split(":")
    return int(hours) * 60 + int(mins)


def within(windows: Iterable[Window] | None, start: int, end: int) -> bool:
    """Whether [start, end) in minutes fits inside one of the windows; no windows means the whole day."""
    spans = list(windows or [])
    return not spans or any(minutes_of(a) <= start and end <= minutes_of(b) for a, b in spans)


DAY, MORNING, AFTERNOON, CUSTOM, NONE = "day", "morning", "afternoon", "custom", "none"


def _midday_break(event: Event) -> tuple[int, int] | None:
    """The break closest to 12:30, which splits the day into a morning and an afternoon."""
    breaks = [(minutes_of(a), minutes_of(b)) for a, b in event.breaks or []]
    if not breaks:
        return None
    return min(breaks, key=lambda window: abs(window[0] - 12 * 60 - 30))


def half_days(event: Event) -> tuple[list[str], list[str]]:
    """The morning and afternoon windows derived from the event hours and its midday break."""
    start, end = minutes(event.start_time), minutes(event.end_time)
    midday = _midday_break(event)
    if midday is not None and start < midday[0] and midday[1] < end:
        morning_end, afternoon_start = midday
    else:
        noon = 12 * 60 if start < 12 * 60 < end else start + (end - start) // 2
        noon -= (noon - start) % event.slot_minutes
        morning_end = afternoon_start = noon
    as_text = lambda value: hhmm(from_minutes(value))  # noqa: E731
    return [as_text(start), as_text(morning_end)], [as_text(afternoon_start), as_text(end)]


def windows_for(event: Event, kind: str, start: dt.time | None = None, end: dt.time | None = None) -> list:
    """The stored windows for a choice of the form: [] means the whole day (or no preference)."""
    morning, afternoon = half_days(event)
    if kind == MORNING:
        return [morning]
    if kind == AFTERNOON:
        return [afternoon]
    if kind == CUSTOM and start is not None and end is not None:
        return [[hhmm(start), hhmm(end)]]
    return []


def choice_of(event: Event, windows: list | None) -> tuple[str, dt.time | None, dt.time | None]:
    """The form choice (kind, start, end) that gives back these stored windows."""
    if not windows:
        return DAY, None, None
    morning, afternoon = half_days(event)
    first = [str(windows[0][0]), str(windows[0][1])]
    if first == morning:
        return MORNING, None, None
    if first == afternoon:
        return AFTERNOON, None, None
    return CUSTOM, parse_hhmm(first[0]), parse_hhmm(first[1])


def inside_event(event: Event, windows: list) -> bool:
    """Whether every window lies within the event hours and is not empty."""
    day_start, day_end = minutes(event.start_time), minutes(event.end_time)
    return all(day_start <= minutes_of(a) < minutes_of(b) <= day_end for a, b in windows)


def describe(event: Event, windows: list | None) -> str:
    """A short French-or-English text for a window choice, for summaries and emails."""
    from flask_babel import gettext as _

    kind, start, end = choice_of(event, windows)
    if kind == DAY:
        return _("Toute la journée")
    if kind in (MORNING, AFTERNOON):
        window = half_days(event)[0 if kind == MORNING else 1]
        label = _("Le matin") if kind == MORNING else _("L'après-midi")
        return f"{label} ({window[0]}–{window[1]})"
    assert start is not None and end is not None  # a custom window always has both ends
    return _("De %(start)s à %(end)s", start=hhmm(start), end=hhmm(end))
