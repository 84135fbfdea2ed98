"""Small factories for the PDF renderers' dataclasses."""
from __future__ import annotations

import datetime as dt

import pytest
from pdfdata import COMPANIES, at, slots_between

from jobdating.pdf import (
    Break,
    CandidateBadge,
    CandidateInterview,
    CandidatePlan,
    EmployerBadge,
    EmployerInterview,
    EmployerSheet,
    EventInfo,
    TableSign,
    room_in_rows,
)


@pytest.fixture
def make_event():
    def make(**overrides) -> EventInfo:
        values = dict(
            name="Job dating Connec'Tic Day", date=dt.date(2025, 10, 14), venue="Salle Jean-Nohain, Lens",
            slots=slots_between("09:00", "12:00") + slots_between("13:30", "16:00"),
            breaks=(Break(at("12:00"), at("13:30"), "Pause déjeuner"),),
            room=room_in_rows([(n + 1, c) for n, c in enumerate(COMPANIES)], 2),
        )
        values.update(overrides)
        return EventInfo(**values)
    return make


@pytest.fixture
def make_candidate_badge():
    def make(first_name="Anaïs", last_name="Lefèvre-Da Conceição", token="a1b2c3") -> CandidateBadge:
        return CandidateBadge(first_name, last_name, f"https://jobdating.example.org/accueil/{token}")
    return make


@pytest.fixture
def make_employer_badge():
    def make(contact_name="Sophie Durand", company="Leroy Merlin", tables=(3,)) -> EmployerBadge:
        return EmployerBadge(contact_name, company, tuple(tables))
    return make


@pytest.fixture
def make_plan():
    def make(first_name="Łukasz", last_name="Nowak", interviews=None) -> CandidatePlan:
        if interviews is None:
            interviews = (
                CandidateInterview(at("10:30"), at("10:45"), "Leroy Merlin", "Conseiller·ère de vente", 3),
                CandidateInterview(at("09:15"), at("09:30"), "SNCF Voyageurs", "Conducteur·rice de train", 2),
            )
        return CandidatePlan(first_name, last_name, tuple(interviews))
    return make


@pytest.fixture
def make_sheet():
    def make(company="Leroy Merlin", table=3, interviews=None, **overrides) -> EmployerSheet:
        if interviews is None:
            interviews = (
                EmployerInterview(at("14:00"), at("14:15"), "Anaïs Lefèvre-Da Conceição", "Étudiant·e",
                                  "Conseiller·ère de vente"),
                EmployerInterview(at("09:00"), at("09:15"), "Łukasz Nowak", "En reconversion", "Magasinier·ère"),
            )
        return EmployerSheet(company, table, "Sophie Durand", tuple(interviews), **overrides)
    return make


@pytest.fixture
def make_sign():
    def make(company="Leroy Merlin", table=3, offers=("Conseiller·ère de vente", "Magasinier·ère")) -> TableSign:
        return TableSign(company, table, tuple(offers))
    return make
