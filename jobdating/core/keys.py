"""The ids of people and wish targets in solver instances and wish forms: 'E12', 'O5', 'C3'."""
from __future__ import annotations

from jobdating.core.models import Candidate, Employer, Offer


def employer_key(employer: Employer | int) -> str:
    return f"E{employer if isinstance(employer, int) else employer.id}"


def offer_key(offer: Offer | int) -> str:
    return f"O{offer if isinstance(offer, int) else offer.id}"


def candidate_key(candidate: Candidate | int) -> str:
    return f"C{candidate if isinstance(candidate, int) else candidate.id}"


def parse_key(key: str) -> tuple[str, int]:
    """'E12' -> ('E', 12): the kind of entry and its database id."""
    return key[0], int(key[1:])
