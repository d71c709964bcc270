"""The attributes of a network as a graph: one table for GraphML and GEXF, export and import.

A node is the client, a person or an ecogram domain; an edge is a tie (``shared/domain.md`` §4).
Every attribute has a name (as Gephi, Cytoscape and networkx show it), a type and how it is read
from the case. A value that is not set (a person without a circle) is left out of the file, not
written empty, so that a tool reading it sees "no value" rather than an empty string. Codes are
written as the case file writes them (``friend``, ``intimacy``); the support letters as one
string in the order P G A E W (``"PE"``).

:func:`graph_case` is the case at a snapshot with what is sensitive left out when asked: what
both writers draw.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from zorgkracht.domain import Case, Domain, Network, Person, Tie
from zorgkracht.domain.codes import Support
from zorgkracht.domain.privacy import without_sensitive
from zorgkracht.domain.process import Process

AttrType = Literal["string", "int", "double", "boolean"]
Value = str | int | float | bool
T = TypeVar("T")

GEXF_TYPES: dict[AttrType, str] = {
    "string": "string",
    "int": "integer",
    "double": "double",
    "boolean": "boolean",
}
"""GEXF's names of the types (GraphML's are the keys)."""


@dataclass(frozen=True, slots=True)
class Attr(Generic[T]):
    name: str
    type: AttrType
    read: Callable[[T], Value | None]


@dataclass(frozen=True, slots=True)
class NodeOf:
    """What a node's attributes are read from: a person (with the network's ties to the client)
    or a domain."""

    client: str
    person: Person | None = None
    domain: Domain | None = None
    support: str = ""


def letters(support: set[Support]) -> str:
    """The support letters in the book's order: ``{E, P}`` → ``"PE"``."""
    return "".join(s.value for s in Support if s in support)


def _p(read: Callable[[Person], Value | None]) -> Callable[[NodeOf], Value | None]:
    return lambda n: read(n.person) if n.person is not None else None


def _code(value: object) -> str | None:
    return None if value is None else str(value)


NODE_ATTRS: tuple[Attr[NodeOf], ...] = (
    Attr(
        "name", "string", lambda n: n.person.name if n.person else n.domain.name if n.domain else ""
    ),
    Attr("kind", "string", lambda n: "person" if n.person is not None else "domain"),
    Attr("client", "boolean", lambda n: n.person is not None and n.person.id == n.client),
    Attr("role", "string", _p(lambda p: _code(p.role))),
    Attr("sector", "string", _p(lambda p: _code(p.sector))),
    Attr("circle", "string", _p(lambda p: _code(p.circle))),
    Attr("circle_number", "int", _p(lambda p: p.circle.number if p.circle else None)),
    Attr("zone", "string", _p(lambda p: _code(p.zone))),
    Attr("frequency", "string", _p(lambda p: _code(p.frequency))),
    Attr("support", "string", lambda n: n.support if n.person is not None else None),
    Attr("status", "string", _p(lambda p: _code(p.status))),
    Attr("wish", "string", _p(lambda p: _code(p.wish))),
    Attr("energy", "string", _p(lambda p: _code(p.energy))),
    Attr("gender", "string", _p(lambda p: _code(p.gender))),
    Attr("birth_year", "int", _p(lambda p: p.birth_year)),
    Attr("death_year", "int", _p(lambda p: p.death_year)),
    Attr("deceased", "boolean", _p(lambda p: p.is_deceased)),
    Attr("organisation", "boolean", _p(lambda p: p.organisation)),
    Attr("pet", "string", _p(lambda p: p.pet)),
    Attr("sensitive", "boolean", _p(lambda p: p.sensitive)),
    Attr("domain_kind", "string", lambda n: _code(n.domain.kind) if n.domain else None),
)
"""Node attributes, in the order they are declared."""

EDGE_ATTRS: tuple[Attr[Tie], ...] = (
    Attr("strength", "int", lambda t: t.strength),
    Attr("quality", "string", lambda t: _code(t.quality)),
    Attr("direction", "string", lambda t: _code(t.direction)),
    Attr("support", "string", lambda t: letters(t.support)),
    Attr("reciprocal", "boolean", lambda t: t.reciprocal),
    Attr("care_hours", "double", lambda t: t.care_hours_per_week),
    Attr("client_care_hours", "double", lambda t: t.client_care_hours_per_week),
    Attr("sensitive", "boolean", lambda t: t.sensitive),
)
"""Edge attributes, in the order they are declared."""

GRAPH_ATTRS: tuple[tuple[str, AttrType], ...] = (("title", "string"), ("snapshot", "string"))
"""Attributes of the graph itself (GraphML only): the case's title and the snapshot drawn."""


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    label: str
    values: dict[str, Value]


@dataclass(frozen=True, slots=True)
class Edge:
    id: str
    source: str
    target: str
    values: dict[str, Value]


@dataclass(frozen=True, slots=True)
class Graph:
    title: str
    snapshot: str | None
    nodes: list[Node]
    edges: list[Edge]


def graph_case(case: Case, *, snapshot: str | None = None, hide_sensitive: bool = False) -> Case:
    """``case`` as the network at ``snapshot`` (the current one when ``None`` or ``"current"``),
    without its other snapshots and process, and with what is sensitive left out when
    ``hide_sensitive``; :class:`~zorgkracht.domain.NotFound` for an unknown snapshot."""
    shown = without_sensitive(case) if hide_sensitive else case
    network = shown.network
    if snapshot is not None and snapshot != "current":
        network = shown.snapshot(snapshot).network
    return dataclasses.replace(shown, network=network, snapshots=[], process=Process())


def node_support(net: Network, client: str) -> dict[str, str]:
    """Per member, the letters of the support they give the client (on the tie from the
    client to them)."""
    given: dict[str, set[Support]] = {}
    for tie in net.ties:
        if tie.a == client:
            given.setdefault(tie.b, set()).update(tie.support)
    return {ref: letters(s) for ref, s in given.items()}


def _values(attrs: tuple[Attr[T], ...], subject: T) -> dict[str, Value]:
    return {a.name: v for a in attrs if (v := a.read(subject)) is not None}


def graph_of(case: Case, snapshot: str | None = None) -> Graph:
    """The nodes and edges of ``case``'s current network (which :func:`graph_case` set to the
    snapshot wanted): the client first, then every other person, then the domains."""
    net = case.network
    support = node_support(net, case.client)
    persons = sorted(net.persons, key=lambda p: p.id != case.client)
    nodes = [
        Node(p.id, p.name, _values(NODE_ATTRS, NodeOf(case.client, p, None, support.get(p.id, ""))))
        for p in persons
    ]
    nodes += [
        Node(d.id, d.name, _values(NODE_ATTRS, NodeOf(case.client, None, d))) for d in net.domains
    ]
    edges = [Edge(t.id, t.a, t.b, _values(EDGE_ATTRS, t)) for t in net.ties]
    return Graph(case.title, snapshot if snapshot != "current" else None, nodes, edges)


def text_of(value: Value) -> str:
    """A value as XML text: booleans as ``true``/``false``, numbers without a needless ``.0``
    in integers."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


__all__ = [
    "EDGE_ATTRS",
    "GEXF_TYPES",
    "GRAPH_ATTRS",
    "NODE_ATTRS",
    "Attr",
    "Edge",
    "Graph",
    "Node",
    "NodeOf",
    "graph_case",
    "graph_of",
    "letters",
    "node_support",
    "text_of",
]
