"""Carers (mantelzorgers) after the SCP definition, and what they carry.

The SCP (Oudijk et al. 2010, book ch. 2, table 2.3) counts as a *mantelzorger* someone who
gives care "meer dan 8 uur per week en/of langer dan 3 maanden": more than 8 hours a week
and/or for longer than 3 months. Here, precisely:

* A **care tie** is a client tie (see :mod:`zorgkracht.analysis.view`) whose direction is not
  ``from_client``.
* **Hours** of a member: the sum of ``care_hours_per_week`` over their care ties (``None``
  when no tie gives hours). **Intensive**: hours ``> carer_min_hours`` (default 8).
* **Months** of a care tie: ``care_months`` when given; else the number of whole calendar
  months from ``care_since`` to the reference date. A member's months are the largest over
  their ties. **Long-term**: ``care_months > carer_min_months`` (default 3), or, from a start
  date, a reference date later than the same day ``carer_min_months`` months after
  ``care_since`` (a start on 31 January plus one month is 28 or 29 February).
* A member is a **carer** when intensive, long-term or both ("en/of"). Members whose role is
  ``professional``, ``service`` or ``volunteer`` are not: mantelzorg is care that flows from
  the personal relation, not from a profession or organised volunteer work (Kwekkeboom
  1990, quoted in the book ch. 2).
* **Young**: age in the reference year below ``young_age`` (default 18), or, without an age,
  age group ``child`` or ``adolescent``. **Own needs**: a condition (illness, substance use)
  with state ``present``. Both are overload signals (Fatima's son; book ch. 10).
"""

from __future__ import annotations

import calendar
import datetime as dt

from zorgkracht.domain.codes import AgeGroup, ConditionState, Direction, Role
from zorgkracht.domain.model import Person

from .results import LETTER, Carer
from .settings import AnalysisSettings
from .view import SUPPORT_ORDER, NetworkView

NOT_MANTELZORG = frozenset({Role.PROFESSIONAL, Role.SERVICE, Role.VOLUNTEER})


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months later, clamped to the end of the month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def whole_months(start: dt.date, end: dt.date) -> int:
    """Whole calendar months from ``start`` to ``end`` (0 when ``end`` is before ``start``)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if add_months(start, months) > end:
        months -= 1
    return max(months, 0)


def is_young(person: Person, year: int, young_age: int) -> bool:
    age = person.age_in(year)
    if age is not None:
        return age < young_age
    return person.age_group_in(year) in (AgeGroup.CHILD, AgeGroup.ADOLESCENT)


def has_own_needs(person: Person) -> bool:
    return any(c.state is ConditionState.PRESENT for c in person.conditions)


def carers(
    view: NetworkView, settings: AnalysisSettings, year: int, reference: dt.date
) -> list[Carer]:
    """Carers in the SCP sense, sorted by id, with hours, months and overload markers."""
    hours: dict[str, float] = {}
    months: dict[str, int] = {}
    long_term: dict[str, bool] = {}
    for pid, tie in view.client_ties:
        if tie.direction is Direction.FROM_CLIENT:
            continue
        if tie.care_hours_per_week is not None:
            hours[pid] = hours.get(pid, 0.0) + tie.care_hours_per_week
        tie_months: int | None = None
        tie_long = False
        if tie.care_months is not None:
            tie_months = tie.care_months
            tie_long = tie.care_months > settings.carer_min_months
        elif tie.care_since is not None:
            tie_months = whole_months(tie.care_since, reference)
            tie_long = reference > add_months(tie.care_since, settings.carer_min_months)
        if tie_months is not None:
            months[pid] = max(months.get(pid, 0), tie_months)
            long_term[pid] = long_term.get(pid, False) or tie_long

    found: list[Carer] = []
    by_id = {p.id: p for p in view.members}
    for pid in sorted(set(hours) | set(months)):
        person = by_id[pid]
        if person.role in NOT_MANTELZORG:
            continue
        intensive = pid in hours and hours[pid] > settings.carer_min_hours
        lasting = long_term.get(pid, False)
        if not (intensive or lasting):
            continue
        letters = view.provided.get(pid, set())
        found.append(
            {
                "person": pid,
                "hours_per_week": hours.get(pid),
                "months": months.get(pid),
                "intensive": intensive,
                "long_term": lasting,
                "young": is_young(person, year, settings.young_age),
                "own_needs": has_own_needs(person),
                "support": [LETTER[s] for s in SUPPORT_ORDER if s in letters],
            }
        )
    return found
