"""On the day: front desk check-in, the live board, walk-ins, departures, re-planning and outcomes."""
from __future__ import annotations

from flask import Flask


def register(app: Flask) -> None:
    # The re-plan and outcome pages add their routes to the desk's blueprint.
    from jobdating.dayof import day_views, desk_views, score_views, slot_views  # noqa: F401

    app.register_blueprint(desk_views.bp)
