"""The re-planning morning shared by the re-plan and day-of defect tests: published, clock frozen at 9:40.
(Other day-of test modules define their own `clock` and `day`, which take precedence.)"""
from __future__ import annotations

import pytest
from frontdesk_helpers import Clock, at, morning
from rehearsal_helpers import RealClock

from jobdating.planning import publish


@pytest.fixture
def real(app):
    """The real clock of the rehearsal tests, set by hand (the simulated one runs from it)."""
    return RealClock(app)


@pytest.fixture
def clock(app):
    app.config["REPLAN_TIME_LIMIT"] = 3
    return Clock(app, at(9, 40))


@pytest.fixture
def day(clock, create_event, create_employer, create_candidate):
    event, employers, people = morning(create_event, create_employer, create_candidate)
    publish.publish(event, None)
    return event, employers, people
