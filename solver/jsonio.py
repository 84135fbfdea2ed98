"""Writing instances and schedules as JSON, and reading schedules back (formats.md)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .instance import (
    INSTANCE_FORMAT,
    SCHEDULE_FORMAT,
    Dropped,
    Instance,
    InstanceError,
    Interview,
    Schedule,
    Unmet,
)
from .reading import read_interview, read_list


def _interview_dict(itv: Interview) -> dict[str, Any]:
    return {"candidate": itv.candidate, "employer": itv.employer, "table": itv.table,
            "start": itv.start, "end": itv.end, "offers": list(itv.offers)}


def instance_to_dict(instance: Instance) -> dict[str, Any]:
    ev = instance.event
    return {
        "format": INSTANCE_FORMAT,
        "event": {"name": ev.name, "date": ev.date, "start": ev.start, "end": ev.end,
                  "slot_minutes": ev.slot_minutes, "breaks": [list(b) for b in ev.breaks],
                  "min_gap_slots": ev.min_gap_slots,
                  "max_interviews_per_candidate": ev.max_interviews_per_candidate,
                  "priority": ev.priority},
        "employers": [{"id": e.id, "name": e.name, "tables": e.tables,
                       "available": [list(w) for w in e.available], "preferred": [list(w) for w in e.preferred],
                       "max_interviews": e.max_interviews, "max_consecutive": e.max_consecutive,
                       "offers": [{"id": o.id, "title": o.title, **({} if o.tables is None else
                                                                    {"tables": list(o.tables)})}
                                  for o in e.offers],
                       "rejects": list(e.rejects), "favorites": list(e.favorites)} for e in instance.employers],
        "candidates": [{"id": c.id, "name": c.name, "available": [list(w) for w in c.available],
                        "wishes": list(c.wishes), "max_interviews": c.max_interviews} for c in instance.candidates],
        "locked": [_interview_dict(i) for i in instance.locked],
        "previous": [_interview_dict(i) for i in instance.previous],
        "now": instance.now,
    }


def schedule_to_dict(schedule: Schedule) -> dict[str, Any]:
    return {"format": SCHEDULE_FORMAT,
            "interviews": [_interview_dict(i) for i in schedule.interviews],
            "unmet": [{"candidate": u.candidate, "wish": u.wish, "reason": u.reason} for u in schedule.unmet],
            "dropped": [{**_interview_dict(d.interview), "source": d.source, "reason": d.reason}
                        for d in schedule.dropped],
            "stats": dict(schedule.stats), "solver": dict(schedule.solver)}


def schedule_from_dict(data: Any) -> Schedule:
    if not isinstance(data, dict) or data.get("format") != SCHEDULE_FORMAT:
        raise InstanceError(f"schedule: format must be {SCHEDULE_FORMAT!r}", "schedule")
    unmet = []
    for i, raw in enumerate(read_list(data, "unmet")):
        if not isinstance(raw, dict) or not all(isinstance(raw.get(k), str) for k in ("candidate", "wish", "reason")):
            raise InstanceError(f"unmet[{i}]: needs candidate, wish and reason", f"unmet[{i}]")
        unmet.append(Unmet(raw["candidate"], raw["wish"], raw["reason"]))
    dropped = []        # missing in files written before the list existed
    for i, raw in enumerate(read_list(data, "dropped")):
        if not isinstance(raw, dict) or not all(isinstance(raw.get(k), str) for k in ("source", "reason")):
            raise InstanceError(f"dropped[{i}]: needs an interview, its source and a reason", f"dropped[{i}]")
        dropped.append(Dropped(read_interview(raw, f"dropped[{i}]"), raw["source"], raw["reason"]))
    return Schedule(tuple(read_interview(x, f"interviews[{i}]") for i, x in enumerate(read_list(data, "interviews"))),
                    tuple(unmet), dict(data.get("stats") or {}), dict(data.get("solver") or {}), tuple(dropped))


def load_schedule(source: str | Path | dict[str, Any]) -> Schedule:
    if isinstance(source, dict):
        return schedule_from_dict(source)
    try:
        data = json.loads(Path(source).read_text(encoding="utf-8"))
    except OSError as exc:
        raise InstanceError(f"{source}: cannot read ({exc.strerror})", str(source)) from None
    except json.JSONDecodeError as exc:
        raise InstanceError(f"schedule: not valid JSON ({exc.msg}, line {exc.lineno})", "schedule") from None
    return schedule_from_dict(data)


def dumps(obj: Instance | Schedule) -> str:
    data = instance_to_dict(obj) if isinstance(obj, Instance) else schedule_to_dict(obj)
    return json.dumps(data, ensure_ascii=False, indent=1)
