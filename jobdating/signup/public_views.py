"""Public pages of an event: presentation with search, candidate and employer sign-up, private link again."""
from __future__ import annotations

import datetime as dt

from flask import Blueprint, Response, abort, current_app, redirect, render_template, request, session, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError

from jobdating.core import lookup, times
from jobdating.core.access import PUBLIC, protect
from jobdating.core.models import CONTRACT_LABELS, Candidate, Event
from jobdating.core.people import employer_by_token, find_by_token
from jobdating.core.times import local_now
from jobdating.extensions import limiter
from jobdating.signup import formdata, listing, pagecache, registration
from jobdating.signup.employer_forms import EmployerSignupForm
from jobdating.signup.forms import CandidateSignupForm, ResendLinkForm
from jobdating.signup.registration import DuplicateEmail, RegistrationError

bp = Blueprint("public", __name__, template_folder="templates")
protect(bp, PUBLIC)



@bp.url_value_preprocessor
def _room_for_a_big_cv(endpoint: str | None, _values: dict | None) -> None:
    """Read a too-big CV on the sign-up form instead of refusing the whole request, so the form comes back with
    what was typed and a message on the CV field. Runs before any before_request hook (CSRF reads the form)."""
    if endpoint == "public.candidate_signup":
        request.max_content_length = max(current_app.config["SIGNUP_MAX_CONTENT_LENGTH"],
                                         current_app.config["MAX_CONTENT_LENGTH"] or 0)


def _rearranging() -> bool:
    """Changing the wish list or adding an offer row without JavaScript is not a sign-up attempt."""
    return any(name in request.form for name in ("move", "remove", "add_wishes", "add_offer"))


def _succeeded(response: Response) -> bool:
    """Only sign-ups that went through count: a form sent back with an error costs nothing."""
    return response.status_code in (302, 303)


# Successful sign-ups per address (generous: a job centre may sign up a group from one room).
signup_limit = limiter.shared_limit(lambda: current_app.config["RATELIMIT_SIGNUP"], scope="signup",
                                    methods=["POST"], exempt_when=_rearranging, deduct_when=_succeeded)


def _resend_address() -> str:
    return "resend|" + (request.form.get("email") or "").strip().lower()


@bp.app_template_global("half_days")
def half_days(event: Event) -> tuple[list[str], list[str]]:
    """Morning and afternoon of an event, for the availability choices of the forms."""
    return times.half_days(event)


@bp.app_template_global("now_local")
def now_local() -> dt.datetime:
    """The event's wall-clock time, as used by Event.signup_is_open()."""
    return local_now()


def _public_event(slug: str, with_offers: bool = False) -> Event:
    return lookup.visible_event(slug, with_offers=with_offers) or abort(404)


@bp.route("/<slug>")
def event(slug: str):
    event = _public_event(slug, with_offers=True)
    query = request.args.get("q", "").strip()[:100]
    sector = request.args.get("secteur", "")
    contract = request.args.get("contrat", "")
    listed = listing.search_employers(event, query, sector, contract)
    sectors = sorted({e.sector for e in event.employers if e.sector and not e.approval_pending})
    return render_template("public/event.html", event=event, listed=listed, query=query, sector=sector,
                           contract=contract, sectors=sectors, contracts=CONTRACT_LABELS,
                           filtered=bool(query or sector or contract))


@bp.route("/<slug>/inscription", methods=["GET", "POST"])
@signup_limit
def candidate_signup(slug: str):
    # The empty form is the same page for every anonymous visitor: served from the cache, it reads nothing
    # (an event closed or hidden meanwhile shows within the cache's few seconds).
    page_key = ("candidate_signup", slug, str(get_locale()))
    page = pagecache.cached(page_key) if request.method == "GET" else None
    if page is not None:
        return page
    event = _public_event(slug)
    if not event.signup_is_open():
        return render_template("public/closed.html", event=event)
    if request.method == "GET":
        return pagecache.remember(page_key, _render_candidate_signup(event, _candidate_form(event), False))
    form = _candidate_form(event)
    duplicate = False
    if form.is_submitted() and formdata.apply_move(form):
        return _render_candidate_signup(event, form, duplicate, reordered=True)
    if form.is_submitted() and formdata.validate_candidate(form, event):
        try:
            candidate = registration.register_candidate(
                event, wishes=formdata.wish_keys(form), available=formdata.window(form.availability, event),
                cv=formdata.uploaded_cv(form), consent=form.consent.data, answers=formdata.typed_answers(form),
                **formdata.candidate_details(form))
        except DuplicateEmail as error:
            duplicate = True
            formdata.attach_error(form, error)
        except RegistrationError as error:
            formdata.attach_error(form, error)
        else:
            session["signed_up"] = candidate.token
            return redirect(url_for("public.candidate_done", slug=slug))
    return _render_candidate_signup(event, form, duplicate)


def _candidate_form(event: Event) -> CandidateSignupForm:
    form = formdata.form_class(CandidateSignupForm, event)()
    formdata.setup_wishes(form, event, selects=False)
    return form


def _render_candidate_signup(event: Event, form, duplicate: bool, reordered: bool = False):
    chosen = formdata.uploaded_cv(form) if form.is_submitted() and not form.cv.errors else None
    return render_template("public/candidate_signup.html", event=event, form=form, duplicate=duplicate,
                           catalog=formdata.wish_catalog(event), reordered=reordered,
                           questions=formdata.questionnaire(event),
                           lost_file=chosen[1] if chosen else None, resend_form=ResendLinkForm(),
                           months=formdata.retention_months())


@bp.route("/<slug>/employeurs/inscription", methods=["GET", "POST"])
@signup_limit
def employer_signup(slug: str):
    event = _public_event(slug)
    if not event.signup_is_open():
        return render_template("public/closed.html", event=event)
    form = EmployerSignupForm()
    duplicate = False
    if form.is_submitted() and formdata.add_offer_row(form):
        return _render_employer_signup(event, form)
    if form.is_submitted() and formdata.validate_employer(form, event):
        try:
            employer = registration.register_employer(
                event, offers=formdata.offer_rows(form), available=formdata.window(form.presence, event),
                preferred=formdata.window(form.preferred, event), consent=form.consent.data,
                **formdata.employer_details(form))
        except DuplicateEmail as error:
            duplicate = True
            formdata.attach_error(form, error)
        except RegistrationError as error:
            formdata.attach_error(form, error)
        else:
            session["signed_up_employer"] = employer.token
            return redirect(url_for("public.employer_done", slug=slug))
    return _render_employer_signup(event, form, duplicate)


def _render_employer_signup(event: Event, form, duplicate: bool = False):
    return render_template("public/employer_signup.html", event=event, form=form, duplicate=duplicate,
                           resend_form=ResendLinkForm(), months=formdata.retention_months(),
                           preference_warning=formdata.form_preference_warning(form, event))


@bp.errorhandler(CSRFError)
def expired_form(error: CSRFError):
    """A sign-up form left open too long (its security token expired): show it again with what was typed."""
    slug = (request.view_args or {}).get("slug", "")
    if request.endpoint not in ("public.candidate_signup", "public.employer_signup"):
        return render_template("errors/error.html", code=400), 400
    event = _public_event(slug)
    if not event.signup_is_open():
        return render_template("public/closed.html", event=event), 400
    message = _("La page est restée ouverte trop longtemps : par sécurité, vérifiez vos réponses puis "
                "envoyez à nouveau le formulaire.")
    if request.endpoint == "public.employer_signup":
        form = EmployerSignupForm()
        form.form_errors.append(message)
        return _render_employer_signup(event, form), 400
    form = formdata.form_class(CandidateSignupForm, event)()
    formdata.setup_wishes(form, event, selects=False)
    form.form_errors.append(message)
    return _render_candidate_signup(event, form, duplicate=False), 400


@bp.route("/<slug>/inscription/merci")
def candidate_done(slug: str):
    event = _public_event(slug)
    token = session.get("signed_up")
    person = find_by_token(Candidate, token) if token else None
    if person is not None and person.event_id != event.id:
        person = None
    return render_template("public/done.html", event=event, person=person, is_candidate=True)


@bp.route("/<slug>/employeurs/inscription/merci")
def employer_done(slug: str):
    event = _public_event(slug)
    token = session.get("signed_up_employer")
    person = employer_by_token(token) if token else None
    if person is not None and person.event_id != event.id:
        person = None
    warning = formdata.preference_warning(event, person.available, person.preferred) if person else None
    return render_template("public/done.html", event=event, person=person, is_candidate=False,
                           preference_warning=warning)


@bp.route("/<slug>/lien-prive", methods=["GET", "POST"])
@signup_limit
@limiter.limit(lambda: current_app.config["RATELIMIT_RESEND_EMAIL"], methods=["POST"], key_func=_resend_address)
def resend_link(slug: str):
    event = _public_event(slug)
    form = ResendLinkForm()
    if form.validate_on_submit():
        registration.resend_private_links(event, form.email.data)
        return redirect(url_for("public.link_sent", slug=event.slug))
    return render_template("public/resend.html", event=event, form=form)


@bp.route("/<slug>/lien-prive/envoye")
def link_sent(slug: str):
    event = _public_event(slug)
    return render_template("public/link_sent.html", event=event,
                           message=_("Si cette adresse est inscrite à ce job dating, un e-mail avec le lien "
                                     "privé vient de lui être envoyé. Pensez à regarder dans les courriers "
                                     "indésirables."))
