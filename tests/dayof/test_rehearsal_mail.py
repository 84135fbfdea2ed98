"""Nothing is emailed from a rehearsal: whatever feature queues a mail for the copy (publication, reminders, a free
slot, a walk-in's private link, a message, an invitation), the outbox keeps it as suppressed and a delivery sends
nothing; the organizer sees "non envoyé (répétition)". The original's mails still go."""
from __future__ import annotations

import datetime as dt
from html import unescape

import pytest
from rehearsal_helpers import client_of, original_event

from jobdating.core import outbox
from jobdating.core import tasks as jobs
from jobdating.core.models import MailState, OutboxMail, Role
from jobdating.core.people import REHEARSAL_DOMAIN
from jobdating.core.times import event_local_now
from jobdating.dayof import absences, clock, freeslots, walkins
from jobdating.dayof.rehearsal import create_rehearsal
from jobdating.extensions import db
from jobdating.planning import broadcast, publish, reminders, team


class FakeTransport:
    """Records what a delivery would send; sends nothing."""

    sent: list[str] = []

    def __init__(self) -> None:
        self.last_error = None

    def send(self, mail: OutboxMail, content: outbox.Content) -> None:
        FakeTransport.sent.append(mail.recipient)

    def close(self) -> None:
        pass


@pytest.fixture
def transport(monkeypatch):
    FakeTransport.sent = []
    monkeypatch.setattr(outbox, "Transport", FakeTransport)
    return FakeTransport


@pytest.fixture
def day(real, create_event, create_employer, create_candidate):
    event, employers, people, team_members = original_event(create_event, create_employer, create_candidate)
    copy = create_rehearsal(event, team_members["orga"])
    return event, copy, team_members


def _mails(event_id: int | None) -> list[OutboxMail]:
    db.session.expire_all()
    return list(db.session.scalars(db.select(OutboxMail).where(OutboxMail.event_id == event_id)
                                   .order_by(OutboxMail.id)))


def test_no_mail_leaves_a_rehearsal_whatever_queues_it(app, real, transport, day):
    event, copy, members = day
    jobs.wait_all(timeout=30)
    transport.sent.clear()  # the original's plan mails
    ines, karim, lea = copy.candidates
    logistics, _digital = copy.employers
    # A publication: Inès was never told her plan.
    ines.plan_digest = None
    db.session.commit()
    publish.publish(copy, members["orga"])
    # A message to every candidate, and an invitation to the team.
    broadcast.send(copy, "candidates", "Accès au parking", "Le parking P2 est ouvert.", members["orga"])
    team.invite(copy, "renfort@exemple.fr", Role.FRONTDESK, members["owner"])
    # On the simulated morning: a walk-in who gave a real address gets her private link; Karim does not come
    # and his 10:30 slot goes to her.
    clock.save_settings(copy, origin=dt.time(10, 20), no_show_percent=0, walk_ins=0, spread_minutes=0, seed=1,
                        organizer=None)
    clock.start(copy, None)
    now = event_local_now(copy)
    nora = walkins.register_walk_in(copy, first_name="Nora", last_name="Essai", email="nora.essai@exemple.fr",
                                    phone="", wishes=[f"E{logistics.id}"], organizer=None, when=now)
    absences.mark_no_show(copy, karim, None, now)
    given = freeslots.assign(copy, nora, logistics, 1, dt.time(10, 30), None, now)
    assert freeslots.tell(given)
    # The day before, the reminders.
    copy.reminder_day_before = True
    db.session.commit()
    real.when = dt.datetime(2027, 3, 17, 10, 0, tzinfo=dt.UTC)
    assert reminders.send_due() > 0
    jobs.wait_all(timeout=30)

    mails = _mails(copy.id)
    kinds = {m.kind for m in mails}
    recipients = {m.recipient for m in mails}
    assert {"plan", "reminder", "message"} <= kinds
    assert {"renfort@exemple.fr", "nora.essai@exemple.fr", ines.email, lea.email} <= recipients
    assert len([m for m in mails if m.subject and m.subject.startswith("Nouvel entretien")]) == 1
    assert {m.state for m in mails} == {MailState.SUPPRESSED}  # the delivery started after each commit ran
    assert outbox.deliver_due() == 0
    assert transport.sent == [] and {m.state for m in _mails(copy.id)} == {MailState.SUPPRESSED}
    # The organizer sees them, kept but not sent.
    page = unescape(client_of(app, "orga@exemple.fr").get(f"/organisateur/evenements/{copy.id}/envois")
                    .get_data(as_text=True))
    assert "non envoyés (répétition)" in page and "Renvoyer les échecs" not in page
    # The original's mails still leave.
    walkins.register_walk_in(event, first_name="Vraie", last_name="Personne", email="vraie@exemple.fr", phone="",
                             wishes=[f"E{event.employers[0].id}"], organizer=None,
                             when=dt.datetime(2027, 3, 18, 9, 0))
    jobs.wait_all(timeout=30)
    outbox.deliver_due()
    assert "vraie@exemple.fr" in transport.sent and not any(REHEARSAL_DOMAIN in r for r in transport.sent)


def test_the_free_slot_page_says_the_mail_was_not_sent(app, real, day):
    _event, copy, _members = day
    ines, karim, lea = copy.candidates
    logistics, _digital = copy.employers
    orga = client_of(app, "orga@exemple.fr")
    clock.save_settings(copy, origin=dt.time(10, 20), no_show_percent=100, walk_ins=0, spread_minutes=0, seed=1,
                        organizer=None)
    orga.post(f"/event/{copy.id}/repetition/horloge", data={"action": "start"})
    nora = walkins.register_walk_in(copy, first_name="Nora", last_name="Essai", email="nora.essai@exemple.fr",
                                    phone="", wishes=[f"E{logistics.id}"], organizer=None,
                                    when=event_local_now(copy))
    orga.post(f"/event/{copy.id}/absent/{karim.id}")
    answer = orga.post(f"/event/{copy.id}/creneaux-libres/attribuer", data={
        "candidate": nora.id, "employer": logistics.id, "table": 1, "start": "10:30"})
    page = unescape(orga.get(answer.headers["Location"]).get_data(as_text=True))
    assert "non envoyé (répétition)" in page and "Un e-mail lui a été envoyé" not in page


def test_a_delivery_suppresses_a_rehearsals_mail_whichever_way_it_reached_the_queue(app, transport, day):
    event, copy, _members = day
    jobs.wait_all(timeout=30)
    now = dt.datetime(2027, 2, 15, 14, 0, tzinfo=dt.UTC)
    for event_id, recipient in ((copy.id, "quelqun@exemple.fr"), (None, f"x.y.1@{REHEARSAL_DOMAIN}"),
                                (event.id, "vraie@exemple.fr")):
        db.session.add(OutboxMail(kind="message", recipient=recipient, event_id=event_id, subject="Test",
                                  text="Bonjour", payload={}, state=MailState.PENDING, attempts=0,
                                  next_attempt_at=now))
    db.session.commit()
    transport.sent.clear()
    assert outbox.deliver_due() == 1
    assert transport.sent == ["vraie@exemple.fr"]
    states = {m.recipient: m.state for m in db.session.scalars(db.select(OutboxMail).where(
        OutboxMail.subject == "Test"))}
    assert states == {"quelqun@exemple.fr": MailState.SUPPRESSED, f"x.y.1@{REHEARSAL_DOMAIN}": MailState.SUPPRESSED,
                      "vraie@exemple.fr": MailState.SENT}

def test_a_suppressed_plan_mail_counts_as_told_as_a_sent_one_would(app, transport, day):
    _event, copy, members = day
    jobs.wait_all(timeout=30)
    transport.sent.clear()
    ines = copy.candidates[0]
    ines.plan_digest = None
    db.session.commit()
    first = publish.publish(copy, members["orga"])
    jobs.wait_all(timeout=30)
    assert first.candidates_mailed == 1 and transport.sent == []
    db.session.expire_all()
    assert ines.plan_digest is not None
    again = publish.publish(copy, members["orga"])
    assert again.candidates_mailed == 0 and again.unchanged == len(copy.candidates) + len(copy.employers)


def test_migration_0022_lets_the_outbox_keep_suppressed_mails(app):
    """The state column's constraint accepts the new state after the upgrade; a downgrade makes them cancelled."""
    from flask_migrate import downgrade, upgrade
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    db.drop_all()
    with db.engine.begin() as connection:
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    upgrade()
    insert = text("INSERT INTO outbox_mail (kind, recipient, payload, state, attempts, created_at, next_attempt_at) "
                  "VALUES ('message', 'a@exemple.fr', '{}', :state, 0, '2027-01-01', '2027-01-01')")
    with db.engine.begin() as connection:
        connection.execute(insert, {"state": "suppressed"})
    with pytest.raises(IntegrityError), db.engine.begin() as connection:
        connection.execute(insert, {"state": "lost"})
    downgrade(revision="0020_employer_moderation")
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT state FROM outbox_mail")).scalars().all() == ["cancelled"]
    downgrade(revision="base")
    with db.engine.begin() as connection:
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    db.create_all()
