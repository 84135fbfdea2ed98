"""On the day: front desk check-in, the live board, walk-ins, departures, re-planning and outcomes."""
from __future__ import annotations

from flask import Flask


def register(app: Flask) -> None:
    from jobdating.dayof import desk_views

    app.register_blueprint(desk_views.bp)
