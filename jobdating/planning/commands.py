"""Command-line verbs of the planning feature: flask --app jobdating schedule EVENT_ID."""
from __future__ import annotations

import click
from flask_babel import gettext as _

from jobdating.extensions import db


@click.command("schedule")
@click.argument("event_id", type=int)
@click.option("--time-limit", type=click.FloatRange(min=0.5), default=None,
              help="Seconds of search (default: SOLVER_TIME_LIMIT).")
def schedule_command(event_id: int, time_limit: float | None) -> None:
    """Build the plan of an event now, in this process (same job as the « Générer le planning » button)."""
    from jobdating.core.models import Event, RunStatus
    from jobdating.planning.scheduling import SchedulingError, run_solve, start_solve

    event = db.session.get(Event, event_id)
    if event is None:
        raise click.ClickException(_("Aucun événement n° %(id)s.", id=event_id))
    try:
        run = start_solve(event, None, time_limit=time_limit, enqueue=False)
    except SchedulingError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Calcul n° {run.id} : {len(event.candidates)} candidats, {len(event.employers)} employeurs, "
               f"{run.time_limit:g} s au plus…")
    finished = run_solve(run.id)
    if finished is None:
        raise click.ClickException(_("Le calcul n° %(id)s a disparu.", id=run.id))
    run = finished
    if run.error:
        raise click.ClickException(_("Échec du calcul : %(error)s", error=run.error))
    f = run.figures
    state = "arrêté (meilleur planning gardé)" if run.status == RunStatus.STOPPED else "terminé"
    click.echo(f"{state} : {f['covered']}/{f['candidates']} candidats avec un entretien "
               f"(borne {f.get('upper_bound_covered')}), {f['interviews']} entretiens "
               f"(borne {f.get('upper_bound_interviews')}), {f['first_choices']} premiers choix, "
               f"attente moyenne {f['mean_wait_minutes']} min.")
