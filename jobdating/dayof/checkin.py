"""Front-desk check-in: a scanned badge link, a bare token or a name search marks a person arrived."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from flask_babel import gettext as _
from sqlalchemy import func, or_, select

from jobdating.core import accounts, lookup
from jobdating.core.models import Candidate, CheckIn, Employer, Event, Interview, Organizer
from jobdating.core.people import employer_by_token, find_by_token
from jobdating.core.times import to_utc
from jobdating.dayof.presence import next_interview
from jobdating.extensions import db

TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
CANDIDATE, EMPLOYER = "candidate", "employer"


class CheckinError(ValueError):
    """A code the desk cannot use (unknown, or from another event): the message says which, in French."""


@dataclass
class Arrival:
    """What the desk shows after a check-in, in large type."""

    person: Candidate | Employer
    kind: str
    already: bool
    next_interview: Interview | None

    @property
    def name(self) -> str:
        return self.person.display_name


def token_of(code: str) -> str | None:
    """The token inside what the scanner typed: a full link (…/b/<t>, …/c/<t>, …/e/<t>) or the bare token."""
    text = (code or "").strip()
    if "/" in text:
        path = urlsplit(text).path if "://" in text else text.split("?")[0].split("#")[0]
        parts = [p for p in path.split("/") if p]
        text = parts[-1] if parts else ""
    return text if TOKEN.match(text) else None


def looks_like_code(text: str) -> bool:
    """A scanned link or token, rather than a name typed by hand."""
    text = (text or "").strip()
    return "/" in text or (len(text) >= 20 and bool(TOKEN.match(text)))


def badge_owner(token: str) -> Candidate | None:
    """The candidate whose badge QR code carries `token` (compared in constant time)."""
    return find_by_token(Candidate, token, "badge_token")


def find_person(code: str) -> tuple[Candidate | Employer, str] | None:
    """Whoever a scanned code names: a badge (…/b/<badge token>) or a private link shown on a phone."""
    token = token_of(code)
    if token is None:
        return None
    candidate = badge_owner(token)
    if candidate is not None:
        return candidate, CANDIDATE
    candidate = find_by_token(Candidate, token)
    if candidate is not None:
        return candidate, CANDIDATE
    employer = employer_by_token(token)
    return (employer, EMPLOYER) if employer is not None else None


def check_in(event: Event, code: str, organizer: Organizer | None, when: dt.datetime) -> Arrival:
    """Check in the owner of a scanned code; scanning twice changes nothing."""
    found = find_person(code)
    if found is None:
        raise CheckinError(_("Code inconnu : ce badge ne correspond à aucune personne inscrite. "
                             "Cherchez la personne par son nom."))
    person, kind = found
    if person.event_id != event.id:
        raise CheckinError(_("Ce badge est celui d'un autre événement (« %(other)s ») : il ne vaut pas pour "
                             "« %(event)s ».", other=person.event.name, event=event.name))
    return arrive(event, person, organizer, when)


def arrive(event: Event, person: Candidate | Employer, organizer: Organizer | None, when: dt.datetime, *,
           commit: bool = True) -> Arrival:
    """Mark a person of `event` arrived (once: the first arrival time is kept); `commit=False` leaves the
    transaction to the caller (a rehearsal's simulated arrivals, saved together)."""
    kind = CANDIDATE if isinstance(person, Candidate) else EMPLOYER
    if person.event_id != event.id:
        raise CheckinError(_("Cette personne n'est pas inscrite à cet événement."))
    already = person.arrived_at is not None
    if not already:
        person.arrived_at = to_utc(when)
        if isinstance(person, Candidate):
            person.absent_at = None
            for interview in person.interviews:
                if interview.checkin != CheckIn.PRESENT and interview.outcome is None:
                    interview.checkin = CheckIn.PRESENT
        name = person.display_name
        accounts.record("jour.arrivee", f"Arrivée : {name}", organizer=organizer, event_id=event.id, commit=False)
        if commit:
            db.session.commit()
    return Arrival(person, kind, already, next_interview(person, when))


def undo(event: Event, person: Candidate | Employer, organizer: Organizer | None) -> None:
    """Cancel a check-in made by mistake."""
    if person.event_id != event.id or person.arrived_at is None:
        return
    person.arrived_at = None
    if isinstance(person, Candidate):
        for interview in person.interviews:
            if interview.checkin == CheckIn.PRESENT and interview.outcome is None:
                interview.checkin = CheckIn.EXPECTED
    name = person.display_name
    accounts.record("jour.arrivee_annulee", f"Arrivée annulée : {name}", organizer=organizer,
                    event_id=event.id, commit=False)
    db.session.commit()


def recent_arrivals(event: Event, limit: int = 8) -> list[Candidate | Employer]:
    """The last people checked in, newest first (two small queries, not the whole event)."""
    people: list[Candidate | Employer] = []
    for model in (Candidate, Employer):
        people += db.session.scalars(select(model).where(model.event_id == event.id, model.arrived_at.is_not(None))
                                     .order_by(model.arrived_at.desc()).limit(limit))
    return sorted(people, key=lambda p: p.arrived_at or dt.datetime.min.replace(tzinfo=dt.UTC), reverse=True)[:limit]


def person_of(event: Event, kind: str, person_id: int) -> Candidate | Employer | None:
    if kind == CANDIDATE:
        return lookup.in_event(Candidate, event, person_id)
    if kind == EMPLOYER:
        return lookup.in_event(Employer, event, person_id)
    return None


def search(event: Event, text: str, limit: int = 12) -> list[tuple[Candidate | Employer, str]]:
    """People of the event whose name (or company, for employers) contains every word typed."""
    words = [w for w in (text or "").casefold().split() if w][:4]
    if not words:
        return []
    full_name = func.lower(Candidate.first_name + " " + Candidate.last_name)
    candidates = select(Candidate).where(Candidate.event_id == event.id)
    employers = select(Employer).where(Employer.event_id == event.id)
    for word in words:
        pattern = f"%{word}%"
        candidates = candidates.where(or_(full_name.like(pattern), func.lower(Candidate.email).like(pattern)))
        employers = employers.where(or_(func.lower(Employer.company).like(pattern),
                                        func.lower(Employer.contact_name).like(pattern)))
    found: list[tuple[Candidate | Employer, str]] = [(c, CANDIDATE) for c in db.session.scalars(
        candidates.order_by(Candidate.last_name, Candidate.first_name).limit(limit))]
    found += [(e, EMPLOYER) for e in db.session.scalars(employers.order_by(Employer.company).limit(limit))]
    return found[:limit]
