"""Organizer moderation: on an event that asks for it, a new employer waits for an organizer's approval before
candidates see it, wish it or get planned with it; approving it tells the employer by e-mail."""
from __future__ import annotations

import datetime as dt
import re
from html import unescape

import pytest
from signup_helpers import candidate_form, employer_form, mails, text_of
from sqlalchemy import select

from jobdating.core.models import Employer
from jobdating.extensions import db
from jobdating.planning.instance import instance_dict


@pytest.fixture
def event(create_event, create_employer):
    event = create_event(slug="jd-lens", end_time=dt.time(17, 0), moderate_employers=True)
    create_employer(event, company="Déjà Là", offers=["Cariste"])
    return event


def sign_up_employer(client) -> Employer:
    response = client.post("/jd-lens/employeurs/inscription", data=employer_form())
    assert response.status_code == 302
    return db.session.scalar(select(Employer).where(Employer.company == "Fibres du Nord"))


def test_a_new_employer_waits_hidden_from_candidates_and_from_the_plan(app, client, event):
    employer = sign_up_employer(client)
    assert employer.approval_pending
    assert "Fibres du Nord" not in client.get("/jd-lens").text
    assert "Technicien·ne fibre" not in unescape(client.get("/jd-lens/inscription").text)
    assert "Fibres du Nord" not in client.get("/jd-lens?q=fibre").text
    page = unescape(client.post("/jd-lens/inscription", data=candidate_form([f"E{employer.id}"]),
                                content_type="multipart/form-data").text)
    assert "Ce choix ne fait pas partie de ce job dating." in page
    assert [e["name"] for e in instance_dict(event)["employers"]] == ["Déjà Là"]
    waiting = "Votre inscription attend la validation de l'équipe organisatrice"
    assert waiting in unescape(client.get("/jd-lens/employeurs/inscription/merci").text)
    assert waiting in unescape(client.get(f"/e/{employer.token}").text)


def test_the_organizer_approves_and_the_employer_is_told_by_email(app, client, logged_in, event):
    employer = sign_up_employer(client)
    page = unescape(logged_in.get(f"/organisateur/evenements/{event.id}/employeurs").text)
    assert "1 employeur attend votre validation" in page and "À valider" in page
    response = logged_in.post(f"/organisateur/evenements/{event.id}/employeurs/{employer.id}/valider")
    assert response.status_code == 302
    db.session.refresh(employer)
    assert not employer.approval_pending
    assert "Fibres du Nord" in client.get("/jd-lens").text
    assert "Fibres du Nord" in [e["name"] for e in instance_dict(event)["employers"]]
    approved = [m for m in mails(app) if "validée" in m["Subject"]]
    assert [m["To"] for m in approved] == ["rh@fibres-du-nord.fr"]
    assert f"/e/{employer.token}" in text_of(approved[0])
    # Approving twice does nothing more.
    logged_in.post(f"/organisateur/evenements/{event.id}/employeurs/{employer.id}/valider")
    assert len([m for m in mails(app) if "validée" in m["Subject"]]) == 1


def test_without_moderation_an_employer_is_public_at_once(client, event):
    event.moderate_employers = False
    db.session.commit()
    employer = sign_up_employer(client)
    assert not employer.approval_pending and "Fibres du Nord" in client.get("/jd-lens").text


def test_an_employer_the_organizer_signs_up_needs_no_approval(logged_in, event):
    data = employer_form(email="rh@autre.fr", company="Signé Par L'Orga")
    response = logged_in.post(f"/organisateur/evenements/{event.id}/employeurs/nouveau", data=data)
    assert response.status_code == 302
    employer = db.session.scalar(select(Employer).where(Employer.email == "rh@autre.fr"))
    assert employer is not None and not employer.approval_pending


def test_the_event_settings_switch_moderation(logged_in, event):
    page = logged_in.get(f"/organisateur/evenements/{event.id}/reglages").text
    assert " checked " in re.search(r'<input[^>]*name="moderate_employers"[^>]*>', page).group(0)
    settings = {"name": event.name, "date": "2027-03-18", "start_time": "09:00", "end_time": "17:00",
                "slot_minutes": "15", "max_wishes": "5", "table_rows": "4", "status": "open"}
    response = logged_in.post(f"/organisateur/evenements/{event.id}/reglages", data=settings)  # box not ticked
    assert response.status_code == 302
    db.session.refresh(event)
    assert event.moderate_employers is False
