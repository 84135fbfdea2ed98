"""Sign-up: the public event pages, candidate and employer forms, private pages, preselection and CVs."""
from __future__ import annotations

from flask import Flask


def register(app: Flask) -> None:
    from jobdating.signup import (  # noqa: F401
        candidate_views,
        employer_views,
        home_views,
        offer_question_views,
        public_views,
        venue_views,
    )

    app.register_blueprint(home_views.bp)
    app.register_blueprint(candidate_views.bp)
    app.register_blueprint(employer_views.bp)
    # Last of all: /<slug> catches every other one-segment address.
    app.register_blueprint(public_views.bp)
