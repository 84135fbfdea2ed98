"""The wish picker: every employer and offer of the event, grouped by company, and the ranked list chosen.

Without JavaScript it is a plain form: a checkbox per company and offer (name "pick"), the chosen list as hidden
fields "wishes-0…" in rank order, and submit buttons to move, remove or add wishes (the page comes back, nothing is
saved). signup.js does the same in the page. Forms without the picker (the organizer's) post "wishes-N" only.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from flask import request
from flask_babel import gettext as _

from jobdating.core import lookup
from jobdating.core.keys import employer_key, offer_key
from jobdating.core.models import CONTRACT_LABELS, Candidate, Event

PICKER = "picker"  # hidden field of the picker: the checkboxes say which wishes are chosen


@dataclass
class Group:
    company: str
    sector: str
    options: list[tuple[str, str, str]]  # (key, text, contract label or "")
    employer_id: int = 0


@dataclass
class WishCatalog:
    groups: list[Group] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)  # key -> "Title (contract) — Company", for the list


def wish_catalog(event: Event) -> WishCatalog:
    """Every wish target of the event: per company, the whole company first, then each of its offers (built
    once per request from plain rows; each text translated once, not once per company)."""
    cached = getattr(request, "wish_catalog", None)
    if cached is not None and cached[0] == event.id:
        return cached[1]
    catalog = WishCatalog()
    whole_text, whole_label = _("Toute l'entreprise"), _("%(company)s — toute l'entreprise")
    contracts = {kind: str(label) for kind, label in CONTRACT_LABELS.items()}
    for choice in lookup.wish_choices(event):
        if not catalog.groups or catalog.groups[-1].employer_id != choice.employer_id:
            whole = employer_key(choice.employer_id)
            catalog.groups.append(Group(choice.company, choice.sector, [(whole, whole_text, "")], choice.employer_id))
            catalog.labels[whole] = whole_label % {"company": choice.company}
        if choice.offer_id is not None and choice.contract_type is not None:
            key, contract = offer_key(choice.offer_id), contracts[choice.contract_type]
            catalog.groups[-1].options.append((key, choice.title or "", contract))
            catalog.labels[key] = f"{choice.title} ({contract}) — {choice.company}"
    request.wish_catalog = (event.id, catalog)  # type: ignore[attr-defined]
    return catalog


def setup_wishes(form, event: Event, *, selects: bool = True) -> None:
    """One row per allowed wish, in the order of the picker when it is used; `selects`: the rows are shown as
    selects (the organizer's form), which need every choice (the picker reads the catalogue itself)."""
    while len(form.wishes) < event.max_wishes:
        form.wishes.append_entry()
    while len(form.wishes) > event.max_wishes:
        form.wishes.pop_entry()
    choices = [("", ""), *wish_catalog(event).labels.items()] if selects else [("", "")]
    for rank, entry in enumerate(form.wishes, start=1):
        entry.choices = choices
        entry.data = entry.data or ""
        entry.label.text = _("Vœu n° %(rank)d", rank=rank)
    form.extra_wishes = []
    if request.method == "POST" and PICKER in request.form:
        _apply_picks(form, request.form.getlist("pick"))


def _apply_picks(form, picked: list[str]) -> None:
    """The ticked boxes are the chosen wishes: those already ranked keep their rank, new ones follow in page order."""
    ranked = [entry.data for entry in form.wishes if entry.data and entry.data in picked]
    ranked += [key for key in dict.fromkeys(picked) if key and key not in ranked]
    _set_ranked(form, ranked)


def _set_ranked(form, ranked: list[str]) -> None:
    rows = len(form.wishes)
    for index, entry in enumerate(form.wishes):
        entry.data = ranked[index] if index < len(ranked) else ""
    form.extra_wishes = ranked[rows:]  # more than allowed: kept so that the rules say so


def apply_move(form) -> bool:
    """Handle a button of the wish list used without JavaScript (move, remove, add the ticked ones); True if one
    was pressed: the page comes back with the new list and nothing is saved."""
    ranked = wish_keys(form)
    move = request.form.get("move", "")
    index, _sep, direction = move.partition(":")
    if index.isdigit() and direction in ("up", "down"):
        i = int(index)
        j = i - 1 if direction == "up" else i + 1
        if 0 <= i < len(ranked) and 0 <= j < len(ranked):
            ranked[i], ranked[j] = ranked[j], ranked[i]
        _set_ranked(form, ranked)
        return True
    remove = request.form.get("remove", "")
    if remove.isdigit():
        if int(remove) < len(ranked):
            del ranked[int(remove)]
        _set_ranked(form, ranked)
        return True
    return "add_wishes" in request.form


def wish_keys(form) -> list[str]:
    """The chosen wishes, best first."""
    return [entry.data for entry in form.wishes if entry.data] + list(getattr(form, "extra_wishes", []))


def fill_wishes(form, candidate: Candidate) -> None:
    keys = [offer_key(w.offer_id) if w.offer_id else employer_key(w.employer_id) for w in candidate.wishes]
    for entry, key in zip(form.wishes, keys, strict=False):  # the form may offer more rows than wishes
        entry.data = key
