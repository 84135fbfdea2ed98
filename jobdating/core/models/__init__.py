"""SQLAlchemy models of a job dating: events, people, schedule, accounts."""
from jobdating.core.models.accounts import AuditEntry, Organizer
from jobdating.core.models.base import new_token
from jobdating.core.models.events import (
    CONTRACT_LABELS,
    SECTOR_NAMES,
    ContractType,
    Employer,
    Event,
    EventStatus,
    Offer,
)
from jobdating.core.models.people import (
    EDUCATION_LABELS,
    SITUATION_LABELS,
    Candidate,
    Decision,
    EducationLevel,
    Preselection,
    Situation,
    Wish,
)
from jobdating.core.models.schedule import CheckIn, Interview, Outcome, RunStatus, SolveRun

__all__ = [
    "AuditEntry", "Candidate", "CheckIn", "CONTRACT_LABELS", "ContractType", "Decision",
    "EDUCATION_LABELS", "EducationLevel", "Employer", "Event", "EventStatus", "Interview", "Offer",
    "Organizer", "Outcome", "Preselection", "RunStatus", "SECTOR_NAMES", "SITUATION_LABELS", "Situation", "SolveRun",
    "Wish", "new_token",
]
