"""GraphML (http://graphml.graphdrawing.org/) out and in: the network for Gephi, Cytoscape,
yEd, R (igraph) and networkx.

**Writing.** The client, every person and every domain are nodes, every tie an edge, with the
attributes of :mod:`.graph_attrs` declared as
``<key for="node"|"edge" attr.name=... attr.type=...>``
(plus ``label``, which Gephi shows as the node's label, and the graph's ``title`` and
``snapshot``). The graph is undirected (``edgedefault="undirected"``): a tie is drawn as a line
and which way support flows is its ``direction`` attribute; the edge's source is the client
side (``a``). Written with the standard library's :mod:`xml.etree.ElementTree` rather than
networkx's ``write_graphml``: networkx would first need the case copied into a graph, names its
keys ``d0, d1, ...`` in the order it meets them and declares the type from the first Python
value it sees (an ``int`` care-hours value would make the key ``long``), where this table
fixes every key's type and order, and the bytes are the same for the same case.

**Reading** (:func:`parse_graphml`): a GraphML file written by Zorgkracht, or by networkx,
Gephi or Cytoscape with these attribute names, becomes a case. Attributes are matched by
``attr.name``; unknown ones are ignored; a key's ``<default>`` counts for a node or edge
without the value. The client is the one node with ``client`` true. Every problem (a code that
is not one of ours, a number that is not a number, an edge to a node that does not exist, two
clients) is reported at once, naming the node or edge and the attribute, and nothing is
returned unless the whole file is good. A file with a ``<!DOCTYPE`` or entity declaration is
refused (no XML entity tricks); nested graphs and hyperedges are refused.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

from zorgkracht.domain import Case, Domain, InvalidInput, Network, Person, Problem, Tie
from zorgkracht.domain.coded import Coded
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
from zorgkracht.domain.ids import IdPool
from zorgkracht.domain.invariants import validate_case
from zorgkracht.domain.limits import MAX_TITLE

from .gedcom_build import slug
from .graph_attrs import EDGE_ATTRS, GRAPH_ATTRS, NODE_ATTRS, graph_case, graph_of, text_of

__all__ = ["NS", "graphml_bytes", "parse_graphml", "write_graphml"]

NS = "http://graphml.graphdrawing.org/xmlns"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_SCHEMA = f"{NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
MAX_PROBLEMS = 50


def _key_id(scope: str, name: str) -> str:
    return f"{scope[0]}_{name}"


def graphml_bytes(
    case: Case, *, snapshot: str | None = None, hide_sensitive: bool = False
) -> bytes:
    """The network of ``case`` (now, or at ``snapshot``) as a GraphML document in UTF-8."""
    graph = graph_of(graph_case(case, snapshot=snapshot, hide_sensitive=hide_sensitive), snapshot)
    ET.register_namespace("", NS)
    ET.register_namespace("xsi", _XSI)
    root = ET.Element(f"{{{NS}}}graphml", {f"{{{_XSI}}}schemaLocation": _SCHEMA})
    for name, kind in GRAPH_ATTRS:
        _key(root, "graph", name, kind)
    _key(root, "node", "label", "string")
    for node_attr in NODE_ATTRS:
        _key(root, "node", node_attr.name, node_attr.type)
    for edge_attr in EDGE_ATTRS:
        _key(root, "edge", edge_attr.name, edge_attr.type)
    g = ET.SubElement(root, f"{{{NS}}}graph", {"id": "G", "edgedefault": "undirected"})
    _data(
        g,
        "graph",
        {"title": graph.title, **({"snapshot": graph.snapshot} if graph.snapshot else {})},
    )
    for node in graph.nodes:
        element = ET.SubElement(g, f"{{{NS}}}node", {"id": node.id})
        _data(element, "node", {"label": node.label, **node.values})
    for edge in graph.edges:
        element = ET.SubElement(
            g, f"{{{NS}}}edge", {"id": edge.id, "source": edge.source, "target": edge.target}
        )
        _data(element, "edge", edge.values)
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data + b"\n"


def _key(root: ET.Element, scope: str, name: str, kind: str) -> None:
    ET.SubElement(
        root,
        f"{{{NS}}}key",
        {"id": _key_id(scope, name), "for": scope, "attr.name": name, "attr.type": kind},
    )


def _data(parent: ET.Element, scope: str, values: dict[str, str | int | float | bool]) -> None:
    for name, value in values.items():
        ET.SubElement(parent, f"{{{NS}}}data", {"key": _key_id(scope, name)}).text = text_of(value)


def write_graphml(
    case: Case, path: Path, *, snapshot: str | None = None, hide_sensitive: bool = False
) -> None:
    path.write_bytes(graphml_bytes(case, snapshot=snapshot, hide_sensitive=hide_sensitive))


# --- reading ------------------------------------------------------------------------------

_CODES: dict[str, type[Coded]] = {
    "role": Role,
    "circle": Circle,
    "zone": Zone,
    "frequency": Frequency,
    "status": TieStatus,
    "wish": Wish,
    "energy": Energy,
    "gender": Gender,
    "quality": Quality,
    "direction": Direction,
    "domain_kind": DomainKind,
}
_BOOLS = {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _problem(where: str, nl: str, en: str, code: str = "invalid") -> Problem:
    return Problem(where, nl, en, code)


class _Reader:
    """Turns the elements of one GraphML graph into a case, collecting every problem."""

    def __init__(self, keys: dict[str, tuple[str, str, str | None]]) -> None:
        self.keys = keys  # key id -> (for, attr.name, default)
        self.problems: list[Problem] = []

    def values(self, element: ET.Element, scope: str) -> dict[str, str]:
        found = {
            name: default
            for (for_, name, default) in self.keys.values()
            if default is not None and for_ in (scope, "all")
        }
        for data in element:
            if _local(data.tag) != "data":
                continue
            key = self.keys.get(data.get("key", ""))
            if key is not None and key[0] in (scope, "all"):
                found[key[1]] = (data.text or "").strip()
        return found

    def code(self, where: str, values: dict[str, str], name: str) -> Coded | None:
        raw = values.get(name, "")
        if not raw:
            return None
        kind = _CODES[name]
        try:
            return kind(raw.lower())
        except ValueError:
            known = ", ".join(str(c) for c in kind)
            self.problems.append(
                _problem(
                    f"{where}/{name}",
                    f"onbekende waarde '{raw[:40]}' (wel: {known})",
                    f"unknown value '{raw[:40]}' (known: {known})",
                    "unknown_code",
                )
            )
            return None

    def number(self, where: str, values: dict[str, str], name: str, whole: bool) -> float | None:
        raw = values.get(name, "")
        if not raw:
            return None
        try:
            number = float(raw)
            if whole and number != int(number):
                raise ValueError(raw)
        except (ValueError, OverflowError):
            what = ("een geheel getal", "a whole number") if whole else ("een getal", "a number")
            self.problems.append(
                _problem(
                    f"{where}/{name}",
                    f"'{raw[:40]}' is geen {what[0].removeprefix('een ')}",
                    f"'{raw[:40]}' is not {what[1]}",
                    "not_a_number",
                )
            )
            return None
        return number

    def flag(self, where: str, values: dict[str, str], name: str) -> bool | None:
        raw = values.get(name, "")
        if not raw:
            return None
        if raw.lower() not in _BOOLS:
            self.problems.append(
                _problem(
                    f"{where}/{name}",
                    f"'{raw[:40]}' is geen ja/nee-waarde (true of false)",
                    f"'{raw[:40]}' is not a yes/no value (true or false)",
                    "not_a_boolean",
                )
            )
            return None
        return _BOOLS[raw.lower()]

    def support(self, where: str, values: dict[str, str]) -> set[Support]:
        raw = values.get("support", "").replace(" ", "").replace(",", "").upper()
        found: set[Support] = set()
        for letter in raw:
            try:
                found.add(Support(letter))
            except ValueError:
                self.problems.append(
                    _problem(
                        f"{where}/support",
                        f"onbekende steunletter '{letter}' (wel: P, G, A, E, W)",
                        f"unknown support letter '{letter}' (known: P, G, A, E, W)",
                        "unknown_code",
                    )
                )
        return found

    def person(self, ident: str, values: dict[str, str]) -> Person:
        where = f"node {ident}"
        birth = self.number(where, values, "birth_year", True)
        death = self.number(where, values, "death_year", True)
        person = Person(
            id=ident,
            name=values.get("name") or values.get("label") or ident,
            birth_year=int(birth) if birth is not None else None,
            death_year=int(death) if death is not None else None,
            deceased=bool(self.flag(where, values, "deceased")),
            organisation=bool(self.flag(where, values, "organisation")),
            pet=values.get("pet") or None,
            sensitive=bool(self.flag(where, values, "sensitive")),
        )
        for name in ("role", "circle", "zone", "frequency", "status", "wish", "energy"):
            setattr(person, name, self.code(where, values, name))
        person.gender = self.code(where, values, "gender") or Gender.UNKNOWN  # type: ignore[assignment]
        return person

    def tie(self, ident: str, a: str, b: str, values: dict[str, str]) -> Tie:
        where = f"edge {ident}"
        strength = self.number(where, values, "strength", True)
        if strength is None and values.get("weight"):
            strength = self.number(where, values, "weight", False)
            strength = round(strength) if strength is not None else None
        tie = Tie(
            id=ident,
            a=a,
            b=b,
            strength=int(strength) if strength is not None else 2,
            support=self.support(where, values),
            reciprocal=self.flag(where, values, "reciprocal"),
            care_hours_per_week=self.number(where, values, "care_hours", False),
            client_care_hours_per_week=self.number(where, values, "client_care_hours", False),
            sensitive=bool(self.flag(where, values, "sensitive")),
        )
        tie.quality = self.code(where, values, "quality") or Quality.POSITIVE  # type: ignore[assignment]
        tie.direction = self.code(where, values, "direction") or Direction.NONE  # type: ignore[assignment]
        return tie


def _parse_xml(data: bytes, source: str) -> ET.Element:
    head = data[:4096].lower()
    if b"<!doctype" in head or b"<!entity" in data.lower():
        raise InvalidInput(
            [
                _problem(
                    "",
                    "GraphML met een DOCTYPE of entiteiten wordt niet gelezen",
                    "GraphML with a DOCTYPE or entities is not read",
                    "doctype",
                )
            ],
            source,
        )
    try:
        return ET.fromstring(data)
    except ET.ParseError as err:
        line, column = err.position
        raise InvalidInput(
            [
                _problem(
                    f"{source}:{line}",
                    f"geen geldige XML (kolom {column})",
                    f"not well-formed XML (column {column})",
                    "bad_xml",
                )
            ],
            source,
        ) from None


def parse_graphml(data: bytes, source: str, *, case_id: str | None = None) -> Case:
    """The case in GraphML ``data`` (named ``source`` in messages), or :class:`InvalidInput`."""
    root = _parse_xml(data, source)
    if _local(root.tag) != "graphml":
        raise InvalidInput(
            [_problem("", "geen GraphML-bestand", "not a GraphML file", "not_graphml")], source
        )
    keys: dict[str, tuple[str, str, str | None]] = {}
    for key in (e for e in root if _local(e.tag) == "key"):
        default = next((d.text or "" for d in key if _local(d.tag) == "default"), None)
        name = key.get("attr.name") or key.get("id") or ""
        keys[key.get("id") or ""] = (key.get("for") or "all", name, default)
    graphs = [e for e in root if _local(e.tag) == "graph"]
    if len(graphs) != 1:
        raise InvalidInput(
            [
                _problem(
                    "graph",
                    f"het bestand moet precies één graaf bevatten, niet {len(graphs)}",
                    f"the file must hold exactly one graph, not {len(graphs)}",
                    "graph_count",
                )
            ],
            source,
        )
    return _build(graphs[0], _Reader(keys), source, case_id)


def _build(graph: ET.Element, reader: _Reader, source: str, case_id: str | None) -> Case:
    problems = reader.problems
    persons: list[Person] = []
    domains: list[Domain] = []
    clients: list[Person] = []
    seen: set[str] = set()
    for element in graph.iter():
        tag = _local(element.tag)
        if element is not graph and tag in ("graph", "hyperedge"):
            problems.append(
                _problem(
                    tag,
                    "geneste grafen en hyperedges worden niet gelezen",
                    "nested graphs and hyperedges are not read",
                    "unsupported",
                )
            )
            break
    for element in (e for e in graph if _local(e.tag) == "node"):
        ident = element.get("id", "")
        if ident in seen:
            problems.append(
                _problem(f"node {ident}", "id komt twee keer voor", "id used twice", "duplicate_id")
            )
            continue
        seen.add(ident)
        values = reader.values(element, "node")
        if values.get("kind", "person").lower() == "domain":
            kind = reader.code(f"node {ident}", values, "domain_kind") or DomainKind.OTHER
            name = values.get("name") or values.get("label") or ident
            domains.append(Domain(id=ident, name=name, kind=kind))  # type: ignore[arg-type]
        else:
            persons.append(reader.person(ident, values))
            if reader.flag(f"node {ident}", values, "client"):
                clients.append(persons[-1])
    if len(clients) != 1:
        problems.append(
            _problem(
                "client",
                f"precies één knoop moet client=true hebben, niet {len(clients)}",
                f"exactly one node must have client=true, not {len(clients)}",
                "client_count",
            )
        )
    ties = _ties(graph, reader, seen, clients[0].id if len(clients) == 1 else None)
    _raise(problems, source)
    client = clients[0]
    title = reader.values(graph, "graph").get("title") or f"Netwerk van {client.name}"
    case = Case(
        id=case_id or slug(Path(source).stem),
        title=title[:MAX_TITLE],
        client=client.id,
        network=Network(
            persons=[client, *(p for p in persons if p is not client)],
            household=[client.id],
            ties=ties,
            domains=domains,
        ),
    )
    return validate_case(case, source)


def _ties(graph: ET.Element, reader: _Reader, nodes: set[str], client: str | None) -> list[Tie]:
    ids = IdPool()
    given = {e.get("id", "") for e in graph if _local(e.tag) == "edge"} | nodes
    ids.taken.update(given)
    ties: list[Tie] = []
    used: set[str] = set()
    for number, element in enumerate((e for e in graph if _local(e.tag) == "edge"), start=1):
        ident = element.get("id") or ids.derived(f"t{number}")
        source, target = element.get("source", ""), element.get("target", "")
        where = f"edge {ident}"
        missing = [end for end in (source, target) if end not in nodes]
        for end in missing:
            reader.problems.append(
                _problem(
                    where,
                    f"verwijst naar knoop '{end[:40]}' die niet bestaat",
                    f"points to node '{end[:40]}' that does not exist",
                    "unknown_reference",
                )
            )
        if ident in used:
            reader.problems.append(
                _problem(where, "id komt twee keer voor", "id used twice", "duplicate_id")
            )
        used.add(ident)
        a, b = (target, source) if target == client else (source, target)
        ties.append(reader.tie(ident, a, b, reader.values(element, "edge")))
    return ties


def _raise(problems: Iterable[Problem], source: str) -> None:
    found = list(problems)
    if found:
        shown = found[:MAX_PROBLEMS]
        if len(found) > MAX_PROBLEMS:
            rest = len(found) - MAX_PROBLEMS
            shown.append(
                _problem("", f"en nog {rest} fouten", f"and {rest} more problems", "more_problems")
            )
        raise InvalidInput(shown, source)
