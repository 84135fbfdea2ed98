"""The ids of people and wish targets in solver instances and wish forms: 'E12', 'O5', 'C3'."""
from __future__ import annotations

from jobdating.core.models import Candidate, Employer, Event, Offer


def employer_key(employer: Employer | int) -> str:
    return f"E{employer if isinstance(employer, int) else employer.id}"


def offer_key(offer: Offer | int) -> str:
    return f"O{offer if isinstance(offer, int) else offer.id}"


def candidate_key(candidate: Candidate | int) -> str:
    return f"C{candidate if isinstance(candidate, int) else candidate.id}"


def people_with_keys(event: Event) -> list[tuple[Candidate | Employer, str]]:
    """The event's candidates then employers, each with its key ('C12', 'E3'), as plans are keyed."""
    return ([(c, candidate_key(c)) for c in event.candidates]
            + [(e, employer_key(e)) for e in event.employers])


def person_by_key(key: str) -> Candidate | Employer | None:
    """The candidate ('C12') or employer ('E3') a key names, or None (unknown key, or the person is gone)."""
    from jobdating.extensions import db

    if len(key) < 2 or not key[1:].isdigit() or key[0] not in "CE":
        return None
    if key[0] == "C":
        return db.session.get(Candidate, int(key[1:]))
    return db.session.get(Employer, int(key[1:]))


def parse_key(key: str) -> tuple[str, int]:
    """'E12' -> ('E', 12): the kind of entry and its database id."""
    return key[0], int(key[1:])
