"""The email outbox against a real SMTP server: down, refusing an address, slow and killed mid-mailing."""
from __future__ import annotations

import datetime as dt
import html
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from organizer_helpers import small_event, solve_now
from signup_helpers import recorded_statements
from smtp_sink import free_port, start_sink

from jobdating.core import outbox
from jobdating.core import tasks as jobs
from jobdating.core.models import Candidate, Employer, MailState, OutboxMail
from jobdating.extensions import db
from jobdating.planning.publish import publish

START = dt.datetime(2027, 3, 1, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def smtp(app):
    """Mail goes to a real SMTP server on a free port (nothing listens there until a test starts a sink)."""
    port = free_port()
    now = [START]
    app.config.update(MAIL_TO_FILES=False, MAIL_SERVER="127.0.0.1", MAIL_PORT=port, MAIL_TIMEOUT=5,
                      MAIL_MAX_ATTEMPTS=3, MAIL_RETRY_SECONDS=60, CLOCK=lambda: now[0])
    return port, now


def _states() -> dict[MailState, int]:
    db.session.expire_all()
    return outbox.counts()


def test_with_the_mail_server_down_mails_wait_then_fail_and_the_organizer_sees_it(
        app, smtp, logged_in, organizer, create_event, create_employer, create_candidate):
    port, now = smtp
    event, *_ = small_event(create_event, create_employer, create_candidate, candidates=2)
    solve_now(event, organizer)
    logged_in.post(f"/organisateur/evenements/{event.id}/publier")
    jobs.wait_all(timeout=30)
    assert _states()[MailState.PENDING] == 4  # refused once, tried again later: nothing is lost or hidden
    page = html.unescape(logged_in.get(f"/organisateur/evenements/{event.id}/envois").get_data(as_text=True))
    assert "n'a pas répondu ; nouvel essai automatique" in page and "ConnectionRefusedError" in page
    for minutes in (1, 3):  # retries after 60 s, then 120 s more
        now[0] = START + dt.timedelta(minutes=minutes, seconds=1)
        outbox.deliver_due()
    states = _states()
    assert states[MailState.FAILED] == 4 and states[MailState.SENT] == 0
    assert all(p.plan_digest is None for p in db.session.scalars(db.select(Candidate)))  # nobody was told
    page = html.unescape(logged_in.get(f"/organisateur/evenements/{event.id}/envois").get_data(as_text=True))
    assert "4 e-mails n'ont pas pu partir." in page and "Renvoyer les échecs" in page
    assert "rh1@exemple.fr" in page or all(e.email in page for e in event.employers)

    controller, sink = start_sink(port)
    try:
        publication = db.session.scalar(db.select(OutboxMail.publication_id).limit(1))
        logged_in.post(f"/organisateur/evenements/{event.id}/envois/renvoyer", data={"publication": publication})
        jobs.wait_all(timeout=30)
    finally:
        controller.stop()
    received = sink.by_recipient()
    everyone = {p.email for p in event.candidates} | {e.email for e in event.employers}
    assert set(received) == everyone and all(len(ids) == 1 for ids in received.values())
    assert _states()[MailState.SENT] == 4
    assert all(p.plan_digest is not None for p in db.session.scalars(db.select(Candidate)))


def test_an_address_the_server_refuses_fails_at_once_and_the_others_leave(app, smtp):
    port, _now = smtp
    controller, sink = start_sink(port, refuse=("inconnu@exemple.fr",))
    try:
        for address in ("ines@exemple.fr", "inconnu@exemple.fr", "karim@exemple.fr"):
            outbox.queue_mail(address, "Sujet", "Texte")
        jobs.wait_all(timeout=30)
    finally:
        controller.stop()
    refused = db.session.scalar(db.select(OutboxMail).where(OutboxMail.recipient == "inconnu@exemple.fr"))
    assert refused.state == MailState.FAILED and refused.attempts == 1 and "refusée" in refused.last_error
    assert set(sink.by_recipient()) == {"ines@exemple.fr", "karim@exemple.fr"}


def _worker_env(app, port: int) -> dict[str, str]:
    env = dict(os.environ, DATABASE_URL=app.config["SQLALCHEMY_DATABASE_URI"], SECRET_KEY="x" * 32,
               PUBLIC_BASE_URL="https://jobdating.example.org", MAIL_TO_FILES="0", MAIL_SERVER="127.0.0.1",
               MAIL_PORT=str(port), MAIL_CLAIM_SECONDS="1", TICK_SECONDS="0")
    env.pop("JOBDATING_DEVELOPMENT", None)
    return env


def test_a_worker_killed_mid_mailing_loses_no_mail_and_sends_none_twice(
        app, tmp_path, organizer, create_event, create_employer, create_candidate):
    app.config.update(MAIL_TO_FILES=False, MAIL_SERVER="127.0.0.1", MAIL_CLAIM_SECONDS=1)
    event, *_ = small_event(create_event, create_employer, create_candidate, candidates=40)
    solve_now(event, organizer)
    port = free_port()
    app.config["MAIL_PORT"] = port
    controller, sink = start_sink(port, delay=0.05)  # a slow server: 42 mails take a few seconds
    try:
        with _no_background_delivery():
            publish(event, organizer)
        flask = Path(sys.executable).with_name("flask")
        worker = subprocess.Popen([str(flask), "--app", "jobdating", "tick"], env=_worker_env(app, port),
                                  cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while len(sink.messages) < 10 and time.monotonic() < deadline:
            time.sleep(0.02)
        os.kill(worker.pid, signal.SIGKILL)  # the sender dies after about 10 of 42 mails
        worker.wait()
        sent_before = len(sink.messages)
        assert 10 <= sent_before < 42

        # Republishing meanwhile queues nothing twice: the sent ones are unchanged, the others on their way.
        again = publish(event, organizer)
        db.session.expire_all()
        sent_rows = _states()[MailState.SENT]
        assert again.unchanged == sent_rows and again.candidates_mailed + again.employers_mailed == 42 - sent_rows
        assert db.session.scalar(db.select(db.func.count()).select_from(OutboxMail)) == 42

        time.sleep(1.1)  # the dead worker's claim runs out
        outbox.deliver_due()
        jobs.wait_all(timeout=30)
    finally:
        controller.stop()
    received = sink.by_recipient()
    everyone = {c.email for c in event.candidates} | {e.email for e in event.employers}
    assert set(received) == everyone  # every person got their plan…
    assert all(len(ids) == 1 for ids in received.values())  # …as one message (a resent one keeps its Message-ID)
    assert len(sink.messages) <= 43  # at most the one mail in flight at the kill went out twice
    assert _states()[MailState.SENT] == 42
    people = list(db.session.scalars(db.select(Candidate))) + list(db.session.scalars(db.select(Employer)))
    assert all(p.plan_digest is not None for p in people)


class _no_background_delivery:  # noqa: N801 (a context manager used like a function)
    """Queue without the delivery that a commit starts: the test's worker process is the sender."""

    def __enter__(self):
        self.saved = jobs.enqueue
        jobs.enqueue = lambda *args, **kwargs: None

    def __exit__(self, *exc):
        jobs.enqueue = self.saved


def test_a_burst_of_mails_leaves_in_one_batch_and_a_slow_server_keeps_its_claim(app, monkeypatch):
    """Thirty sign-ups within MAIL_GATHER_SECONDS make one delivery pass of one claim, not thirty; a batch held
    longer than its lease (a slow server) renews the claim of the mails not sent yet, so that no other worker
    takes them meanwhile and none leaves twice."""
    app.config.update(MAIL_GATHER_SECONDS=0.5, MAIL_CLAIM_SECONDS=1, MAIL_TIMEOUT=0.1)
    passes, claims, sent = [], [], []
    deliver, claim = outbox.deliver_due, outbox._claim
    monkeypatch.setattr(outbox, "deliver_due", lambda *a: passes.append(1) or deliver(*a))
    monkeypatch.setattr(outbox, "_claim", lambda now: claims.append(claim(now)) or claims[-1])

    takeable = []

    def slow_send(self, mail, content):  # 30 mails × 0.05 s: the batch outlives its one-second lease
        time.sleep(0.05)
        sent.append(mail.id)
        # What another worker could claim now: nothing of this batch, however long it has been held.
        takeable.append(db.session.scalar(db.select(db.func.count()).select_from(OutboxMail)
                                          .where(outbox._claimable(outbox.utcnow()))))
    monkeypatch.setattr(outbox.Transport, "send", slow_send)
    for n in range(30):
        outbox.queue_mail(f"ines{n}@exemple.fr", "Inscription", "Bonjour")
    jobs.wait_all(timeout=30)
    assert len(passes) == 1 and len(claims[0]) == 30
    assert sorted(sent) == sorted(claims[0])
    assert _states()[MailState.SENT] == 30 and set(takeable) == {0}


def test_without_update_returning_mails_are_claimed_one_statement_each(app, monkeypatch):
    """SQLite before 3.35 has no UPDATE … RETURNING: the claim falls back to one UPDATE per mail."""
    with _no_background_delivery():
        for n in range(3):
            outbox.queue_mail(f"ines{n}@exemple.fr", "Inscription", "Bonjour")
    monkeypatch.setattr(db.engine.dialect, "update_returning", False)
    with recorded_statements() as statements:
        assert outbox.deliver_due() == 3
    claims = [s for s in statements if s.startswith("UPDATE outbox_mail SET state") and "attempts" in s]
    assert len(claims) == 3 and not any("RETURNING" in s for s in claims)
    assert _states()[MailState.SENT] == 3
