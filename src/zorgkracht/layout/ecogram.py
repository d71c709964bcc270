"""Ecogram layout: where the client system, the domains, their persons and the tie lines go.

Positions only, no drawing. :func:`layout_ecogram` turns a :class:`~zorgkracht.domain.Case`
into an :class:`EcogramLayout` of frozen dataclasses. The rules (``docs/ecogram.md``):

- the client system (the client and the household) is a central circle holding a compact
  genogram (:mod:`zorgkracht.layout.ecogram_household`);
- every domain is a circle round it, in input order clockwise from the top, each just far
  enough out that no two circles meet; a domain's persons are packed inside its circle, the
  ones with a tie to the client system on the side nearest the centre;
- persons in no domain who are on a tie, or who have no family line at all, go into a circle
  by their role, as the book's clusters round the client system (ch. 4): family, friends,
  neighbours, work and school, help and services, acquaintances, and *anderen / others* for
  those without a role (:data:`GROUP_TITLES`); persons who are only in the family tree (the
  Flodders' five ex-husbands) belong to the genogram, not to the ecogram;
- a person listed in several domains is drawn once, in the first; a household member listed in
  a domain is drawn in the centre;
- manual positions ``case.positions["ecogram"][id]`` (the centre of a person's symbol or of a
  domain circle) are kept as given; a moved domain takes its persons along;
- tie lines run from symbol or circle edge to edge; a tie of a household member starts at the
  rim of the central circle; lines that would cross a box or circle are bowed round it.

The same case always gives the same layout: every loop runs over lists in input order. A redraw
of the same case reuses the parts whose inputs did not change (:mod:`zorgkracht.layout.memo`):
the placement of persons and circles when only ties' codes or letters changed, the tie routes
when no tie was added, removed or reconnected, and the letters' places when no tie's letters
changed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from zorgkracht.domain import Case, Person, Point
from zorgkracht.domain.codes import Role

from .ecogram_household import (
    MIN_BOX_W,
    LocalBox,
    LocalChild,
    LocalCouple,
    box_width,
    layout_household,
    pack,
    title_width,
    wrap_title,
)
from .ecogram_ties import label_key, route_lines, spread_labels
from .ecogram_types import (
    ACQUAINTANCES,
    FAMILY,
    FRIENDS,
    GROUP_TITLES,
    HELP,
    HOUSEHOLD,
    NEIGHBOURS,
    OTHER,
    WORK,
    CoupleLink,
    DescentLink,
    EcoCircle,
    EcogramLayout,
    EcoPerson,
    TieLine,
)
from .geometry import XY, Rect
from .memo import fingerprint, recall

VIEW = "ecogram"
GAP = 100.0
"""Room between the central circle and a domain circle, for the tie line and its letters."""
SIDE_GAP = 28.0
MARGIN = 24.0


_GROUP_OF_ROLE: dict[Role, str] = {
    Role.PARTNER: FAMILY,
    Role.PARENT: FAMILY,
    Role.CHILD: FAMILY,
    Role.SIBLING: FAMILY,
    Role.GRANDPARENT: FAMILY,
    Role.GRANDCHILD: FAMILY,
    Role.OTHER_FAMILY: FAMILY,
    Role.FRIEND: FRIENDS,
    Role.NEIGHBOUR: NEIGHBOURS,
    Role.COLLEAGUE: WORK,
    Role.FELLOW_CLIENT: ACQUAINTANCES,
    Role.ACQUAINTANCE: ACQUAINTANCES,
    Role.VOLUNTEER: HELP,
    Role.PROFESSIONAL: HELP,
    Role.SERVICE: HELP,
}


def group_of(person: Person) -> str:
    """The circle of a person in no domain: by their role (family, friends, neighbours, work
    and school, help and services, acquaintances), :data:`OTHER` without a role."""
    return _GROUP_OF_ROLE.get(person.role, OTHER) if person.role is not None else OTHER


def drawn_outside(case: Case, household: list[str]) -> list[Person]:
    """Persons outside the client system that the ecogram draws, in input order."""
    net = case.network
    inside = set(household)
    in_domain = {m for d in net.domains for m in d.members}
    on_tie = {end for t in net.ties for end in (t.a, t.b)}
    family = {end for c in net.couples for end in (c.a, c.b)}
    for ch in net.children:
        family.add(ch.child)
        family.update(ch.parents)
    return [
        p
        for p in net.persons
        if p.id not in inside and (p.id in in_domain or p.id in on_tie or p.id not in family)
    ]


@dataclass(frozen=True, slots=True)
class _Placed:
    """Persons, circles and family lines: everything but the tie lines."""

    persons: tuple[EcoPerson, ...]
    circles: tuple[EcoCircle, ...]
    couples: tuple[CoupleLink, ...]
    descents: tuple[DescentLink, ...]
    boxes: dict[str, EcoPerson]
    by_id: dict[str, EcoCircle]
    bounds: tuple[float, float, float, float]
    """Left, top, right and bottom of the persons and circles."""


def layout_ecogram(case: Case) -> EcogramLayout:
    """Lay out the ecogram of ``case``; see the module docstring and ``docs/ecogram.md``."""
    net = case.network
    # every input of the placement: persons, family, domains, pins and which pairs are tied
    place_key = fingerprint(
        case.client,
        case.positions.get(VIEW),
        net.persons,
        net.household,
        net.children,
        net.couples,
        net.domains,
        [(t.a, t.b) for t in net.ties],
    )
    placed = recall(case.id, "ecogram/place", place_key, lambda: _place(case))
    route_key = (place_key, tuple([(t.id, t.a, t.b) for t in net.ties]))
    routed = recall(
        case.id, "ecogram/routes", route_key, lambda: route_lines(case, placed.boxes, placed.by_id)
    )
    ties = recall(
        case.id,
        "ecogram/labels",
        (route_key, label_key(case, routed)),
        lambda: spread_labels(case, routed, [p.rect for p in placed.boxes.values()]),
    )
    return _framed(placed, ties, case.client)


def _place(case: Case) -> _Placed:
    """Where the persons and circles go, and the family lines between them."""
    net = case.network
    household = layout_household(case)
    hh_ids = [b.id for b in household.boxes]
    inside = set(hh_ids)
    outside = drawn_outside(case, hh_ids)
    groups: list[tuple[str, str, tuple[str, ...], list[Person]]] = []
    taken: set[str] = set()
    for d in net.domains:
        members = [p for m in d.members for p in outside if p.id == m and p.id not in taken]
        taken.update(p.id for p in members)
        groups.append((d.id, "domain", wrap_title(d.name), members))
    rest: dict[str, list[Person]] = {}
    for loose in outside:
        if loose.id not in taken:
            rest.setdefault(group_of(loose), []).append(loose)
    for gid, (nl, en) in GROUP_TITLES.items():
        if gid in rest:
            # measured by the longer of the two titles, so either language fits
            groups.append((gid, "other", (nl, en), rest[gid]))
    near = {e for t in net.ties for e in (t.a, t.b) if t.a in inside or t.b in inside}
    nearest_first = [
        [p for p in members if p.id in near] + [p for p in members if p.id not in near]
        for _gid, _kind, _title, members in groups
    ]
    titles = [
        (1, max(title_width((t,)) for t in title))
        if kind == "other"
        else (len(title), title_width(title))
        for _g, kind, title, _m in groups
    ]
    # the cell width of each group once; the first two passes only measure: no boxes made
    cells = [max((box_width(p) for p in people), default=MIN_BOX_W) for people in nearest_first]
    first = [
        pack(people, *t, fill=False, cell=cell)
        for people, t, cell in zip(nearest_first, titles, cells, strict=True)
    ]
    guess = _ring(household.radius, [f.radius for f in first])
    second = [
        pack(people, *t, _towards(c), fill=False, cell=cell)
        for people, t, c, cell in zip(nearest_first, titles, guess, cells, strict=True)
    ]
    centres = _ring(household.radius, [f.radius for f in second])
    pins = case.positions.get(VIEW, {})
    persons: list[EcoPerson] = [
        _person(b, HOUSEHOLD, XY(0.0, 0.0), pins.get(b.id)) for b in household.boxes
    ]
    circles = [
        EcoCircle(HOUSEHOLD, "household", 0.0, 0.0, household.radius, (), 0.0, tuple(hh_ids))
    ]
    shapes = list(zip(second, cells, strict=True))
    for (gid, kind, title, _m), people, t, (shape, cell), centre in zip(
        groups, nearest_first, titles, shapes, centres, strict=True
    ):
        pin = pins.get(gid) if kind == "domain" else None
        if pin is not None:
            centre = XY(float(pin.x), float(pin.y))
        packed = pack(people, *t, _towards(centre), shape.cols, cell=cell)
        circles.append(
            EcoCircle(
                gid,
                kind,
                centre.x,
                centre.y,
                packed.radius,
                title,
                centre.y + packed.title_top,
                tuple(b.id for b in packed.boxes),
                pinned=pin is not None,
            )
        )
        persons += [_person(b, gid, centre, pins.get(b.id)) for b in packed.boxes]
    boxes = {p.id: p for p in persons}
    couples, descents = _family(household.couples, household.children, boxes)
    xs: list[float] = []
    ys: list[float] = []
    for p in persons:
        xs += [p.x, p.x + p.width]
        ys += [p.y, p.y + p.height]
    for c in circles:
        xs += [c.cx - c.r, c.cx + c.r]
        ys += [c.cy - c.r, c.cy + c.r]
    return _Placed(
        tuple(persons),
        tuple(circles),
        couples,
        descents,
        boxes,
        {c.id: c for c in circles},
        (min(xs), min(ys), max(xs), max(ys)),
    )


def _towards(centre: XY) -> XY:
    """Unit direction from a circle at ``centre`` to the client system at ``(0, 0)``."""
    d = math.hypot(centre.x, centre.y)
    return XY(0.0, 1.0) if d == 0 else XY(-centre.x / d, -centre.y / d)


def _person(box: LocalBox, group: str, at: XY, pin: Point | None) -> EcoPerson:
    r, s, lab = box.rect, box.symbol, box.label
    dx, dy = at.x, at.y
    pinned = pin is not None
    if pin is not None:
        dx = pin.x - (s.x + s.width / 2)
        dy = pin.y - (s.y + s.height / 2)
    return EcoPerson(
        id=box.id,
        x=r.x + dx,
        y=r.y + dy,
        width=r.width,
        height=r.height,
        symbol=Rect(s.x + dx, s.y + dy, s.width, s.height),
        label=Rect(lab.x + dx, lab.y + dy, lab.width, lab.height),
        group=group,
        pinned=pinned,
    )


def _overlap(a: tuple[XY, float], b: tuple[XY, float], gap: float) -> bool:
    return math.dist((a[0].x, a[0].y), (b[0].x, b[0].y)) < a[1] + b[1] + gap - 1e-6


def _ring(centre_r: float, radii: list[float]) -> list[XY]:
    """Centres round the central circle, clockwise from the top, each circle ``GAP`` out from
    it; moved further out together until neighbours fit and no two circles meet."""
    n = len(radii)
    extra = 0.0
    while True:
        dist = [centre_r + GAP + r + extra for r in radii]
        half = [
            math.asin(min(1.0, (r + SIDE_GAP / 2) / d)) for r, d in zip(radii, dist, strict=True)
        ]
        turn = sum(half, 0.0)  # 0.0, not 0: mypyc mistypes ``2 * sum(...)`` of floats
        if n <= 1 or 2 * turn <= 2 * math.pi:
            slack = (2 * math.pi - 2 * turn) / n if n else 0.0
            angle = -math.pi / 2
            out: list[XY] = []
            for i in range(n):
                if i:
                    angle += half[i - 1] + half[i] + slack
                out.append(XY(dist[i] * math.cos(angle), dist[i] * math.sin(angle)))
            placed = [(c, r) for c, r in zip(out, radii, strict=True)]
            if not any(
                _overlap(placed[i], placed[j], SIDE_GAP / 2)
                for i in range(n)
                for j in range(i + 1, n)
            ):
                return out
        extra += 20.0


def _family(
    couples: tuple[LocalCouple, ...],
    children: tuple[LocalChild, ...],
    boxes: dict[str, EcoPerson],
) -> tuple[tuple[CoupleLink, ...], tuple[DescentLink, ...]]:
    links: list[CoupleLink] = []
    mids: dict[tuple[str, str], XY] = {}
    for c in couples:
        a, b = boxes[c.a], boxes[c.b]
        left, right = (a, b) if a.centre.x <= b.centre.x else (b, a)
        if abs(left.centre.y - right.centre.y) < 1e-6:
            start = XY(left.symbol.right, left.centre.y)
            end = XY(right.symbol.x, right.centre.y)
        else:
            start, end = left.centre, right.centre
        links.append(CoupleLink(c.relation, c.a, c.b, c.type, start, end))
        mid = XY((start.x + end.x) / 2, (start.y + end.y) / 2)
        mids[(c.a, c.b)] = mids[(c.b, c.a)] = mid
    descents: list[DescentLink] = []
    for ch in children:
        kid = boxes[ch.child]
        origin = mids.get((ch.parents[0], ch.parents[-1])) if len(ch.parents) == 2 else None
        if origin is None:
            parent = boxes[ch.parents[0]]
            origin = XY(parent.centre.x, parent.y + parent.height)
        end = XY(kid.centre.x, kid.symbol.y)
        bar_y = kid.y - 14.0 if kid.y - 14.0 > origin.y else (origin.y + end.y) / 2
        pts: tuple[XY, ...] = (origin, XY(origin.x, bar_y), XY(end.x, bar_y), end)
        above = [boxes[p] for p in ch.passes if p in boxes]
        if above and above[0].y - 14.0 > origin.y:
            first_bar = above[0].y - 14.0
            side = min(b.x for b in above) - 8.0
            pts = (
                origin,
                XY(origin.x, first_bar),
                XY(side, first_bar),
                XY(side, bar_y),
                XY(end.x, bar_y),
                end,
            )
        descents.append(DescentLink(ch.relation, ch.child, ch.type.value, pts))
    return tuple(links), tuple(descents)


def _framed(placed: _Placed, ties: tuple[TieLine, ...], client: str) -> EcogramLayout:
    left, top, right, bottom = placed.bounds
    for t in ties:
        for pt in t.points:
            x, y = pt.x, pt.y
            if x < left:
                left = x
            elif x > right:
                right = x
            if y < top:
                top = y
            elif y > bottom:
                bottom = y
    x0, y0 = left - MARGIN, top - MARGIN
    return EcogramLayout(
        persons=placed.persons,
        circles=placed.circles,
        couples=placed.couples,
        descents=placed.descents,
        ties=ties,
        x=x0,
        y=y0,
        width=right + MARGIN - x0,
        height=bottom + MARGIN - y0,
        client=client,
    )


__all__ = [
    "GROUP_TITLES",
    "HOUSEHOLD",
    "OTHER",
    "VIEW",
    "CoupleLink",
    "DescentLink",
    "EcoCircle",
    "EcoPerson",
    "EcogramLayout",
    "TieLine",
    "layout_ecogram",
]
