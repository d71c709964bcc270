"""Variety (gevarieerdheid, heterogeneity) of the network: Blau's index and the IQV.

For a variable with ``k`` possible categories and ``pᵢ`` the share of members in category
``i`` (among the ``n`` members whose value is known):

* Blau's index of heterogeneity (Blau 1977): ``B = 1 − Σ pᵢ²``. It is 0 when everyone is in
  one category and at most ``(k − 1)/k`` when the members are spread evenly.
* The index of qualitative variation (IQV; Agresti & Agresti 1978, Mueller & Schuessler 1961)
  normalises it to 0–1: ``IQV = B × k / (k − 1)``.

Members with an unknown value are left out of the computation and counted as ``unknown``.
Both indices are ``None`` (undefined) when no member has a known value. MSNA (Baars 1990)
uses variety over sector, role, gender, age group and education; a varied network is a vital
one (Scheffers, book ch. 4). ``Gender.UNKNOWN`` counts as unknown, so gender has ``k = 3``
(male, female, other).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from enum import Enum

from zorgkracht.domain.codes import AgeGroup, EducationLevel, Gender, Role, Sector
from zorgkracht.domain.model import Person

from .results import Variety, VarietyMeasure


def blau(counts: Iterable[int]) -> float | None:
    """Blau's index ``1 − Σ pᵢ²`` of category counts; ``None`` when the counts sum to 0."""
    values = [c for c in counts if c > 0]
    total = sum(values)
    if total == 0:
        return None
    return 1.0 - sum((c / total) ** 2 for c in values)


def iqv(blau_index: float | None, k: int) -> float | None:
    """IQV ``B × k / (k − 1)``; ``None`` when B is undefined or there is only one category."""
    if blau_index is None or k < 2:
        return None
    return blau_index * k / (k - 1)


def variety_of(
    members: Iterable[Person], key: Callable[[Person], Enum | None], k: int
) -> VarietyMeasure:
    """Blau, IQV, category count ``k``, known ``n``, ``unknown`` and the counts themselves."""
    counts: Counter[str] = Counter()
    unknown = 0
    for person in members:
        value = key(person)
        if value is None:
            unknown += 1
        else:
            counts[str(value.value)] += 1
    b = blau(counts.values())
    return {
        "blau": b,
        "iqv": iqv(b, k),
        "k": k,
        "n": sum(counts.values()),
        "unknown": unknown,
        "counts": dict(sorted(counts.items())),
    }


def _gender(person: Person) -> Gender | None:
    return None if person.gender is Gender.UNKNOWN else person.gender


def variety_measures(members: list[Person], year: int) -> Variety:
    """Variety over sector, role, gender, age group (in ``year``) and education."""
    return {
        "sector": variety_of(members, lambda p: p.sector, len(Sector)),
        "role": variety_of(members, lambda p: p.role, len(Role)),
        "gender": variety_of(members, _gender, len(Gender) - 1),
        "age_group": variety_of(members, lambda p: p.age_group_in(year), len(AgeGroup)),
        "education": variety_of(members, lambda p: p.education, len(EducationLevel)),
    }
