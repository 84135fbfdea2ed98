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
    Slot,
    TableSign,
    room_in_rows,
)
from .layouts import DEFAULT_LAYOUT, LAYOUTS, SheetLayout

__all__ = [
    "DEFAULT_LAYOUT", "LAYOUTS", "Break", "CandidateBadge", "CandidateInterview", "CandidatePlan",
    "EmployerBadge", "EmployerInterview", "EmployerSheet", "EventInfo", "RoomTable", "SheetLayout", "Slot",
    "TableSign", "render_badges", "room_in_rows",
]
