"""Solving in a child process: `solve_dict(data, time_limit, ...)` -> the schedule as a dict.

OR-Tools' C++ (the max flows, the min-cost flow) holds the interpreter while it runs: a solve in a thread of a
web process would stop that process's other requests for seconds at a time (the progress page, the front
desk re-planning on the day). In a child process the caller keeps its interpreter; the child reports progress
and the figures of its best plan through a pipe, and a crash of the solver (memory, a native fault) ends the
child, not the caller. Children are forked from a server process that has imported the solver once, so a solve
starts in a few milliseconds rather than the second a fresh interpreter and OR-Tools take.
"""
from __future__ import annotations

import multiprocessing
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

POLL_SECONDS = 0.1
_lock = threading.Lock()
_context: Any = None


class SolverFailed(RuntimeError):
    """The solve did not give a plan: the instance was refused, or the child process died (message says)."""


def _forkserver() -> Any:
    global _context
    with _lock:
        if _context is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["solver"])
            _context = context
        return _context


def solve_dict(data: dict[str, Any], time_limit: float, *,
               progress: Callable[[float, float, float], None] | None = None,
               figures: Callable[[dict[str, Any]], None] | None = None,
               stop: threading.Event | None = None, started: float | None = None) -> dict[str, Any]:
    """Solve the `jobdating-instance/1` dict `data` in a child process; returns its `jobdating-schedule/1` dict.

    `progress` and `figures` are SolverConfig's callbacks, called in this process; setting `stop` ends the
    search early (the best plan so far is returned). The time limit counts from `started` (time.monotonic(),
    default now), the child's start-up included. Raises SolverFailed with the reason when there is no plan."""
    started = time.monotonic() if started is None else started
    context = _forkserver()
    receive, send = context.Pipe(duplex=False)       # the child's reports
    orders, order = context.Pipe(duplex=False)        # "stop", or end of file once the caller is done
    child = context.Process(target=_child, args=(data, time_limit, started, send, orders), name="solver",
                            daemon=True)
    child.start()
    send.close()
    orders.close()
    stopping = False
    try:
        while True:
            if stop is not None and stop.is_set() and not stopping:
                order.send("stop")
                stopping = True
            if receive.poll(POLL_SECONDS):
                try:
                    kind, payload = receive.recv()
                except EOFError:
                    child.join(1)
                    raise SolverFailed(f"the solver process ended without a plan (exit code {child.exitcode})") \
                        from None
                if kind == "progress" and progress is not None:
                    progress(*payload)
                elif kind == "figures" and figures is not None:
                    figures(payload)
                elif kind == "done":
                    return payload  # type: ignore[no-any-return]  # the schedule dict
                elif kind == "error":
                    raise SolverFailed(payload)
            elif not child.is_alive() and not receive.poll(0):
                raise SolverFailed(f"the solver process ended without a plan (exit code {child.exitcode})")
    finally:
        order.close()
        child.join(5)
        if child.is_alive():
            child.kill()
            child.join()
        receive.close()


def _child(data: dict[str, Any], time_limit: float, started: float, send: Connection, orders: Connection) -> None:
    """The child: solve and send ("progress", (best, bound, elapsed)), ("figures", stats), then ("done",
    schedule) or ("error", message); a "stop" from the caller ends the search early. (A pipe, not a shared
    Event: notifying an Event whose waiter has exited blocks the notifier for ever.)"""
    from . import SolverConfig, load_instance, schedule_to_dict, solve

    stop = threading.Event()

    def watch() -> None:
        try:
            if orders.recv() == "stop":
                stop.set()
        except (EOFError, OSError):
            pass
    threading.Thread(target=watch, daemon=True, name="solver-halt").start()
    try:
        config = SolverConfig(time_limit=time_limit, started=started, stop=stop,
                              progress=lambda best, bound, elapsed: send.send(("progress", (best, bound, elapsed))),
                              figures=lambda stats: send.send(("figures", stats)))
        send.send(("done", schedule_to_dict(solve(load_instance(data), config))))
    except Exception as error:  # the caller gets the reason; the child ends either way
        send.send(("error", f"{type(error).__name__}: {error}" if not str(error) else str(error)))
    finally:
        send.close()
