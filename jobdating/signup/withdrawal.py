"""Leaving for good: a candidate or an employer erased (on their own request, the organizer's, or a request
made to the organizer), with every trace of them; the audit list says it happened without naming them."""
from __future__ import annotations

from flask_babel import force_locale
from flask_babel import gettext as _

from jobdating.core import accounts, outbox
from jobdating.core.erasure import forget_mails, remove_mail_file, scrub_event, traces
from jobdating.core.models import Candidate, Employer, Organizer, OutboxMail
from jobdating.core.people import is_real_email
from jobdating.extensions import db
from jobdating.signup import cv as cv_files
from jobdating.signup import registration

# A confirmation of erasure deletes its own row once sent: the address it went to is not kept.
outbox.kinds["erased"] = outbox.Kind(render=lambda mail: None, sent=lambda mail: _forget_sent(mail))


def _forget_sent(mail: OutboxMail) -> None:
    remove_mail_file(mail)  # development only: the copy the file transport wrote
    db.session.delete(mail)


def _confirm(address: str, event_name: str) -> None:
    """Tell the person their data is gone (queued, sent, then forgotten)."""
    if not is_real_email(address):
        return
    with force_locale("fr"):
        subject = _("Vos données ont été effacées — %(event)s", event=event_name)
        text = _("Bonjour,\n\nComme demandé, vos données pour « %(event)s » ont été effacées : inscription, "
                 "coordonnées, vœux, entretiens et CV. Cet e-mail est le dernier que vous recevez de notre part "
                 "pour cet événement ; votre adresse n'est pas conservée.\n", event=event_name)
    outbox.queue(address, outbox.Content(subject, text), kind="erased")


def erase_candidate(candidate: Candidate, *, reason: str, organizer: Organizer | None = None,
                    confirm: bool = True) -> None:
    """Erase a candidate: their row, wishes, decisions, interviews, CV, emails, and their traces elsewhere."""
    event_id, event_name, address = candidate.event_id, candidate.event.name, candidate.email
    words = traces(candidate)
    forget_mails(event_id, f"C{candidate.id}", [address])
    stored = candidate.cv_filename
    registration.forget_in_published_plan(candidate)
    db.session.delete(candidate)
    db.session.flush()
    scrub_event(event_id, words)
    accounts.record("rgpd.effacement", f"Données d'un candidat effacées ({reason})", organizer=organizer,
                    event_id=event_id, commit=False)
    if confirm:
        _confirm(address, event_name)
    db.session.commit()
    cv_files.delete_cv(stored)


def erase_employer(employer: Employer, *, reason: str, organizer: Organizer | None = None,
                   confirm: bool = True) -> int:
    """Erase an employer (its interviews are freed, its contacts and recruiters forgotten); returns how many
    interviews it had."""
    event, key, words = employer.event, f"E{employer.id}", traces(employer)
    freed, address = len(employer.interviews), employer.email
    forget_mails(event.id, key, [address] + [r.email for r in employer.recruiters])
    if event.published_plan:
        own = event.published_plan.get(key, [])
        event.published_plan = {k: [row for row in rows if not (k.startswith("C") and row in own)]
                                for k, rows in event.published_plan.items() if k != key}
    db.session.delete(employer)
    db.session.flush()
    scrub_event(event.id, words)
    accounts.record("rgpd.effacement", f"Données d'un employeur effacées ({reason}) ; {freed} entretien(s) libéré(s)",
                    organizer=organizer, event_id=event.id, commit=False)
    if confirm:
        _confirm(address, event.name)
    db.session.commit()
    return freed
