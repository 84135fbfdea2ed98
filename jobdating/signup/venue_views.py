"""Coming or not: from a reminder's links or the private page, a candidate or an employer confirms, cancels
one interview (with a reason) or the whole day. Links only open a page; the answer is a button (mail scanners
follow links)."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from jobdating.core import answers
from jobdating.core.models import Candidate, Employer
from jobdating.extensions import db
from jobdating.signup.candidate_views import _candidate
from jobdating.signup.candidate_views import bp as candidate_bp
from jobdating.signup.employer_views import _employer
from jobdating.signup.employer_views import bp as employer_bp
from jobdating.signup.forms import ConfirmForm


def _answer(person: Candidate | Employer, token: str, home: str):
    form = ConfirmForm()
    if form.validate_on_submit():
        choice, reason = request.form.get("answer", ""), request.form.get("reason", "autre")
        if choice == "confirm":
            answers.confirm(person)
            flash(_("Merci : votre venue est confirmée."), "success")
        elif choice == "day":
            n = answers.cancel_day(person, reason)
            flash(_("C'est noté : vous ne viendrez pas ; %(n)d entretien(s) annulé(s) et libéré(s).", n=n), "success")
        elif choice.isdigit():
            interview = next((i for i in person.interviews if i.id == int(choice)), None)
            if interview is None:
                abort(404)
            answers.cancel_interview(interview, by=person, reason=reason)
            db.session.commit()
            flash(_("Entretien annulé : le créneau est libéré."), "success")
        else:
            flash(_("Choisissez une réponse."), "error")
            return redirect(request.url)
        return redirect(url_for(home, token=token))
    interviews = sorted(person.interviews, key=lambda i: i.start)
    return render_template("main/venue.html", person=person, event=person.event, form=form, interviews=interviews,
                           reasons=answers.REASONS, is_candidate=isinstance(person, Candidate),
                           home=url_for(home, token=token), wanted=request.args.get("reponse", ""))


@candidate_bp.route("/c/<token>/venue", methods=["GET", "POST"])
def candidate_venue(token: str):
    return _answer(_candidate(token), token, "candidate.home")


@employer_bp.route("/e/<token>/venue", methods=["GET", "POST"])
def employer_venue(token: str):
    return _answer(_employer(token), token, "employer.home")
