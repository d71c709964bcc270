"""Edits of what the book asks to record (issue 12): the new fields of persons and ties, life
events of now and the instrument answers of now. Each operation and its inverse give back the
case exactly; bad values name the field and change nothing."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from typing import Any

import pytest

from zorgkracht.domain import Case, InstrumentResponse, InvalidInput, LifeEvent
from zorgkracht.domain.codes import CareTask, Energy, Wish
from zorgkracht.services.edits import OPERATIONS, apply_edit

from .test_edits import roundtrip, small_case


def recorded_case() -> Case:
    """:func:`small_case` with the new fields set on some persons and ties, two life events
    and two instrument answers of now (Jolanda answered the carer-burden scale)."""
    case = small_case()
    net = case.network
    net.persons[1] = dataclasses.replace(
        net.persons[1], wish=Wish.MORE, energy=Energy.GIVES, may_ask=True
    )
    net.persons[2] = dataclasses.replace(net.persons[2], receives_care=True, own_needs=True)
    net.ties[2] = dataclasses.replace(
        net.ties[2],
        care_tasks={CareTask.HOUSEHOLD},
        client_care_hours_per_week=10.0,
        client_care_months=24,
        client_care_tasks={CareTask.PERSONAL_CARE, CareTask.SUPERVISION},
    )
    net.events = [
        LifeEvent(id="ev1", year=2008, title="Sem geboren", valence=3, persons=["p3"]),
        LifeEvent(id="ev2", year=2021, title="Verhuisd", valence=-1, date=dt.date(2021, 5, 1)),
    ]
    case.instruments = [
        InstrumentResponse(instrument="djg6", answers={"1": 2, "2": None}),
        InstrumentResponse(
            instrument="csi", answers={"1": 1}, taken_on=dt.date(2026, 1, 5), respondent="p2"
        ),
    ]
    return case


OPERATIONS_ON_RECORDED: list[dict[str, Any]] = [
    {
        "op": "add_person",
        "name": "Koor",
        "organisation": True,
        "wish": "more",
        "energy": "both",
        "may_ask": False,
        "receives_care": True,
        "own_needs": True,
    },
    {"op": "update_person", "id": "p2", "changes": {"wish": "none", "energy": None}},
    {"op": "update_person", "id": "p2", "changes": {"may_ask": None, "organisation": True}},
    {"op": "update_person", "id": "p3", "changes": {"receives_care": False, "own_needs": False}},
    {"op": "update_tie", "id": "t1", "changes": {"care_tasks": ["transport", "administration"]}},
    {
        "op": "update_tie",
        "id": "t3",
        "changes": {
            "client_care_hours_per_week": 2.5,
            "client_care_months": None,
            "client_care_tasks": [],
        },
    },
    {"op": "remove_tie", "id": "t3"},
    {
        "op": "add_tie",
        "a": "p1",
        "b": "d1",
        "care_tasks": ["household"],
        "client_care_hours_per_week": 1,
        "client_care_months": 3,
        "client_care_tasks": ["transport"],
    },
    {"op": "remove_person", "id": "p2"},  # took the answers Jolanda gave
    {"op": "add_event", "year": 2024, "title": "Nieuwe baan", "valence": 2, "persons": ["p1"]},
    {"op": "add_event", "year": 1999, "title": "Eerste", "index": 0, "sensitive": True},
    {"op": "update_event", "id": "ev2", "changes": {"year": 2022, "date": None, "note": "n"}},
    {"op": "update_event", "id": "ev1", "changes": {"persons": ["p2", "p3"]}},
    {"op": "remove_event", "id": "ev1"},
    {"op": "set_instrument", "instrument": "djg6", "answers": {"1": 3}},
    {"op": "set_instrument", "instrument": "djg6", "answers": {}, "respondent": "p3"},
    {"op": "set_instrument", "instrument": "lsns6", "answers": {"6": 0}, "index": 0},
    {"op": "remove_instrument", "instrument": "djg6"},
    {"op": "remove_instrument", "instrument": "csi", "respondent": "p2"},
]


@pytest.mark.parametrize("op", OPERATIONS_ON_RECORDED, ids=lambda op: op["op"])
def test_each_operation_and_its_inverse_restore_the_case_exactly(op: dict[str, Any]) -> None:
    case = recorded_case()
    after = roundtrip(case, op)
    assert after != case


def test_the_new_person_fields_are_set_and_undone() -> None:
    case = recorded_case()
    after = roundtrip(case, OPERATIONS_ON_RECORDED[0])
    koor = after.network.persons[-1]
    assert (koor.organisation, koor.wish, koor.energy, koor.may_ask) == (
        True,
        Wish.MORE,
        Energy.BOTH,
        False,
    )
    assert koor.receives_care and koor.own_needs
    done = apply_edit(case, {"op": "update_person", "id": "p2", "changes": {"wish": "less"}})
    assert done.case.network.persons[1].wish is Wish.LESS
    assert done.inverse == {"op": "update_person", "id": "p2", "changes": {"wish": "more"}}


def test_the_client_care_of_a_tie_is_set_and_undone() -> None:
    case = recorded_case()
    done = apply_edit(
        case,
        {
            "op": "update_tie",
            "id": "t3",
            "changes": {"client_care_hours_per_week": 40, "client_care_tasks": ["transport"]},
        },
    )
    tie = done.case.network.ties[2]
    assert (tie.client_care_hours_per_week, tie.client_care_tasks) == (40, {CareTask.TRANSPORT})
    assert tie.client_care_months == 24  # untouched
    assert done.inverse == {
        "op": "update_tie",
        "id": "t3",
        "changes": {
            "client_care_hours_per_week": 10.0,
            "client_care_tasks": ["personal_care", "supervision"],
        },
    }
    removed = apply_edit(case, {"op": "remove_tie", "id": "t3"})
    assert removed.inverse["care_tasks"] == ["household"]
    assert apply_edit(removed.case, removed.inverse).case == case


def test_removing_a_respondent_takes_their_answers_and_undo_puts_them_back() -> None:
    case = recorded_case()
    done = apply_edit(case, {"op": "remove_person", "id": "p2"})
    assert [i.instrument for i in done.case.instruments] == ["djg6"]
    assert done.inverse["instruments"] == [
        {
            "index": 1,
            "item": {
                "instrument": "csi",
                "answers": {"1": 1},
                "taken_on": "2026-01-05",
                "respondent": "p2",
            },
        }
    ]
    assert apply_edit(done.case, done.inverse).case == case


def test_life_events_are_added_changed_and_removed_at_their_place() -> None:
    case = recorded_case()
    added = apply_edit(case, OPERATIONS_ON_RECORDED[10])
    assert [e.id for e in added.case.network.events] == ["ev3", "ev1", "ev2"]
    assert added.inverse == {"op": "remove_event", "id": "ev3"}
    removed = apply_edit(case, {"op": "remove_event", "id": "ev1"})
    assert [e.id for e in removed.case.network.events] == ["ev2"]
    assert removed.inverse["index"] == 0 and removed.inverse["op"] == "add_event"
    back = apply_edit(removed.case, removed.inverse).case
    assert back.network.events == case.network.events
    changed = apply_edit(case, {"op": "update_event", "id": "ev2", "changes": {"valence": 3}})
    assert changed.case.network.events[1].valence == 3
    assert changed.inverse == {"op": "update_event", "id": "ev2", "changes": {"valence": -1}}
    assert case.snapshots[0].network.events == []  # only the network of now


def test_instrument_answers_replace_those_of_the_same_respondent() -> None:
    case = recorded_case()
    mine = apply_edit(case, {"op": "set_instrument", "instrument": "csi", "answers": {"2": 0}})
    assert [(i.instrument, i.respondent) for i in mine.case.instruments] == [
        ("djg6", None),
        ("csi", "p2"),
        ("csi", None),
    ]
    assert mine.inverse == {"op": "remove_instrument", "instrument": "csi", "respondent": None}
    again = apply_edit(
        case,
        {"op": "set_instrument", "instrument": "csi", "answers": {"2": 1}, "respondent": "p2"},
    )
    assert [i.answers for i in again.case.instruments] == [{"1": 2, "2": None}, {"2": 1}]
    assert again.inverse == {
        "op": "set_instrument",
        "instrument": "csi",
        "answers": {"1": 1},
        "taken_on": "2026-01-05",
        "respondent": "p2",
    }
    removed = apply_edit(case, {"op": "remove_instrument", "instrument": "djg6"})
    assert removed.inverse["index"] == 0
    assert apply_edit(removed.case, removed.inverse).case == case
    assert case.snapshots[0].instruments == []  # a snapshot's copy is not touched


@pytest.mark.parametrize(
    ("op", "where", "code"),
    [
        ({"op": "add_person", "name": "A", "wish": "often"}, "wish", "enum"),
        ({"op": "add_person", "name": "A", "energy": "much"}, "energy", "enum"),
        ({"op": "add_person", "name": "A", "may_ask": "misschien"}, "may_ask", "bool_parsing"),
        (
            {"op": "update_person", "id": "p2", "changes": {"wish": "sometimes"}},
            "changes/wish",
            "enum",
        ),
        (
            {"op": "update_person", "id": "p2", "changes": {"energy": "lots"}},
            "changes/energy",
            "enum",
        ),
        (
            {"op": "update_person", "id": "p2", "changes": {"receives_care": None}},
            "changes/receives_care",
            "bool_type",
        ),
        (
            {"op": "update_tie", "id": "t1", "changes": {"care_tasks": ["cooking"]}},
            "changes/care_tasks/#1",
            "enum",
        ),
        (
            {"op": "update_tie", "id": "t1", "changes": {"client_care_hours_per_week": 169}},
            "changes/client_care_hours_per_week",
            "less_than_equal",
        ),
        (
            {"op": "update_tie", "id": "t1", "changes": {"client_care_months": -1}},
            "changes/client_care_months",
            "greater_than_equal",
        ),
        (
            {"op": "add_tie", "a": "p1", "b": "p2", "client_care_hours_per_week": -2},
            "client_care_hours_per_week",
            "greater_than_equal",
        ),
        ({"op": "add_event", "year": 999, "title": "Oud"}, "year", "greater_than_equal"),
        ({"op": "add_event", "year": 2020, "title": " "}, "title", "required"),
        (
            {"op": "add_event", "year": 2020, "title": "X", "persons": ["p9"]},
            "persons/0",
            "unknown_reference",
        ),
        (
            {"op": "add_event", "year": 2020, "title": "X", "date": "2019-01-01"},
            "date",
            "inconsistent",
        ),
        ({"op": "add_event", "year": 2020, "title": "X", "id": "p2"}, "id", "duplicate_id"),
        (
            {"op": "update_event", "id": "ev1", "changes": {"valence": 4}},
            "changes/valence",
            "less_than_equal",
        ),
        (
            {"op": "update_event", "id": "ev2", "changes": {"year": 2020}},
            "changes/year",
            "inconsistent",
        ),
        (
            {"op": "update_event", "id": "ev1", "changes": {"persons": ["zz"]}},
            "changes/persons/0",
            "unknown_reference",
        ),
        ({"op": "update_event", "id": "ev9", "changes": {}}, "id", "unknown_reference"),
        ({"op": "remove_event", "id": "ev9"}, "id", "unknown_reference"),
        ({"op": "set_instrument", "instrument": "iq"}, "instrument", "unknown_instrument"),
        (
            {"op": "set_instrument", "instrument": "djg6", "answers": {"7": 1}},
            "answers/7",
            "unknown_item",
        ),
        (
            {"op": "set_instrument", "instrument": "djg6", "answers": {"1": 4}},
            "answers/1",
            "out_of_range",
        ),
        (
            {"op": "set_instrument", "instrument": "csi", "respondent": "p9"},
            "respondent",
            "unknown_reference",
        ),
        (
            {"op": "set_instrument", "instrument": "csi", "taken_on": "gisteren"},
            "taken_on",
            "date_from_datetime_parsing",
        ),
        (
            {"op": "remove_instrument", "instrument": "csi"},  # Jolanda's, not the client's
            "instrument",
            "unknown_reference",
        ),
    ],
)
def test_bad_input_names_the_field_and_changes_nothing(
    op: dict[str, Any], where: str, code: str
) -> None:
    case = recorded_case()
    before = copy.deepcopy(case)
    with pytest.raises(InvalidInput) as caught:
        apply_edit(case, op)
    assert [(p.where, p.code) for p in caught.value.problems][:1] == [(where, code)]
    assert all(p.nl and p.en and p.nl != p.en for p in caught.value.problems)
    assert case == before


def test_the_new_operations_are_in_the_api_schema() -> None:
    from zorgkracht.web.edit_api import _operation_schema

    names = {s["properties"]["op"]["const"] for s in _operation_schema()["oneOf"]}
    assert {
        "add_event",
        "update_event",
        "remove_event",
        "set_instrument",
        "remove_instrument",
    } <= names
    assert names == set(OPERATIONS)
