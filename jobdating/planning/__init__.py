"""The organizer's workspace: events, people, solve runs, the plan, hand adjustments, publishing, exports."""
from __future__ import annotations

from flask import Flask


def register(app: Flask) -> None:
    # The people and plan pages add their routes to the events blueprint (one /organisateur workspace).
    from jobdating.planning import event_views, people_views, plan_views, team_views  # noqa: F401

    app.register_blueprint(event_views.bp)
