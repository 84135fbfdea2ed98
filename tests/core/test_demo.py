"""The demo job dating is realistic and reproducible from its seed."""
from __future__ import annotations

from collections import Counter

from jobdating.core.models import Decision
from jobdating.demo.build import create_demo_event
from jobdating.demo.data import SECTORS


def snapshot(event) -> dict:
    """Everything a user would see of an event, without database ids."""
    return {
        "employers": [(e.company, e.sector, e.tables, e.available, e.preferred, e.max_interviews,
                       e.max_consecutive, [(o.title, o.contract_type, o.tables) for o in e.offers])
                      for e in event.employers],
        "candidates": [(c.first_name, c.last_name, c.email, c.town, c.situation, c.available,
                        [(w.rank, w.employer.company, w.offer.title if w.offer else None) for w in c.wishes])
                       for c in event.candidates],
        "preselections": sorted((p.employer.company, p.candidate.email, p.decision)
                                for e in event.employers for p in e.preselections),
    }


def test_the_same_seed_gives_the_same_event(app):
    first = create_demo_event(candidates=60, employers=12, seed=7, slug="a")
    second = create_demo_event(candidates=60, employers=12, seed=7, slug="b")
    assert snapshot(first) == snapshot(second)


def test_another_seed_gives_another_event(app):
    first = create_demo_event(candidates=60, employers=12, seed=7, slug="a")
    second = create_demo_event(candidates=60, employers=12, seed=8, slug="b")
    assert snapshot(first) != snapshot(second)


def test_the_default_demo_looks_like_a_connectic_day(app):
    event = create_demo_event()
    assert len(event.employers) == 40 and len(event.candidates) == 300
    assert {e.sector for e in event.employers} == set(SECTORS)
    assert all(1 <= e.tables <= 4 for e in event.employers)
    assert any(e.available == [["09:00", "12:30"]] for e in event.employers)
    assert any(e.available == [["13:30", "17:00"]] for e in event.employers)
    assert {o.contract_type.value for e in event.employers for o in e.offers} == {
        "cdi", "cdd", "alternance", "stage", "interim"}
    assert any(o.tables for e in event.employers for o in e.offers), "some offers are bound to tables"
    assert all(3 <= len(c.wishes) <= 6 for c in event.candidates)
    assert len({len(c.wishes) for c in event.candidates}) == 4, "every count from 3 to 6 occurs"
    assert any(c.available == [["09:00", "12:30"]] for c in event.candidates)
    assert len(event.slot_starts()) == 28


def test_demo_popularity_is_skewed(app):
    event = create_demo_event()
    demand = Counter(w.employer_id for c in event.candidates for w in c.wishes)
    counts = sorted(demand.values(), reverse=True)
    assert counts[0] >= 4 * counts[len(counts) // 2], "the most wanted employer draws far more than the median"


def test_demo_has_preselection_decisions_of_every_kind(app):
    event = create_demo_event()
    decisions = {p.decision for e in event.employers for p in e.preselections}
    assert decisions == {Decision.ACCEPTED, Decision.DECLINED, Decision.FAVOURITE}


def test_demo_names_carry_french_and_polish_letters(app):
    event = create_demo_event()
    names = " ".join(c.full_name for c in event.candidates)
    assert any(letter in names for letter in "éèïëç")
    assert all(c.email.isascii() for c in event.candidates)


def test_the_demo_instance_passes_the_solver_format_validation(app):
    from jobdating.planning.instance import build_instance

    event = create_demo_event(candidates=120, employers=20, seed=3)
    instance = build_instance(event)
    assert len(instance.candidates) == 120
    assert len(instance.employers) == 20


def test_the_demo_draws_its_employers_from_the_sectors_of_the_employer_form():
    from jobdating.core.models import SECTOR_NAMES
    from jobdating.demo.data import SECTORS

    assert list(SECTORS) == list(SECTOR_NAMES)


def test_the_demo_never_expires_its_day_is_weeks_ahead_and_sign_up_is_open(app):
    import datetime as dt

    event = create_demo_event(candidates=10, employers=4, slug="plus-tard", today=dt.date(2031, 5, 6))
    assert event.date == dt.date(2031, 6, 5) and event.date.weekday() == 3  # a Thursday 4 to 5 weeks ahead
    assert event.signup_closes == dt.datetime(2031, 5, 29, 23, 59)
    assert event.signup_is_open(now=dt.datetime(2031, 5, 6, 8, 0))
    assert not event.signup_is_open(now=dt.datetime(2031, 5, 30, 0, 0))
    assert create_demo_event(candidates=10, employers=4, slug="maintenant").signup_is_open()


def test_the_demo_writes_proper_french(app):
    import re

    from jobdating.demo.build import job_phrase

    assert job_phrase("Infirmier·ère") == "Poste d'infirmier·ère"
    assert job_phrase("Électricien·ne") == "Poste d'électricien·ne"
    assert job_phrase("Cariste CACES") == "Poste de cariste CACES"
    event = create_demo_event()
    texts = [e.description for e in event.employers] + [o.description for e in event.employers for o in e.offers]
    assert not [t for t in texts if re.search(r"\bde [aeiouyéèêàâîôû]", t, re.IGNORECASE)]
    assert not [t for t in texts if "secteur" in t or "btp" in t]
    assert any("recrute dans le BTP" in t for t in texts)


def test_the_demo_asks_questions_and_the_candidates_answer_them(app):
    from jobdating.core.models import QuestionKind

    event = create_demo_event(candidates=60, employers=12, seed=3)
    general = [q for q in event.questions if q.offer_id is None]
    assert [q.kind for q in general] == [QuestionKind.YESNO, QuestionKind.CHOICE, QuestionKind.TEXT]
    offer_questions = [q for q in event.questions if q.offer_id is not None]
    assert len(offer_questions) == 2
    for candidate in event.candidates:
        answered = {a.question_id for a in candidate.answers}
        assert {general[0].id, general[1].id} <= answered  # the required ones
        wished = {w.offer_id for w in candidate.wishes if w.offer_id}
        assert all(q.offer_id in wished for q in offer_questions if q.id in answered)
    assert any(a.question.offer_id for c in event.candidates for a in c.answers)
