"""Job-dating interview scheduler: fair, compact timetables with OR-Tools CP-SAT (no web dependencies)."""
from .config import SolverConfig
from .engine import solve
from .instance import (
    Candidate,
    Dropped,
    Employer,
    Event,
    Instance,
    InstanceError,
    Interview,
    Offer,
    Schedule,
    Unmet,
)
from .jsonio import dumps, instance_to_dict, load_schedule, schedule_from_dict, schedule_to_dict
from .reading import instance_from_dict, load_instance
from .validate import Report, validate

__all__ = ["Candidate", "Dropped", "Employer", "Event", "Instance", "InstanceError", "Interview", "Offer", "Report",
           "Schedule", "SolverConfig", "Unmet", "dumps", "instance_from_dict", "instance_to_dict",
           "load_instance", "load_schedule", "schedule_from_dict", "schedule_to_dict", "solve", "validate"]
