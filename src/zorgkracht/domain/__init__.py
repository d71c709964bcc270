"""Pure domain: codes, the case model and its invariants. Imports nothing of ours."""

from .codes import *  # noqa: F403
from .errors import Conflict, InvalidInput, NotFound, Problem, ZorgkrachtError
from .invariants import check_case, validate_case
from .model import (
    Case,
    ChildRelation,
    Condition,
    CoupleRelation,
    Domain,
    EmotionalRelation,
    InstrumentResponse,
    LifeEvent,
    Network,
    Person,
    Point,
    Snapshot,
    Tie,
)

__all__ = [
    "Case",
    "ChildRelation",
    "Condition",
    "Conflict",
    "CoupleRelation",
    "Domain",
    "EmotionalRelation",
    "InstrumentResponse",
    "InvalidInput",
    "LifeEvent",
    "Network",
    "NotFound",
    "Person",
    "Point",
    "Problem",
    "Snapshot",
    "Tie",
    "ZorgkrachtError",
    "check_case",
    "validate_case",
]
