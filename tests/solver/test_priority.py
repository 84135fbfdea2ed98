"""The organizer's trade-off, event.priority: fairness first (the default) or more first choices."""
from collections import Counter

import pytest
from plans import candidate, employer, instance, run

from solver import InstanceError, instance_from_dict, instance_to_dict


def _day(priority: str | None) -> dict:
    # two slots. Q can only come at 9:00, when E1 and E3 are there: Q meets one of them, E1 being Q's
    # first choice. P can meet E1 at 9:00 (P's second choice) and E2 at 9:15 (P's first). E1 has one
    # slot: a second interview for P, or Q's first choice.
    event = {} if priority is None else {"priority": priority}
    return instance([employer("E1", available=[["09:00", "09:15"]]),
                     employer("E2", available=[["09:15", "09:30"]]),
                     employer("E3", available=[["09:00", "09:15"]])],
                    [candidate("P", "E2", "E1"), candidate("Q", "E1", "E3", available=[["09:00", "09:15"]])],
                    end="09:30", event=event)


def _figures(schedule) -> tuple[int, int]:
    counts = Counter(i.candidate for i in schedule.interviews)
    return schedule.stats["first_choices"], sum(1 for n in counts.values() if n >= 2)


def test_first_choices_priority_grants_a_first_choice_where_fairness_gives_a_second_interview():
    fairness = run(_day("fairness"))
    first = run(_day("first_choices"))
    assert _figures(fairness) == (1, 1)         # P meets E1 and E2; Q meets E3
    assert _figures(first) == (2, 0)            # Q meets E1, P meets E2
    assert fairness.stats["covered"] == first.stats["covered"] == 2      # coverage comes first in both
    assert run(_day(None)).interviews == fairness.interviews            # fairness is the default


def test_priority_is_read_written_and_checked():
    assert instance_from_dict(_day(None)).event.priority == "fairness"
    assert instance_to_dict(instance_from_dict(_day("first_choices")))["event"]["priority"] == "first_choices"
    with pytest.raises(InstanceError, match="event: priority must be one of fairness, first_choices"):
        instance_from_dict(_day("wishes"))
