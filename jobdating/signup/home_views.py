"""The home page: the job datings this site runs."""
from __future__ import annotations

from flask import Blueprint, render_template

from jobdating.core import lookup
from jobdating.core.access import PUBLIC, protect

bp = Blueprint("main", __name__, template_folder="templates")
protect(bp, PUBLIC)


@bp.route("/")
def index():
    events = lookup.visible_events()
    return render_template("main/index.html", events=events)
