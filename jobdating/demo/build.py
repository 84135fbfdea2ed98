"""A realistic demo job dating in the spirit of a Connec'Tic Day in Lens, reproducible from a seed."""
from __future__ import annotations

import datetime as dt
import random
import unicodedata

from jobdating.core.models import (
    SECTOR_NAMES,
    Answer,
    Candidate,
    ContractType,
    Decision,
    EducationLevel,
    Employer,
    Event,
    EventStatus,
    Offer,
    Preselection,
    Question,
    QuestionKind,
    Situation,
    Wish,
)
from jobdating.core.search import fold
from jobdating.core.times import local_now
from jobdating.demo.data import (
    FIRST_NAMES,
    FIRST_NAMES_CONTACT,
    IN_SECTOR,
    LAST_NAMES,
    PLACES,
    PREFIXES,
    SECTORS,
    TOWNS,
)
from jobdating.extensions import db

MORNING = [["09:00", "12:30"]]
AFTERNOON = [["13:30", "17:00"]]
DEMO_ORGANIZER = ("organisateur@exemple.fr", "jobdating-demo")


def _ascii(text: str) -> str:
    text = text.replace("Ł", "L").replace("ł", "l").replace("œ", "oe").replace("Œ", "Oe")
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in folded.lower() if ch.isalnum() or ch in ".-")


def job_phrase(title: str) -> str:
    """'Poste d'infirmier·ère', 'Poste de cariste CACES': elided before a vowel, acronyms kept."""
    word = title[:1].lower() + title[1:]
    return ("Poste d'" if fold(word[:1]) in tuple("aeiouy") else "Poste de ") + word


def demo_dates(today: dt.date) -> dict:
    """A demo is always usable: the day is the Thursday four to five weeks ahead, sign-up opened two weeks ago
    and closes a week before the day."""
    day = today + dt.timedelta(weeks=4)
    day += dt.timedelta(days=(3 - day.weekday()) % 7)  # a Thursday, as a job dating would be
    return dict(date=day, signup_opens=dt.datetime.combine(today - dt.timedelta(weeks=2), dt.time(9, 0)),
                signup_closes=dt.datetime.combine(day - dt.timedelta(weeks=1), dt.time(23, 59)))


def _presence(rng: random.Random) -> list[list[str]]:
    roll = rng.random()
    if roll < 0.15:
        return [list(w) for w in MORNING]
    if roll < 0.30:
        return [list(w) for w in AFTERNOON]
    return []


def create_demo_event(candidates: int = 300, employers: int = 40, seed: int = 1,
                      slug: str | None = None, today: dt.date | None = None) -> Event:
    """Create and commit a demo event, dated from `today` (the event's today by default); the same arguments
    always give the same event."""
    rng = random.Random(seed)
    dates = demo_dates(today or local_now().date())
    event = Event(
        slug=slug or f"connectic-day-lens-{seed}",
        name="Connec'Tic Day — Lens",
        venue="Halle des sports Bollaert, Lens",
        description=("Job dating du bassin minier : logistique, numérique, santé, green tech, robotique, "
                     "industrie, agroalimentaire et BTP. Entretiens de 15 minutes planifiés à l'avance."),
        start_time=dt.time(9, 0), end_time=dt.time(17, 0), slot_minutes=15,
        breaks=[["12:30", "13:30"]], min_gap_slots=0, max_wishes=6, max_interviews_per_candidate=4,
        status=EventStatus.OPEN, table_rows=6, **dates,
    )
    db.session.add(event)
    employer_rows = _make_employers(rng, event, employers)
    db.session.flush()
    opened = dates["signup_opens"].replace(tzinfo=dt.UTC)
    candidate_rows = _make_candidates(rng, event, candidates, employer_rows, opened)
    db.session.flush()
    _make_preselections(rng, employer_rows, candidate_rows)
    # Its own generator: the people above stay what they were before the demo asked questions.
    _make_questions(random.Random(seed * 7919 + 1), event, employer_rows, candidate_rows)
    db.session.commit()
    return event


AVAILABILITY = ["Immédiate", "Sous un mois", "Dans deux à trois mois"]
NOTES = ["Motivé·e et disponible rapidement.", "Je cherche un poste près de Lens, j'ai une voiture.",
         "Reconversion après dix ans dans le commerce.", "Disponible aussi le samedi."]


def _make_questions(rng: random.Random, event: Event, employers: list[Employer],
                    candidates: list[Candidate]) -> None:
    """Two questions to everybody, an optional word, and a question on a care offer and a warehouse offer; the
    candidates answer them (those of an offer when they wish it)."""
    asked = [Question(event=event, kind=QuestionKind.YESNO, label="Avez-vous le permis B ?", required=True,
                      position=1),
             Question(event=event, kind=QuestionKind.CHOICE, label="Disponibilité", required=True, position=2,
                      help_text="À partir de quand pouvez-vous commencer ?", choices=AVAILABILITY),
             Question(event=event, kind=QuestionKind.TEXT, label="Un mot pour les recruteurs", position=3)]
    per_offer: dict[int, Question] = {}
    for sector, label, kind in (("Santé", "Acceptez-vous de travailler de nuit ou le week-end ?", QuestionKind.YESNO),
                                ("Logistique", "Quels CACES avez-vous ?", QuestionKind.TEXT)):
        employer = next((e for e in employers if e.sector == sector and e.offers), None)
        if employer is None:  # a demo with few employers
            continue
        offer = employer.offers[0]
        question = Question(event=event, offer=offer, kind=kind, label=label, required=kind == QuestionKind.YESNO,
                            position=1)
        asked.append(question)
        per_offer[id(offer)] = question
    db.session.add_all(asked)
    db.session.flush()
    licence, when, note = asked[:3]
    for candidate in candidates:
        values = {licence: rng.choices(["yes", "no"], weights=[70, 30])[0], when: rng.choice(AVAILABILITY)}
        if rng.random() < 0.25:
            values[note] = rng.choice(NOTES)
        for wish in candidate.wishes:
            offer_question = per_offer.get(id(wish.offer)) if wish.offer is not None else None
            if offer_question is not None:
                values[offer_question] = rng.choice(["yes", "no"]) if offer_question.kind == QuestionKind.YESNO \
                    else rng.choice(["CACES 1 et 3", "CACES 5", "Aucun pour l'instant"])
        db.session.add_all(Answer(event_id=event.id, candidate=candidate, question=question, value=value)
                           for question, value in values.items())


def _make_employers(rng: random.Random, event: Event, count: int) -> list[Employer]:
    sectors = list(SECTOR_NAMES)
    used: set[str] = set()
    rows, next_table = [], 1
    for index in range(count):
        sector = sectors[index % len(sectors)]
        stems, jobs = SECTORS[sector]
        name = ""
        while not name or name in used:
            name = f"{rng.choice(PREFIXES)}{rng.choice(stems)} {rng.choice(PLACES)}".strip()
            if name in used:
                name = f"{name} {rng.randint(2, 99)}"
        used.add(name)
        tables = rng.choices([1, 2, 3, 4], weights=[40, 35, 15, 10])[0]
        contact = f"{rng.choice(FIRST_NAMES_CONTACT)} {rng.choice(LAST_NAMES)}"
        employer = Employer(
            event=event, company=name, sector=sector, contact_name=contact,
            description=f"{name} recrute dans {IN_SECTOR[sector]} sur le bassin lensois.",
            email=f"recrutement{index + 1}@{_ascii(name.split()[-1])}-{index + 1}.exemple.fr",
            phone=f"03 21 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
            tables=tables, first_table=next_table, available=_presence(rng),
            preferred=[["09:00", "12:30"]] if rng.random() < 0.2 else [],
            max_interviews=rng.choice([None, None, None, 12, 16]) if tables == 1 else None,
            max_consecutive=rng.choice([None, 6, 8]),
        )
        next_table += tables
        for title, contracts in rng.sample(jobs, k=min(len(jobs), rng.randint(1, 3))):
            employer.offers.append(Offer(
                title=title, contract_type=ContractType(rng.choice(contracts)),
                description=f"{job_phrase(title)} basé dans l'Artois.",
            ))
        if tables >= 2 and len(employer.offers) >= 2 and rng.random() < 0.5:
            # Bind the first offer to table 1: a specialist recruiter interviews for it.
            employer.offers[0].tables = [1]
        db.session.add(employer)
        rows.append(employer)
    return rows


def _make_candidates(rng: random.Random, event: Event, count: int, employers: list[Employer],
                     signed_up_from: dt.datetime) -> list[Candidate]:
    # Skewed popularity: a few employers are wanted by many (Zipf-like weights over a shuffled order).
    order = employers[:]
    rng.shuffle(order)
    weights = [1.0 / (rank + 1) ** 0.9 for rank in range(len(order))]
    situations = list(Situation)
    levels = list(EducationLevel)
    rows = []
    for index in range(count):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        postcode, town = rng.choice(TOWNS)
        candidate = Candidate(
            event=event, first_name=first, last_name=last,
            email=f"{_ascii(first)}.{_ascii(last.replace(' ', '-'))}.{index + 1}@exemple.fr",
            phone=f"06 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
            postcode=postcode, town=town,
            situation=rng.choices(situations, weights=[50, 20, 10, 15, 5])[0],
            education_level=rng.choice(levels),
            wanted_contracts=sorted(rng.sample([c.value for c in ContractType], k=rng.randint(1, 3))),
            available=_presence(rng),
            accessibility_needs="Fauteuil roulant : table accessible." if rng.random() < 0.02 else "",
            consent_at=signed_up_from + dt.timedelta(minutes=rng.randint(0, 60 * 24 * 13)),
        )
        chosen: list[Employer] = []
        wanted = min(rng.randint(3, 6), len(order))
        while len(chosen) < wanted:
            pick = rng.choices(order, weights=weights)[0]
            if pick not in chosen:
                chosen.append(pick)
        for rank, employer in enumerate(chosen, start=1):
            offer = rng.choice(employer.offers) if employer.offers and rng.random() < 0.5 else None
            candidate.wishes.append(Wish(employer=employer, offer=offer, rank=rank))
        db.session.add(candidate)
        rows.append(candidate)
    return rows


def _make_preselections(rng: random.Random, employers: list[Employer], candidates: list[Candidate]) -> None:
    wished_by: dict[int, list[Candidate]] = {}
    for candidate in candidates:
        for wish in candidate.wishes:
            wished_by.setdefault(wish.employer_id, []).append(candidate)
    for employer in employers:
        if rng.random() >= 0.35:
            continue
        for candidate in wished_by.get(employer.id, []):
            roll = rng.random()
            decision = (Decision.DECLINED if roll < 0.08 else Decision.FAVOURITE if roll < 0.22
                        else Decision.ACCEPTED if roll < 0.6 else None)
            if decision is not None:
                db.session.add(Preselection(employer=employer, candidate=candidate, decision=decision))
