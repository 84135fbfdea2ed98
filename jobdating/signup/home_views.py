"""The home page: the job datings this site runs."""
from __future__ import annotations

from flask import Blueprint, render_template
from sqlalchemy import select

from jobdating.core.access import PUBLIC, protect
from jobdating.core.models import Event, EventStatus
from jobdating.extensions import db

bp = Blueprint("main", __name__, template_folder="templates")
protect(bp, PUBLIC)


@bp.route("/")
def index():
    events = db.session.scalars(
        select(Event).where(Event.status != EventStatus.DRAFT).order_by(Event.date, Event.id)
    ).all()
    return render_template("main/index.html", events=events)
