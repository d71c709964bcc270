"""GEXF 1.3 out: read back with networkx, every attribute of every node and edge compared with
the case, the declarations Gephi reads, and nothing sensitive when asked."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from zorgkracht.demo import DEMO_IDS
from zorgkracht.domain import Case, Network
from zorgkracht.interchange.gexf import gexf_bytes

from .test_graphml import DEMOS, expected_edge, expected_node, small_case

NS = "{http://gexf.net/1.3}"


def read_back(data: bytes, tmp_path: Path) -> nx.Graph:
    path = tmp_path / "g.gexf"
    path.write_bytes(data)
    graph = nx.read_gexf(path, version="1.3")
    assert isinstance(graph, nx.Graph) and not graph.is_directed()
    return graph


def gexf_node(case: Case, net: Network, ref: str) -> dict[str, Any]:
    """As in GraphML, with the label GEXF keeps on the node itself (networkx reads it as the
    ``label`` attribute)."""
    return expected_node(case, net, ref)


def test_the_declarations_gephi_reads() -> None:
    root = ET.fromstring(gexf_bytes(small_case()))
    assert root.tag == f"{NS}gexf" and root.get("version") == "1.3"
    graph = root.find(f"{NS}graph")
    assert graph is not None and graph.get("defaultedgetype") == "undirected"
    declared = {
        (block.get("class"), a.get("title")): a.get("type")
        for block in graph.findall(f"{NS}attributes")
        for a in block.findall(f"{NS}attribute")
    }
    assert declared[("node", "birth_year")] == "integer"
    assert declared[("node", "client")] == "boolean"
    assert declared[("node", "support")] == "string"
    assert declared[("edge", "care_hours")] == "double"
    assert declared[("edge", "strength")] == "integer"
    labels = [n.get("label") for n in graph.iter(f"{NS}node")]
    assert labels == ["Kim", "Jan de Vries", "Ex", "De wijk"]
    weights = [e.get("weight") for e in graph.iter(f"{NS}edge")]
    assert weights == ["3", "1", "2"]


def test_hand_computed_values_of_the_small_case(tmp_path: Path) -> None:
    graph = read_back(gexf_bytes(small_case()), tmp_path)
    jan = graph.nodes["jan"]
    assert (jan["label"], jan["role"], jan["sector"], jan["circle_number"], jan["support"]) == (
        "Jan de Vries", "neighbour", "friendly", 2, "PE",
    )  # fmt: skip
    assert graph.edges["kim", "jan"] == {
        "id": "t1",
        "weight": 3.0,
        "strength": 3,
        "quality": "tense",
        "direction": "both",
        "support": "PE",
        "reciprocal": False,
        "care_hours": 2.5,
        "sensitive": False,
    }


def test_hide_sensitive(tmp_path: Path) -> None:
    graph = read_back(gexf_bytes(small_case(), hide_sensitive=True), tmp_path)
    assert sorted(graph.nodes) == ["jan", "kim", "wijk"]
    assert [d["id"] for _, _, d in graph.edges(data=True)] == ["t1", "t3"]


@pytest.mark.parametrize("case_id", DEMO_IDS)
def test_every_attribute_of_every_demo_network_and_snapshot(case_id: str, tmp_path: Path) -> None:
    case = DEMOS[case_id]
    for snapshot, net in [(None, case.network), *((s.id, s.network) for s in case.snapshots)]:
        graph = read_back(gexf_bytes(case, snapshot=snapshot), tmp_path)
        refs = [p.id for p in net.persons] + [d.id for d in net.domains]
        assert sorted(graph.nodes) == sorted(refs)
        for ref in refs:
            assert graph.nodes[ref] == gexf_node(case, net, ref), (snapshot, ref)
        assert graph.number_of_edges() == len(net.ties)
        for t in net.ties:
            expected = expected_edge(t) | {"weight": float(t.strength)}
            assert graph.edges[t.a, t.b] == expected, (snapshot, t.id)


@pytest.mark.parametrize("case_id", DEMO_IDS)
def test_nothing_sensitive_with_hide_sensitive(case_id: str, tmp_path: Path) -> None:
    case = DEMOS[case_id]
    graph = read_back(gexf_bytes(case, hide_sensitive=True), tmp_path)
    sensitive = {p.id for p in case.network.persons if p.sensitive and p.id != case.client}
    assert not sensitive & set(graph.nodes)
    assert all(not d.get("sensitive") for _, d in graph.nodes(data=True))
    shown_ties = {d["id"] for _, _, d in graph.edges(data=True)}
    assert shown_ties == {
        t.id
        for t in case.network.ties
        if not t.sensitive and t.a not in sensitive and t.b not in sensitive
    }
