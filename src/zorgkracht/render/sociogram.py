"""Sociogram as SVG and as a table: the contract of :mod:`zorgkracht.render.views`.

Ties between members are black lines: thickness for strength (thicker = more important), solid
for positive, dotted for tense (the book's stippellijn, line 1795), zigzag for conflict. A bridge
(a tie whose loss splits a group) lies on a wide grey band
with a diamond in the middle; a connecting person (articulation point) has a dashed ring round
the symbol. Ties with the client are thin grey lines in the background. Each cluster lies on a
light hull with its number.
"""

from __future__ import annotations

import math
import pickle
from functools import partial

from zorgkracht.domain import Case, Tie
from zorgkracht.domain.codes import Quality
from zorgkracht.layout.geometry import (
    XY,
    BoxIndex,
    Rect,
    length,
    person_rects,
    point_at,
    polyline_hits,
    quadratic,
    trimmed_polyline,
    zigzag,
)
from zorgkracht.layout.sociogram import Edge, SociogramLayout, layout_sociogram

from . import symbols as sym
from . import words
from .chart import (
    Legend,
    client_rows,
    line_sample,
    name_box,
    person_group,
    private,
    root,
    text_lines,
    tr,
)
from .ecogram_lines import dash as dots
from .svg import AttrValue, Blocks, Element, document, path_d, points

_PERSONS = Blocks(depth=2)
"""Persons as last drawn, by everything they are drawn from (svg > g.persons > g.person)."""

CLIENT_INK = "#8c8c8c"
HULL_FILL = "#ececec"
BRIDGE_CASING = "#c8c8c8"
WIDTH = {1: 1.2, 2: 2.2, 3: 3.4}


def render_svg(case: Case, *, lang: str = "nl", show_legend: bool = True) -> str:
    """The sociogram of the case's network as an SVG document."""
    layout = layout_sociogram(case)
    return document(draw(case, layout, lang=lang, show_legend=show_legend))


def _tie_line(tie: Tie, route: list[XY], ink: str = sym.INK) -> list[Element]:
    width = WIDTH.get(tie.strength, 2.2)
    attrs: dict[str, AttrValue] = {"fill": "none", "stroke": ink, "stroke_width": width}
    if tie.quality is Quality.CONFLICT:
        return [Element("path", d=path_d(zigzag(route, 4.5, 10.0)), **attrs)]
    dash = dots(width) if tie.quality is Quality.TENSE else None
    return [Element("path", d=path_d(route), stroke_dasharray=dash, **attrs)]


def _diamond(at: XY, size: float = 6.0) -> Element:
    pts = [
        XY(at.x, at.y - size),
        XY(at.x + size, at.y),
        XY(at.x, at.y + size),
        XY(at.x - size, at.y),
    ]
    return Element("polygon", points=points(pts), fill="#fff", stroke=sym.INK, stroke_width=1.5)


def _bridge_under(route: list[XY]) -> Element:
    return Element(
        "path",
        d=path_d(route),
        stroke=BRIDGE_CASING,
        stroke_width=11,
        stroke_linecap="round",
        fill="none",
    )


def _legend(case: Case, layout: SociogramLayout, lang: str) -> Legend:
    persons = {p.id: p for p in case.network.persons}
    ties = {t.id: t for t in case.network.ties}
    legend = Legend()
    drawn = [persons[s.id] for s in layout.persons]
    if layout.client is not None:
        drawn.insert(0, persons[layout.client.id])
    legend.person_kinds(drawn, lang)
    if layout.client is not None:
        legend.client(lang)
    member_ties = [ties[e.tie] for e in layout.edges]
    for quality in Quality:
        if any(t.quality is quality for t in member_ties):
            sample = _tie_line(Tie(id="", a="", b="", quality=quality), [XY(1, 10), XY(39, 10)])
            legend.add(
                f"tie:{quality.value}",
                words.line_legend(quality, lang, among=True),
                sample,
            )
    if len({t.strength for t in member_ties}) > 1:
        legend.add(
            "tie:strength",
            tr(
                "dikker = belangrijker (sterkte van de relatie)",
                "thicker = more important (strength of the tie)",
                lang,
            ),
            [
                Element("path", d="M1 5L39 5", stroke=sym.INK, stroke_width=WIDTH[1]),
                Element("path", d="M1 15L39 15", stroke=sym.INK, stroke_width=WIDTH[3]),
            ],
        )
    if layout.bridges:
        legend.add(
            "tie:bridge",
            tr(
                "brug: zonder deze relatie valt een groep uiteen",
                "bridge: without this tie a group falls apart",
                lang,
            ),
            [
                _bridge_under([XY(4, 10), XY(36, 10)]),
                *line_sample(stroke=sym.INK, stroke_width=1.5),
                _diamond(XY(20, 10), 5),
            ],
        )
    if layout.connectors:
        legend.add(
            "person:connector",
            tr(
                "gestippelde ring: verbindende persoon",
                "dotted ring: connecting person",
                lang,
            ),
            [
                sym.shape(
                    "unknown", Rect(12, 2, 16, 16), fill="#fff", stroke=sym.INK, stroke_width=1.5
                ),
                Element(
                    "circle",
                    cx=20,
                    cy=10,
                    r=12,
                    fill="none",
                    stroke=sym.INK,
                    stroke_dasharray="3 2",
                ),
            ],
        )
    if layout.client_edges:
        legend.add(
            "tie:client",
            tr("grijze lijn: relatie met de cliënt", "grey line: tie with the client", lang),
            line_sample(stroke=CLIENT_INK, stroke_width=1),
        )
    if layout.clusters:
        legend.add(
            "cluster",
            tr("grijs vlak: groep die elkaar kent", "grey area: group who know each other", lang),
            [
                Element(
                    "rect", x=4, y=2, width=32, height=16, rx=6, fill=HULL_FILL, stroke=CLIENT_INK
                )
            ],
        )
    return legend


def draw(case: Case, layout: SociogramLayout, *, lang: str, show_legend: bool) -> Element:
    persons = {p.id: p for p in case.network.persons}
    ties = {t.id: t for t in case.network.ties}
    legend = _legend(case, layout, lang)
    block = legend.render(lang, XY(layout.x + layout.width, layout.y)) if show_legend else None
    svg = root(
        Rect(layout.x, layout.y, layout.width, layout.height),
        block,
        tr("Sociogram", "Sociogram", lang),
        tr(
            "Wie in het netwerk wie kent: groepen, bruggen en verbindende personen.",
            "Who in the network knows whom: groups, bridges and connecting persons.",
            lang,
        ),
    )
    hulls = svg.add("g", class_="clusters")
    for cluster in layout.clusters:
        g = hulls.add("g", class_="cluster")
        g.set_raw("data-cluster", str(cluster.number))
        g.set_raw("data-members", " ".join(cluster.members))
        g.add(
            "polygon",
            points=points(list(cluster.hull)),
            fill=HULL_FILL,
            stroke=CLIENT_INK,
            stroke_width=1,
            stroke_linejoin="round",
        )
        top = min(cluster.hull, key=lambda p: (p.y, p.x))
        g.extend(
            text_lines(
                [f"{tr('groep', 'group', lang)} {cluster.number}"],
                XY(top.x + 4, top.y - 5),
                size=11,
                font_weight="bold",
            )
        )
    # layout.slot(id).anchor for every drawn person, looked up once (persons before the client)
    anchors = {layout.client.id: layout.client.anchor} if layout.client is not None else {}
    anchors.update((s.id, s.anchor) for s in layout.persons)
    # a line stops at the edge of each end's symbol and name, and bows round the names (and
    # symbols) of others in its way
    slots = list(layout.persons) + ([layout.client] if layout.client is not None else [])
    names = {sl.id: name_box(persons[sl.id], sl) for sl in slots}
    around = {sl.id: person_rects(sl.symbol, names[sl.id], 3.0) for sl in layout.persons}
    if layout.client is not None:
        client = layout.client
        around[client.id] = person_rects(client.symbol, names[client.id], 7.0)
    # what a line must not cross: the names of others (their symbols are drawn over the lines)
    index = BoxIndex([(pid, rs[1]) for pid, rs in around.items()])
    client_lines = svg.add("g", class_="client-ties")
    for edge in layout.client_edges:
        route = _route(anchors[edge.a], anchors[edge.b], edge, around, index)
        if route is None:
            continue
        line = client_lines.add(
            "path", d=path_d(route), stroke=CLIENT_INK, stroke_width=1, fill="none"
        )
        line.set_raw("data-tie-id", edge.tie)
    lines = svg.add("g", class_="ties")
    for edge in layout.edges:
        route = _route(anchors[edge.a], anchors[edge.b], edge, around, index)
        if route is not None:
            lines.append(_edge(edge, route, ties[edge.tie]))
    people = svg.add("g", class_="persons")
    if layout.client is not None:
        people.append(person_group(persons[layout.client.id], layout.client, client=True))
    cluster_of = {pid: c.number for c in layout.clusters for pid in c.members}
    connectors = set(layout.connectors)
    dumps, protocol = pickle.dumps, pickle.HIGHEST_PROTOCOL
    for slot in layout.persons:
        person, ring = persons[slot.id], slot.id in connectors
        data = {"cluster": str(cluster_of[slot.id])} if slot.id in cluster_of else {}
        # the person as last drawn when nothing they are drawn from changed (svg > g > g)
        key = (dumps(person, protocol), slot, ring, tuple(data.items()))
        people.append(_PERSONS.get(key, partial(person_group, person, slot, ring=ring, data=data)))
    if block is not None:
        svg.append(block[0])
    return svg


BOWS = (0.0, 40.0, -40.0, 80.0, -80.0, 140.0, -140.0, 220.0, -220.0)


def _route(
    a: XY, b: XY, edge: Edge, around: dict[str, tuple[Rect, Rect]], index: BoxIndex
) -> list[XY] | None:
    """The line of ``edge`` from ``a`` to ``b``: straight, or the first bow (a quadratic curve)
    that passes no other person's name, else the one passing fewest; cut at the
    edges of both ends' symbol and name."""
    dist = math.dist((a.x, a.y), (b.x, b.y)) or 1.0
    nx, ny = -(b.y - a.y) / dist, (b.x - a.x) / dist
    best: tuple[int, list[XY]] | None = None
    for bow in BOWS:
        if bow == 0.0:
            curve: list[XY] = [a, b]
        else:
            control = XY((a.x + b.x) / 2 + nx * bow, (a.y + b.y) / 2 + ny * bow)
            curve = quadratic(a, control, b)
        route = trimmed_polyline(curve, around[edge.a], around[edge.b])
        if route is None:
            continue
        near = index.near(route, exclude=(edge.a, edge.b))
        hits = polyline_hits(route, near, stop_at=best[0] if best is not None else None)
        if best is None or hits < best[0]:
            best = (hits, route)
        if hits == 0:
            break
    return best[1] if best is not None else None


def _edge(edge: Edge, route: list[XY], tie: Tie) -> Element:
    g = Element("g", class_="tie")
    g.set_raw("data-tie-id", edge.tie)
    g.set_raw("data-between", f"{edge.a} {edge.b}")
    if edge.bridge:
        g.set_raw("data-bridge", "true")
        g.append(_bridge_under(route))
    g.extend(_tie_line(tie, route))
    if edge.bridge:
        g.append(_diamond(point_at(route, length(route) / 2)[0]))
    return g


def table(case: Case, lang: str = "nl") -> list[dict[str, str]]:
    """Rows for the persons (group, connecting person), the ties between members (bridges
    named) and the groups."""
    layout = layout_sociogram(case)
    persons = {p.id: p for p in case.network.persons}
    ties = {t.id: t for t in case.network.ties}
    rows = client_rows(layout.client, persons, lang)

    def add(kind: tuple[str, str], ident: str, who: str, details: str) -> None:
        rows.append({"kind": tr(*kind, lang), "id": ident, "who": who, "details": details})

    cluster_of = {pid: c.number for c in layout.clusters for pid in c.members}
    for slot in layout.persons:
        parts = []
        if slot.id in cluster_of:
            parts.append(f"{tr('groep', 'group', lang)} {cluster_of[slot.id]}")
        else:
            parts.append(tr("kent geen andere netwerkleden", "knows no other members", lang))
        if slot.id in layout.connectors:
            parts.append(tr("verbindende persoon", "connecting person", lang))
        note = private(persons[slot.id].sensitive, lang)
        who = persons[slot.id]
        add(words.kind_of(who), slot.id, who.name, ", ".join(parts) + note)
    for edge in layout.edges:
        tie = ties[edge.tie]
        quality = tr(tie.quality.nl, tie.quality.en, lang)
        details = f"{quality}, {words.strength(tie.strength, lang)}"
        if edge.bridge:
            details += f", {tr('brug', 'bridge', lang)}"
        details += private(tie.sensitive, lang)
        add(words.TIE, tie.id, f"{persons[edge.a].name} — {persons[edge.b].name}", details)
    for cluster in layout.clusters:
        names = ", ".join(persons[pid].name for pid in cluster.members)
        add(
            ("groep", "group"),
            str(cluster.number),
            names,
            f"{len(cluster.members)} {tr('personen', 'persons', lang)}",
        )
    return rows
