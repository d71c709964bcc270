"""Sociogram: who in the network knows whom. Positions only, no drawing.

The graph is the one the measures use (``zorgkracht.analysis.view.build_view``): the members
(no client, pets or deceased persons) with an edge for each tie between two members.
Clusters are found with greedy modularity (Clauset, Newman & Moore 2004; networkx), bridges are
the edges whose removal splits a group (networkx ``bridges``), connecting persons the
articulation points. The layout is fixed, not simulated, so it is the same on every machine:
the client in the centre; each cluster as a ring of its members (best connected first, the
others in breadth-first order) and each member without ties to other members on their own,
all round the client in order (largest cluster first, then case order), far enough out that
nothing overlaps. Manual positions (``case.positions["sociogram"]``) are kept; cluster hulls
follow them. Rules in ``docs/views.md``.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass

import networkx as nx
from networkx.algorithms.community import greedy_modularity_communities

try:  # networkx's own merge loop, one step at a time (see _greedy_modularity)
    from networkx.algorithms.community.modularity_max import (
        _greedy_modularity_communities_generator as _merge_steps,
    )
except ImportError:  # pragma: no cover - another networkx: no budget checks between merges
    _merge_steps = None

from zorgkracht.domain import Case, Tie

from .budget import check as check_budget
from .geometry import XY, Rect
from .memo import fingerprint, recall
from .radial import (
    GAP,
    STEP,
    Slot,
    client_of,
    drawn_members,
    frame,
    outward,
    pinned_points,
    place,
    polar,
)
from .slots import SlotLookup

log = logging.getLogger(__name__)
VIEW = "sociogram"
CENTRE = XY(0.0, 0.0)
HULL_PAD = 10.0
LABEL_H = 18.0


@dataclass(frozen=True, slots=True)
class Cluster:
    """A group of members who know each other, and the hull round their boxes."""

    number: int
    members: tuple[str, ...]
    hull: tuple[XY, ...]


@dataclass(frozen=True, slots=True)
class Edge:
    """A line between two drawn persons: one tie (the strongest when there are several)."""

    a: str
    b: str
    tie: str
    bridge: bool = False


@dataclass(frozen=True, slots=True)
class SociogramLayout(SlotLookup):
    client: Slot | None
    persons: tuple[Slot, ...]
    clusters: tuple[Cluster, ...]
    edges: tuple[Edge, ...]
    """Ties between members."""
    client_edges: tuple[Edge, ...]
    """Ties between the client and a member."""
    connectors: tuple[str, ...]
    """Members whose leaving would split a group (articulation points), in case order."""
    x: float
    y: float
    width: float
    height: float

    @property
    def bridges(self) -> tuple[Edge, ...]:
        return tuple(e for e in self.edges if e.bridge)


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def _strongest(ties: list[Tie]) -> dict[tuple[str, str], Tie]:
    out: dict[tuple[str, str], Tie] = {}
    for tie in ties:
        key = _pair(tie.a, tie.b)
        if key not in out or tie.strength > out[key].strength:
            out[key] = tie
    return out


def member_graph(case: Case) -> nx.Graph:
    """The members (as :func:`~zorgkracht.layout.radial.drawn_members`) with an edge for each
    tie between two of them: the same graph as ``zorgkracht.analysis.view.build_view``."""
    members = drawn_members(case)
    ids = {p.id for p in members}
    graph = nx.Graph()
    graph.add_nodes_from(p.id for p in members)
    for tie in case.network.ties:
        if tie.a != tie.b and tie.a in ids and tie.b in ids:
            graph.add_edge(tie.a, tie.b)
    return graph


def communities(graph: nx.Graph, order: dict[str, int]) -> list[list[str]]:
    """Groups of at least two members (greedy modularity), largest first, then the group whose
    first member comes first in the case; each group in case order."""
    if graph.number_of_edges() == 0:
        return []
    found = _greedy_modularity(graph)
    groups = [sorted(c, key=order.__getitem__) for c in found if len(c) >= 2]
    groups.sort(key=lambda g: (-len(g), order[g[0]]))
    return groups


def _greedy_modularity(graph: nx.Graph) -> list[frozenset[str]]:
    """``greedy_modularity_communities(graph)`` with its defaults (no weight, resolution 1,
    cutoff 1, no best_n), one merge at a time so that the drawing's time budget is checked
    between merges: with 5,000 members and 50,000 ties the merges alone took 200 s. The loop is
    networkx's own for those defaults, so the groups and their order are the same."""
    if _merge_steps is None:
        return list(greedy_modularity_communities(graph))
    steps = _merge_steps(graph, weight=None, resolution=1)
    found: list[frozenset[str]] = next(steps)
    while len(found) > 1:
        check_budget()
        try:
            gain = next(steps)
        except StopIteration:
            break
        if gain < 0:
            break
        found = next(steps)
    return sorted(found, key=len, reverse=True)


def ring_order(graph: nx.Graph, group: list[str], order: dict[str, int]) -> list[str]:
    """The best connected member first, then breadth first (neighbours in case order)."""
    sub = graph.subgraph(group)
    start = min(group, key=lambda n: (-sub.degree(n), order[n]))
    seen = [start]
    queue = [start]
    while queue:
        node = queue.pop(0)
        for nb in sorted(sub.neighbors(node), key=order.__getitem__):
            if nb not in seen:
                seen.append(nb)
                queue.append(nb)
    seen += [n for n in group if n not in seen]
    return seen


def _ring_radius(n: int) -> float:
    if n <= 1:
        return 0.0
    if n == 2:
        return STEP / 2
    return STEP / (2 * math.sin(math.pi / n))


def _around(radii: list[float], inner: float) -> tuple[float, list[float]]:
    """A radius and angles that put discs of ``radii`` round a centre disc of ``inner``
    without overlaps (consecutive centres at least the sum of their radii plus a gap apart)."""
    if not radii:
        return 0.0, []
    if len(radii) == 1:
        return inner + radii[0] + GAP, [0.0]
    big = inner + max(radii) + GAP
    while True:
        check_budget()
        steps = []
        for i, r in enumerate(radii):
            nxt = radii[(i + 1) % len(radii)]
            chord = r + nxt + GAP
            if chord >= 2 * big:
                break
            steps.append(math.degrees(2 * math.asin(chord / (2 * big))))
        if len(steps) == len(radii) and sum(steps) <= 360.0:
            slack = (360.0 - sum(steps)) / len(radii)
            angles = [0.0]
            for s in steps[:-1]:
                angles.append(angles[-1] + s + slack)
            return big, angles
        big += GAP


def layout_sociogram(case: Case) -> SociogramLayout:
    """The sociogram of the case's network; the same case always gives the same layout.

    Reads the persons, the client, the pins of this view, the ends of the ties and which tie is
    the strongest between two persons, so a redraw after any other edit (a tie's quality,
    letters, or a strength that does not change which tie is drawn) reuses the last layout of
    the case (:mod:`zorgkracht.layout.memo`)."""
    ties = case.network.ties
    ends = [(t.a, t.b) for t in ties]
    drawn = [(pair, t.id) for pair, t in _strongest(ties).items()]
    key = fingerprint(case.client, case.network.persons, case.positions.get(VIEW), ends, drawn)
    return recall(case.id, VIEW, key, lambda: _layout(case))


def _layout(case: Case) -> SociogramLayout:
    members = drawn_members(case)
    order = {p.id: n for n, p in enumerate(members)}
    graph = member_graph(case)
    groups = communities(graph, order)
    grouped = {pid for g in groups for pid in g}
    singles = [p.id for p in members if p.id not in grouped]
    units = [ring_order(graph, g, order) for g in groups] + [[pid] for pid in singles]
    radii = [_ring_radius(len(u)) + STEP / 2 for u in units]
    big, angles = _around(radii, STEP / 2)
    anchors: dict[str, XY] = {}
    for unit, angle, disc in zip(units, angles, radii, strict=True):
        centre = polar(CENTRE, big, angle)
        rc = disc - STEP / 2
        for k, pid in enumerate(unit):
            anchors[pid] = polar(centre, rc, angle + 180.0 + 360.0 * k / len(unit))
    client = client_of(case)
    ids = [p.id for p in members]
    if client is not None:
        anchors[client.id] = CENTRE
        ids.insert(0, client.id)
    slots = place(anchors, ids, pinned_points(case, VIEW), outward(CENTRE))
    client_slot = slots.pop(0) if client is not None else None
    by_id = {s.id: s for s in slots}
    clusters = tuple(
        Cluster(n + 1, tuple(g), hull([by_id[pid].rect for pid in g], HULL_PAD))
        for n, g in enumerate(groups)
    )
    strongest = _strongest(case.network.ties)
    bridge_pairs = {_pair(str(a), str(b)) for a, b in nx.bridges(graph)} if graph.edges else set()
    pairs = sorted(
        (tuple(sorted((str(u), str(v)), key=order.__getitem__)) for u, v in graph.edges),
        key=lambda ab: (order[ab[0]], order[ab[1]]),
    )
    edges = tuple(
        Edge(a, b, strongest[_pair(a, b)].id, _pair(a, b) in bridge_pairs) for a, b in pairs
    )
    client_edges: list[Edge] = []
    if client is not None:
        for pid in [p.id for p in members]:
            tie = strongest.get(_pair(client.id, pid))
            if tie is not None:
                client_edges.append(Edge(client.id, pid, tie.id))
    cut = set(nx.articulation_points(graph)) if graph.edges else set()
    connectors = tuple(p.id for p in members if p.id in cut)
    log.debug(
        "sociogram: %d members, %d clusters, %d bridges",
        len(slots),
        len(clusters),
        len(bridge_pairs),
    )
    rects = [s.rect for s in slots]
    if client_slot is not None:
        rects.append(client_slot.rect)
    rects += [Rect(p.x, p.y - LABEL_H, 60, LABEL_H) for c in clusters for p in c.hull]
    box = frame(rects)
    return SociogramLayout(
        client=client_slot,
        persons=tuple(slots),
        clusters=clusters,
        edges=edges,
        client_edges=tuple(client_edges),
        connectors=connectors,
        x=box.x,
        y=box.y,
        width=box.width,
        height=box.height,
    )


def hull(rects: list[Rect], pad: float) -> tuple[XY, ...]:
    """The convex hull (clockwise on screen, Andrew's monotone chain) of the rectangles grown by
    ``pad``."""
    pts = sorted(
        {
            (x, y)
            for r in rects
            for x in (r.x - pad, r.right + pad)
            for y in (r.y - pad, r.bottom + pad)
        }
    )
    if len(pts) <= 2:
        return tuple(XY(x, y) for x, y in pts)

    def cross(o: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list[tuple[float, float]] = []
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return tuple(XY(x, y) for x, y in lower[:-1] + upper[:-1])
