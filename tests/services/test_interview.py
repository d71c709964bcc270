"""The interview's answers, checked by hand: the right persons, codes and ties, and bad input
that names its field and changes nothing."""

from __future__ import annotations

import copy

import pytest

from zorgkracht.domain import (
    Case,
    Circle,
    Direction,
    DomainKind,
    Frequency,
    Gender,
    InvalidInput,
    Network,
    NotFound,
    Person,
    Quality,
    Role,
    Snapshot,
    Support,
    Tie,
    Zone,
    validate_case,
)
from zorgkracht.domain.limits import MAX_NAME
from zorgkracht.interchange import case_json
from zorgkracht.services import interview as iv


def empty_case() -> Case:
    return Case(
        id="kim",
        title="Netwerk van Kim",
        client="p1",
        network=Network(persons=[Person(id="p1", name="Kim", gender=Gender.FEMALE)]),
    )


def snapshot_of(case: Case) -> dict[str, object]:
    return case_json.case_to_dict(case)


def test_the_steps_are_the_books_generators_in_order() -> None:
    assert iv.STEP_KEYS == (
        "household",
        "family",
        "friends",
        "neighbours",
        "work",
        "clubs",
        "professionals",
        "birthday",
        "season",
        "tickets",
        "moving",
    )
    weak = [s.key for s in iv.NAME_STEPS if s.weak_tie]
    assert weak == ["birthday", "season", "tickets", "moving"]
    assert "verjaardagswensen" in iv.name_step("birthday").question_nl
    assert "vijf kaartjes" in iv.name_step("tickets").question_nl
    assert iv.next_step("household") is iv.name_step("family")
    assert iv.next_step("moving") is None
    assert iv.previous_step("household") is None


def test_a_household_member_joins_the_client_system_with_a_tie() -> None:
    case = empty_case()
    added = iv.add_name(case, "household", "  Piet   de Vries ", role="partner", gender="male")
    assert added.created
    piet = added.person
    assert (piet.id, piet.name, piet.role, piet.gender) == (
        "p2",
        "Piet de Vries",
        Role.PARTNER,
        Gender.MALE,
    )
    assert (piet.circle, piet.zone, piet.frequency) == (
        Circle.INTIMACY,
        Zone.NEIGHBOURHOOD,
        Frequency.DAILY,
    )
    net = added.case.network
    assert net.household == ["p1", "p2"]
    assert [(t.id, t.a, t.b, t.strength, t.quality) for t in net.ties] == [
        ("t1", "p1", "p2", 2, Quality.POSITIVE)
    ]
    assert case.network.persons == [Person(id="p1", name="Kim", gender=Gender.FEMALE)]
    validate_case(added.case)


def test_each_step_gives_its_default_role_circle_and_domain() -> None:
    case = empty_case()
    expected = {
        "family": (Role.OTHER_FAMILY, Circle.FRIENDSHIP, DomainKind.FAMILY),
        "friends": (Role.FRIEND, Circle.FRIENDSHIP, DomainKind.FRIENDS),
        "neighbours": (Role.NEIGHBOUR, Circle.ACQUAINTANCE, DomainKind.NEIGHBOURHOOD),
        "work": (Role.COLLEAGUE, Circle.ACQUAINTANCE, DomainKind.WORK),
        "clubs": (Role.ACQUAINTANCE, Circle.ACQUAINTANCE, DomainKind.CLUB),
        "professionals": (Role.PROFESSIONAL, Circle.SERVICES, DomainKind.SOCIAL_WORK),
        "birthday": (Role.ACQUAINTANCE, Circle.ACQUAINTANCE, None),
        "moving": (Role.ACQUAINTANCE, Circle.ACQUAINTANCE, None),
    }
    for n, (step, (role, circle, domain)) in enumerate(expected.items(), start=2):  # no catch-all
        added = iv.add_name(case, step, f"Persoon {n}")
        case = added.case
        assert added.person.id == f"p{n}"
        assert (added.person.role, added.person.circle) == (role, circle), step
        homes = [d.kind for d in case.network.domains if added.person.id in d.members]
        assert homes == ([domain] if domain else []), step
    # one domain per kind, holding its members, stored by its code (nobody typed a name);
    # every person has exactly one tie to the client
    assert [(d.id, d.name, d.kind, d.members) for d in case.network.domains] == [
        ("d1", "family", DomainKind.FAMILY, ["p2"]),
        ("d2", "friends", DomainKind.FRIENDS, ["p3"]),
        ("d3", "neighbourhood", DomainKind.NEIGHBOURHOOD, ["p4"]),
        ("d4", "work", DomainKind.WORK, ["p5"]),
        ("d5", "club", DomainKind.CLUB, ["p6"]),
        ("d6", "social_work", DomainKind.SOCIAL_WORK, ["p7"]),
    ]
    assert sorted(t.b for t in case.network.ties) == [f"p{n}" for n in range(2, 10)]
    assert all(t.a == "p1" for t in case.network.ties)
    assert case.network.household == []
    validate_case(case)


def test_a_second_name_in_the_same_domain_joins_the_existing_domain() -> None:
    case = iv.add_name(empty_case(), "neighbours", "Jolanda").case
    case = iv.add_name(case, "neighbours", "Henk").case
    assert [(d.kind, d.members) for d in case.network.domains] == [
        (DomainKind.NEIGHBOURHOOD, ["p2", "p3"])
    ]


def test_a_duplicate_name_returns_the_person_already_there_and_changes_nothing() -> None:
    case = iv.add_name(empty_case(), "neighbours", "Jolanda").case
    before = snapshot_of(case)
    again = iv.add_name(case, "birthday", " jolanda ")
    assert not again.created
    assert again.person.id == "p2"
    assert again.case is case
    assert snapshot_of(case) == before
    # the client's own name is a duplicate too
    assert iv.add_name(case, "friends", "KIM").person.id == "p1"


def test_another_person_with_the_same_name_is_added_when_asked() -> None:
    case = iv.add_name(empty_case(), "neighbours", "Jolanda").case
    added = iv.add_name(case, "work", "Jolanda", another_person=True)
    assert added.created
    assert [p.name for p in added.case.network.persons] == ["Kim", "Jolanda", "Jolanda"]
    assert added.person.role is Role.COLLEAGUE


@pytest.mark.parametrize(
    ("name", "role", "gender", "where"),
    [
        ("   ", "", "", "name"),
        ("x" * (MAX_NAME + 1), "", "", "name"),  # the one bound, zorgkracht.domain.limits
        ("Anna", "professional", "", "role"),  # not a choice for friends
        ("Anna", "buurman", "", "role"),
        ("Anna", "", "f", "gender"),
    ],
)
def test_bad_names_name_the_field(name: str, role: str, gender: str, where: str) -> None:
    case = empty_case()
    before = snapshot_of(case)
    with pytest.raises(InvalidInput) as caught:
        iv.add_name(case, "friends", name, role=role, gender=gender)
    assert [p.where for p in caught.value.problems] == [where]
    assert snapshot_of(case) == before


def test_an_unknown_step_is_not_found() -> None:
    with pytest.raises(NotFound):
        iv.add_name(empty_case(), "pets", "Whiskey")


def test_new_ids_never_reuse_an_id_from_a_snapshot() -> None:
    case = empty_case()
    old = copy.deepcopy(case.network)
    old.persons.append(Person(id="p2", name="Oud-buurman"))
    case.snapshots.append(Snapshot(id="s1", label="start", network=old))
    added = iv.add_name(case, "friends", "Anna")
    assert added.person.id == "p3"


def test_interpreters_set_the_person_and_the_tie_with_the_client() -> None:
    case = iv.add_name(empty_case(), "friends", "Anna").case
    changed = iv.set_interpreters(
        case,
        "p2",
        {
            "role": ["neighbour"],
            "circle": ["1"],
            "support": ["P", "e"],
            "frequency": ["weekly"],
            "zone": ["town"],
            "quality": ["tense"],
            "reciprocal": ["yes"],
        },
    )
    anna = changed.network.person("p2")
    assert (anna.role, anna.circle, anna.frequency, anna.zone) == (
        Role.NEIGHBOUR,
        Circle.INTIMACY,
        Frequency.WEEKLY,
        Zone.TOWN,
    )
    tie = iv.client_tie(changed, "p2")
    assert tie is not None
    assert (tie.id, tie.support, tie.quality, tie.reciprocal, tie.direction) == (
        "t1",
        {Support.PRACTICAL, Support.EMOTIONAL},
        Quality.TENSE,
        True,
        Direction.BOTH,
    )
    assert len(changed.network.ties) == 1
    # the original is untouched
    assert case.network.person("p2").circle is Circle.FRIENDSHIP


@pytest.mark.parametrize(
    ("support", "reciprocal", "direction"),
    [
        (["G"], "no", Direction.TO_CLIENT),
        ([], "yes", Direction.FROM_CLIENT),
        ([], "unknown", Direction.NONE),
        (["A"], "yes", Direction.BOTH),
    ],
)
def test_the_direction_follows_support_and_giving_back(
    support: list[str], reciprocal: str, direction: Direction
) -> None:
    case = iv.add_name(empty_case(), "friends", "Anna").case
    changed = iv.set_interpreters(case, "p2", {"support": support, "reciprocal": [reciprocal]})
    tie = iv.client_tie(changed, "p2")
    assert tie is not None
    assert tie.direction is direction
    assert tie.reciprocal is {"yes": True, "no": False, "unknown": None}[reciprocal]


def test_empty_answers_clear_and_missing_answers_keep() -> None:
    case = iv.add_name(empty_case(), "neighbours", "Jolanda").case
    changed = iv.set_interpreters(case, "p2", {"zone": [""], "support": []})
    jolanda = changed.network.person("p2")
    assert jolanda.zone is None  # cleared
    assert jolanda.circle is Circle.ACQUAINTANCE  # not sent: kept
    assert jolanda.role is Role.NEIGHBOUR


def test_interpreters_create_the_tie_when_it_is_missing() -> None:
    case = empty_case()
    case.network.persons.append(Person(id="p2", name="Anna"))
    changed = iv.set_interpreters(case, "p2", {"support": ["W"]})
    assert [(t.id, t.a, t.b, t.support) for t in changed.network.ties] == [
        ("t1", "p1", "p2", {Support.APPRECIATION})
    ]


def test_bad_interpreters_name_every_field_and_change_nothing() -> None:
    case = iv.add_name(empty_case(), "friends", "Anna").case
    before = snapshot_of(case)
    with pytest.raises(InvalidInput) as caught:
        iv.set_interpreters(
            case,
            "p2",
            {
                "circle": ["5"],
                "support": ["P", "X"],
                "zone": ["moon"],
                "reciprocal": ["maybe"],
                "quality": ["positive", "tense"],
                "weight": ["3"],
            },
        )
    assert sorted(p.where for p in caught.value.problems) == [
        "circle",
        "quality",
        "reciprocal",
        "support",
        "weight",
        "zone",
    ]
    assert snapshot_of(case) == before


def test_the_client_has_no_interpreters() -> None:
    with pytest.raises(NotFound):
        iv.set_interpreters(empty_case(), "p1", {"circle": ["1"]})


def three_members() -> Case:
    case = empty_case()
    for name in ("Anna", "Bert", "Cor"):
        case = iv.add_name(case, "friends", name).case
    return case  # p2 Anna, p3 Bert, p4 Cor; ties t1..t3 with the client


def test_who_knows_whom_creates_ties_between_members() -> None:
    case = three_members()
    changed = iv.set_acquaintances(case, ["p2 p3", "p4 p3"])
    member_ties = [(t.a, t.b) for t in changed.network.ties if t.a != "p1"]
    assert member_ties == [("p2", "p3"), ("p3", "p4")]
    assert iv.known_pairs(changed) == {("p2", "p3"), ("p3", "p4")}
    assert len([t for t in changed.network.ties if t.a == "p1"]) == 3
    validate_case(changed)


def test_who_knows_whom_keeps_existing_ties_and_removes_unticked_ones() -> None:
    case = three_members()
    case.network.ties.append(Tie(id="k1", a="p3", b="p2", strength=3))
    case.network.ties.append(Tie(id="k2", a="p2", b="p4"))
    changed = iv.set_acquaintances(case, ["p2 p3"])
    kept = [(t.id, t.strength) for t in changed.network.ties if t.a != "p1"]
    assert kept == [("k1", 3)]
    assert len(changed.network.ties) == 4


@pytest.mark.parametrize("pair", ["p2", "p2 p2", "p1 p2", "p2 p9", "p2 p3 p4"])
def test_a_bad_pair_names_the_field_and_changes_nothing(pair: str) -> None:
    case = three_members()
    before = snapshot_of(case)
    with pytest.raises(InvalidInput) as caught:
        iv.set_acquaintances(case, ["p2 p3", pair])
    assert [p.where for p in caught.value.problems] == ["knows"]
    assert snapshot_of(case) == before


def test_ten_people_with_two_weak_ties() -> None:
    """The interview of the browser test, by hand: ten people, two from weak-tie questions."""
    answers = [
        ("household", "Piet", "partner"),
        ("household", "Sanne", "child"),
        ("family", "Oma Truus", "grandparent"),
        ("family", "Ahmed", "sibling"),
        ("friends", "Lotte", ""),
        ("neighbours", "Jolanda", ""),
        ("work", "Karin", ""),
        ("professionals", "Julia", ""),
        ("birthday", "Marco", ""),
        ("tickets", "Evi", "friend"),
    ]
    case = empty_case()
    for step, name, role in answers:
        case = iv.add_name(case, step, name, role=role).case
    # Ahmed, a brother, shares Kim's parents: two unknown parents, not network members named
    unknown = [p for p in case.members() if p.name == "?"]
    assert [(p.id, p.gender, p.role) for p in unknown] == [
        ("p6", Gender.FEMALE, Role.PARENT),
        ("p7", Gender.MALE, Role.PARENT),
    ]
    members = iv.named_members(case)
    assert len(members) == 10
    assert [p.role for p in members] == [
        Role.PARTNER,
        Role.CHILD,
        Role.GRANDPARENT,
        Role.SIBLING,
        Role.FRIEND,
        Role.NEIGHBOUR,
        Role.COLLEAGUE,
        Role.PROFESSIONAL,
        Role.ACQUAINTANCE,
        Role.FRIEND,
    ]
    assert case.network.household == ["p1", "p2", "p3"]
    assert len(case.network.ties) == 10
    validate_case(case)
