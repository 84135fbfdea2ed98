"""Time printing from the database, end to end: demo event, solved, then plans and badges as PDF.

python scripts/bench_print.py [--sizes 300x40,2000x120] [--time-limit S]

Unlike scripts/bench_pdf.py (renderers alone, synthetic data), this measures what an organizer waits for:
the queries, the conversion to plain rows and the rendering.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # runnable from a clone without installing

from jobdating import create_app  # noqa: E402
from jobdating.demo.build import create_demo_event  # noqa: E402
from jobdating.extensions import db  # noqa: E402
from jobdating.planning.scheduling import run_solve, start_solve  # noqa: E402
from jobdating.printing import documents as printing  # noqa: E402


def measure(candidates: int, employers: int, time_limit: float, folder: Path) -> None:
    app = create_app({"DEVELOPMENT": True,
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / f'bench-{candidates}.sqlite3'}",
                      "MAIL_DIR": str(folder / "mail"), "CV_DIR": str(folder / "cv")})
    with app.app_context():
        db.create_all()
        event = create_demo_event(candidates=candidates, employers=employers, seed=1, slug=f"bench-{candidates}")
        run = run_solve(start_solve(event, None, time_limit=time_limit, enqueue=False).id)
        db.session.expire_all()
        event = db.session.get(type(event), event.id)
        planned = sum(1 for c in event.candidates if c.interviews)
        print(f"{candidates} candidates, {employers} employers: {run.figures.get('interviews')} interviews, "
              f"{planned} candidates with a plan")
        timings = {}
        for document in ("plans", "badges"):
            db.session.expire_all()  # count the queries too, not a warm identity map
            event = db.session.get(type(event), event.id)
            started = time.perf_counter()
            data = printing.render(event, document)
            timings[document] = time.perf_counter() - started
            print(f"  {document:8s} {timings[document]:6.2f} s  {len(data) // 1024:6d} KiB")
        print(f"  plans + badges {sum(timings.values()):6.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="300x40,2000x120", help="candidates x employers, comma separated")
    parser.add_argument("--time-limit", type=float, default=10.0, help="solver seconds per event")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes.split(","):
            candidates, employers = (int(x) for x in size.split("x"))
            measure(candidates, employers, args.time_limit, Path(folder))


if __name__ == "__main__":
    main()
