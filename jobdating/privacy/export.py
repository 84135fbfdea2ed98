"""Everything stored about a person, as the data page shows it and as a JSON download (right of access)."""
from __future__ import annotations

import base64
import datetime as dt
from typing import Any

from sqlalchemy import select

from jobdating.core.models import Candidate, Employer, OutboxMail
from jobdating.core.notice import controller
from jobdating.core.questions import shown_value
from jobdating.core.times import hhmm
from jobdating.extensions import db
from jobdating.signup import cv as cv_files


def _when(moment: dt.datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment is not None else None


def _mails(addresses: list[str], event_id: int) -> list[dict[str, Any]]:
    rows = db.session.scalars(select(OutboxMail).where(OutboxMail.recipient.in_(addresses),
                                                       OutboxMail.event_id == event_id).order_by(OutboxMail.id))
    return [{"to": m.recipient, "kind": m.kind, "subject": m.subject, "state": m.state.value,
             "queued_at": _when(m.created_at), "sent_at": _when(m.sent_at)} for m in rows]


def _about(person: Candidate | Employer) -> dict[str, Any]:
    who = controller()
    event = person.event
    return {"event": {"name": event.name, "date": event.date.isoformat(), "venue": event.venue},
            "controller": {"organisation": who.organisation, "address": who.address,
                           "contact": who.contact_email, "dpo": who.dpo_email},
            "consent": {"given_at": _when(person.consent_at), "notice_version": person.consent_version}}


def candidate_data(candidate: Candidate, *, with_cv: bool = False) -> dict[str, Any]:
    """Identity, contact, profile, wishes, employers' decisions about them, interviews, arrival, emails, CV."""
    data = _about(candidate) | {
        "identity": {"first_name": candidate.first_name, "last_name": candidate.last_name},
        "contact": {"email": candidate.email, "phone": candidate.phone, "postcode": candidate.postcode,
                    "town": candidate.town},
        "profile": {"situation": candidate.situation.value,
                    "education_level": candidate.education_level.value if candidate.education_level else None,
                    "wanted_contracts": list(candidate.wanted_contracts or []),
                    "accessibility_needs": candidate.accessibility_needs,
                    "availability": list(candidate.available or []),
                    "max_interviews": candidate.max_interviews},
        "wishes": [{"rank": w.rank, "employer": w.employer.company, "offer": w.offer.title if w.offer else None}
                   for w in candidate.wishes],
        "answers": [{"question": a.question.label,
                     "offer": f"{a.question.offer.title} — {a.question.offer.employer.company}"
                     if a.question.offer else None,
                     "answer": shown_value(a.question, a.value)}
                    for a in sorted(candidate.answers, key=lambda a: (a.question.offer_id or 0, a.question.position))],
        "employer_decisions": [{"employer": p.employer.company, "decision": p.decision.value,
                                "decided_at": _when(p.decided_at)} for p in candidate.preselections],
        # what each employer recorded about them at the table is theirs to read too (rating, next step, notes)
        "interviews": [{"start": hhmm(i.start), "end": hhmm(i.end), "employer": i.employer.company,
                        "table": i.room_table, "outcome": i.outcome.value if i.outcome else None,
                        "rating": i.rating, "next_step": i.next_step, "employer_notes": i.notes}
                       for i in sorted(candidate.interviews, key=lambda i: i.start)],
        "day": {"walk_in": candidate.walk_in, "arrived_at": _when(candidate.arrived_at),
                "declared_absent_at": _when(candidate.absent_at)},
        "signed_up_at": _when(candidate.created_at),
        "emails": _mails([candidate.email], candidate.event_id),
        "cv": {"file_name": candidate.cv_original_name} if candidate.cv_filename else None,
    }
    if with_cv and candidate.cv_filename:
        path = cv_files.cv_path(candidate.cv_filename)
        if path is not None and path.is_file():
            data["cv"]["content_base64"] = base64.b64encode(path.read_bytes()).decode("ascii")
    return data


def employer_data(employer: Employer) -> dict[str, Any]:
    """The company, its contacts and recruiters, offers, presence, decisions it made, interviews, emails."""
    addresses = [employer.email] + [r.email for r in employer.recruiters]
    return _about(employer) | {
        "company": {"name": employer.company, "sector": employer.sector, "description": employer.description},
        "contact": {"name": employer.contact_name, "email": employer.email, "phone": employer.phone},
        "recruiters": [{"name": r.name, "email": r.email, "added_at": _when(r.created_at)}
                       for r in employer.recruiters],
        "offers": [{"title": o.title, "contract": o.contract_type.value, "description": o.description,
                    "questions": [q.label for q in o.questions]}
                   for o in employer.offers],
        "tables": employer.tables,
        "presence": list(employer.available or []), "preferred": list(employer.preferred or []),
        "decisions": [{"candidate_id": p.candidate_id, "decision": p.decision.value,
                       "decided_at": _when(p.decided_at)} for p in employer.preselections],
        "interviews": [{"start": hhmm(i.start), "end": hhmm(i.end), "table": i.room_table,
                        "candidate_id": i.candidate_id, "outcome": i.outcome.value if i.outcome else None}
                       for i in sorted(employer.interviews, key=lambda i: (i.start, i.table))],
        "day": {"arrived_at": _when(employer.arrived_at)},
        "signed_up_at": _when(employer.created_at),
        "emails": _mails(addresses, employer.event_id),
    }
