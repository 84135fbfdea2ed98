"""Event settings: create and update events, and say when a change invalidates the existing plan."""
from __future__ import annotations

import re
import unicodedata
from typing import Any

from flask import current_app
from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import select, update

from jobdating.core import accounts
from jobdating.core.models import Event, EventStatus, Membership, Organizer
from jobdating.core.times import minutes_of
from jobdating.extensions import db

# Settings the plan depends on: changing one of them once interviews exist asks for a new plan.
PLAN_SETTINGS = ("date", "start_time", "end_time", "slot_minutes", "breaks", "min_gap_slots",
                 "max_interviews_per_candidate", "plan_priority")
SETTINGS = ("name", "slug", "venue", "description", "date", "start_time", "end_time", "slot_minutes", "breaks",
            "min_gap_slots", "max_wishes", "max_interviews_per_candidate", "plan_priority", "signup_opens",
            "signup_closes", "table_rows", "status", "reminder_day_before", "reminder_hours_before",
            "moderate_employers")
_WINDOW = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*[-–à]\s*(\d{1,2}):(\d{2})\s*$")


class EventError(ValueError):
    """A setting that cannot be saved, message in French."""


def parse_windows(text: str | None) -> list[list[str]]:
    """'12:30-13:30; 15:00-15:15' -> [['12:30', '13:30'], ['15:00', '15:15']]."""
    windows = []
    for part in re.split(r"[;,\n]", text or ""):
        if not part.strip():
            continue
        match = _WINDOW.match(part)
        if not match:
            raise EventError(_("« %(text)s » n'est pas une plage horaire du type 12:30-13:30.", text=part.strip()))
        a = f"{int(match[1]):02d}:{match[2]}"
        b = f"{int(match[3]):02d}:{match[4]}"
        if minutes_of(a) >= minutes_of(b):
            raise EventError(_("La plage %(start)s-%(end)s se termine avant de commencer.", start=a, end=b))
        windows.append([a, b])
    return windows


def format_windows(windows: list | None) -> str:
    return "; ".join(f"{a}-{b}" for a, b in windows or [])


def slugify(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")[:80] or "job-dating"


def reserved_slugs() -> set[str]:
    """First path segments the application itself uses (login, organisateur, static…): an event page at one
    of these addresses could never be opened."""
    segments = {rule.rule.strip("/").split("/")[0] for rule in current_app.url_map.iter_rules()}
    return {segment for segment in segments if segment and "<" not in segment}


def _check(values: dict[str, Any], event: Event | None) -> None:
    if values["slug"] in reserved_slugs():
        raise EventError(_("L'adresse « %(slug)s » est réservée par le logiciel : choisissez-en une autre.",
                           slug=values["slug"]))
    if values["start_time"] >= values["end_time"]:
        raise EventError(_("L'heure de fin doit suivre l'heure de début."))
    opens, closes = values.get("signup_opens"), values.get("signup_closes")
    if opens and closes and opens >= closes:
        raise EventError(_("La clôture des inscriptions doit suivre leur ouverture."))
    taken = db.session.scalar(select(Event.id).where(Event.slug == values["slug"]))
    if taken is not None and (event is None or taken != event.id):
        raise EventError(_("L'adresse « %(slug)s » est déjà utilisée par un autre événement.", slug=values["slug"]))


def _normalise(values: dict[str, Any]) -> dict[str, Any]:
    values = {k: v for k, v in values.items() if k in SETTINGS}
    if isinstance(values.get("breaks"), str):
        values["breaks"] = parse_windows(values["breaks"])
    values["slug"] = slugify(values.get("slug") or values["name"])
    values["min_gap_slots"] = values.get("min_gap_slots") or 0
    if isinstance(values.get("status"), str):
        values["status"] = EventStatus(values["status"])
    return values


def create_event(values: dict[str, Any], organizer: Organizer | None) -> Event:
    values = _normalise(values)
    _check(values, None)
    event = Event(**values)
    db.session.add(event)
    db.session.flush()
    accounts.record("event.create", f"Événement « {event.name} » créé", organizer=organizer,
                    event_id=event.id, commit=False)
    db.session.commit()
    return event


def plan_warnings(event: Event, values: dict[str, Any]) -> list[str]:
    """What a change of settings would do to the existing plan (empty when there is none or nothing changes)."""
    if not event.interviews:
        return []
    changed = [k for k in PLAN_SETTINGS if k in values and values[k] != getattr(event, k)]
    if not changed:
        return []
    warnings = [_("Ces réglages modifient la journée alors qu'un planning existe : relancez « Générer le planning » "
                  "pour qu'il en tienne compte.")]
    if event.published_at is not None:
        warnings.append(_("Le planning a déjà été publié : les personnes concernées devront être prévenues "
                          "en le publiant de nouveau."))
    return warnings


class SettingsConflict(EventError):
    """Somebody saved the settings after this page was shown: nothing was saved."""


def update_event(event: Event, values: dict[str, Any], organizer: Organizer | None,
                 seen_version: int | None = None) -> list[str]:
    """Save the settings; returns warnings about the existing plan (French sentences). With `seen_version`
    (the version the form was shown with), a save over a newer one is refused (SettingsConflict)."""
    values = _normalise(values)
    _check(values, event)
    if seen_version is not None:
        claimed = db.session.execute(update(Event).where(Event.id == event.id,
                                                         Event.settings_version == seen_version)
                                     .values(settings_version=seen_version + 1))
        if getattr(claimed, "rowcount", 0) != 1:
            db.session.rollback()
            raise SettingsConflict(_("Ces réglages viennent d'être modifiés par quelqu'un d'autre : voici les "
                                     "réglages actuels. Vos changements n'ont pas été enregistrés ; refaites-les "
                                     "si besoin, puis enregistrez."))
    else:
        event.settings_version += 1
    warnings = plan_warnings(event, values)
    outside = 0
    for key, value in values.items():
        setattr(event, key, value)
    if event.interviews:
        slots = set(event.slot_starts())
        outside = sum(1 for i in event.interviews if i.start not in slots)
    if outside:
        warnings.append(ngettext("%(num)d entretien ne tombe plus sur un créneau de la journée.",
                                 "%(num)d entretiens ne tombent plus sur un créneau de la journée.", outside))
    accounts.record("event.update", f"Réglages de « {event.name} » modifiés", organizer=organizer,
                    event_id=event.id, commit=False)
    db.session.commit()
    return warnings


def set_status(event: Event, status: EventStatus, organizer: Organizer | None) -> None:
    event.status = status
    accounts.record("event.status", f"Statut : {status.value}", organizer=organizer, event_id=event.id,
                    commit=False)
    db.session.commit()


def events_of(organizer: Organizer) -> list[Event]:
    """The events an organizer works on: all of them for a platform admin, else those of their teams."""
    query = select(Event).order_by(Event.date.desc(), Event.id.desc())
    if not organizer.is_admin:
        query = query.join(Membership, Membership.event_id == Event.id).where(Membership.organizer_id == organizer.id)
    return list(db.session.scalars(query))
