"""Edits in place: every operation, its inverse, and bad input that changes nothing."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.strategies import cases
from zorgkracht.demo import load_demo_cases
from zorgkracht.domain import (
    Case,
    Domain,
    InvalidInput,
    Network,
    Person,
    Point,
    Snapshot,
    Tie,
    check_case,
)
from zorgkracht.domain.codes import Circle, Direction, Quality, Role, Support
from zorgkracht.services.edits import OPERATIONS, apply_edit, new_id


def small_case() -> Case:
    persons = [
        Person(id="p1", name="Kim", role=None),
        Person(id="p2", name="Jolanda", role=Role.NEIGHBOUR, circle=Circle.ACQUAINTANCE),
        Person(id="p3", name="Sem", role=Role.CHILD, circle=Circle.INTIMACY),
    ]
    net = Network(
        persons=persons,
        household=["p1", "p3"],
        ties=[
            Tie(id="t1", a="p1", b="p2", support={Support.PRACTICAL}),
            Tie(id="t2", a="p2", b="p3", strength=1, quality=Quality.TENSE),
            Tie(id="t3", a="p1", b="p3", care_since=dt.date(2024, 3, 1)),
        ],
    )
    net.domains.append(Domain(id="d1", name="Buurt", members=["p2", "p3"]))
    return Case(
        id="kim",
        title="Netwerk van Kim",
        client="p1",
        network=net,
        snapshots=[Snapshot(id="s1", label="start", network=copy.deepcopy(net))],
        positions={"ecogram": {"p2": Point(x=10.0, y=20.0)}},
    )


def roundtrip(case: Case, op: dict[str, Any]) -> Case:
    """Apply ``op``, check the original is untouched, undo, and return the edited case."""
    before = copy.deepcopy(case)
    done = apply_edit(case, op)
    assert case == before, "apply_edit changed its input"
    undone = apply_edit(done.case, done.inverse)
    assert undone.case == before
    redone = apply_edit(undone.case, undone.inverse)
    assert redone.case == done.case
    return done.case


def test_add_person_with_support_creates_a_tie_and_undo_removes_both() -> None:
    case = small_case()
    after = roundtrip(
        case,
        {
            "op": "add_person",
            "name": "Ans",
            "role": "friend",
            "circle": "friendship",
            "support": ["E", "G"],
            "domain": "d1",
        },
    )
    ans = after.network.persons[-1]
    assert (ans.id, ans.name, ans.role, ans.circle) == ("p4", "Ans", Role.FRIEND, Circle.FRIENDSHIP)
    tie = after.network.ties[-1]
    assert (tie.a, tie.b, tie.support, tie.direction) == (
        "p1",
        "p4",
        {Support.EMOTIONAL, Support.COMPANIONSHIP},
        Direction.TO_CLIENT,
    )
    assert tie.id == "t4"
    assert after.network.domains[0].members == ["p2", "p3", "p4"]


def test_new_ids_never_reuse_an_id_of_a_snapshot() -> None:
    case = small_case()
    case.snapshots[0].network.persons.append(Person(id="p4", name="Oud"))
    assert new_id(case, "p") == "p5"
    after = apply_edit(case, {"op": "add_person", "name": "Nieuw"}).case
    assert after.network.persons[-1].id == "p5"


def test_remove_person_takes_everything_with_them_and_restore_puts_it_back() -> None:
    case = small_case()
    after = roundtrip(case, {"op": "remove_person", "id": "p3"})
    net = after.network
    assert [p.id for p in net.persons] == ["p1", "p2"]
    assert net.household == ["p1"]
    assert [t.id for t in net.ties] == ["t1"]
    assert net.domains[0].members == ["p2"]
    assert after.snapshots == case.snapshots


def test_remove_person_with_positions_and_genogram_relations() -> None:
    case = load_demo_cases()[0]  # the Flodders: couples, children, emotions
    for p in case.network.persons:
        if p.id not in (case.client, case.index_person):
            case.positions = {"genogram": {p.id: Point(x=1.5, y=-2.0)}}
            after = roundtrip(case, {"op": "remove_person", "id": p.id})
            assert p.id not in after.network.person_ids()
            assert after.positions == {"genogram": {}}


@pytest.mark.parametrize(
    "op",
    [
        {"op": "update_person", "id": "p2", "changes": {"name": "Jolanda B.", "circle": None}},
        {"op": "update_person", "id": "p3", "changes": {"birth_year": 2010, "zone": "town"}},
        {"op": "set_circle", "id": "p2", "circle": "friendship"},
        {"op": "set_circle", "id": "p1", "circle": None},
        {"op": "set_household", "id": "p2", "member": True},
        {"op": "set_household", "id": "p1", "member": False},
        {"op": "add_domain", "name": "Kerk", "kind": "church", "members": ["p2"]},
        {"op": "rename_domain", "id": "d1", "name": "De buurt"},
        {"op": "remove_domain", "id": "d1"},
        {"op": "add_to_domain", "domain": "d1", "person": "p1"},
        {"op": "remove_from_domain", "domain": "d1", "person": "p2"},
        {"op": "add_tie", "a": "p2", "b": "d1", "strength": 3, "support": ["A"]},
        {
            "op": "add_tie",
            "a": "p1",
            "b": "p3",
            "quality": "conflict",
            "direction": "both",
            "reciprocal": True,
            "care_hours_per_week": 12.5,
            "care_months": 4,
        },
        {
            "op": "update_tie",
            "id": "t2",
            "changes": {"strength": 3, "quality": "positive", "support": ["P", "W"]},
        },
        {"op": "update_tie", "id": "t3", "changes": {"care_since": None, "care_months": 6}},
        {"op": "remove_tie", "id": "t2"},
        {"op": "remove_tie", "id": "t3"},
        {"op": "set_position", "view": "ecogram", "id": "p2", "x": 1, "y": 2},
        {"op": "set_position", "view": "netwerkschema", "id": "d1", "x": -5.5, "y": 0},
        {"op": "set_position", "view": "ecogram", "id": "p3", "x": 3, "y": 4},
        {"op": "clear_position", "view": "ecogram", "id": "p2"},
        {"op": "clear_position", "view": "genogram", "id": "p2"},
    ],
)
def test_each_operation_and_its_inverse_restore_the_case_exactly(op: dict[str, Any]) -> None:
    roundtrip(small_case(), op)


def test_operations_do_what_they_say() -> None:
    case = small_case()
    moved = apply_edit(case, {"op": "set_circle", "id": "p2", "circle": "intimacy"}).case
    assert moved.network.person("p2").circle is Circle.INTIMACY
    tie = apply_edit(
        case, {"op": "update_tie", "id": "t1", "changes": {"strength": 3, "support": ["E"]}}
    ).case.network.ties[0]
    assert (tie.strength, tie.support) == (3, {Support.EMOTIONAL})
    placed = apply_edit(
        case, {"op": "set_position", "view": "sociogram", "id": "p3", "x": 7, "y": 8}
    ).case
    assert placed.positions["sociogram"] == {"p3": Point(x=7.0, y=8.0)}
    cleared = apply_edit(case, {"op": "clear_position", "view": "ecogram", "id": "p2"}).case
    assert cleared.positions == {}
    gone = apply_edit(case, {"op": "remove_domain", "id": "d1"}).case
    assert gone.network.domains == []


def test_the_inverse_of_an_update_holds_the_old_values() -> None:
    done = apply_edit(small_case(), {"op": "update_tie", "id": "t2", "changes": {"strength": 3}})
    assert done.inverse == {"op": "update_tie", "id": "t2", "changes": {"strength": 1}}
    done = apply_edit(small_case(), {"op": "set_circle", "id": "p2", "circle": "intimacy"})
    assert done.inverse == {"op": "set_circle", "id": "p2", "circle": "acquaintance"}


@pytest.mark.parametrize(
    ("op", "where", "code"),
    [
        ({"op": "add_person", "name": ""}, "name", "string_too_short"),
        ({"op": "add_person", "name": "   "}, "name", "required"),
        ({"op": "add_person", "name": "A", "circle": "closest"}, "circle", "enum"),
        ({"op": "add_person", "name": "A", "id": "p2"}, "id", "duplicate_id"),
        ({"op": "add_person", "name": "A", "domain": "d9"}, "domain", "unknown_reference"),
        ({"op": "add_person", "name": "A", "colour": "red"}, "colour", "extra_forbidden"),
        ({"op": "fly"}, "op", "enum"),
        ({"name": "A"}, "op", "enum"),
        ({"op": "remove_person", "id": "p1"}, "id", "is_client"),
        ({"op": "remove_person", "id": "p9"}, "id", "unknown_reference"),
        (
            {"op": "update_person", "id": "p2", "changes": {"weight": 9}},
            "changes/weight",
            "less_than_equal",
        ),
        ({"op": "update_person", "id": "p2", "changes": {"id": "x"}}, "changes/id", "read_only"),
        (
            {"op": "update_person", "id": "p2", "changes": {"hair": 1}},
            "changes/hair",
            "extra_forbidden",
        ),
        ({"op": "update_person", "id": "p2", "changes": {"name": " "}}, "changes/name", "required"),
        ({"op": "add_tie", "a": "p1", "b": "p1"}, "b", "self_relation"),
        ({"op": "add_tie", "a": "p1", "b": "zz"}, "b", "unknown_reference"),
        ({"op": "add_tie", "a": "p1", "b": "p2", "strength": 4}, "strength", "less_than_equal"),
        ({"op": "add_tie", "a": "p1", "b": "p2", "support": ["X"]}, "support/#1", "enum"),
        (
            {"op": "update_tie", "id": "t1", "changes": {"quality": "sour"}},
            "changes/quality",
            "enum",
        ),
        ({"op": "update_tie", "id": "t9", "changes": {}}, "id", "unknown_reference"),
        ({"op": "remove_tie", "id": "t9"}, "id", "unknown_reference"),
        ({"op": "add_to_domain", "domain": "d1", "person": "p2"}, "person", "duplicate"),
        (
            {"op": "remove_from_domain", "domain": "d1", "person": "p1"},
            "person",
            "unknown_reference",
        ),
        ({"op": "rename_domain", "id": "d1", "name": " "}, "name", "required"),
        (
            {"op": "set_position", "view": "map", "id": "p2", "x": 1, "y": 2},
            "view",
            "literal_error",
        ),
        (
            {"op": "set_position", "view": "ecogram", "id": "p2", "x": float("nan"), "y": 2},
            "x",
            "finite_number",
        ),
        (
            {"op": "set_position", "view": "ecogram", "id": "q", "x": 1, "y": 2},
            "id",
            "unknown_reference",
        ),
        ({"op": "set_circle", "id": "p2", "circle": 2}, "circle", "enum"),
    ],
)
def test_bad_input_names_the_field_and_changes_nothing(
    op: dict[str, Any], where: str, code: str
) -> None:
    case = small_case()
    before = copy.deepcopy(case)
    with pytest.raises(InvalidInput) as caught:
        apply_edit(case, op)
    assert [(p.where, p.code) for p in caught.value.problems][:1] == [(where, code)]
    assert all(p.nl and p.en and p.nl != p.en for p in caught.value.problems)
    assert case == before


def test_every_operation_is_known() -> None:
    assert set(OPERATIONS) == {
        "add_person",
        "update_person",
        "remove_person",
        "restore_person",
        "set_circle",
        "set_household",
        "add_domain",
        "rename_domain",
        "remove_domain",
        "restore_domain",
        "add_to_domain",
        "remove_from_domain",
        "add_tie",
        "update_tie",
        "remove_tie",
        "set_position",
        "clear_position",
    }


# --- random sequences ----------------------------------------------------------------------------


@st.composite
def operation(draw: st.DrawFn, case: Case) -> dict[str, Any]:
    """An operation that is mostly valid for ``case`` (some are not, on purpose)."""
    net = case.network
    persons = [p.id for p in net.persons] + ["nobody"]
    domains = [d.id for d in net.domains] + ["nowhere"]
    ties = [t.id for t in net.ties] + ["t-none"]
    nodes = persons + domains
    kind = draw(st.sampled_from(sorted(set(OPERATIONS) - {"restore_person", "restore_domain"})))
    person, domain, tie = (draw(st.sampled_from(x)) for x in (persons, domains, ties))
    letters = draw(st.lists(st.sampled_from([s.value for s in Support]), unique=True))
    views = ["genogram", "ecogram", "netwerkschema"]
    ops: dict[str, dict[str, Any]] = {
        "add_person": {
            "name": draw(st.sampled_from(["Ans", "Bo", " "])),
            "support": letters,
            "circle": draw(st.sampled_from([None, *(c.value for c in Circle)])),
            "household": draw(st.booleans()),
        },
        "update_person": {
            "id": person,
            "changes": draw(
                st.sampled_from(
                    [
                        {"name": "X"},
                        {"circle": "services"},
                        {"role": "friend", "zone": None},
                        {"weight": 3},
                        {"birth_year": 1980},
                        {"sensitive": True},
                    ]
                )
            ),
        },
        "remove_person": {"id": person},
        "set_circle": {
            "id": person,
            "circle": draw(st.sampled_from([None, *(c.value for c in Circle)])),
        },
        "set_household": {"id": person, "member": draw(st.booleans())},
        "add_domain": {
            "name": "Werk",
            "members": draw(st.lists(st.sampled_from(persons[:-1]), unique=True, max_size=2)),
        },
        "rename_domain": {"id": domain, "name": "Club"},
        "remove_domain": {"id": domain},
        "add_to_domain": {"domain": domain, "person": person},
        "remove_from_domain": {"domain": domain, "person": person},
        "add_tie": {
            "a": draw(st.sampled_from(nodes)),
            "b": draw(st.sampled_from(nodes)),
            "strength": draw(st.integers(1, 3)),
            "support": letters,
        },
        "update_tie": {
            "id": tie,
            "changes": draw(
                st.sampled_from(
                    [
                        {"strength": 1},
                        {"quality": "tense"},
                        {"support": letters},
                        {"reciprocal": None},
                        {"direction": "both"},
                    ]
                )
            ),
        },
        "remove_tie": {"id": tie},
        "set_position": {
            "view": draw(st.sampled_from(views)),
            "id": draw(st.sampled_from(nodes)),
            "x": draw(st.integers(-500, 500)),
            "y": draw(st.integers(-500, 500)),
        },
        "clear_position": {
            "view": draw(st.sampled_from(views)),
            "id": draw(st.sampled_from(nodes)),
        },
    }
    return {"op": kind, **ops[kind]}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(start=cases(max_persons=6), data=st.data())
def test_random_operations_then_their_inverses_in_reverse_give_back_the_case(
    start: Case, data: st.DataObject
) -> None:
    for snap in start.snapshots:
        snap.instruments = []  # answers are not edited here; keep the generated case valid
    assume(not check_case(start))
    original = copy.deepcopy(start)
    case = start
    inverses: list[dict[str, Any]] = []
    for _ in range(data.draw(st.integers(1, 12))):
        op = data.draw(operation(case))
        before = copy.deepcopy(case)
        try:
            done = apply_edit(case, op)
        except InvalidInput:
            assert case == before
            continue
        # the case edited is left as it was: the web application saves the new case by
        # comparing it with the old one (CaseStore.save(previous=...))
        assert case == before
        inverses.append(done.inverse)
        case = done.case
    for inverse in reversed(inverses):
        case = apply_edit(case, inverse).case
    assert case == original
