"""Organizer login and logout (Flask-Login)."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_user, logout_user

from jobdating.accounts.forms import LoginForm
from jobdating.core import accounts
from jobdating.core.access import PUBLIC, protect
from jobdating.extensions import limiter

bp = Blueprint("auth", __name__, template_folder="templates")
protect(bp, PUBLIC, organizer=("logout",))


def _safe_next(target: str | None) -> str | None:
    """Only same-site relative paths: never redirect to another host after login."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit("30 per minute", methods=["POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        organizer = accounts.authenticate(form.email.data, form.password.data)
        if organizer is not None:
            login_user(organizer)
            flash(_("Bienvenue, vous êtes connecté·e."), "success")
            return redirect(_safe_next(request.args.get("next")) or url_for("main.index"))
        form.password.errors.append(_("Adresse e-mail ou mot de passe incorrect."))
    return render_template("auth/login.html", form=form)


@bp.route("/logout", methods=["POST"])
def logout():
    logout_user()
    flash(_("Vous êtes déconnecté·e."), "info")
    return redirect(url_for("main.index"))
