"""Ecogram tie lines: where each line starts and ends, how it bows round what is in its way,
and where its support letters go. See :mod:`zorgkracht.layout.ecogram`."""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import partial
from typing import NamedTuple

from zorgkracht.domain import Case, Tie

from .budget import check as check_budget
from .ecogram_types import HOUSEHOLD, EcoCircle, EcoPerson, TieLine, curve
from .geometry import (
    XY,
    Rect,
    _along,
    length,
    point_at,
    points_along,
    polyline_hits_xy,
    quadratic_xy,
    segment_span,
)
from .memo import on_forget

BOWS = (0.0, 50.0, -50.0, 100.0, -100.0, 170.0, -170.0, 260.0, -260.0)
GRID = 120.0  # cell size of the obstacle index


class RectIndex:
    """Rectangles in a uniform grid, so that the ones near a line are found without looking
    at all of them. ``near`` returns a superset of the rectangles meeting a bounding box, in
    the order they were added."""

    def __init__(self, rects: list[Rect], cell: float = GRID) -> None:
        self.rects = rects
        self.cell = cell
        self.cells: dict[tuple[int, int], list[int]] = {}
        for n, r in enumerate(rects):
            self._put(n, r)

    def _put(self, n: int, r: Rect) -> None:
        for key in self._keys(r.x, r.y, r.right, r.bottom):
            self.cells.setdefault(key, []).append(n)

    def add(self, r: Rect) -> None:
        self.rects.append(r)
        self._put(len(self.rects) - 1, r)

    def any_overlaps(self, r: Rect) -> bool:
        """Does ``r`` overlap (interiors meet) any of the rectangles? (:meth:`Rect.overlaps`
        against those :meth:`near` it, written out: the order does not matter for the answer.)"""
        rects, cells = self.rects, self.cells
        x, y, right, bottom = r.x, r.y, r.right, r.bottom
        for key in self._keys(x - 1.0, y - 1.0, right + 1.0, bottom + 1.0):
            for n in cells.get(key, ()):
                o = rects[n]
                if x < o.right and o.x < right and y < o.bottom and o.y < bottom:
                    return True
        return False

    def near_line(self, points: list[XY]) -> list[int]:
        """A superset of the rectangles the polyline through ``points`` can pass through:
        those in the cells that the bounding box of each run of four segments meets."""
        return self.near_line_xy([p.x for p in points], [p.y for p in points])

    def near_line_xy(
        self, xs: list[float], ys: list[float], looked: set[tuple[int, int]] | None = None
    ) -> list[int]:
        """:meth:`near_line` of the polyline through the points ``(xs[i], ys[i])``; every cell
        looked at (empty or not) goes into ``looked`` when given."""
        found: set[int] = set()
        cells = self.cells
        c = self.cell
        floor = math.floor
        for start in range(0, max(len(xs) - 1, 1), 4):  # runs of four segments
            run_x, run_y = xs[start : start + 5], ys[start : start + 5]
            left, right, top, bottom = min(run_x), max(run_x), min(run_y), max(run_y)
            for i in range(floor((left - 1.0) / c), floor((right + 1.0) / c) + 1):
                for j in range(floor((top - 1.0) / c), floor((bottom + 1.0) / c) + 1):
                    if looked is not None:
                        looked.add((i, j))
                    hit = cells.get((i, j))
                    if hit:
                        found.update(hit)
        return sorted(found)

    def cells_of(self, r: Rect) -> list[tuple[int, int]]:
        """The cells ``r`` is entered in."""
        return self._keys(r.x, r.y, r.right, r.bottom)

    def _keys(self, left: float, top: float, right: float, bottom: float) -> list[tuple[int, int]]:
        c = self.cell
        return [
            (i, j)
            for i in range(math.floor(left / c), math.floor(right / c) + 1)
            for j in range(math.floor(top / c), math.floor(bottom / c) + 1)
        ]

    def near(self, left: float, top: float, right: float, bottom: float) -> list[int]:
        found: set[int] = set()
        for key in self._keys(left - 1.0, top - 1.0, right + 1.0, bottom + 1.0):
            found.update(self.cells.get(key, ()))
        return sorted(found)


def _edge(centre: XY, radius: float, towards: XY) -> XY:
    dx, dy = towards.x - centre.x, towards.y - centre.y
    d = math.hypot(dx, dy)
    if d == 0:
        return XY(centre.x, centre.y - radius)
    return XY(centre.x + dx / d * radius, centre.y + dy / d * radius)


def _person_edge(p: EcoPerson, towards: XY) -> XY:
    """Where a line from the person's symbol towards ``towards`` leaves the symbol and the
    name below it, so that a line never runs through a name."""
    c = p.centre
    d = math.hypot(towards.x - c.x, towards.y - c.y)
    if d == 0:
        return c
    ux, uy = (towards.x - c.x) / d, (towards.y - c.y) / d
    t = p.symbol.width / 2 + 3.0
    lab = p.label
    span = segment_span(c, towards, Rect(lab.x - 3, lab.y - 3, lab.width + 6, lab.height + 6))
    if span is not None:
        t = max(t, span[1] * d)
    return XY(c.x + ux * t, c.y + uy * t)


def route_lines(
    case: Case, boxes: dict[str, EcoPerson], circles: dict[str, EcoCircle]
) -> tuple[TieLine, ...]:
    """Each tie whose two ends are drawn, bowed round boxes and circles in its way, its letters
    at their preferred place. Reads of the ties only their ids and ends."""
    hub = circles[HOUSEHOLD]
    out: list[TieLine] = []
    seen: dict[tuple[str, str], int] = {}

    def at_rim(node: str, other: str) -> bool:
        p, q = boxes.get(node), boxes.get(other)
        in_hub = p is not None and p.group == HOUSEHOLD and not p.pinned
        return in_hub and not (q is not None and q.group == HOUSEHOLD and not q.pinned)

    def anchor(node: str, rim: bool) -> tuple[XY, float, str | None]:
        if rim:
            return hub.centre, hub.r, HOUSEHOLD
        if node in boxes:
            p = boxes[node]
            return p.centre, p.symbol.width / 2 + 3.0, None
        c = circles[node]
        return c.centre, c.r, c.id

    domains = {c.id for c in circles.values() if c.kind == "domain"}
    # every possible obstacle once: people's boxes, then circles' cores
    keys: list[tuple[str, str, str | None]] = [("person", p.id, p.group) for p in boxes.values()]
    keys += [("circle", c.id, None) for c in circles.values()]
    rects = [_drawn(p) for p in boxes.values()] + [_core(c) for c in circles.values()]
    index = RectIndex(rects)
    bows, looked_at = _bow_memo(keys, rects, circles, index)
    rings = [(c.cx, c.cy, c.r + 4) for c in circles.values()]
    lines = _lines_memo(rings)
    for t in case.network.ties:
        check_budget()
        if t.a == t.b or not all(e in boxes or e in domains for e in (t.a, t.b)):
            continue
        rim_a, rim_b = at_rim(t.a, t.b), at_rim(t.b, t.a)
        ca, ra, circ_a = anchor(t.a, rim_a)
        cb, rb, circ_b = anchor(t.b, rim_b)
        pair = (t.a, t.b) if t.a <= t.b else (t.b, t.a)
        nth = seen.get(pair, 0)
        seen[pair] = nth + 1
        # a person tied to the domain they are drawn in: a short line to its rim
        for person, circle in ((t.a, circ_b), (t.b, circ_a)):
            if circle is not None and person in boxes and boxes[person].group == circle:
                c, p = circles[circle], boxes[person]
                rim = _edge(c.centre, c.r, p.centre)
                start, end = _person_edge(p, rim), rim
                if person == t.b:
                    start, end = end, start
                mid = XY((start.x + end.x) / 2, (start.y + end.y) / 2)
                out.append(TieLine(t.id, t.a, t.b, start, end, None, mid, rim_a, rim_b))
                break
        else:
            ends = {t.a, t.b}
            groups = {boxes[e].group for e in ends if e in boxes and not boxes[e].pinned}
            skip = {circ_a, circ_b} | groups
            which = (ends, skip, circ_a, circles[circ_b] if circ_b else None)
            keep = partial(_keep, keys, rects, *which)
            memo_key: tuple[object, ...] = (ca.x, ca.y, cb.x, cb.y, nth, tuple(sorted(ends)))
            memo_key += (circ_a, circ_b, tuple(sorted(x for x in skip if x is not None)))
            if memo_key in bows:
                control = bows[memo_key]
            else:
                looked = _Search(set(), [], which)
                control = bows[memo_key] = _bow(ca, cb, rects, index, keep, nth, looked)
                looked_at[memo_key] = looked
            # the line's ends and letters follow from these alone (and the rings): kept
            line_key: tuple[object, ...] = (control, ca, cb, ra, rb, boxes.get(t.a), boxes.get(t.b))
            line_key += (nth, rim_a, rim_b, circ_a, circ_b)
            known = lines.get(line_key)
            if known is not None:
                out.append(TieLine(t.id, t.a, t.b, *known, rim_a, rim_b))
                continue
            if not (rim_a or rim_b) and t.a in boxes and t.b in boxes:
                pa, pb = boxes[t.a], boxes[t.b]
                if pa.group == pb.group == HOUSEHOLD and abs(ca.y - cb.y) < 1.0:
                    # above the couple line, not along it
                    control = XY((ca.x + cb.x) / 2, ca.y - 40.0 - 16.0 * nth)
            aim_a = control if control is not None else cb
            aim_b = control if control is not None else ca
            start = _person_edge(boxes[t.a], aim_a) if circ_a is None else _edge(ca, ra, aim_a)
            end = _person_edge(boxes[t.b], aim_b) if circ_b is None else _edge(cb, rb, aim_b)
            pts = [start, end] if control is None else list(curve(start, control, end))
            inner_a = t.a in boxes and boxes[t.a].group != HOUSEHOLD and not rim_a
            inner_b = t.b in boxes and boxes[t.b].group != HOUSEHOLD and not rim_b
            if inner_a or inner_b:  # lines into a domain part inside it: letters there
                f = 0.5 if inner_a == inner_b else (0.72 if inner_b else 0.28)
                label = point_at(pts, length(pts) * f)[0]
            else:
                label = _label_at(pts, rings)
            lines[line_key] = (start, end, control, label)
            out.append(TieLine(t.id, t.a, t.b, start, end, control, label, rim_a, rim_b))
    return tuple(out)


LETTER_W = 10.0
LETTER_H = 20.0


def _label_box(tie: Tie, at: XY) -> Rect:
    """The room the support letters take (a letter is about 10 wide in bold 14)."""
    count = len(tie.support) + (2 if tie.reciprocal else 0)
    w = count * LETTER_W + 8.0
    return Rect(at.x - w / 2, at.y - LETTER_H / 2, w, LETTER_H)


_SPOTS = (0.65, 0.5, 0.75, 0.4, 0.85, 0.3, 0.2)
_SPOTS_SORTED = sorted(_SPOTS)


def label_key(case: Case, lines: tuple[TieLine, ...]) -> tuple[int, ...]:
    """What :func:`spread_labels` reads of the ties besides ``lines``: per line the room its
    letters take (-1: no letters)."""
    ties = {t.id: t for t in case.network.ties}
    out: list[int] = []
    for line in lines:
        tie = ties[line.id]
        out.append(
            len(tie.support) + (2 if tie.reciprocal else 0) if tie.support or tie.reciprocal else -1
        )
    return tuple(out)


def spread_labels(case: Case, lines: tuple[TieLine, ...], boxes: list[Rect]) -> tuple[TieLine, ...]:
    """Move a tie's letters along its line when they would cover another tie's letters or a
    person: the first free place of the preferred one, the middle, then further out."""
    ties = {t.id: t for t in case.network.ties}
    taken = RectIndex(list(boxes))  # people's boxes, then the letters placed so far
    out: list[TieLine] = []
    for line in lines:
        tie = ties[line.id]
        if not tie.support and not tie.reciprocal:
            out.append(line)
            continue
        chosen = line.label
        first = _label_box(tie, chosen)
        if taken.any_overlaps(first):
            pts = line.points
            total = length(pts)
            # the same points as point_at at each fraction, found in one walk along the line
            distances = [total * f for f in _SPOTS_SORTED]
            along = dict(zip(_SPOTS_SORTED, points_along(pts, distances), strict=True))
            for f in _SPOTS:
                spot = along[f][0]
                room = _label_box(tie, spot)
                if not taken.any_overlaps(room):
                    chosen = spot
                    first = room
                    break
        taken.add(first)
        if chosen is line.label:
            out.append(line)
        else:  # what dataclasses.replace(line, label=chosen) makes, without its look-ups
            out.append(
                TieLine(
                    line.id,
                    line.a,
                    line.b,
                    line.start,
                    line.end,
                    line.control,
                    chosen,
                    line.rim_a,
                    line.rim_b,
                )
            )
    return tuple(out)


def _label_at(pts: list[XY], rings: list[tuple[float, float, float]], samples: int = 40) -> XY:
    """A little past the middle of the longest stretch of the line outside every circle (each
    ring: centre x, centre y and radius + 4); when that stretch is short, two thirds along the
    line, where lines from one place part."""
    total = length(pts)
    along = _along(pts, [total * i / samples for i in range(samples + 1)])
    hypot = math.hypot
    free = [all(hypot(x - cx, y - cy) > r for cx, cy, r in rings) for x, y, _ux, _uy in along]
    best = (0, 0)
    start = None
    for i, ok in enumerate([*free, False]):
        if ok and start is None:
            start = i
        elif not ok and start is not None:
            if i - start > best[1] - best[0]:
                best = (start, i)
            start = None
    if (best[1] - best[0]) * total / samples < 70.0:  # too short a gap: out where lines part
        x, y, _ux, _uy = along[int(samples * 0.65)]
    else:
        x, y, _ux, _uy = along[best[0] + int((best[1] - 1 - best[0]) * 0.55 + 0.5)]
    return XY(x, y)


_Which = tuple[set[str], set[str | None], str | None, EcoCircle | None]


class _Search(NamedTuple):
    """What one bow's search looked at: the cells of the obstacle index, and every curve it
    tried (its points as x and y lists)."""

    cells: set[tuple[int, int]]
    curves: list[tuple[float, float, float, float, list[float], list[float]]]
    """Each curve tried: its bounding box (left, right, top, bottom) and its points."""
    which: _Which
    """What :func:`_keep` was given besides the obstacles: which of them were counted."""


_Bows = dict[tuple[object, ...], XY | None]
_Looked = dict[tuple[object, ...], _Search]
_MEMO: list[tuple[tuple[object, object, object], list[Rect], _Bows, _Looked]] = []
on_forget(_MEMO.clear)


_Ends = tuple[XY, XY, XY | None, XY]
_LINES: list[tuple[list[tuple[float, float, float]], dict[tuple[object, ...], _Ends]]] = []
_LINES_SIZE = 5_000
on_forget(_LINES.clear)


def _lines_memo(rings: list[tuple[float, float, float]]) -> dict[tuple[object, ...], _Ends]:
    """The ends, control point and letters' place of the tie lines drawn before, by everything
    they were computed from: the bow's control point, both anchors, both ends' boxes, which of
    a pair it is and where it starts and ends; kept while the circles (``rings``, where the
    letters may not go) are the same. A person dragged changes only the lines at their box and
    the lines whose bow changed."""
    if _LINES and _LINES[0][0] == rings and len(_LINES[0][1]) < _LINES_SIZE:
        return _LINES[0][1]
    fresh: dict[tuple[object, ...], _Ends] = {}
    _LINES[:] = [(list(rings), fresh)]
    return fresh


def _bow_memo(
    keys: list[tuple[str, str, str | None]],
    rects: list[Rect],
    circles: dict[str, EcoCircle],
    index: RectIndex,
) -> tuple[_Bows, _Looked]:
    """The bows chosen in the previous layout that still hold, with the cells of ``index``
    each one's search looked at; new bows go into both.

    :func:`_bow` depends on nothing else than the ends, ``nth``, the circles, which obstacle
    is which, and the obstacles in the cells it looked at. When every obstacle is where it
    was (a redraw after an edit of a tie's strength, quality, direction or letters) every
    bow holds; when some moved (a person dragged), a bow holds unless one of the curves its
    search tried passes through a moved obstacle that it counts (:func:`_keep`, at either
    place) where it was or where it is now. (A curve that passes through neither counts the
    same obstacles as before, so every count and the choice are the same; the cells looked at
    only narrow down which bows to test.)"""
    fingerprint = (
        tuple(keys),
        tuple((r.x, r.y, r.width, r.height) for r in rects),
        tuple((c.id, c.cx, c.cy, c.r) for c in circles.values()),
    )
    if _MEMO:
        (old_keys, old_rects, old_circles), old, bows, looked = _MEMO[0]
        if (old_keys, old_rects, old_circles) == fingerprint:
            return bows, looked
        if old_keys == fingerprint[0] and old_circles == fingerprint[2] and len(old) == len(rects):
            moved: set[tuple[int, int]] = set()
            moved_at: list[tuple[int, Rect, Rect]] = []
            for n, (was, now) in enumerate(zip(old, rects, strict=True)):
                if was != now:
                    moved.update(index.cells_of(was))
                    moved.update(index.cells_of(now))
                    moved_at.append((n, was, now))
            # a copy of the items: another thread's layout may still be adding to them
            held: _Bows = {}
            seen: _Looked = {}
            for k, v in list(bows.items()):
                search = looked.get(k)  # None: its search is not in yet
                if search is None:
                    continue
                if not search.cells.isdisjoint(moved):
                    # the moved obstacles that bow counts (where they were or are now): not
                    # those at its ends, nor in the circle it starts from
                    counted = [
                        r
                        for n, was, now in moved_at
                        if _keep(keys, old, *search.which, n)
                        or _keep(keys, rects, *search.which, n)
                        for r in (was, now)
                    ]
                    if counted and _passes(search, counted):
                        continue
                held[k] = v
                seen[k] = search
            _MEMO[:] = [(fingerprint, list(rects), held, seen)]
            return held, seen
    fresh: _Bows = {}
    cells: _Looked = {}
    _MEMO[:] = [(fingerprint, list(rects), fresh, cells)]
    return fresh, cells


def _passes(search: _Search, rects: list[Rect]) -> bool:
    """Does any curve of ``search`` pass through any of ``rects``?"""
    for left, right, top, bottom, xs, ys in search.curves:
        near = [
            r
            for r in rects
            if r.x <= right and left <= r.right and r.y <= bottom and top <= r.bottom
        ]
        if near and polyline_hits_xy(xs, ys, near):
            return True
    return False


def _keep(
    keys: list[tuple[str, str, str | None]],
    rects: list[Rect],
    ends: set[str],
    skip: set[str | None],
    circ_a: str | None,
    into: EcoCircle | None,
    n: int,
) -> bool:
    """Is obstacle ``n`` in the way of a tie between ``ends``: a person's box not at either
    end, not in the circle the line starts from nor inside the circle ``into`` it ends in;
    a circle's core not in ``skip``."""
    kind, key, group = keys[n]
    if kind == "circle":
        return key not in skip
    return (
        key not in ends and group != circ_a and not (into is not None and _inside(rects[n], into))
    )


def _inside(r: Rect, c: EcoCircle) -> bool:
    return math.hypot(r.x + r.width / 2 - c.cx, r.y + r.height / 2 - c.cy) < c.r


def _drawn(p: EcoPerson) -> Rect:
    """What is drawn of a person (the symbol and the name below it, a little grown): the room a
    line must keep clear of, narrower than the person's cell so lines pass between names."""
    s, lab = p.symbol, p.label
    left = min(s.x, lab.x) - 3.0
    top = s.y - 3.0
    return Rect(left, top, max(s.right, lab.right) + 3.0 - left, lab.bottom + 3.0 - top)


def _core(c: EcoCircle) -> Rect:
    h = c.r * 0.8
    return Rect(c.cx - h, c.cy - h, 2 * h, 2 * h)


def _bow(
    a: XY,
    b: XY,
    rects: list[Rect],
    index: RectIndex,
    keep: Callable[[int], bool],
    nth: int,
    looked: _Search | None = None,
) -> XY | None:
    """The control point of the first bow that passes fewest obstacles (``rects`` kept by
    ``keep``); only obstacles near the curve's bounding box are tested, in the cells of
    ``index``. The cells and each curve tried go into ``looked`` (when given): the bow depends
    on nothing else than which obstacles those curves pass through."""
    dist = math.dist((a.x, a.y), (b.x, b.y)) or 1.0
    nx, ny = -(b.y - a.y) / dist, (b.x - a.x) / dist
    shift = 18.0 * ((nth + 1) // 2) * (1 if nth % 2 else -1)
    best: tuple[int, XY | None] | None = None
    kept: dict[int, bool] = {}  # keep(n) for the obstacles met so far: the same for each bow
    for bow in BOWS:
        check_budget()
        bend = bow + shift
        control = (
            None if bend == 0 else XY((a.x + b.x) / 2 + nx * bend, (a.y + b.y) / 2 + ny * bend)
        )
        # the points of [a, b] or of quadratic(a, control, b), as numbers
        xs, ys = ([a.x, b.x], [a.y, b.y]) if control is None else quadratic_xy(a, control, b)
        in_way: list[Rect] = []
        if looked is not None:
            looked.curves.append((min(xs), max(xs), min(ys), max(ys), xs, ys))
        for n in index.near_line_xy(xs, ys, looked.cells if looked is not None else None):
            wanted = kept.get(n)
            if wanted is None:
                wanted = kept[n] = keep(n)
            if wanted:
                in_way.append(rects[n])
        # a count that reaches the best so far cannot win: stop counting there
        stop = best[0] if best is not None else None
        hits = polyline_hits_xy(xs, ys, in_way, stop_at=stop)
        if best is None or hits < best[0]:
            best = (hits, control)
        if hits == 0:
            break
    assert best is not None
    return best[1]
