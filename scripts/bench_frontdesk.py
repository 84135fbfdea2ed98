"""What the front desk costs per request: python scripts/bench_frontdesk.py [--candidates 300] [--scans 100].

Builds the demo event in a scratch SQLite database, solves and publishes it, then checks candidates in through
the desk page (Flask's test client, logged in) and polls the live board. Prints, per kind of request, the SQL
statements it ran (and whether it read the published plan) and the median and worst time.
"""
from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # runnable from a clone without installing

CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=300)
    parser.add_argument("--employers", type=int, default=40)
    parser.add_argument("--scans", type=int, default=100)
    args = parser.parse_args()

    from flask_migrate import upgrade
    from sqlalchemy import event as sa_event

    from jobdating import create_app
    from jobdating.core.accounts import create_organizer
    from jobdating.demo.build import DEMO_ORGANIZER, create_demo_event
    from jobdating.extensions import db
    from jobdating.planning.publish import publish
    from jobdating.planning.scheduling import run_solve, start_solve

    folder = Path(tempfile.mkdtemp(prefix="bench-frontdesk-"))
    app = create_app({"DEVELOPMENT": True,
                      "SECRET_KEY": "bench", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.sqlite3'}",
                      "MAIL_DIR": str(folder / "mail"), "CV_DIR": str(folder / "cv"), "RATELIMIT_ENABLED": False})
    with app.app_context():
        upgrade()
        event = create_demo_event(candidates=args.candidates, employers=args.employers, slug="bench")
        create_organizer(*DEMO_ORGANIZER, "Bench", admin=True)
        run_solve(start_solve(event, None, enqueue=False).id)
        publish(event, None)
        event_id, badges = event.id, [c.badge_token for c in event.candidates][: args.scans]
        plan_kb = len(str(event.published_plan)) // 1024
        db.session.remove()

        statements: list[str] = []
        sa_event.listen(db.engine, "before_cursor_execute", lambda _c, _k, sql, *_a: statements.append(sql))
        client = app.test_client()
        page = client.get("/login").text
        email, password = DEMO_ORGANIZER
        client.post("/login", data={"csrf_token": CSRF.search(page).group(1), "email": email, "password": password})
        page = client.get(f"/event/{event_id}/accueil").text

        def measure(request) -> tuple[float, int, bool]:
            statements.clear()
            start = time.perf_counter()
            request()
            return time.perf_counter() - start, len(statements), any("published_plan" in s for s in statements)

        scans, polls = [], []
        for badge in badges:
            def scan(badge: str = badge) -> None:
                nonlocal page
                token = CSRF.search(page).group(1)
                response = client.post(f"/event/{event_id}/accueil", data={"csrf_token": token, "code": f"/b/{badge}"})
                assert response.status_code == 200
                page = response.text
            scans.append(measure(scan))
            if len(scans) % 10 == 0:
                polls.append(measure(lambda: client.get(f"/event/{event_id}/tableau.json")))

    print(f"demo event: {args.candidates} candidates, {args.employers} employers, published plan {plan_kb} KB")
    for name, rows in (("check-in (scan + desk page)", scans), ("live board poll (tableau.json)", polls)):
        seconds = [row[0] * 1000 for row in rows]
        print(f"{name:32} {len(rows):4} requests  statements {max(r[1] for r in rows):3}  "
              f"reads published plan: {'yes' if any(r[2] for r in rows) else 'no '}  "
              f"median {statistics.median(seconds):6.1f} ms  max {max(seconds):6.1f} ms")


if __name__ == "__main__":
    main()
