"""One clock: moments stored as UTC, event hours read in the event's zone, around midnight and a DST change."""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from jobdating.core import times
from jobdating.core.models import Candidate
from jobdating.extensions import db

PARIS = ZoneInfo("Europe/Paris")
UTC = dt.UTC


def freeze(app, moment: dt.datetime) -> None:
    app.config["CLOCK"] = lambda: moment


def test_sign_up_closes_at_midnight_in_paris_not_at_midnight_on_the_servers_clock(app, create_event):
    event = create_event(signup_closes=dt.datetime(2027, 3, 11, 23, 59))  # as the organizer typed it, Paris
    freeze(app, dt.datetime(2027, 3, 11, 22, 30, tzinfo=UTC))  # 23:30 in Paris (winter time, UTC+1)
    assert event.signup_is_open()
    freeze(app, dt.datetime(2027, 3, 11, 23, 0, tzinfo=UTC))  # 00:00 on the 12th in Paris, 23:00 in UTC
    assert not event.signup_is_open()


def test_the_sign_up_page_and_the_sign_up_rule_agree_on_the_closing_minute(app, client, create_event,
                                                                           create_employer):
    event = create_event(signup_closes=dt.datetime(2027, 3, 11, 23, 59))
    create_employer(event)
    freeze(app, dt.datetime(2027, 3, 11, 22, 58, tzinfo=UTC))  # 23:58 in Paris: still open
    assert 'name="first_name"' in client.get(f"/{event.slug}/inscription").get_data(as_text=True)
    freeze(app, dt.datetime(2027, 3, 11, 23, 0, tzinfo=UTC))  # midnight in Paris: closed, form gone
    assert 'name="first_name"' not in client.get(f"/{event.slug}/inscription").get_data(as_text=True)


def test_consent_is_stored_as_the_utc_moment_and_read_back_aware(app, create_event, create_employer):
    from jobdating.signup.registration import register_candidate

    event = create_event(signup_closes=None)
    employer = create_employer(event)
    new_year_in_paris = dt.datetime(2026, 12, 31, 23, 30, tzinfo=UTC)  # 00:30 on 1 January in Paris
    freeze(app, new_year_in_paris)
    candidate = register_candidate(event, wishes=[f"E{employer.id}"], available=[], consent=True,
                                   first_name="Inès", last_name="Haddad", email="ines@exemple.fr")
    db.session.expire_all()
    stored = db.session.get(Candidate, candidate.id)
    assert stored.consent_at == new_year_in_paris and stored.consent_at.tzinfo is not None
    assert times.to_local(stored.consent_at) == dt.datetime(2027, 1, 1, 0, 30)


def test_a_naive_datetime_is_refused_by_a_utc_column(app, create_event, create_employer):
    event = create_event()
    employer = create_employer(event)
    employer.arrived_at = dt.datetime(2027, 3, 18, 9, 40)  # a wall-clock time: ambiguous as a moment
    with pytest.raises(Exception, match="naive datetime"):
        db.session.commit()
    db.session.rollback()


def test_the_desk_on_the_morning_of_the_spring_dst_change(app, logged_in, create_event, create_employer,
                                                          create_candidate):
    """28 March 2027: Paris goes from UTC+1 to UTC+2 at 02:00; at 09:40 local it is 07:40 UTC."""
    event = create_event(date=dt.date(2027, 3, 28))
    employer = create_employer(event)
    freeze(app, dt.datetime(2027, 3, 28, 7, 40, tzinfo=UTC))
    assert times.local_now() == dt.datetime(2027, 3, 28, 9, 40)
    response = logged_in.post(f"/event/{event.id}/accueil", data={"code": employer.token})
    assert response.status_code == 200 and "Arrivée enregistrée" in response.get_data(as_text=True)
    assert employer.arrived_at == dt.datetime(2027, 3, 28, 7, 40, tzinfo=UTC)
    again = logged_in.post(f"/event/{event.id}/accueil", data={"code": employer.token})
    assert "Déjà enregistré·e à 09:40" in again.get_data(as_text=True)


def test_wall_clock_conversions_across_the_autumn_fold_and_the_spring_gap(app):
    with app.app_context():
        # 31 October 2027, 02:30 happens twice in Paris: the first one (summer time) is 00:30 UTC.
        assert times.to_utc(dt.datetime(2027, 10, 31, 2, 30)) == dt.datetime(2027, 10, 31, 0, 30, tzinfo=UTC)
        assert times.to_local(dt.datetime(2027, 10, 31, 1, 30, tzinfo=UTC)) == dt.datetime(2027, 10, 31, 2, 30)
        assert times.to_local(dt.datetime(2027, 3, 28, 1, 0, tzinfo=UTC)) == dt.datetime(2027, 3, 28, 3, 0)


def test_the_clock_must_be_aware(app):
    app.config["CLOCK"] = lambda: dt.datetime(2027, 3, 18, 9, 40)
    with pytest.raises(ValueError, match="aware"):
        times.utcnow()
