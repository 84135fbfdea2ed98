"""Publishing: private pages show the plan, everyone gets an email with an .ics; re-publishing mails only changes."""
from __future__ import annotations

import email
import email.policy
from pathlib import Path

from icalendar import Calendar
from organizer_helpers import small_event, solve_now

from jobdating.core import tasks as jobs
from jobdating.core.models import EventStatus, Interview
from jobdating.core.plans import plan_for_candidate, plan_for_employer
from jobdating.extensions import db


def _mails(app) -> list[email.message.Message]:
    jobs.wait_all(timeout=30)
    folder = Path(app.config["MAIL_DIR"])
    return [email.message_from_bytes(p.read_bytes(), policy=email.policy.default)
            for p in sorted(folder.glob("*.eml"))] if folder.exists() else []


def _clear(app) -> None:
    jobs.wait_all(timeout=30)  # what was queued leaves first
    for path in Path(app.config["MAIL_DIR"]).glob("*.eml"):
        path.unlink()


def test_publishing_mails_everyone_their_plan_with_a_calendar_file(app, logged_in, organizer, create_event,
                                                                   create_employer, create_candidate):
    event, first, second, people = small_event(create_event, create_employer, create_candidate, candidates=2)
    solve_now(event, organizer)
    response = logged_in.post(f"/organisateur/evenements/{event.id}/publier", follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "Planning publié (version 1) : 4 e-mails en cours d&#39;envoi" in page
    assert "Publication n° 1" in page  # the organizer lands on the sending's progress
    jobs.wait_all(timeout=30)  # the emails leave in the background
    assert event.status == EventStatus.PUBLISHED and event.published_at is not None
    mails = _mails(app)
    assert sorted(m["To"] for m in mails) == sorted([people[0].email, people[1].email, first.email, second.email])
    to_candidate = next(m for m in mails if m["To"] == people[0].email)
    ics = next(part for part in to_candidate.walk() if part.get_content_type() == "text/calendar")
    entries = Calendar.from_ical(ics.get_payload(decode=True)).walk("VEVENT")
    assert len(entries) == 2 and "Logistique Artois" in " ".join(str(e["SUMMARY"]) for e in entries)


def test_private_pages_get_the_published_plan_only(organizer, create_event, create_employer, create_candidate):
    from jobdating.planning.publish import publish

    event, first, second, people = small_event(create_event, create_employer, create_candidate, candidates=2)
    solve_now(event, organizer)
    assert plan_for_candidate(people[0]) is None
    publish(event, organizer)
    rows = plan_for_candidate(people[0])
    assert {r["company"] for r in rows} == {"Logistique Artois", "Numérique Lens"}
    assert {r["candidate"] for r in plan_for_employer(first)} == {people[0].full_name, people[1].full_name}
    # A later change by hand stays private until the organizer publishes again.
    db.session.delete(db.session.scalar(db.select(Interview).where(Interview.candidate_id == people[0].id)))
    db.session.commit()
    assert len(plan_for_candidate(people[0])) == 2


def test_republishing_mails_only_the_people_whose_plan_changed(app, organizer, create_event, create_employer,
                                                                create_candidate):
    from jobdating.planning.publish import publish

    event, first, second, people = small_event(create_event, create_employer, create_candidate, candidates=3)
    solve_now(event, organizer)
    publish(event, organizer)
    _clear(app)
    moved = db.session.scalar(db.select(Interview).where(Interview.candidate_id == people[0].id,
                                                         Interview.employer_id == first.id))
    db.session.delete(moved)
    db.session.commit()
    result = publish(event, organizer)
    assert sorted(m["To"] for m in _mails(app)) == sorted([people[0].email, first.email])
    assert (result.candidates_mailed, result.employers_mailed, result.unchanged) == (1, 1, 3)
    assert "a changé" in _mails(app)[0]["Subject"]


def test_nothing_to_publish_without_a_plan(logged_in, create_event):
    event = create_event()
    response = logged_in.post(f"/organisateur/evenements/{event.id}/publier", follow_redirects=True)
    assert "pas encore de planning à publier" in response.get_data(as_text=True)
