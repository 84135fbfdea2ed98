"""The organizer's workspace: events, people, solve runs, the plan, hand adjustments, publishing, exports."""
from __future__ import annotations

from flask import Flask


def register(app: Flask) -> None:
    from jobdating.planning import event_views

    app.register_blueprint(event_views.bp)
