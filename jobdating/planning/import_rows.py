"""What every imported row goes through: its cells read as text, an e-mail address, a phone number, a choice
among known values, and the rows of a file that repeat one another. The rules of each kind of row are in
import_candidates.py and import_employers.py; the columns in import_columns.py."""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from email_validator import EmailNotValidError, validate_email
from flask_babel import gettext as _
from flask_babel import ngettext

from jobdating.core.models import Event
from jobdating.planning import import_columns as columns
from jobdating.signup.forms import PHONE

# The longest text each field keeps (the columns of the models, the limits of the sign-up forms).
LENGTHS = {"first_name": 100, "last_name": 100, "email": 254, "town": 100, "company": 200, "contact_name": 200,
           "description": 2000}
Cells = Callable[[str], str]  # a row's cell under a field's column ("" when the file has no such column)


@dataclass
class Problem:
    column: str  # the column's header as in the model file; "" for the whole row
    message: str


@dataclass
class Line:
    """One row of the file: what will be saved, what the preview shows, and what is wrong with it."""

    number: int
    shown: dict[str, str] = field(default_factory=dict)
    details: dict[str, Any] = field(default_factory=dict)
    wishes: list[str] = field(default_factory=list)  # candidates: wish keys, best first
    offers: list[dict[str, Any]] = field(default_factory=list)  # employers: offer rows
    problems: list[Problem] = field(default_factory=list)
    # Why the row is left out of the import (the person is already signed up): its other problems do not count.
    skipped: str = ""

    def problem(self, column: str, message: str) -> None:
        self.problems.append(Problem(column, message))

    @property
    def wrong(self) -> bool:
        return bool(self.problems) and not self.skipped

    @property
    def importable(self) -> bool:
        return not self.problems and not self.skipped


class Checks:
    """The rules of one kind of row, with what they need from the event read once (addresses already signed up)."""

    kind = ""

    def __init__(self, event: Event):
        self.event = event
        self.taken: set[str] = set()

    def line(self, number: int, cells: Cells) -> Line:
        raise NotImplementedError

    def duplicates(self, lines: list[Line]) -> None:
        """Rows of the file that share an address (every kind has one); a kind adds its own."""
        self.repeated(lines, lambda line: line.details["email"].lower(), "email", lambda others: ngettext(
            "Cette adresse figure aussi à la ligne %(lines)s du fichier.",
            "Cette adresse figure aussi aux lignes %(lines)s du fichier.", len(others), lines=", ".join(others)))

    def header(self, name: str) -> str:
        return next(column.header for column in columns.COLUMNS[self.kind] if column.name == name)

    def text(self, line: Line, cells: Cells, name: str, required: bool = False) -> str:
        """A text cell, its spaces tidied (a presentation keeps its line breaks)."""
        value = cells(name).strip() if name == "description" else " ".join(cells(name).split())
        if required and not value:
            line.problem(self.header(name), _("Case vide : cette colonne est obligatoire."))
        elif name in LENGTHS and len(value) > LENGTHS[name]:
            line.problem(self.header(name), _("%(max)d caractères au plus (ici %(count)d).", max=LENGTHS[name],
                                              count=len(value)))
        line.shown[name] = line.details[name] = value
        return value

    def email(self, line: Line, cells: Cells) -> None:
        """A valid address (as the sign-up forms check it), in lower case, not signed up yet."""
        value = cells("email").strip()
        line.shown["email"] = line.details["email"] = value
        if not value:
            line.problem(self.header("email"), _("Case vide : cette colonne est obligatoire."))
            return
        try:
            address = validate_email(value, check_deliverability=False, allow_smtputf8=False).normalized.lower()
        except EmailNotValidError:
            line.problem(self.header("email"), _("« %(value)s » n'est pas une adresse e-mail valide (exemple : "
                                                 "prenom.nom@exemple.fr).", value=value))
            return
        if len(address) > LENGTHS["email"]:
            line.problem(self.header("email"), _("%(max)d caractères au plus (ici %(count)d).", max=LENGTHS["email"],
                                                 count=len(address)))
        line.shown["email"] = line.details["email"] = address
        if address in self.taken:  # a list brought again, or someone who signed up meanwhile: left out
            line.skipped = _("Cette adresse est déjà inscrite à ce job dating : la ligne sera ignorée.")

    def phone(self, line: Line, cells: Cells) -> None:
        value = " ".join(cells("phone").split())
        if re.fullmatch(r"[1-9]\d{8}", value):  # Excel drops the leading 0 of a number typed as a number
            value = "0" + value
        if value and not PHONE.regex.match(value):
            line.problem(self.header("phone"), _("« %(value)s » n'est pas un numéro de téléphone (exemple : "
                                                 "06 12 34 56 78).", value=value))
        line.shown["phone"] = line.details["phone"] = value

    def choice(self, line: Line, cells: Cells, name: str, vocabulary: columns.Vocabulary) -> str | None:
        """The stored value named in a cell (None for an empty cell); an unknown one lists those accepted."""
        value = " ".join(cells(name).split())
        line.shown[name] = value
        if not value:
            return None
        found = vocabulary.find(value)
        if found is None:
            accepted = ", ".join(vocabulary.shown)
            line.problem(self.header(name), _("« %(value)s » n'est pas une valeur reconnue ; écrivez l'une de "
                                              "celles-ci : %(values)s.", value=value, values=accepted))
        else:
            line.shown[name] = vocabulary.label(found)
        return found

    def repeated(self, lines: list[Line], key: Callable[[Line], str], name: str,
                 message: Callable[[list[str]], str]) -> None:
        """Flag each row that shares a value (an address, a company) with other rows of the file; `message` says
        so from the numbers of the others."""
        groups: dict[str, list[Line]] = defaultdict(list)
        for line in lines:
            if value := key(line):
                groups[value].append(line)
        for group in groups.values():
            for line in group if len(group) > 1 else ():
                line.problem(self.header(name), message([str(other.number) for other in group if other is not line]))
