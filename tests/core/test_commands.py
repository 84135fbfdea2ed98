"""The command line: demo, create-organizer, setup."""
from __future__ import annotations

from sqlalchemy import func, select

from jobdating.core.models import Event, Organizer
from jobdating.extensions import db


def test_demo_command_creates_an_event_of_the_requested_size(runner):
    result = runner.invoke(args=["demo", "--candidates", "25", "--employers", "6", "--seed", "4"])
    assert result.exit_code == 0, result.output
    assert "25 candidats" in result.output
    event = db.session.scalars(select(Event)).one()
    assert event.slug == "connectic-day-lens-4"
    assert len(event.candidates) == 25 and len(event.employers) == 6


def test_demo_command_twice_gives_two_events_with_distinct_addresses(runner):
    runner.invoke(args=["demo", "--candidates", "5", "--employers", "3"])
    runner.invoke(args=["demo", "--candidates", "5", "--employers", "3"])
    slugs = sorted(db.session.scalars(select(Event.slug)))
    assert slugs == ["connectic-day-lens-1", "connectic-day-lens-1-2"]


def test_create_organizer_asks_for_the_password(runner):
    result = runner.invoke(args=["create-organizer", "chef@exemple.fr"], input="trois mots longs\ntrois mots longs\n")
    assert result.exit_code == 0, result.output
    organizer = db.session.scalars(select(Organizer)).one()
    assert organizer.email == "chef@exemple.fr" and organizer.check_password("trois mots longs")


def test_create_organizer_refuses_a_short_password(runner):
    result = runner.invoke(args=["create-organizer", "chef@exemple.fr"], input="court\ncourt\n")
    assert result.exit_code != 0
    assert "au moins 12 caractères" in result.output
    assert db.session.scalar(select(func.count()).select_from(Organizer)) == 0


def test_create_organizer_refuses_a_second_account_for_one_email(runner):
    runner.invoke(args=["create-organizer", "chef@exemple.fr"], input="trois mots longs\ntrois mots longs\n")
    result = runner.invoke(args=["create-organizer", "Chef@exemple.fr"], input="quatre mots longs\nquatre mots longs\n")
    assert result.exit_code != 0 and "existe déjà" in result.output


def test_create_organizer_refuses_a_common_password_and_an_address_the_login_form_refuses(runner):
    result = runner.invoke(args=["create-organizer", "chef@exemple.fr"], input="123456789012\n123456789012\n")
    assert result.exit_code != 0 and "trop courant" in result.output
    result = runner.invoke(args=["create-organizer", "chef@@exemple"], input="trois mots longs\ntrois mots longs\n")
    assert result.exit_code != 0 and "Adresse e-mail invalide" in result.output
    assert db.session.scalar(select(func.count()).select_from(Organizer)) == 0


def test_set_password_changes_it_and_ends_the_sessions(runner, organizer):
    version = organizer.session_version
    result = runner.invoke(args=["set-password", organizer.email], input="une nouvelle phrase\nune nouvelle phrase\n")
    assert result.exit_code == 0, result.output
    db.session.refresh(organizer)
    assert organizer.check_password("une nouvelle phrase") and organizer.session_version > version
    refused = runner.invoke(args=["set-password", organizer.email], input="court\ncourt\n")
    assert refused.exit_code != 0 and "12 caractères" in refused.output
