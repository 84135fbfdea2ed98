"""The email outbox: every email is first a row, then a worker sends it, with retries and backoff.

A mail is queued in the same transaction as what it tells (a sign-up, a publication); once that transaction
commits, a background delivery starts, and the periodic job (`core.periodic`) delivers whatever is due:
retries, and mails claimed by a worker that died (its claim runs out). A mail is marked sent only after the
server accepted it; a crash in between sends it again, with the same Message-ID so that mail programs show it
once. Kinds rendered at send time (a person's plan) register a renderer here.

Nothing is ever sent from a rehearsal (a training copy of an event, core.models.Rehearsal): whatever feature
queued a mail for one, or for one of its made-up addresses, the delivery keeps it as SUPPRESSED instead of
handing it to the transport, and records what it told as a sent mail would (so the copy's later publications
behave as on the day). This is the one place that rule lives.
"""
from __future__ import annotations

import base64
import datetime as dt
import logging
import smtplib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from flask import current_app
from sqlalchemy import event as sa_event
from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from jobdating.core import tasks
from jobdating.core.models import MailState, OutboxMail, Rehearsal
from jobdating.core.people import is_real_email, is_rehearsal_address
from jobdating.core.security import mask
from jobdating.core.times import utcnow
from jobdating.core.transport import PermanentFailure, Transport
from jobdating.extensions import db

log = logging.getLogger(__name__)

# An attachment is (filename, content type, bytes), e.g. ("planning.ics", "text/calendar", data).
Attachment = tuple[str, str, bytes]
# After this many consecutive connection failures in one pass, the server is taken for down for the pass.
DOWN_AFTER = 3
# How many due mails a worker claims at once (one UPDATE for all: a busy morning queues one per sign-up).
CLAIM_BATCH = 50


@dataclass
class Content:
    subject: str
    text: str
    html: str | None = None
    attachments: list[Attachment] = field(default_factory=list)


@dataclass
class Kind:
    """A kind of mail rendered when it is sent: `render` returns None when there is nothing left to send
    (superseded); `sent` records what the mail told, once it has left."""
    render: Callable[[OutboxMail], Content | None]
    sent: Callable[[OutboxMail], None] | None = None


kinds: dict[str, Kind] = {}


def queue(recipient: str, content: Content | None = None, *, kind: str = "message", event_id: int | None = None,
          publication_id: int | None = None, person_key: str | None = None,
          payload: dict[str, Any] | None = None) -> OutboxMail | None:
    """Add a mail to the outbox (in the caller's transaction; sent once it commits). Walk-ins' placeholder
    addresses get nothing. `content` is stored rendered; without it, the kind renders the mail when sent."""
    if not is_real_email(recipient):
        return None
    data = dict(payload or {})
    row = OutboxMail(kind=kind, recipient=recipient, event_id=event_id, publication_id=publication_id,
                     person_key=person_key, payload=data, state=MailState.PENDING, attempts=0,
                     next_attempt_at=utcnow())
    if content is not None:
        # A line break in a header (an event name typed with one) would make every SMTP send fail.
        row.subject = " ".join(content.subject.split())[:300]
        row.text, row.html = content.text, content.html
        data["attachments"] = [[name, ctype, base64.b64encode(blob).decode()]
                               for name, ctype, blob in content.attachments]
    db.session.add(row)
    db.session.info["outbox_kick"] = True
    return row


def suppressed(recipient: str | None, event_id: int | None, known: dict[int, bool] | None = None) -> bool:
    """Whether a mail must never leave: it belongs to a rehearsal, or goes to a rehearsal's made-up address.
    `known` keeps the answer per event (one delivery pass asks once per event)."""
    if is_rehearsal_address(recipient):
        return True
    if event_id is None:
        return False
    if known is not None and event_id in known:
        return known[event_id]
    with db.session.no_autoflush:
        found = db.session.scalar(select(Rehearsal.event_id).where(Rehearsal.event_id == event_id)) is not None
    if known is not None:
        known[event_id] = found
    return found


def queue_mail(to: str, subject: str, text: str, html: str | None = None, attachments: Iterable[Attachment] = (),
               *, event_id: int | None = None, commit: bool = True) -> OutboxMail | None:
    """Queue one ready-made email and (by default) commit, which starts its delivery."""
    row = queue(to, Content(subject, text, html, list(attachments)), event_id=event_id)
    if commit:
        db.session.commit()
    return row


@sa_event.listens_for(Session, "after_commit")
def _kick_after_commit(session: Session) -> None:
    """Mails just committed leave in the background within MAIL_GATHER_SECONDS (the periodic job catches any
    missed kick)."""
    if session.info.pop("outbox_kick", False):
        try:
            tasks.enqueue(deliver_due, key="outbox", timeout=3600, unique=True,
                          gather=float(current_app.config["MAIL_GATHER_SECONDS"]))
        except Exception:  # a queue that is down must not undo the commit: the periodic job delivers
            log.exception("could not start the delivery of queued mails")


def _claimable(now: dt.datetime) -> Any:
    return or_(
        (OutboxMail.state == MailState.PENDING) & (OutboxMail.next_attempt_at <= now),
        (OutboxMail.state == MailState.SENDING) & (OutboxMail.claimed_until < now))


def _lease() -> dt.timedelta:
    return dt.timedelta(seconds=current_app.config["MAIL_CLAIM_SECONDS"])


def _claim(now: dt.datetime) -> list[int]:
    """Take up to CLAIM_BATCH due mails for this worker in one statement, oldest first; another worker running
    at the same time takes others (PostgreSQL skips the rows being claimed; the UPDATE re-checks them)."""
    due = select(OutboxMail.id).where(_claimable(now)).order_by(OutboxMail.id).limit(CLAIM_BATCH)
    dialect = db.session.get_bind().dialect
    if dialect.name == "postgresql":
        due = due.with_for_update(skip_locked=True)
    take = update(OutboxMail).where(_claimable(now)).values(
        state=MailState.SENDING, claimed_until=now + _lease(), attempts=OutboxMail.attempts + 1)
    if dialect.update_returning:
        claimed = list(db.session.scalars(take.where(OutboxMail.id.in_(due.scalar_subquery()))
                                          .returning(OutboxMail.id)))
    else:  # SQLite before 3.35: one UPDATE per mail, each re-checking that the mail is still free
        claimed = [mail_id for mail_id in db.session.scalars(due)
                   if getattr(db.session.execute(take.where(OutboxMail.id == mail_id)), "rowcount", 0) == 1]
    db.session.commit()
    return sorted(claimed)


def _extend(ids: list[int], now: dt.datetime) -> dt.datetime:
    """Hold the mails of this batch not sent yet for a new lease from now (a slow server): no one else has
    taken them, since their lease has not run out."""
    until = now + _lease()
    db.session.execute(update(OutboxMail).where(OutboxMail.id.in_(ids), OutboxMail.state == MailState.SENDING)
                       .values(claimed_until=until), execution_options={"synchronize_session": False})
    db.session.commit()
    return until


def deliver_due(limit: int | None = None) -> int:
    """Send every mail that is due, claimed in batches, each confirmed in its own transaction once the server
    took it; returns how many were sent. Several workers may run this at once: each mail is claimed by one."""
    sent, down, transport = 0, 0, Transport()
    rehearsals: dict[int, bool] = {}
    # A mail is sent only with this much of its lease left (a send takes at most a few server timeouts).
    margin = min(3 * dt.timedelta(seconds=float(current_app.config["MAIL_TIMEOUT"])), _lease() / 2)
    # The batch is read in one query and stays loaded across the commit of each mail; a mail rendered when
    # sent (a person's plan) first drops everything loaded, to render what the database holds now.
    session = db.session()
    expire_on_commit, session.expire_on_commit = session.expire_on_commit, False
    try:
        while limit is None or sent < limit:
            now = utcnow()
            ids = _claim(now)
            if not ids:
                break
            held_until = now + _lease()
            mails = {mail.id: mail for mail in db.session.scalars(
                select(OutboxMail).where(OutboxMail.id.in_(ids)).execution_options(populate_existing=True))}
            for index, mail_id in enumerate(ids):
                if utcnow() + margin > held_until:
                    held_until = _extend(ids[index:], utcnow())
                mail = mails.get(mail_id)
                if mail is None:
                    continue
                if mail.subject is None:
                    session.expire_all()
                outcome = _deliver_one(mail, transport, rehearsals, skip_send=down >= DOWN_AFTER)
                sent += outcome == "sent"
                down = down + 1 if outcome == "down" else 0 if outcome == "sent" else down
            if len(ids) < CLAIM_BATCH:
                # Nothing more was due at the claim; what was committed since then asked for a pass of its own.
                break
    finally:
        session.expire_on_commit = expire_on_commit
        if expire_on_commit:
            session.expire_all()  # as the commits would have left them for the caller
        transport.close()
    return sent


def _deliver_one(mail: OutboxMail, transport: Transport, rehearsals: dict[int, bool], *,
                 skip_send: bool) -> str:
    kind = kinds.get(mail.kind)
    try:
        content = _content(mail, kind)
        if content is None:
            mail.state, mail.claimed_until = MailState.CANCELLED, None
            db.session.commit()
            return "cancelled"
        if suppressed(mail.recipient, mail.event_id, rehearsals):
            # Handled as if it had left (what it tells counts as told), but nothing reaches the transport.
            mail.state, mail.claimed_until, mail.last_error = MailState.SUPPRESSED, None, None
            if kind is not None and kind.sent is not None:
                kind.sent(mail)
            db.session.commit()
            return "suppressed"
        if skip_send:  # the server failed the last tries of this pass: count a try without calling it again
            _failed(mail, transport.last_error or "ConnectionError")
            return "down"
        transport.send(mail, content)
    except PermanentFailure as error:
        _failed(mail, str(error), permanent=True)
        return "failed"
    except (OSError, smtplib.SMTPException) as error:
        _failed(mail, f"{type(error).__name__}: {error}")
        return "down" if isinstance(error, (OSError, smtplib.SMTPConnectError,
                                            smtplib.SMTPServerDisconnected)) else "failed"
    except Exception as error:  # a rendering bug: keep the mail, tell the organizer, go on with the others
        log.exception("could not render mail %s", mail.id)
        _failed(mail, f"{type(error).__name__}: {error}")
        return "failed"
    if kind is not None and kind.sent is not None:
        mail.state, mail.sent_at, mail.claimed_until, mail.last_error = MailState.SENT, utcnow(), None, None
        kind.sent(mail)
    else:  # one plain UPDATE (most mails: a sign-up's confirmation), without the ORM's flush
        values = {"state": MailState.SENT, "sent_at": utcnow(), "claimed_until": None, "last_error": None}
        db.session.execute(update(OutboxMail).where(OutboxMail.id == mail.id).values(**values),
                           execution_options={"synchronize_session": False})
        for name, value in values.items():
            set_committed_value(mail, name, value)
    db.session.commit()
    return "sent"


def _content(mail: OutboxMail, kind: Kind | None) -> Content | None:
    if mail.subject is not None:
        attachments = [(n, c, base64.b64decode(b)) for n, c, b in (mail.payload or {}).get("attachments", [])]
        return Content(mail.subject, mail.text or "", mail.html, attachments)
    if kind is None:
        raise LookupError(f"unknown mail kind {mail.kind!r}")
    return kind.render(mail)


def _failed(mail: OutboxMail, error: str, *, permanent: bool = False) -> None:
    """Retry later with a doubling delay, or give up after MAIL_MAX_ATTEMPTS (or at once if permanent)."""
    config = current_app.config
    mail.last_error, mail.claimed_until = error[:500], None
    if permanent or mail.attempts >= config["MAIL_MAX_ATTEMPTS"]:
        mail.state = MailState.FAILED
        log.warning("mail %s to %s failed for good: %s", mail.id, mask(mail.recipient), mail.last_error)
    else:
        delay = min(config["MAIL_RETRY_SECONDS"] * 2 ** (mail.attempts - 1), 3600)
        mail.state, mail.next_attempt_at = MailState.PENDING, utcnow() + dt.timedelta(seconds=delay)
        log.warning("mail %s to %s not sent (attempt %d), next try in %d s: %s", mail.id, mask(mail.recipient),
                    mail.attempts, delay, mail.last_error)
    db.session.commit()


def retry_failed(**where: Any) -> int:
    """Put failed mails (filtered by column values, e.g. publication_id=3) back in the queue; commits."""
    query = update(OutboxMail).where(OutboxMail.state == MailState.FAILED)
    for name, value in where.items():
        query = query.where(getattr(OutboxMail, name) == value)
    result = db.session.execute(query.values(state=MailState.PENDING, attempts=0, next_attempt_at=utcnow(),
                                             last_error=None))
    db.session.info["outbox_kick"] = True
    db.session.commit()
    return getattr(result, "rowcount", 0)


def counts(**where: Any) -> dict[MailState, int]:
    """How many mails in each state (filtered by column values)."""
    query = select(OutboxMail.state, func.count()).group_by(OutboxMail.state)
    for name, value in where.items():
        query = query.where(getattr(OutboxMail, name) == value)
    found = {MailState(state): n for state, n in db.session.execute(query)}
    return {state: found.get(state, 0) for state in MailState}
