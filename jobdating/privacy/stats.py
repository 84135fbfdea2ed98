"""The anonymous figures an event keeps after its personal data is erased: counts only, no row of a person."""
from __future__ import annotations

from collections import Counter
from typing import Any

from jobdating.core.models import Event
from jobdating.core.times import utcnow


def anonymous_statistics(event: Event) -> dict[str, Any]:
    """Counts per sector and situation, interviews planned and their outcomes: what a funder's report needs."""
    candidates, employers, interviews = event.candidates, event.employers, event.interviews
    outcomes = Counter(i.outcome.value if i.outcome is not None else "unknown" for i in interviews)
    wishes_per_sector: Counter[str] = Counter()
    for candidate in candidates:
        for wish in candidate.wishes:
            wishes_per_sector[wish.employer.sector or "—"] += 1
    return {
        "computed_at": utcnow().isoformat(timespec="seconds"),
        "candidates": len(candidates),
        "walk_ins": sum(1 for c in candidates if c.walk_in),
        "arrived": sum(1 for c in candidates if c.arrived_at is not None),
        "candidates_per_situation": dict(Counter(c.situation.value for c in candidates)),
        "candidates_with_interview": len({i.candidate_id for i in interviews}),
        "employers": len(employers),
        "employers_per_sector": dict(Counter(e.sector or "—" for e in employers)),
        "offers": sum(len(e.offers) for e in employers),
        "wishes": sum(wishes_per_sector.values()),
        "wishes_per_sector": dict(wishes_per_sector),
        "interviews": len(interviews),
        "interviews_per_candidate": {str(n): count for n, count in sorted(
            Counter(len(c.interviews) for c in candidates).items())},
        "outcomes": {key: outcomes.get(key, 0) for key in ("held", "missed", "follow_up", "unknown")},
    }
