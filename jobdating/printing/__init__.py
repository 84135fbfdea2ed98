"""Printing: the organizer's printing page and the data the PDF renderers draw."""
from __future__ import annotations

from flask import Flask


def register(app: Flask) -> None:
    from jobdating.printing import views

    app.register_blueprint(views.bp)
