"""CV files: PDF only, checked by content, stored under the instance folder with a random name."""
from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import BinaryIO

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from jobdating.core.models import Candidate, Employer, Wish
from jobdating.extensions import db

PDF_MAGIC = b"%PDF-"


class CVError(ValueError):
    """A CV that cannot be accepted; the message is shown next to the file field."""


def cv_dir() -> Path:
    path = Path(current_app.config["CV_DIR"])
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def _checked(data: bytes, limit: int) -> bytes:
    if not data:
        raise CVError(_l("Le fichier est vide. Choisissez votre CV au format PDF."))
    if len(data) > limit:
        raise CVError(_l("Le CV doit faire au plus %(size)s Mo. Choisissez un fichier PDF plus léger.",
                         size=_megabytes(limit)))
    if not data.startswith(PDF_MAGIC):
        raise CVError(_l("Le CV doit être un fichier PDF (le fichier choisi n'en est pas un)."))
    return data


def check_cv(stream: BinaryIO) -> None:
    """Raise CVError if the CV would be refused; the stream is left at its start, to be stored later."""
    limit = current_app.config["CV_MAX_BYTES"]
    try:
        _checked(stream.read(limit + 1), limit)
    finally:
        stream.seek(0)


def store_cv(stream: BinaryIO, original_name: str | None) -> tuple[str, str]:
    """Check and store an uploaded CV; returns (stored name, original name for the download)."""
    limit = current_app.config["CV_MAX_BYTES"]
    data = _checked(stream.read(limit + 1), limit)
    stored = secrets.token_hex(16) + ".pdf"
    target = cv_dir() / stored
    temporary = target.with_suffix(".part")
    # Readable by the server's own user only: a CV is personal data.
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
    os.replace(temporary, target)
    return stored, _download_name(original_name)


def delete_cv(stored_name: str | None) -> None:
    if stored_name:
        path = cv_path(stored_name)
        if path is not None:
            path.unlink(missing_ok=True)


def cv_path(stored_name: str) -> Path | None:
    """The file of a stored CV, refusing any name that is not one we generated."""
    if not stored_name or "/" in stored_name or "\\" in stored_name or stored_name.startswith("."):
        return None
    return cv_dir() / stored_name


def employer_may_read(employer: Employer, candidate: Candidate) -> bool:
    """An employer reads the CV of a candidate of the same event who wished it or one of its offers."""
    if employer.event_id != candidate.event_id or not candidate.cv_filename:
        return False
    wish = db.session.scalar(
        select(Wish.id).where(Wish.candidate_id == candidate.id, Wish.employer_id == employer.id).limit(1)
    )
    return wish is not None


def _download_name(original_name: str | None) -> str:
    name = Path((original_name or "").replace("\\", "/")).name.strip()
    name = "".join(ch for ch in name if ch.isprintable() and ch not in '"<>|:*?')[:150]
    if not name.lower().endswith(".pdf"):
        name = (name or "cv") + ".pdf"
    return name


def download_name(candidate: Candidate) -> str:
    """The file name of a CV download: the candidate's name, so that a folder of CVs can be told apart."""
    name = " ".join(f"CV {candidate.first_name or ''} {candidate.last_name or ''}".replace("/", " ").split())
    return _download_name(" ".join(name.translate({ord(ch): " " for ch in '\\"<>|:*?'}).split()))


def _megabytes(size: int) -> str:
    value = size / (1024 * 1024)
    return f"{value:.0f}" if value >= 1 else f"{value:.1f}"
