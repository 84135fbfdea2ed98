"""Solver test fixtures: every solved plan is checked by the independent validator (see plans.run)."""
from __future__ import annotations

import pytest
from plans import run


@pytest.fixture
def solve_dict():
    return run
