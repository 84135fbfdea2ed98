"""Printed documents of an event: gather plain rows from the database and hand them to jobdating.pdf."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from jobdating import pdf
from jobdating.core.mail import private_url
from jobdating.core.models import SITUATION_LABELS, Candidate, Employer, Event, Interview, Wish
from jobdating.core.plans import in_default_language
from jobdating.core.times import event_local_now, parse_hhmm
from jobdating.extensions import db

DOCUMENTS = {
    "badges": "badges",
    "plans": "plannings-candidats",
    "employers": "fiches-employeurs",
    "signs": "panneaux-tables",
    "grid": "grille-accueil",
}


def _end(event: Event, start: dt.time) -> dt.time:
    return (dt.datetime.combine(event.date, start) + dt.timedelta(minutes=event.slot_minutes)).time()


def checkin_url(candidate: Candidate) -> str:
    """What a candidate's badge QR code carries: a check-in link that opens nothing private (frontdesk.badge)."""
    return private_url("frontdesk.badge", candidate.badge_token)


def event_info(event: Event) -> pdf.EventInfo:
    tables = [(number, e.company) for e in event.employers for number in e.room_tables()]
    return pdf.EventInfo(
        name=event.name, date=event.date, venue=event.venue,
        slots=tuple(pdf.Slot(s, _end(event, s)) for s in event.slot_starts()),
        breaks=tuple(pdf.Break(parse_hhmm(a), parse_hhmm(b)) for a, b in event.breaks or []),
        room=pdf.room_in_rows(tables, event.table_rows or 1),
        arrive_minutes_before=arrive_minutes_before(),
    )


def arrive_minutes_before() -> int:
    """How early candidates are asked to come (ARRIVE_MINUTES_BEFORE): the same on their page and their plan."""
    return int(current_app.config["ARRIVE_MINUTES_BEFORE"])


def _offer_titles(interview: Interview) -> str:
    titles = {o.id: o.title for o in interview.employer.offers}
    covered = [titles[i] for i in interview.offers or [] if i in titles]
    if covered:
        return ", ".join(covered)
    wished = [w.offer.title for w in interview.candidate.wishes
              if w.employer_id == interview.employer_id and w.offer is not None]
    return ", ".join(wished)


def candidate_plan(candidate: Candidate, when: dt.datetime | None = None) -> pdf.CandidatePlan:
    """A candidate's plan as it stands; printed on the event day (`when`, wall clock), it says whether to come
    by the desk or go straight to the table."""
    interviews = sorted(candidate.interviews, key=lambda i: i.start)
    on_the_day = when is not None and when.date() == candidate.event.date
    return pdf.CandidatePlan(
        first_name=candidate.first_name, last_name=candidate.last_name,
        checked_in=candidate.arrived_at is not None, printed_at=when.time() if on_the_day and when else None,
        interviews=tuple(
            pdf.CandidateInterview(start=i.start, end=i.end, company=i.employer.company,
                                   offer=_offer_titles(i), table=i.room_table)
            for i in interviews
        ),
    )


def published_candidate_plan(candidate: Candidate, rows: list[dict]) -> pdf.CandidatePlan:
    """A candidate's plan from the published copy (services.planning), what their private page shows."""
    now = event_local_now(candidate.event)
    return pdf.CandidatePlan(
        first_name=candidate.first_name, last_name=candidate.last_name, checked_in=candidate.arrived_at is not None,
        printed_at=now.time() if now.date() == candidate.event.date else None,
        interviews=tuple(pdf.CandidateInterview(start=parse_hhmm(r["start"]), end=parse_hhmm(r["end"]),
                                                company=r["company"], offer=", ".join(r["offers"]), table=r["table"])
                         for r in rows),
    )


def published_employer_sheets(employer: Employer, rows: list[dict]) -> list[pdf.EmployerSheet]:
    """An employer's table sheets from the published copy, one per room table."""
    present_from, present_until = _presence(employer)
    return [
        pdf.EmployerSheet(
            company=employer.company, table=room, contact_name=employer.contact_name,
            present_from=present_from, present_until=present_until,
            interviews=tuple(pdf.EmployerInterview(start=parse_hhmm(r["start"]), end=parse_hhmm(r["end"]),
                                                   candidate_name=r["candidate"], situation=r.get("situation", ""),
                                                   offer=", ".join(r["offers"]))
                             for r in rows if r["table"] == room),
        )
        for room in employer.room_tables()
    ]


def render_published_plan(person: Candidate | Employer, rows: list[dict]) -> bytes:
    """The PDF a candidate or an employer downloads from their private page."""
    info = event_info(person.event)
    if isinstance(person, Candidate):
        return pdf.render_candidate_plans(info, [published_candidate_plan(person, rows)])
    return pdf.render_employer_sheets(info, published_employer_sheets(person, rows))


def _presence(employer: Employer) -> tuple[dt.time | None, dt.time | None]:
    windows = sorted(employer.available or [])
    if not windows:
        return None, None
    return parse_hhmm(windows[0][0]), parse_hhmm(windows[-1][1])


def employer_sheets(employer: Employer) -> list[pdf.EmployerSheet]:
    present_from, present_until = _presence(employer)
    sheets = []
    for table in range(1, employer.tables + 1):
        interviews = sorted((i for i in employer.interviews if i.table == table), key=lambda i: i.start)
        sheets.append(pdf.EmployerSheet(
            company=employer.company, table=employer.room_table(table), contact_name=employer.contact_name,
            present_from=present_from, present_until=present_until,
            interviews=tuple(
                pdf.EmployerInterview(start=i.start, end=i.end, candidate_name=i.candidate.full_name,
                                      situation=in_default_language(SITUATION_LABELS[i.candidate.situation]),
                                      offer=_offer_titles(i))
                for i in interviews
            ),
        ))
    return sheets


def team_names(employer: Employer) -> list[str]:
    """Who comes for the employer: the contact, then the recruiters of its team, each name once."""
    names: dict[str, str] = {}
    for name in [employer.contact_name, *(r.name for r in employer.recruiters)]:
        name = " ".join((name or "").split())
        if name:
            names.setdefault(name.casefold(), name)
    return list(names.values())


def employer_badges(employer: Employer, blank: int = 0) -> list[pdf.EmployerBadge]:
    """One badge per person of the team (one blank badge if nobody is named), or `blank` blank-name badges."""
    tables = tuple(employer.room_tables())
    names = [] if blank else team_names(employer)
    return ([pdf.EmployerBadge(name, employer.company, tables) for name in names]
            or [pdf.EmployerBadge("", employer.company, tables, blank=True)] * max(1, blank))


def table_signs(employer: Employer) -> list[pdf.TableSign]:
    signs = []
    for table in range(1, employer.tables + 1):
        offers = tuple(o.title for o in employer.offers if not o.tables or table in o.tables)
        signs.append(pdf.TableSign(company=employer.company, table=employer.room_table(table), offers=offers))
    return signs


def _by_name(candidates: Iterable[Candidate]) -> list[Candidate]:
    return sorted(candidates, key=lambda c: (c.last_name.casefold(), c.first_name.casefold(), c.id))


def _preload(event: Event) -> None:
    """Load the whole event in a handful of queries instead of a few per person (2,000 plans: seconds saved)."""
    db.session.scalars(
        select(Event).where(Event.id == event.id).execution_options(populate_existing=True).options(
            selectinload(Event.employers).selectinload(Employer.offers),
            selectinload(Event.employers).selectinload(Employer.interviews),
            selectinload(Event.employers).selectinload(Employer.recruiters),
            selectinload(Event.candidates).selectinload(Candidate.interviews),
            selectinload(Event.candidates).selectinload(Candidate.wishes).selectinload(Wish.offer),
        )).one()


def render(event: Event, document: str, *, candidates: Iterable[Candidate] | None = None,
           employers: Iterable[Employer] | None = None, blank: int = 0, when: dt.datetime | None = None) -> bytes:
    """One document of DOCUMENTS for the whole event, or only for the given candidates / employers.

    Badges with blank > 0: only blank-name badges, that many for each employer (none for candidates).
    """
    whole_event = candidates is None and employers is None
    if whole_event:
        _preload(event)
    info = event_info(event)
    employer_rows = list(event.employers if employers is None else employers)
    if document == "badges":
        candidate_rows = [] if blank else _by_name(event.candidates if whole_event else candidates or [])
        badge_employers = employer_rows if whole_event or employers is not None else []
        return pdf.render_badges(
            info,
            candidates=[pdf.CandidateBadge(c.first_name, c.last_name, checkin_url(c)) for c in candidate_rows],
            employers=[badge for e in badge_employers for badge in employer_badges(e, blank)],
        )
    if document == "plans":
        rows = _by_name(candidates if candidates is not None else (c for c in event.candidates if c.interviews))
        return pdf.render_candidate_plans(info, [candidate_plan(c, when) for c in rows])
    if document == "employers":
        return pdf.render_employer_sheets(info, [s for e in employer_rows for s in employer_sheets(e)])
    if document == "signs":
        return pdf.render_table_signs(info, [s for e in employer_rows for s in table_signs(e)])
    if document == "grid":
        return pdf.render_front_desk_grid(info, [s for e in employer_rows for s in employer_sheets(e)])
    raise ValueError(f"unknown document {document!r}")


def filename(event: Event, document: str, suffix: str = "") -> str:
    return f"{event.slug}-{DOCUMENTS[document]}{('-' + suffix) if suffix else ''}.pdf"
