"""Searching French text as people type it: without accents, case or inclusive writing.

"infirmière", "infirmiere", "Infirmier" and "infirmier·ère" all find the offer "Infirmier·ère". Texts and queries
are folded the same way in Python, so the search behaves identically on SQLite and PostgreSQL (an event has at
most a few hundred employers, which the public page loads anyway).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Letters that NFKD does not split into a base letter and an accent.
_LETTERS = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "ß": "ss", "đ": "d", "ð": "d", "þ": "th",
                          "’": "'", "ʼ": "'"})
# "infirmier·ère", "agent.e.s", "salarié(e)s": a stem and one or more inclusive endings.
_DOTTED = re.compile(r"([a-z0-9]+)((?:[·•⋅∙.][a-z]{1,5})+)\b")
_BRACKETED = re.compile(r"([a-z0-9]+)\(([a-z]{1,5})\)([a-z]?)")
_TOKEN = re.compile(r"[a-z0-9]+")


def fold(text: str) -> str:
    """Lower case, without accents or ligatures: 'Œuvre d’Électricien' -> "oeuvre d'electricien"."""
    decomposed = unicodedata.normalize("NFKD", (text or "").lower().translate(_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def feminine(stem: str, ending: str) -> str:
    """The feminine word written by an inclusive ending: infirmier + ere, developpeur + se, chef + fe."""
    rules = (("ere", "er", 2), ("rice", "teur", 3), ("trice", "teur", 4), ("euse", "eur", 3), ("se", "eur", 1),
             ("ve", "f", 1), ("ale", "al", 2))
    for suffix, stem_end, cut in rules:
        if ending == suffix and stem.endswith(stem_end):
            return stem[:-cut] + ending
    return stem + ending  # agent·e, chef·fe, electricien·ne, maitre·sse


def _inclusive(folded: str) -> tuple[str, dict[str, str]]:
    """The text with each inclusive form written masculine, and the feminine word of each such masculine word."""
    feminines: dict[str, str] = {}

    def dotted(match: re.Match) -> str:
        stem, *endings = re.split(r"[·•⋅∙.]", match.group(0))
        plural = "s" if endings[-1] == "s" and len(endings) > 1 else ""
        feminines[stem + plural] = feminine(stem, endings[0]) + plural
        return stem + plural

    def bracketed(match: re.Match) -> str:
        stem, ending, rest = match.groups()
        feminines[stem + rest] = feminine(stem, ending) + rest
        return stem + rest

    return _BRACKETED.sub(bracketed, _DOTTED.sub(dotted, folded)), feminines


def index_text(parts: Iterable[str]) -> str:
    """What a query is matched against: ' word word … ', every word folded, inclusive forms spelled out."""
    text, feminines = _inclusive(fold(" ".join(p for p in parts if p)))
    return " " + " ".join([*_TOKEN.findall(text), *feminines.values()]) + " "


def query_terms(query: str) -> list[tuple[str, ...]]:
    """Each word of a query with its alternatives (feminine form, without a plural s); one letter words dropped."""
    text, feminines = _inclusive(fold(query))
    terms: list[tuple[str, ...]] = []
    for token in _TOKEN.findall(text):
        if len(token) < 2 and not token.isdigit():  # "l'", "d'"; but "bac+5" keeps its 5
            continue
        forms = dict.fromkeys([token, feminines.get(token, token)])
        for form in list(forms):
            if len(form) > 3 and form[-1] in "sx":
                forms[form[:-1]] = None
        terms.append(tuple(forms))
    return terms


def matches(index: str, terms: list[tuple[str, ...]]) -> bool:
    """True when every term starts a word of the index (through one of its alternatives)."""
    return all(any(" " + form in index for form in term) for term in terms)


def word_forms(text: str) -> set[str]:
    """A name or a label as compared with another (column headers, employers and offers named in a list): folded
    words one space apart, inclusive forms written masculine and feminine. 'Demandeur·se d’emploi' gives
    {'demandeur d emploi', 'demandeuse d emploi'}; two texts are the same when their forms meet."""
    folded, feminines = _inclusive(fold(text))
    tokens = _TOKEN.findall(folded)
    return {" ".join(tokens), " ".join(feminines.get(token, token) for token in tokens)}

