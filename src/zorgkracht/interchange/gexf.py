"""GEXF 1.3 (https://gexf.net/) out: the network for Gephi.

The same nodes, edges and attributes as GraphML (:mod:`.graph_attrs`): every node has a
``label`` (the name, which Gephi shows), every edge a ``weight`` (the tie's strength, which
Gephi uses for the line's thickness and for weighted measures), and the attributes are declared
in ``<attributes class="node">`` and ``<attributes class="edge">`` with GEXF's types
(``string``, ``integer``, ``double``, ``boolean``), their ``id`` the same as their ``title``.
The graph is undirected (``defaultedgetype="undirected"``; a tie's ``direction`` attribute
says which way support flows). Written with :mod:`xml.etree.ElementTree`: networkx's
``write_gexf`` would need the case copied into a graph first and derives each attribute's type
from the first value it meets, where here the table fixes them (a reader sees the same
declarations for every case). There is no GEXF import: GraphML carries the same and is read.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from zorgkracht.domain import Case

from .graph_attrs import EDGE_ATTRS, GEXF_TYPES, NODE_ATTRS, Attr, graph_case, graph_of, text_of

__all__ = ["NS", "gexf_bytes", "write_gexf"]

NS = "http://gexf.net/1.3"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_SCHEMA = f"{NS} http://gexf.net/1.3/gexf.xsd"


def gexf_bytes(case: Case, *, snapshot: str | None = None, hide_sensitive: bool = False) -> bytes:
    """The network of ``case`` (now, or at ``snapshot``) as a GEXF 1.3 document in UTF-8."""
    graph = graph_of(graph_case(case, snapshot=snapshot, hide_sensitive=hide_sensitive), snapshot)
    ET.register_namespace("", NS)
    ET.register_namespace("xsi", _XSI)
    root = ET.Element(f"{{{NS}}}gexf", {"version": "1.3", f"{{{_XSI}}}schemaLocation": _SCHEMA})
    meta = ET.SubElement(root, f"{{{NS}}}meta")
    ET.SubElement(meta, f"{{{NS}}}creator").text = "Zorgkracht"
    description = graph.title + (f" ({graph.snapshot})" if graph.snapshot else "")
    ET.SubElement(meta, f"{{{NS}}}description").text = description
    g = ET.SubElement(root, f"{{{NS}}}graph", {"mode": "static", "defaultedgetype": "undirected"})
    _declare(g, "node", NODE_ATTRS)
    _declare(g, "edge", EDGE_ATTRS)
    nodes = ET.SubElement(g, f"{{{NS}}}nodes")
    for node in graph.nodes:
        element = ET.SubElement(nodes, f"{{{NS}}}node", {"id": node.id, "label": node.label})
        _values(element, node.values)
    edges = ET.SubElement(g, f"{{{NS}}}edges")
    for edge in graph.edges:
        attributes = {"id": edge.id, "source": edge.source, "target": edge.target}
        if "strength" in edge.values:
            attributes["weight"] = text_of(edge.values["strength"])
        element = ET.SubElement(edges, f"{{{NS}}}edge", attributes)
        _values(element, edge.values)
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data + b"\n"


def _declare(graph: ET.Element, scope: str, attrs: tuple[Attr[Any], ...]) -> None:
    declared = ET.SubElement(graph, f"{{{NS}}}attributes", {"class": scope, "mode": "static"})
    for attr in attrs:
        ET.SubElement(
            declared,
            f"{{{NS}}}attribute",
            {"id": attr.name, "title": attr.name, "type": GEXF_TYPES[attr.type]},
        )


def _values(element: ET.Element, values: dict[str, str | int | float | bool]) -> None:
    if not values:
        return
    holder = ET.SubElement(element, f"{{{NS}}}attvalues")
    for name, value in values.items():
        ET.SubElement(holder, f"{{{NS}}}attvalue", {"for": name, "value": text_of(value)})


def write_gexf(
    case: Case, path: Path, *, snapshot: str | None = None, hide_sensitive: bool = False
) -> None:
    path.write_bytes(gexf_bytes(case, snapshot=snapshot, hide_sensitive=hide_sensitive))
