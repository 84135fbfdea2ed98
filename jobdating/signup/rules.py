"""What makes a sign-up acceptable, checked without saving: the forms list every problem in one round, and the
registration service applies the same rules before it writes anything."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from flask import has_request_context, request
from flask_babel import lazy_gettext as _l

from jobdating.core import lookup, times
from jobdating.core.keys import employer_key, offer_key
from jobdating.core.models import ContractType, Employer, Event, Offer, Question, QuestionKind
from jobdating.core.questions import MAX_ANSWER, NO, YES, questionnaire

Target = tuple[Employer, Offer | None]
TargetIds = tuple[int, int | None]


class RegistrationError(ValueError):
    """A problem the person can fix; `field` names the form field it belongs to, when there is one."""

    def __init__(self, message: Any, field: str | None = None):
        super().__init__(str(message))
        self.message, self.field = message, field


class DuplicateEmail(RegistrationError):
    """This email is already signed up for this event: offer to send the private link again."""


class SignupClosed(RegistrationError):
    """Sign-up is not open (not yet, or any more)."""


def check_windows(event: Event, available: list, field: str) -> list:
    """The windows as stored (["HH:MM", "HH:MM"] pairs), or an error when one lies outside the event's hours."""
    windows_list = [[str(a), str(b)] for a, b in available or []]
    if not times.inside_event(event, windows_list):
        raise RegistrationError(_l("Choisissez une plage comprise entre %(start)s et %(end)s.",
                                   start=event.start_time.strftime("%H:%M"),
                                   end=event.end_time.strftime("%H:%M")), field)
    return windows_list


def wish_targets(event: Event) -> dict[str, Target]:
    """Every employer and offer of the event a candidate may wish, by key ('E12', 'O34')."""
    targets: dict[str, Target] = {}
    for employer in event.employers:
        if employer.approval_pending:  # not approved by the organizers yet
            continue
        targets[employer_key(employer)] = (employer, None)
        for offer in employer.offers:
            targets[offer_key(offer)] = (employer, offer)
    return targets


def wish_target_ids(event: Event) -> dict[str, TargetIds]:
    """Every employer and offer of the event a candidate may wish, by key, as (employer id, offer id or None);
    built once per request from its choices (an imported list checks hundreds of candidates' wishes)."""
    choices = lookup.wish_choices(event)
    cached = getattr(request, "wish_target_ids", None) if has_request_context() else None
    if cached is not None and cached[0] is choices:
        return cached[1]
    targets: dict[str, TargetIds] = {}
    for choice in choices:
        targets.setdefault(employer_key(choice.employer_id), (choice.employer_id, None))
        if choice.offer_id is not None:
            targets[offer_key(choice.offer_id)] = (choice.employer_id, choice.offer_id)
    if has_request_context():
        request.wish_target_ids = (choices, targets)  # type: ignore[attr-defined]
    return targets


def build_wishes(event: Event, keys: Sequence[str]) -> list[TargetIds]:
    """The checked (employer id, offer id) of ranked wish keys, best first (Wish rows are made when stored)."""
    chosen = [key for key in keys if key]
    if not chosen:
        raise RegistrationError(_l("Choisissez au moins un employeur ou une offre."), "wishes")
    if len(chosen) > event.max_wishes:
        raise RegistrationError(_l("Vous pouvez faire au plus %(n)d vœux.", n=event.max_wishes), "wishes")
    targets = wish_target_ids(event)
    wishes: list[TargetIds] = []
    whole_employers: set[int] = set()
    offer_employers: set[int] = set()
    for rank, key in enumerate(chosen, start=1):
        if key not in targets:
            raise RegistrationError(_l("Ce choix ne fait pas partie de ce job dating."), "wishes")
        if chosen.index(key) != rank - 1:
            raise RegistrationError(_l("Vous avez choisi deux fois la même chose : chaque vœu doit être "
                                       "différent."), "wishes")
        employer_id, offer_id = targets[key]
        (offer_employers if offer_id else whole_employers).add(employer_id)
        wishes.append((employer_id, offer_id))
    if whole_employers & offer_employers:
        raise RegistrationError(_l("Vous avez choisi une entreprise et aussi une de ses offres : gardez "
                                   "l'une ou l'autre."), "wishes")
    return wishes


def kept_offer_rows(rows: Iterable[dict[str, Any]], tables: int) -> list[dict[str, Any]]:
    """The offer rows to keep (a row without a title or marked for removal is dropped), each checked."""
    kept = []
    for row in rows:
        title = (row.get("title") or "").strip()
        if row.get("remove") or not title:
            continue
        if any(int(t) < 1 or int(t) > tables for t in row.get("tables") or []):
            raise RegistrationError(_l("Les tables d'une offre vont de 1 à %(n)d.", n=tables), "offers")
        if row.get("contract_type") not in {c.value for c in ContractType}:
            raise RegistrationError(_l("Choisissez le type de contrat de chaque offre."), "offers")
        kept.append({**row, "title": title})
    if not kept:
        raise RegistrationError(_l("Décrivez au moins une offre (intitulé et type de contrat)."), "offers")
    return kept


def _problems(*checks) -> list[RegistrationError]:
    problems = []
    for check, *args in checks:
        try:
            check(*args)
        except RegistrationError as error:
            problems.append(error)
    return problems


def wished_offers(keys: Iterable[str]) -> set[int]:
    """The offer ids among wish keys ('O34')."""
    return {int(key[1:]) for key in keys if key and key[0] == "O" and key[1:].isdigit()}


def asked_questions(event: Event, offers: set[int]) -> list[Question]:
    """The questions a candidate answers: the event's own, and those of the offers they wish."""
    asked = questionnaire(event)
    return asked.general + [q for group in asked.offers if group.offer_id in offers for q in group.questions]


def answer_problems(event: Event, answers: dict[int, str], offers: set[int]) -> list[RegistrationError]:
    """Every problem of a candidate's answers, each on its field ("answers-q12"); an offer's questions count only
    when the offer is wished."""
    problems = []
    for question in asked_questions(event, offers):
        value, field = (answers.get(question.id) or "").strip(), f"answers-q{question.id}"
        if not value:
            if question.required and question.offer_id is None:
                problems.append(RegistrationError(_l("Répondez à cette question."), field))
            elif question.required:
                problems.append(RegistrationError(_l("Répondez à cette question : elle est obligatoire pour "
                                                     "l'offre que vous avez choisie."), field))
        elif question.kind == QuestionKind.YESNO and value not in (YES, NO):
            problems.append(RegistrationError(_l("Répondez par oui ou par non."), field))
        elif question.kind == QuestionKind.CHOICE and value not in question.choices:
            problems.append(RegistrationError(_l("Choisissez une des réponses proposées."), field))
        elif len(value) > MAX_ANSWER:
            problems.append(RegistrationError(_l("Votre réponse fait au plus %(n)d caractères.", n=MAX_ANSWER),
                                              field))
    return problems


def kept_answers(event: Event, answers: dict[int, str], offers: set[int]) -> dict[int, str]:
    """The answers to store (question id -> value): those to the questions asked, not empty; or the first
    problem."""
    problems = answer_problems(event, answers, offers)
    if problems:
        raise problems[0]
    return {q.id: value for q in asked_questions(event, offers) if (value := (answers.get(q.id) or "").strip())}


def candidate_problems(event: Event, wishes: Sequence[str], available: list | None,
                       answers: dict[int, str] | None = None) -> list[RegistrationError]:
    """Every problem of a candidate's wishes, availability (None: not readable yet) and answers (None: the form
    has no questions)."""
    checks: list = [(build_wishes, event, wishes)]
    if available is not None:
        checks.append((check_windows, event, available, "availability"))
    problems = _problems(*checks)
    if answers is not None:
        problems += answer_problems(event, answers, wished_offers(wishes))
    return problems


def employer_problems(event: Event, offers: Sequence[dict[str, Any]], tables: int | None,
                      available: list | None, preferred: list | None) -> list[RegistrationError]:
    """Every problem of an employer's offers and times (None: that part of the form is not readable yet)."""
    checks: list = [(kept_offer_rows, offers, tables if tables and 1 <= tables <= 10 else 10)]
    if available is not None:
        checks.append((check_windows, event, available, "presence"))
    if preferred is not None:
        checks.append((check_windows, event, preferred, "preferred"))
    return _problems(*checks)


def preference_outside_presence(event: Event, available: list | None, preferred: list | None) -> bool:
    """Whether the preferred time lies (partly) outside the employer's presence: it cannot be fully honoured."""
    if not preferred:
        return False
    presence = available or [[times.hhmm(event.start_time), times.hhmm(event.end_time)]]
    return not all(times.within(presence, times.minutes_of(a), times.minutes_of(b)) for a, b in preferred)
