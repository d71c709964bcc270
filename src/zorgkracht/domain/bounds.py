"""The bounds of every number in a case: defined once, used on every way in.

The case file reader and its JSON Schema (``Field(ge=..., le=...)``), the edit operations, the
network list reader and the case rules (:mod:`zorgkracht.domain.rules`) all take their numbers
from here, so a year that one of them accepts is accepted by all. The size limits of a case
(how many persons, how long a name) are in :mod:`zorgkracht.domain.limits`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from .errors import Problem

N = TypeVar("N", int, float)


@dataclass(frozen=True, slots=True)
class Bound(Generic[N]):
    """The closed range ``low``–``high`` of a number (no upper end when ``high`` is ``None``),
    with what the number is called in Dutch and English."""

    low: N
    high: N | None
    nl: str
    en: str

    def holds(self, value: float) -> bool:
        return self.low <= value and (self.high is None or value <= self.high)

    def problem(self, where: str, value: float) -> Problem | None:
        """Why ``value`` is out of bounds (code ``out_of_range``), or ``None``."""
        if self.holds(value):
            return None
        if self.high is None:
            return Problem(
                where,
                f"{self.nl} {value} is kleiner dan {self.low}",
                f"{self.en} {value} is less than {self.low}",
                "out_of_range",
            )
        return Problem(
            where,
            f"{self.nl} {value} ligt niet tussen {self.low} en {self.high}",
            f"{self.en} {value} is not between {self.low} and {self.high}",
            "out_of_range",
        )


MIN_YEAR = 1000
MAX_YEAR = 2200
MAX_AGE = 130

YEAR = Bound(MIN_YEAR, MAX_YEAR, "jaar", "year")
"""Birth and death years, couple start and end years, life events."""
AGE = Bound(0, MAX_AGE, "leeftijd", "age")
WEIGHT = Bound(1, 5, "gewicht", "weight")
"""How much a member matters to the client (netwerkschema)."""
STRENGTH = Bound(1, 3, "sterkte", "strength")
"""Strength of a tie: 1 weak, 2 normal, 3 strong."""
CARE_HOURS = Bound(0, 168, "zorguren per week", "care hours a week")
"""Hours of care a week (a week has 168 hours)."""
CARE_MONTHS = Bound(0, None, "zorgmaanden", "care months")
VALENCE = Bound(-3, 3, "waardering", "valence")
"""How positive (up to 3) or negative (down to -3) a life event was."""
PRIORITY = Bound(1, 99, "prioriteit", "priority")
"""Rank of a help question: 1 first; 1-3 are the top 3."""
MEETING_MINUTES = Bound(1, 24 * 60, "duur in minuten", "length in minutes")
STEP = Bound(1, 10, "stap", "step")
"""A step of a phasing (the network coach has ten)."""
COORDINATE = Bound(-1e6, 1e6, "coördinaat", "coordinate")
"""A manual position on a picture."""
