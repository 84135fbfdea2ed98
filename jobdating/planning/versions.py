"""Published versions: what changed for each person between two versions (added, moved, cancelled), and the
version each person was last sent."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import undefer

from jobdating.core.models import Event, Publication
from jobdating.core.plans import digest
from jobdating.extensions import db

Row = dict[str, Any]


@dataclass
class Changes:
    """One person's changes between two versions of their plan."""
    added: list[Row] = field(default_factory=list)
    moved: list[tuple[Row, Row]] = field(default_factory=list)  # (before, after)
    cancelled: list[Row] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.moved or self.cancelled)


def _key(row: Row) -> str:
    """An interview across versions: its pair (older rows without a reference: the two names)."""
    return row.get("ref") or f"{row.get('candidate')}|{row.get('company')}"


def diff(before: list[Row] | None, after: list[Row] | None) -> Changes:
    old = {_key(r): r for r in before or []}
    new = {_key(r): r for r in after or []}
    changes = Changes()
    for key, row in new.items():
        if key not in old:
            changes.added.append(row)
        elif (old[key]["start"], old[key]["table"]) != (row["start"], row["table"]):
            changes.moved.append((old[key], row))
    changes.cancelled = [row for key, row in old.items() if key not in new]
    return changes


def publications(event: Event, *, with_plans: bool = False) -> list[Publication]:
    """The event's published versions, newest first."""
    query = select(Publication).where(Publication.event_id == event.id).order_by(Publication.number.desc())
    if with_plans:
        query = query.options(undefer(Publication.plan))
    return list(db.session.scalars(query))


def last_sent(event: Event, people: dict[str, str | None]) -> dict[str, int]:
    """For each person ('C12' → the digest of the plan they were last sent), the id of the newest version whose
    plan for them has that digest (the version their last email showed)."""
    found: dict[str, int] = {}
    for publication in publications(event, with_plans=True):
        for key, rows in (publication.plan or {}).items():
            if key not in found and people.get(key) is not None and digest(rows) == people[key]:
                found[key] = publication.id
    return found


def compare(older: Publication, newer: Publication) -> dict[str, Changes]:
    """Who had what changed between two versions ('C12'/'E3' → changes), people with no change left out."""
    before, after = older.plan or {}, newer.plan or {}
    result = {key: diff(before.get(key), after.get(key)) for key in sorted(set(before) | set(after))}
    return {key: changes for key, changes in result.items() if changes}


def name_in(key: str, changes: Changes) -> str:
    """The person's name as their rows give it (a candidate's rows name them, an employer's its company)."""
    rows = changes.added + changes.cancelled + [after for _before, after in changes.moved]
    field_name = "candidate" if key.startswith("C") else "company"
    return str(rows[0][field_name]) if rows else key
