"""Créneaux libres: the free slots of the next hour, who could take them, one-click assignment checked by the
plan's rules and the solver's checker, the slip and the text to send, and the standby list."""
from __future__ import annotations

import html
import io

import pytest
from frontdesk_helpers import Clock, at, morning
from pypdf import PdfReader
from signup_helpers import mails, text_of

from jobdating.core.models import Cancellation, Candidate, Interview, Standby
from jobdating.dayof import freeslots, presence
from jobdating.extensions import db


@pytest.fixture
def clock(app):
    return Clock(app, at(9, 40))


@pytest.fixture
def day(clock, logged_in, create_event, create_employer, create_candidate):
    """Both employers, Inès and Karim arrived at 9:40; Léa (11:00 Logistique, 11:15 Numérique) is declared absent
    at 10:20, when Samir registers at the door for Logistique Artois."""
    event, employers, (ines, karim, lea) = morning(create_event, create_employer, create_candidate)
    logistics, digital = employers
    for person in (ines, karim, logistics, digital):
        logged_in.post(f"/event/{event.id}/accueil", data={"code": person.token})
    clock.set(10, 20)
    logged_in.post(f"/event/{event.id}/absent/{lea.id}")
    logged_in.post(f"/event/{event.id}/sur-place", data={"first_name": "Samir", "last_name": "Ouali",
                                                         "email": "samir@exemple.fr", "wish1": f"E{logistics.id}"})
    samir = db.session.query(Candidate).filter_by(last_name="Ouali").one()
    return event, employers, (ines, karim, lea, samir)


def page(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def slot_of(slots, employer, start):
    return [s for s in slots if s.employer.id == employer.id and s.start.strftime("%H:%M") == start]


def give(client, event, candidate, employer, start, table=1, follow=True):
    return client.post(f"/event/{event.id}/creneaux-libres/attribuer", follow_redirects=follow, data={
        "candidate": candidate.id, "employer": employer.id, "table": table, "start": start})


def test_free_slots_of_the_next_hour_include_a_no_shows_and_propose_the_walk_in_first(app, day):
    event, (logistics, digital), (ines, karim, lea, samir) = day
    slots = freeslots.free_slots(event, at(10, 20))
    starts = {s.start.strftime("%H:%M") for s in slots}
    # 10:15 has begun, 10:30 is taken at both tables (Karim, Inès), 11:30 is more than an hour away
    assert starts == {"10:45", "11:00", "11:15"}
    assert not slot_of(slots, logistics, "10:30")  # Karim's, and Karim is here
    (absent,) = slot_of(slots, logistics, "11:00")
    assert absent.freed_from is not None and absent.freed_from.candidate_id == lea.id
    assert [p.candidate for p in absent.proposals] == [samir]  # Inès and Karim met Logistique already
    (empty,) = slot_of(slots, digital, "11:15")
    # Samir asked for Logistique only, but Numérique Lens is in the same sector; he comes first as a walk-in.
    assert [p.candidate for p in empty.proposals] == [samir]
    assert empty.proposals[0].reason == "même secteur"


def test_one_click_gives_the_slot_frees_the_no_shows_interview_and_tells_the_candidate(app, logged_in, day):
    event, (logistics, _digital), (_ines, _karim, lea, samir) = day
    response = give(logged_in, event, samir, logistics, "11:00")
    text = page(response)
    assert response.status_code == 200 and "Samir Ouali" in text and "11:00 avec Logistique Artois" in text
    assert "un entretien vous attend à 11:00 avec Logistique Artois, table 4" in text

    db.session.expire_all()
    (new,) = db.session.query(Interview).filter_by(candidate_id=samir.id).all()
    assert (new.employer_id, new.start.strftime("%H:%M"), new.locked) == (logistics.id, "11:00", True)
    assert not db.session.query(Interview).filter_by(candidate_id=lea.id, employer_id=logistics.id).all()
    cancelled = db.session.query(Cancellation).filter_by(candidate_id=lea.id).one()
    assert cancelled.by == "organizer" and cancelled.start.strftime("%H:%M") == "11:00"

    (mail,) = [m for m in mails(app) if m["To"] == "samir@exemple.fr" and "Nouvel entretien" in m["Subject"]]
    assert "11:00 avec Logistique Artois, table 4" in text_of(mail)

    slip = logged_in.get(f"/event/{event.id}/creneaux-libres/{new.id}/fiche.pdf")
    assert slip.status_code == 200 and slip.mimetype == "application/pdf"
    slip_text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(slip.data)).pages)
    assert "Samir Ouali" in slip_text and "Logistique Artois" in slip_text
    assert "Vous êtes enregistré·e à l'accueil" in slip_text

    phone_page = page(logged_in.get(f"/e/{logistics.token}/resultats"))
    assert "Samir Ouali" in phone_page and "Léa Martin" not in phone_page  # the employer's page shows it now
    assert not slot_of(freeslots.free_slots(event, at(10, 20)), logistics, "11:00")


def test_a_move_that_breaks_a_rule_is_refused_and_changes_nothing(logged_in, day):
    event, (logistics, _digital), (ines, _karim, lea, _samir) = day
    text = page(give(logged_in, event, ines, logistics, "11:00"))
    assert "a déjà un entretien avec Logistique Artois" in text
    db.session.expire_all()
    assert db.session.query(Interview).filter_by(candidate_id=lea.id, employer_id=logistics.id).count() == 1
    assert db.session.query(Cancellation).count() == 0


def test_a_slot_still_held_by_somebody_present_cannot_be_taken(logged_in, day):
    event, (logistics, _digital), (_ines, karim, _lea, samir) = day
    text = page(give(logged_in, event, samir, logistics, "10:30"))
    assert "Ce créneau vient d'être pris (Karim Benali)" in text
    assert db.session.query(Interview).filter_by(candidate_id=karim.id, employer_id=logistics.id).count() == 1


def test_nobody_absent_at_the_desk_can_be_given_a_slot(day):
    event, (logistics, _digital), (_ines, _karim, lea, _samir) = day
    with pytest.raises(presence.DayError, match="pas enregistré"):
        freeslots.assign(event, lea, logistics, 1, at(11, 15).time(), None, at(10, 20))


def test_the_standby_list_brings_a_candidate_to_an_employer_they_did_not_ask_for(logged_in, day, create_employer):
    event, _employers, (_ines, karim, _lea, _samir) = day
    transport = create_employer(event, company="Transports du Nord", sector="Transport", first_table=9)
    logged_in.post(f"/event/{event.id}/accueil", data={"code": transport.token})
    assert not slot_of(freeslots.free_slots(event, at(10, 20)), transport, "11:00")[0].proposals
    logged_in.post(f"/event/{event.id}/creneaux-libres/attente", data={"candidate": karim.id,
                                                                      "employer": transport.id})
    assert db.session.query(Standby).filter_by(candidate_id=karim.id).count() == 1
    text = page(logged_in.get(f"/event/{event.id}/creneaux-libres"))
    assert "en attente pour cet employeur" in text and "Transports du Nord" in text.split('id="attente"')[1]

    (slot,) = slot_of(freeslots.free_slots(event, at(10, 20)), transport, "11:00")
    assert [p.candidate for p in slot.proposals] == [karim]
    give(logged_in, event, karim, transport, "11:00")
    db.session.expire_all()
    assert db.session.query(Interview).filter_by(candidate_id=karim.id, employer_id=transport.id).count() == 1
    assert db.session.query(Standby).filter_by(candidate_id=karim.id).count() == 0  # served: off the list


def test_the_free_slots_page_lists_slots_and_proposals(logged_in, day):
    event, _employers, _people = day
    text = page(logged_in.get(f"/event/{event.id}/creneaux-libres"))
    assert "Créneaux libres" in text and "Léa Martin absent·e" in text and "Attribuer" in text


def test_a_slot_given_at_the_desk_is_not_mailed_again_at_the_next_publication(app, logged_in, day):
    # Samir has his slip and his message, the employer sees him at the table: publishing again for another
    # change does not send them this one again; Léa, whose interview went to Samir, is told.
    from jobdating.planning import publish
    event, (logistics, _digital), (_ines, _karim, lea, samir) = day
    publish.publish(event, None)
    before = len(mails(app))
    give(logged_in, event, samir, logistics, "11:00")
    db.session.expire_all()
    again = publish.publish(event, None)
    sent = mails(app)[before:]
    to = sorted(m["To"] for m in sent if "Nouvel entretien" not in m["Subject"])
    assert to == [lea.email]
    assert again.candidates_mailed == 1 and again.employers_mailed == 0
