"""Each person's day plan: rows built from the interviews, and the published copy shown on private pages."""
from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from typing import Any

from flask import current_app
from flask_babel import force_locale
from sqlalchemy import select

from jobdating.core.models import SITUATION_LABELS, Candidate, Employer, Event, Offer
from jobdating.core.times import hhmm
from jobdating.extensions import db


def in_default_language(label: Any) -> str:
    """A (lazy) label in the deployment's language: stored plans and printed sheets do not follow a visitor's."""
    with force_locale(current_app.config.get("BABEL_DEFAULT_LOCALE", "fr")):
        return str(label)


def _offer_titles(event: Event) -> dict[int, str]:
    return dict(db.session.execute(
        select(Offer.id, Offer.title).join(Employer).where(Employer.event_id == event.id)).all())


def plan_rows(event: Event) -> dict[str, list[dict[str, Any]]]:
    """Every person's rows, keyed 'C<id>' and 'E<id>', by start time; room table numbers, offer titles; `ref`
    names the interview's candidate and employer (stable across versions: calendars and differences use it)."""
    titles = _offer_titles(event)
    plans: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for interview in sorted(event.interviews, key=lambda i: (i.start, i.employer_id, i.table)):
        employer, candidate = interview.employer, interview.candidate
        room_table = interview.room_table
        row = {"ref": f"C{candidate.id}-E{employer.id}",
               "start": hhmm(interview.start), "end": hhmm(interview.end), "table": room_table,
               "company": employer.company, "candidate": candidate.full_name,
               "situation": in_default_language(SITUATION_LABELS[candidate.situation]),
               "offers": [titles[o] for o in interview.offers or [] if o in titles]}
        plans[f"C{candidate.id}"].append(row)
        plans[f"E{employer.id}"].append(row)
    return dict(plans)


def digest(rows: list[dict[str, Any]] | None) -> str:
    """A fingerprint of one person's plan: equal digests, nothing to tell them. The interview's reference
    (`ref`, which names the pair, not the time) is left out: it is not something a person is told."""
    plain = [{k: v for k, v in row.items() if k != "ref"} for row in rows or []]
    text = json.dumps(plain, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def plan_for_candidate(candidate: Candidate) -> list[dict[str, Any]] | None:
    """The candidate's published plan (rows with start, end, table, company, offers); None before publication."""
    published = candidate.event.published_plan
    if candidate.event.published_at is None or published is None:
        return None
    return published.get(f"C{candidate.id}", [])


def plan_for_employer(employer: Employer) -> list[dict[str, Any]] | None:
    """The employer's published plan (rows with start, end, table, candidate, offers); None before publication."""
    published = employer.event.published_plan
    if employer.event.published_at is None or published is None:
        return None
    return published.get(f"E{employer.id}", [])
