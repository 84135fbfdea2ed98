"""What people and organizers see of personal data: the notice, the data pages and downloads, corrections,
a new notice asking for consent again, the register, erasing early and deleting an event."""
from __future__ import annotations

import base64
import datetime as dt
from html import unescape

from signup_helpers import candidate_form, with_cv
from sqlalchemy import select

from jobdating.core.models import Candidate, Event, EventStatus
from jobdating.core.notice import consent_version
from jobdating.extensions import db


def _signed_up(client, create_event, create_employer, **event_overrides) -> tuple[Event, Candidate]:
    event = create_event(slug="jd-lens", **event_overrides)
    employer = create_employer(event, offers=["Cariste"], company="Logistique Artois")
    client.post("/jd-lens/inscription", content_type="multipart/form-data",
                data=with_cv(candidate_form([f"E{employer.id}"]), content=b"%PDF-1.4 mon cv"))
    return event, db.session.scalar(select(Candidate))


def test_the_notice_names_the_controller_and_the_retention_from_the_settings(app, client):
    app.config.update(PRIVACY_CONTROLLER="Mission locale de Lens", PRIVACY_DPO_EMAIL="dpo@ml-lens.fr",
                      DATA_RETENTION_MONTHS=3)
    page = unescape(client.get("/confidentialite").text)
    assert "Mission locale de Lens" in page and "dpo@ml-lens.fr" in page and "effacées 3 mois après" in page
    # People signed up by the team or imported from a partner's list are told where their data comes from.
    assert "D'où elles viennent" in page and "à partir d'une liste transmise par un organisme" in page
    assert '<a href="/confidentialite">Données personnelles</a>' in client.get("/").text  # every page's footer


def test_a_candidate_sees_downloads_and_corrects_her_data(client, create_event, create_employer):
    event, candidate = _signed_up(client, create_event, create_employer)
    assert candidate.consent_version == consent_version()
    page = unescape(client.get(f"/c/{candidate.token}/donnees").text)
    assert "Logistique Artois" in page and "ines.haddad@exemple.fr" in page and "cv-ines.pdf" in page
    data = client.get(f"/c/{candidate.token}/donnees.json").json
    assert data["identity"]["last_name"] == "Haddad" and data["wishes"][0]["employer"] == "Logistique Artois"
    assert base64.b64decode(data["cv"]["content_base64"]) == b"%PDF-1.4 mon cv"
    assert data["emails"][0]["kind"] == "message"  # the sign-up email
    event.status = EventStatus.CLOSED  # corrections stay possible after sign-up closes
    db.session.commit()
    answer = client.post(f"/c/{candidate.token}/donnees", data={
        "first_name": "Inès", "last_name": "Haddad-Martin", "email": "ines.martin@exemple.fr", "phone": "",
        "postcode": "62300", "town": "Liévin"})
    assert answer.status_code == 302
    db.session.refresh(candidate)
    assert (candidate.last_name, candidate.email, candidate.town) == ("Haddad-Martin", "ines.martin@exemple.fr",
                                                                      "Liévin")


def test_a_new_notice_asks_for_consent_again_at_the_next_edit(app, client, create_event, create_employer):
    event, candidate = _signed_up(client, create_event, create_employer)
    old = candidate.consent_version
    app.config["PRIVACY_CONTROLLER"] = "Communauté d'agglomération Lens-Liévin"  # the notice changes
    key = f"E{event.employers[0].id}"
    answer = client.post(f"/c/{candidate.token}", data={"wishes-0": key, "availability-kind": "day"})
    assert answer.status_code == 200 and "La notice de confidentialité a changé" in unescape(answer.text)
    db.session.refresh(candidate)
    assert candidate.consent_version == old
    answer = client.post(f"/c/{candidate.token}", data={"wishes-0": key, "availability-kind": "day", "consent": "y"})
    assert answer.status_code == 302
    db.session.refresh(candidate)
    assert candidate.consent_version == consent_version() != old


def test_the_register_shows_what_is_kept_and_how_long(logged_in, create_event, create_employer, client):
    event, _candidate = _signed_up(client, create_event, create_employer, date=dt.date(2027, 3, 18))
    page = unescape(logged_in.get(f"/organisateur/evenements/{event.id}/donnees").text)
    assert "Registre des traitements" in page and "effacées le 18/09/2027 (6 mois après l'événement)" in page
    assert "1 candidats" in page or "1 candidat" in page
    dashboard = unescape(logged_in.get(f"/organisateur/evenements/{event.id}").text)
    assert "Données personnelles effacées automatiquement le 18/09/2027" in dashboard


def test_erasing_early_and_deleting_an_event_need_the_typed_address(logged_in, create_event, create_employer,
                                                                    client, app):
    event, candidate = _signed_up(client, create_event, create_employer)
    url = f"/organisateur/evenements/{event.id}"
    answer = logged_in.post(f"{url}/donnees/effacer", data={"typed": "autre"}, follow_redirects=True)
    assert "Rien n'a été effacé" in unescape(answer.text)
    assert db.session.scalar(select(Candidate)) is not None
    answer = logged_in.post(f"{url}/donnees/effacer", data={"typed": "jd-lens"}, follow_redirects=True)
    assert "Données personnelles effacées : 1 candidats, 1 CV" in unescape(answer.text)
    db.session.expire_all()
    assert db.session.scalar(select(Candidate)) is None and db.session.get(Event, event.id).statistics
    assert logged_in.post(f"{url}/supprimer", data={"typed": "non"}).status_code == 302
    assert db.session.get(Event, event.id) is not None
    logged_in.post(f"{url}/supprimer", data={"typed": "jd-lens"})
    db.session.expire_all()
    assert db.session.get(Event, event.id) is None


def test_a_candidates_download_holds_what_employers_recorded_about_her(client, create_event, create_employer):
    # An evaluation is personal data of the person evaluated: her download shows the rating, next step and notes.
    from jobdating.core.models import Interview
    from jobdating.dayof import scoring
    event, candidate = _signed_up(client, create_event, create_employer)
    employer = event.employers[0]
    interview = Interview(event=event, candidate=candidate, employer=employer, table=1,
                          start=dt.time(10, 0), end=dt.time(10, 15))
    db.session.add(interview)
    db.session.commit()
    scoring.score(interview, rating=3, notes="À rappeler pour le poste de cariste", next_step="second_interview",
                  absent=False)
    data = client.get(f"/c/{candidate.token}/donnees.json").json
    (mine,) = data["interviews"]
    assert (mine["rating"], mine["next_step"], mine["employer_notes"]) == (
        3, "second_interview", "À rappeler pour le poste de cariste")
