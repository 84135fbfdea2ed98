"""Rules about people every feature shares: finding them by private token."""
from __future__ import annotations

import hmac

from sqlalchemy import select

from jobdating.core.models import Candidate, Employer
from jobdating.extensions import db


def find_by_token(model: type[Candidate] | type[Employer], token: str,
                  attribute: str = "token") -> Candidate | Employer | None:
    """The candidate or employer of a private link (or of a badge, with attribute='badge_token');
    the token is compared in constant time."""
    if not token or len(token) > 64:
        return None
    column = getattr(model, attribute)
    found = db.session.scalar(select(model).where(column == token))
    if found is None or not hmac.compare_digest(getattr(found, attribute).encode(), token.encode()):
        return None
    return found
