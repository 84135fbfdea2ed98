"""The day of one employer table as ordered rows: interviews, free slots, global breaks."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .data import Break, EmployerInterview, EmployerSheet, EventInfo, Slot
from .style import minutes


@dataclass(frozen=True)
class Row:
    kind: str  # "interview", "free" or "break"
    start: dt.time
    end: dt.time
    interview: EmployerInterview | None = None
    label: str = ""


def _overlaps(a_start: dt.time, a_end: dt.time, b_start: dt.time, b_end: dt.time) -> bool:
    return minutes(a_start) < minutes(b_end) and minutes(b_start) < minutes(a_end)


def presence(event: EventInfo, sheet: EmployerSheet) -> tuple[dt.time, dt.time] | None:
    """The window in which the table is staffed; None when the event has no slots and no interviews."""
    starts = [s.start for s in event.slots] + [i.start for i in sheet.interviews]
    ends = [s.end for s in event.slots] + [i.end for i in sheet.interviews]
    if not starts:
        return None
    return sheet.present_from or min(starts), sheet.present_until or max(ends)


def day_rows(event: EventInfo, sheet: EmployerSheet) -> list[Row]:
    """Interviews in order, each slot of the presence window without interview as free, breaks as rows."""
    window = presence(event, sheet)
    if window is None:
        return []
    begin, finish = window
    rows = [Row("interview", i.start, i.end, i) for i in sheet.interviews]
    for slot in event.slots:
        inside = minutes(begin) <= minutes(slot.start) and minutes(slot.end) <= minutes(finish)
        if inside and not any(_overlaps(slot.start, slot.end, i.start, i.end) for i in sheet.interviews):
            rows.append(Row("free", slot.start, slot.end))
    for pause in event.breaks:
        if _overlaps(pause.start, pause.end, begin, finish):
            rows.append(Row("break", pause.start, pause.end, label=pause.label))
    order = {"break": 0, "interview": 1, "free": 2}
    return sorted(rows, key=lambda r: (minutes(r.start), order[r.kind]))


def grid_columns(event: EventInfo) -> list[Slot | Break]:
    """Slots and breaks in time order: the columns of the front-desk grid."""
    return sorted([*event.slots, *event.breaks], key=lambda c: (minutes(c.start), isinstance(c, Slot)))


def cell(sheet: EmployerSheet, column: Slot, window: tuple[dt.time, dt.time] | None) -> str | None:
    """Candidate name(s) in that slot at that table, '' when free, None when the table is not staffed."""
    names = [i.candidate_name for i in sheet.interviews if _overlaps(column.start, column.end, i.start, i.end)]
    if names:
        return " / ".join(names)
    if window is None or not (minutes(window[0]) <= minutes(column.start)
                              and minutes(column.end) <= minutes(window[1])):
        return None
    return ""
