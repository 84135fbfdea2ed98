"""Command-line verbs: flask --app jobdating demo | create-organizer | setup."""
from __future__ import annotations

import click
from flask import Flask, current_app
from sqlalchemy import func, select

from jobdating.core.models import Event, Organizer
from jobdating.extensions import db


def register(app: Flask) -> None:
    app.cli.add_command(demo_command)
    app.cli.add_command(create_organizer_command)
    app.cli.add_command(set_password_command)
    app.cli.add_command(setup_command)
    app.cli.add_command(print_command)
    from jobdating.core.periodic import tick_command
    from jobdating.core.tasks import worker_command
    from jobdating.planning.commands import schedule_command
    app.cli.add_command(schedule_command)
    app.cli.add_command(worker_command)
    app.cli.add_command(tick_command)


def _free_slug(base: str) -> str:
    slug, n = base, 1
    while db.session.scalar(select(Event.id).where(Event.slug == slug)) is not None:
        n += 1
        slug = f"{base}-{n}"
    return slug


@click.command("demo")
@click.option("--candidates", default=300, show_default=True, type=click.IntRange(0, 20000))
@click.option("--employers", default=40, show_default=True, type=click.IntRange(1, 1000))
@click.option("--seed", default=1, show_default=True, type=int)
@click.option("--slug", default=None, help="Address of the event page (default: connectic-day-lens-SEED).")
def demo_command(candidates: int, employers: int, seed: int, slug: str | None) -> None:
    """Create a demo job dating (French names, Artois sectors, skewed wishes)."""
    from jobdating.demo.build import create_demo_event

    event = create_demo_event(candidates=candidates, employers=employers, seed=seed,
                              slug=_free_slug(slug or f"connectic-day-lens-{seed}"))
    click.echo(f"Événement de démonstration créé : {event.name} (id {event.id}, /{event.slug}), "
               f"{employers} employeurs, {candidates} candidats.")


@click.command("create-organizer")
@click.argument("email")
@click.option("--name", default="", help="Display name.")
@click.password_option(prompt="Mot de passe", confirmation_prompt="Confirmez le mot de passe")
def create_organizer_command(email: str, name: str, password: str) -> None:
    """Create a platform admin account (asks for the password); admins invite the other members by email."""
    from jobdating.core.accounts import AccountError, create_organizer

    try:
        organizer = create_organizer(email, password, name, admin=True)
    except AccountError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Compte organisateur créé : {organizer.email}")


@click.command("set-password")
@click.argument("email")
@click.password_option(prompt="Nouveau mot de passe", confirmation_prompt="Confirmez le mot de passe")
def set_password_command(email: str, password: str) -> None:
    """Give an organizer account a new password; every session of the account ends."""
    from jobdating.core.accounts import AccountError, change_password, find_organizer

    organizer = find_organizer(email)
    if organizer is None:
        raise click.ClickException(f"Aucun compte organisateur pour {email}.")
    try:
        change_password(organizer, password)
    except AccountError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Mot de passe changé pour {organizer.email} : ses sessions ouvertes sont fermées.")


@click.command("setup")
def setup_command() -> None:
    """Upgrade the database; on an empty one, load the demo event and the demo organizer."""
    from flask_migrate import upgrade

    from jobdating.core.accounts import create_organizer
    from jobdating.demo.build import DEMO_ORGANIZER, create_demo_event

    upgrade()
    if db.session.scalar(select(func.count()).select_from(Event)) == 0:
        event = create_demo_event(slug="connectic-day-lens")
        click.echo(f"Événement de démonstration chargé : {event.name} ({len(event.candidates)} candidats, "
                   f"{len(event.employers)} employeurs).")
    if db.session.scalar(select(func.count()).select_from(Organizer)) == 0:
        email, password = DEMO_ORGANIZER
        create_organizer(email, password, "Organisateur démo", admin=True)
        click.echo("")
        click.echo("  Compte organisateur de démonstration :")
        click.echo(f"    identifiant : {email}")
        click.echo(f"    mot de passe : {password}")
        base = (current_app.config.get("PUBLIC_BASE_URL") or "http://127.0.0.1:5000").rstrip("/")
        click.echo(f"  Connexion : {base}/login")
        click.echo("")


@click.command("print")
@click.argument("document", type=click.Choice(["badges", "plans", "employers", "signs", "grid"]))
@click.argument("event_id", type=int)
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False, writable=True),
              help="PDF file to write.")
def print_command(document: str, event_id: int, output: str) -> None:
    """Print one document of an event as a PDF: badges, plans, employers, signs or grid."""
    from jobdating.printing import documents as printing

    event = db.session.get(Event, event_id)
    if event is None:
        raise click.ClickException(f"Aucun événement n'a l'identifiant {event_id}.")
    data = printing.render(event, document)
    with open(output, "wb") as handle:
        handle.write(data)
    click.echo(f"{output} : {len(data) // 1024} Ko.")
