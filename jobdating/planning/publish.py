"""Publishing the plan: private pages show it, each person gets it by email with an .ics calendar file."""
from __future__ import annotations

import logging

from flask import current_app, render_template
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import func, select

from jobdating.core import accounts, outbox
from jobdating.core.calendars import calendar
from jobdating.core.keys import people_with_keys, person_by_key
from jobdating.core.mail import private_url
from jobdating.core.models import (
    Candidate,
    Employer,
    Event,
    EventStatus,
    MailState,
    Organizer,
    OutboxMail,
    Publication,
)
from jobdating.core.people import is_real_email
from jobdating.core.plans import digest, plan_rows
from jobdating.core.times import utcnow
from jobdating.extensions import db
from jobdating.planning import versions
from jobdating.planning.scheduling import active_run

log = logging.getLogger(__name__)


class PublishError(ValueError):
    """Publication refused, message in French."""


def render_plan_mail(mail: OutboxMail) -> outbox.Content | None:
    """A person's plan mail, rendered when it leaves from the plan as published now: None (nothing to send)
    if a newer publication changed their plan since (that one queued its own mail) or they left."""
    event = db.session.get(Event, mail.event_id) if mail.event_id is not None else None
    person = person_by_key(mail.person_key or "")
    if event is None or person is None or person.event_id != event.id:
        return None
    rows = (event.published_plan or {}).get(mail.person_key or "", [])
    if digest(rows) != mail.payload.get("digest"):
        return None
    is_candidate = isinstance(person, Candidate)
    # A candidate declared absent on the day is told that their absence was noted, never "no interview for you".
    absent = isinstance(person, Candidate) and person.absent_at is not None and person.arrived_at is None
    republished = bool(mail.payload.get("changed"))
    since = db.session.get(Publication, mail.payload["since"]) if mail.payload.get("since") else None
    changes = versions.diff((since.plan or {}).get(mail.person_key or "") if since else None, rows) \
        if republished else None
    publication = db.session.get(Publication, mail.publication_id) if mail.publication_id else None
    sequence = publication.number if publication is not None else 0
    with force_locale(current_app.config.get("BABEL_DEFAULT_LOCALE", "fr")):
        context = dict(person=person, event=event, rows=rows, is_candidate=is_candidate, republished=republished,
                       absent=absent,
                       changes=changes, since=since,
                       link=private_url("candidate.home" if is_candidate else "employer.home", person.token))
        subject = (_("Votre absence est notée — %(event)s", event=event.name) if absent
                   else _("Votre planning a changé — %(event)s", event=event.name) if republished
                   else _("Votre planning — %(event)s", event=event.name))
        text = render_template("organizer/mail/plan.txt", **context)
        attachments = []
        if rows and not absent:
            attachments.append(("planning.ics", "text/calendar",
                                calendar(event, rows, for_candidate=is_candidate, sequence=sequence)))
        if changes is not None and changes.cancelled:
            attachments.append(("annulations.ics", "text/calendar",
                                calendar(event, changes.cancelled, for_candidate=is_candidate, sequence=sequence,
                                         method="CANCEL")))
    return outbox.Content(subject, text, attachments=attachments)


def plan_mail_sent(mail: OutboxMail) -> None:
    """The person now has this plan: the next publication writes to them only if it changes."""
    person = person_by_key(mail.person_key or "")
    if person is not None:
        person.plan_digest = mail.payload.get("digest")


outbox.kinds["plan"] = outbox.Kind(render_plan_mail, plan_mail_sent)


# What publishing does for one person (plan_decision): their mail with this plan is already on its way; they
# already have it (or said they would not come and have nothing new); they have no address; or a mail goes.
ON_ITS_WAY, UNCHANGED, NO_EMAIL, MAIL = "on_its_way", "unchanged", "no_email", "mail"


def plan_decision(person: Candidate | Employer, fingerprint: str, waiting_digest: str | None) -> str:
    """The one rule, for publishing and for telling beforehand what publishing will do."""
    if waiting_digest == fingerprint:
        return ON_ITS_WAY
    if fingerprint == person.plan_digest:
        return UNCHANGED
    if person.declined_at is not None and not person.interviews:
        # They said they would not come and their interviews were freed then: nothing new to tell them.
        return UNCHANGED
    if not is_real_email(person.email):
        return NO_EMAIL  # a walk-in without an email address: the desk tells them (day-of tools)
    return MAIL


def waiting_digests(event: Event) -> dict[str, str | None]:
    """The digest of each person's plan mail still waiting to leave."""
    return {key: mail.payload.get("digest") for key, mail in _pending_plan_mails(event).items()}


def _pending_plan_mails(event: Event) -> dict[str, OutboxMail]:
    """The plan mails of `event` still waiting to leave, by person."""
    mails = db.session.scalars(select(OutboxMail).where(
        OutboxMail.event_id == event.id, OutboxMail.kind == "plan",
        OutboxMail.state.in_((MailState.PENDING, MailState.SENDING))).order_by(OutboxMail.id))
    return {mail.person_key or "": mail for mail in mails}


def told_digests(event: Event) -> dict[str, str | None]:
    """Each person's plan as they know it or soon will: the digest of their plan mail on its way, else of the
    plan they were last sent (None: never sent one)."""
    told: dict[str, str | None] = {key: person.plan_digest for person, key in people_with_keys(event)}
    told.update(waiting_digests(event))
    return told


def publish(event: Event, organizer: Organizer | None, comment: str | None = None) -> Publication:
    """Publish the current plan: private pages show it at once, and each person whose plan differs from the
    one they were last sent gets a mail, queued in the outbox in the same transaction (sent in the background;
    the publication's page follows the sending). Returns the publication with its counts."""
    if not event.interviews:
        raise PublishError(_("Il n'y a pas encore de planning à publier."))
    if active_run(event) is not None:
        raise PublishError(_("Un calcul de planning est en cours : attendez qu'il se termine pour publier."))
    # Two publications at once wait for each other here (a row lock on PostgreSQL), so no mail is queued twice.
    db.session.execute(select(Event.id).where(Event.id == event.id).with_for_update())
    rows = plan_rows(event)
    republished = event.published_at is not None
    number = (db.session.scalar(select(func.max(Publication.number)).where(Publication.event_id == event.id))
              or 0) + 1
    publication = Publication(event_id=event.id, number=number, candidates_mailed=0, employers_mailed=0,
                              unchanged=0, without_email=0, comment=(comment or "").strip() or None, plan=rows,
                              author=organizer.email if organizer is not None else "ligne de commande")
    db.session.add(publication)
    db.session.flush()
    waiting = _pending_plan_mails(event)
    people = people_with_keys(event)
    sent = versions.last_sent(event, {key: person.plan_digest for person, key in people})
    for person, key in people:
        _queue_plan(publication, person, key, digest(rows.get(key, [])), waiting.get(key), republished,
                    sent.get(key))
    event.published_plan = rows
    event.published_at = utcnow()
    event.status = EventStatus.PUBLISHED
    accounts.record("planning.publish",
                    f"Planning publié (version {number}) : {publication.candidates_mailed} candidats et "
                    f"{publication.employers_mailed} employeurs à prévenir, {publication.unchanged} inchangés",
                    organizer=organizer, event_id=event.id, commit=False)
    db.session.commit()
    return publication


def _queue_plan(publication: Publication, person: Candidate | Employer, key: str, fingerprint: str,
                waiting: OutboxMail | None, republished: bool, since: int | None) -> None:
    """Queue `person`'s plan mail unless they have this plan already or it is on its way; a waiting mail for
    an older plan is cancelled (this one replaces it)."""
    decision = plan_decision(person, fingerprint, waiting.payload.get("digest") if waiting is not None else None)
    if decision == ON_ITS_WAY:
        _count(publication, person)
        return
    if waiting is not None:
        waiting.state = MailState.CANCELLED
    if decision in (UNCHANGED, NO_EMAIL):
        person.plan_digest = fingerprint  # nothing to send: they have it, or the desk tells them
        if decision == UNCHANGED:
            publication.unchanged += 1
        else:
            publication.without_email += 1
        return
    outbox.queue(person.email, kind="plan", event_id=publication.event_id, publication_id=publication.id,
                 person_key=key, payload={"digest": fingerprint, "since": since,
                                          "changed": republished and person.plan_digest is not None})
    _count(publication, person)


def _count(publication: Publication, person: Candidate | Employer) -> None:
    if isinstance(person, Candidate):
        publication.candidates_mailed += 1
    else:
        publication.employers_mailed += 1
