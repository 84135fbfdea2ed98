"""The interpreter itself: the CPython 3.11 collector defect that crashed the front desk must not be present."""
from __future__ import annotations

import subprocess
import sys
import textwrap

# A weakref callback, run by a collection that starts while an object's inline attribute values are being
# turned into a dict, stores an attribute on that same object: 3.11 frees the values twice (docs/operations.md).
REPRODUCER = textwrap.dedent("""
    import gc, weakref

    class State:
        pass

    full = State()
    for i in range(30):  # fill the class's shared attribute keys
        setattr(full, f"a{i}", i)

    def once():
        state = State()
        state.a0 = 0
        garbage = State.__new__(State)
        garbage.a1 = garbage  # a cycle: only the collector frees it, and then calls the weakref callback
        state.a2 = weakref.ref(garbage, lambda ref: setattr(state, "from_callback", 1))
        del garbage
        gc.set_threshold(1)
        state.new_name = 1  # a name outside the shared keys: the values become a dict, and a collection starts
        gc.set_threshold(700)

    for _ in range(2000):
        once()
    print("survived")
""")


def test_a_collection_during_an_attribute_store_does_not_crash_the_interpreter():
    result = subprocess.run([sys.executable, "-c", REPRODUCER], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "survived" in result.stdout, (result.returncode, result.stderr[-2000:])


def test_the_package_refuses_an_interpreter_older_than_312():
    import jobdating

    assert jobdating.MINIMUM_PYTHON == (3, 12) and sys.version_info >= jobdating.MINIMUM_PYTHON
