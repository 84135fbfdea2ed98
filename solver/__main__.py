"""Command line: python -m solver solve|check|bench."""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from . import InstanceError, SolverConfig, dumps, load_instance, load_schedule, solve, validate


def _positive[Number: (int, float)](kind: Callable[[str], Number]) -> Callable[[str], Number]:
    """argparse type: a number above zero (argparse then exits 2 with a clear message)."""
    def parse(text: str) -> Number:
        value = kind(text)
        if value <= 0:
            raise argparse.ArgumentTypeError(f"must be above zero, got {text}")
        return value
    parse.__name__ = kind.__name__
    return parse


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m solver", description="Job-dating interview scheduler")
    sub = parser.add_subparsers(dest="command", required=True)
    p_solve = sub.add_parser("solve", help="plan an instance")
    p_solve.add_argument("instance")
    p_solve.add_argument("-o", "--output", help="schedule file (default: standard output)")
    p_check = sub.add_parser("check", help="check a schedule against its instance")
    p_check.add_argument("instance")
    p_check.add_argument("schedule")
    p_bench = sub.add_parser("bench", help="solver vs first come, first served on generated instances")
    p_bench.add_argument("--sizes", default="small,medium,large",
                         help="comma-separated, among small, medium, large, xlarge, many_offers")
    p_bench.add_argument("--one", help=argparse.SUPPRESS)
    p_bench.add_argument("--load", type=int, default=0,
                         help="CPU-bound processes to run alongside (a loaded machine; default 0)")
    for p in (p_solve, p_bench):
        p.add_argument("--time-limit", type=_positive(float), default=None, help="seconds (default 30)")
        p.add_argument("--workers", type=_positive(int), default=None)
        p.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    try:
        if args.command == "solve":
            return _solve(args)
        if args.command == "check":
            return _check(args)
        return _bench(args)
    except InstanceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


def _solve(args: argparse.Namespace) -> int:
    started = time.monotonic()              # the time limit counts reading the instance too
    instance = load_instance(Path(args.instance))
    config = SolverConfig(seed=args.seed, started=started)
    if args.time_limit is not None:
        config.time_limit = args.time_limit
    if args.workers:
        config.workers = args.workers
    schedule = solve(instance, config)
    text = dumps(schedule)
    if args.output:
        Path(args.output).write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    s, v = schedule.stats, schedule.solver
    print(f"{v['status']} in {v['seconds']} s: {s['covered']}/{v['upper_bound_covered']} candidates covered, "
          f"{s['interviews']}/{v['upper_bound_interviews']} interviews, mean wait {s['mean_wait_minutes']} min",
          file=sys.stderr)
    return 0


def _check(args: argparse.Namespace) -> int:
    instance = load_instance(Path(args.instance))
    report = validate(instance, load_schedule(Path(args.schedule)))
    print(json.dumps(report.figures, ensure_ascii=False))
    for violation in report.violations:
        print(violation)
    print("OK" if report.ok else f"{len(report.violations)} violation(s)")
    return 0 if report.ok else 1


def _bench(args: argparse.Namespace) -> int:
    from .bench import SIZES, measure, run
    if args.one:
        size, method = args.one.split(":")
        print(json.dumps(measure(size, method, args.time_limit, args.seed, args.workers)))
        return 0
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    unknown = [s for s in sizes if s not in SIZES]
    if unknown:
        raise InstanceError(f"bench: unknown size {unknown[0]!r} (choose from {', '.join(SIZES)})", "sizes")
    run(sizes, args.time_limit, args.seed, args.workers, load=args.load)
    return 0


if __name__ == "__main__":
    sys.exit(main())
