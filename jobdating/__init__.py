"""The job-dating scheduler: sign-up, fair interview timetables (OR-Tools CP-SAT), printed day plans.

`create_app` lives in jobdating.app; importing this package alone loads neither Flask nor SQLAlchemy, so the
PDF renderers (jobdating.pdf) stay usable on their own.
"""
from __future__ import annotations

import sys
from typing import Any

# CPython 3.11 can run the garbage collector in the middle of an attribute store; a weakref callback that sets
# an attribute on the same object (SQLAlchemy's identity map does) then frees that object's attribute values
# twice and the server dies with a segmentation fault. 3.12 runs the collector only between bytecodes
# (CPython gh-97922). See docs/operations.md.
MINIMUM_PYTHON = (3, 12)
if sys.version_info < MINIMUM_PYTHON:  # pragma: no cover - exercised by running on an old interpreter
    raise RuntimeError(
        f"jobdating needs Python {MINIMUM_PYTHON[0]}.{MINIMUM_PYTHON[1]} or newer (this is "
        f"{sys.version.split()[0]}): Python 3.11 crashes the server under load. See docs/operations.md."
    )


def __getattr__(name: str) -> Any:
    """`jobdating.create_app` for `flask --app jobdating` and gunicorn 'jobdating:create_app()'."""
    if name == "create_app":
        from jobdating.app import create_app

        return create_app
    raise AttributeError(f"module 'jobdating' has no attribute {name!r}")
