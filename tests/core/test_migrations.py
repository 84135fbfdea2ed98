"""Alembic migrations build exactly the schema the models describe, and make run's setup works."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import func, inspect, select, text

from jobdating.core.models import Event, Organizer
from jobdating.extensions import db


def _empty_database():
    db.drop_all()
    with db.engine.begin() as connection:
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))


def test_migrations_create_the_schema_of_the_models(app):
    _empty_database()
    upgrade()
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, db.metadata)
    assert differences == []
    downgrade(revision="base")
    assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
    _empty_database()
    db.create_all()


def test_setup_loads_the_demo_and_the_demo_organizer_once(app, runner):
    _empty_database()
    result = runner.invoke(args=["setup"])
    assert result.exit_code == 0, result.output
    assert "organisateur@exemple.fr" in result.output
    assert db.session.scalar(select(func.count()).select_from(Event)) == 1
    again = runner.invoke(args=["setup"])
    assert again.exit_code == 0 and "mot de passe" not in again.output
    assert db.session.scalar(select(func.count()).select_from(Event)) == 1
    assert db.session.scalar(select(func.count()).select_from(Organizer)) == 1
    db.session.remove()
    _empty_database()
    db.create_all()


def test_arrivals_stored_on_the_desks_wall_clock_become_utc_moments(app):
    """Migration 0007: an arrival stored as 09:40 Paris time (summer) is 07:40 UTC afterwards, and back."""
    _empty_database()
    upgrade(revision="0006_no_duplicate_wishes")
    with db.engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO event (id, slug, name, venue, description, date, start_time, end_time, slot_minutes, "
            "breaks, min_gap_slots, max_wishes, status, table_rows, created_at) VALUES (1, 'jd', 'JD', '', '', "
            "'2027-06-10', '09:00:00.000000', '12:00:00.000000', 15, '[]', 0, 5, 'open', 4, "
            "'2027-01-01 00:00:00.000000')"))
        connection.execute(text(
            "INSERT INTO employer (id, event_id, company, sector, description, contact_name, email, phone, "
            "tables, available, preferred, token, arrived_at, created_at) VALUES (1, 1, 'Artois', 'BTP', '', "
            "'C', 'rh@a.fr', '', 1, '[]', '[]', 'tok', '2027-06-10 09:40:00.000000', "
            "'2027-01-01 00:00:00.000000')"))
    upgrade()
    read = "SELECT arrived_at FROM employer WHERE id = 1"
    with db.engine.connect() as connection:
        assert str(connection.execute(text(read)).scalar()).startswith("2027-06-10 07:40:00")
    downgrade(revision="0006_no_duplicate_wishes")
    with db.engine.connect() as connection:
        assert str(connection.execute(text(read)).scalar()).startswith("2027-06-10 09:40:00")
    _empty_database()
    db.create_all()
