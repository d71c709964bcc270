"""A batch of edit operations: applied in order as one edit, all or nothing, undone by the
batch of the inverses in reverse order."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.strategies import cases
from zorgkracht.domain import Case, InvalidInput, check_case
from zorgkracht.services.edits import apply_edit

from .test_edits import operation, small_case


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(start=cases(max_persons=6), data=st.data())
def test_a_batch_is_its_operations_one_by_one_and_its_inverse_gives_back_the_case(
    start: Case, data: st.DataObject
) -> None:
    for snap in start.snapshots:
        snap.instruments = []
    assume(not check_case(start))
    original = copy.deepcopy(start)
    case = start
    operations: list[dict[str, Any]] = []
    for _ in range(data.draw(st.integers(0, 8))):
        op = data.draw(operation(case))
        try:
            case = apply_edit(case, op).case
        except InvalidInput:
            continue
        operations.append(op)
    done = apply_edit(start, {"op": "batch", "operations": operations})
    assert start == original
    assert done.case == case
    assert done.inverse["op"] == "batch"
    assert len(done.inverse["operations"]) == len(operations)
    undone = apply_edit(done.case, done.inverse)
    assert undone.case == original
    assert apply_edit(undone.case, undone.inverse).case == case


def test_a_failing_operation_leaves_the_case_as_it_was_and_is_named_by_its_place() -> None:
    case = small_case()
    before = copy.deepcopy(case)
    with pytest.raises(InvalidInput) as caught:
        apply_edit(
            case,
            {
                "op": "batch",
                "operations": [
                    {"op": "set_circle", "id": "p2", "circle": "intimacy"},
                    {"op": "add_tie", "a": "p2", "b": "p3", "strength": 9},
                ],
            },
        )
    assert [p.where for p in caught.value.problems] == ["operations/#2/strength"]
    assert case == before


@pytest.mark.parametrize(
    ("operations", "where"),
    [
        ([{"op": "batch", "operations": []}], "operations/#1/op"),
        ([{"op": "teleport"}], "operations/#1/op"),
        ([{"op": "remove_tie"}], "operations/#1/id"),
        ([[1, 2]], "operations/#1"),
    ],
)
def test_a_bad_batch_names_the_operation(operations: list[Any], where: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        apply_edit(small_case(), {"op": "batch", "operations": operations})
    assert caught.value.problems[0].where.startswith(where)


def test_the_case_is_checked_once_after_the_last_operation() -> None:
    """A batch is checked as a whole: a person added and their tie in one edit."""
    done = apply_edit(
        small_case(),
        {
            "op": "batch",
            "operations": [
                {"op": "add_person", "id": "p9", "name": "Nieuw"},
                {"op": "add_tie", "a": "p1", "b": "p9"},
            ],
        },
    )
    assert done.case.network.ties[-1].b == "p9"
    assert done.inverse == {
        "op": "batch",
        "operations": [
            {"op": "remove_tie", "id": done.case.network.ties[-1].id},
            {"op": "remove_person", "id": "p9"},
        ],
    }


def test_an_empty_batch_changes_nothing() -> None:
    done = apply_edit(small_case(), {"op": "batch", "operations": []})
    assert done.case == small_case()
    assert done.inverse == {"op": "batch", "operations": []}
