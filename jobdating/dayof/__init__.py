"""On the day: front desk check-in, the live board, walk-ins, departures, re-planning and outcomes; rehearsals
(a training copy of an event on a simulated clock)."""
from __future__ import annotations

from flask import Flask


def register(app: Flask) -> None:
    # The re-plan and outcome pages add their routes to the desk's blueprint.
    from jobdating.core import periodic
    from jobdating.dayof import day_views, desk_views, rehearsal_views, score_views, simulation, slot_views  # noqa: F401

    app.register_blueprint(desk_views.bp)
    app.register_blueprint(rehearsal_views.bp)
    # Rehearsals' simulated arrivals also come while no page of theirs is open.
    periodic.register("rehearsal-arrivals", periodic.period(app), simulation.apply_running)
