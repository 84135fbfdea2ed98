"""Between forms and services: form data turned into service arguments, checks that span a whole form."""
from __future__ import annotations

from typing import Any

from flask import current_app, request
from flask_babel import gettext as _
from wtforms import StringField

from jobdating.core import times
from jobdating.core.models import Employer, Event
from jobdating.core.questions import questionnaire  # noqa: F401
from jobdating.signup import cv as cv_files
from jobdating.signup import rules
from jobdating.signup.questionnaire import fill_answers, form_class, typed_answers  # noqa: F401
from jobdating.signup.registration import EMPLOYER_DETAILS, RegistrationError
from jobdating.signup.wishes import apply_move, fill_wishes, setup_wishes, wish_catalog, wish_keys  # noqa: F401


def window(subform, event: Event) -> list:
    return times.windows_for(event, subform.kind.data, subform.start.data, subform.end.data)


def fill_window(subform, event: Event, stored: list | None, *, empty: str = "day") -> None:
    kind, start, end = times.choice_of(event, stored)
    subform.kind.data = empty if kind == times.DAY else kind
    subform.start.data, subform.end.data = start, end


def candidate_details(form) -> dict[str, Any]:
    return dict(first_name=form.first_name.data, last_name=form.last_name.data, email=form.email.data,
                phone=form.phone.data or "", postcode=form.postcode.data or "", town=form.town.data or "",
                situation=form.situation.data, education_level=form.education_level.data or None,
                wanted_contracts=list(form.wanted_contracts.data or []),
                accessibility_needs=form.accessibility_needs.data or "")


def uploaded_cv(form):
    """The chosen CV as (stream, file name), or None when no file was chosen."""
    storage = form.cv.data
    if storage is None or not getattr(storage, "filename", ""):
        return None
    return storage.stream, storage.filename


def employer_details(form) -> dict[str, Any]:
    """The employer's own fields as typed (empty optional text as "")."""
    values = {name: getattr(form, name).data for name in EMPLOYER_DETAILS}
    return {name: "" if value is None and isinstance(getattr(form, name), StringField) else value
            for name, value in values.items()}


def offer_rows(form) -> list[dict[str, Any]]:
    rows = []
    for entry in form.offers:
        offer = entry.form  # sub-fields through .form: FormField has its own "id" and "description"
        tables = (offer.tables.data or "").replace(";", ",").replace(" ", ",").split(",")
        rows.append(dict(id=int(offer.offer_id.data) if (offer.offer_id.data or "").isdigit() else None,
                         title=offer.title.data, contract_type=offer.contract_type.data,
                         description=offer.description.data, remove=offer.remove.data,
                         tables=[int(t) for t in tables if t.strip().isdigit()]))
    return rows


def fill_employer(form, employer: Employer) -> None:
    """Prefill the edit form from the stored employer, with one empty offer row to add another."""
    for name in EMPLOYER_DETAILS:
        getattr(form, name).data = getattr(employer, name)
    fill_window(form.presence, employer.event, employer.available)
    fill_window(form.preferred, employer.event, employer.preferred)
    while len(form.offers):
        form.offers.pop_entry()
    for offer in employer.offers:
        form.offers.append_entry(dict(
            offer_id=str(offer.id), title=offer.title, contract_type=offer.contract_type.value,
            description=offer.description, tables=", ".join(str(t) for t in offer.tables or [])))
    form.offers.append_entry()


def add_offer_row(form) -> bool:
    """The 'add another offer' button (used without JavaScript); True if it was pressed."""
    if "add_offer" not in request.form:
        return False
    if len(form.offers) < form.offers.max_entries:
        form.offers.append_entry()
    return True


def attach_error(form, error: RegistrationError) -> None:
    """Show a service error next to its field (a sub-form's as "answers-q12"), or at the top of the form."""
    field = form._fields.get(error.field or "")
    parent, _sep, name = (error.field or "").partition("-")
    if field is None and name and getattr(form._fields.get(parent), "type", "") == "FormField":
        field = form._fields[parent].form._fields.get(name)
    if error.field in ("availability", "presence", "preferred") and field is not None:
        field = field.form.kind
    if field is not None:
        field.errors = [*(field.errors or []), str(error.message)]
    else:
        form.form_errors.append(str(error.message))


def _readable_window(subform, event: Event) -> list | None:
    """The windows of a time choice, or None while the choice itself has errors (already shown)."""
    return None if subform.errors else window(subform, event)


def _attach_all(form, problems: list[RegistrationError]) -> None:
    for problem in problems:
        attach_error(form, problem)


def check_cv(form) -> None:
    """Check a chosen CV without storing it, so that its problem shows with the form's other errors."""
    chosen = uploaded_cv(form) if "cv" in form else None
    if chosen is None or form.cv.errors:
        return
    try:
        cv_files.check_cv(chosen[0])
    except cv_files.CVError as error:
        form.cv.errors = [*form.cv.errors, str(error.args[0])]


def validate_candidate(form, event: Event) -> bool:
    """Validate the candidate form and the sign-up rules together: every error shows in one round."""
    valid = form.validate()
    _attach_all(form, rules.candidate_problems(event, wish_keys(form), _readable_window(form.availability, event),
                                               typed_answers(form)))
    answered = "answers" not in form or not form.answers.errors
    if valid and not form.wishes.errors and not form.availability.errors and answered:
        return True
    check_cv(form)
    return False


def validate_employer(form, event: Event) -> bool:
    """Validate the employer form and the sign-up rules together: every error shows in one round."""
    valid = form.validate()
    tables = form.tables.data if not form.tables.errors else None
    _attach_all(form, rules.employer_problems(event, offer_rows(form), tables,
                                              _readable_window(form.presence, event),
                                              _readable_window(form.preferred, event)))
    return valid and not any(getattr(form, name).errors for name in ("offers", "presence", "preferred"))


def preference_warning(event: Event, available: list | None, preferred: list | None) -> str | None:
    """A warning when the preferred time is (partly) outside the employer's presence, or None."""
    if available is None or preferred is None or not rules.preference_outside_presence(event, available, preferred):
        return None
    return _("Votre moment préféré (%(preferred)s) n'est pas entièrement dans votre présence (%(presence)s) : les "
             "entretiens n'auront lieu que pendant votre présence.",
             preferred=times.describe(event, preferred), presence=times.describe(event, available))


def form_preference_warning(form, event: Event) -> str | None:
    """The preference warning for the times chosen in a submitted employer form."""
    if not form.is_submitted() or form.presence.errors or form.preferred.errors:
        return None
    return preference_warning(event, window(form.presence, event), window(form.preferred, event))


def retention_months() -> int:
    return current_app.config["DATA_RETENTION_MONTHS"]
