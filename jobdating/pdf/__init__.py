"""Printed documents of an event: plain dataclasses in (see data.py), PDF bytes out."""
from .badges import render_badges
from .data import (
    Break,
    CandidateBadge,
    CandidateInterview,
    CandidatePlan,
    EmployerBadge,
    EmployerInterview,
    EmployerSheet,
    EventInfo,
    RoomTable,
    Shortlist,
    ShortlistEntry,
    Slot,
    TableSign,
    room_in_rows,
)
from .employer_sheets import render_employer_sheets
from .grid import render_front_desk_grid
from .layouts import DEFAULT_LAYOUT, LAYOUTS, SheetLayout
from .plans import render_candidate_plans
from .report import Report, render_report
from .shortlist import render_shortlists
from .signs import render_table_signs

__all__ = [
    "DEFAULT_LAYOUT", "LAYOUTS", "Break", "CandidateBadge", "CandidateInterview", "CandidatePlan",
    "EmployerBadge", "EmployerInterview", "EmployerSheet", "EventInfo", "Report", "RoomTable", "SheetLayout",
    "Shortlist", "ShortlistEntry", "Slot", "TableSign", "render_badges", "render_candidate_plans",
    "render_employer_sheets", "render_front_desk_grid", "render_report", "render_shortlists", "render_table_signs",
    "room_in_rows",
]
