"""Small helpers shared by the front-desk tests: a morning with a hand-made plan, and a frozen clock."""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from jobdating.core.models import Interview
from jobdating.extensions import db

DAY = dt.date(2027, 3, 18)
PARIS = ZoneInfo("Europe/Paris")


def at(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(DAY, dt.time(hour, minute))


class Clock:
    """The app's clock (CLOCK), frozen at a wall-clock time of the event day that the test chooses."""

    def __init__(self, app, when: dt.datetime):
        self.when = when
        app.config["CLOCK"] = lambda: self.when.replace(tzinfo=PARIS)

    def set(self, hour: int, minute: int = 0) -> None:
        self.when = at(hour, minute)


def place(candidate, employer, start: str, table: int = 1, locked: bool = False) -> Interview:
    """Put an interview in the plan by hand (15-minute slots)."""
    begin = dt.datetime.strptime(start, "%H:%M")
    interview = Interview(event_id=candidate.event_id, candidate_id=candidate.id, employer_id=employer.id,
                          table=table, start=begin.time(), end=(begin + dt.timedelta(minutes=15)).time(),
                          offers=[], locked=locked)
    db.session.add(interview)
    db.session.commit()
    return interview


def morning(create_event, create_employer, create_candidate, **overrides):
    """9:00-12:00 in 15-minute slots; two one-table employers at room tables 4 and 7; three candidates who
    wished both, each with one interview at each employer."""
    event = create_event(date=DAY, start_time=dt.time(9, 0), end_time=dt.time(12, 0), **overrides)
    logistics = create_employer(event, company="Logistique Artois", first_table=4)
    digital = create_employer(event, company="Numérique Lens", first_table=7)
    ines = create_candidate(event, wishes=[logistics, digital], first_name="Inès", last_name="Haddad")
    karim = create_candidate(event, wishes=[logistics, digital], first_name="Karim", last_name="Benali")
    lea = create_candidate(event, wishes=[digital, logistics], first_name="Léa", last_name="Martin")
    place(ines, logistics, "10:00")
    place(ines, digital, "10:30")
    place(karim, digital, "10:00")
    place(karim, logistics, "10:30")
    place(lea, logistics, "11:00")
    place(lea, digital, "11:15")
    db.session.refresh(event)
    return event, (logistics, digital), (ines, karim, lea)


def local(moment: dt.datetime) -> dt.datetime:
    """A stored moment (aware UTC) as the event's wall-clock time, to compare with at()."""
    return moment.astimezone(PARIS).replace(tzinfo=None)
