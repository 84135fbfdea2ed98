"""The re-planning morning shared by the re-plan and day-of defect tests: published, clock frozen at 9:40.
(Other day-of test modules define their own `clock` and `day`, which take precedence.)"""
from __future__ import annotations

import pytest
from frontdesk_helpers import Clock, at, morning

from jobdating.planning import publish


@pytest.fixture
def clock(app):
    app.config["REPLAN_TIME_LIMIT"] = 3
    return Clock(app, at(9, 40))


@pytest.fixture
def day(clock, create_event, create_employer, create_candidate):
    event, employers, people = morning(create_event, create_employer, create_candidate)
    publish.publish(event, None)
    return event, employers, people
