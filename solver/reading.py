"""Reading and checking jobdating-instance/1 (docs/formats.md): every error names the entry at fault."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .instance import (
    INSTANCE_FORMAT,
    PRIORITIES,
    Candidate,
    Employer,
    Event,
    Instance,
    InstanceError,
    Interview,
    Offer,
    Window,
    minutes,
    slot_grid,
)


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


def _optional_int(raw: Any, entry: str, what: str, *, minimum: int = 0) -> int | None:
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, int) or raw < minimum:
        raise InstanceError(f"{entry}: {what} must be an integer >= {minimum}, got {raw!r}", entry)
    return raw


def _int(raw: Any, entry: str, what: str, *, default: int | None = None, minimum: int = 0) -> int:
    """An integer >= minimum; `default` when missing, an error when missing without a default."""
    value = _optional_int(raw, entry, what, minimum=minimum)
    if value is not None:
        return value
    if default is None:
        raise InstanceError(f"{entry}: missing {what}", entry)
    return default


def _id(raw: Any, entry: str) -> str:
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


def read_list(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise InstanceError(f"{key}: expected a list", key)
    return value


def read_interview(raw: Any, entry: str) -> Interview:
    if not isinstance(raw, dict):
        raise InstanceError(f"{entry}: expected an interview object", entry)
    for key in ("candidate", "employer", "start", "end"):
        if not isinstance(raw.get(key), str):
            raise InstanceError(f"{entry}: missing {key}", entry)
    minutes(raw["start"], entry), minutes(raw["end"], entry)
    return Interview(raw["candidate"], raw["employer"], _int(raw.get("table"), entry, "table", minimum=1),
                     raw["start"], raw["end"], _ids(raw.get("offers"), entry, "offers"))


def _event(ev: Any) -> Event:
    if not isinstance(ev, dict):
        raise InstanceError("event: missing", "event")
    for key in ("start", "end"):
        if key not in ev:
            raise InstanceError(f"event: missing {key}", "event")
    return Event(start=ev["start"], end=ev["end"],
                 slot_minutes=_int(ev.get("slot_minutes"), "event", "slot_minutes", minimum=1),
                 name=str(ev.get("name") or ""), date=str(ev.get("date") or ""),
                 breaks=_windows(ev.get("breaks"), "event.breaks"),
                 min_gap_slots=_int(ev.get("min_gap_slots"), "event", "min_gap_slots", default=0),
                 max_interviews_per_candidate=_optional_int(ev.get("max_interviews_per_candidate"), "event",
                                                            "max_interviews_per_candidate"),
                 priority=str(ev.get("priority") or PRIORITIES[0]))


def _offer(off: Any, entry: str) -> Offer:
    oentry = f"offer {_id(off, entry)}"
    tables = off.get("tables")
    if tables is not None and (not isinstance(tables, list) or not all(
            isinstance(t, int) and not isinstance(t, bool) for t in tables)):
        raise InstanceError(f"{oentry}: tables must be a list of table numbers", oentry)
    return Offer(off["id"], str(off.get("title") or ""), None if tables is None else tuple(tables))


def _employer(raw: Any, i: int) -> Employer:
    entry = f"employer {_id(raw, f'employers[{i}]')}"
    offers = tuple(_offer(off, f"{entry}, offers[{j}]") for j, off in enumerate(raw.get("offers") or []))
    return Employer(
        id=raw["id"], name=str(raw.get("name") or ""),
        tables=_int(raw.get("tables"), entry, "tables", default=1),
        available=_windows(raw.get("available"), entry), preferred=_windows(raw.get("preferred"), entry),
        max_interviews=_optional_int(raw.get("max_interviews"), entry, "max_interviews"),
        max_consecutive=_optional_int(raw.get("max_consecutive"), entry, "max_consecutive", minimum=1),
        offers=offers, rejects=_ids(raw.get("rejects"), entry, "rejects"),
        favorites=_ids(raw.get("favorites"), entry, "favorites"))


def _candidate(raw: Any, i: int) -> Candidate:
    entry = f"candidate {_id(raw, f'candidates[{i}]')}"
    return Candidate(
        id=raw["id"], name=str(raw.get("name") or ""), available=_windows(raw.get("available"), entry),
        wishes=_ids(raw.get("wishes"), entry, "wishes"),
        max_interviews=_optional_int(raw.get("max_interviews"), entry, "max_interviews"))


def instance_from_dict(data: Any) -> Instance:
    """Build and check an Instance from the parsed JSON of a jobdating-instance/1 file."""
    if not isinstance(data, dict):
        raise InstanceError("instance: expected a JSON object", "instance")
    if data.get("format") != INSTANCE_FORMAT:
        raise InstanceError(f"instance: format must be {INSTANCE_FORMAT!r}, got {data.get('format')!r}", "format")
    event = _event(data.get("event"))
    employers = tuple(_employer(raw, i) for i, raw in enumerate(read_list(data, "employers")))
    candidates = tuple(_candidate(raw, i) for i, raw in enumerate(read_list(data, "candidates")))
    locked = tuple(read_interview(x, f"locked[{i}]") for i, x in enumerate(read_list(data, "locked")))
    previous = tuple(read_interview(x, f"previous[{i}]") for i, x in enumerate(read_list(data, "previous")))
    now = data.get("now")
    if now is not None:
        minutes(now, "now")
    instance = Instance(event, employers, candidates, locked, previous, now)
    check_instance(instance)
    return instance


# ---------------------------------------------------------------- checks

def check_instance(instance: Instance) -> None:
    """Raise InstanceError for what no plan can be built from (also for instances built in code)."""
    start = _check_event(instance.event)
    seen: set[str] = set()
    offers = _check_employers(instance.employers, seen)
    _check_candidates(instance.candidates, seen, {e.id for e in instance.employers} | offers)
    _check_interviews(instance, start)
    if instance.now is not None:
        minutes(instance.now, "now")


def _unique(seen: set[str], ident: str, entry: str) -> None:
    """Ids are unique across employers, offers and candidates."""
    if ident in seen:
        raise InstanceError(f"{entry}: id {ident!r} is used twice", entry)
    seen.add(ident)


def _check_event(ev: Event) -> int:
    """Checks the event; returns its start in minutes."""
    start, end = minutes(ev.start, "event.start"), minutes(ev.end, "event.end")
    if end <= start:
        raise InstanceError("event: end must come after start", "event")
    if not isinstance(ev.slot_minutes, int) or ev.slot_minutes <= 0:
        raise InstanceError("event: slot_minutes must be a positive integer", "event")
    _windows([list(w) for w in ev.breaks], "event.breaks")
    if ev.priority not in PRIORITIES:
        raise InstanceError(f"event: priority must be one of {', '.join(PRIORITIES)}, got {ev.priority!r}", "event")
    return start


def _check_employers(employers: tuple[Employer, ...], seen: set[str]) -> set[str]:
    """Checks the employers and their offers; returns the offer ids."""
    offers: set[str] = set()
    for emp in employers:
        entry = f"employer {emp.id}"
        _unique(seen, emp.id, entry)
        if isinstance(emp.tables, bool) or not isinstance(emp.tables, int) or emp.tables < 0:
            raise InstanceError(f"{entry}: tables must be an integer >= 0, got {emp.tables!r}", entry)
        _windows([list(w) for w in emp.available], entry), _windows([list(w) for w in emp.preferred], entry)
        for off in emp.offers:
            _unique(seen, off.id, f"offer {off.id}")
            offers.add(off.id)
            for t in off.tables or ():
                if not 1 <= t <= emp.tables:
                    raise InstanceError(f"offer {off.id}: table {t} does not exist at employer {emp.id} "
                                        f"(tables 1..{emp.tables})", f"offer {off.id}")
    return offers


def _check_candidates(candidates: tuple[Candidate, ...], seen: set[str], targets: set[str]) -> None:
    for cand in candidates:
        entry = f"candidate {cand.id}"
        _unique(seen, cand.id, entry)
        _windows([list(w) for w in cand.available], entry)
        for wish in cand.wishes:
            if wish not in targets:
                raise InstanceError(f"{entry}: wish {wish!r} is neither an employer nor an offer", entry)


def _check_interviews(instance: Instance, start: int) -> None:
    """Locked tables exist; locked and previous interviews cover one slot of the event each."""
    tables = {e.id: e.tables for e in instance.employers}
    for i, itv in enumerate(instance.locked):
        entry = f"locked[{i}]"
        if itv.employer in tables and not 1 <= itv.table <= tables[itv.employer]:
            raise InstanceError(f"{entry}: table {itv.table} does not exist at employer {itv.employer}", entry)
    ev, d = instance.event, instance.event.slot_minutes
    slots = {s for s, _ in slot_grid(start, minutes(ev.end), d, [(minutes(a), minutes(b)) for a, b in ev.breaks])}
    for name, group in (("locked", instance.locked), ("previous", instance.previous)):
        for i, itv in enumerate(group):
            s, e = minutes(itv.start, f"{name}[{i}]"), minutes(itv.end, f"{name}[{i}]")
            if s not in slots or e - s != d:
                raise InstanceError(f"{name}[{i}]: {itv.start}-{itv.end} is not one slot of the event", f"{name}[{i}]")


def load_instance(source: str | Path | dict[str, Any]) -> Instance:
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
