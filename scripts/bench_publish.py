"""Time publishing inside the web request: a demo event of N candidates, solved, then published (the emails
are only queued; workers send them). Prints the seconds of publish() and of the delivery that follows.

    python scripts/bench_publish.py [--candidates 2000] [--employers 120]
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from jobdating import create_app
from jobdating.core import outbox
from jobdating.core.models import Event
from jobdating.demo.build import create_demo_event
from jobdating.extensions import db
from jobdating.planning.publish import publish
from jobdating.planning.scheduling import run_solve, start_solve


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--candidates", type=int, default=2000)
    parser.add_argument("--employers", type=int, default=120)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    app = create_app({"TESTING": True, "SECRET_KEY": "x" * 32, "MAIL_DIR": str(folder / "mail"),
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.sqlite3'}", "SOLVER_TIME_LIMIT": 30})
    with app.app_context():
        db.create_all()
        event = create_demo_event(candidates=args.candidates, employers=args.employers, slug="bench")
        run = run_solve(start_solve(event, None, enqueue=False).id)
        assert run.error is None, run.error
        db.session.expire_all()
        event = db.session.get(Event, event.id)
        # The delivery a commit starts would run in a thread: here it is timed on its own, after the request.
        outbox.tasks.enqueue = lambda *a, **k: None  # type: ignore[method-assign]
        start = time.perf_counter()
        publication = publish(event, None)
        request_seconds = time.perf_counter() - start
        start = time.perf_counter()
        sent = outbox.deliver_due()
        delivery_seconds = time.perf_counter() - start
        interviews = len(event.interviews)
        queued = publication.candidates_mailed + publication.employers_mailed
    print(f"{args.candidates} candidates, {args.employers} employers, {interviews} interviews")
    print(f"publish (in the request): {request_seconds:.2f} s, "
          f"{queued} emails queued")
    print(f"delivery (workers, .eml files): {delivery_seconds:.2f} s for {sent} emails")


if __name__ == "__main__":
    main()
