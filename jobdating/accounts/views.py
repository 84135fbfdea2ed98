"""Organizer login and logout (Flask-Login)."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, Response, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_limiter.util import get_remote_address
from flask_login import current_user, login_user, logout_user

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


def _failed(response: Response) -> bool:
    """Only failed attempts count: the owner who types the right password is never slowed down."""
    return response.status_code != 302


def _account_and_address() -> str:
    return f"{(request.form.get('email') or '').strip().lower()}|{get_remote_address()}"


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["RATELIMIT_LOGIN_ADDRESS"], methods=["POST"], deduct_when=_failed)
@limiter.limit(lambda: current_app.config["RATELIMIT_LOGIN_ACCOUNT"], methods=["POST"], deduct_when=_failed,
               key_func=_account_and_address)
def login():
    form = LoginForm()
    if form.validate_on_submit():
        organizer = accounts.authenticate(form.email.data, form.password.data)
        if organizer is not None:
            session.clear()  # a fresh session: nothing set before the login survives it
            session.permanent = True  # ends after ORGANIZER_IDLE_MINUTES without a request
            login_user(organizer)
            flash(_("Bienvenue, vous êtes connecté·e."), "success")
            return redirect(_safe_next(request.args.get("next")) or url_for("main.index"))
        form.password.errors.append(_("Adresse e-mail ou mot de passe incorrect."))
    return render_template("auth/login.html", form=form)


@bp.route("/logout", methods=["POST"])
def logout():
    accounts.end_sessions(current_user)
    logout_user()
    session.clear()
    flash(_("Vous êtes déconnecté·e."), "info")
    return redirect(url_for("main.index"))
