"""Messages to groups: the organizer writes one email to a segment of the event's people, previews it, and
sends it through the outbox (one mail each, with their private link); the audit list keeps the history."""
from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from jobdating.core import accounts, outbox
from jobdating.core.mail import notice_url, private_url
from jobdating.core.models import Candidate, Employer, Event, Organizer
from jobdating.core.people import is_real_email
from jobdating.extensions import db

SEGMENTS = {
    "candidates": _l("Tous les candidats"),
    "employers": _l("Tous les employeurs"),
    "no_interview": _l("Les candidats sans entretien"),
    "not_arrived": _l("Les candidats avec un entretien, pas encore arrivés"),
}


def segments(event: Event) -> list[tuple[str, str]]:
    """The choices: the fixed segments, then each employer's candidates."""
    fixed = [(key, str(label)) for key, label in SEGMENTS.items()]
    return fixed + [(f"employer:{e.id}", _("Les candidats de %(company)s", company=e.company))
                    for e in sorted(event.employers, key=lambda e: e.company.casefold())]


def recipients(event: Event, segment: str) -> list[Candidate | Employer]:
    if segment == "candidates":
        people: list[Candidate | Employer] = list(event.candidates)
    elif segment == "employers":
        people = list(event.employers)
    elif segment == "no_interview":
        people = [c for c in event.candidates if not c.interviews]
    elif segment == "not_arrived":
        people = [c for c in event.candidates if c.interviews and c.arrived_at is None]
    elif segment.startswith("employer:") and segment[9:].isdigit():
        employer_id = int(segment[9:])
        people = [c for c in event.candidates if any(i.employer_id == employer_id for i in c.interviews)]
    else:
        people = []
    return [p for p in people if is_real_email(p.email)]


@dataclass
class Message:
    subject: str
    text: str


def render(event: Event, person: Candidate | Employer, subject: str, body: str) -> Message:
    """One person's copy: a greeting, the organizer's text, their private link and the notice."""
    is_candidate = isinstance(person, Candidate)
    name = person.first_name if isinstance(person, Candidate) else (person.contact_name or person.company)
    link = private_url("candidate.home" if is_candidate else "employer.home", person.token)
    text = "\n\n".join([_("Bonjour %(name)s,", name=name), body.strip(),
                        _("Votre page personnelle : %(link)s", link=link), _("L'équipe du job dating"),
                        _("Vos données personnelles et vos droits :") + " " + notice_url()]) + "\n"
    return Message(f"{subject.strip()} — {event.name}", text)


def send(event: Event, segment: str, subject: str, body: str, organizer: Organizer | None) -> int:
    """Queue the message for everyone in the segment; returns how many."""
    people = recipients(event, segment)
    for person in people:
        copy = render(event, person, subject, body)
        outbox.queue(person.email, outbox.Content(copy.subject, copy.text), event_id=event.id)
    label = dict(segments(event)).get(segment, segment)
    count = f"{len(people)} destinataire{'s' if len(people) > 1 else ''}"
    accounts.record("message.send", f"Message « {subject.strip()} » à {label} ({count})", organizer=organizer,
                    event_id=event.id, commit=False)
    db.session.commit()
    return len(people)
