"""Organizer views of publications: the published versions and their differences, each version's sending
(sent, waiting, failed) and sending again."""
from __future__ import annotations

from flask import flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from jobdating.core import lookup
from jobdating.planning import broadcast, mailing, versions
from jobdating.planning.event_views import bp
from jobdating.planning.forms import MessageForm
from jobdating.signup.forms import ConfirmForm


@bp.route("/evenements/<int:event_id>/envois")
def mail_status():
    event = g.event
    found = mailing.sendings(event)
    # While mails wait, the page reloads itself: the organizer watches the sending progress.
    waiting = any(s.pending for s in found)
    return render_template("organizer/mailing.html", event=event, sendings=found, waiting=waiting,
                           confirm=ConfirmForm())


@bp.route("/evenements/<int:event_id>/envois/renvoyer", methods=["POST"])
def retry_mails():
    event = g.event
    if ConfirmForm().validate_on_submit():
        raw = request.form.get("publication", "")
        publication_id = int(raw) if raw.isdigit() else None
        n = mailing.retry(event, publication_id)
        flash(ngettext("%(num)d e-mail remis en file d'envoi.", "%(num)d e-mails remis en file d'envoi.", n),
              "success")
    return redirect(url_for("organizer.mail_status", event_id=event.id))


@bp.route("/evenements/<int:event_id>/versions")
def versions_page():
    event = g.event
    published = versions.publications(event, with_plans=True)
    by_number = {p.number: p for p in published}
    newer = by_number.get(request.args.get("b", type=int) or 0) or (published[0] if published else None)
    older = by_number.get(request.args.get("a", type=int) or 0) or (published[1] if len(published) > 1 else None)
    changes = versions.compare(older, newer) if older is not None and newer is not None else {}
    names = {key: versions.name_in(key, ch) for key, ch in changes.items()}
    return render_template("organizer/versions.html", event=event, published=published, older=older, newer=newer,
                           changes=changes, names=names)


@bp.route("/evenements/<int:event_id>/messages", methods=["GET", "POST"])
def messages():
    event = g.event
    form = MessageForm()
    form.segment.choices = broadcast.segments(event)
    preview, people = None, []
    if form.validate_on_submit():
        people = broadcast.recipients(event, form.segment.data)
        if not people:
            form.segment.errors = [_("Personne dans ce groupe n'a d'adresse e-mail.")]
        elif form.send.data and form.previewed.data == "1":
            n = broadcast.send(event, form.segment.data, form.subject.data, form.body.data, current_user)
            flash(ngettext("Message envoyé à %(num)d personne.", "Message envoyé à %(num)d personnes.", n), "success")
            return redirect(url_for("organizer.mail_status", event_id=event.id))
        else:
            preview = broadcast.render(event, people[0], form.subject.data, form.body.data)
            form.previewed.data = "1"
    history = lookup.audit_entries(event, actions=("message.send",))
    return render_template("organizer/messages.html", event=event, form=form, preview=preview, people=people,
                           history=history)
