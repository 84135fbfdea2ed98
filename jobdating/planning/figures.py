"""Headline figures of a plan: coverage and interviews against their bounds, first choices, favourites, wait."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from flask_babel import lazy_gettext as _l

from jobdating.core.times import minutes_of

# The figures shown side by side when comparing runs, in display order, with their French labels.
FIGURE_LABELS = (
    ("covered", _l("Candidats avec au moins un entretien")),
    ("upper_bound_covered", _l("… au mieux possible")),
    ("interviews", _l("Entretiens")),
    ("upper_bound_interviews", _l("… au mieux possible")),
    ("first_choices", _l("Premiers choix accordés")),
    ("favorites_met", _l("Favoris des employeurs rencontrés")),
    ("mean_wait_minutes", _l("Attente moyenne (minutes)")),
    ("unmet", _l("Souhaits non satisfaits")),
)


def plan_figures(instance: dict[str, Any], interviews: Iterable[dict[str, Any]],
                 solver: dict[str, Any] | None = None, unmet: int | None = None) -> dict[str, Any]:
    """Figures of `interviews` (schedule form, formats.md) for the `instance` (dict form) they answer."""
    interviews = list(interviews)
    solver = solver or {}
    employer_of: dict[str, str] = {}
    favorites: set[tuple[str, str]] = set()
    for employer in instance.get("employers", []):
        employer_of[employer["id"]] = employer["id"]
        for offer in employer.get("offers", []):
            employer_of[offer["id"]] = employer["id"]
        favorites.update((c, employer["id"]) for c in employer.get("favorites", []))
    met = {(i["candidate"], i["employer"]) for i in interviews}
    wishing = [c for c in instance.get("candidates", []) if c.get("wishes")]
    first = sum(1 for c in wishing if (c["id"], employer_of.get(c["wishes"][0])) in met)
    wished_pairs = {(c["id"], employer_of.get(w)) for c in wishing for w in c["wishes"]}
    wished_favorites = favorites & wished_pairs
    slots_of: dict[str, list[tuple[int, int]]] = {}
    for interview in interviews:
        slots_of.setdefault(interview["candidate"], []).append(
            (minutes_of(interview["start"]), minutes_of(interview["end"])))
    waits = []  # over candidates with two interviews or more, as docs/formats.md defines the mean wait
    for spans in slots_of.values():
        if len(spans) < 2:
            continue
        busy = sum(end - start for start, end in spans)
        waits.append(max(end for _, end in spans) - min(start for start, _ in spans) - busy)
    return {
        "candidates": len(wishing),
        "covered": len(slots_of),
        "upper_bound_covered": solver.get("upper_bound_covered"),
        "interviews": len(interviews),
        "upper_bound_interviews": solver.get("upper_bound_interviews"),
        "first_choices": first,
        "favorites": len(wished_favorites),
        "favorites_met": len(wished_favorites & met),
        "mean_wait_minutes": round(sum(waits) / len(waits), 1) if waits else 0,
        "unmet": unmet,
        "status": solver.get("status"),
        "seconds": solver.get("seconds"),
    }


def comparison(runs: list[Any]) -> list[tuple[str, list[Any]]]:
    """Rows (label, one value per run) to show the figures of several runs side by side."""
    return [(label, [(run.figures or {}).get(key) for run in runs]) for key, label in FIGURE_LABELS]
