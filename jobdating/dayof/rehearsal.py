"""Rehearsals: a copy of an event to train the day's volunteers, its people pseudonymised, on a simulated clock.

The copy has the original's employers (company names kept), offers, recruiters, tables, candidates, wishes,
preselections, cancellations and its published plan with the interviews; not its check-ins, outcomes, mails
or audit list. Names, email addresses and phone numbers are made up (from the demo's lists), CVs and needs
are left out. The outbox sends nothing for it (core.outbox), public pages ignore it (core.lookup), the
retention purge erases it with its original at the latest (privacy.retention). The clock (start, pause,
reset, speed) is here; core.times.event_now reads it; dayof.simulation makes people arrive.
"""
from __future__ import annotations

import datetime as dt
import random
import unicodedata
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select

from jobdating.core import accounts
from jobdating.core.keys import candidate_key, employer_key
from jobdating.core.models import (
    Cancellation,
    Candidate,
    Employer,
    Event,
    Interview,
    Membership,
    Offer,
    Organizer,
    Preselection,
    Publication,
    Recruiter,
    Rehearsal,
    Wish,
)
from jobdating.core.people import REHEARSAL_DOMAIN, is_real_email, placeholder_email
from jobdating.core.plans import digest
from jobdating.core.times import to_utc
from jobdating.demo.data import FIRST_NAMES, LAST_NAMES, TOWNS
from jobdating.extensions import db

# Event settings that are not copied: who it is, its history, its public state after a publication.
EVENT_SKIPPED = {"id", "slug", "name", "created_at", "settings_version", "published_at", "published_plan",
                 "purged_at", "statistics"}
# What a candidate and an employer keep: nothing that names or reaches a person (allow-lists, so that a new
# personal column is never copied by mistake).
CANDIDATE_KEPT = ("situation", "education_level", "wanted_contracts", "available", "max_interviews", "consent_at",
                  "consent_version", "confirmed_at", "declined_at", "walk_in", "created_at")
EMPLOYER_KEPT = ("company", "sector", "description", "tables", "first_table", "available", "preferred",
                 "max_interviews", "max_consecutive", "consent_at", "consent_version", "confirmed_at",
                 "declined_at", "created_at", "approval_pending")
OPENS_BEFORE = dt.timedelta(minutes=30)  # the default simulated start: the desk opens before the first slot


class RehearsalError(ValueError):
    """A rehearsal refused, message in French."""


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "".join(c if c.isalnum() else "-" for c in folded).strip("-")


class Pseudonyms:
    """Made-up names, addresses (under the rehearsal domain, which receives nothing) and phone numbers (in the
    range kept for fiction, 06 39 98 xx xx)."""

    def __init__(self, seed: str) -> None:
        self.rng = random.Random(seed)
        self.count = 0

    def name(self) -> tuple[str, str]:
        return self.rng.choice(FIRST_NAMES), self.rng.choice(LAST_NAMES)

    def email(self, first: str, last: str) -> str:
        self.count += 1
        return f"{_ascii(first)}.{_ascii(last)}.{self.count}@{REHEARSAL_DOMAIN}"

    def phone(self) -> str:
        return f"06 39 98 {self.rng.randint(0, 99):02d} {self.rng.randint(0, 99):02d}"

    def town(self) -> tuple[str, str]:
        return self.rng.choice(TOWNS)


def default_origin(event: Event) -> dt.datetime:
    """Half an hour before the first slot, on the event's day (aware UTC)."""
    opening = dt.datetime.combine(event.date, event.start_time) - OPENS_BEFORE
    return to_utc(max(opening, dt.datetime.combine(event.date, dt.time(0, 0))))


def _free_slug(original: Event) -> tuple[str, int]:
    number = 1
    while True:
        slug = f"{original.slug[:60]}-repetition-{number}"
        if db.session.scalar(select(Event.id).where(Event.slug == slug)) is None:
            return slug, number
        number += 1


def create_rehearsal(original: Event, organizer: Organizer | None) -> Event:
    """Copy `original` into a new rehearsal event, pseudonymised, with its team; commits and returns the copy."""
    if original.is_rehearsal:
        raise RehearsalError(_("Une répétition ne se copie pas : créez-en une depuis l'événement d'origine."))
    if original.purged_at is not None:
        raise RehearsalError(_("Les données de cet événement ont été effacées : il n'y a plus rien à copier."))
    slug, number = _free_slug(original)
    values = {c.key: getattr(original, c.key) for c in Event.__table__.columns if c.key not in EVENT_SKIPPED}
    copy = Event(**values, slug=slug, name=f"Répétition {number} — {original.name}"[:200])
    db.session.add(copy)
    db.session.flush()
    fake = Pseudonyms(f"{original.id}-{copy.id}")
    with db.session.no_autoflush:  # rows join the session once complete
        keys = _copy_people(original, copy, fake)
    _copy_plan(original, copy, keys, organizer)
    for member in db.session.scalars(select(Membership).where(Membership.event_id == original.id)):
        db.session.add(Membership(event_id=copy.id, organizer_id=member.organizer_id, role=member.role))
    origin = default_origin(copy)
    copy.rehearsal = Rehearsal(original_id=original.id, origin=origin, simulated_at=origin, speed=10,
                               seed=random.randint(1, 9999), no_show_percent=10, walk_ins=0, spread_minutes=20,
                               applied=[], turn=0)
    accounts.record("repetition.creation", f"Répétition créée : « {copy.name} » (événement n° {copy.id})",
                    organizer=organizer, event_id=original.id, commit=False)
    accounts.record("repetition.creation", f"Copie de « {original.name} » pour une répétition",
                    organizer=organizer, event_id=copy.id, commit=False)
    db.session.commit()
    return copy


def _copy_people(original: Event, copy: Event, fake: Pseudonyms) -> dict[str, Any]:
    """Employers, offers, recruiters, candidates, wishes and preselections; returns the maps of old to new rows
    ('E3' -> employer, 'C12' -> candidate, offer ids)."""
    employers: dict[int, Employer] = {}
    offers: dict[int, Offer] = {}
    for employer in original.employers:
        first, last = fake.name()
        copied = Employer(event=copy, contact_name=f"{first} {last}", email=fake.email(first, last),
                          phone=fake.phone() if employer.phone else "",
                          **{k: getattr(employer, k) for k in EMPLOYER_KEPT})
        for offer in employer.offers:
            offers[offer.id] = Offer(title=offer.title, contract_type=offer.contract_type,
                                     description=offer.description, tables=list(offer.tables or []))
            copied.offers.append(offers[offer.id])
        for _recruiter in employer.recruiters:
            first, last = fake.name()
            copied.recruiters.append(Recruiter(name=f"{first} {last}", email=fake.email(first, last)))
        employers[employer.id] = copied
    candidates: dict[int, Candidate] = {}
    for candidate in original.candidates:
        first, last = fake.name()
        postcode, town = fake.town() if candidate.town or candidate.postcode else ("", "")
        email = fake.email(first, last) if is_real_email(candidate.email) else placeholder_email()
        person = Candidate(event=copy, first_name=first, last_name=last, email=email,
                           phone=fake.phone() if candidate.phone else "", postcode=postcode, town=town,
                           **{k: getattr(candidate, k) for k in CANDIDATE_KEPT})
        person.wishes = [Wish(employer=employers[w.employer_id], offer=offers.get(w.offer_id or 0), rank=w.rank)
                         for w in candidate.wishes]
        candidates[candidate.id] = person
    db.session.add_all([*employers.values(), *candidates.values()])
    for old_employer in original.employers:
        for decision in old_employer.preselections:
            db.session.add(Preselection(employer=employers[decision.employer_id],
                                        candidate=candidates[decision.candidate_id], decision=decision.decision))
    db.session.flush()
    return {"employers": employers, "candidates": candidates, "offers": offers}


def _copy_plan(original: Event, copy: Event, keys: dict[str, Any], organizer: Organizer | None) -> None:
    """Interviews (expected, no outcome), cancellations, and the published plan as the people of the copy were
    told it."""
    employers, candidates, offers = keys["employers"], keys["candidates"], keys["offers"]
    for interview in original.interviews:
        db.session.add(Interview(event=copy, candidate=candidates[interview.candidate_id],
                                 employer=employers[interview.employer_id], table=interview.table,
                                 start=interview.start, end=interview.end, locked=interview.locked,
                                 offers=[offers[o].id for o in interview.offers or [] if o in offers]))
    for cancelled in db.session.scalars(select(Cancellation).where(Cancellation.event_id == original.id)):
        db.session.add(Cancellation(event_id=copy.id, candidate=candidates.get(cancelled.candidate_id or 0),
                                    employer=employers.get(cancelled.employer_id or 0), table=cancelled.table,
                                    start=cancelled.start, end=cancelled.end, by=cancelled.by,
                                    reason=cancelled.reason))
    if original.published_at is None or original.published_plan is None:
        return
    renamed = {candidate_key(o): candidate_key(n) for o, n in candidates.items()}
    renamed |= {employer_key(o): employer_key(n) for o, n in employers.items()}
    names = {candidate_key(n): n.full_name for n in candidates.values()}
    plan = _renamed_plan(original.published_plan, renamed, names)
    copy.published_plan, copy.published_at = plan, original.published_at
    told = {candidate_key(c): c.plan_digest for c in original.candidates}
    told |= {employer_key(e): e.plan_digest for e in original.employers}
    for old_key, new_key in renamed.items():
        person = candidates[int(old_key[1:])] if old_key[0] == "C" else employers[int(old_key[1:])]
        was_told = told[old_key] is not None and told[old_key] == digest(original.published_plan.get(old_key, []))
        person.plan_digest = digest(plan.get(new_key, [])) if was_told else None
    db.session.add(Publication(event_id=copy.id, number=1, plan=plan, candidates_mailed=0, employers_mailed=0,
                               unchanged=0, without_email=0, author=organizer.email if organizer else "répétition",
                               comment=f"Planning publié de « {original.name} », copié pour la répétition"))


def _renamed_plan(plan: dict[str, list[dict]], renamed: dict[str, str], names: dict[str, str]) -> dict:
    """The published plan with the copy's keys and made-up names (rows of people no longer there are dropped)."""
    result = {}
    for key, rows in plan.items():
        if key not in renamed:
            continue
        kept = []
        for row in rows:
            old_candidate, _sep, old_employer = str(row.get("ref", "")).partition("-")
            if old_candidate not in renamed or old_employer not in renamed:
                continue
            new_candidate = renamed[old_candidate]
            kept.append(dict(row, ref=f"{new_candidate}-{renamed[old_employer]}", candidate=names[new_candidate]))
        result[renamed[key]] = kept
    return result
