"""Personal data kept only as long as promised: the privacy notice, data pages (see, download, correct,
erase), the retention purge, the register of processing, deleting an event."""
from __future__ import annotations

from flask import Flask


def register(app: Flask) -> None:
    from jobdating.core import periodic
    from jobdating.privacy import retention, views

    app.register_blueprint(views.bp)
    app.cli.add_command(retention.purge_command)
    periodic.register("retention-purge", 24 * 3600, retention.purge_due)
