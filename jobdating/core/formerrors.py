"""The error summary at the top of a form: every error of the form, each linking to its field."""
from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from flask_babel import gettext as _
from wtforms import Field, Form

# Fields whose widget is a list of inputs: the link goes to the first one.
_GROUPS = ("RadioField", "MultiCheckboxField")


class FieldError(NamedTuple):
    anchor: str  # id of the element to focus
    label: str  # the field's name as the person sees it
    message: str


def _label(field: Field, prefix: str) -> str:
    text = str(field.label.text) if field.label else ""
    if len(text) > 60:  # a sentence (a consent box): the message alone says what to do
        text = ""
    return f"{prefix} — {text}" if prefix and text else prefix or text


def _walk(form: Form, prefix: str = "") -> Iterator[FieldError]:
    for field in form:
        if field.type in ("CSRFTokenField", "HiddenField"):
            continue
        if field.type == "FormField":
            yield from _walk(field.form, _label(field, prefix))
        elif field.type == "FieldList":
            yield from _list_errors(field, prefix)
        elif field.errors:
            anchor = f"{field.id}-0" if field.type in _GROUPS else field.id
            for message in field.errors:
                yield FieldError(anchor, _label(field, prefix), str(message))


def _list_errors(field, prefix: str) -> Iterator[FieldError]:
    """A list of fields (wishes, offers): errors of the list itself, then of each entry."""
    entries = list(field.entries)
    for message in field.errors:
        if isinstance(message, str):  # about the whole list: the page gives the list this id
            yield FieldError(field.id, _label(field, prefix), message)
    for index, entry in enumerate(entries, start=1):
        if entry.type == "FormField":
            legend = _("%(label)s n° %(n)d", label=field.label.text, n=index)
            yield from _walk(entry.form, f"{prefix} — {legend}" if prefix else legend)
        elif entry.errors:
            for message in entry.errors:
                yield FieldError(entry.id, _label(entry, prefix), str(message))


def error_summary(form: Form) -> list[FieldError]:
    """Every error of a form, in the order of its fields, then the form's own errors (not tied to a field)."""
    errors = list(_walk(form))
    errors += [FieldError("", "", str(message)) for message in getattr(form, "form_errors", [])]
    return errors


def attach(form: Form, field_name: str | None, message: object) -> None:
    """Show a service's error next to the field it names, or at the top of the form when it names none."""
    field = form._fields.get(field_name or "")
    if field is not None:
        field.errors = [*(field.errors or []), str(message)]
    else:
        form.form_errors.append(str(message))
