"""Small helpers shared by the organizer tests: a tiny event and a finished solve."""
from __future__ import annotations

from jobdating.core import tasks as jobs
from jobdating.core.models import SolveRun
from jobdating.extensions import db
from jobdating.planning import scheduling


def small_event(create_event, create_employer, create_candidate, candidates: int = 4, **event_overrides):
    """One event 9:00-10:00 (4 slots), two employers with one table each, candidates wishing both."""
    event = create_event(start_time=__import__("datetime").time(9, 0), end_time=__import__("datetime").time(10, 0),
                         **event_overrides)
    first = create_employer(event, offers=["Cariste"], company="Logistique Artois", first_table=1)
    second = create_employer(event, offers=["Développeur"], company="Numérique Lens", first_table=2)
    people = [create_candidate(event, wishes=[first, second], first_name=f"Prénom{n}") for n in range(candidates)]
    return event, first, second, people


def solve_now(event, organizer=None, time_limit: float = 5) -> SolveRun:
    """Start a background solve through the service and wait for its worker thread."""
    run = scheduling.start_solve(event, organizer, time_limit=time_limit)
    jobs.wait(run.id, timeout=60)
    db.session.expire_all()
    return db.session.get(SolveRun, run.id)
