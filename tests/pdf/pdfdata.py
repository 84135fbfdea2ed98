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


# Names as the demo event makes them, and worse: long words and compounds that must not be cut mid-word.
ROOM_COMPANIES = [
    "Groupe Soins Douaisis", "Atelier Santé Flandres", "Coopérative Robotique Bassin minier",
    "Hydrogène Hauts-de-France", "SAS Saveurs Terril", "Communauté d'agglomération de Lens-Liévin",
    "Établissement français du sang", "Data Terril", "Métallurgie Terril", "Conserverie Hauts-de-France",
    "Kiabi", "Centre hospitalier de Lens", "Transports Vandenbroucke-Delacroix", "La Poste",
]


def keeps_whole_words(company: str, shown: str) -> bool:
    """Whether shown (a label read as one line) prints company's words whole or cleanly abbreviated.

    A word is printed as written, or as its start and a full stop ('Coopér.'); an ellipsis after a word
    or a word's start ends the label ('Groupe Soins…'). 'Group e' or 'Atelie r' is a split word.
    """
    words, tokens = company.split(), shown.split()
    for index, token in enumerate(tokens):
        if index >= len(words):
            return False
        if token == words[index]:
            continue
        stem, mark = token[:-1], token[-1:]
        if mark not in (".", "…") or not stem or not words[index].startswith(stem):
            return False
        if mark == "…" and index != len(tokens) - 1:
            return False
    return len(tokens) == len(words) or tokens[-1].endswith("…")
