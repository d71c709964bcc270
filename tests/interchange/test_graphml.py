"""GraphML out and in: read back with networkx, every attribute of every node and edge compared
with the case; a networkx-written file imported; bad files refused naming the place."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from zorgkracht.demo import DEMO_IDS, load_demo_cases
from zorgkracht.domain import Case, Domain, InvalidInput, Network, Person, Snapshot, Tie
from zorgkracht.domain.codes import (
    Circle,
    Direction,
    DomainKind,
    Energy,
    Frequency,
    Gender,
    Quality,
    Role,
    Support,
    TieStatus,
    Wish,
    Zone,
)
from zorgkracht.interchange.detect import FileKind, kind_of, load_bytes
from zorgkracht.interchange.graphml import graphml_bytes, parse_graphml

DEMOS = {c.id: c for c in load_demo_cases()}


def small_case() -> Case:
    """A client, two members (one sensitive), a domain and three ties, values chosen by hand."""
    net = Network(
        persons=[
            Person(id="kim", name="Kim", gender=Gender.FEMALE, birth_year=1980),
            Person(
                id="jan",
                name="Jan de Vries",
                gender=Gender.MALE,
                role=Role.NEIGHBOUR,
                circle=Circle.FRIENDSHIP,
                zone=Zone.NEIGHBOURHOOD,
                frequency=Frequency.WEEKLY,
                status=TieStatus.ACTIVE,
                wish=Wish.MORE,
                energy=Energy.GIVES,
                birth_year=1950,
            ),
            Person(id="x", name="Ex", role=Role.ACQUAINTANCE, sensitive=True),
        ],
        household=["kim"],
        ties=[
            Tie(
                id="t1",
                a="kim",
                b="jan",
                strength=3,
                quality=Quality.TENSE,
                direction=Direction.BOTH,
                support={Support.EMOTIONAL, Support.PRACTICAL},
                reciprocal=False,
                care_hours_per_week=2.5,
            ),
            Tie(id="t2", a="kim", b="x", strength=1, sensitive=True),
            Tie(id="t3", a="jan", b="wijk", strength=2),
        ],
        domains=[Domain(id="wijk", name="De wijk", kind=DomainKind.NEIGHBOURHOOD, members=["jan"])],
    )
    earlier = Network(persons=[Person(id="kim", name="Kim")], household=["kim"])
    return Case(
        id="kim",
        title="Netwerk van Kim",
        client="kim",
        network=net,
        snapshots=[Snapshot(id="s1", label="start", taken_on=dt.date(2020, 1, 1), network=earlier)],
    )


def read_back(data: bytes, tmp_path: Path) -> nx.Graph:
    path = tmp_path / "g.graphml"
    path.write_bytes(data)
    graph = nx.read_graphml(path)
    assert isinstance(graph, nx.Graph) and not graph.is_directed()
    return graph


def test_hand_computed_values_of_the_small_case(tmp_path: Path) -> None:
    graph = read_back(graphml_bytes(small_case()), tmp_path)
    assert list(graph.nodes) == ["kim", "jan", "x", "wijk"]
    assert graph.nodes["jan"] == {
        "label": "Jan de Vries",
        "name": "Jan de Vries",
        "kind": "person",
        "client": False,
        "role": "neighbour",
        "sector": "friendly",
        "circle": "friendship",
        "circle_number": 2,
        "zone": "neighbourhood",
        "frequency": "weekly",
        "support": "PE",
        "status": "active",
        "wish": "more",
        "energy": "gives",
        "gender": "male",
        "birth_year": 1950,
        "deceased": False,
        "organisation": False,
        "sensitive": False,
    }
    assert graph.nodes["kim"]["client"] is True and "role" not in graph.nodes["kim"]
    assert graph.nodes["wijk"] == {
        "label": "De wijk",
        "name": "De wijk",
        "kind": "domain",
        "client": False,
        "domain_kind": "neighbourhood",
    }
    assert graph.edges["kim", "jan"] == {
        "id": "t1",
        "strength": 3,
        "quality": "tense",
        "direction": "both",
        "support": "PE",
        "reciprocal": False,
        "care_hours": 2.5,
        "sensitive": False,
    }
    assert graph.graph["title"] == "Netwerk van Kim"


def test_hide_sensitive_leaves_out_the_person_and_their_tie(tmp_path: Path) -> None:
    full = read_back(graphml_bytes(small_case()), tmp_path)
    assert "x" in full and full.nodes["x"]["sensitive"] is True
    shown = read_back(graphml_bytes(small_case(), hide_sensitive=True), tmp_path)
    assert "x" not in shown and ("kim", "x") not in shown.edges
    assert sorted(shown.nodes) == ["jan", "kim", "wijk"]
    assert not any(d["sensitive"] for _, d in shown.nodes(data=True) if "sensitive" in d)
    assert not any(d["sensitive"] for _, _, d in shown.edges(data=True))


def test_a_snapshot_is_its_own_network(tmp_path: Path) -> None:
    graph = read_back(graphml_bytes(small_case(), snapshot="s1"), tmp_path)
    assert list(graph.nodes) == ["kim"] and graph.number_of_edges() == 0
    assert graph.graph["snapshot"] == "s1"


def expected_node(case: Case, net: Network, ref: str) -> dict[str, Any]:
    """What the file must say of node ``ref``, read straight from the case (not from the
    writer's table)."""
    for d in net.domains:
        if d.id == ref:
            return {"label": d.name, "name": d.name, "kind": "domain", "client": False,
                    "domain_kind": d.kind.value}  # fmt: skip
    p = net.person(ref)
    support = set().union(*[t.support for t in net.ties if t.a == case.client and t.b == ref])
    values: dict[str, Any] = {
        "label": p.name,
        "name": p.name,
        "kind": "person",
        "client": p.id == case.client,
        "role": p.role.value if p.role else None,
        "sector": p.sector.value if p.sector else None,
        "circle": p.circle.value if p.circle else None,
        "circle_number": p.circle.number if p.circle else None,
        "zone": p.zone.value if p.zone else None,
        "frequency": p.frequency.value if p.frequency else None,
        "support": "".join(letter for letter in "PGAEW" if Support(letter) in support),
        "status": p.status.value if p.status else None,
        "wish": p.wish.value if p.wish else None,
        "energy": p.energy.value if p.energy else None,
        "gender": p.gender.value,
        "birth_year": p.birth_year,
        "death_year": p.death_year,
        "deceased": p.deceased or p.death_year is not None,
        "organisation": p.organisation,
        "pet": p.pet,
        "sensitive": p.sensitive,
    }
    return {k: v for k, v in values.items() if v is not None}


def expected_edge(t: Tie) -> dict[str, Any]:
    values: dict[str, Any] = {
        "id": t.id,
        "strength": t.strength,
        "quality": t.quality.value,
        "direction": t.direction.value,
        "support": "".join(letter for letter in "PGAEW" if Support(letter) in t.support),
        "reciprocal": t.reciprocal,
        "care_hours": t.care_hours_per_week,
        "client_care_hours": t.client_care_hours_per_week,
        "sensitive": t.sensitive,
    }
    return {k: v for k, v in values.items() if v is not None}


@pytest.mark.parametrize("case_id", DEMO_IDS)
def test_every_attribute_of_every_demo_network_and_snapshot(case_id: str, tmp_path: Path) -> None:
    case = DEMOS[case_id]
    for snapshot, net in [(None, case.network), *((s.id, s.network) for s in case.snapshots)]:
        graph = read_back(graphml_bytes(case, snapshot=snapshot), tmp_path)
        refs = [p.id for p in net.persons] + [d.id for d in net.domains]
        assert sorted(graph.nodes) == sorted(refs)
        for ref in refs:
            assert graph.nodes[ref] == expected_node(case, net, ref), (snapshot, ref)
        assert graph.number_of_edges() == len(net.ties)
        for t in net.ties:
            assert graph.edges[t.a, t.b] == expected_edge(t), (snapshot, t.id)


@pytest.mark.parametrize("case_id", DEMO_IDS)
def test_export_then_import_keeps_the_network(case_id: str) -> None:
    case = DEMOS[case_id]
    data = graphml_bytes(case)
    assert kind_of(data) is FileKind.GRAPHML
    back = load_bytes(data, "demo.graphml").case
    assert back.client == case.client and back.title == case.title
    kept = ("id", "name", "gender", "role", "circle", "zone", "frequency", "status", "wish",
            "energy", "birth_year", "death_year", "organisation", "pet", "sensitive")  # fmt: skip
    for mine, theirs in zip(
        sorted(case.network.persons, key=lambda p: p.id),
        sorted(back.network.persons, key=lambda p: p.id),
        strict=True,
    ):
        assert [getattr(mine, k) for k in kept] == [getattr(theirs, k) for k in kept]
        assert mine.is_deceased == theirs.is_deceased
    tie_kept = ("id", "a", "b", "strength", "quality", "direction", "support", "reciprocal",
                "care_hours_per_week", "client_care_hours_per_week", "sensitive")  # fmt: skip
    assert [[getattr(t, k) for k in tie_kept] for t in back.network.ties] == [
        [getattr(t, k) for k in tie_kept] for t in case.network.ties
    ]
    assert [(d.id, d.name, d.kind) for d in back.network.domains] == [
        (d.id, d.name, d.kind) for d in case.network.domains
    ]


def test_a_networkx_written_file_with_our_attribute_names_imports(tmp_path: Path) -> None:
    graph = nx.Graph()
    graph.add_node("0", label="Ans", client=True)
    graph.add_node("1", label="Bert", role="friend", circle="intimacy", birth_year=1970)
    graph.add_node("2", name="Carla", role="colleague")
    graph.add_edge("1", "0", support="EP", strength=3, reciprocal=True)  # client as target
    graph.add_edge("1", "2", weight=1.0)
    path = tmp_path / "nx.graphml"
    nx.write_graphml(graph, path)
    case = parse_graphml(path.read_bytes(), "nx.graphml")
    assert case.client == "0" and case.id == "nx" and case.title == "Netwerk van Ans"
    bert = case.network.person("1")
    assert (bert.name, bert.role, bert.circle, bert.birth_year) == (
        "Bert", Role.FRIEND, Circle.INTIMACY, 1970,
    )  # fmt: skip
    assert case.network.person("2").name == "Carla"
    first, second = case.network.ties
    assert (first.a, first.b, first.support, first.strength, first.reciprocal) == (
        "0", "1", {Support.EMOTIONAL, Support.PRACTICAL}, 3, True,
    )  # fmt: skip
    assert (second.a, second.b, second.strength) == ("1", "2", 1)  # strength from weight


def test_key_defaults_count_for_nodes_without_the_value() -> None:
    data = b"""<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="k0" for="node" attr.name="circle" attr.type="string">
    <default>acquaintance</default>
  </key>
  <key id="k1" for="node" attr.name="client" attr.type="boolean"/>
  <graph edgedefault="undirected">
    <node id="a"><data key="k1">true</data></node>
    <node id="b"><data key="k0">intimacy</data></node>
    <node id="c"/>
  </graph>
</graphml>"""
    case = parse_graphml(data, "d.graphml")
    circles = [p.circle for p in case.network.persons]
    assert circles == [Circle.ACQUAINTANCE, Circle.INTIMACY, Circle.ACQUAINTANCE]


BAD = b"""<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="c" for="node" attr.name="client" attr.type="boolean"/>
  <key id="r" for="node" attr.name="role" attr.type="string"/>
  <key id="y" for="node" attr.name="birth_year" attr.type="int"/>
  <key id="s" for="edge" attr.name="support" attr.type="string"/>
  <key id="q" for="edge" attr.name="reciprocal" attr.type="boolean"/>
  <graph edgedefault="undirected">
    <node id="a"><data key="c">true</data></node>
    <node id="b"><data key="r">baas</data><data key="y">negentien</data></node>
    <edge id="e1" source="a" target="b"><data key="s">PZ</data><data key="q">soms</data></edge>
    <edge id="e2" source="a" target="nobody"/>
  </graph>
</graphml>"""


def test_every_problem_is_named_by_node_or_edge_and_attribute() -> None:
    with pytest.raises(InvalidInput) as caught:
        load_bytes(BAD, "fout.graphml")
    wheres = sorted(p.where for p in caught.value.problems)
    assert wheres == [
        "edge e1/reciprocal",
        "edge e1/support",
        "edge e2",
        "node b/birth_year",
        "node b/role",
    ]
    text = caught.value.text("en")
    assert text.startswith("fout.graphml (GraphML file): 5 problems")
    assert "unknown value 'baas'" in text and "unknown support letter 'Z'" in text
    assert "'nobody' that does not exist" in text
    assert "onbekende waarde 'baas'" in caught.value.text("nl")


@pytest.mark.parametrize(("clients", "count"), [("", 0), ('<data key="c">true</data>', 2)])
def test_exactly_one_client(clients: str, count: int) -> None:
    data = f"""<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="c" for="node" attr.name="client" attr.type="boolean"/>
  <graph><node id="a">{clients}</node><node id="b">{clients}</node></graph></graphml>"""
    with pytest.raises(InvalidInput) as caught:
        parse_graphml(data.encode(), "k.graphml")
    assert [p.code for p in caught.value.problems] == ["client_count"]
    assert f"not {count}" in caught.value.problems[0].en


def test_entities_and_broken_xml_are_refused() -> None:
    bomb = b'<?xml version="1.0"?><!DOCTYPE g [<!ENTITY a "aaaa">]><graphml>&a;</graphml>'
    assert kind_of(bomb) is FileKind.GRAPHML
    with pytest.raises(InvalidInput) as caught:
        load_bytes(bomb, "bom.graphml")
    assert caught.value.problems[0].code == "doctype"
    with pytest.raises(InvalidInput) as caught:
        load_bytes(b"<graphml><graph><node id='a'></graph></graphml>", "kapot.graphml")
    assert caught.value.problems[0].code == "bad_xml"
    assert caught.value.problems[0].where == "kapot.graphml:1"


def test_gexf_is_recognised_and_refused_with_a_reason() -> None:
    with pytest.raises(InvalidInput) as caught:
        load_bytes(b'<?xml version="1.0"?>\n<gexf xmlns="http://gexf.net/1.3"/>', "g.gexf")
    assert "use GraphML" in caught.value.text("en")
