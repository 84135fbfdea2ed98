"""Published versions: each person's email says what changed since the version they were last sent, and its
calendar updates the same entries (same UID, higher SEQUENCE) and cancels the removed ones."""
from __future__ import annotations

import datetime as dt
import email
from email import policy
from html import unescape
from pathlib import Path

from icalendar import Calendar
from organizer_helpers import small_event, solve_now

from jobdating.core import tasks as jobs
from jobdating.core.models import Interview, Publication
from jobdating.extensions import db
from jobdating.planning.publish import publish


def _mails_to(app, address: str) -> list[email.message.EmailMessage]:
    jobs.wait_all(timeout=30)
    found = [email.message_from_bytes(p.read_bytes(), policy=policy.default)
             for p in sorted(Path(app.config["MAIL_DIR"]).glob("*.eml"))]
    return [m for m in found if m["To"] == address]


def _calendar(message, name: str):
    part = next(p for p in message.iter_attachments() if p.get_filename() == name)
    return Calendar.from_ical(part.get_payload(decode=True))


def test_a_moved_and_a_removed_interview_update_the_calendar_and_the_email_says_what_changed(
        app, logged_in, organizer, create_event, create_employer, create_candidate):
    event, first, second, people = small_event(create_event, create_employer, create_candidate, candidates=2)
    solve_now(event, organizer)
    publish(event, organizer)
    ines = people[0]
    [sent_first] = _mails_to(app, ines.email)
    entries = {str(e["SUMMARY"]): e for e in _calendar(sent_first, "planning.ics").walk("VEVENT")}
    assert len(entries) == 2 and all(int(e["SEQUENCE"]) == 1 for e in entries.values())
    # Move her interview with the first employer to a free slot, cancel the one with the second.
    interviews = {i.employer_id: i for i in db.session.scalars(db.select(Interview).where(
        Interview.candidate_id == ines.id))}
    busy = {i.start for i in event.interviews if i.employer_id == first.id} | {
        i.start for i in event.interviews if i.candidate_id == ines.id}
    free = next(s for s in event.slot_starts() if s not in busy)
    moved = interviews[first.id]
    moved.start = free
    moved.end = (dt.datetime.combine(event.date, free) + dt.timedelta(minutes=event.slot_minutes)).time()
    db.session.delete(interviews[second.id])
    db.session.commit()
    publish(event, organizer, comment="Numérique Lens part plus tôt")
    [_, sent_second] = _mails_to(app, ines.email)
    text = sent_second.get_body(("plain",)).get_content()
    assert "Ce qui a changé depuis le planning que vous avez reçu" in text
    assert "Déplacé : Logistique Artois" in text and f"→ {free:%H:%M}" in text
    assert "Annulé :" in text and "Numérique Lens" in text
    [updated] = _calendar(sent_second, "planning.ics").walk("VEVENT")
    before = entries["Entretien — Logistique Artois"]
    assert str(updated["UID"]) == str(before["UID"]) and int(updated["SEQUENCE"]) == 2 > int(before["SEQUENCE"])
    assert updated.decoded("DTSTART") != before.decoded("DTSTART")
    cancel = _calendar(sent_second, "annulations.ics")
    assert str(cancel["METHOD"]) == "CANCEL"
    [cancelled] = cancel.walk("VEVENT")
    assert str(cancelled["UID"]) == str(entries["Entretien — Numérique Lens"]["UID"])
    assert str(cancelled["STATUS"]) == "CANCELLED"
    # The organizer sees both versions and the difference for Inès.
    page = unescape(logged_in.get(f"/organisateur/evenements/{event.id}/versions?a=1&b=2").text)
    assert "Numérique Lens part plus tôt" in page and ines.full_name in page
    assert "De la version 1 à la version 2 : 3 personnes dont le planning change." in page
    assert db.session.scalar(db.select(db.func.count()).select_from(Publication)) == 2
