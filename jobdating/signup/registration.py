"""Sign-up verbs: register, update and withdraw candidates and employers."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, BinaryIO

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.attributes import set_committed_value

from jobdating.core.mail import private_url, send_private_link
from jobdating.core.models import Candidate, ContractType, Employer, Event, Offer, Wish
from jobdating.core.notice import consent_version
from jobdating.core.outbox import queue_mail
from jobdating.core.times import utcnow
from jobdating.extensions import db
from jobdating.signup import cv as cv_files
from jobdating.signup import questionnaire
from jobdating.signup.rules import (  # noqa: F401 (the errors are part of this module's interface)
    DuplicateEmail,
    RegistrationError,
    SignupClosed,
    asked_questions,
    build_wishes,
    check_windows,
    kept_answers,
    kept_offer_rows,
    wish_targets,
)

CANDIDATE_DETAILS = {"first_name", "last_name", "email", "phone", "postcode", "town", "situation",
                     "education_level", "wanted_contracts", "accessibility_needs", "max_interviews", "walk_in"}
# The employer form's own fields, listed once: the form is read, prefilled and registered through this list.
EMPLOYER_DETAILS = ("company", "sector", "description", "contact_name", "email", "phone", "tables",
                    "max_interviews", "max_consecutive")


def _check_open(event: Event, check_open: bool) -> None:
    if check_open and not event.signup_is_open():
        raise SignupClosed(_l("Les inscriptions ne sont pas ouvertes pour ce job dating."))


def _normalize_email(email: str) -> str:
    return (email or "").strip().lower()


def _email_taken(model: type[Candidate] | type[Employer], event: Event, email: str, exclude: int | None) -> bool:
    query = select(model.id).where(model.event_id == event.id, func.lower(model.email) == email)
    if exclude is not None:
        query = query.where(model.id != exclude)
    return db.session.scalar(query.limit(1)) is not None


def _details(allowed: Iterable[str], values: dict[str, Any]) -> dict[str, Any]:
    unknown = set(values) - set(allowed)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    cleaned = {key: value.strip() if isinstance(value, str) else value for key, value in values.items()}
    if "email" in cleaned:
        cleaned["email"] = _normalize_email(cleaned["email"])
    return cleaned


# Candidates ----------------------------------------------------------------------------------------------

def _wish_rows(targets: list[tuple[int, int | None]]) -> list[Wish]:
    return [Wish(employer_id=employer_id, offer_id=offer_id, rank=rank)
            for rank, (employer_id, offer_id) in enumerate(targets, 1)]


def _answer(candidate: Candidate, answers: dict[int, str] | None, offers: set[int]) -> None:
    """Store the answers to the questions asked (the event's, and those of the wished `offers`), once checked;
    None: the form had no questions, the stored answers stay."""
    if answers is not None:
        kept = kept_answers(candidate.event, answers, offers)
        questionnaire.apply_answers(candidate, kept, {q.id for q in asked_questions(candidate.event, offers)})


def new_candidate(event: Event, details: dict[str, Any], wishes: Sequence[str], available: list | None = None, *,
                  consent: bool = False, wishes_required: bool = True,
                  answers: dict[int, str] | None = None) -> Candidate:
    """A candidate checked against the sign-up rules (consent, address not yet signed up, wishes, times) and built
    with its ranked wishes (keys 'E12' / 'O34') and its answers to the custom questions (question id -> value),
    not yet in the session: the caller adds it in its transaction. Without `wishes_required`, an empty list of
    wishes is accepted (the person chooses them later)."""
    values = _details(CANDIDATE_DETAILS, details)
    if not consent:
        raise RegistrationError(_l("Cochez cette case pour pouvoir vous inscrire."), "consent")
    if _email_taken(Candidate, event, values.get("email", ""), None):
        raise DuplicateEmail(_l("Cette adresse e-mail est déjà inscrite à ce job dating."), "email")
    with db.session.no_autoflush:  # the new candidate joins the session only once complete
        candidate = Candidate(event=event, available=check_windows(event, available or [], "availability"),
                              consent_at=utcnow(), consent_version=consent_version(), **values)
        chosen = [key for key in wishes if key]
        targets = build_wishes(event, chosen) if chosen or wishes_required else []
        candidate.wishes = _wish_rows(targets)
        _answer(candidate, answers, {offer for _employer, offer in targets if offer})
    return candidate


def register_candidate(event: Event, *, wishes: Sequence[str], available: list | None = None,
                       cv: tuple[BinaryIO, str] | None = None, consent: bool = False,
                       check_open: bool = True, notify: bool = True, answers: dict[int, str] | None = None,
                       **details: Any) -> Candidate:
    """Create a candidate with ranked wishes (keys 'E12' / 'O34'), answers to the custom questions (question id
    -> value) and an optional CV (stream, file name)."""
    _check_open(event, check_open)
    stored = None
    try:
        candidate = new_candidate(event, details, wishes, available, consent=consent, answers=answers)
        if cv is not None:
            stored, candidate.cv_original_name = _store(*cv)
            candidate.cv_filename = stored
        db.session.add(candidate)
        db.session.flush()  # its token, for the email: the sign-up and its email are saved together
        if notify:
            send_private_link(candidate, commit=False)
        token = candidate.token
        db.session.commit()
        set_committed_value(candidate, "token", token)  # the next page's link, without reading the row again
    except IntegrityError:
        db.session.rollback()
        cv_files.delete_cv(stored)
        raise DuplicateEmail(_l("Cette adresse e-mail est déjà inscrite à ce job dating."), "email") from None
    except RegistrationError:
        db.session.rollback()
        cv_files.delete_cv(stored)
        raise
    return candidate


def _store(stream: BinaryIO, name: str) -> tuple[str, str]:
    try:
        return cv_files.store_cv(stream, name)
    except cv_files.CVError as error:
        raise RegistrationError(error.args[0], "cv") from None


def update_candidate(candidate: Candidate, *, wishes: Sequence[str] | None = None,
                     available: list | None = None, cv: tuple[BinaryIO, str] | None = None,
                     check_open: bool = True, answers: dict[int, str] | None = None,
                     **details: Any) -> Candidate:
    """Change a candidate's wishes, availability, answers, CV or details (the candidate only until sign-up
    closes). New wishes drop the answers to the questions of offers no longer wished."""
    _check_open(candidate.event, check_open)
    values = _details(CANDIDATE_DETAILS, details)
    if "email" in values and _email_taken(Candidate, candidate.event, values["email"], candidate.id):
        raise DuplicateEmail(_l("Cette adresse e-mail est déjà inscrite à ce job dating."), "email")
    old_cv, stored = candidate.cv_filename, None
    try:
        new_wishes = build_wishes(candidate.event, wishes) if wishes is not None else None
        if available is not None:
            candidate.available = check_windows(candidate.event, available, "availability")
        for key, value in values.items():
            setattr(candidate, key, value)
        if cv is not None:
            stored, candidate.cv_original_name = _store(*cv)
            candidate.cv_filename = stored
        if new_wishes is not None:
            # Ranks are unique per candidate: the old rows must be gone before the new ones are written.
            candidate.wishes.clear()
            db.session.flush()
            candidate.wishes = _wish_rows(new_wishes)
        offers = {w.offer_id for w in candidate.wishes if w.offer_id} if new_wishes is None \
            else {offer for _employer, offer in new_wishes if offer}
        if new_wishes is not None:
            questionnaire.forget_unwished(candidate, offers)
        _answer(candidate, answers, offers)
        db.session.commit()
    except (RegistrationError, IntegrityError):
        db.session.rollback()
        cv_files.delete_cv(stored)
        raise
    if stored is not None:
        cv_files.delete_cv(old_cv)
    return candidate


def record_consent(person: Candidate | Employer) -> None:
    """The person agreed to the current privacy notice (after it changed since their sign-up)."""
    person.consent_at, person.consent_version = utcnow(), consent_version()
    db.session.commit()


def forget_in_published_plan(candidate: Candidate) -> None:
    """Take the candidate's rows out of the published copy, their own and those on employers' plans."""
    event = candidate.event
    published = event.published_plan
    if not published:
        return
    own = published.get(f"C{candidate.id}", [])
    # Rows carry no ids: an employer's row for this candidate is the same row as on the candidate's plan.
    event.published_plan = {key: [row for row in rows if not (key.startswith("E") and row in own)]
                            for key, rows in published.items() if key != f"C{candidate.id}"}


# Employers -----------------------------------------------------------------------------------------------

def _apply_offers(employer: Employer, offers: Iterable[dict[str, Any]]) -> None:
    """Create, change and remove offers; an existing offer keeps its id, so wishes for it stay."""
    existing = {offer.id: offer for offer in employer.offers}
    kept: list[Offer] = []
    for row in kept_offer_rows(offers, employer.tables):
        offer = existing.get(int(row["id"])) if row.get("id") else None
        if offer is None:
            offer = Offer(title=row["title"], contract_type=ContractType(row["contract_type"]))
        offer.title, offer.contract_type = row["title"], ContractType(row["contract_type"])
        offer.description = (row.get("description") or "").strip()
        offer.tables = sorted({int(t) for t in row.get("tables") or []})
        kept.append(offer)
    employer.offers = kept


def _fill_employer(employer: Employer, values: dict[str, Any], offers, available, preferred) -> None:
    for key, value in values.items():
        setattr(employer, key, value)
    if not 1 <= (employer.tables or 0) <= 10:
        raise RegistrationError(_l("Indiquez entre 1 et 10 tables."), "tables")
    employer.available = check_windows(employer.event, available or [], "presence")
    employer.preferred = check_windows(employer.event, preferred or [], "preferred")
    _apply_offers(employer, offers)


def new_employer(event: Event, details: dict[str, Any], offers: Sequence[dict[str, Any]],
                 available: list | None = None, preferred: list | None = None, *, consent: bool = False,
                 approved: bool = False) -> Employer:
    """An employer checked against the sign-up rules (consent, address not yet signed up, tables, times, offers)
    and built with its offers, not yet in the session: the caller adds it in its transaction. On an event that
    moderates employers it waits for an organizer's approval, unless `approved` (an organizer signs it up)."""
    if not consent:
        raise RegistrationError(_l("Cochez cette case pour pouvoir vous inscrire."), "consent")
    values = _details(EMPLOYER_DETAILS, details)
    if _email_taken(Employer, event, values.get("email", ""), None):
        raise DuplicateEmail(_l("Cette adresse e-mail est déjà inscrite pour ce job dating."), "email")
    with db.session.no_autoflush:  # the new employer joins the session only once complete
        employer = Employer(event=event, consent_at=utcnow(), consent_version=consent_version(),
                            approval_pending=event.moderate_employers and not approved)
        _fill_employer(employer, values, offers, available, preferred)
    return employer


def register_employer(event: Event, *, offers: Sequence[dict[str, Any]], available: list | None = None,
                      preferred: list | None = None, consent: bool = False, check_open: bool = True,
                      notify: bool = True, approved: bool = False, **details: Any) -> Employer:
    """Create an employer and its offers (dicts: title, contract_type, description, tables). On an event that
    moderates employers it waits for an organizer's approval, unless `approved` (an organizer signs it up)."""
    _check_open(event, check_open)
    try:
        employer = new_employer(event, details, offers, available, preferred, consent=consent, approved=approved)
        db.session.add(employer)
        db.session.flush()  # its token, for the email: the sign-up and its email are saved together
        if notify:
            send_private_link(employer, commit=False)
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise DuplicateEmail(_l("Cette adresse e-mail est déjà inscrite pour ce job dating."), "email") from None
    except RegistrationError:
        db.session.rollback()
        raise
    return employer


def update_employer(employer: Employer, *, offers: Sequence[dict[str, Any]], available: list | None = None,
                    preferred: list | None = None, check_open: bool = True, **details: Any) -> Employer:
    """Change everything an employer entered at sign-up (the employer only until sign-up closes)."""
    _check_open(employer.event, check_open)
    values = _details(EMPLOYER_DETAILS, details)
    if "email" in values and _email_taken(Employer, employer.event, values["email"], employer.id):
        raise DuplicateEmail(_l("Cette adresse e-mail est déjà inscrite pour ce job dating."), "email")
    try:
        _fill_employer(employer, values, offers, available, preferred)
        db.session.commit()
    except (RegistrationError, IntegrityError):
        db.session.rollback()
        raise
    return employer


def approve_employer(employer: Employer) -> bool:
    """Make a waiting employer public (shown, wished, planned) and tell it by e-mail; False if it was not waiting."""
    if not employer.approval_pending:
        return False
    employer.approval_pending = False
    link = private_url("employer.home", employer.token)
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        subject = _("Votre entreprise est validée — %(event)s", event=employer.event.name)
        text = _("Bonjour,\n\nL'équipe organisatrice de « %(event)s » a validé l'inscription de %(company)s : "
                 "l'entreprise et ses offres sont maintenant visibles des candidats, qui peuvent la choisir.\n\n"
                 "Votre espace privé (candidats intéressés, modifications) :\n%(link)s\n",
                 event=employer.event.name, company=employer.company, link=link)
    queue_mail(employer.email, subject, text, event_id=employer.event_id, commit=False)
    db.session.commit()
    return True


def resend_private_links(event: Event, email: str) -> int:
    """Email again the private link of whoever signed up to this event with this address; how many."""
    address = _normalize_email(email)
    people = [*db.session.scalars(select(Candidate).where(
                  Candidate.event_id == event.id, func.lower(Candidate.email) == address)),
              *db.session.scalars(select(Employer).where(
                  Employer.event_id == event.id, func.lower(Employer.email) == address))]
    for person in people:
        send_private_link(person, reminder=True)
    return len(people)


