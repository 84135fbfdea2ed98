"""Frozen dataclasses of instances and schedules; reading and checking jobdating-instance/1 (formats.md)."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

INSTANCE_FORMAT = "jobdating-instance/1"
SCHEDULE_FORMAT = "jobdating-schedule/1"
REASONS = ("rejected", "no_common_time", "employer_full", "candidate_full", "traded_off")

Window = tuple[str, str]


class InstanceError(ValueError):
    """Bad input: the message names the offending entry (`entry` holds it too)."""

    def __init__(self, message: str, entry: str = ""):
        super().__init__(message)
        self.entry = entry


@dataclass(frozen=True)
class Event:
    start: str
    end: str
    slot_minutes: int
    name: str = ""
    date: str = ""
    breaks: tuple[Window, ...] = ()
    min_gap_slots: int = 0
    max_interviews_per_candidate: int | None = None


@dataclass(frozen=True)
class Offer:
    id: str
    title: str = ""
    tables: tuple[int, ...] | None = None


@dataclass(frozen=True)
class Employer:
    id: str
    name: str = ""
    tables: int = 1
    available: tuple[Window, ...] = ()
    preferred: tuple[Window, ...] = ()
    max_interviews: int | None = None
    max_consecutive: int | None = None
    offers: tuple[Offer, ...] = ()
    rejects: tuple[str, ...] = ()
    favorites: tuple[str, ...] = ()


@dataclass(frozen=True)
class Candidate:
    id: str
    name: str = ""
    available: tuple[Window, ...] = ()
    wishes: tuple[str, ...] = ()
    max_interviews: int | None = None


@dataclass(frozen=True)
class Interview:
    candidate: str
    employer: str
    table: int
    start: str
    end: str
    offers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Instance:
    event: Event
    employers: tuple[Employer, ...] = ()
    candidates: tuple[Candidate, ...] = ()
    locked: tuple[Interview, ...] = ()
    previous: tuple[Interview, ...] = ()
    now: str | None = None


@dataclass(frozen=True)
class Unmet:
    candidate: str
    wish: str
    reason: str


@dataclass(frozen=True)
class Schedule:
    interviews: tuple[Interview, ...] = ()
    unmet: tuple[Unmet, ...] = ()
    stats: dict[str, Any] = field(default_factory=dict)
    solver: dict[str, Any] = field(default_factory=dict)


# ---------------------------------------------------------------- times

_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")


def minutes(text: Any, entry: str = "") -> int:
    """'HH:MM' -> minutes since midnight; InstanceError naming `entry` otherwise."""
    match = _TIME.match(text) if isinstance(text, str) else None
    if not match or int(match[1]) * 60 + int(match[2]) > 24 * 60 or int(match[2]) > 59:
        raise InstanceError(f"{entry}: bad time {text!r} (expected \"HH:MM\")", entry)
    return int(match[1]) * 60 + int(match[2])


def hhmm(total: int) -> str:
    return f"{total // 60:02d}:{total % 60:02d}"


# ---------------------------------------------------------------- reading

def _windows(raw: Any, entry: str) -> tuple[Window, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise InstanceError(f"{entry}: expected a list of [\"HH:MM\", \"HH:MM\"] windows", entry)
    out = []
    for item in raw:
        if not (isinstance(item, (list, tuple)) and len(item) == 2):
            raise InstanceError(f"{entry}: bad window {item!r}", entry)
        if minutes(item[0], entry) >= minutes(item[1], entry):
            raise InstanceError(f"{entry}: window {item[0]}-{item[1]} ends before it starts", entry)
        out.append((item[0], item[1]))
    return tuple(out)


def _int(raw: Any, entry: str, what: str, *, default: int | None = None, optional: bool = False,
         minimum: int = 0) -> int | None:
    if raw is None:
        if optional or default is not None:
            return default
        raise InstanceError(f"{entry}: missing {what}", entry)
    if isinstance(raw, bool) or not isinstance(raw, int) or raw < minimum:
        raise InstanceError(f"{entry}: {what} must be an integer >= {minimum}, got {raw!r}", entry)
    return raw


def _id(raw: dict, entry: str) -> str:
    if not isinstance(raw, dict):
        raise InstanceError(f"{entry}: expected an object, got {type(raw).__name__}", entry)
    value = raw.get("id")
    if not isinstance(value, str) or not value:
        raise InstanceError(f"{entry}: missing id", entry)
    return value


def _ids(raw: Any, entry: str, what: str) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
        raise InstanceError(f"{entry}: {what} must be a list of ids", entry)
    return tuple(raw)


def read_interview(raw: Any, entry: str) -> Interview:
    if not isinstance(raw, dict):
        raise InstanceError(f"{entry}: expected an interview object", entry)
    for key in ("candidate", "employer", "start", "end"):
        if not isinstance(raw.get(key), str):
            raise InstanceError(f"{entry}: missing {key}", entry)
    minutes(raw["start"], entry), minutes(raw["end"], entry)
    return Interview(raw["candidate"], raw["employer"], _int(raw.get("table"), entry, "table", minimum=1),
                     raw["start"], raw["end"], _ids(raw.get("offers"), entry, "offers"))


def instance_from_dict(data: Any) -> Instance:
    """Build and check an Instance from the parsed JSON of a jobdating-instance/1 file."""
    if not isinstance(data, dict):
        raise InstanceError("instance: expected a JSON object", "instance")
    if data.get("format") != INSTANCE_FORMAT:
        raise InstanceError(f"instance: format must be {INSTANCE_FORMAT!r}, got {data.get('format')!r}", "format")
    ev = data.get("event")
    if not isinstance(ev, dict):
        raise InstanceError("event: missing", "event")
    for key in ("start", "end"):
        if key not in ev:
            raise InstanceError(f"event: missing {key}", "event")
    event = Event(start=ev["start"], end=ev["end"],
                  slot_minutes=_int(ev.get("slot_minutes"), "event", "slot_minutes", minimum=1),
                  name=str(ev.get("name") or ""), date=str(ev.get("date") or ""),
                  breaks=_windows(ev.get("breaks"), "event.breaks"),
                  min_gap_slots=_int(ev.get("min_gap_slots"), "event", "min_gap_slots", default=0),
                  max_interviews_per_candidate=_int(ev.get("max_interviews_per_candidate"), "event",
                                                    "max_interviews_per_candidate", optional=True))
    employers = []
    for i, raw in enumerate(read_list(data, "employers")):
        entry = f"employer {_id(raw, f'employers[{i}]')}"
        offers = []
        for j, off in enumerate(raw.get("offers") or []):
            oentry = f"offer {_id(off, f'{entry}, offers[{j}]')}"
            tables = off.get("tables")
            if tables is not None and (not isinstance(tables, list) or not all(
                    isinstance(t, int) and not isinstance(t, bool) for t in tables)):
                raise InstanceError(f"{oentry}: tables must be a list of table numbers", oentry)
            offers.append(Offer(off["id"], str(off.get("title") or ""), None if tables is None else tuple(tables)))
        employers.append(Employer(
            id=raw["id"], name=str(raw.get("name") or ""),
            tables=_int(raw.get("tables"), entry, "tables", default=1),
            available=_windows(raw.get("available"), entry), preferred=_windows(raw.get("preferred"), entry),
            max_interviews=_int(raw.get("max_interviews"), entry, "max_interviews", optional=True),
            max_consecutive=_int(raw.get("max_consecutive"), entry, "max_consecutive", optional=True, minimum=1),
            offers=tuple(offers), rejects=_ids(raw.get("rejects"), entry, "rejects"),
            favorites=_ids(raw.get("favorites"), entry, "favorites")))
    candidates = []
    for i, raw in enumerate(read_list(data, "candidates")):
        entry = f"candidate {_id(raw, f'candidates[{i}]')}"
        candidates.append(Candidate(
            id=raw["id"], name=str(raw.get("name") or ""), available=_windows(raw.get("available"), entry),
            wishes=_ids(raw.get("wishes"), entry, "wishes"),
            max_interviews=_int(raw.get("max_interviews"), entry, "max_interviews", optional=True)))
    locked = tuple(read_interview(x, f"locked[{i}]") for i, x in enumerate(read_list(data, "locked")))
    previous = tuple(read_interview(x, f"previous[{i}]") for i, x in enumerate(read_list(data, "previous")))
    now = data.get("now")
    if now is not None:
        minutes(now, "now")
    instance = Instance(event, tuple(employers), tuple(candidates), locked, previous, now)
    check_instance(instance)
    return instance


def read_list(data: dict, key: str) -> list:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise InstanceError(f"{key}: expected a list", key)
    return value


def check_instance(instance: Instance) -> None:
    """Raise InstanceError for what no plan can be built from (also for instances built in code)."""
    ev = instance.event
    start, end = minutes(ev.start, "event.start"), minutes(ev.end, "event.end")
    if end <= start:
        raise InstanceError("event: end must come after start", "event")
    if not isinstance(ev.slot_minutes, int) or ev.slot_minutes <= 0:
        raise InstanceError("event: slot_minutes must be a positive integer", "event")
    _windows([list(w) for w in ev.breaks], "event.breaks")
    seen: set[str] = set()

    def unique(ident: str, entry: str) -> None:
        if ident in seen:
            raise InstanceError(f"{entry}: id {ident!r} is used twice", entry)
        seen.add(ident)

    offers_of = {}
    for emp in instance.employers:
        entry = f"employer {emp.id}"
        unique(emp.id, entry)
        if isinstance(emp.tables, bool) or not isinstance(emp.tables, int) or emp.tables < 0:
            raise InstanceError(f"{entry}: tables must be an integer >= 0, got {emp.tables!r}", entry)
        _windows([list(w) for w in emp.available], entry), _windows([list(w) for w in emp.preferred], entry)
        for off in emp.offers:
            unique(off.id, f"offer {off.id}")
            offers_of[off.id] = emp.id
            for t in off.tables or ():
                if not 1 <= t <= emp.tables:
                    raise InstanceError(f"offer {off.id}: table {t} does not exist at employer {emp.id} "
                                        f"(tables 1..{emp.tables})", f"offer {off.id}")
    employer_ids = {e.id for e in instance.employers}
    for cand in instance.candidates:
        entry = f"candidate {cand.id}"
        unique(cand.id, entry)
        _windows([list(w) for w in cand.available], entry)
        for wish in cand.wishes:
            if wish not in employer_ids and wish not in offers_of:
                raise InstanceError(f"{entry}: wish {wish!r} is neither an employer nor an offer", entry)
    tables = {e.id: e.tables for e in instance.employers}
    for i, itv in enumerate(instance.locked):
        entry = f"locked[{i}]"
        if itv.employer in tables and not 1 <= itv.table <= tables[itv.employer]:
            raise InstanceError(f"{entry}: table {itv.table} does not exist at employer {itv.employer}", entry)
    for name, group in (("locked", instance.locked), ("previous", instance.previous)):
        for i, itv in enumerate(group):
            s, e = minutes(itv.start, f"{name}[{i}]"), minutes(itv.end, f"{name}[{i}]")
            if (s - start) % ev.slot_minutes or e - s != ev.slot_minutes:
                raise InstanceError(f"{name}[{i}]: {itv.start}-{itv.end} is not one slot of the event", f"{name}[{i}]")
    if instance.now is not None:
        minutes(instance.now, "now")


def load_instance(source: str | Path | dict) -> Instance:
    """Read an instance from a dict, a JSON text or a file path."""
    if isinstance(source, dict):
        return instance_from_dict(source)
    text = str(source)
    if isinstance(source, Path) or not text.lstrip().startswith("{"):
        try:
            text = Path(source).read_text(encoding="utf-8")
        except OSError as exc:
            raise InstanceError(f"{source}: cannot read ({exc.strerror})", str(source)) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InstanceError(f"instance: not valid JSON ({exc.msg}, line {exc.lineno})", "instance") from None
    return instance_from_dict(data)
