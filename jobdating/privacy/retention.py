"""The retention purge: DATA_RETENTION_MONTHS after an event's day, its personal data is erased and only the
anonymous figures remain (privacy.stats). Runs daily as periodic work, from `flask --app jobdating purge`, or
when an organizer erases earlier."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

import click
from sqlalchemy import delete, func, select, update

from jobdating.core import accounts
from jobdating.core.erasure import remove_mail_file
from jobdating.core.models import (
    AuditEntry,
    Candidate,
    Employer,
    Event,
    Invitation,
    Organizer,
    OutboxMail,
    Publication,
    Recruiter,
    SolveRun,
)
from jobdating.core.notice import erase_on, retention_months
from jobdating.core.times import local_now, utcnow
from jobdating.extensions import db
from jobdating.privacy.stats import anonymous_statistics
from jobdating.signup import cv as cv_store


@dataclass
class Summary:
    """What a purge erases (or would erase), counted."""
    candidates: int = 0
    cv_files: int = 0
    employers: int = 0
    recruiters: int = 0
    mails: int = 0
    audit_entries: int = 0
    solve_runs: int = 0
    invitations: int = 0

    def lines(self) -> list[str]:
        labels = {"candidates": "candidats", "cv_files": "CV", "employers": "employeurs",
                  "recruiters": "recruteurs", "mails": "e-mails", "audit_entries": "entrées du journal",
                  "solve_runs": "calculs (entrée et résultat)", "invitations": "invitations"}
        return [f"{getattr(self, f.name)} {labels[f.name]}" for f in fields(self)]


def _count(query) -> int:
    return db.session.scalar(select(func.count()).select_from(query.subquery())) or 0


def summarize(event: Event) -> Summary:
    candidates = select(Candidate.id).where(Candidate.event_id == event.id)
    employers = select(Employer.id).where(Employer.event_id == event.id)
    return Summary(
        candidates=_count(candidates),
        cv_files=_count(candidates.where(Candidate.cv_filename.is_not(None))),
        employers=_count(employers),
        recruiters=_count(select(Recruiter.id).where(Recruiter.employer_id.in_(employers))),
        mails=_count(select(OutboxMail.id).where(OutboxMail.event_id == event.id)),
        audit_entries=_count(select(AuditEntry.id).where(AuditEntry.event_id == event.id)),
        solve_runs=_count(select(SolveRun.id).where(SolveRun.event_id == event.id,
                                                    SolveRun.input_json.is_not(None))),
        invitations=_count(select(Invitation.id).where(Invitation.event_id == event.id)))


def cv_names(event: Event) -> list[str]:
    """The stored names of the event's CV files."""
    return [name for name in db.session.scalars(select(Candidate.cv_filename).where(
        Candidate.event_id == event.id, Candidate.cv_filename.is_not(None))) if name]


def purge_event(event: Event, *, dry_run: bool = False, organizer: Organizer | None = None,
                reason: str = "durée de conservation atteinte") -> Summary:
    """Erase every piece of personal data of `event`, keeping its anonymous figures; commits."""
    summary = summarize(event)
    if dry_run:
        return summary
    if event.is_rehearsal:
        event.statistics = None  # a training copy's figures count for nothing
    elif event.statistics is None or event.purged_at is None:
        event.statistics = anonymous_statistics(event)
    for stored in cv_names(event):
        cv_store.delete_cv(stored)
    for mail in db.session.scalars(select(OutboxMail).where(OutboxMail.event_id == event.id)):
        remove_mail_file(mail)
    db.session.execute(delete(OutboxMail).where(OutboxMail.event_id == event.id))
    # The database cascades to wishes, decisions, interviews, offers and recruiters.
    db.session.execute(delete(Candidate).where(Candidate.event_id == event.id))
    db.session.execute(delete(Employer).where(Employer.event_id == event.id))
    db.session.execute(update(SolveRun).where(SolveRun.event_id == event.id)
                       .values(input_json=None, output_json=None, error=None, requested_by=None))
    db.session.execute(update(Publication).where(Publication.event_id == event.id).values(plan=None, comment=None))
    db.session.execute(delete(AuditEntry).where(AuditEntry.event_id == event.id))
    db.session.execute(delete(Invitation).where(Invitation.event_id == event.id))
    db.session.expire(event, ["candidates", "employers", "interviews", "solve_runs"])
    event.published_plan = None
    event.purged_at = utcnow()
    accounts.record("rgpd.purge", f"Données personnelles effacées ({reason})", organizer=organizer,
                    event_id=event.id, commit=False)
    db.session.commit()
    return summary


def due(today: dt.date | None = None) -> list[Event]:
    """Events whose retention period is over and whose data is still there; a rehearsal goes with its original
    at the latest."""
    today = today or local_now().date()
    events = db.session.scalars(select(Event).where(Event.purged_at.is_(None)).order_by(Event.date))
    return [event for event in events if erase_on(event) <= today or (
        event.rehearsal is not None and event.rehearsal.original is not None
        and erase_on(event.rehearsal.original) <= today)]


def purge_due(*, dry_run: bool = False) -> list[tuple[Event, Summary]]:
    return [(event, purge_event(event, dry_run=dry_run)) for event in due()]


@click.command("purge")
@click.option("--dry-run", is_flag=True, help="Dire ce qui serait effacé, sans rien effacer.")
def purge_command(dry_run: bool) -> None:
    """Erase the personal data of the events whose retention period (DATA_RETENTION_MONTHS) is over."""
    done = purge_due(dry_run=dry_run)
    if not done:
        click.echo(f"Aucun événement à purger (conservation : {retention_months()} mois après l'événement).")
    for event, summary in done:
        verb = "serait effacé" if dry_run else "effacé"
        click.echo(f"« {event.name} » du {event.date:%d/%m/%Y} (échéance {erase_on(event):%d/%m/%Y}) — {verb} : "
                   + ", ".join(summary.lines()) + ".")
    if dry_run and done:
        click.echo("Rien n'a été effacé (--dry-run). Les chiffres anonymes de chaque événement sont conservés.")
