"""Every bounded number at its edges (min-1, min, max, max+1), through the three ways it is
checked: reading a case file (and its JSON Schema), the edit operations, and the case rules
for a case made in code. The numbers come from one place, ``zorgkracht.domain.bounds``."""

from __future__ import annotations

from typing import Any

import pytest

from zorgkracht.domain import Case, InvalidInput, check_case
from zorgkracht.domain.bounds import (
    AGE,
    CARE_HOURS,
    CARE_MONTHS,
    COORDINATE,
    STRENGTH,
    VALENCE,
    WEIGHT,
    YEAR,
    Bound,
)
from zorgkracht.interchange.case_json import case_from_data, case_to_dict, json_schema
from zorgkracht.services.edits import apply_edit

from .test_rules import family

# kind of record, its id, the field, the bound; the record's other numbers are cleared first
FIELDS: list[tuple[str, str, str, Bound[Any], dict[str, Any]]] = [
    ("persons", "buur", "birth_year", YEAR, {}),
    ("persons", "buur", "death_year", YEAR, {}),
    ("persons", "buur", "age", AGE, {}),
    ("persons", "buur", "weight", WEIGHT, {}),
    ("couples", "c1", "start_year", YEAR, {"end_year": None}),
    ("couples", "c1", "end_year", YEAR, {"start_year": None}),
    ("ties", "t1", "strength", STRENGTH, {}),
    ("ties", "t1", "care_hours_per_week", CARE_HOURS, {}),
    ("ties", "t1", "care_months", CARE_MONTHS, {}),
    ("ties", "t1", "client_care_hours_per_week", CARE_HOURS, {}),
    ("ties", "t1", "client_care_months", CARE_MONTHS, {}),
    ("events", "ev1", "year", YEAR, {}),
    ("events", "ev1", "valence", VALENCE, {}),
]
UPDATE = {
    "persons": "update_person",
    "couples": "update_couple",
    "ties": "update_tie",
    "events": "update_event",
}


def edges(bound: Bound[Any]) -> list[tuple[float, bool]]:
    """(value, allowed) at each end of ``bound``."""
    cases = [(bound.low - 1, False), (bound.low, True)]
    if bound.high is not None:
        cases += [(bound.high, True), (bound.high + 1, False)]
    return cases


PARAMS = [
    pytest.param(kind, ident, field, value, allowed, clear, id=f"{kind}-{field}-{value}")
    for kind, ident, field, bound, clear in FIELDS
    for value, allowed in edges(bound)
]


def _set(record: Any, values: dict[str, Any]) -> None:
    for key, value in values.items():
        if isinstance(record, dict):
            record[key] = value
        else:
            setattr(record, key, value)


@pytest.mark.parametrize(("kind", "ident", "field", "value", "allowed", "clear"), PARAMS)
def test_a_case_file_takes_exactly_the_bounded_values(
    kind: str, ident: str, field: str, value: float, allowed: bool, clear: dict[str, Any]
) -> None:
    doc = case_to_dict(family())
    record = next(r for r in doc["network"][kind] if r["id"] == ident)
    _set(record, {**clear, field: value})
    if allowed:
        case_from_data(doc)
        return
    with pytest.raises(InvalidInput) as caught:
        case_from_data(doc)
    [problem] = caught.value.problems
    assert problem.where == f"network/{kind}/{ident}/{field}"
    too_small = next(b for k, _, f, b, _ in FIELDS if (k, f) == (kind, field)).holds(value + 1)
    assert problem.code == ("greater_than_equal" if too_small else "less_than_equal")


@pytest.mark.parametrize(("kind", "ident", "field", "value", "allowed", "clear"), PARAMS)
def test_the_case_rules_take_exactly_the_bounded_values(
    kind: str, ident: str, field: str, value: float, allowed: bool, clear: dict[str, Any]
) -> None:
    case: Case = family()
    record = next(r for r in getattr(case.network, kind) if r.id == ident)
    _set(record, {**clear, field: value})
    problems = check_case(case)
    if allowed:
        assert problems == []
    else:
        assert [(p.where, p.code) for p in problems] == [
            (f"{kind}/{ident}/{field}", "out_of_range")
        ]
        assert str(value) in problems[0].nl and str(value) in problems[0].en


@pytest.mark.parametrize(
    ("kind", "ident", "field", "value", "allowed", "clear"),
    [p for p in PARAMS if p.values[0] in UPDATE],
)
def test_an_edit_takes_exactly_the_bounded_values(
    kind: str, ident: str, field: str, value: float, allowed: bool, clear: dict[str, Any]
) -> None:
    op = {"op": UPDATE[kind], "id": ident, "changes": {**clear, field: value}}
    if allowed:
        done = apply_edit(family(), op)
        record = next(r for r in getattr(done.case.network, kind) if r.id == ident)
        assert getattr(record, field) == value
        return
    with pytest.raises(InvalidInput) as caught:
        apply_edit(family(), op)
    [problem] = caught.value.problems
    assert problem.where == f"changes/{field}"
    assert problem.code in ("greater_than_equal", "less_than_equal")


@pytest.mark.parametrize(
    ("op", "field", "bound"),
    [
        ({"op": "add_couple", "a": "kim", "b": "buur"}, "start_year", YEAR),
        ({"op": "add_tie", "a": "kim", "b": "jong"}, "strength", STRENGTH),
        ({"op": "add_tie", "a": "kim", "b": "jong"}, "care_hours_per_week", CARE_HOURS),
        ({"op": "add_tie", "a": "kim", "b": "jong"}, "care_months", CARE_MONTHS),
        ({"op": "add_tie", "a": "kim", "b": "jong"}, "client_care_hours_per_week", CARE_HOURS),
        ({"op": "add_tie", "a": "kim", "b": "jong"}, "client_care_months", CARE_MONTHS),
        ({"op": "add_event", "title": "Verhuisd", "valence": 0}, "year", YEAR),
        ({"op": "add_event", "title": "Verhuisd", "year": 2000}, "valence", VALENCE),
        ({"op": "add_person", "name": "Nieuw"}, "birth_year", YEAR),
        ({"op": "set_position", "view": "ecogram", "id": "kim", "y": 0}, "x", COORDINATE),
    ],
)
def test_adding_takes_exactly_the_bounded_values(
    op: dict[str, Any], field: str, bound: Bound[Any]
) -> None:
    for value, allowed in edges(bound):
        with_value = {**op, field: value}
        if allowed:
            apply_edit(family(), with_value)
            continue
        with pytest.raises(InvalidInput) as caught:
            apply_edit(family(), with_value)
        assert [p.where for p in caught.value.problems] == [field]


def test_the_schema_states_the_same_bounds() -> None:
    defs = json_schema()["$defs"]

    def numbers(model: str, field: str) -> tuple[Any, Any]:
        spec = defs[model]["properties"][field]
        option = next((o for o in spec.get("anyOf", [spec]) if o.get("type") != "null"), spec)
        return option.get("minimum"), option.get("maximum")

    assert numbers("PersonDoc", "birth_year") == (YEAR.low, YEAR.high)
    assert numbers("PersonDoc", "age") == (AGE.low, AGE.high)
    assert numbers("PersonDoc", "weight") == (WEIGHT.low, WEIGHT.high)
    assert numbers("TieDoc", "strength") == (STRENGTH.low, STRENGTH.high)
    assert numbers("TieDoc", "care_hours_per_week") == (CARE_HOURS.low, CARE_HOURS.high)
    assert numbers("TieDoc", "care_months") == (CARE_MONTHS.low, None)
    assert numbers("TieDoc", "client_care_hours_per_week") == (CARE_HOURS.low, CARE_HOURS.high)
    assert numbers("TieDoc", "client_care_months") == (CARE_MONTHS.low, None)
    assert numbers("EventDoc", "valence") == (VALENCE.low, VALENCE.high)
