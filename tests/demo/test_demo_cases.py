"""The demo cases from the book: shipped files match the builders, and the book's facts hold."""

from __future__ import annotations

import pytest

from devtools.demo.build import build_cases, render
from zorgkracht.demo import DEMO_IDS, demo_paths, load_demo_cases
from zorgkracht.domain import Case, Network, check_case
from zorgkracht.domain.codes import (
    CareTask,
    CoupleType,
    Energy,
    Gender,
    Role,
    Sector,
    TieStatus,
    Wish,
)
from zorgkracht.interchange.case_json import dumps, loads

WEAK_TIE_ROLES = {Role.NEIGHBOUR, Role.ACQUAINTANCE, Role.COLLEAGUE}
EX_PARTNERS = {
    "flodder": {f"man{n}" for n in range(1, 6)},
    "fatima": {f"vader{n}" for n in range(1, 5)},
}


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
    # the order of the book: ch. 4, after ch. 4, ch. 5, ch. 7, after ch. 8, after ch. 11
    assert DEMO_IDS == ("flodder", "fatima", "karel", "tavenier", "ada", "pauline")
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
                # ex-partners the book only names in the genogram (the five Flodder husbands,
                # the fathers of Fatima's children): no contact known, so no status, circle or
                # frequency (the book says nothing of the contact; no faded tie to revive)
                if p.id in EX_PARTNERS.get(case.id, ()):
                    assert p.role is Role.PARTNER and p.status is None, (case.id, p.id)
                    assert p.circle is None and p.frequency is None, (case.id, p.id)
                    continue
                assert p.status is not None, (case.id, p.id)
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
    # every positive tie from Pieter carries support, except his care for the children
    for t in net.ties:
        if t.a == case.client and t.quality == "positive":
            assert bool(t.support) != (t.client_care_hours_per_week is not None), t.id


def test_the_corrections_follow_the_book(cases: dict[str, Case]) -> None:
    """Flodder: Opa is cared for (l. 1733) and the ex-husbands are no faded contacts; Karel
    wants distance from the café friends (l. 2947-2949); the Tavenier parents care for their
    three children (l. 3579-3593), who receive care."""
    flodder = cases["flodder"].network
    assert flodder.person("opa").receives_care
    care = next(t for t in flodder.ties if {t.a, t.b} == {"ma", "opa"})
    assert care.client_care_tasks and care.a == "ma"
    assert all(flodder.person(f"man{n}").status is None for n in range(1, 6))
    start = cases["karel"].snapshot("start").network
    assert start.person("cafevrienden").wish is Wish.LESS
    assert start.person("moeder").wish is Wish.MORE
    tavenier = cases["tavenier"].network
    children = {"dochter", "zoon", "jongste"}
    assert all(tavenier.person(c).receives_care for c in children)
    given = {
        (t.a, t.b): t for t in tavenier.ties if t.b in children and t.client_care_months is not None
    }
    assert {b for _, b in given} == children
    assert {a for a, _ in given} == {"pieter", "lina"}
    assert CareTask.PERSONAL_CARE in given[("lina", "zoon")].client_care_tasks


# --- Fatima --------------------------------------------------------------------------------


def test_fatima_family_as_the_book_tells_it(cases: dict[str, Case]) -> None:
    """l. 2346-2356: 43, ten children of four fathers and a foster child; one father deceased,
    the others abroad; seven children at home, three adults and the foster child on their own."""
    case = cases["fatima"]
    net = case.network
    fatima = net.person(case.client)
    assert fatima.name == "Fatima Tahir" and fatima.age_in(2011) == 43
    own = [ch for ch in net.children if case.client in ch.parents and ch.type != "foster"]
    assert len(own) == 10
    fathers = {p for ch in own for p in ch.parents if p != case.client}
    assert len(fathers) == 4
    assert [net.person(f).is_deceased for f in sorted(fathers)].count(True) == 1
    assert [ch.child for ch in net.children if ch.type == "foster"] == ["pleegkind"]
    assert len(net.household) == 1 + 7
    son = net.person("zoon_oudste")
    assert son.age_in(2011) == 22 and son.own_needs and "zoon_oudste" not in net.household
    julia = net.person("julia")
    assert julia.name == "Julia van Hoof" and julia.role is Role.PROFESSIONAL


def test_fatima_son_carried_too_much_at_the_start(cases: dict[str, Case]) -> None:
    """l. 2492-2497: at the start of the guidance the oldest son gave much care."""
    case = cases["fatima"]
    begin = case.snapshot("begin").network
    tie = next(t for t in begin.ties if t.b == "zoon_oudste")
    assert tie.care_hours_per_week is not None and tie.care_hours_per_week > 8
    assert tie.care_tasks
    now = next(t for t in case.network.ties if t.b == "zoon_oudste")
    assert now.care_hours_per_week is None
    # two sons were still placed out of the home at the start
    assert {"zoon_terug1", "zoon_terug2"} <= set(case.network.household)
    assert not {"zoon_terug1", "zoon_terug2"} & set(begin.household)


# --- Ada -----------------------------------------------------------------------------------


def test_ada_and_carmen(cases: dict[str, Case]) -> None:
    """l. 4096-4111, 4139-4140, 4244-4248: Ada 49, Mira 16, divorced; Carmen (44) a volunteer
    coach; at the referral the neglected contacts are faded, at the end active again."""
    case = cases["ada"]
    net = case.network
    assert net.person("ada").age_in(2011) == 49 and net.person("mira").age_in(2011) == 16
    assert [c.type for c in net.couples] == [CoupleType.DIVORCED]
    carmen = net.person("carmen")
    assert carmen.name == "Carmen van Straalen" and carmen.role is Role.VOLUNTEER
    assert carmen.age_in(2011) == 44
    assert net.person("mira").may_ask is False
    assert [s.id for s in case.snapshots] == ["aanmelding", "eind"]
    start = case.snapshot("aanmelding").network
    assert "carmen" not in start.person_ids()
    for pid in ("kennis", "buurvrouw1", "buurvrouw2"):
        assert start.person(pid).status is TieStatus.FADED
        assert net.person(pid).status is TieStatus.ACTIVE
    assert net.person("ex").energy is Energy.COSTS


# --- Pauline -------------------------------------------------------------------------------


def test_pauline_and_lisa(cases: dict[str, Case]) -> None:
    """l. 5103-5110, 5141, 5166-5194: Pauline 69, three children, her husband in a nursing home
    (cared for), Lisa (22) a volunteer; the netwerkcirkel with energy; a women's guild, the
    dementia association and the nursing home are organisations."""
    case = cases["pauline"]
    net = case.network
    assert net.person("pauline").age_in(2011) == 69
    man = net.person("man")
    assert man.receives_care and man.may_ask is False and "man" not in net.household
    assert len([ch for ch in net.children if "pauline" in ch.parents]) == 3
    lisa = net.person("lisa")
    assert lisa.role is Role.VOLUNTEER and lisa.age_in(2011) == 22
    organisations = {p.id for p in net.persons if p.organisation}
    assert organisations == {"verpleeghuis", "vrouwengilde", "dementievereniging"}
    assert {p.energy for p in net.persons if p.energy is not None} == {
        Energy.GIVES,
        Energy.COSTS,
        Energy.BOTH,
    }
    home = case.snapshot("thuis").network
    assert "man" in home.household
    care = next(t for t in home.ties if t.b == "man")
    assert care.client_care_hours_per_week is not None and care.client_care_hours_per_week > 8
    assert care.client_care_months is not None and care.client_care_months > 3
    assert {"casemanager", "geriater"} <= home.person_ids() - net.person_ids()
