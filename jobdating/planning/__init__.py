"""The organizer's workspace: events, people, solve runs, the plan, hand adjustments, publishing, exports."""
from __future__ import annotations

from flask import Flask


def register(app: Flask) -> None:
    # The people and plan pages add their routes to the events blueprint (one /organisateur workspace).
    from jobdating.planning import (  # noqa: F401
        confirm_views,
        event_views,
        import_views,
        mail_views,
        people_views,
        plan_views,
        question_views,
        team_views,
    )

    app.register_blueprint(event_views.bp)
    from jobdating.core import periodic, tasks
    from jobdating.planning.scheduling import look_after_runs

    if look_after_runs not in tasks.on_worker_start:
        tasks.on_worker_start.append(look_after_runs)
    periodic.register("stale-runs", periodic.period(app), look_after_runs)
    from jobdating.planning import reminders

    periodic.register("reminders", periodic.period(app), reminders.send_due)
    from jobdating.planning import imports

    periodic.register("import-uploads", 600, imports.forget_expired)
