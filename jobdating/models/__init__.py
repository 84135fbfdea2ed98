"""SQLAlchemy models of a job dating: events, people, schedule, accounts."""
from .accounts import AuditEntry, Organizer
from .base import hhmm, new_token, parse_hhmm
from .events import CONTRACT_LABELS, ContractType, Employer, Event, EventStatus, Offer
from .people import (
    EDUCATION_LABELS,
    SITUATION_LABELS,
    Candidate,
    Decision,
    EducationLevel,
    Preselection,
    Situation,
    Wish,
)
from .schedule import CheckIn, Interview, Outcome, RunStatus, SolveRun

__all__ = [
    "AuditEntry", "Candidate", "CheckIn", "CONTRACT_LABELS", "ContractType", "Decision",
    "EDUCATION_LABELS", "EducationLevel", "Employer", "Event", "EventStatus", "Interview", "Offer",
    "Organizer", "Outcome", "Preselection", "RunStatus", "SITUATION_LABELS", "Situation", "SolveRun",
    "Wish", "hhmm", "new_token", "parse_hhmm",
]
