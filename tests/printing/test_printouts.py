"""What issue 18 asked of the printouts, from the database side: badges per recruiter, blank badges,
one arrival advance for the web page and the PDF, tables named by their room number."""
from __future__ import annotations

import io

from pypdf import PdfReader

from jobdating.core.models import Recruiter
from jobdating.extensions import db


def _pages(data: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


def _badges_url(event, **params) -> str:
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"/organisateur/evenements/{event.id}/impression/badges.pdf" + (f"?{query}" if query else "")


def test_every_recruiter_of_the_team_gets_a_badge(logged_in, planned):
    event, _, _, logistics, robots = planned
    db.session.add_all([Recruiter(employer=logistics, name="Samir Benali", email="samir@exemple.fr"),
                        Recruiter(employer=logistics, name="Julie Vasseur", email="julie@exemple.fr"),
                        Recruiter(employer=logistics, name="claire petit", email="claire@exemple.fr")])
    db.session.commit()
    text = " ".join(_pages(logged_in.get(_badges_url(event, employeur=logistics.id)).data))
    assert text.count("RECRUTEUR") == 3  # Claire Petit, the contact, is also in the team: one badge
    for name in ("Claire Petit", "Samir Benali", "Julie Vasseur"):
        assert name in text
    assert text.count("Logistique Artois") == 3 and "TABLES" in text
    whole = " ".join(_pages(logged_in.get(_badges_url(event)).data))
    assert whole.count("RECRUTEUR") == 4  # and one for Robotique Lens, which has a contact only
    assert "Samir Benali" in whole and "Robotique Lens" in whole


def test_blank_name_badges_for_one_employer(logged_in, planned):
    event, _, _, logistics, _ = planned
    response = logged_in.get(_badges_url(event, employeur=logistics.id, vierges=3))
    assert response.status_code == 200
    assert f"vierges-e{logistics.id}" in response.headers["Content-Disposition"]
    text = " ".join(_pages(response.data))
    assert text.count("RECRUTEUR") == 3 and text.count("Logistique Artois") == 3
    assert "Claire Petit" not in text and "Robotique Lens" not in text and "CANDIDAT" not in text


def test_blank_badges_for_every_employer_and_wrong_counts(logged_in, planned):
    event, *_ = planned
    text = " ".join(_pages(logged_in.get(_badges_url(event, vierges=2)).data))
    assert text.count("Logistique Artois") == 2 and text.count("Robotique Lens") == 2
    assert "CANDIDAT" not in text and "Claire Petit" not in text
    assert logged_in.get(_badges_url(event, vierges=0)).status_code == 400
    assert logged_in.get(_badges_url(event, vierges=500)).status_code == 400
    url = f"/organisateur/evenements/{event.id}/impression/plans.pdf?vierges=2"
    assert logged_in.get(url).status_code == 400


def test_the_printing_page_offers_blank_badges_for_each_employer(logged_in, planned):
    event, _, _, logistics, _ = planned
    page = logged_in.get(f"/organisateur/evenements/{event.id}/impression").get_data(as_text=True)
    assert "Badges vierges" in page and 'name="vierges"' in page
    assert f'<option value="{logistics.id}">Logistique Artois</option>' in page


def _publish(event):
    from jobdating.planning.publish import publish

    publish(event, None)


def test_the_candidates_page_and_printed_plan_give_the_same_arrival_advance(app, client, planned):
    event, anais, *_ = planned
    _publish(event)
    for minutes in (15, 25):
        app.config["ARRIVE_MINUTES_BEFORE"] = minutes
        page = " ".join(client.get(f"/c/{anais.token}").get_data(as_text=True).split())
        plan = _pages(client.get(f"/c/{anais.token}/planning.pdf").data)[0]
        assert f"Merci d'arriver {minutes} minutes avant votre premier entretien" in page.replace("&#39;", "'")
        assert f"soit {minutes} minutes avant votre premier entretien" in plan
    assert "5 minutes avant l'heure" not in page


def test_the_move_form_names_tables_by_their_room_number_only(logged_in, planned):
    event, anais, _, _, robots = planned  # Robotique Lens: its one table is table 3 of the room
    interview = next(i for i in anais.interviews if i.employer_id == robots.id)
    page = logged_in.get(f"/organisateur/evenements/{event.id}/entretiens/{interview.id}").get_data(as_text=True)
    assert '<option selected value="1">Table 3</option>' in page
    assert "(salle" not in page


def test_the_one_page_report_for_funders_holds_the_anonymous_figures_even_after_the_purge(app, logged_in, planned):
    import io

    import pdfplumber

    from jobdating.privacy.retention import purge_event

    event = planned[0]
    url = f"/organisateur/evenements/{event.id}/bilan.pdf"
    before = logged_in.get(url)
    assert before.status_code == 200 and before.mimetype == "application/pdf"
    with pdfplumber.open(io.BytesIO(before.data)) as document:
        assert len(document.pages) == 1
        text = document.pages[0].extract_text()
    candidates = len(event.candidates)
    assert f"Bilan — {event.name}" in text and f"Candidat·es inscrit·es {candidates}" in text
    assert "Entretiens par candidat·e" in text and "Par secteur" in text
    names = [c.full_name for c in event.candidates]
    purge_event(event)
    after = logged_in.get(url)
    with pdfplumber.open(io.BytesIO(after.data)) as document:
        text_after = document.pages[0].extract_text()
    assert f"Candidat·es inscrit·es {candidates}" in text_after and "données personnelles effacées" in text_after
    assert not any(name in text_after for name in names)
    page = logged_in.get(f"/event/{event.id}/resultats").get_data(as_text=True)
    assert page.count('<svg class="chart"') == 2 and "bilan.pdf" in page
