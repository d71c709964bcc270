from __future__ import annotations

import datetime as dt

from zorgkracht.analysis import analyse
from zorgkracht.analysis.carers import add_months, whole_months
from zorgkracht.analysis.results import Carer
from zorgkracht.domain.codes import (
    AgeGroup,
    CareTask,
    ConditionKind,
    ConditionState,
    Direction,
    Role,
)
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


def test_young_is_under_25_and_own_needs_is_the_field_too() -> None:
    # Fatima's son: 22 in 2024 (born 2002) → young; w born 1999 → 25 → not young;
    # y: age group young_adult, no age → young; o: own_needs set, no condition.
    found = _carers(
        person("zoon", role=Role.CHILD, birth_year=2002),
        person("w", role=Role.CHILD, birth_year=1999),
        person("y", role=Role.CHILD, age_group=AgeGroup.YOUNG_ADULT),
        person("o", role=Role.SIBLING, age=50, own_needs=True),
        *(helps(x, "P", care_hours_per_week=10) for x in ["zoon", "w", "y", "o"]),
    )
    flags = {c["person"]: (c["young"], c["own_needs"]) for c in found}
    assert flags == {
        "zoon": (True, False),
        "w": (False, False),
        "y": (True, False),
        "o": (False, True),
    }


def test_care_the_client_and_the_household_give() -> None:
    # Tavenier-like: client c and partner l live with kids k1, k2 (household).
    # c → k1: 10 h, 24 months, supervision + transport; c → k2: 5 h, household;
    # l → k1 (both in the household, a gives): 6 h, 2 months, personal care;
    # l → grandma g (outside the household): 2 h, 1 month.
    # c: 15 h (> 8), 24 months → carer; l: 6 + 2 = 8 h (not > 8), 2 months → not a carer.
    net = network(
        person("l", role=Role.PARTNER),
        person("k1", role=Role.CHILD, receives_care=True),
        person("k2", role=Role.CHILD, receives_care=True),
        person("g", role=Role.GRANDPARENT),
        ties=[
            Tie(
                id="c-k1",
                a="c",
                b="k1",
                client_care_hours_per_week=10,
                client_care_months=24,
                client_care_tasks={CareTask.SUPERVISION, CareTask.TRANSPORT},
            ),
            Tie(
                id="c-k2",
                a="c",
                b="k2",
                client_care_hours_per_week=5,
                client_care_tasks={CareTask.HOUSEHOLD},
            ),
            Tie(
                id="l-k1",
                a="l",
                b="k1",
                client_care_hours_per_week=6,
                client_care_months=2,
                client_care_tasks={CareTask.PERSONAL_CARE},
            ),
            Tie(id="l-g", a="g", b="l", client_care_hours_per_week=2, client_care_months=1),
        ],
    )
    net.household = ["c", "l", "k1", "k2"]
    result = analyse(case(net), reference_date=DAY)
    assert result["client_system"] == ["c", "l", "k1", "k2"]
    care = result["client_care"]
    assert care["carers"] == [
        {
            "person": "c",
            "hours_per_week": 15.0,
            "months": 24,
            "tasks": ["household", "transport", "supervision"],
            "persons": ["k1", "k2"],
            "intensive": True,
            "long_term": True,
            "carer": True,
        },
        {
            "person": "l",
            "hours_per_week": 8.0,
            "months": 2,
            "tasks": ["personal_care"],
            "persons": ["g", "k1"],
            "intensive": False,
            "long_term": False,
            "carer": False,
        },
    ]
    assert care["hours_per_week"] == 23.0
    assert care["months"] == 24
    assert care["tasks"] == ["household", "transport", "personal_care", "supervision"]
    assert care["persons"] == ["g", "k1", "k2"]
    signals = [s for s in result["signals"] if s["code"] == "CLIENT_CARER_LOAD"]
    assert [(s["carer"], s["persons"], s["severity"]) for s in signals] == [
        ("c", ["k1", "k2"], "attention")
    ]
    assert "15 uur per week" in signals[0]["message"]["nl"]
    # a month longer and l is a carer too (3 months is not longer than 3; 4 is)
    net.ties[2].client_care_months = 4
    again = analyse(case(net), reference_date=DAY)
    assert [s["carer"] for s in again["signals"] if s["code"] == "CLIENT_CARER_LOAD"] == [
        "c",
        "l",
    ]


def test_no_client_care_recorded() -> None:
    result = analyse(case(network(person("a"), ties=[helps("a", "P")])), reference_date=DAY)
    assert result["client_system"] == ["c"]
    assert result["client_care"] == {
        "carers": [],
        "hours_per_week": None,
        "months": None,
        "tasks": [],
        "persons": [],
    }
