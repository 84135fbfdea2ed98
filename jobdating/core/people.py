"""Rules about people every feature shares: finding them by private token, addresses that receive no mail."""
from __future__ import annotations

import hmac
import secrets

from sqlalchemy import select

from jobdating.core.models import Candidate, Employer, Recruiter
from jobdating.extensions import db


def find_by_token[Person: (Candidate, Employer, Recruiter)](model: type[Person], token: str,
                                                            attribute: str = "token") -> Person | None:
    """The candidate, employer or recruiter of a private link (or of a badge, with attribute='badge_token');
    the token is compared in constant time."""
    if not token or len(token) > 64:
        return None
    column = getattr(model, attribute)
    found = db.session.scalar(select(model).where(column == token))
    if found is None or not hmac.compare_digest(getattr(found, attribute).encode(), token.encode()):
        return None
    return found


def employer_by_token(token: str) -> Employer | None:
    """The employer of a private link: its own, or one of its recruiters' (removing a recruiter ends theirs)."""
    employer = find_by_token(Employer, token)
    if employer is not None:
        return employer
    recruiter = find_by_token(Recruiter, token)
    return recruiter.employer if recruiter is not None else None


# Walk-ins who give only a phone number get an address that can never receive mail (RFC 2606 ".invalid").
PLACEHOLDER_DOMAIN = "sur-place.invalid"


def placeholder_email() -> str:
    """A unique address for a person without email: the uniqueness rules hold, and no mail is ever sent."""
    return f"sur-place-{secrets.token_hex(6)}@{PLACEHOLDER_DOMAIN}"


# The made-up addresses of a rehearsal's pseudonymised people (RFC 2606 ".example": no mail server answers for
# it); the outbox never sends to them, whichever event a mail names.
REHEARSAL_DOMAIN = "repetition.example"


def _bare(address: str | None) -> str:
    """An address as its domain is compared: trimmed, without a closing bracket, lower case."""
    return (address or "").strip().rstrip(">").lower()


def is_rehearsal_address(address: str | None) -> bool:
    return _bare(address).endswith("@" + REHEARSAL_DOMAIN)


def is_real_email(address: str | None) -> bool:
    """False for a placeholder (any address under the reserved .invalid domain) or no address at all."""
    text = _bare(address)
    return bool(text) and not text.endswith(".invalid")
