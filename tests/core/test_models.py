"""The data model enforces the domain's uniqueness and integrity rules."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from jobdating.core.models import (
    Candidate,
    Decision,
    Interview,
    Organizer,
    Wish,
)
from jobdating.extensions import db


def test_one_candidate_per_email_per_event(create_event, create_candidate):
    event = create_event()
    create_candidate(event, email="ines@exemple.fr")
    with pytest.raises(IntegrityError):
        create_candidate(event, email="ines@exemple.fr")
    db.session.rollback()


def test_same_email_may_sign_up_to_two_events(create_event, create_candidate):
    create_candidate(create_event(slug="a"), email="ines@exemple.fr")
    create_candidate(create_event(slug="b"), email="ines@exemple.fr")
    assert db.session.scalar(select(db.func.count()).select_from(Candidate)) == 2


def test_one_employer_per_email_per_event(create_event, create_employer):
    event = create_event()
    create_employer(event, email="rh@exemple.fr")
    with pytest.raises(IntegrityError):
        create_employer(event, email="rh@exemple.fr")
    db.session.rollback()


def test_a_candidate_has_one_wish_per_rank(create_event, create_employer, create_candidate):
    event = create_event()
    a, b = create_employer(event), create_employer(event)
    candidate = create_candidate(event, wishes=[a])
    db.session.add(Wish(candidate=candidate, employer=b, rank=1))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_wish_rank_starts_at_one(create_event, create_employer, create_candidate):
    event = create_event()
    employer = create_employer(event)
    candidate = create_candidate(event)
    db.session.add(Wish(candidate=candidate, employer=employer, rank=0))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_an_employer_decides_once_per_candidate(create_event, create_employer, create_candidate, preselect):
    event = create_event()
    employer = create_employer(event)
    candidate = create_candidate(event, wishes=[employer])
    preselect(employer, candidate, Decision.FAVOURITE)
    with pytest.raises(IntegrityError):
        preselect(employer, candidate, Decision.DECLINED)
    db.session.rollback()


def _interview(event, candidate, employer, start=dt.time(9, 0), table=1):
    end = (dt.datetime.combine(event.date, start) + dt.timedelta(minutes=event.slot_minutes)).time()
    return Interview(event=event, candidate=candidate, employer=employer, table=table, start=start, end=end)


def test_a_candidate_has_one_interview_per_slot(create_event, create_employer, create_candidate):
    event = create_event()
    a, b = create_employer(event), create_employer(event)
    candidate = create_candidate(event, wishes=[a, b])
    db.session.add_all([_interview(event, candidate, a), _interview(event, candidate, b)])
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_a_table_has_one_interview_per_slot(create_event, create_employer, create_candidate):
    event = create_event()
    employer = create_employer(event, tables=2)
    first, second = create_candidate(event, wishes=[employer]), create_candidate(event, wishes=[employer])
    db.session.add_all([_interview(event, first, employer, table=2), _interview(event, second, employer, table=2)])
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_two_tables_of_one_employer_interview_in_parallel(create_event, create_employer, create_candidate):
    event = create_event()
    employer = create_employer(event, tables=2)
    first, second = create_candidate(event, wishes=[employer]), create_candidate(event, wishes=[employer])
    db.session.add_all([_interview(event, first, employer, table=1), _interview(event, second, employer, table=2)])
    db.session.commit()
    assert len(employer.interviews) == 2


def test_a_candidate_meets_an_employer_once(create_event, create_employer, create_candidate):
    event = create_event()
    employer = create_employer(event, tables=2)
    candidate = create_candidate(event, wishes=[employer])
    db.session.add_all([_interview(event, candidate, employer), _interview(event, candidate, employer,
                                                                         start=dt.time(10, 0), table=2)])
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_an_employer_has_at_least_one_table(create_event, create_employer):
    with pytest.raises(IntegrityError):
        create_employer(create_event(), tables=0)
    db.session.rollback()


def test_an_event_ends_after_it_starts(create_event):
    with pytest.raises(IntegrityError):
        create_event(start_time=dt.time(17, 0), end_time=dt.time(9, 0))
    db.session.rollback()


def test_foreign_keys_are_enforced(create_event, create_employer):
    employer = create_employer(create_event())
    db.session.add(Wish(candidate_id=999_999, employer_id=employer.id, rank=1))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_removing_a_candidate_removes_wishes_and_interviews(create_event, create_employer, create_candidate):
    event = create_event()
    employer = create_employer(event)
    candidate = create_candidate(event, wishes=[employer])
    db.session.add(_interview(event, candidate, employer))
    db.session.commit()
    db.session.delete(candidate)
    db.session.commit()
    assert db.session.scalars(select(Wish)).all() == []
    assert db.session.scalars(select(Interview)).all() == []


def test_private_tokens_are_random_and_long(create_event, create_employer, create_candidate):
    event = create_event()
    tokens = [create_candidate(event).token for _ in range(5)] + [create_employer(event).token for _ in range(5)]
    assert len(set(tokens)) == 10
    for token in tokens:
        assert len(token) >= 22  # 22 URL-safe base64 characters carry 132 bits; ours carry 192
        assert not token.isdigit()


def test_passwords_are_hashed_with_600000_pbkdf2_iterations(app):
    from jobdating.core.accounts import create_organizer

    del app.config["PASSWORD_METHOD"]  # the deployment default, not the tests' cheap hash
    organizer = create_organizer("Orga@Exemple.fr", "un mot de passe")
    assert organizer.email == "orga@exemple.fr"
    assert organizer.password_hash.startswith("pbkdf2:sha256:600000$")
    assert "un mot de passe" not in organizer.password_hash
    assert organizer.check_password("un mot de passe")
    assert not organizer.check_password("autre chose")


def test_an_organizer_email_is_unique(app):
    db.session.add_all([Organizer(email="a@exemple.fr", password_hash="x"),
                        Organizer(email="a@exemple.fr", password_hash="y")])
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_usable_slots_restart_after_breaks_and_stop_at_the_end_of_day(create_event):
    event = create_event(start_time=dt.time(9, 0), end_time=dt.time(11, 0), slot_minutes=20,
                         breaks=[["10:00", "10:30"]])
    assert [t.strftime("%H:%M") for t in event.slot_starts()] == ["09:00", "09:20", "09:40", "10:30"]


def test_slots_follow_a_break_that_is_off_the_grid(create_event):
    """Issue 18: 20-minute slots and a 15:30-15:45 break gave 15:00 then 16:00 (40 minutes lost)."""
    event = create_event(start_time=dt.time(13, 30), end_time=dt.time(16, 30), slot_minutes=20,
                         breaks=[["15:30", "15:45"]])
    assert [t.strftime("%H:%M") for t in event.slot_starts()] == [
        "13:30", "13:50", "14:10", "14:30", "14:50", "15:10", "15:45", "16:05"]


def test_signup_is_open_only_between_opening_and_closing(create_event):
    event = create_event(signup_opens=dt.datetime(2027, 1, 1), signup_closes=dt.datetime(2027, 3, 1))
    assert not event.signup_is_open(dt.datetime(2026, 12, 31))
    assert event.signup_is_open(dt.datetime(2027, 2, 1))
    assert not event.signup_is_open(dt.datetime(2027, 3, 1))


def test_sqlite_runs_with_foreign_keys_and_wal(app):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite pragmas only")
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_a_candidate_wishes_an_employer_only_once(create_event, create_employer, create_candidate):
    event = create_event()
    employer = create_employer(event)
    candidate = create_candidate(event, wishes=[employer])
    db.session.add(Wish(candidate=candidate, employer=employer, rank=2))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_a_candidate_wishes_an_offer_only_once(create_event, create_employer, create_candidate):
    event = create_event()
    employer = create_employer(event, offers=["Cariste"])
    candidate = create_candidate(event, wishes=[employer.offers[0]])
    db.session.add(Wish(candidate=candidate, employer=employer, offer=employer.offers[0], rank=2))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_two_offers_of_one_employer_are_two_wishes(create_event, create_employer, create_candidate):
    event = create_event()
    employer = create_employer(event, offers=["Cariste", "Soudeur"])
    candidate = create_candidate(event, wishes=[employer.offers[0], employer.offers[1]])
    assert [w.offer.title for w in candidate.wishes] == ["Cariste", "Soudeur"]
