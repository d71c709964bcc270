"""Netwerkkaart (MSNA, Baars 1990): where every person goes. Positions only, no drawing.

The personal network is a circle round the client, cut into three sectors (kin, friendly
relations, services: the sector derived from the person's ``role``) and four zones from the
neighbourhood outwards (the person's ``zone``), with an ``online`` ring outside them when
someone is reached online. The nominal and the extensive network (``network_zone``) stand in
two areas under the circle; persons whose sector or zone is not filled in stand in a third, so
the map shows what is still to be asked. Rules in ``docs/views.md``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from zorgkracht.domain import Case, Person
from zorgkracht.domain.codes import NetworkZone, Sector, Zone

from .geometry import XY, Rect
from .memo import fingerprint, recall
from .radial import (
    Band,
    Slot,
    Span,
    circle_rect,
    client_of,
    drawn_members,
    fill_rings,
    frame,
    grid,
    outside_label,
    outward,
    pinned_points,
    place,
)
from .slots import SlotLookup

log = logging.getLogger(__name__)
VIEW = "netwerkkaart"
CENTRE = XY(0.0, 0.0)
INNER = 70.0
EMPTY_BAND = 44.0
LABEL_HALF = 52.0
AREA_TITLE = 22.0
AREA_GAP = 28.0
LABEL_OFF = 10.0
ZONES: tuple[Zone, ...] = (Zone.NEIGHBOURHOOD, Zone.TOWN, Zone.REGION, Zone.OUTSIDE_REGION)
SPANS: tuple[Span, ...] = (
    Span(Sector.KIN.value, -60.0, 60.0),
    Span(Sector.FRIENDLY.value, 60.0, 180.0),
    Span(Sector.SERVICES.value, 180.0, 300.0),
)
UNPLACED = "unplaced"
"""Area code for persons of the personal network whose sector or zone is not filled in."""
AREAS: tuple[str, ...] = (NetworkZone.NOMINAL.value, NetworkZone.EXTENSIVE.value, UNPLACED)


@dataclass(frozen=True, slots=True)
class Area:
    """A box under the circle holding persons outside the sectors (its title on top)."""

    code: str
    x: float
    y: float
    width: float
    height: float
    members: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a person belongs: a sector and zone on the circle, or an area outside it."""

    sector: str | None
    zone: str | None
    area: str | None


@dataclass(frozen=True, slots=True)
class NetwerkkaartLayout(SlotLookup):
    centre: XY
    radius: float
    client: Slot | None
    persons: tuple[Slot, ...]
    placements: dict[str, Placement]
    rings: tuple[Band, ...]
    sectors: tuple[Span, ...]
    areas: tuple[Area, ...]
    labels: dict[str, Rect]
    """Sector code → the box for its title outside the circle."""
    x: float
    y: float
    width: float
    height: float


def corridor(centre: XY) -> Rect:
    """The strip straight down from the centre that is kept free for the ring names."""
    return Rect(centre.x - LABEL_HALF, centre.y, 2 * LABEL_HALF, 1e6)


def placement(person: Person) -> Placement:
    """Sector and zone on the circle, or the area outside it, for one member."""
    if person.network_zone is not NetworkZone.PERSONAL:
        return Placement(None, None, person.network_zone.value)
    if person.sector is None or person.zone is None:
        return Placement(None, None, UNPLACED)
    return Placement(person.sector.value, person.zone.value, None)


def layout_netwerkkaart(case: Case) -> NetwerkkaartLayout:
    """The netwerkkaart of the case's network; the same case always gives the same layout.

    Reads only the persons, the client and the pins of this view, so a redraw after an edit of
    anything else (a tie, a domain) reuses the last layout of the case
    (:mod:`zorgkracht.layout.memo`)."""
    key = fingerprint(case.client, case.network.persons, case.positions.get(VIEW))
    return recall(case.id, VIEW, key, lambda: _layout(case))


def _layout(case: Case) -> NetwerkkaartLayout:
    members = drawn_members(case)
    placements = {p.id: placement(p) for p in members}
    rings = [z.value for z in ZONES]
    if any(pl.zone == Zone.ONLINE.value for pl in placements.values()):
        rings.append(Zone.ONLINE.value)
    cells: dict[tuple[str, str], list[str]] = {}
    for p in members:
        pl = placements[p.id]
        if pl.zone is not None and pl.sector is not None:
            cells.setdefault((pl.zone, pl.sector), []).append(p.id)
    bands, anchors = fill_rings(
        CENTRE, INNER, rings, SPANS, cells, EMPTY_BAND, free=[corridor(CENTRE)]
    )
    radius = bands[-1].outer
    top = CENTRE.y + radius + AREA_GAP + 40.0
    width = 2 * radius
    areas: list[Area] = []
    for code in AREAS:
        ids = [p.id for p in members if placements[p.id].area == code]
        if not ids:
            continue
        points, height = grid(ids, CENTRE.x - radius + 12, top + AREA_TITLE, width - 24)
        anchors.update(points)
        areas.append(
            Area(code, CENTRE.x - radius, top, width, AREA_TITLE + height + 12, tuple(ids))
        )
        top += AREA_TITLE + height + 12 + AREA_GAP
    pins = pinned_points(case, VIEW)
    client = client_of(case)
    order = [p.id for p in members]
    if client is not None:
        anchors[client.id] = CENTRE
        order.insert(0, client.id)
    slots = place(anchors, order, pins, outward(CENTRE))
    client_slot = slots.pop(0) if client is not None else None
    labels = {s.code: outside_label(CENTRE, radius + LABEL_OFF, s.middle) for s in SPANS}
    rects: list[Rect] = [circle_rect(CENTRE, radius), *labels.values()]
    rects += [s.rect for s in slots]
    rects += [Rect(a.x, a.y, a.width, a.height) for a in areas]
    if client_slot is not None:
        rects.append(client_slot.rect)
    log.debug("netwerkkaart: %d members, %d rings, %d areas", len(slots), len(bands), len(areas))
    box = frame(rects)
    return NetwerkkaartLayout(
        centre=CENTRE,
        radius=radius,
        client=client_slot,
        persons=tuple(slots),
        placements=placements,
        rings=tuple(bands),
        sectors=SPANS,
        areas=tuple(areas),
        labels=labels,
        x=box.x,
        y=box.y,
        width=box.width,
        height=box.height,
    )
