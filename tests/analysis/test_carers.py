from __future__ import annotations

import datetime as dt

from zorgkracht.analysis import analyse
from zorgkracht.analysis.carers import add_months, whole_months
from zorgkracht.analysis.results import Carer
from zorgkracht.domain.codes import AgeGroup, ConditionKind, ConditionState, Direction, Role
from zorgkracht.domain.model import Condition, Person, Tie

from .helpers import case, helps, network, person

DAY = dt.date(2024, 6, 1)


def test_calendar_months() -> None:
    assert add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2023, 11, 15), 3) == dt.date(2024, 2, 15)
    assert whole_months(dt.date(2024, 2, 1), dt.date(2024, 6, 1)) == 4
    assert whole_months(dt.date(2024, 2, 2), dt.date(2024, 6, 1)) == 3
    assert whole_months(dt.date(2024, 7, 1), dt.date(2024, 6, 1)) == 0


def _carers(*items: Person | Tie) -> list[Carer]:
    persons = [x for x in items if isinstance(x, Person)]
    ties = [x for x in items if isinstance(x, Tie)]
    return analyse(case(network(*persons, ties=ties)), reference_date=DAY)["carers"]


def test_hours_more_than_eight_makes_a_carer_and_eight_does_not() -> None:
    found = _carers(
        person("a", role=Role.CHILD),
        person("b", role=Role.CHILD),
        helps("a", "P", care_hours_per_week=8.5),
        helps("b", "P", care_hours_per_week=8),
    )
    assert [c["person"] for c in found] == ["a"]
    assert found[0]["intensive"] is True
    assert found[0]["long_term"] is False
    assert found[0]["hours_per_week"] == 8.5
    assert found[0]["support"] == ["P"]


def test_duration_longer_than_three_months() -> None:
    # a: care_months 4 > 3 → carer; b: care_months 3 → not longer than 3 → no.
    # d: since 2024-03-01; +3 months = 2024-06-01 = reference, not later → no.
    # e: since 2024-02-29; +3 months = 2024-05-29 < 2024-06-01 → carer, 3 whole months.
    found = _carers(
        *(person(x, role=Role.SIBLING) for x in "abde"),
        helps("a", "P", care_months=4),
        helps("b", "P", care_months=3),
        helps("d", "P", care_since=dt.date(2024, 3, 1)),
        helps("e", "P", care_since=dt.date(2024, 2, 29)),
    )
    assert [(c["person"], c["months"], c["long_term"]) for c in found] == [
        ("a", 4, True),
        ("e", 3, True),
    ]


def test_hours_are_summed_over_ties_and_professionals_are_not_carers() -> None:
    # a: 5 + 4 = 9 hours > 8 → carer; p: professional, 20 hours → not mantelzorg;
    # f: 10 hours on a tie from the client → not care to the client
    found = _carers(
        person("a", role=Role.PARTNER),
        person("p", role=Role.PROFESSIONAL),
        person("f", role=Role.FRIEND),
        helps("a", "P", care_hours_per_week=5),
        helps("a", "E", care_hours_per_week=4, id="t2"),
        helps("p", "P", care_hours_per_week=20),
        helps("f", "P", care_hours_per_week=10, direction=Direction.FROM_CLIENT),
    )
    assert [c["person"] for c in found] == ["a"]
    assert found[0]["hours_per_week"] == 9
    assert found[0]["support"] == ["P", "E"]


def test_young_and_own_needs() -> None:
    # s born 2010 → 14 in 2024 → young; t: age group adolescent → young; u: 40, illness present
    found = _carers(
        person("s", role=Role.CHILD, birth_year=2010),
        person("t", role=Role.CHILD, age_group=AgeGroup.ADOLESCENT),
        person(
            "u",
            role=Role.CHILD,
            age=40,
            conditions=[Condition(kind=ConditionKind.MENTAL_ILLNESS)],
        ),
        person(
            "v",
            role=Role.CHILD,
            age=40,
            conditions=[
                Condition(kind=ConditionKind.SUBSTANCE_USE, state=ConditionState.IN_RECOVERY)
            ],
        ),
        *(helps(x, "P", care_months=12) for x in "stuv"),
    )
    flags = {c["person"]: (c["young"], c["own_needs"]) for c in found}
    assert flags == {
        "s": (True, False),
        "t": (True, False),
        "u": (False, True),
        "v": (False, False),
    }
