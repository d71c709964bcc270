"""Netwerkschema (Lensink, via Smit & van Gennep): where every person goes. Positions only.

Four concentric circles round the client (the person's ``circle``: 1 intimacy innermost,
then friendship, acquaintances, services) crossed with four segments (the Lensink segment
derived from the person's ``role``): family top right, client contacts bottom right,
professional contacts bottom left, society top left. Persons whose circle or role is not filled
in stand in an area under the schema. The geometry (centre, ring radii, segment angles) is part
of the layout so that the web application can turn a drop point back into a circle and segment
(:func:`circle_at`, :func:`segment_at`). Rules in ``docs/views.md``.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass

from zorgkracht.domain import Case, Person
from zorgkracht.domain.codes import Circle, Segment

from .geometry import XY, Rect
from .memo import fingerprint, recall
from .netwerkkaart import AREA_GAP, AREA_TITLE, EMPTY_BAND, INNER, LABEL_OFF, Area, corridor
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
VIEW = "netwerkschema"
CENTRE = XY(0.0, 0.0)
SPANS: tuple[Span, ...] = (
    Span(Segment.FAMILY.value, 0.0, 90.0),
    Span(Segment.CLIENT_CONTACTS.value, 90.0, 180.0),
    Span(Segment.PROFESSIONAL.value, 180.0, 270.0),
    Span(Segment.SOCIETY.value, 270.0, 360.0),
)
UNPLACED = "unplaced"


@dataclass(frozen=True, slots=True)
class NetwerkschemaLayout(SlotLookup):
    centre: XY
    radius: float
    client: Slot | None
    persons: tuple[Slot, ...]
    placements: dict[str, tuple[str, str] | None]
    """Person id → (circle code, segment code), or ``None`` when not filled in."""
    rings: tuple[Band, ...]
    segments: tuple[Span, ...]
    areas: tuple[Area, ...]
    labels: dict[str, Rect]
    x: float
    y: float
    width: float
    height: float


def layout_netwerkschema(case: Case) -> NetwerkschemaLayout:
    """The netwerkschema of the case's network; the same case always gives the same layout.

    Reads only the persons, the client and the pins of this view, so a redraw after an edit of
    anything else (a tie, a domain) reuses the last layout of the case
    (:mod:`zorgkracht.layout.memo`)."""
    key = fingerprint(case.client, case.network.persons, case.positions.get(VIEW))
    return recall(case.id, VIEW, key, lambda: _layout(case))


@dataclass(frozen=True, slots=True)
class _Rings:
    """The members on their rings, before the pins: all that a moved person leaves as it was."""

    placements: dict[str, tuple[str, str] | None]
    bands: tuple[Band, ...]
    anchors: dict[str, XY]
    radius: float
    areas: tuple[Area, ...]


def _rings(members: list[Person]) -> _Rings:
    placements: dict[str, tuple[str, str] | None] = {}
    cells: dict[tuple[str, str], list[str]] = {}
    for p in members:
        if p.circle is None or p.segment is None:
            placements[p.id] = None
            continue
        placements[p.id] = (p.circle.value, p.segment.value)
        cells.setdefault((p.circle.value, p.segment.value), []).append(p.id)
    rings = [c.value for c in Circle]
    bands, anchors = fill_rings(
        CENTRE, INNER, rings, SPANS, cells, EMPTY_BAND, free=[corridor(CENTRE)]
    )
    radius = bands[-1].outer
    areas: list[Area] = []
    unplaced = [p.id for p in members if placements[p.id] is None]
    if unplaced:
        top = CENTRE.y + radius + AREA_GAP + 40.0
        points, height = grid(unplaced, CENTRE.x - radius + 12, top + AREA_TITLE, 2 * radius - 24)
        anchors.update(points)
        areas.append(
            Area(
                UNPLACED,
                CENTRE.x - radius,
                top,
                2 * radius,
                AREA_TITLE + height + 12,
                tuple(unplaced),
            )
        )
    return _Rings(placements, tuple(bands), anchors, radius, tuple(areas))


def _layout(case: Case) -> NetwerkschemaLayout:
    members = drawn_members(case)
    # the rings read of the members only their ids, circles and segments: moving a person
    # (a pin) redraws from here, without filling the rings again
    key = (case.client, [(p.id, p.circle, p.segment) for p in members])
    kept = recall(case.id, f"{VIEW}/rings", key, lambda: _rings(members))
    placements, bands, radius = kept.placements, list(kept.bands), kept.radius
    anchors, areas = dict(kept.anchors), list(kept.areas)
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
    unplaced = sum(1 for where in placements.values() if where is None)
    log.debug("netwerkschema: %d members, %d unplaced", len(slots), unplaced)
    box = frame(rects)
    return NetwerkschemaLayout(
        centre=CENTRE,
        radius=radius,
        client=client_slot,
        persons=tuple(slots),
        placements=placements,
        rings=tuple(bands),
        segments=SPANS,
        areas=tuple(areas),
        labels=labels,
        x=box.x,
        y=box.y,
        width=box.width,
        height=box.height,
    )


def angle_of(centre: XY, at: XY) -> float:
    """The direction of ``at`` seen from ``centre``, in degrees 0..360 (0 up, clockwise)."""
    return math.degrees(math.atan2(at.x - centre.x, centre.y - at.y)) % 360.0


def circle_at(layout: NetwerkschemaLayout, at: XY) -> Circle | None:
    """The circle a point falls in (``None`` in the centre or outside the schema)."""
    r = math.dist((at.x, at.y), (layout.centre.x, layout.centre.y))
    for band in layout.rings:
        if band.inner <= r < band.outer:
            return Circle(band.code)
    return None


def segment_at(layout: NetwerkschemaLayout, at: XY) -> Segment:
    """The segment a point's direction falls in."""
    angle = angle_of(layout.centre, at)
    for span in layout.segments:
        if span.start <= angle < span.end:
            return Segment(span.code)
    return Segment(layout.segments[0].code)
