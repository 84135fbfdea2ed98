"""An employer's recruiting team: each recruiter gets a private link of their own, which removal ends."""
from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select

from jobdating.core.accounts import AccountError, normalize_email
from jobdating.core.mail import notice_url, private_url
from jobdating.core.models import Employer, Recruiter
from jobdating.core.outbox import queue_mail
from jobdating.extensions import db


class RecruiterError(ValueError):
    """A team change refused, message in French."""


def add_recruiter(employer: Employer, name: str, email: str) -> Recruiter:
    """Add a recruiter and email them their own link to the employer's space."""
    try:
        address = normalize_email(email)
    except AccountError as error:
        raise RecruiterError(str(error)) from error
    if not (name or "").strip():
        raise RecruiterError(_("Indiquez le nom de la personne."))
    recruiter = Recruiter(employer=employer, name=name.strip(), email=address)
    db.session.add(recruiter)
    db.session.commit()
    link = private_url("employer.home", recruiter.token)
    text = _("Bonjour %(name)s,\n\n%(company)s vous a ajouté·e à son équipe de recrutement pour « %(event)s ».\n"
             "Votre lien personnel vers l'espace de l'entreprise (présélection, planning, résultats) :\n"
             "%(link)s\n\nNe le partagez pas : il donne accès aux CV des candidats.\n",
             name=recruiter.name, company=employer.company, event=employer.event.name, link=link)
    text += "\n" + _("Vos données personnelles et vos droits :") + " " + notice_url() + "\n"
    queue_mail(address, _("Votre accès — %(event)s", event=employer.event.name), text,
               event_id=employer.event_id)
    return recruiter


def remove_recruiter(employer: Employer, recruiter_id: int) -> None:
    """Remove a recruiter: their link stops working at once."""
    recruiter = db.session.scalar(select(Recruiter).where(Recruiter.id == recruiter_id,
                                                          Recruiter.employer_id == employer.id))
    if recruiter is None:
        raise RecruiterError(_("Cette personne ne fait pas partie de l'équipe."))
    db.session.delete(recruiter)
    db.session.commit()
