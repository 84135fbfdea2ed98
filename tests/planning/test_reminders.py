"""Reminders with a frozen clock: sent once the day before, their *Je ne pourrai pas venir* link frees the
slot at once, tells the employer, and shows on the dashboard and the live board."""
from __future__ import annotations

import datetime as dt
import re
from html import unescape

from organizer_helpers import small_event, solve_now
from signup_helpers import mails, text_of
from sqlalchemy import func, select

from jobdating.core import periodic
from jobdating.core.models import Cancellation, Candidate, Interview
from jobdating.extensions import db
from jobdating.planning import reminders
from jobdating.planning.publish import publish


def test_reminders_go_once_and_the_cancel_link_frees_the_slot(app, client, logged_in, organizer, create_event,
                                                               create_employer, create_candidate):
    event, first, _second, people = small_event(create_event, create_employer, create_candidate, candidates=2,
                                                date=dt.date(2027, 3, 18), reminder_day_before=True)
    solve_now(event, organizer)
    publish(event, organizer)
    before = len(mails(app))
    app.config["CLOCK"] = lambda: dt.datetime(2027, 3, 16, 10, tzinfo=dt.UTC)  # two days before: nothing yet
    assert reminders.send_due() == 0
    app.config["CLOCK"] = lambda: dt.datetime(2027, 3, 17, 10, tzinfo=dt.UTC)  # the day before
    assert "reminders" in periodic.tick()
    sent = mails(app)[before:]
    assert len(sent) == 4 and all("Demain : votre planning" in m["Subject"] for m in sent)
    assert reminders.send_due() == 0 and len(mails(app)) == before + 4  # each reminder goes once

    ines = people[0]
    to_ines = next(m for m in sent if m["To"] == ines.email)
    link = re.search(r"Je ne pourrai pas venir \(toute la journée ou un entretien\) : (\S+)", text_of(to_ines))
    page = client.get(link.group(1).split("#")[0].replace("http://localhost", ""))
    assert page.status_code == 200 and "Je ne pourrai pas venir" in unescape(page.text)
    interview = db.session.scalar(select(Interview).where(Interview.candidate_id == ines.id,
                                                          Interview.employer_id == first.id))
    answer = client.post(f"/c/{ines.token}/venue", data={"answer": str(interview.id), "reason": "transport"})
    assert answer.status_code == 302
    db.session.expire_all()
    assert db.session.get(Interview, interview.id) is None  # freed at once
    [cancelled] = db.session.scalars(select(Cancellation))
    assert (cancelled.employer_id, cancelled.by, cancelled.reason) == (first.id, "candidate", "Problème de transport")
    told = [m for m in mails(app) if m["To"] == first.email and "Entretien annulé" in m["Subject"]]
    assert told and ines.full_name in text_of(told[0])
    dashboard = unescape(logged_in.get(f"/organisateur/evenements/{event.id}").text)
    assert "1 entretien annulé" in dashboard and "Problème de transport" in dashboard

    # She then cancels the whole day: the board shows that she said so.
    client.post(f"/c/{ines.token}/venue", data={"answer": "day", "reason": "emploi"})
    db.session.expire_all()
    assert db.session.get(Candidate, ines.id).declined_at is not None
    assert db.session.scalar(select(func.count()).select_from(Interview).where(
        Interview.candidate_id == ines.id)) == 0
    app.config["CLOCK"] = lambda: dt.datetime(2027, 3, 18, 8, 30, tzinfo=dt.UTC)
    board = unescape(logged_in.get(f"/event/{event.id}/tableau").text)
    assert f"{ines.full_name} (a prévenu : ne viendra pas)" in board


def test_a_confirmation_is_recorded_and_shown(app, client, logged_in, organizer, create_event, create_employer,
                                              create_candidate):
    event, *_rest, people = small_event(create_event, create_employer, create_candidate, candidates=1)
    solve_now(event, organizer)
    publish(event, organizer)
    assert client.post(f"/c/{people[0].token}/venue", data={"answer": "confirm"}).status_code == 302
    db.session.expire_all()
    assert db.session.get(Candidate, people[0].id).confirmed_at is not None
    assert "1 personne a confirmé sa venue" in unescape(logged_in.get(f"/organisateur/evenements/{event.id}").text)


def test_a_message_to_the_candidates_without_interviews_is_previewed_then_sent(
        app, logged_in, organizer, create_event, create_employer, create_candidate):
    event, first, _second, people = small_event(create_event, create_employer, create_candidate, candidates=2)
    lonely = create_candidate(event, first_name="Samir", email="samir@exemple.fr")  # wished nobody
    solve_now(event, organizer)
    before = len(mails(app))
    url = f"/organisateur/evenements/{event.id}/messages"
    data = {"segment": "no_interview", "subject": "Stand de conseil", "body": "Passez au stand CV dès 9 h.",
            "preview": "Aperçu"}
    page = unescape(logged_in.post(url, data=data).text)
    assert "Aperçu : 1 destinataire" in page and "Bonjour Samir," in page and "Passez au stand CV dès 9 h." in page
    assert len(mails(app)) == before  # a preview sends nothing
    answer = logged_in.post(url, data={**data, "previewed": "1", "send": "Envoyer"})
    assert answer.status_code == 302
    sent = mails(app)[before:]
    assert [m["To"] for m in sent] == [lonely.email] and "Stand de conseil" in sent[0]["Subject"]
    assert f"/c/{lonely.token}" in text_of(sent[0])
    history = unescape(logged_in.get(url).text)
    assert "Message « Stand de conseil » à Les candidats sans entretien (1 destinataire)" in history
    assert people  # the others, with interviews, got nothing
