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
