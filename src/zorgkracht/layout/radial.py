"""Shared placement for the netwerkkaart, netwerkschema, levenslijn and sociogram layouts.

Positions only, no drawing. A person is a :class:`Slot`: the symbol (a square) with the name
under it, anchored at the centre of the symbol, the point that manual overrides
(``case.positions[<view>][person_id]``) give. Two anchors at least :data:`STEP` apart never give
overlapping boxes, whatever the direction between them (``STEP`` is the box diagonal plus a gap),
which is what the ring placement of :func:`fill_rings` relies on.

Angles are in degrees, 0 is up and they grow clockwise (as on a clock); y grows downwards.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from zorgkracht.domain import Case, Person

from .geometry import XY, Rect, segment_hits_rect

SYMBOL = 30.0
BOX_W = 110.0
NAME_H = 44.0
"""Room for a name in three lines of 12 user units (``render/chart.py``)."""
BOX_H = SYMBOL + 4.0 + NAME_H
ABOVE = SYMBOL / 2
"""How far the box reaches above its anchor (the symbol's centre)."""
GAP = 8.0
STEP = math.hypot(BOX_W, BOX_H) + GAP
MARGIN = 24.0
ARC_STEP = 16.0


@dataclass(frozen=True, slots=True)
class Slot:
    """A drawn person: the box (symbol with the name below) and the symbol inside it."""

    id: str
    x: float
    y: float
    width: float
    height: float
    symbol: Rect
    pinned: bool = False

    @property
    def rect(self) -> Rect:
        return Rect(self.x, self.y, self.width, self.height)

    @property
    def label(self) -> Rect:
        """The room of the name, below the symbol (the full width of the box)."""
        top = self.symbol.y + self.symbol.height + 2.0
        return Rect(self.x, top, self.width, self.y + self.height - top)

    @property
    def anchor(self) -> XY:
        """The centre of the symbol."""
        return XY(self.symbol.x + self.symbol.width / 2, self.symbol.y + self.symbol.height / 2)


def slot_at(pid: str, at: XY, pinned: bool = False) -> Slot:
    """The slot whose symbol is centred on ``at``."""
    symbol = Rect(at.x - SYMBOL / 2, at.y - SYMBOL / 2, SYMBOL, SYMBOL)
    return Slot(pid, at.x - BOX_W / 2, at.y - ABOVE, BOX_W, BOX_H, symbol, pinned)


def polar(centre: XY, radius: float, angle: float) -> XY:
    """The point at ``radius`` from ``centre`` in direction ``angle`` (degrees, 0 up, clockwise)."""
    a = math.radians(angle)
    return XY(centre.x + radius * math.sin(a), centre.y - radius * math.cos(a))


@dataclass(frozen=True, slots=True)
class Span:
    """An angular sector ``start``..``end`` (degrees, clockwise; ``end`` > ``start``)."""

    code: str
    start: float
    end: float

    @property
    def middle(self) -> float:
        return (self.start + self.end) / 2


@dataclass(frozen=True, slots=True)
class Band:
    """A ring between two radii, identified by a code (a zone or a circle)."""

    code: str
    inner: float
    outer: float


BIG_CELLS = 16
"""A rectangle that would take more grid squares than this is kept aside in :class:`RectGrid`."""


class RectGrid:
    """Rectangles in a uniform grid of ``cell``-sized squares, to ask whether a new rectangle
    overlaps any of them without comparing it with every one. Two rectangles whose interiors
    meet share a grid square, so :meth:`overlaps` answers exactly as comparing with all."""

    __slots__ = ("big", "cell", "cells", "rects")

    def __init__(self, rects: Sequence[Rect] = (), cell: float = 2 * BOX_W) -> None:
        self.cell = cell
        self.cells: dict[tuple[int, int], list[Rect]] = {}
        self.rects: list[Rect] = []
        self.big: list[Rect] = []
        for r in rects:
            self.add(r)

    def _keys(self, r: Rect) -> list[tuple[int, int]]:
        c = self.cell
        return [
            (i, j)
            for i in range(math.floor(r.x / c), math.floor((r.x + r.width) / c) + 1)
            for j in range(math.floor(r.y / c), math.floor((r.y + r.height) / c) + 1)
        ]

    def add(self, r: Rect) -> None:
        self.rects.append(r)
        c = self.cell
        if (r.width / c + 1) * (r.height / c + 1) > BIG_CELLS:
            self.big.append(r)  # compared directly, not entered in many cells
            return
        for key in self._keys(r):
            self.cells.setdefault(key, []).append(r)

    def overlaps(self, r: Rect) -> bool:
        """Does ``r`` overlap (interiors meet) one of the rectangles?"""
        x0, y0, x1, y1 = r.x, r.y, r.x + r.width, r.y + r.height
        for t in self.big:
            if x0 < t.x + t.width and t.x < x1 and y0 < t.y + t.height and t.y < y1:
                return True
        c, cells = self.cell, self.cells
        j0, j1 = math.floor(y0 / c), math.floor(y1 / c) + 1
        for i in range(math.floor(x0 / c), math.floor(x1 / c) + 1):
            for j in range(j0, j1):
                for t in cells.get((i, j), ()):
                    if x0 < t.x + t.width and t.x < x1 and y0 < t.y + t.height and t.y < y1:
                        return True
        return False


def _near(rect: Rect, c: XY) -> float:
    dx = max(rect.x - c.x, 0.0, c.x - rect.right)
    dy = max(rect.y - c.y, 0.0, c.y - rect.bottom)
    return math.hypot(dx, dy)


def _far(rect: Rect, c: XY) -> float:
    return max(
        math.hypot(x - c.x, y - c.y) for x in (rect.x, rect.right) for y in (rect.y, rect.bottom)
    )


def _fits(
    rect: Rect,
    centre: XY,
    inner: float,
    span: Span,
    taken: RectGrid,
    free: RectGrid,
    also: Sequence[Rect] = (),
) -> bool:
    """May ``rect`` go here: outside the inner circle, inside the span's edges, overlapping
    nothing in ``taken``, ``free`` or ``also``?"""
    # the same tests as ever, the cheap ones that fail most often first
    if taken.overlaps(rect) or any(rect.overlaps(t) for t in also) or free.overlaps(rect):
        return False
    if _near(rect, centre) < inner + GAP / 2:
        return False
    for angle in (span.start, span.end):
        if segment_hits_rect(centre, polar(centre, 1e6, angle), rect):
            return False
    return True


def _arc(
    centre: XY,
    radius: float,
    inner: float,
    span: Span,
    todo: Sequence[str],
    taken: RectGrid,
    free: RectGrid,
) -> dict[str, XY]:
    """Persons of ``todo`` on one arc of ``span``, left to right, each at the first angle
    (one degree at a time) where its box fits; then the group is centred in the span when it
    still fits there."""
    out: dict[str, XY] = {}
    boxes: list[Rect] = []
    mine = RectGrid()  # the boxes of this arc so far
    angle = span.start
    for pid in todo:
        while angle <= span.end:
            at = polar(centre, radius, angle)
            rect = Rect(at.x - BOX_W / 2, at.y - ABOVE, BOX_W, BOX_H)  # slot_at(pid, at).rect
            # this arc's own boxes first, the latest (nearest) first
            if (
                not (boxes and rect.overlaps(boxes[-1]))
                and not mine.overlaps(rect)
                and _fits(rect, centre, inner, span, taken, free)
            ):
                out[pid] = at
                boxes.append(rect)
                mine.add(rect)
                break
            angle += 1.0
        if pid not in out:
            break
    if out:
        last = angle
        room = span.end - last
        while room > 0:
            probe = polar(centre, radius, last + room)
            if _fits(slot_at("", probe).rect, centre, inner, span, taken, free):
                break
            room -= 1.0
        shift = room / 2
        if shift >= 1.0:
            moved = {
                pid: polar(centre, radius, _angle_of(centre, at) + shift) for pid, at in out.items()
            }
            rects = [slot_at(pid, at).rect for pid, at in moved.items()]
            if all(
                _fits(r, centre, inner, span, taken, free, [*rects[:i], *rects[i + 1 :]])
                for i, r in enumerate(rects)
            ):
                out = moved
                boxes = rects
    for r in boxes:
        taken.add(r)
    return out


def _angle_of(centre: XY, at: XY) -> float:
    return math.degrees(math.atan2(at.x - centre.x, centre.y - at.y))


def fill_rings(
    centre: XY,
    inner: float,
    rings: Sequence[str],
    spans: Sequence[Span],
    cells: dict[tuple[str, str], list[str]],
    empty_band: float,
    taken: Sequence[Rect] = (),
    free: Sequence[Rect] = (),
) -> tuple[list[Band], dict[str, XY]]:
    """Put the persons of each cell (ring code, span code) on arcs inside their ring and span.

    Rings grow outwards from radius ``inner``. In a ring, each span's persons go on arcs, in
    their order, each box at the first place where it overlaps no box placed before, no ``taken``
    or ``free`` rectangle (kept free for labels) and does not cross the span's edges or the
    ring's inner circle. A ring ends just outside its farthest box; an empty ring is
    ``empty_band`` wide. Returns the bands and every person's anchor.
    """
    bands: list[Band] = []
    anchors: dict[str, XY] = {}
    placed = RectGrid(taken)
    kept_free = RectGrid(free)
    radius = inner
    for ring in rings:
        waiting = {span.code: list(cells.get((ring, span.code), [])) for span in spans}
        if not any(waiting.values()):
            bands.append(Band(ring, radius, radius + empty_band))
            radius += empty_band
            continue
        r = radius + ABOVE + GAP
        mine: list[Rect] = []
        while any(waiting.values()):
            for span in spans:
                todo = waiting[span.code]
                if not todo:
                    continue
                before = len(placed.rects)
                got = _arc(centre, r, radius, span, todo, placed, kept_free)
                mine.extend(placed.rects[before:])
                anchors.update(got)
                del todo[: len(got)]
            r += ARC_STEP
        outer = max(_far(rect, centre) for rect in mine) + GAP
        bands.append(Band(ring, radius, outer))
        radius = outer
    return bands, anchors


def grid(ids: Sequence[str], left: float, top: float, width: float) -> tuple[dict[str, XY], float]:
    """Anchors for persons in rows from ``(left, top)``, at most ``width`` wide; and the height."""
    per_row = max(1, int((width + GAP) // (BOX_W + GAP)))
    out: dict[str, XY] = {}
    for n, pid in enumerate(ids):
        row, col = divmod(n, per_row)
        out[pid] = XY(left + col * (BOX_W + GAP) + BOX_W / 2, top + row * (BOX_H + GAP) + ABOVE)
    rows = (len(ids) + per_row - 1) // per_row
    return out, rows * (BOX_H + GAP) - (GAP if rows else 0.0)


def pinned_points(case: Case, view: str) -> dict[str, XY]:
    return {pid: XY(p.x, p.y) for pid, p in case.positions.get(view, {}).items()}


def place(
    anchors: dict[str, XY],
    order: Sequence[str],
    pins: dict[str, XY],
    away_from: Callable[[XY], XY],
) -> list[Slot]:
    """Slots for ``order``: pinned persons where the user put them, the others at their anchor,
    moved step by step in the direction ``away_from(anchor)`` (a unit vector) while they would
    overlap a pinned person or a person placed before them."""
    fixed = [slot_at(pid, pins[pid], True) for pid in order if pid in pins]
    placed: dict[str, Slot] = {s.id: s for s in fixed}
    taken = RectGrid([s.rect for s in fixed])
    for pid in order:
        if pid in pins:
            continue
        at = anchors[pid]
        slot = slot_at(pid, at)
        if taken.overlaps(slot.rect):
            u = away_from(at)
            n = 0
            while taken.overlaps(slot.rect):
                n += 1
                slot = slot_at(pid, XY(at.x + u.x * n * GAP * 2, at.y + u.y * n * GAP * 2))
        placed[pid] = slot
        taken.add(slot.rect)
    return [placed[pid] for pid in order]


def outward(centre: XY) -> Callable[[XY], XY]:
    """The unit vector from ``centre`` towards a point (straight down at the centre itself)."""

    def direction(at: XY) -> XY:
        dx, dy = at.x - centre.x, at.y - centre.y
        d = math.hypot(dx, dy)
        return XY(0.0, 1.0) if d < 1e-9 else XY(dx / d, dy / d)

    return direction


def frame(rects: Sequence[Rect], margin: float = MARGIN) -> Rect:
    """The rectangle round everything drawn, with a margin."""
    if not rects:
        return Rect(-margin, -margin, 2 * margin, 2 * margin)
    x0 = min(r.x for r in rects) - margin
    y0 = min(r.y for r in rects) - margin
    x1 = max(r.right for r in rects) + margin
    y1 = max(r.bottom for r in rects) + margin
    return Rect(x0, y0, x1 - x0, y1 - y0)


def drawn_members(case: Case) -> list[Person]:
    """The network members drawn on the network views: every person but the client, pets and
    deceased persons (as the measures count them, see ``zorgkracht.analysis.view``)."""
    return [
        p
        for p in case.network.persons
        if p.id != case.client and not p.is_pet and not p.is_deceased
    ]


def client_of(case: Case) -> Person | None:
    for p in case.network.persons:
        if p.id == case.client:
            return p
    return None


def circle_rect(centre: XY, radius: float) -> Rect:
    return Rect(centre.x - radius, centre.y - radius, 2 * radius, 2 * radius)


LABEL_W = 124.0
LABEL_H = 34.0


def outside_label(centre: XY, radius: float, angle: float) -> Rect:
    """The box for a sector's title just outside a circle, in direction ``angle``: it touches
    the point at ``radius`` with the side facing the centre."""
    p = polar(centre, radius, angle)
    s, c = math.sin(math.radians(angle)), math.cos(math.radians(angle))
    x = p.x if s > 0.3 else p.x - LABEL_W if s < -0.3 else p.x - LABEL_W / 2
    y = p.y - LABEL_H if c > 0.3 else p.y if c < -0.3 else p.y - LABEL_H / 2
    return Rect(x, y, LABEL_W, LABEL_H)
