"""SQLAlchemy models of a job dating: events, people, schedule, accounts."""
from jobdating.core.models.accounts import AuditEntry, Invitation, Membership, Organizer, Role
from jobdating.core.models.base import new_token
from jobdating.core.models.events import (
    CONTRACT_LABELS,
    SECTOR_NAMES,
    ContractType,
    Employer,
    Event,
    EventStatus,
    Offer,
    Recruiter,
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
from jobdating.core.models.questions import QUESTION_KIND_LABELS, Answer, Question, QuestionKind
from jobdating.core.models.rehearsal import SPEEDS, Rehearsal
from jobdating.core.models.schedule import (
    Cancellation,
    CheckIn,
    Interview,
    NextStep,
    Outcome,
    RunStatus,
    SolveRun,
    Standby,
)
from jobdating.core.models.work import ImportUpload, MailState, OutboxMail, PeriodicRun, Publication, ReminderSent

__all__ = [
    "Answer", "AuditEntry", "Cancellation", "Candidate", "CheckIn", "CONTRACT_LABELS", "ContractType", "Decision",
    "EDUCATION_LABELS", "EducationLevel", "Employer", "Event", "EventStatus", "ImportUpload", "Interview",
    "Invitation", "MailState", "Membership", "new_token", "NextStep", "Offer", "Organizer", "OutboxMail", "Outcome",
    "PeriodicRun", "Preselection", "Publication", "Question", "QUESTION_KIND_LABELS", "QuestionKind", "Recruiter",
    "Rehearsal", "ReminderSent", "Role", "RunStatus", "SECTOR_NAMES", "Situation", "SITUATION_LABELS", "SolveRun",
    "SPEEDS", "Standby", "Wish",
]
