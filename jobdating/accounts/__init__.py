"""Organizer accounts: logging in and out."""
from __future__ import annotations

from flask import Flask


def register(app: Flask) -> None:
    from jobdating.accounts import views

    app.register_blueprint(views.bp)
