"""Plain values shared by the PDF tests: times, slot grids, company names."""
from __future__ import annotations

import datetime as dt

from jobdating.pdf import Slot

COMPANIES = ["Crédit Agricole Nord de France", "SNCF Voyageurs", "Leroy Merlin", "Pôle emploi", "Décathlon",
             "Centre hospitalier de Lens", "Capgemini", "La Poste"]


def at(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


def slots_between(first: str, last_end: str, minutes: int = 15, skip: tuple[str, str] | None = None) -> tuple:
    start = dt.datetime.combine(dt.date.today(), at(first))
    end = dt.datetime.combine(dt.date.today(), at(last_end))
    step = dt.timedelta(minutes=minutes)
    slots = []
    while start + step <= end:
        if not (skip and at(skip[0]) <= start.time() < at(skip[1])):
            slots.append(Slot(start.time(), (start + step).time()))
        start += step
    return tuple(slots)
