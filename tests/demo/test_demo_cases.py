"""The demo cases from the book: shipped files match the builders, and the book's facts hold."""

from __future__ import annotations

import pytest

from devtools.demo.build import build_cases, render
from zorgkracht.demo import DEMO_IDS, demo_paths, load_demo_cases
from zorgkracht.domain import Case, Network, check_case
from zorgkracht.domain.codes import (
    CoupleType,
    Gender,
    Role,
    Sector,
    TieStatus,
)
from zorgkracht.interchange.case_json import dumps, loads

WEAK_TIE_ROLES = {Role.NEIGHBOUR, Role.ACQUAINTANCE, Role.COLLEAGUE}


@pytest.fixture(scope="module")
def cases() -> dict[str, Case]:
    return {case.id: case for case in load_demo_cases()}


def _roles(net: Network, client: str) -> set[Role]:
    return {p.role for p in net.persons if p.id != client and p.role is not None}


def test_shipped_files_are_what_build_produces() -> None:
    rendered = render()
    assert sorted(rendered) == sorted(demo_paths())
    for path, text in rendered.items():
        assert path.read_text(encoding="utf-8") == text, (
            f"{path.name} is out of date: run python -m devtools.demo.build"
        )


def test_demo_ids_and_files() -> None:
    assert DEMO_IDS == ("flodder", "karel", "tavenier")
    paths = demo_paths()
    assert [p.name for p in paths] == [f"{i}.zorgkracht.json" for i in DEMO_IDS]
    assert all(p.is_file() for p in paths)


def test_every_demo_case_loads_validates_and_round_trips(cases: dict[str, Case]) -> None:
    assert list(cases) == list(DEMO_IDS)
    for built in build_cases():
        assert check_case(built) == []
        loaded = cases[built.id]
        assert check_case(loaded) == []
        assert dumps(loads(dumps(loaded))) == dumps(built)


def test_every_case_has_life_events_and_domains(cases: dict[str, Case]) -> None:
    for case in cases.values():
        assert case.network.events, case.id
        assert case.network.domains, case.id
        assert all(-3 <= e.valence <= 3 for e in case.network.events)


def test_every_member_has_role_circle_frequency_and_status(cases: dict[str, Case]) -> None:
    for case in cases.values():
        nets = [case.network, *(s.network for s in case.snapshots)]
        for net in nets:
            for p in net.persons:
                if p.id == case.client or p.is_pet:
                    continue
                assert p.role is not None, (case.id, p.id)
                assert p.status is not None, (case.id, p.id)
                # the Flodder ex-husbands are unknown men: no circle or frequency
                if p.role is not Role.PARTNER or case.id != "flodder":
                    assert p.circle is not None, (case.id, p.id)
                    assert p.frequency is not None, (case.id, p.id)


# --- Flodder ------------------------------------------------------------------------------


def test_ma_flodder_is_the_female_index_person(cases: dict[str, Case]) -> None:
    case = cases["flodder"]
    assert case.client == "ma"
    assert case.index_id == "ma"
    ma = case.network.person("ma")
    assert ma.gender is Gender.FEMALE
    assert "Geertruida" in ma.name


def test_ma_flodder_has_five_marriages_each_with_one_child(cases: dict[str, Case]) -> None:
    net = cases["flodder"].network
    couples = [c for c in net.couples if "ma" in (c.a, c.b)]
    assert len(couples) == 5
    assert all(c.type is CoupleType.DIVORCED for c in couples)
    starts = [c.start_year for c in couples if c.start_year is not None]
    assert len(starts) == 5
    assert starts == sorted(starts)
    children_by_father = {
        frozenset(ch.parents): ch.child for ch in net.children if "ma" in ch.parents
    }
    assert len(children_by_father) == 5
    for couple in couples:
        assert frozenset((couple.a, couple.b)) in children_by_father
    names = [net.person(children_by_father[frozenset((c.a, c.b))]).name for c in couples]
    assert [n.split(" ")[0] for n in names] == ["Johnie", "Kees", "Kees", "Henkie", "Toet"]
    assert net.person("henkie").birth_year == 2000
    assert net.person("toet").birth_year == 2002
    assert net.person("kees_d").gender is Gender.FEMALE
    assert net.person("kees_z").gender is Gender.MALE


def test_opa_is_household_but_not_kin(cases: dict[str, Case]) -> None:
    net = cases["flodder"].network
    opa = net.person("opa")
    assert "opa" in net.household
    assert opa.birth_year == 1917
    assert opa.sector is not Sector.KIN
    assert all("opa" not in (c.a, c.b) for c in net.couples)
    assert all(ch.child != "opa" and "opa" not in ch.parents for ch in net.children)


def test_whiskey_is_the_dog_in_the_household(cases: dict[str, Case]) -> None:
    net = cases["flodder"].network
    whiskey = net.person("whiskey")
    assert whiskey.pet == "hond"
    assert "whiskey" in net.household


def test_flodder_household_is_the_book_client_system(cases: dict[str, Case]) -> None:
    net = cases["flodder"].network
    assert set(net.household) == {
        "ma",
        "johnie",
        "kees_d",
        "kees_z",
        "henkie",
        "toet",
        "opa",
        "whiskey",
    }


def test_flodder_ecogram_forces(cases: dict[str, Case]) -> None:
    net = cases["flodder"].network
    sjakie = net.person("sjakie")
    assert sjakie.role is Role.PROFESSIONAL
    social_work = next(d for d in net.domains if d.id == "d_sociaal_werk")
    assert social_work.members == ["sjakie"]
    tie = {t.b: t for t in net.ties if t.a == "ma"}
    assert tie["sjakie"].quality == "positive"
    assert tie["buurman"].quality == "conflict"
    assert tie["d_tennisclub"].quality == "conflict"
    assert tie["jolanda"].quality == "positive"
    assert tie["wethouder"].quality == "tense"
    kinds = {d.kind for d in net.domains}
    assert {"housing", "work", "school", "media", "municipality", "social_work"} <= kinds
    emotions = {(e.a, e.b, e.type) for e in net.emotions}
    assert ("ma", "opa", "care") in emotions
    assert ("johnie", "opa", "hostile") in emotions
    assert ("kees_z", "opa", "hostile") in emotions
    assert ("kees_z", "kees_d", "close") in emotions


# --- Karel ---------------------------------------------------------------------------------


def test_karel_has_start_and_later_with_the_same_client(cases: dict[str, Case]) -> None:
    case = cases["karel"]
    assert [s.id for s in case.snapshots] == ["start", "later"]
    start, later = case.snapshot("start"), case.snapshot("later")
    assert start.taken_on is not None and later.taken_on is not None
    assert start.taken_on < later.taken_on
    assert case.client in start.network.person_ids()
    assert case.client in later.network.person_ids()
    assert dumps(case).count('"id": "karel"') >= 3  # the case, and the client in both snapshots
    # the current network is the later one
    assert case.network.person_ids() == later.network.person_ids()


def test_karel_person_ids_are_stable_across_snapshots(cases: dict[str, Case]) -> None:
    case = cases["karel"]
    start, later = case.snapshot("start").network, case.snapshot("later").network
    for pid in start.person_ids() & later.person_ids():
        assert start.person(pid).name == later.person(pid).name
    assert {"karel", "vader", "moeder", "hondje"} <= start.person_ids() & later.person_ids()


def test_karel_start_has_no_weak_ties_and_a_faded_mother(cases: dict[str, Case]) -> None:
    case = cases["karel"]
    net = case.snapshot("start").network
    assert not (_roles(net, case.client) & WEAK_TIE_ROLES)
    assert net.person("moeder").status is TieStatus.FADED
    cafe = next(t for t in net.ties if t.b == "cafevrienden")
    assert cafe.quality in ("tense", "conflict")


def test_karel_later_has_weak_ties_and_more_variety(cases: dict[str, Case]) -> None:
    case = cases["karel"]
    start = case.snapshot("start").network
    later = case.snapshot("later").network
    assert _roles(later, case.client) >= {Role.NEIGHBOUR, Role.COLLEAGUE, Role.ACQUAINTANCE}
    assert len(_roles(later, case.client)) > len(_roles(start, case.client))
    assert len(later.persons) > len(start.persons)
    assert later.person("hondje").pet == "hond"


# --- Tavenier ------------------------------------------------------------------------------


def test_tavenier_family_michel_and_meeting(cases: dict[str, Case]) -> None:
    case = cases["tavenier"]
    net = case.network
    pieter = net.person(case.client)
    assert pieter.name == "Pieter Tavenier"
    michel = net.person("michel")
    assert michel.name == "Michel Scheerder"
    assert michel.role is Role.PROFESSIONAL
    assert set(net.household) == {"pieter", "lina", "dochter", "zoon", "jongste"}
    assert [c.type for c in net.couples] == [CoupleType.MARRIED]
    ages = {p.id: p.age_in(2011) for p in net.persons if p.id in net.household}
    assert ages == {"pieter": 42, "lina": 41, "dochter": 11, "zoon": 8, "jongste": 4}
    meeting = next(e for e in net.events if e.title == "Familienetwerk-beraad")
    professionals = [p for p in meeting.persons if net.person(p).role is Role.PROFESSIONAL]
    assert len([p for p in professionals if p != "michel"]) == 5
    assert any(net.person(p).role in (Role.PARENT, Role.SIBLING) for p in meeting.persons)
    assert any(d.kind == "work" for d in net.domains)
    assert any(t.quality == "conflict" and t.b == "d_schuldeisers" for t in net.ties)
    assert all(t.support for t in net.ties if t.a == case.client and t.quality == "positive")
