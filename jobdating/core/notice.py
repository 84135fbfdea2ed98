"""The privacy notice's facts, from the settings: who the data controller is, how long data is kept, and the
version of the notice that each consent records (a new version asks for consent again at the next edit)."""
from __future__ import annotations

import calendar
import datetime as dt
import hashlib
from dataclasses import dataclass

from flask import current_app

from jobdating.core.models import Candidate, Employer, Event

# Bump when the wording of the privacy notice (privacy/templates/privacy/notice.html) changes in substance.
NOTICE_REVISION = "2026-12-06"  # where the data comes from (sign-ups by the organizers, imported lists)


@dataclass(frozen=True)
class Controller:
    organisation: str
    address: str
    contact_email: str
    dpo_email: str


def controller() -> Controller:
    config = current_app.config
    return Controller(config["PRIVACY_CONTROLLER"], config["PRIVACY_ADDRESS"], config["PRIVACY_CONTACT_EMAIL"],
                      config["PRIVACY_DPO_EMAIL"])


def retention_months() -> int:
    return int(current_app.config["DATA_RETENTION_MONTHS"])


def consent_version() -> str:
    """A short fingerprint of what a person consents to: the notice's wording, the controller, the retention."""
    who = controller()
    text = "|".join([NOTICE_REVISION, who.organisation, who.address, who.contact_email, who.dpo_email,
                     str(retention_months())])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def needs_consent(person: Candidate | Employer) -> bool:
    """Has the notice changed since this person consented? (Consents from before versions were recorded, with
    no version, are not asked again.)"""
    return person.consent_version is not None and person.consent_version != consent_version()


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def erase_on(event: Event) -> dt.date:
    """The day the event's personal data is erased (DATA_RETENTION_MONTHS after the event)."""
    return add_months(event.date, retention_months())
