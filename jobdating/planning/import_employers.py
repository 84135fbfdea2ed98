"""The rules of an imported employer row: company, contact, address, phone, sector among the event's sectors, a
presentation, tables, and offers (each with its contract, in brackets or from the contract column), then the
sign-up's offer rules. An employer imported by the organizers is approved: candidates see it at once."""
from __future__ import annotations

import re

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import func, select

from jobdating.core.models import Employer, Event
from jobdating.core.search import word_forms
from jobdating.extensions import db
from jobdating.planning import import_columns as columns
from jobdating.planning.import_rows import Cells, Checks, Line
from jobdating.signup import rules

SPLIT = re.compile(r"[;|\n]")
# "Cariste (CDD)": an offer's contract in brackets at the end of its title.
CONTRACT_SUFFIX = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*$")
MAX_TABLES = 10


def company_key(name: str) -> str:
    """A company's name as compared with others (case, accents and punctuation aside)."""
    return min(word_forms(name))


class EmployerChecks(Checks):
    kind = columns.EMPLOYERS

    def __init__(self, event: Event):
        super().__init__(event)
        self.taken = set(db.session.scalars(select(func.lower(Employer.email)).where(Employer.event_id == event.id)))
        self.companies = {company_key(name) for name in db.session.scalars(
            select(Employer.company).where(Employer.event_id == event.id))}
        self.sectors, self.contracts = columns.sectors(), columns.contracts()

    def line(self, number: int, cells: Cells) -> Line:
        line = Line(number)
        company = self.text(line, cells, "company", required=True)
        if company and company_key(company) in self.companies:
            line.skipped = _("Une entreprise de ce nom est déjà inscrite à ce job dating : la ligne sera ignorée.")
        self.text(line, cells, "contact_name")
        self.email(line, cells)
        self.phone(line, cells)
        line.details["sector"] = self.choice(line, cells, "sector", self.sectors) or ""
        self.text(line, cells, "description")
        self.tables(line, cells)
        self.offers(line, cells)
        return line

    def tables(self, line: Line, cells: Cells) -> None:
        value = cells("tables").strip()
        line.details["tables"] = int(value) if value.isdigit() else 1
        line.shown["tables"] = str(line.details["tables"]) if value.isdigit() or not value else value
        if value and not (value.isdigit() and 1 <= int(value) <= MAX_TABLES):
            line.problem(self.header("tables"), _("Indiquez un nombre de tables entre 1 et 10."))

    def offers(self, line: Line, cells: Cells) -> None:
        """Each title with its contract (in brackets after it, or the row's contract), then the sign-up's rules."""
        column = self.header("offers")
        default = self.choice(line, cells, "contract_type", self.contracts)
        texts = [text.strip() for text in SPLIT.split(cells("offers")) if text.strip()]
        if not texts:
            line.problem(column, _("Indiquez au moins une offre (l'intitulé d'un poste)."))
        seen: set[str] = set()
        shown = []
        for text in texts:
            title, contract = text, default
            bracket = CONTRACT_SUFFIX.match(text)
            if bracket and (named := self.contracts.find(bracket.group(2))):
                title, contract = bracket.group(1).strip(), named
            if len(title) > 200:
                line.problem(column, _("« %(title)s » : 200 caractères au plus par intitulé.", title=title[:40] + "…"))
            if contract is None:
                line.problem(column, _("Précisez le contrat de « %(title)s » : entre parenthèses après l'intitulé "
                                       "(« %(title)s (CDI) »), ou dans la colonne « Type de contrat ».", title=title))
            if word_forms(title) & seen:
                line.problem(column, _("L'offre « %(title)s » est écrite deux fois.", title=title))
            seen |= word_forms(title)
            line.offers.append({"title": title, "contract_type": contract or "", "description": "", "tables": []})
            shown.append(f"{title} ({self.contracts.label(contract)})" if contract else title)
        line.shown["offers"] = " ; ".join(shown)
        if texts and not any(problem.column == column for problem in line.problems):
            try:
                rules.kept_offer_rows(line.offers, line.details["tables"])
            except rules.RegistrationError as error:
                line.problem(column, str(error.message))

    def duplicates(self, lines: list[Line]) -> None:
        super().duplicates(lines)
        self.repeated(lines, lambda line: company_key(line.details["company"]) if line.details["company"] else "",
                      "company", lambda others: ngettext(
                          "Cette entreprise figure aussi à la ligne %(lines)s du fichier.",
                          "Cette entreprise figure aussi aux lignes %(lines)s du fichier.", len(others),
                          lines=", ".join(others)))
