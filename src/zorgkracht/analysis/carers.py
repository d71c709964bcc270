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
* **Young**: age in the reference year below ``young_age`` (default 25), or, without an age,
  age group ``child``, ``adolescent`` or ``young_adult``: a child, or a young adult building
  their own life — Fatima's oldest son, 22, for whom "de combinatie van de zorg voor zijn
  moeder, het opbouwen van een eigen leven en het afronden van zijn school bleek te zwaar"
  (book 2492–2497), and networks of "jong volwassen kinderen die zelf eigenlijk ook nog steun
  en begeleiding nodig hebben" (2499–2500). **Own needs**: ``Person.own_needs``, or a
  condition (illness, substance use) with state ``present`` — "wat als het netwerk zelf
  zorgbehoevend is?" (4822). Both are overload signals.

**Hours in the plan** (issue 14, ``shared/domain.md`` §12 item 6: "expected hours a week
(these feed the carer-load analysis)"): the action plan's expected hours a week per person
(:meth:`~zorgkracht.domain.process.Process.plan_hours`, actions not done or stopped) are added
to the member's hours, and reported apart as ``plan_hours_per_week``; a member with only plan
hours is a carer when those are more than ``carer_min_hours``. The plan is about now, so only
the current network takes them (a snapshot is analysed without). The book's warning: the
network must not become overloaded by what is asked of it (the mantelval, 1111–1114, 4681).

**The client as carer** (:func:`client_care`). Care goes both ways (domain §4): the Taveniers
"zijn zwaar belast met de zorg voor hun kinderen" (3579–3581), Pauline cared for her husband
for years. A tie with a member of the client system (the client, or where the client is a
family a household member, "de cliënt/het gezin", 3600) at one end records in
``client_care_hours_per_week``, ``client_care_months`` and ``client_care_tasks`` the care
that end gives the member at the other end (the ``a`` end when both are in the client
system). Per giver: hours summed over their ties, months the largest, tasks and persons cared
for united. A giver is a carer by the same SCP rule as above (hours > ``carer_min_hours``
and/or months > ``carer_min_months``).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping

from zorgkracht.domain.codes import AgeGroup, CareTask, ConditionState, Direction, Role
from zorgkracht.domain.model import Network, Person

from .results import LETTER, Carer, ClientCare, ClientCarer
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


YOUNG_GROUPS = frozenset({AgeGroup.CHILD, AgeGroup.ADOLESCENT, AgeGroup.YOUNG_ADULT})


def is_young(person: Person, year: int, young_age: int) -> bool:
    """Younger than ``young_age``; without an age, a child, adolescent or young adult."""
    age = person.age_in(year)
    if age is not None:
        return age < young_age
    return person.age_group_in(year) in YOUNG_GROUPS


def is_child_under(person: Person, year: int, child_age: int) -> bool:
    """Younger than ``child_age`` (12); without an age, age group ``child`` (0–11)."""
    age = person.age_in(year)
    if age is not None:
        return age < child_age
    return person.age_group_in(year) is AgeGroup.CHILD


def has_own_needs(person: Person) -> bool:
    return person.own_needs or any(c.state is ConditionState.PRESENT for c in person.conditions)


def tie_care_hours(view: NetworkView) -> dict[str, float]:
    """Member id → care hours a week over their care ties (ties not ``from_client`` that give
    hours); members whose ties give no hours are left out."""
    hours: dict[str, float] = {}
    for pid, tie in view.client_ties:
        if tie.direction is Direction.FROM_CLIENT or tie.care_hours_per_week is None:
            continue
        hours[pid] = hours.get(pid, 0.0) + tie.care_hours_per_week
    return hours


def carers(
    view: NetworkView,
    settings: AnalysisSettings,
    year: int,
    reference: dt.date,
    plan_hours: Mapping[str, float] | None = None,
) -> list[Carer]:
    """Carers in the SCP sense, sorted by id, with hours, months and overload markers;
    ``plan_hours`` (person id to hours a week in the action plan) add to the hours."""
    hours = tie_care_hours(view)
    months: dict[str, int] = {}
    long_term: dict[str, bool] = {}
    for pid, tie in view.client_ties:
        if tie.direction is Direction.FROM_CLIENT:
            continue
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
    planned = {pid: h for pid, h in (plan_hours or {}).items() if h > 0 and pid in view.member_ids}
    for pid, h in planned.items():
        hours[pid] = hours.get(pid, 0.0) + h

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
                "plan_hours_per_week": planned.get(pid),
                "months": months.get(pid),
                "intensive": intensive,
                "long_term": lasting,
                "young": is_young(person, year, settings.young_age),
                "own_needs": has_own_needs(person),
                "support": [LETTER[s] for s in SUPPORT_ORDER if s in letters],
            }
        )
    return found


def client_care(view: NetworkView, network: Network, settings: AnalysisSettings) -> ClientCare:
    """The care the client system gives: per giver and in total (see the module docstring)."""
    system = set(view.system)
    givers: dict[str, tuple[float | None, int | None, set[CareTask], set[str]]] = {}
    for tie in network.ties:
        if tie.client_care_hours_per_week is None and tie.client_care_months is None:
            continue
        if tie.a in system:
            giver, cared = tie.a, tie.b
        elif tie.b in system:
            giver, cared = tie.b, tie.a
        else:
            continue
        if cared not in view.member_ids:
            continue
        hours, months, tasks, persons = givers.get(giver, (None, None, set(), set()))
        if tie.client_care_hours_per_week is not None:
            hours = (hours or 0.0) + tie.client_care_hours_per_week
        if tie.client_care_months is not None:
            months = max(months or 0, tie.client_care_months)
        givers[giver] = (hours, months, tasks | tie.client_care_tasks, persons | {cared})
    found: list[ClientCarer] = []
    for giver in sorted(givers, key=view.system.index):
        hours, months, tasks, persons = givers[giver]
        intensive = hours is not None and hours > settings.carer_min_hours
        lasting = months is not None and months > settings.carer_min_months
        found.append(
            {
                "person": giver,
                "hours_per_week": hours,
                "months": months,
                "tasks": [t.value for t in CareTask if t in tasks],
                "persons": sorted(persons),
                "intensive": intensive,
                "long_term": lasting,
                "carer": intensive or lasting,
            }
        )
    all_hours = [c["hours_per_week"] for c in found if c["hours_per_week"] is not None]
    all_months = [c["months"] for c in found if c["months"] is not None]
    return {
        "carers": found,
        "hours_per_week": sum(all_hours) if all_hours else None,
        "months": max(all_months) if all_months else None,
        "tasks": [t.value for t in CareTask if any(t.value in c["tasks"] for c in found)],
        "persons": sorted({pid for c in found for pid in c["persons"]}),
    }
