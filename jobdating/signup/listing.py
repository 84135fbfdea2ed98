"""The employers of the public event page under its search and filters."""
from __future__ import annotations

from dataclasses import dataclass, field

from jobdating.core.models import Employer, Event, Offer
from jobdating.core.search import index_text, matches, query_terms


@dataclass
class Listed:
    """A company to show: the offers that match first, then its other offers (the whole company is shown)."""

    employer: Employer
    offers: list[Offer]
    others: list[Offer] = field(default_factory=list)


def _offer_text(offer: Offer) -> list[str]:
    return [offer.title, offer.description, str(offer.contract_label)]


def listed_employer(employer: Employer, terms: list[tuple[str, ...]], sector: str, contract: str) -> Listed | None:
    """How this employer appears under the filters, or None when it does not match them."""
    if employer.approval_pending or sector and employer.sector != sector:
        return None
    offers = [o for o in employer.offers if not contract or o.contract_type.value == contract]
    if contract and not offers:
        return None
    if not terms:
        return Listed(employer, offers)
    company = [employer.company, employer.sector, employer.description]
    if matches(index_text(company), terms):
        return Listed(employer, offers)  # the query names the company: all its offers match
    found = [o for o in offers if matches(index_text([*company, *_offer_text(o)]), terms)]
    if not found:
        return None
    return Listed(employer, found, [o for o in offers if o not in found])


def search_employers(event: Event, query: str, sector: str = "", contract: str = "") -> list[Listed]:
    """The event's employers matching a free-text query (accents, case and inclusive writing ignored)."""
    terms = query_terms(query)
    listed = (listed_employer(employer, terms, sector, contract) for employer in event.employers)
    return [item for item in listed if item is not None]
