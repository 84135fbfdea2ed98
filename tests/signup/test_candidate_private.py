"""A candidate's private page: change wishes and availability until close, withdraw, see the published plan."""
from __future__ import annotations

import datetime as dt
from html import unescape
from pathlib import Path

import pytest
from signup_helpers import candidate_form, with_cv
from sqlalchemy import func, select

from jobdating.core.models import Candidate, Decision, EventStatus, Interview, Preselection, Wish
from jobdating.extensions import db
from jobdating.planning.publish import publish


@pytest.fixture
def event(create_event, create_employer):
    event = create_event(slug="jd-lens", max_wishes=3)
    create_employer(event, offers=["Cariste"], company="Logistique Artois", first_table=4)
    create_employer(event, company="Numérique Lens")
    return event


@pytest.fixture
def candidate(event, create_candidate):
    return create_candidate(event, wishes=[event.employers[0], event.employers[1]], first_name="Inès")


def test_the_private_page_greets_the_candidate_and_shows_their_wishes_in_order(client, event, candidate):
    page = unescape(client.get(f"/c/{candidate.token}").text)
    assert "Bonjour Inès" in page
    first, second = event.employers
    assert page.index(f'name="wishes-0" value="E{first.id}"') < page.index(f'name="wishes-1" value="E{second.id}"')
    assert f'name="pick" value="E{first.id}" checked' in page


def test_the_candidate_changes_wishes_and_availability(client, event, candidate):
    first, second = event.employers
    response = client.post(f"/c/{candidate.token}", data={
        "wishes-0": f"E{second.id}", "wishes-1": f"O{first.offers[0].id}", "availability-kind": "morning"})
    assert response.status_code == 302
    db.session.refresh(candidate)
    assert [(w.rank, w.employer_id, w.offer_id) for w in candidate.wishes] == [
        (1, second.id, None), (2, first.id, first.offers[0].id)]
    assert candidate.available == [["09:00", "10:30"]]
    assert "Vos vœux et vos disponibilités sont enregistrés." in unescape(client.get(response.location).text)


def test_wrong_wishes_on_the_private_page_are_explained_and_nothing_changes(client, event, candidate):
    first = event.employers[0]
    page = unescape(client.post(f"/c/{candidate.token}", data={
        "wishes-0": f"E{first.id}", "wishes-1": f"E{first.id}", "availability-kind": "day"}).text)
    assert "chaque vœu doit être différent" in page
    db.session.refresh(candidate)
    assert len(candidate.wishes) == 2


def test_after_close_wishes_are_shown_but_cannot_be_changed(client, event, candidate):
    event.signup_closes = dt.datetime(2000, 1, 1)
    db.session.commit()
    page = unescape(client.get(f"/c/{candidate.token}").text)
    assert "vos vœux ne peuvent plus être modifiés" in page and 'name="wishes-0"' not in page
    client.post(f"/c/{candidate.token}", data={"wishes-0": f"E{event.employers[1].id}", "availability-kind": "day"})
    db.session.refresh(candidate)
    assert candidate.wishes[0].employer_id == event.employers[0].id


def test_withdrawal_deletes_the_candidate_their_wishes_decisions_and_cv(app, client, event, create_employer):
    client.post("/jd-lens/inscription", data=with_cv(candidate_form([f"E{event.employers[0].id}"])),
                content_type="multipart/form-data")
    candidate = db.session.scalar(select(Candidate))
    cv_file = Path(app.config["CV_DIR"], candidate.cv_filename)
    db.session.add(Preselection(employer=event.employers[0], candidate=candidate, decision=Decision.ACCEPTED))
    db.session.commit()
    token = candidate.token
    assert "définitivement" in client.get(f"/c/{token}/retrait").text
    response = client.post(f"/c/{token}/retrait")
    assert response.location.endswith("/jd-lens")
    db.session.expire_all()
    assert db.session.scalar(select(func.count(Candidate.id))) == 0
    assert db.session.scalar(select(func.count(Wish.id))) == 0
    assert db.session.scalar(select(func.count(Preselection.id))) == 0
    assert not cv_file.exists()
    assert client.get(f"/c/{token}").status_code == 404


def test_withdrawal_after_publication_removes_the_name_from_the_employer_s_published_plan(client, event, candidate):
    employer = event.employers[0]
    db.session.add(Interview(event=event, candidate=candidate, employer=employer, table=1,
                             start=dt.time(9, 30), end=dt.time(9, 45)))
    db.session.commit()
    publish(event, None)
    employer_token, candidate_id = employer.token, candidate.id
    assert candidate.full_name in unescape(client.get(f"/e/{employer_token}").text)
    client.post(f"/c/{candidate.token}/retrait")
    db.session.expire_all()
    assert f"C{candidate_id}" not in event.published_plan
    assert "Haddad" not in str(event.published_plan)
    assert "Haddad" not in unescape(client.get(f"/e/{employer_token}").text)


def test_withdrawal_needs_a_post(client, candidate):
    client.get(f"/c/{candidate.token}/retrait")
    assert db.session.get(Candidate, candidate.id) is not None


def test_the_published_plan_lists_the_candidates_interviews_with_room_tables(client, event, candidate):
    employer = event.employers[0]
    db.session.add(Interview(event=event, candidate=candidate, employer=employer, table=1,
                             start=dt.time(9, 30), end=dt.time(9, 45), offers=[employer.offers[0].id]))
    db.session.commit()
    publish(event, None)
    page = unescape(client.get(f"/c/{candidate.token}").text)
    assert "Mon planning" in page and "09:30–09:45" in page and "Cariste" in page
    assert '<td class="num">4</td>' in page


def test_the_plan_is_not_shown_before_publication(client, event, candidate):
    employer = event.employers[0]
    db.session.add(Interview(event=event, candidate=candidate, employer=employer, table=1,
                             start=dt.time(9, 30), end=dt.time(9, 45)))
    event.status = EventStatus.SCHEDULED
    db.session.commit()
    assert "09:30" not in client.get(f"/c/{candidate.token}").text


def test_the_organizer_downloads_any_cv_as_an_attachment(logged_in, event):
    logged_in.post("/jd-lens/inscription", data=with_cv(candidate_form([f"E{event.employers[0].id}"])),
                   content_type="multipart/form-data")
    candidate = db.session.scalar(select(Candidate))
    response = logged_in.get(f"/organisation/candidats/{candidate.id}/cv")
    assert response.status_code == 200 and response.data.startswith(b"%PDF-")
    assert response.headers["Content-Disposition"].startswith("attachment")
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_a_visitor_who_is_not_an_organizer_cannot_download_a_cv(client, app, event):
    client.post("/jd-lens/inscription", data=with_cv(candidate_form([f"E{event.employers[0].id}"])),
                content_type="multipart/form-data")
    candidate = db.session.scalar(select(Candidate))
    answer = client.get(f"/organisation/candidats/{candidate.id}/cv")
    assert answer.status_code == 302 and "/login" in answer.headers["Location"]
    assert client.get(f"/static/{candidate.cv_filename}").status_code == 404
