"""Helpers shared by the rehearsal tests: an event the day before, full of personal data, and a real clock the
test moves by hand."""
from __future__ import annotations

import datetime as dt
import re
from html import unescape

from frontdesk_helpers import DAY, morning

from jobdating.core import tasks
from jobdating.core.accounts import create_organizer
from jobdating.core.models import (
    Cancellation,
    ContractType,
    Decision,
    Membership,
    Offer,
    Preselection,
    Recruiter,
    Role,
)
from jobdating.extensions import db
from jobdating.planning import publish

PASSWORD = "une phrase de passe"
# Real time while the tests run: a month before the event day (the rehearsal's clock is simulated).
REAL = dt.datetime(2027, 2, 15, 14, 0, tzinfo=dt.UTC)


class RealClock:
    """The app's real clock (CLOCK), frozen, moved by the test."""

    def __init__(self, app, when: dt.datetime = REAL):
        self.when = when
        app.config["CLOCK"] = lambda: self.when

    def advance(self, **delta: float) -> None:
        self.when += dt.timedelta(**delta)


def original_event(create_event, create_employer, create_candidate):
    """The morning of frontdesk_helpers, published and mailed, with what a real event holds: phones, a CV, needs,
    a town, an offer with a table, a recruiter, a preselection, a cancellation, and a team (owner, organizer,
    front desk)."""
    event, (logistics, digital), (ines, karim, lea) = morning(create_event, create_employer, create_candidate)
    ines.phone, ines.town, ines.postcode = "06 12 34 56 78", "Liévin", "62800"
    ines.accessibility_needs = "Fauteuil roulant"
    ines.cv_filename, ines.cv_original_name = "a" * 32 + ".pdf", "cv-ines-haddad.pdf"
    logistics.phone, logistics.contact_name = "03 21 44 55 66", "Claire Petit"
    logistics.offers.append(Offer(title="Cariste", contract_type=ContractType.CDI, tables=[1]))
    logistics.recruiters.append(Recruiter(name="Paul Lefebvre", email="paul.lefebvre@logistique.fr"))
    db.session.add(Preselection(employer=digital, candidate=ines, decision=Decision.FAVOURITE))
    db.session.add(Cancellation(event_id=event.id, candidate=lea, employer=digital, table=1,
                                start=dt.time(11, 30), end=dt.time(11, 45), by="candidate", reason="Empêchée"))
    db.session.flush()
    ines.wishes[0].offer = logistics.offers[0]
    for interview in ines.interviews:
        if interview.employer_id == logistics.id:
            interview.offers = [logistics.offers[0].id]
    team = {}
    for name, role in (("owner", Role.OWNER), ("orga", Role.ORGANIZER), ("desk", Role.FRONTDESK)):
        team[name] = create_organizer(f"{name}@exemple.fr", PASSWORD, name.title())
        db.session.add(Membership(event_id=event.id, organizer_id=team[name].id, role=role))
    db.session.commit()
    publish.publish(event, None)
    tasks.wait_all(timeout=30)  # the plan mails leave: everybody has been told their plan
    db.session.expire_all()
    return event, (logistics, digital), (ines, karim, lea), team


def client_of(app, email: str):
    client = app.test_client()
    assert client.post("/login", data={"email": email, "password": PASSWORD}).status_code == 302
    return client


def at_day(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(DAY, dt.time(hour, minute))


def shown(html: str) -> str:
    """A page's text as a person reads it: tags dropped, entities decoded, spaces collapsed."""
    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())


def banner(html: str) -> str:
    """The text of a page's rehearsal band ('' when there is none)."""
    found = re.search(r'<div class="rehearsal-banner".*?</div>', html, re.S)
    return shown(found.group(0)) if found else ""
