"""Time the PDF renderers on synthetic events: python scripts/bench_pdf.py [--candidates 300] [--out DIR]."""
from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # runnable from a clone without installing

from jobdating.pdf import (
    Break,
    CandidateBadge,
    CandidateInterview,
    CandidatePlan,
    EmployerBadge,
    EmployerInterview,
    EmployerSheet,
    EventInfo,
    Slot,
    TableSign,
    render_badges,
    render_candidate_plans,
    render_employer_sheets,
    render_front_desk_grid,
    render_table_signs,
    room_in_rows,
)

FIRST = ["Anaïs", "Łukasz", "Camille", "Mohamed", "Léa", "Théo", "Inès", "Hugo", "Chloé", "Yanis", "Manon",
         "Nathan", "Zoé", "Karim", "Maëlle", "Jean-Baptiste", "Aurélie", "Kévin", "Fatoumata", "Grégoire"]
LAST = ["Lefèvre-Da Conceição", "Nowak", "Martin", "Dubois", "Benali", "Lemaire", "Vandenbroucke", "Petit",
        "Nguyen", "Kowalski", "Dupont", "Moreau", "Haddad", "Delattre", "Leroy", "Duchêne", "Wiśniewski"]
COMPANIES = ["Crédit Agricole Nord de France", "SNCF Voyageurs", "Auchan Retail", "Leroy Merlin", "Décathlon",
             "Capgemini", "Sopra Steria", "Orange", "Transdev", "Kiabi", "Pôle emploi", "La Poste",
             "Centre hospitalier de Lens", "Mairie de Liévin", "Adecco", "Randstad", "Atos", "Alstom",
             "Bonduelle", "Roquette Frères", "Vilogia", "Maisons & Cités", "Ikea Lille", "Boulanger",
             "Cofidis", "Norauto", "Eiffage Construction", "Colas Nord-Est", "Keolis Artois-Gohelle",
             "Université d'Artois"]
OFFERS = ["Développeur·se web", "Technicien·ne réseaux", "Conseiller·ère de vente", "Chargé·e de clientèle",
          "Alternance — assistant·e RH", "Infirmier·ère de bloc opératoire", "Conducteur·rice de bus",
          "Stage — data analyst", "Comptable", "Préparateur·rice de commandes"]
SITUATIONS = ["Demandeur·se d'emploi", "Étudiant·e", "En reconversion", "Salarié·e", "Jeune diplômé·e"]


def synthetic_event(candidates: int, employers: int = 30, seed: int = 1) -> dict:
    """A whole event as the renderers' dataclasses; deterministic for a given seed."""
    rng = random.Random(seed)
    slots, t = [], 9 * 60
    while t + 15 <= 17 * 60:
        if not 12 * 60 + 30 <= t < 13 * 60 + 30:
            slots.append(Slot(dt.time(t // 60, t % 60), dt.time((t + 15) // 60, (t + 15) % 60)))
        t += 15
    companies = [COMPANIES[i % len(COMPANIES)] + ("" if i < len(COMPANIES) else f" {i}") for i in range(employers)]
    room = room_in_rows([(i + 1, c) for i, c in enumerate(companies)], 4)
    event = EventInfo("Job dating Connec'Tic Day — Lens", dt.date(2025, 10, 14), "Stade Bollaert-Delelis, Lens",
                      tuple(slots), (Break(dt.time(12, 30), dt.time(13, 30), "Pause déjeuner"),), room)
    taken: dict[tuple[int, int], str] = {}
    plans, badges, sheets = [], [], {i: [] for i in range(employers)}
    for n in range(candidates):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        badges.append(CandidateBadge(first, last, f"https://jobdating.example.org/accueil/{n:04d}{seed:04d}"))
        interviews, busy = [], set()
        for employer in rng.sample(range(employers), rng.randint(1, 5)):
            free = [s for s in range(len(slots)) if (employer, s) not in taken and s not in busy]
            if not free:
                continue
            s = rng.choice(free)
            busy.add(s)
            taken[employer, s] = f"{first} {last}"
            offer = rng.choice(OFFERS)
            interviews.append(CandidateInterview(slots[s].start, slots[s].end, companies[employer], offer,
                                                 employer + 1))
            sheets[employer].append(EmployerInterview(slots[s].start, slots[s].end, f"{first} {last}",
                                                      rng.choice(SITUATIONS), offer))
        plans.append(CandidatePlan(first, last, tuple(interviews)))
    return {
        "event": event,
        "plans": plans,
        "candidate_badges": badges,
        "employer_badges": [EmployerBadge(f"{rng.choice(FIRST)} {rng.choice(LAST)}", c, (i + 1,))
                            for i, c in enumerate(companies)],
        "sheets": [EmployerSheet(c, i + 1, "", tuple(sheets[i])) for i, c in enumerate(companies)],
        "signs": [TableSign(c, i + 1, tuple(rng.sample(OFFERS, 3))) for i, c in enumerate(companies)],
    }


def timed(label: str, render, out: Path | None, name: str) -> float:
    start = time.perf_counter()
    pdf = render()
    elapsed = time.perf_counter() - start
    print(f"{label:<44} {elapsed:6.2f} s  {len(pdf) / 1024:7.0f} KiB")
    if out:
        (out / name).write_bytes(pdf)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--candidates", type=int, default=300)
    parser.add_argument("--large", type=int, default=2000, help="candidates of the large plans run (0: skip)")
    parser.add_argument("--out", type=Path, help="also write the PDFs to this folder")
    args = parser.parse_args()
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
    data = synthetic_event(args.candidates)
    event = data["event"]
    n = args.candidates
    plans = timed(f"{n} candidate plans", lambda: render_candidate_plans(event, data["plans"]), args.out, "plans.pdf")
    badges = timed(f"{n} candidate + 30 employer badges",
                   lambda: render_badges(event, data["candidate_badges"], data["employer_badges"]),
                   args.out, "badges.pdf")
    print(f"{'plans + badges':<44} {plans + badges:6.2f} s  (target < 5 s)")
    timed("30 employer sheets", lambda: render_employer_sheets(event, data["sheets"]), args.out, "employers.pdf")
    timed("30 table signs", lambda: render_table_signs(event, data["signs"]), args.out, "signs.pdf")
    timed("front-desk grid", lambda: render_front_desk_grid(event, data["sheets"]), args.out, "grid.pdf")
    if args.large:
        big = synthetic_event(args.large, employers=60, seed=2)
        elapsed = timed(f"{args.large} candidate plans", lambda: render_candidate_plans(big["event"], big["plans"]),
                        None, "")
        print(f"{'':<44} (target < 20 s: {'ok' if elapsed < 20 else 'TOO SLOW'})")


if __name__ == "__main__":
    main()
