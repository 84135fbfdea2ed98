"""Seeded realistic instances for the benchmark and the tests: skewed popularity, half-day people."""
from __future__ import annotations

import random
from typing import Any

from .instance import INSTANCE_FORMAT, Instance
from .reading import instance_from_dict

MORNING, AFTERNOON = ["09:00", "12:15"], ["12:45", "16:30"]


def generate(n_employers: int, n_candidates: int, seed: int = 0, slot_minutes: int = 15) -> Instance:
    """A day of 28 usable 15-minute slots (09:00-16:30, lunch 12:15-12:45), like a real job dating.

    Employer popularity follows a Zipf-like law; about a third of the people come for half a day only;
    two-table employers often bind each offer to a table; some employers cap their interviews, some
    candidates cap theirs; a few rejections and favourites.
    """
    rng = random.Random(seed)
    employers: list[dict[str, Any]] = []
    popularity: list[float] = []
    targets: list[list[str]] = []
    for i in range(n_employers):
        eid = f"E{i + 1}"
        tables = rng.choices([1, 2, 3], weights=[45, 40, 15])[0]
        roll = rng.random()
        available = [MORNING] if roll < 0.12 else [AFTERNOON] if roll < 0.24 else []
        offers: list[dict[str, Any]] = []
        if tables >= 2 and rng.random() < 0.4:
            offers = [{"id": f"{eid}-O1", "title": "Offre A", "tables": [1]},
                      {"id": f"{eid}-O2", "title": "Offre B", "tables": list(range(2, tables + 1))}]
        elif rng.random() < 0.3:
            offers = [{"id": f"{eid}-O1", "title": "Offre"}]
        employers.append({
            "id": eid, "name": f"Entreprise {i + 1}", "tables": tables, "available": available,
            "preferred": [MORNING] if rng.random() < 0.25 else [],
            "max_interviews": rng.randint(8, 20) if rng.random() < 0.15 else None,
            "max_consecutive": rng.choice([4, 6, 8, None]), "offers": offers, "rejects": [], "favorites": []})
        popularity.append(1.0 / (i + 1) ** 0.9)
        targets.append([eid] + [o["id"] for o in offers])
    candidates = []
    for i in range(n_candidates):
        cid = f"C{i + 1}"
        roll = rng.random()
        available = [MORNING] if roll < 0.18 else [AFTERNOON] if roll < 0.33 else []
        k = min(n_employers, rng.choice([3, 4, 5, 5, 6, 7]))
        chosen: list[int] = []
        while len(chosen) < k:
            e = rng.choices(range(n_employers), weights=popularity)[0]
            if e not in chosen:
                chosen.append(e)
        wishes = [rng.choice(targets[e][1:]) if len(targets[e]) > 1 and rng.random() < 0.6 else targets[e][0]
                  for e in chosen]
        candidates.append({"id": cid, "name": f"Candidat {i + 1}", "available": available, "wishes": wishes,
                           "max_interviews": rng.choice([3, 4]) if rng.random() < 0.25 else None})
        for e in chosen:
            roll = rng.random()
            if roll < 0.03:
                employers[e]["rejects"].append(cid)
            elif roll < 0.15:
                employers[e]["favorites"].append(cid)
    data = {"format": INSTANCE_FORMAT,
            "event": {"name": f"Job dating ({n_employers}x{n_candidates}, seed {seed})", "date": "2027-03-18",
                      "start": "09:00", "end": "16:30", "slot_minutes": slot_minutes,
                      "breaks": [["12:15", "12:45"]], "min_gap_slots": 0, "max_interviews_per_candidate": 6},
            "employers": employers, "candidates": candidates}
    return instance_from_dict(data)


def many_offers(n_employers: int = 9, n_candidates: int = 420, tables: int = 12, seed: int = 0) -> Instance:
    """An adversarial day: one employer with `tables` tables and one offer bound to each table, the other
    employers with one table and no offers; every candidate wishes a few offers of the first employer
    and one or two other employers (so the first employer sees hundreds of distinct table sets)."""
    rng = random.Random(seed)
    offers = [f"E1-O{t}" for t in range(1, tables + 1)]
    big: dict[str, Any] = {"id": "E1", "name": "Entreprise 1", "tables": tables,
                           "offers": [{"id": o, "title": o, "tables": [t]} for t, o in enumerate(offers, 1)]}
    employers: list[dict[str, Any]] = [big] + [{"id": f"E{i}", "name": f"Entreprise {i}", "tables": 1}
                                               for i in range(2, n_employers + 1)]
    candidates = []
    for i in range(n_candidates):
        wishes = rng.sample(offers, rng.randint(1, min(4, tables)))
        wishes += rng.sample([e["id"] for e in employers[1:]], min(len(employers) - 1, rng.randint(1, 2)))
        rng.shuffle(wishes)
        candidates.append({"id": f"C{i + 1}", "name": f"Candidat {i + 1}", "wishes": wishes,
                           "available": [MORNING] if rng.random() < 0.2 else []})
    data = {"format": INSTANCE_FORMAT,
            "event": {"name": f"Many offers ({n_employers}x{n_candidates}, seed {seed})", "date": "2027-03-18",
                      "start": "09:00", "end": "16:30", "slot_minutes": 15, "breaks": [["12:15", "12:45"]],
                      "max_interviews_per_candidate": 6},
            "employers": employers, "candidates": candidates}
    return instance_from_dict(data)
