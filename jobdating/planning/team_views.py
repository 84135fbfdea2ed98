"""The team page of an event (owners only): members, invitations."""
from __future__ import annotations

from flask import flash, g, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from jobdating.core.accounts import AccountError
from jobdating.core.models import Role
from jobdating.planning import team
from jobdating.planning.event_views import bp
from jobdating.planning.forms import InviteForm, RemoveMemberForm


@bp.route("/evenements/<int:event_id>/equipe", methods=["GET", "POST"])
def team_page():
    event = g.event
    form = InviteForm()
    if form.validate_on_submit():
        try:
            team.invite(event, form.email.data, Role(form.role.data), current_user)
        except AccountError as error:
            form.email.errors.append(str(error))
        else:
            flash(_("Invitation envoyée à %(email)s.", email=form.email.data), "success")
            return redirect(url_for("organizer.team_page", event_id=event.id))
    return render_template("organizer/team.html", event=event, form=form, members=team.members(event),
                           pending=team.pending(event), labels=team.ROLE_LABELS, remove=RemoveMemberForm())


@bp.route("/evenements/<int:event_id>/equipe/<int:membership_id>/retirer", methods=["POST"])
def remove_member(membership_id: int):
    event = g.event
    if RemoveMemberForm().validate_on_submit():
        try:
            team.remove(event, membership_id, current_user)
        except team.TeamError as error:
            flash(str(error), "error")
        else:
            flash(_("Membre retiré de l'équipe."), "success")
    return redirect(url_for("organizer.team_page", event_id=event.id))
