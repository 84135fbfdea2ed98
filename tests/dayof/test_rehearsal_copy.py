"""Rehearsals: the copy holds the whole event with made-up people, leaves the original untouched, is never public,
goes with its original (deletion, purge), and only the event's team reaches it, each by their role."""
from __future__ import annotations

import datetime as dt
import json
from html import unescape

import pytest
from rehearsal_helpers import banner, client_of, original_event

from jobdating.core.keys import candidate_key, employer_key
from jobdating.core.models import (
    AuditEntry,
    Cancellation,
    Candidate,
    CheckIn,
    Employer,
    Event,
    Interview,
    Membership,
    OutboxMail,
    Outcome,
    Publication,
    Recruiter,
    Rehearsal,
    Role,
)
from jobdating.core.people import REHEARSAL_DOMAIN
from jobdating.dayof import checkin, replan
from jobdating.dayof.rehearsal import RehearsalError, create_rehearsal
from jobdating.extensions import db
from jobdating.privacy import retention


@pytest.fixture
def original(real, create_event, create_employer, create_candidate):
    return original_event(create_event, create_employer, create_candidate)


def _personal(event: Event) -> set[str]:
    """Every name, address and phone number of the people of an event."""
    found: set[str] = set()
    for c in event.candidates:
        found |= {c.first_name + " " + c.last_name, c.last_name, c.email, c.phone}
    for e in event.employers:
        found |= {e.contact_name, e.email, e.phone} | {r.name for r in e.recruiters} | {r.email for r in e.recruiters}
    return {text for text in found if text}


def _everything(event: Event) -> str:
    """All the text the copy keeps about its people, its plan and its publications."""
    rows = [[getattr(row, column.key) for column in type(row).__table__.columns]
            for row in [*event.candidates, *event.employers, *(r for e in event.employers for r in e.recruiters)]]
    plans = [p.plan for p in db.session.scalars(db.select(Publication).where(Publication.event_id == event.id))]
    return json.dumps([rows, event.published_plan, plans], default=str, ensure_ascii=False)


def test_a_rehearsal_copies_the_whole_event_with_made_up_people(app, original):
    event, (logistics, digital), (ines, _karim, _lea), team = original
    ines_wishes = [(w.employer.company, w.offer.title if w.offer else None, w.rank) for w in ines.wishes]
    copy = create_rehearsal(event, team["orga"])

    assert copy.is_rehearsal and copy.rehearsal.original_id == event.id and copy.id != event.id
    assert copy.name.startswith("Répétition 1 — ") and copy.slug != event.slug
    for setting in ("date", "start_time", "end_time", "slot_minutes", "breaks", "max_wishes", "status", "venue",
                    "min_gap_slots", "max_interviews_per_candidate", "table_rows", "plan_priority"):
        assert getattr(copy, setting) == getattr(event, setting), setting
    # Employers: company names, tables, offers and recruiters kept; contacts made up.
    assert [(e.company, e.sector, e.tables, e.first_table) for e in copy.employers] == \
        [(e.company, e.sector, e.tables, e.first_table) for e in event.employers]
    copied = {e.company: e for e in copy.employers}
    cariste = copied[logistics.company].offers[0]
    assert (cariste.title, cariste.tables) == ("Cariste", [1])
    assert len(copied[logistics.company].recruiters) == 1
    assert copied[logistics.company].phone.startswith("06 39 98 ")
    assert all(e.email.endswith("@" + REHEARSAL_DOMAIN) and e.token not in {logistics.token, digital.token}
               for e in copy.employers)
    # Candidates: same number, same wishes and interviews, new names, no CV, no needs.
    assert len(copy.candidates) == len(event.candidates) == 3
    assert all(c.email.endswith("@" + REHEARSAL_DOMAIN) and c.cv_filename is None and c.cv_original_name is None
               and c.accessibility_needs == "" for c in copy.candidates)
    new_ines = copy.candidates[0]
    assert new_ines.phone.startswith("06 39 98 ") and new_ines.town and new_ines.full_name != "Inès Haddad"
    assert [(w.employer.company, w.offer.title if w.offer else None, w.rank) for w in new_ines.wishes] == ines_wishes
    assert [(p.employer.company, p.decision) for p in new_ines.preselections] == \
        [(p.employer.company, p.decision) for p in ines.preselections]
    plan = lambda e: sorted((i.employer.company, e.candidates.index(i.candidate), i.table, i.start,  # noqa: E731
                             [o for o in i.offers]) for i in e.interviews)
    assert [row[:4] for row in plan(copy)] == [row[:4] for row in plan(event)]
    assert [i for i in copy.interviews if i.offers] and all(
        i.offers == [cariste.id] for i in copy.interviews if i.offers)
    assert all(i.checkin == CheckIn.EXPECTED and i.outcome is None for i in copy.interviews)
    cancelled = db.session.scalars(db.select(Cancellation).where(Cancellation.event_id == copy.id)).all()
    assert [(c.employer.company, c.start, c.candidate.event_id) for c in cancelled] == \
        [(digital.company, dt.time(11, 30), copy.id)]
    # The published plan, as the made-up people were told it: nobody has anything new to be told.
    assert copy.published_at == event.published_at
    assert set(copy.published_plan) == {candidate_key(c) for c in copy.candidates} | \
        {employer_key(e) for e in copy.employers}
    assert copy.published_plan[candidate_key(new_ines)][0]["candidate"] == new_ines.full_name
    assert replan.changes(copy) == []
    # Nothing personal of the original anywhere in the copy.
    kept = _everything(copy)
    assert not [text for text in _personal(event) if text in kept]
    # The team comes along; mails, audit entries (other than its creation) do not.
    assert {(m.organizer_id, m.role) for m in db.session.scalars(db.select(Membership).where(
        Membership.event_id == copy.id))} == {(m.organizer_id, m.role) for m in db.session.scalars(
            db.select(Membership).where(Membership.event_id == event.id))}
    assert db.session.scalars(db.select(OutboxMail).where(OutboxMail.event_id == copy.id)).all() == []
    assert [a.action for a in db.session.scalars(db.select(AuditEntry).where(AuditEntry.event_id == copy.id))] == \
        ["repetition.creation"]


def test_check_ins_and_outcomes_of_the_original_are_not_copied(app, original):
    event, _employers, (ines, _karim, _lea), team = original
    checkin.arrive(event, ines, None, dt.datetime(2027, 3, 18, 9, 50))
    ines.interviews[0].outcome, ines.interviews[0].rating = Outcome.HELD, 4
    db.session.commit()
    copy = create_rehearsal(event, team["orga"])
    assert all(c.arrived_at is None and c.absent_at is None for c in copy.candidates)
    assert all(i.outcome is None and i.rating is None for i in copy.interviews)


def _snapshot(event: Event) -> str:
    db.session.expire_all()
    rows = [*event.candidates, *event.employers, *event.interviews,
            *db.session.scalars(db.select(Recruiter).join(Employer).where(Employer.event_id == event.id))]
    mails = db.session.scalars(db.select(OutboxMail.id).where(OutboxMail.event_id == event.id)).all()
    return json.dumps([[[getattr(r, c.key) for c in type(r).__table__.columns] for r in rows],
                       [getattr(event, c.key) for c in Event.__table__.columns], mails], default=str)


def test_the_original_is_untouched_by_a_whole_rehearsed_day(app, real, original):
    event, _employers, _people, team = original
    before = _snapshot(event)
    desk = client_of(app, "desk@exemple.fr")
    orga = client_of(app, "orga@exemple.fr")
    copy_id = int(orga.post(f"/event/{event.id}/repetitions").headers["Location"].split("/")[-2])
    copy = db.session.get(Event, copy_id)
    orga.post(f"/event/{copy_id}/repetition", data={"origin": "09:30", "no_show_percent": "0", "spread_minutes": "5",
                                                   "walk_ins": "1", "seed": "7"})
    orga.post(f"/event/{copy_id}/repetition/horloge", data={"action": "start"})
    real.advance(minutes=9)  # an hour and a half simulated at ×10: 11:00
    assert desk.get(f"/event/{copy_id}/accueil").status_code == 200
    desk.post(f"/event/{copy_id}/accueil", data={"code": copy.candidates[0].badge_token})
    desk.post(f"/event/{copy_id}/absent/{copy.candidates[1].id}")
    desk.post(f"/event/{copy_id}/repetition/horloge.json")
    orga.post(f"/organisateur/evenements/{copy_id}/publier")
    assert _snapshot(event) == before
    assert any(c.arrived_at for c in db.session.get(Event, copy_id).candidates)


def test_a_rehearsal_has_no_public_page_and_takes_no_sign_up(app, client, original):
    event, _employers, _people, team = original
    copy = create_rehearsal(event, team["orga"])
    home = unescape(client.get("/").get_data(as_text=True))
    assert event.name in home and copy.name not in home
    for path in ("", "/inscription", "/employeurs/inscription", "/lien-prive"):
        assert client.get(f"/{copy.slug}{path}").status_code == 404, path
        assert client.get(f"/{event.slug}{path}").status_code == 200, path


def test_the_team_reaches_a_rehearsal_by_its_role_and_outsiders_do_not(app, original, create_event):
    event, _employers, _people, team = original
    other = create_event(slug="autre")
    from jobdating.core.accounts import create_organizer
    outsider = create_organizer("autre@exemple.fr", "une phrase de passe")
    db.session.add(Membership(event_id=other.id, organizer_id=outsider.id, role=Role.ORGANIZER))
    db.session.commit()
    desk, orga, stranger = (client_of(app, f"{n}@exemple.fr") for n in ("desk", "orga", "autre"))
    assert desk.post(f"/event/{event.id}/repetitions").status_code == 403
    assert stranger.post(f"/event/{event.id}/repetitions").status_code == 404
    answer = orga.post(f"/event/{event.id}/repetitions")
    copy_id = int(answer.headers["Location"].split("/")[-2])
    assert answer.status_code == 302 and answer.headers["Location"].endswith(f"/event/{copy_id}/repetition")
    assert orga.get(f"/event/{copy_id}/repetition").status_code == 200
    assert desk.get(f"/event/{copy_id}/repetition").status_code == 403
    assert desk.post(f"/event/{copy_id}/repetition/horloge", data={"action": "start"}).status_code == 403
    assert desk.get(f"/event/{copy_id}/accueil").status_code == 200
    assert desk.get(f"/event/{copy_id}/repetition/horloge.json").status_code == 200
    for address in (f"/event/{copy_id}/repetition", f"/event/{copy_id}/accueil",
                    f"/event/{copy_id}/repetition/horloge.json"):
        assert stranger.get(address).status_code == 404, address
    # The clock, the control page and deletion belong to rehearsals only.
    assert orga.get(f"/event/{event.id}/repetition").status_code == 404
    assert orga.get(f"/event/{event.id}/repetition/horloge.json").status_code == 404
    assert orga.post(f"/event/{event.id}/repetition/supprimer").status_code == 404
    assert desk.post(f"/event/{copy_id}/repetition/supprimer").status_code == 403
    # Deleted in one click (the page asks for a confirmation first): the original stays.
    page = unescape(orga.get(f"/event/{copy_id}/repetition").get_data(as_text=True))
    assert "data-confirm=\"Supprimer cette répétition" in page
    answer = orga.post(f"/event/{copy_id}/repetition/supprimer")
    assert answer.status_code == 302 and answer.headers["Location"].endswith(
        f"/organisateur/evenements/{event.id}#repetitions")
    db.session.expire_all()
    assert db.session.get(Event, copy_id) is None and db.session.get(Rehearsal, copy_id) is None
    assert db.session.get(Event, event.id) is not None and len(event.candidates) == 3


def test_the_originals_page_lists_its_rehearsals_and_every_page_of_a_copy_says_it_is_one(app, original):
    event, _employers, _people, team = original
    orga = client_of(app, "orga@exemple.fr")
    dashboard = unescape(orga.get(f"/organisateur/evenements/{event.id}").get_data(as_text=True))
    assert "Créer une répétition" in dashboard and "Répétition —" not in dashboard
    first, second = create_rehearsal(event, team["orga"]), create_rehearsal(event, team["orga"])
    dashboard = unescape(orga.get(f"/organisateur/evenements/{event.id}").get_data(as_text=True))
    assert first.name in dashboard and second.name in dashboard and "pas encore démarrée" in dashboard
    assert first.slug.endswith("-repetition-1") and second.slug.endswith("-repetition-2")
    events_list = unescape(orga.get("/organisateur/").get_data(as_text=True))
    assert events_list.count(">Répétition</span>") == 2
    pages = ["/organisateur/evenements/{id}", "/organisateur/evenements/{id}/reglages",
             "/organisateur/evenements/{id}/candidats", "/organisateur/evenements/{id}/planning",
             "/organisateur/evenements/{id}/envois", "/event/{id}/accueil", "/event/{id}/tableau",
             "/event/{id}/sur-place", "/event/{id}/creneaux-libres", "/event/{id}/departs",
             "/event/{id}/replanifier", "/event/{id}/resultats", "/organisateur/evenements/{id}/impression"]
    for template in [*pages, "/event/{id}/repetition"]:
        answer = orga.get(template.format(id=first.id))
        assert answer.status_code == 200, template
        assert banner(answer.get_data(as_text=True)).startswith("Répétition — 08:30 simulée, ×10"), template
    for template in pages:
        assert banner(orga.get(template.format(id=event.id)).get_data(as_text=True)) == "", template
    employer = first.employers[0]
    phone_page = banner(orga.get(f"/e/{employer.token}/resultats").get_data(as_text=True))
    assert "Répétition — 08:30 simulée, ×10 pas encore démarrée" in phone_page


def test_a_rehearsal_cannot_be_copied_nor_made_from_an_erased_event(app, original):
    event, _employers, _people, team = original
    copy = create_rehearsal(event, team["orga"])
    with pytest.raises(RehearsalError, match="ne se copie pas"):
        create_rehearsal(copy, team["orga"])
    retention.purge_event(event)
    with pytest.raises(RehearsalError, match="effacées"):
        create_rehearsal(event, team["orga"])


def test_deleting_the_original_deletes_its_rehearsals(app, original):
    from jobdating.privacy.events import delete_event

    event, _employers, _people, team = original
    copy_id = create_rehearsal(event, team["orga"]).id
    delete_event(event, team["owner"])
    db.session.expire_all()
    assert db.session.get(Event, copy_id) is None
    assert db.session.scalars(db.select(Candidate).where(Candidate.event_id == copy_id)).all() == []


def test_the_retention_purge_erases_a_rehearsal_with_its_original_and_keeps_no_figures(app, original):
    event, _employers, _people, team = original
    copy = create_rehearsal(event, team["orga"])
    copy.date = event.date + dt.timedelta(days=400)  # even moved later, a copy does not outlive its original
    db.session.commit()
    after = event.date + dt.timedelta(days=200)
    assert {e.id for e in retention.due(after)} == {event.id, copy.id}
    assert retention.due(event.date) == []
    retention.purge_event(copy)
    retention.purge_event(event)
    db.session.expire_all()
    assert copy.purged_at is not None and copy.statistics is None and event.statistics is not None
    assert db.session.scalars(db.select(Candidate).where(Candidate.event_id == copy.id)).all() == []
    assert db.session.scalars(db.select(Interview).where(Interview.event_id == copy.id)).all() == []
