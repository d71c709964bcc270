"""Every invariant of the case model, each on a small hand-made case."""

from __future__ import annotations

import pytest

from zorgkracht.domain import (
    Case,
    ChildRelation,
    CoupleRelation,
    Domain,
    EmotionalRelation,
    InvalidInput,
    LifeEvent,
    Network,
    Person,
    Point,
    Snapshot,
    Tie,
    check_case,
    validate_case,
)
from zorgkracht.domain.codes import EmotionalType, Role, Sector, Segment, TwinType


def family() -> Case:
    net = Network(
        persons=[
            Person(id="kim", name="Kim", birth_year=1980),
            Person(id="mam", name="Mam", birth_year=1950, role=Role.PARENT),
            Person(id="pap", name="Pap", birth_year=1948, death_year=2010, role=Role.PARENT),
            Person(id="buur", name="Buurvrouw", role=Role.NEIGHBOUR),
        ],
        household=["kim"],
        couples=[CoupleRelation(id="c1", a="mam", b="pap", start_year=1975)],
        children=[ChildRelation(id="k1", child="kim", parents=["mam", "pap"])],
        ties=[Tie(id="t1", a="kim", b="buur")],
        domains=[Domain(id="d1", name="Buurt", members=["buur"])],
        events=[LifeEvent(id="e1", year=2010, title="Pap overleden", valence=-3, persons=["pap"])],
    )
    return Case(id="c", title="Kim", client="kim", network=net)


def codes(case: Case) -> list[str]:
    return [p.code for p in check_case(case)]


def test_a_sound_case_has_no_problems() -> None:
    assert check_case(family()) == []
    assert validate_case(family()) == family()


def test_own_parent_is_rejected() -> None:
    case = family()
    case.network.children.append(ChildRelation(id="k2", child="mam", parents=["mam"]))
    assert "self_parent" in codes(case)


def test_own_partner_is_rejected() -> None:
    case = family()
    case.network.couples.append(CoupleRelation(id="c2", a="kim", b="kim"))
    problems = check_case(case)
    assert [p.code for p in problems] == ["self_partner"]
    assert problems[0].where == "couples/c2/b"  # the field that breaks the rule
    assert "eigen partner" in problems[0].nl and "own partner" in problems[0].en


def test_parent_cycle_over_three_generations_is_rejected() -> None:
    case = family()
    for p in case.network.persons:
        p.birth_year = None
    case.network.children.append(ChildRelation(id="k2", child="pap", parents=["kim"]))
    problems = [p for p in check_case(case) if p.code == "parent_cycle"]
    assert len(problems) == 1
    assert "kim" in problems[0].en and "pap" in problems[0].en


def test_child_born_before_parent_is_rejected() -> None:
    case = family()
    case.network.person("kim").birth_year = 1940
    problems = check_case(case)
    assert {p.code for p in problems} == {"child_before_parent"}
    assert len(problems) == 2  # before both parents


def test_death_before_birth_is_rejected() -> None:
    case = family()
    case.network.person("pap").death_year = 1900
    problems = check_case(case)
    assert [p.code for p in problems] == ["death_before_birth"]
    assert problems[0].where == "persons/pap/death_year"


def test_tie_to_someone_outside_the_case_is_rejected() -> None:
    case = family()
    case.network.ties.append(Tie(id="t2", a="kim", b="ghost"))
    problems = check_case(case)
    assert [p.code for p in problems] == ["unknown_reference"]
    assert "ghost" in problems[0].nl


def test_tie_to_a_domain_is_allowed() -> None:
    case = family()
    case.network.ties.append(Tie(id="t2", a="kim", b="d1"))
    assert check_case(case) == []


def test_duplicate_ids_across_kinds_are_rejected() -> None:
    case = family()
    case.network.domains.append(Domain(id="buur", name="Buur"))
    assert "duplicate_id" in codes(case)


def test_every_reference_is_checked() -> None:
    case = family()
    net = case.network
    net.household.append("x1")
    net.emotions.append(EmotionalRelation(id="e9", a="kim", b="x2", type=EmotionalType.CLOSE))
    net.domains[0].members.append("x3")
    net.events[0].persons.append("x4")
    net.couples.append(CoupleRelation(id="c9", a="kim", b="x5"))
    net.children.append(ChildRelation(id="k9", child="x6", parents=["kim"]))
    case.positions["genogram"] = {"x7": Point(x=0, y=0)}
    case.index_person = "x8"
    found = {p.nl.split("'")[1] for p in check_case(case)}
    assert found == {f"x{i}" for i in range(1, 9)}


def test_ranges_are_checked() -> None:
    case = family()
    case.network.ties[0].strength = 4
    case.network.person("buur").weight = 0
    case.network.events[0].valence = 5
    case.network.ties[0].care_hours_per_week = 200
    assert sorted(codes(case)) == ["out_of_range"] * 4


def test_twin_type_needs_a_group() -> None:
    case = family()
    case.network.children[0].twin_type = TwinType.IDENTICAL
    assert codes(case) == ["twin_without_group"]


def test_snapshot_problems_carry_the_snapshot_in_their_place() -> None:
    case = family()
    case.snapshots.append(
        Snapshot(id="s1", label="start", network=Network(persons=[Person(id="x", name="X")]))
    )
    problems = check_case(case)
    assert [(p.where, p.code) for p in problems] == [("snapshots/s1/client", "unknown_reference")]


def test_invalid_input_lists_every_problem_in_both_languages() -> None:
    case = family()
    case.network.person("pap").death_year = 1900
    case.network.couples.append(CoupleRelation(id="c2", a="kim", b="kim"))
    with pytest.raises(InvalidInput) as err:
        validate_case(case, "test.json")
    assert len(err.value.problems) == 2
    text = str(err.value)
    assert "test.json" in text
    assert "niets opgeslagen" in err.value.nl and "nothing was stored" in err.value.en


def test_sector_and_segment_are_derived_from_role() -> None:
    p = Person(id="x", name="X", role=Role.FELLOW_CLIENT)
    assert (p.sector, p.segment) == (Sector.FRIENDLY, Segment.CLIENT_CONTACTS)
    p.role = Role.SERVICE
    assert (p.sector, p.segment) == (Sector.SERVICES, Segment.PROFESSIONAL)
    p.role = None
    assert p.sector is None


def test_age_comes_from_birth_year_and_stops_at_death() -> None:
    assert Person(id="x", name="X", birth_year=1950, death_year=2000).age_in(2026) == 50
    assert Person(id="x", name="X", birth_year=1950).age_in(2026) == 76
    assert Person(id="x", name="X", age=7).age_in(2026) == 7
