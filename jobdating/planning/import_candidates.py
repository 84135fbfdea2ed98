"""The rules of an imported candidate row: names, address, phone, postcode, situation and diploma among the known
values, and wishes naming the event's employers and offers (then the sign-up's wish rules: how many, no repeat)."""
from __future__ import annotations

import re
from collections import defaultdict

from flask_babel import gettext as _
from sqlalchemy import func, select

from jobdating.core import lookup
from jobdating.core.keys import employer_key, offer_key
from jobdating.core.models import Candidate, EducationLevel, Event, Situation
from jobdating.core.search import word_forms
from jobdating.extensions import db
from jobdating.planning import import_columns as columns
from jobdating.planning.import_rows import Cells, Checks, Line
from jobdating.signup import rules
from jobdating.signup.forms import POSTCODE

# Wishes are separated by ';' or '|' (or written one per line in the cell).
SPLIT = re.compile(r"[;|\n]")


class CandidateChecks(Checks):
    kind = columns.CANDIDATES

    def __init__(self, event: Event):
        super().__init__(event)
        self.taken = set(db.session.scalars(select(func.lower(Candidate.email)).where(Candidate.event_id == event.id)))
        self.situations, self.levels = columns.situations(), columns.education_levels()
        # What a wish may be written as (a company, an offer, "company - offer"), folded -> {wish key: label}.
        self.targets: dict[str, dict[str, str]] = defaultdict(dict)
        for choice in lookup.wish_choices(event):  # approved employers only, as the sign-up form
            self._target(choice.company, employer_key(choice.employer_id), choice.company)
            if choice.offer_id is not None and choice.title:
                label = f"{choice.company} - {choice.title}"
                for name in (choice.title, f"{choice.company} {choice.title}", f"{choice.title} {choice.company}"):
                    self._target(name, offer_key(choice.offer_id), label)

    def _target(self, name: str, key: str, label: str) -> None:
        for form in word_forms(name):
            self.targets[form][key] = label

    def line(self, number: int, cells: Cells) -> Line:
        line = Line(number)
        for name, required in (("first_name", True), ("last_name", True), ("postcode", False), ("town", False)):
            self.text(line, cells, name, required)
        postcode = line.details["postcode"]
        if postcode and not POSTCODE.regex.match(postcode):
            line.problem(self.header("postcode"), _("« %(value)s » n'est pas un code postal (exemple : 62300).",
                                                    value=postcode))
        self.email(line, cells)
        self.phone(line, cells)
        situation = self.choice(line, cells, "situation", self.situations)
        if situation is None:
            situation = Situation.JOB_SEEKER.value
            line.shown["situation"] = self.situations.label(situation)
        level = self.choice(line, cells, "education_level", self.levels)
        line.details |= {"situation": Situation(situation), "education_level": EducationLevel(level) if level else None}
        self.wishes(line, cells)
        return line

    def wishes(self, line: Line, cells: Cells) -> None:
        """Each name matched with one company or offer of the event, then the sign-up's wish rules."""
        column = self.header("wishes")
        names = [name.strip() for name in SPLIT.split(cells("wishes")) if name.strip()]
        labels = []
        for name in names:
            found: dict[str, str] = {}
            for form in word_forms(name):
                found |= self.targets.get(form, {})
            if not found:
                line.problem(column, _("« %(value)s » ne correspond à aucune entreprise ni à aucune offre de ce job "
                                       "dating.", value=name))
            elif len(found) > 1:
                choices = ", ".join(sorted(found.values()))
                line.problem(column, _("« %(value)s » correspond à plusieurs offres (%(choices)s) : écrivez "
                                       "« Entreprise - Offre ».", value=name, choices=choices))
            else:
                [(key, label)] = found.items()
                line.wishes.append(key)
                labels.append(label)
        line.shown["wishes"] = " ; ".join(labels if len(labels) == len(names) else names)
        if line.wishes and len(line.wishes) == len(names):
            try:
                rules.build_wishes(self.event, line.wishes)
            except rules.RegistrationError as error:
                line.problem(column, str(error.message))

