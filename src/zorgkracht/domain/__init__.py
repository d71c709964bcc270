"""Pure domain: codes, the case model and its invariants. Imports nothing of ours.

The names below are loaded when first used (PEP 562), so that a command that needs only the
errors (``zorgkracht --help``, ``version``) does not load the model, the codes and the rules.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .errors import Conflict, InvalidInput, NotFound, Problem, ZorgkrachtError

if TYPE_CHECKING:
    from .codes import *  # noqa: F403
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

_WHERE: dict[str, str] = {
    **dict.fromkeys(
        (
            "Case",
            "ChildRelation",
            "Condition",
            "CoupleRelation",
            "Domain",
            "EmotionalRelation",
            "InstrumentResponse",
            "LifeEvent",
            "Network",
            "Person",
            "Point",
            "Snapshot",
            "Tie",
        ),
        "model",
    ),
    "check_case": "invariants",
    "validate_case": "invariants",
}


def __getattr__(name: str) -> Any:
    """``Case``, ``validate_case``, every code of :mod:`.codes` ...: loaded on first use."""
    module = _WHERE.get(name, "codes")
    if name.startswith("_"):
        raise AttributeError(name)
    value = getattr(importlib.import_module(f".{module}", __name__), name, None)
    if value is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


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
