"""The event every printing test prints: two employers, two candidates, three interviews."""
from __future__ import annotations

import datetime as dt

import pytest

from jobdating.core.models import Interview, Situation
from jobdating.extensions import db


@pytest.fixture
def planned(create_event, create_employer, create_candidate):
    event = create_event(name="Connec'Tic Day", venue="Lens", table_rows=2)
    logistics = create_employer(event, company="Logistique Artois", offers=["Cariste"], tables=2, first_table=1,
                                contact_name="Claire Petit")
    robots = create_employer(event, company="Robotique Lens", tables=1, first_table=3)
    anais = create_candidate(event, wishes=[logistics.offers[0], robots], first_name="Anaïs",
                             last_name="Lefèvre-Da Conceição", situation=Situation.STUDENT)
    lukasz = create_candidate(event, wishes=[robots], first_name="Łukasz", last_name="Nowak")
    db.session.add_all([
        Interview(event=event, candidate=anais, employer=logistics, table=2, start=dt.time(9, 15),
                  end=dt.time(9, 30), offers=[logistics.offers[0].id]),
        Interview(event=event, candidate=anais, employer=robots, table=1, start=dt.time(10, 0), end=dt.time(10, 15)),
        Interview(event=event, candidate=lukasz, employer=robots, table=1, start=dt.time(9, 0), end=dt.time(9, 15)),
    ])
    db.session.commit()
    return event, anais, lukasz, logistics, robots
