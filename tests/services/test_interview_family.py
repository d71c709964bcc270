"""The interview builds the whole map, checked by hand: the family tree (couples, children,
brothers and sisters sharing parents), organisations, domains by code and the optional
questions per person; every step is one batch that its inverse undoes exactly."""

from __future__ import annotations

import pytest

from zorgkracht.domain import (
    Case,
    ChildRelation,
    Circle,
    CoupleRelation,
    CoupleType,
    Direction,
    DomainKind,
    Energy,
    Gender,
    InvalidInput,
    Network,
    Person,
    Role,
    Support,
    Wish,
    validate_case,
)
from zorgkracht.interchange import case_json
from zorgkracht.services import interview as iv
from zorgkracht.services.edits import apply_edit
from zorgkracht.services.interview_steps import relation_choices


def pauline() -> Case:
    return Case(
        id="pauline",
        title="Netwerk van Pauline",
        client="p1",
        network=Network(persons=[Person(id="p1", name="Pauline")]),
    )


def add(case: Case, step: str, name: str, **answers: object) -> Case:
    added = iv.add_name(case, step, name, **answers)
    assert added.created
    validate_case(added.case)
    return added.case


def couples(case: Case) -> list[tuple[str, str, CoupleType]]:
    return [(c.a, c.b, c.type) for c in case.network.couples]


def children(case: Case) -> list[tuple[str, list[str]]]:
    return [(c.child, c.parents) for c in case.network.children]


def test_a_partner_is_a_couple_of_the_type_the_client_says() -> None:
    case = add(pauline(), "family", "Henk", role="partner", gender="male", couple="married")
    assert couples(case) == [("p1", "p2", CoupleType.MARRIED)]
    assert case.network.person("p2").gender is Gender.MALE
    case = add(case, "family", "Gerard", role="partner", couple="divorced")
    assert couples(case)[1] == ("p1", "p3", CoupleType.DIVORCED)
    # not said: married, the genogram's default
    case = add(pauline(), "household", "Bram", role="partner")
    assert couples(case) == [("p1", "p2", CoupleType.MARRIED)]


def test_the_dutch_word_gives_role_and_gender_and_a_chosen_gender_wins() -> None:
    case = add(pauline(), "family", "Riet", role="mother")
    mother = case.network.person("p2")
    assert (mother.role, mother.gender) == (Role.PARENT, Gender.FEMALE)
    case = add(case, "family", "Kees", role="son")
    assert (case.network.person("p3").role, case.network.person("p3").gender) == (
        Role.CHILD,
        Gender.MALE,
    )
    case = add(case, "family", "Sam", role="son", gender="other")
    assert case.network.person("p4").gender is Gender.OTHER
    # a word for a role the step does not offer is refused, naming the field
    with pytest.raises(InvalidInput) as caught:
        iv.add_name(pauline(), "friends", "Riet", role="mother")
    assert [p.where for p in caught.value.problems] == ["role"]


def test_the_relation_choices_put_the_words_after_their_role() -> None:
    values = [value for value, _role, _kin in relation_choices(iv.name_step("household"))]
    assert values[:8] == [
        "partner",
        "parent",
        "mother",
        "father",
        "child",
        "daughter",
        "son",
        "sibling",
    ]


def test_children_hang_from_the_client_and_the_partner() -> None:
    case = add(pauline(), "family", "Henk", role="partner")
    case = add(case, "family", "Marja", role="daughter")
    case = add(case, "family", "Peter", role="son")
    case = add(case, "family", "Joost", role="son", other_parent="none")
    assert children(case) == [("p3", ["p1", "p2"]), ("p4", ["p1", "p2"]), ("p5", ["p1"])]
    # with two partners, the child hangs from the one the client is still with
    case = add(case, "family", "Gerard", role="partner", couple="divorced")
    case = add(case, "family", "Lies", role="daughter")
    assert children(case)[-1] == ("p7", ["p1", "p2"])
    case = add(case, "family", "Bas", role="son", other_parent="p6")
    assert children(case)[-1] == ("p8", ["p1", "p6"])
    with pytest.raises(InvalidInput) as caught:
        iv.add_name(case, "family", "Mo", role="son", other_parent="p3")
    assert [p.where for p in caught.value.problems] == ["other_parent"]
    # no partner: the child hangs from the client alone
    assert children(add(pauline(), "household", "Tim", role="child")) == [("p2", ["p1"])]


def test_parents_become_the_clients_parents_and_a_couple() -> None:
    case = add(pauline(), "family", "Riet", role="mother")
    assert children(case) == [("p1", ["p2"])]
    case = add(case, "family", "Jan", role="father")
    assert children(case) == [("p1", ["p2", "p3"])]
    assert couples(case) == [("p2", "p3", CoupleType.MARRIED)]
    # a third parent (a step-parent) gets no line of descent
    case = add(case, "family", "Els", role="parent")
    assert children(case) == [("p1", ["p2", "p3"])]


def test_siblings_share_the_parents_the_client_named() -> None:
    case = add(pauline(), "family", "Riet", role="mother")
    case = add(case, "family", "Jan", role="father")
    case = add(case, "family", "Ans", role="sister")
    assert children(case)[-1] == ("p4", ["p2", "p3"])
    assert case.network.person("p4").gender is Gender.FEMALE


def test_a_sibling_without_named_parents_gets_two_unknown_ones_that_a_parent_fills() -> None:
    case = add(pauline(), "family", "Ans", role="sister")
    ans, mother, father = "p2", "p3", "p4"
    unknown = [(p.id, p.name, p.gender, p.role) for p in case.members()[1:]]
    assert unknown == [
        (mother, "?", Gender.FEMALE, Role.PARENT),
        (father, "?", Gender.MALE, Role.PARENT),
    ]
    assert couples(case) == [(mother, father, CoupleType.MARRIED)]
    assert children(case) == [("p1", [mother, father]), (ans, [mother, father])]
    # they are no network members the client named: no tie, not asked about
    assert [p.id for p in iv.named_members(case)] == [ans]
    assert {t.b for t in case.network.ties} == {ans}
    case = add(case, "family", "Kees", role="brother")
    assert children(case)[-1] == ("p5", [mother, father])
    # naming the father later gives the unknown father his name, in the same place
    case = add(case, "family", "Jan", role="father")
    father_now = case.network.person(father)
    assert (father_now.name, father_now.gender, father_now.circle) == (
        "Jan",
        Gender.MALE,
        Circle.FRIENDSHIP,
    )
    assert len(case.network.persons) == 5
    assert children(case)[0] == ("p1", [mother, father])
    assert any(t.b == father for t in case.network.ties)
    assert [p.id for p in iv.named_members(case)] == [ans, father, "p5"]
    family = next(d for d in case.network.domains if d.kind is DomainKind.FAMILY)
    assert family.members == [ans, "p5", father]


def test_organisations_are_marked_and_have_no_gender() -> None:
    case = add(pauline(), "clubs", "Vrouwengilde", organisation=True, gender="female")
    guild = case.network.person("p2")
    assert (guild.organisation, guild.gender) == (True, Gender.UNKNOWN)
    case = add(case, "professionals", "Verpleeghuis De Linde", role="service", organisation=True)
    assert case.network.person("p3").organisation is True
    case = add(case, "clubs", "Truus")
    assert case.network.person("p4").organisation is False
    assert iv.name_step("clubs").organisations and iv.name_step("professionals").organisations
    assert not iv.name_step("family").organisations


def test_domains_are_stored_by_code_and_there_is_no_catch_all() -> None:
    case = add(pauline(), "household", "Henk", role="partner")
    case = add(case, "family", "Marja", role="daughter")
    case = add(case, "friends", "Ria")
    case = add(case, "birthday", "Gerda")  # an acquaintance: no domain
    case = add(case, "tickets", "Wim", role="friend")  # a friend: the friends
    case = add(case, "moving", "Jolanda", role="neighbour")
    assert [(d.name, d.kind, d.members) for d in case.network.domains] == [
        ("family", DomainKind.FAMILY, ["p3"]),
        ("friends", DomainKind.FRIENDS, ["p4", "p6"]),
        ("neighbourhood", DomainKind.NEIGHBOURHOOD, ["p7"]),
    ]
    assert all(d.kind is not DomainKind.OTHER for d in case.network.domains)


def test_circle_and_support_are_given_with_the_name() -> None:
    case = add(pauline(), "friends", "Ria", circle="1", support=["e", "G"])
    ria = case.network.person("p2")
    assert ria.circle is Circle.INTIMACY
    tie = iv.client_tie(case, "p2")
    assert tie is not None
    assert (tie.support, tie.direction) == (
        {Support.EMOTIONAL, Support.COMPANIONSHIP},
        Direction.TO_CLIENT,
    )
    before = case_json.case_to_dict(pauline())
    with pytest.raises(InvalidInput) as caught:
        iv.name_operations(pauline(), "friends", "Ria", circle="7", support=["X"], couple="x")
    assert sorted(p.where for p in caught.value.problems) == ["circle", "couple", "support"]
    assert case_json.case_to_dict(pauline()) == before


@pytest.mark.parametrize(
    ("step", "name", "answers"),
    [
        ("household", "Henk", {"role": "partner", "couple": "cohabiting"}),
        ("family", "Ans", {"role": "sister"}),
        ("clubs", "Vrouwengilde", {"organisation": True, "support": ["G"], "circle": "3"}),
        ("family", "Marja", {"role": "daughter"}),
    ],
)
def test_each_name_is_one_batch_that_its_inverse_undoes(
    step: str, name: str, answers: dict[str, object]
) -> None:
    case = add(pauline(), "family", "Riet", role="mother")
    case = add(case, "family", "Bert", role="partner")
    ops = iv.name_operations(case, step, name, **answers).operations  # type: ignore[arg-type]
    done = apply_edit(case, iv.batch(ops))
    assert done.inverse["op"] == "batch"
    undone = apply_edit(done.case, done.inverse)
    assert undone.case == case
    assert apply_edit(undone.case, undone.inverse).case == done.case  # and redone


def test_filling_an_unknown_parent_is_undone_too() -> None:
    case = add(pauline(), "family", "Ans", role="sister")
    ops = iv.name_operations(case, "family", "Riet", role="mother").operations
    done = apply_edit(case, iv.batch(ops))
    assert done.case.network.person("p3").name == "Riet"
    assert apply_edit(done.case, done.inverse).case == case


def test_the_optional_questions_per_person() -> None:
    case = add(pauline(), "household", "Henk", role="partner")
    ops = iv.interpreter_operations(
        case,
        "p2",
        {
            "wish": ["more"],
            "energy": ["both"],
            "may_ask": ["no"],
            "receives_care": ["yes"],
            "own_needs": ["yes"],
            "care_hours": ["2,5"],
        },
    )
    changed = iv.apply_operations(case, ops)
    henk = changed.network.person("p2")
    assert (henk.wish, henk.energy, henk.may_ask, henk.receives_care, henk.own_needs) == (
        Wish.MORE,
        Energy.BOTH,
        False,
        True,
        True,
    )
    tie = iv.client_tie(changed, "p2")
    assert tie is not None and tie.care_hours_per_week == 2.5
    # skipped questions stay as they are; an empty answer clears
    again = iv.apply_operations(changed, iv.interpreter_operations(changed, "p2", {"wish": [""]}))
    assert again.network.person("p2").wish is None
    assert again.network.person("p2").energy is Energy.BOTH
    with pytest.raises(InvalidInput) as caught:
        iv.interpreter_operations(
            case,
            "p2",
            {
                "wish": ["lots"],
                "energy": ["x"],
                "may_ask": ["perhaps"],
                "care_hours": ["200"],
                "client_care_hours": ["veel"],
            },
        )
    assert sorted(p.where for p in caught.value.problems) == [
        "care_hours",
        "client_care_hours",
        "energy",
        "may_ask",
        "wish",
    ]


def test_the_client_care_of_a_new_tie_follows_the_add() -> None:
    case = pauline()
    case.network.persons.append(Person(id="p2", name="Henk"))
    ops = iv.interpreter_operations(case, "p2", {"client_care_hours": ["12"]})
    assert [op["op"] for op in ops] == ["add_tie", "update_tie"]
    assert ops[1]["changes"] == {"client_care_hours_per_week": 12}
    changed = iv.apply_operations(case, ops)
    tie = iv.client_tie(changed, "p2")
    assert tie is not None and tie.client_care_hours_per_week == 12


def test_the_client_gives_gender_and_year_of_birth() -> None:
    case = pauline()
    ops = iv.client_operations(case, "female", "1956")
    changed = iv.apply_operations(case, ops)
    client = changed.network.person("p1")
    assert (client.gender, client.birth_year) == (Gender.FEMALE, 1956)
    assert iv.client_operations(changed, "female", "1956") == []  # nothing new
    cleared = iv.apply_operations(changed, iv.client_operations(changed, "", ""))
    assert (cleared.network.person("p1").gender, cleared.network.person("p1").birth_year) == (
        Gender.UNKNOWN,
        None,
    )
    with pytest.raises(InvalidInput) as caught:
        iv.client_operations(case, "woman", "69")
    assert sorted(p.where for p in caught.value.problems) == ["birth_year", "gender"]


def test_the_genogram_relations_are_records_of_the_case() -> None:
    case = add(pauline(), "family", "Henk", role="partner")
    case = add(case, "family", "Marja", role="daughter")
    assert case.network.couples == [CoupleRelation(id="c1", a="p1", b="p2")]
    assert case.network.children == [ChildRelation(id="ch1", child="p3", parents=["p1", "p2"])]
