"""easyNWK import (issue 15, point 5): every mapping of the hand-made record checked by hand."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from zorgkracht.domain import Case, InvalidInput, Network, Tie
from zorgkracht.domain.codes import Circle, Direction, Gender, Quality, Role, Support, TieStatus
from zorgkracht.interchange import easynwk_vocab as ev
from zorgkracht.interchange.detect import FileKind, kind_of, load_bytes, load_path
from zorgkracht.interchange.easynwk import parse_easynwk

DATA = Path(__file__).parents[1] / "data" / "easynwk"
RECORD = DATA / "anna-berger.json"


@pytest.fixture(scope="module")
def case() -> Case:
    return parse_easynwk(RECORD.read_bytes(), RECORD.name)


def _person(net: Network, name: str) -> Any:
    return next(p for p in net.persons if p.name == name)


def _tie(net: Network, a: str, b: str) -> Tie | None:
    ids = {_person(net, a).id, _person(net, b).id}
    return next((t for t in net.ties if {t.a, t.b} == ids), None)


def _client_tie(net: Network, name: str) -> Tie | None:
    pid = _person(net, name).id
    return next((t for t in net.ties if t.a == "client" and t.b == pid), None)


def test_versions_become_snapshots_and_the_last_is_the_network(case: Case) -> None:
    assert [(s.id, s.label, s.taken_on) for s in case.snapshots] == [
        ("s1", "Erstgespräch", dt.date(2024, 3, 4)),
        ("s2", "Nach drei Monaten", dt.date(2024, 6, 10)),
    ]
    names = {p.name for p in case.network.persons}
    assert "Jürgen" not in names and {"Mia", "Herr Yilmaz"} <= names  # version 2
    assert "Jürgen" in {p.name for p in case.snapshots[0].network.persons}
    assert case.title == "Netwerk van Anna Berger"
    client = case.network.person(case.client)
    assert (client.name, client.gender, client.age) == ("Anna Berger", Gender.FEMALE, 52)
    assert client.note == "Erstkontakt über Sozialberatung"


def test_a_person_keeps_their_id_across_versions(case: Case) -> None:
    first, second = (s.network for s in case.snapshots)
    assert _person(first, "Thomas").id == _person(second, "Thomas").id == "p1"
    assert _person(second, "Mia").id == "p12"


def test_roles_from_german_and_english_names_else_from_the_sector(case: Case) -> None:
    net = case.snapshots[1].network
    expected = {
        "Thomas": Role.PARTNER,  # Ehemann
        "Lena": Role.CHILD,  # Tochter
        "Erika": Role.PARENT,  # Mutter
        "Karl": Role.PARENT,  # Vater
        "Sabine": Role.FRIEND,  # Freund*in
        "Frau Koch": Role.COLLEAGUE,  # Arbeitskolleg*in
        "Dr. Weber": Role.PROFESSIONAL,  # Ärzt*in
        "Greta": Role.OTHER_FAMILY,  # Großtante: not in easyNWK's list, a German family word
        "Mia": Role.FRIEND,  # friend (English)
        "Herr Yilmaz": Role.NEIGHBOUR,  # neighbor (English)
        "Caritas": Role.PROFESSIONAL,  # Beratungsstelle: unknown, angle -80 = prof. helpers
    }
    assert {name: _person(net, name).role for name in expected} == expected
    assert _person(net, "Caritas").note == "easyNWK: Beratungsstelle"
    assert _person(case.snapshots[0].network, "Jürgen").role is Role.NEIGHBOUR  # Nachbar*in


def test_sector_and_horizon_as_easynwk_computes_them() -> None:
    assert [ev.sector_index(a, 50) for a in (45, 90, 120, -180, -90, -45, 0)] == [
        0, 1, 1, 2, 3, 3, 0,
    ]  # fmt: skip
    assert ev.sector_index(45, 0) is None
    assert [ev.circle_of(d) for d in (10, 33.32, 33.33, 66.66, 66.67, 99, 140)] == [
        Circle.INTIMACY, Circle.INTIMACY, Circle.FRIENDSHIP, Circle.FRIENDSHIP,
        Circle.ACQUAINTANCE, Circle.ACQUAINTANCE, Circle.ACQUAINTANCE,
    ]  # fmt: skip


def test_circles_from_the_distance(case: Case) -> None:
    net = case.snapshots[0].network
    got = {n: _person(net, n).circle for n in ("Thomas", "Lena", "Jürgen", "Karl", "Bello")}
    assert got == {
        "Thomas": Circle.INTIMACY,  # 20
        "Lena": Circle.FRIENDSHIP,  # 40
        "Jürgen": Circle.ACQUAINTANCE,  # 70
        "Karl": Circle.ACQUAINTANCE,  # 105, beyond the outer horizon
        "Bello": Circle.INTIMACY,  # 25
    }
    assert all(p.zone is None for p in net.persons)  # easyNWK has no reachability


def test_support_kinds_and_directions(case: Case) -> None:
    net = case.snapshots[0].network
    checks = {
        # emotional 3 (both), instrumental 2 (to me)
        "Thomas": ({Support.EMOTIONAL, Support.PRACTICAL}, Direction.BOTH, True),
        "Lena": ({Support.COMPANIONSHIP}, Direction.TO_CLIENT, False),  # social 2
        "Erika": (set(), Direction.FROM_CLIENT, None),  # instrumental 1: Anna helps her
        "Sabine": ({Support.EMOTIONAL, Support.ADVICE}, Direction.BOTH, True),  # 2 and 3
        "Frau Koch": (set(), Direction.TO_CLIENT, False),  # linking 2: no letter
        "Dr. Weber": ({Support.ADVICE}, Direction.TO_CLIENT, False),  # "2" as text
        "Caritas": (set(), Direction.BOTH, True),  # linking 3
        "Jürgen": (set(), Direction.NONE, None),
    }
    for name, (support, direction, reciprocal) in checks.items():
        tie = _client_tie(net, name)
        assert tie is not None, name
        assert (tie.support, tie.direction, tie.reciprocal) == (support, direction, reciprocal)
    later = _client_tie(case.network, "Lena")
    assert later is not None and later.reciprocal is True  # social 3 in version 2
    mia = _client_tie(case.network, "Mia")
    assert mia is not None and (mia.support, mia.direction) == (set(), Direction.FROM_CLIENT)


def test_line_strength_conflict_and_faded(case: Case) -> None:
    net = case.snapshots[0].network
    thomas, lena, jurgen = (_client_tie(net, n) for n in ("Thomas", "Lena", "Jürgen"))
    assert thomas is not None and thomas.strength == 3  # multiplex line
    assert lena is not None and lena.strength == 2
    assert jurgen is not None and jurgen.quality is Quality.CONFLICT
    assert _client_tie(net, "Greta") is None and _person(net, "Greta").status is TieStatus.FADED
    erika_later = _person(case.network, "Erika")
    assert _client_tie(case.network, "Erika") is None
    assert erika_later.status is TieStatus.FADED  # edgeType 0 in version 2
    assert _person(net, "Erika").status is None


def test_deceased_and_non_human(case: Case) -> None:
    net = case.network
    karl = _person(net, "Karl")
    assert karl.deceased and karl.status is None and _client_tie(net, "Karl") is None
    bello = _person(net, "Bello")
    assert (bello.pet, bello.role, bello.organisation) == ("hond", None, False)
    bello_tie = _client_tie(net, "Bello")
    assert bello_tie is not None and bello_tie.support == {Support.EMOTIONAL}
    assert _person(net, "Caritas").organisation and _person(net, "Caritas").pet is None


def test_connections_become_ties_between_members(case: Case) -> None:
    first = case.snapshots[0].network
    member_ties = [t for t in first.ties if t.a != "client"]
    assert len(member_ties) == 3  # (1,2) and (2,1) are one tie
    t12 = _tie(first, "Thomas", "Lena")
    assert t12 is not None and (t12.a, t12.strength) == ("p1", 1)  # Thomas is nearer (20 < 40)
    t56 = _tie(first, "Sabine", "Jürgen")
    assert t56 is not None and t56.a == "p5"
    assert _tie(case.network, "Mia", "Sabine") is not None


def test_recognised_by_content_and_loaded(tmp_path: Path) -> None:
    data = RECORD.read_bytes()
    assert kind_of(data) is FileKind.EASYNWK
    odd = tmp_path / "netz.txt"
    odd.write_bytes(b"\xef\xbb\xbf" + data)
    loaded = load_path(odd)
    assert loaded.kind is FileKind.EASYNWK and len(loaded.case.snapshots) == 2
    case_file = b'{"format": "zorgkracht/1", "id": "x"}'
    assert kind_of(case_file) is FileKind.CASE


def test_a_single_nwk_is_one_version() -> None:
    doc = json.loads(RECORD.read_text(encoding="utf-8"))["versions"][0]["nwk"]
    case = load_bytes(json.dumps(doc).encode(), "alt.json").case
    assert len(case.snapshots) == 1 and len(case.network.persons) == 12


def _broken(change: dict[str, Any]) -> bytes:
    doc = json.loads(RECORD.read_text(encoding="utf-8"))
    alteri = doc["versions"][1]["nwk"]["alteri"]
    for key, value in change.items():
        alteri[0][key] = value
    return json.dumps(doc).encode()


@pytest.mark.parametrize(
    ("change", "where", "nl", "en"),
    [
        ({"distance": 0}, "veld/field distance", "niet op de kaart", "not placed on the map"),
        ({"angle": 270}, "veld/field angle", "niet tussen -180 en 180", "not between"),
        ({"supportEmotional": 5}, "veld/field supportEmotional", "0 tot en met 3", "0 to 3"),
        ({"age": "ca. 50"}, "veld/field age", "leeftijd 'ca. 50'", "age 'ca. 50'"),
        ({"currentGender": "mann"}, "veld/field currentGender", "onbekend geslacht", "unknown"),
        ({"name": ""}, "veld/field name", "naam is leeg", "name is empty"),
        ({"deceased": "ja"}, "veld/field deceased", "true of false", "true or false"),
        ({"edgeType": 7}, "veld/field edgeType", "0 tot en met 2", "0 to 2"),
    ],
)
def test_bad_fields_are_refused_naming_version_alter_and_field(
    change: dict[str, Any], where: str, nl: str, en: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        load_bytes(_broken(change), "anna.json")
    err = caught.value
    assert len(err.problems) == 1
    problem = err.problems[0]
    assert problem.where.startswith("versie/version 2, alter 1") and problem.where.endswith(where)
    assert nl in problem.nl and en in problem.en
    assert err.nl.startswith("anna.json (easyNWK-bestand): 1 fout gevonden, niets opgeslagen")


def test_every_problem_is_listed_and_connections_checked() -> None:
    doc = json.loads(RECORD.read_text(encoding="utf-8"))
    doc["versions"][0]["nwk"]["connections"].append({"id1": 1, "id2": 99})
    doc["versions"][0]["nwk"]["connections"].append({"id1": 2, "id2": 2})
    doc["versions"][1]["nwk"]["alteri"][1]["id"] = 1  # Lena gets Thomas's id
    doc["versions"][1]["date"] = "10.06.2024"
    with pytest.raises(InvalidInput) as caught:
        parse_easynwk(json.dumps(doc).encode(), "anna.json")
    found = {(p.where, p.code) for p in caught.value.problems}
    assert found == {
        ("versie/version 1, connection 5, veld/field id2", "unknown_reference"),
        ("versie/version 1, connection 6, veld/field id2", "self_reference"),
        ("versie/version 2, veld/field date", "invalid_date"),
        ("versie/version 2, alter 1", "duplicate_id"),
        # Lena had id 2: the connection of Thomas (1) and Lena (2) names an id now gone
        ("versie/version 2, connection 1, veld/field id2", "unknown_reference"),
    }


def test_not_a_record() -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_easynwk(b'{"currentVersion": 1}', "leer.json")
    assert caught.value.problems[0].where == "versions"
    with pytest.raises(InvalidInput) as caught:
        parse_easynwk(b'{"versions": [', "kapot.json")
    assert caught.value.problems[0].code == "json"
