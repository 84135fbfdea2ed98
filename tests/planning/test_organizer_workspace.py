"""Issue 18: re-planning keeps the organizer's hand moves and says what it keeps and what it changed; publishing
and removing an interview are confirmed on a page that states their consequences first."""
from __future__ import annotations

import datetime as dt
import html
import re

from organizer_helpers import small_event, solve_now

from jobdating.core import tasks as jobs
from jobdating.core.models import Interview, Publication
from jobdating.core.people import placeholder_email
from jobdating.core.times import hhmm
from jobdating.extensions import db
from jobdating.planning import publish_preview
from jobdating.planning.adjust import placement_problems
from jobdating.planning.changes import plan_changes

ORGANIZER_PASSWORD = "mot-de-passe-solide"  # the `organizer` fixture's


def _page(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def _text(response) -> str:
    """The page as a reader sees it: no tags, single spaces."""
    return " ".join(re.sub(r"<[^>]+>", " ", _page(response)).split()).replace(" .", ".").replace(" ,", ",")


def _free_move(event) -> tuple[Interview, dt.time]:
    for item in sorted(event.interviews, key=lambda i: (i.employer_id, i.start)):
        for start in event.slot_starts():
            if start != item.start and not placement_problems(event, item.candidate, item.employer, item.table,
                                                              start, ignore=item):
                return item, start
    raise AssertionError("no interview can move")


def test_plan_changes_tells_moved_added_and_removed_meetings():
    before = [{"candidate": "C1", "employer": "E1", "table": 1, "start": "09:00"},
              {"candidate": "C2", "employer": "E1", "table": 1, "start": "09:20"},
              {"candidate": "C3", "employer": "E2", "table": 2, "start": "09:00"}]
    after = [{"candidate": "C1", "employer": "E1", "table": 1, "start": "09:00"},
             {"candidate": "C2", "employer": "E1", "table": 2, "start": "09:20"},
             {"candidate": "C4", "employer": "E2", "table": 1, "start": "09:40"}]
    changes = plan_changes(before, after)
    assert [(c["candidate"], c["before"], c["after"]) for c in changes["moved"]] == [
        ("C2", {"table": 1, "start": "09:20"}, {"table": 2, "start": "09:20"})]
    assert [c["candidate"] for c in changes["added"]] == ["C4"] and changes["added"][0]["before"] is None
    assert [c["candidate"] for c in changes["removed"]] == ["C3"] and changes["removed"][0]["after"] is None


def test_a_hand_move_is_locked_and_kept_by_the_next_calculation(logged_in, organizer, create_event,
                                                                 create_employer, create_candidate):
    event, first, second, people = small_event(create_event, create_employer, create_candidate, candidates=3)
    solve_now(event, organizer)
    item, target = _free_move(event)
    pair = (item.candidate_id, item.employer_id)
    page = _page(logged_in.post(f"/organisateur/evenements/{event.id}/entretiens/{item.id}",
                                data={"start": hhmm(target), "table": str(item.table),
                                      "version": str(item.version)}, follow_redirects=True))
    assert "Entretien déplacé et verrouillé" in page and "le gardera à cette place" in page
    assert item.locked and f'id="entretien-{item.id}"' in page and "busy locked" in page

    before = _text(logged_in.get(f"/organisateur/evenements/{event.id}/planning/replanifier"))
    assert "1 entretien sera gardé tel quel" in before and item.candidate.full_name in before
    assert f"Les {len(event.interviews) - 1} autres entretiens peuvent changer" in before

    run = solve_now(event, organizer)
    kept = db.session.scalar(db.select(Interview).where(Interview.candidate_id == pair[0],
                                                        Interview.employer_id == pair[1]))
    assert kept is not None and kept.start == target and kept.locked
    after = _text(logged_in.get(f"/organisateur/evenements/{event.id}/calculs/{run.id}"))
    assert "Ce que ce calcul a changé" in after
    changed = sum(len(run.figures["changes"][k]) for k in ("moved", "added", "removed"))
    assert ("Aucun entretien n'a changé" in after) if changed == 0 else (f"{changed} entretien" in after)


def test_unlocking_lets_the_calculation_move_it_again(logged_in, organizer, create_event, create_employer,
                                                      create_candidate):
    event, first, second, people = small_event(create_event, create_employer, create_candidate, candidates=3)
    solve_now(event, organizer)
    item, target = _free_move(event)
    logged_in.post(f"/organisateur/evenements/{event.id}/entretiens/{item.id}",
                   data={"start": hhmm(target), "table": str(item.table), "version": str(item.version)})
    logged_in.post(f"/organisateur/evenements/{event.id}/entretiens/{item.id}/verrou")
    assert not item.locked
    page = _page(logged_in.get(f"/organisateur/evenements/{event.id}/planning/replanifier"))
    assert "Aucun entretien n'est verrouillé" in page


def test_the_run_page_lists_what_the_calculation_changed(logged_in, organizer, create_event, create_employer,
                                                         create_candidate):
    event, first, second, people = small_event(create_event, create_employer, create_candidate)
    first_run = solve_now(event, organizer)
    assert len(first_run.figures["changes"]["added"]) == len(event.interviews) > 0
    page = _text(logged_in.get(f"/organisateur/evenements/{event.id}/calculs/{first_run.id}"))
    assert f"{len(event.interviews)} entretiens ont changé" in page and f"{len(event.interviews)} nouveaux" in page
    assert people[0].full_name in page.split("Après")[1]


def test_publishing_is_confirmed_with_its_consequences(app, logged_in, organizer, create_event, create_employer,
                                                       create_candidate):
    event, first, second, people = small_event(create_event, create_employer, create_candidate, candidates=3)
    people[2].email = placeholder_email()
    db.session.commit()
    solve_now(event, organizer)
    plan = _page(logged_in.get(f"/organisateur/evenements/{event.id}/planning"))
    assert f'href="/organisateur/evenements/{event.id}/publier"' in plan
    page = _text(logged_in.get(f"/organisateur/evenements/{event.id}/publier"))
    assert "4 personnes vont recevoir un e-mail." in page and "pour un changement" not in page
    assert "1 personne n'a pas d'adresse e-mail" in page
    assert db.session.scalar(db.select(db.func.count(Publication.id))) == 0  # a GET publishes nothing
    logged_in.post(f"/organisateur/evenements/{event.id}/publier")
    jobs.wait_all(timeout=30)
    db.session.expire_all()

    item, target = _free_move(event)
    logged_in.post(f"/organisateur/evenements/{event.id}/entretiens/{item.id}",
                   data={"start": hhmm(target), "table": str(item.table), "version": str(item.version)})
    preview = publish_preview.preview(event)
    assert (preview.mails, preview.changes) == (2, 2)
    assert sorted(preview.changed_people) == sorted([item.candidate.full_name, item.employer.company])
    page = _text(logged_in.get(f"/organisateur/evenements/{event.id}/publier"))
    assert "Republier le planning ?" in page
    assert "2 personnes vont recevoir un e-mail, dont 2 pour un changement de son planning." in page
    assert "3 personnes ont déjà ce planning" in page
    logged_in.post(f"/organisateur/evenements/{event.id}/publier")
    second_publication = db.session.scalar(db.select(Publication).where(Publication.number == 2))
    assert second_publication.candidates_mailed + second_publication.employers_mailed == preview.mails
    assert second_publication.unchanged == preview.unchanged


def test_removing_is_confirmed_with_its_consequences(logged_in, organizer, create_event, create_employer,
                                                     create_candidate):
    event, first, second, people = small_event(create_event, create_employer, create_candidate, candidates=2)
    solve_now(event, organizer)
    logged_in.post(f"/organisateur/evenements/{event.id}/publier")
    item = next(i for i in event.interviews if i.candidate_id == people[0].id)
    left = sum(1 for i in event.interviews if i.candidate_id == people[0].id) - 1
    url = f"/organisateur/evenements/{event.id}/entretiens/{item.id}/retirer"
    page = _text(logged_in.get(url))
    assert "Retirer cet entretien du planning ?" in page
    expected = (f"{people[0].full_name} gardera {left} autre entretien." if left == 1 else
                f"{people[0].full_name} n'aura plus aucun entretien.")
    assert expected in page and "Le planning est publié" in page
    assert db.session.get(Interview, item.id) is not None  # a GET removes nothing
    logged_in.post(url)
    db.session.expire_all()
    assert db.session.get(Interview, item.id) is None


def test_counts_follow_plural_forms_and_organizers_land_on_their_events(client, organizer, create_event,
                                                                         create_employer, create_candidate):
    event = create_event()
    employer = create_employer(event, offers=["Cariste"], company="Logistique Artois")
    create_candidate(event, wishes=[employer])
    response = client.post("/login", data={"email": organizer.email, "password": ORGANIZER_PASSWORD})
    assert response.headers["Location"] == "/organisateur/"
    page = _text(client.get(f"/organisateur/evenements/{event.id}"))
    assert "1 candidat 1 employeur 1 table 1 offre 1 vœu " in page  # 0 follows the French catalog's rule
    english = _text(client.get(f"/organisateur/evenements/{event.id}?lang=en"))
    assert "1 candidate 1 employer 1 table 1 offer 1 wish 0 interviews planned" in english


def test_settings_preview_the_slots_and_the_capacity_before_saving(logged_in, create_event, create_employer):
    event = create_event(start_time=dt.time(13, 30), end_time=dt.time(16, 30), slot_minutes=20, breaks=[])
    create_employer(event, offers=["Cariste"], tables=2)
    url = f"/organisateur/evenements/{event.id}/reglages"
    saved = _text(logged_in.get(url))
    assert "9 créneaux d'entretien · 2 tables · au plus 18 entretiens" in saved
    page = _text(logged_in.post(url, data={
        "name": event.name, "slug": event.slug, "date": "2027-03-18", "start_time": "13:30", "end_time": "16:30",
        "slot_minutes": "20", "breaks": "15:30-15:45", "max_wishes": "5", "table_rows": "4", "status": "open",
        "settings_version": str(event.settings_version), "preview": "1"}))
    assert "8 créneaux d'entretien · 2 tables · au plus 16 entretiens" in page
    assert "15:10–15:30 15:45–16:05" in page
    assert "5 minutes de la journée ne tiennent pas un entretien entier" in page
    db.session.expire_all()
    assert event.breaks == []  # a preview saves nothing


def test_the_run_page_shows_figures_against_the_best_possible_in_french(logged_in, organizer, create_event,
                                                                        create_employer, create_candidate):
    event, first, second, people = small_event(create_event, create_employer, create_candidate, candidates=3)
    run = solve_now(event, organizer)
    raw = _page(logged_in.get(f"/organisateur/evenements/{event.id}/calculs/{run.id}"))
    page = _text(logged_in.get(f"/organisateur/evenements/{event.id}/calculs/{run.id}"))
    assert "score" not in page and "borne" not in page
    assert re.search(r"Temps écoulé \d+(,\d)? s", page)
    assert re.search(r"Reste à gagner au mieux \(estimation\) \d+,\d\d\s%", page), "a decimal comma in French"
    covered = run.figures["covered"]
    best = run.figures["upper_bound_covered"] or run.figures["candidates"]
    assert f"Candidats avec au moins un entretien (sur le meilleur possible) {covered} / {best}" in page
    assert raw.count("<meter") >= 3
    english = _text(logged_in.get(f"/organisateur/evenements/{event.id}/calculs/{run.id}?lang=en"))
    assert re.search(r"\d+\.\d\d\s?%", english)
