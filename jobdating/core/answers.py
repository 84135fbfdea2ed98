"""People's answers about coming: confirming, cancelling one interview, or the whole day. A cancelled
interview is freed at once (the row goes, a Cancellation keeps what was freed for the day-of tools), and the
other side is told by email; the organizer sees it on the dashboard and the live board."""
from __future__ import annotations

from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from jobdating.core import accounts, outbox
from jobdating.core.mail import private_url
from jobdating.core.models import Cancellation, Candidate, Employer, Interview
from jobdating.core.times import hhmm, utcnow
from jobdating.extensions import db

REASONS = {
    "empechement": _l("Un empêchement"),
    "emploi": _l("J'ai trouvé un emploi ou un stage"),
    "sante": _l("Raison de santé"),
    "transport": _l("Problème de transport"),
    "autre": _l("Autre raison"),
}


def confirm(person: Candidate | Employer) -> None:
    person.confirmed_at, person.declined_at = utcnow(), None
    accounts.record("venue.confirm", f"{_kind(person)} n° {person.id} confirme sa venue", event_id=person.event_id,
                    commit=False)
    db.session.commit()


def _kind(person: Candidate | Employer) -> str:
    return "Candidat" if isinstance(person, Candidate) else "Employeur"


def free_interview(interview: Interview, *, by: str, reason: str) -> Cancellation:
    """The interview's row goes; a Cancellation keeps what was freed (`by`: candidate, employer or organizer)."""
    row = Cancellation(event_id=interview.event_id, candidate_id=interview.candidate_id,
                       employer_id=interview.employer_id, table=interview.table, start=interview.start,
                       end=interview.end, by=by, reason=reason)
    db.session.add(row)
    db.session.delete(interview)
    return row


def cancel_interview(interview: Interview, *, by: Candidate | Employer, reason: str) -> Cancellation:
    """Free one interview and tell the other side; `by` is the candidate or the employer who cannot come."""
    label = str(REASONS.get(reason, REASONS["autre"]))
    _tell_other_side(interview, by)
    accounts.record("venue.cancel", f"Entretien de {hhmm(interview.start)} (table {interview.room_table}) annulé par "
                    f"{'le candidat' if isinstance(by, Candidate) else 'l’employeur'} : {label}",
                    event_id=interview.event_id, commit=False)
    return free_interview(interview, by="candidate" if isinstance(by, Candidate) else "employer", reason=label)


def cancel_day(person: Candidate | Employer, reason: str) -> int:
    """The person will not come at all: every interview is freed; returns how many."""
    interviews = list(person.interviews)
    for interview in interviews:
        cancel_interview(interview, by=person, reason=reason)
    person.declined_at, person.confirmed_at = utcnow(), None
    db.session.commit()
    return len(interviews)


def _tell_other_side(interview: Interview, by: Candidate | Employer) -> None:
    candidate, employer, event = interview.candidate, interview.employer, interview.event
    with force_locale("fr"):
        if isinstance(by, Candidate):
            to, link = employer.email, private_url("employer.home", employer.token)
            text = _("Bonjour,\n\n%(name)s ne pourra pas venir à son entretien de %(time)s (table %(table)s) avec "
                     "%(company)s lors de « %(event)s ». Le créneau est libéré ; l'équipe organisatrice pourra le "
                     "proposer à quelqu'un d'autre.\n\nVotre planning à jour : %(link)s\n",
                     name=candidate.full_name, time=hhmm(interview.start), table=interview.room_table,
                     company=employer.company, event=event.name, link=link)
        else:
            to, link = candidate.email, private_url("candidate.home", candidate.token)
            text = _("Bonjour %(name)s,\n\n%(company)s ne pourra pas assurer votre entretien de %(time)s lors de "
                     "« %(event)s ». Nous en sommes désolés ; l'équipe organisatrice vous proposera un autre "
                     "créneau si possible.\n\nVotre planning à jour : %(link)s\n",
                     name=candidate.first_name, company=employer.company, time=hhmm(interview.start),
                     event=event.name, link=link)
        subject = _("Entretien annulé — %(event)s", event=event.name)
    outbox.queue(to, outbox.Content(subject, text), event_id=event.id)
