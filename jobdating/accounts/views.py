"""Organizer login and logout (Flask-Login)."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, Response, abort, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_limiter.util import get_remote_address
from flask_login import current_user, login_user, logout_user

from jobdating.accounts.forms import AcceptForm, JoinForm, LoginForm
from jobdating.core import accounts, lookup
from jobdating.core.access import PUBLIC, protect
from jobdating.core.models import Organizer
from jobdating.extensions import limiter
from jobdating.planning import team

bp = Blueprint("auth", __name__, template_folder="templates")
protect(bp, PUBLIC, organizer=("logout",), token=("accept_invitation",))


def _safe_next(target: str | None) -> str | None:
    """Only same-site relative paths: never redirect to another host after login."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target


def _start_session(organizer: Organizer) -> None:
    """Log in on a fresh session (nothing set before survives it) that ends after ORGANIZER_IDLE_MINUTES idle."""
    session.clear()
    session.permanent = True
    login_user(organizer)


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
            _start_session(organizer)
            flash(_("Bienvenue, vous êtes connecté·e."), "success")
            return redirect(_safe_next(request.args.get("next")) or url_for("organizer.events"))
        form.password.errors.append(_("Adresse e-mail ou mot de passe incorrect."))
    return render_template("auth/login.html", form=form)


@bp.route("/logout", methods=["POST"])
def logout():
    accounts.end_sessions(current_user)
    logout_user()
    session.clear()
    flash(_("Vous êtes déconnecté·e."), "info")
    return redirect(url_for("main.index"))


@bp.route("/invitation/<token>", methods=["GET", "POST"])
def accept_invitation(token: str):
    """An invitation's private link: join the event's team, creating the account if needed."""
    invitation = team.invitation_by_token(token) or abort(404)
    event = lookup.event_by_id(invitation.event_id) or abort(404)
    if current_user.is_authenticated:
        form = AcceptForm()
        if form.validate_on_submit():
            try:
                team.accept(invitation, current_user)
            except team.TeamError as error:
                flash(str(error), "error")
            else:
                flash(_("Vous faites partie de l'équipe de « %(event)s ».", event=event.name), "success")
                return redirect(url_for("organizer.events"))
        return render_template("auth/accept.html", event=event, invitation=invitation, accept=form)
    if accounts.find_organizer(invitation.email) is not None:
        flash(_("Connectez-vous avec %(email)s pour accepter l'invitation.", email=invitation.email), "info")
        return redirect(url_for("auth.login", next=url_for("auth.accept_invitation", token=token)))
    join = JoinForm()
    if join.validate_on_submit():
        try:
            organizer = accounts.create_organizer(invitation.email, join.password.data, join.name.data)
        except accounts.AccountError as error:
            join.password.errors.append(str(error))
        else:
            team.accept(invitation, organizer)
            _start_session(organizer)
            flash(_("Bienvenue dans l'équipe de « %(event)s ».", event=event.name), "success")
            return redirect(url_for("organizer.events"))
    return render_template("auth/accept.html", event=event, invitation=invitation, join=join)
