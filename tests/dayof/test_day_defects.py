"""Defects found when the day was run on a tablet and a phone (issue 17, point 4): each one, fixed and pinned."""
from __future__ import annotations

import html
import io
import json
import re
from pathlib import Path

from frontdesk_helpers import Clock, at, place
from pypdf import PdfReader
from signup_helpers import mails, text_of

from jobdating.core import answers
from jobdating.core import tasks as jobs
from jobdating.core.models import Candidate, RunStatus
from jobdating.core.times import utcnow
from jobdating.dayof import replan
from jobdating.extensions import db
from jobdating.planning import publish, scheduling
from jobdating.printing import documents


def page(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def replan_now(client, event):
    response = client.post(f"/event/{event.id}/replanifier", data={})
    assert response.status_code == 302, page(response)
    run_id = int(response.headers["Location"].rstrip("/").split("/")[-1])
    jobs.wait(run_id, timeout=60)
    db.session.expire_all()
    return run_id


def drain(app) -> None:
    """Forget the mails sent so far (the first publication's)."""
    jobs.wait_all(timeout=30)
    for path in Path(app.config["MAIL_DIR"]).glob("*.eml"):
        path.unlink()


# The re-plan result page -------------------------------------------------------------------------------------

def test_the_re_plan_page_waits_for_the_plan_to_be_saved_before_counting_anybody(app, logged_in, clock, day):
    event, _employers, (ines, karim, lea) = day
    drain(app)  # the first plan mails are sent: everybody knows their plan
    db.session.expire_all()
    clock.set(10, 5)  # Karim and Ines missed their 10:00: a re-plan would change their plans
    data = replan.replan_input(event, at(10, 5), allow_moves=False).data
    run = scheduling.queue_run(event, data, 3, "test")
    # The solver has answered and the status says done, but the plan is not written into the interviews yet.
    run.status, run.finished_at = RunStatus.DONE, utcnow()
    run.output_json = json.dumps({"format": "jobdating-schedule/1", "interviews": [], "unmet": []})
    db.session.commit()

    text = page(logged_in.get(f"/event/{event.id}/replanifier/{run.id}"))
    assert "Calcul en cours" in text and "personnes dont le planning a changé" not in text
    assert "personne à prévenir" not in text
    status = logged_in.get(f"/event/{event.id}/replanifier/{run.id}.json").get_json()
    assert status["status"] == "done" and status["finished"] is False

    scheduling.apply_run(run)  # the plan and applied_at, committed together
    status = logged_in.get(f"/event/{event.id}/replanifier/{run.id}.json").get_json()
    assert status["finished"] is True
    text = page(logged_in.get(f"/event/{event.id}/replanifier/{run.id}"))
    assert "Calcul en cours" not in text and "personnes dont le planning a changé" in text
    assert re.search(r"changed-count\">5<", text), re.search(r"changed-count.{0,20}", text)  # all lost


def test_a_re_plan_stopped_before_it_started_says_so_and_counts_nobody(logged_in, clock, day):
    event, _employers, _people = day
    run = scheduling.queue_run(event, replan.replan_input(event, at(9, 40), False).data, 3, "test")
    scheduling.request_stop(run, None)
    text = page(logged_in.get(f"/event/{event.id}/replanifier/{run.id}"))
    assert "arrêté avant de commencer" in text and "changed-count" not in text


# The arrival line of a reprinted plan ------------------------------------------------------------------------

def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages)


def test_the_arrival_line_depends_on_check_in_and_on_the_time_of_printing(app, clock, day):
    event, (logistics, _digital), (ines, _karim, lea) = day
    before_the_day = pdf_text(documents.render(event, "plans", candidates=[lea]))
    assert "Merci d'arriver à 10 h 45" in before_the_day

    at_ten_fifty = pdf_text(documents.render(event, "plans", candidates=[lea], when=at(10, 50)))
    assert "Merci d'arriver" not in at_ten_fifty
    assert "Votre prochain entretien est à 11 h 00 : passez par l'accueil dès maintenant" in at_ten_fifty

    early = pdf_text(documents.render(event, "plans", candidates=[lea], when=at(9, 0)))
    assert "Merci d'arriver à 10 h 45" in early  # printed on the day but in good time: the usual line

    lea.arrived_at = utcnow()
    db.session.commit()
    inside = pdf_text(documents.render(event, "plans", candidates=[lea], when=at(10, 50)))
    assert "Merci d'arriver" not in inside and "passez par l'accueil" not in inside
    assert "Vous êtes enregistré·e à l'accueil" in inside and "à 11 h 00 pour votre prochain entretien" in inside


def test_a_walk_in_reprinted_at_eleven_with_an_eleven_oclock_interview_goes_straight_to_the_table(
        logged_in, clock, day):
    event, (logistics, digital), _people = day
    clock.set(10, 58)
    logged_in.post(f"/event/{event.id}/sur-place", data={"first_name": "Nadia", "last_name": "Roux",
                                                         "phone": "06 12 34 56 78", "wish1": f"E{logistics.id}"})
    nadia = db.session.query(Candidate).filter_by(last_name="Roux").one()
    place(nadia, digital, "11:00")
    text = pdf_text(documents.render(event, "plans", candidates=[nadia], when=at(10, 58)))
    assert "Vous êtes enregistré·e à l'accueil" in text and "10 h 45" not in text


def test_the_private_page_does_not_ask_somebody_inside_to_come_by_the_desk(client, clock, day):
    _event, _employers, (ines, _karim, _lea) = day
    assert "Merci d'arriver" in page(client.get(f"/c/{ines.token}"))
    ines.arrived_at = utcnow()
    db.session.commit()
    text = page(client.get(f"/c/{ines.token}"))
    assert "Merci d'arriver" not in text and "Vous êtes enregistré·e à l'accueil" in text


# Absent people's mail ---------------------------------------------------------------------------------------

def test_a_no_show_is_told_their_absence_was_noted_never_that_there_was_no_interview(app, logged_in, clock, day):
    event, _employers, (ines, karim, lea) = day
    for person in (ines, karim):
        logged_in.post(f"/event/{event.id}/accueil", data={"code": person.token})
    clock.set(10, 50)
    logged_in.post(f"/event/{event.id}/absent/{lea.id}")
    drain(app)
    run_id = replan_now(logged_in, event)
    logged_in.post(f"/event/{event.id}/replanifier/{run_id}/publier")

    (to_lea,) = [m for m in mails(app) if m["To"] == lea.email]
    body = text_of(to_lea)
    assert "Nous avons noté votre absence" in body and "absence" in to_lea["Subject"]
    assert "pas pu vous proposer" not in body
    assert "11:00–11:15, Logistique Artois" in body  # what was cancelled
    names = [part.get_filename() for part in to_lea.iter_attachments()]
    assert "planning.ics" not in names and "annulations.ics" in names


def test_somebody_who_said_they_would_not_come_gets_no_plan_mail_on_the_next_publication(app, clock, day):
    event, _employers, (ines, _karim, lea) = day
    answers.cancel_day(lea, "autre")
    drain(app)
    publication = publish.publish(event, None)
    recipients = [m["To"] for m in mails(app)]
    assert lea.email not in recipients
    assert publication.candidates_mailed == 0 and publication.employers_mailed == 2


# People without email ---------------------------------------------------------------------------------------

def test_people_without_email_whose_plan_changed_are_listed_for_the_desk(app, logged_in, clock, day):
    event, (logistics, _digital), (ines, karim, lea) = day
    for person in (ines, lea):
        logged_in.post(f"/event/{event.id}/accueil", data={"code": person.token})
    clock.set(10, 5)  # Karim missed his 10:00
    logged_in.post(f"/event/{event.id}/sur-place", data={"first_name": "Nadia", "last_name": "Roux",
                                                         "phone": "06 12 34 56 78", "wish1": f"E{logistics.id}"})
    drain(app)
    run_id = replan_now(logged_in, event)
    before = page(logged_in.get(f"/event/{event.id}/replanifier/{run_id}"))
    assert "À prévenir à l'accueil" in before and "Nadia Roux" in before.split("À prévenir à l'accueil")[1]
    assert "Publier et prévenir ces 2 personnes par e-mail" in before  # Karim, Logistique Artois, not Nadia

    after = page(logged_in.post(f"/event/{event.id}/replanifier/{run_id}/publier", follow_redirects=True))
    sent = mails(app)
    assert len(sent) == 2 and "2 personnes prévenues par e-mail" in after
    listed = after.split("À prévenir à l'accueil")[1]
    assert "Nadia Roux" in listed and "06 12 34 56 78" in listed and "Karim Benali" not in listed


# Check-in of an employer with several tables ------------------------------------------------------------------

def test_checking_in_an_employer_shows_all_its_tables(logged_in, clock, create_event, create_employer,
                                                      create_candidate):
    event = create_event(date=at(9).date(), start_time=at(9).time(), end_time=at(12).time())
    big = create_employer(event, company="Grand Groupe", tables=3, first_table=4)
    candidate = create_candidate(event, wishes=[big])
    place(candidate, big, "10:00", table=1)
    text = page(logged_in.post(f"/event/{event.id}/accueil", data={"code": big.token}))
    assert "Tables <strong>4, 5, 6</strong>" in text


# The rehearsal clock ----------------------------------------------------------------------------------------

def test_a_frozen_clock_shows_in_every_page_header(app, client):
    assert "data-frozen-clock" not in page(client.get("/"))
    Clock(app, at(9, 40))
    text = page(client.get("/"))
    assert "data-frozen-clock" in text and "Horloge de répétition" in text
    assert "18 mars 2027" in text and "09:40" in text
