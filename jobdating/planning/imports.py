"""Importing a list of candidates or employers (a job centre brings its list): the uploaded file is kept
server-side under a random token until the organizer confirms, its rows are previewed with their problems, and a
list without any problem is saved in one transaction: all of its rows, or none.

Reading a file: import_files.py; its columns: import_columns.py; the rules of a row: import_rows.py,
import_candidates.py, import_employers.py (the sign-up's rules, through signup.rules and the registration service).
"""
from __future__ import annotations

import datetime as dt
import hmac
import logging
from dataclasses import dataclass, field
from typing import Any

from flask import current_app
from flask_babel import force_locale, format_decimal, ngettext
from flask_babel import gettext as _
from sqlalchemy import delete, select
from sqlalchemy.exc import SQLAlchemyError

from jobdating.core import accounts
from jobdating.core.mail import send_private_link
from jobdating.core.models import Candidate, Employer, Event, ImportUpload, Organizer
from jobdating.core.times import utcnow
from jobdating.extensions import db
from jobdating.planning import import_columns as columns
from jobdating.planning.import_candidates import CandidateChecks
from jobdating.planning.import_employers import EmployerChecks
from jobdating.planning.import_files import FileProblem, read_table
from jobdating.planning.import_rows import Line
from jobdating.signup.registration import RegistrationError, new_candidate, new_employer

log = logging.getLogger(__name__)
# An uploaded list waits this long for its confirmation; then it is deleted (it holds personal data).
KEEP = dt.timedelta(hours=1)


class ImportRefused(ValueError):
    """The list cannot be imported as it is: nothing was saved; the message says why, in French."""


@dataclass
class Preview:
    """Every row of a list as it will be imported, with its problems."""

    kind: str
    filename: str
    columns: list[columns.Column]  # the columns found in the file, in the model's order
    lines: list[Line]
    ignored: list[str] = field(default_factory=list)  # headers that are no column of ours

    @property
    def wrong(self) -> list[Line]:
        return [line for line in self.lines if line.wrong]

    @property
    def importable(self) -> list[Line]:
        return [line for line in self.lines if line.importable]

    @property
    def valid_count(self) -> int:
        return len(self.importable)

    @property
    def skipped(self) -> list[Line]:
        """Rows of people already signed up: left out, the others imported."""
        return [line for line in self.lines if line.skipped]

    @property
    def without_wishes(self) -> int:
        return sum(1 for line in self.importable if self.kind == columns.CANDIDATES and not line.wishes)


def check_rows(event: Event, content: bytes, filename: str, kind: str) -> Preview:
    """Every row of a file checked against the event as it is now; a FileProblem when the file itself cannot be
    read (not a CSV or an .xlsx, empty, too big, too many rows, a header without the required columns)."""
    limit = current_app.config["IMPORT_MAX_BYTES"]
    if len(content) > limit:
        raise FileProblem(_("Le fichier fait %(size)s Mo : %(max)s Mo au plus. Découpez la liste en plusieurs "
                            "fichiers.", size=_megabytes(len(content)), max=_megabytes(limit)))
    table = read_table(content, filename, max_rows=current_app.config["IMPORT_MAX_ROWS"])
    header = columns.match_header(table.header, kind)
    checks = CandidateChecks(event) if kind == columns.CANDIDATES else EmployerChecks(event)
    lines = []
    for number, cells in table.rows:
        def cell(name: str, cells: list[str] = cells) -> str:
            index = header.positions.get(name)
            return cells[index] if index is not None and index < len(cells) else ""

        line = checks.line(number, cell)
        if any(cells[header.width:]):
            line.problem("", _("Des cases sont remplies au-delà des colonnes de l'en-tête : une valeur qui contient "
                               "le séparateur de colonnes (« ; » ou « , ») doit être entre guillemets."))
        lines.append(line)
    checks.duplicates(lines)
    found = [column for column in columns.COLUMNS[kind] if column.name in header.positions]
    return Preview(kind, filename, found, lines, header.ignored)


def _megabytes(size: int) -> str:
    """A size in megabytes as the reader writes numbers: '2', '1,5' in French; a small one with more decimals."""
    return format_decimal(size / 1024 / 1024, format="#,##0.#" if size >= 1024 * 1024 else "#,##0.###")


# The uploaded file, between the preview and the confirmation ---------------------------------------------

def keep_upload(event: Event, organizer: Organizer, kind: str, filename: str, content: bytes) -> ImportUpload:
    """Keep a readable list for its preview and confirmation; a FileProblem (nothing kept) when it is unreadable."""
    check_rows(event, content, filename, kind)
    forget_expired(commit=False)
    upload = ImportUpload(event_id=event.id, organizer_id=organizer.id, kind=kind, content=content,
                          filename=(filename or "liste")[-200:])
    db.session.add(upload)
    db.session.commit()
    return upload


def find_upload(event: Event, organizer: Organizer, token: str) -> ImportUpload | None:
    """The list this organizer uploaded to this event under `token`, unless it has expired."""
    if not token or len(token) > 64:
        return None
    upload = db.session.scalar(select(ImportUpload).where(
        ImportUpload.token == token, ImportUpload.event_id == event.id, ImportUpload.organizer_id == organizer.id,
        ImportUpload.created_at > utcnow() - KEEP))
    if upload is None or not hmac.compare_digest(upload.token.encode(), token.encode()):
        return None
    return upload


def forget_expired(*, commit: bool = True) -> int:
    """Delete the lists whose confirmation never came (periodic work, and at each upload); how many."""
    result = db.session.execute(delete(ImportUpload).where(ImportUpload.created_at <= utcnow() - KEEP))
    if commit:
        db.session.commit()
    return int(getattr(result, "rowcount", 0) or 0)


def preview(event: Event, upload: ImportUpload) -> Preview:
    return check_rows(event, upload.content, upload.filename, upload.kind)


# Saving: all rows or none --------------------------------------------------------------------------------

def import_list(event: Event, upload: ImportUpload, organizer: Organizer, *, consent: bool, send_links: bool) -> int:
    """Save every row of a list checked again now, in one transaction, and record it in the audit list; how
    many people were imported. ImportRefused (nothing saved) when a row has a problem or the save fails.

    The organizer declares (`consent`, the confirmation's required box) that the people agreed to the use of
    their data: each person's consent is recorded as given now, to the current privacy notice, and the audit list
    says how. With `send_links`, each one gets the sign-up email with their private link (through the outbox)."""
    if not consent:
        raise ImportRefused(_("Confirmez que les personnes de la liste ont donné leur accord."))
    try:
        result = preview(event, upload)
    except FileProblem as problem:
        raise ImportRefused(str(problem.message)) from None
    if result.wrong:
        raise ImportRefused(ngettext(
            "%(num)d ligne est en erreur : corrigez le fichier, puis envoyez-le à nouveau. Rien n'a été importé.",
            "%(num)d lignes sont en erreur : corrigez le fichier, puis envoyez-le à nouveau. Rien n'a été importé.",
            len(result.wrong)))
    if not result.importable:
        raise ImportRefused(_("Toutes les lignes de la liste sont déjà inscrites : il n'y a rien à importer."))
    people: list[Candidate | Employer] = []
    line: Line | None = None
    try:
        with db.session.no_autoflush:  # one flush for the whole list (the rules' queries would flush each row)
            for line in result.importable:
                people.append(_new_person(event, result.kind, line))
                db.session.add(people[-1])
        db.session.flush()
        if send_links:
            with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):  # a French list gets French mails
                for person in people:
                    send_private_link(person, commit=False)
        accounts.record(f"import.{result.kind}", _audit_detail(result, len(people), send_links),
                        organizer=organizer, event_id=event.id, commit=False)
        db.session.delete(upload)
        db.session.commit()
    except RegistrationError as error:  # the event changed between the check and the save
        db.session.rollback()
        raise ImportRefused(_("Ligne %(n)d : %(message)s Rien n'a été importé.", n=line.number if line else 0,
                              message=str(error.message))) from None
    except SQLAlchemyError:
        db.session.rollback()
        log.exception("import of %s into event %s failed", result.kind, event.id)
        raise ImportRefused(_("L'import n'a pas pu être enregistré : rien n'a été importé. Réessayez dans un "
                              "instant.")) from None
    return len(people)


def _new_person(event: Event, kind: str, line: Line) -> Any:
    if kind == columns.CANDIDATES:
        return new_candidate(event, line.details, line.wishes, consent=True, wishes_required=False)
    return new_employer(event, line.details, line.offers, consent=True, approved=True)


def _audit_detail(result: Preview, count: int, send_links: bool) -> str:
    """The audit list's words (French, as the rest of the list)."""
    what = "candidats" if result.kind == columns.CANDIDATES else "employeurs (validés)"
    skipped = f" ; {len(result.skipped)} ligne(s) déjà inscrite(s), ignorée(s)" if result.skipped else ""
    return (f"Import de {count} {what} depuis « {result.filename} »{skipped} ; accord des personnes déclaré par "
            f"l'organisation ; liens personnels {'envoyés' if send_links else 'non envoyés'}")
