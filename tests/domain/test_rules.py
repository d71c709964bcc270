"""Each rule of a case is written once (``zorgkracht.domain.rules``): the same problem, in the
same words, comes from reading a case file and from the edit operation that would break it;
only the place differs (the file's record, or the operation's field)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from zorgkracht.domain import (
    Case,
    ChildRelation,
    CoupleRelation,
    Domain,
    InvalidInput,
    LifeEvent,
    Network,
    Person,
    Problem,
    Tie,
    check_case,
)
from zorgkracht.domain.codes import Role
from zorgkracht.domain.lineage import ParentLines, cycle_finder
from zorgkracht.interchange.case_json import case_from_data, case_to_dict
from zorgkracht.services.edits import apply_edit

Doc = dict[str, Any]


def family() -> Case:
    net = Network(
        persons=[
            Person(id="kim", name="Kim", birth_year=1980),
            Person(id="mam", name="Mam", birth_year=1950, role=Role.PARENT),
            Person(id="pap", name="Pap", birth_year=1948, role=Role.PARENT),
            Person(id="buur", name="Buurvrouw", role=Role.NEIGHBOUR),
            Person(id="jong", name="Jong", birth_year=1995),
        ],
        household=["kim"],
        couples=[CoupleRelation(id="c1", a="mam", b="pap", start_year=1975)],
        children=[ChildRelation(id="k1", child="kim", parents=["mam", "pap"])],
        ties=[Tie(id="t1", a="kim", b="buur")],
        domains=[Domain(id="d1", name="Buurt", members=["buur"])],
        events=[LifeEvent(id="ev1", year=2010, title="Verhuisd", persons=["kim"])],
    )
    return Case(id="c", title="Kim", client="kim", network=net)


def from_import(change: Callable[[Doc], None]) -> list[Problem]:
    doc = case_to_dict(family())
    change(doc["network"])
    with pytest.raises(InvalidInput) as caught:
        case_from_data(doc)
    return list(caught.value.problems)


def from_edit(op: Doc) -> list[Problem]:
    with pytest.raises(InvalidInput) as caught:
        apply_edit(family(), op)
    return list(caught.value.problems)


def add(kind: str, record: Doc) -> Callable[[Doc], None]:
    return lambda net: net.setdefault(kind, []).append(record)


def change(kind: str, ident: str, **fields: Any) -> Callable[[Doc], None]:
    def apply(net: Doc) -> None:
        next(r for r in net[kind] if r["id"] == ident).update(fields)

    return apply


RULES: list[tuple[str, Callable[[Doc], None], str, Doc, str]] = [
    (
        "self_partner",
        add("couples", {"id": "c2", "a": "kim", "b": "kim"}),
        "couples/c2/b",
        {"op": "add_couple", "a": "kim", "b": "kim"},
        "b",
    ),
    (
        "end_before_start",
        add("couples", {"id": "c2", "a": "kim", "b": "buur", "start_year": 2000, "end_year": 1999}),
        "couples/c2/end_year",
        {"op": "add_couple", "a": "kim", "b": "buur", "start_year": 2000, "end_year": 1999},
        "end_year",
    ),
    (
        "end_before_start",
        change("couples", "c1", end_year=1970),
        "couples/c1/end_year",
        {"op": "update_couple", "id": "c1", "changes": {"end_year": 1970}},
        "changes/end_year",
    ),
    (
        "unknown_reference",
        add("couples", {"id": "c2", "a": "kim", "b": "ghost"}),
        "couples/c2/b",
        {"op": "add_couple", "a": "kim", "b": "ghost"},
        "b",
    ),
    (
        "self_parent",
        add("children", {"id": "k2", "child": "buur", "parents": ["buur"]}),
        "children/k2/parents/0",
        {"op": "add_child", "child": "buur", "parents": ["buur"]},
        "parents/0",
    ),
    (
        "duplicate_id",
        add("children", {"id": "k2", "child": "buur", "parents": ["mam", "mam"]}),
        "children/k2/parents/1",
        {"op": "add_child", "child": "buur", "parents": ["mam", "mam"]},
        "parents/1",
    ),
    (
        "child_before_parent",
        add("children", {"id": "k2", "child": "kim", "parents": ["jong"]}),
        "children/k2/parents/0",
        {"op": "add_child", "child": "kim", "parents": ["jong"]},
        "parents/0",
    ),
    (
        "parent_cycle",
        add("children", {"id": "k2", "child": "mam", "parents": ["kim"]}),
        "children/k2/parents/0",
        {"op": "add_child", "child": "mam", "parents": ["kim"]},
        "parents/0",
    ),
    (
        "twin_without_group",
        add(
            "children", {"id": "k2", "child": "buur", "parents": ["mam"], "twin_type": "identical"}
        ),
        "children/k2/twin_type",
        {"op": "add_child", "child": "buur", "parents": ["mam"], "twin_type": "identical"},
        "twin_type",
    ),
    (
        "self_relation",
        add("emotions", {"id": "e1", "a": "kim", "b": "kim", "type": "close"}),
        "emotions/e1/b",
        {"op": "add_emotion", "a": "kim", "b": "kim", "type": "close"},
        "b",
    ),
    (
        "self_relation",
        add("ties", {"id": "t2", "a": "kim", "b": "kim"}),
        "ties/t2/b",
        {"op": "add_tie", "a": "kim", "b": "kim"},
        "b",
    ),
    (
        "unknown_reference",
        add("ties", {"id": "t2", "a": "kim", "b": "ghost"}),
        "ties/t2/b",
        {"op": "add_tie", "a": "kim", "b": "ghost"},
        "b",
    ),
    (
        "death_before_birth",
        change("persons", "pap", death_year=1900),
        "persons/pap/death_year",
        {"op": "update_person", "id": "pap", "changes": {"death_year": 1900}},
        "changes/death_year",
    ),
    (
        "required",
        add("persons", {"id": "leeg", "name": "   "}),
        "persons/leeg/name",
        {"op": "add_person", "name": "   "},
        "name",
    ),
    (
        "required",
        change("domains", "d1", name="   "),
        "domains/d1/name",
        {"op": "rename_domain", "id": "d1", "name": "   "},
        "name",
    ),
    (
        "unknown_reference",
        change("domains", "d1", members=["buur", "ghost"]),
        "domains/d1/members/1",
        {"op": "add_domain", "name": "Werk", "members": ["buur", "ghost"]},
        "members/1",
    ),
]


@pytest.mark.parametrize(
    ("code", "in_file", "file_where", "op", "op_where"),
    RULES,
    ids=[f"{r[0]}-{r[3]['op']}" for r in RULES],
)
def test_the_same_problem_comes_from_import_and_from_the_edit(
    code: str, in_file: Callable[[Doc], None], file_where: str, op: Doc, op_where: str
) -> None:
    read, edited = from_import(in_file), from_edit(op)
    assert [(p.code, p.nl, p.en) for p in read] == [(p.code, p.nl, p.en) for p in edited]
    assert [p.code for p in read] == [code]
    assert (read[0].where, edited[0].where) == (file_where, op_where)
    assert read[0].nl != read[0].en


def test_a_parent_cycle_names_its_line_the_same_way_on_both_roads() -> None:
    (problem,) = from_edit({"op": "add_child", "child": "mam", "parents": ["kim"]})
    assert problem.nl == "ouderlijn loopt rond: mam → kim → mam"
    assert problem.en == "parent line forms a cycle: mam → kim → mam"


def test_a_cycle_in_a_file_is_reported_once_at_the_parent_that_closes_it() -> None:
    case = family()
    case.network.persons.append(Person(id="opa", name="Opa"))
    case.network.children += [
        ChildRelation(id="k2", child="mam", parents=["opa"]),
        ChildRelation(id="k3", child="opa", parents=["kim"]),
    ]
    for p in case.network.persons:
        p.birth_year = None
    problems = check_case(case)
    assert [(p.where, p.code) for p in problems] == [("children/k3/parents/0", "parent_cycle")]
    assert problems[0].en.endswith("opa → kim → mam → opa")


def test_parent_lines_answer_for_an_edit_and_for_a_whole_network() -> None:
    children = [
        ChildRelation(id="a", child="b", parents=["a1"]),
        ChildRelation(id="b", child="a1", parents=["g"]),
    ]
    lines = ParentLines(children)
    assert lines.chain("g", "b") == ["g", "b", "a1", "g"]
    assert lines.chain("b", "g") is None
    assert ParentLines(children, skip="b").chain("g", "b") is None
    closing = ChildRelation(id="c", child="g", parents=["b"])
    assert cycle_finder(children)(closing, "b") is None  # not part of that network
    assert cycle_finder([*children, closing])(closing, "b") == ["g", "b", "a1", "g"]


def test_a_deep_line_without_cycles_is_checked_without_recursion() -> None:
    persons = [Person(id=f"p{i}", name=f"P{i}") for i in range(3000)]
    children = [
        ChildRelation(id=f"k{i}", child=f"p{i}", parents=[f"p{i + 1}"]) for i in range(2999)
    ]
    case = Case(
        id="c",
        title="Lijn",
        client="p0",
        network=Network(persons=persons, children=children),
    )
    assert check_case(case) == []
    case.network.children.append(ChildRelation(id="rond", child="p2999", parents=["p0"]))
    assert [p.code for p in check_case(case)] == ["parent_cycle"]


def test_a_duplicate_child_relation_is_refused_when_added() -> None:
    (problem,) = from_edit({"op": "add_child", "child": "kim", "parents": ["pap", "mam"]})
    assert (problem.where, problem.code) == ("parents", "duplicate")
