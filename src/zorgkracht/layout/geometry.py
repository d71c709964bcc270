"""Small plane geometry shared by the layouts and the renderers: points, boxes and curves.

Everything is plain floats in SVG user units, y growing downwards.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class XY:
    """A point in user units."""

    x: float
    y: float


@dataclass(frozen=True, slots=True)
class Rect:
    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    def overlaps(self, other: Rect) -> bool:
        """True when the interiors of the two rectangles meet (touching edges do not count)."""
        return (
            self.x < other.right
            and other.x < self.right
            and self.y < other.bottom
            and other.y < self.bottom
        )


def isotonic(values: Sequence[float], weights: Sequence[float]) -> list[float]:
    """Weighted least-squares non-decreasing fit (pool adjacent violators)."""
    pools: list[tuple[float, float, int]] = []  # (sum of w*v, sum of w, count)
    for value, weight in zip(values, weights, strict=True):
        pools.append((value * weight, weight, 1))
        while len(pools) > 1 and pools[-2][0] / pools[-2][1] > pools[-1][0] / pools[-1][1]:
            s2, w2, n2 = pools.pop()
            s1, w1, n1 = pools.pop()
            pools.append((s1 + s2, w1 + w2, n1 + n2))
    out: list[float] = []
    for total, weight, count in pools:
        out.extend([total / weight] * count)
    return out


def quadratic(start: XY, control: XY, end: XY, steps: int = 24) -> list[XY]:
    """Points along a quadratic Bézier curve, both ends included."""
    points: list[XY] = []
    for i in range(steps + 1):
        t = i / steps
        u = 1 - t
        points.append(
            XY(
                u * u * start.x + 2 * u * t * control.x + t * t * end.x,
                u * u * start.y + 2 * u * t * control.y + t * t * end.y,
            )
        )
    return points


def segment_hits_rect(a: XY, b: XY, rect: Rect) -> bool:
    """Does the segment a-b pass through the interior of ``rect`` (Liang-Barsky clipping)?"""
    dx, dy = b.x - a.x, b.y - a.y
    t0, t1 = 0.0, 1.0
    for p, q in (
        (-dx, a.x - rect.x),
        (dx, rect.right - a.x),
        (-dy, a.y - rect.y),
        (dy, rect.bottom - a.y),
    ):
        if p == 0:
            if q <= 0:
                return False
            continue
        r = q / p
        if p < 0:
            t0 = max(t0, r)
        else:
            t1 = min(t1, r)
        if t0 >= t1:
            return False
    return t1 - t0 > 1e-9


def polyline_hits(
    points: Sequence[XY], rects: Sequence[Rect], *, stop_at: int | None = None
) -> int:
    """How many of ``rects`` the polyline passes through; with ``stop_at``, counting stops
    there (for a caller that only needs to know whether the count is below it)."""
    segments = [
        (a, b, min(a.x, b.x), max(a.x, b.x), min(a.y, b.y), max(a.y, b.y))
        for a, b in itertools.pairwise(points)
    ]
    # runs of a few segments with their bounding boxes, so that most rectangles are passed by
    # after a handful of comparisons
    runs = [segments[i : i + _RUN] for i in range(0, len(segments), _RUN)]
    boxes = [
        (
            min(s[2] for s in run),
            max(s[3] for s in run),
            min(s[4] for s in run),
            max(s[5] for s in run),
        )
        for run in runs
    ]
    count = 0
    for rect in rects:
        left, top, right, bottom = rect.x, rect.y, rect.x + rect.width, rect.y + rect.height
        if _crossed(rect, left, top, right, bottom, runs, boxes):
            count += 1
            if count == stop_at:
                break
    return count


_RUN = 6


def _crossed(
    rect: Rect,
    left: float,
    top: float,
    right: float,
    bottom: float,
    runs: list[list[tuple[XY, XY, float, float, float, float]]],
    boxes: list[tuple[float, float, float, float]],
) -> bool:
    for run, (rx0, rx1, ry0, ry1) in zip(runs, boxes, strict=True):
        # a rectangle that does not meet a bounding box cannot be crossed inside it
        if rx1 < left or rx0 > right or ry1 < top or ry0 > bottom:
            continue
        for a, b, x0, x1, y0, y1 in run:
            if x1 < left or x0 > right or y1 < top or y0 > bottom:
                continue
            if segment_hits_rect(a, b, rect):
                return True
    return False


class BoxIndex:
    """Named rectangles sorted by their left edge, to find those near a polyline quickly."""

    __slots__ = ("_lefts", "_names", "_rects", "_widest")

    def __init__(self, named: Sequence[tuple[str, Rect]]) -> None:
        ordered = sorted(named, key=lambda item: item[1].x)
        self._names = [name for name, _r in ordered]
        self._rects = [r for _n, r in ordered]
        self._lefts = [r.x for r in self._rects]
        self._widest = max((r.width for r in self._rects), default=0.0)

    def near(self, points: Sequence[XY], exclude: Sequence[str] = ()) -> list[Rect]:
        """Every rectangle (except those named in ``exclude``) that meets the bounding box of
        ``points``, edges included: a superset of the rectangles the polyline can pass through."""
        xs = [p.x for p in points]
        ys = [p.y for p in points]
        lo_x, hi_x, lo_y, hi_y = min(xs), max(xs), min(ys), max(ys)
        start = bisect.bisect_left(self._lefts, lo_x - self._widest)
        stop = bisect.bisect_right(self._lefts, hi_x)
        return [
            r
            for name, r in zip(self._names[start:stop], self._rects[start:stop], strict=True)
            if r.right >= lo_x and r.y <= hi_y and r.bottom >= lo_y and name not in exclude
        ]


def length(points: Sequence[XY]) -> float:
    return sum(math.dist((a.x, a.y), (b.x, b.y)) for a, b in itertools.pairwise(points))


def point_at(points: Sequence[XY], distance: float) -> tuple[XY, XY]:
    """The point at ``distance`` along the polyline and the unit direction there."""
    walked = 0.0
    for a, b in itertools.pairwise(points):
        step = math.dist((a.x, a.y), (b.x, b.y))
        if step == 0:
            continue
        ux, uy = (b.x - a.x) / step, (b.y - a.y) / step
        if walked + step >= distance:
            t = distance - walked
            return XY(a.x + ux * t, a.y + uy * t), XY(ux, uy)
        walked += step
    a, b = points[-2], points[-1]
    step = math.dist((a.x, a.y), (b.x, b.y)) or 1.0
    return points[-1], XY((b.x - a.x) / step, (b.y - a.y) / step)


def points_along(points: Sequence[XY], distances: Sequence[float]) -> list[tuple[XY, XY]]:
    """:func:`point_at` for each of ``distances`` (non-decreasing), in one walk along the
    polyline; the results are exactly those of :func:`point_at`."""
    pairs = list(itertools.pairwise(points))
    out: list[tuple[XY, XY]] = []
    i, walked = 0, 0.0
    for distance in distances:
        found: tuple[XY, XY] | None = None
        while i < len(pairs):
            a, b = pairs[i]
            step = math.dist((a.x, a.y), (b.x, b.y))
            if step == 0:
                i += 1
                continue
            ux, uy = (b.x - a.x) / step, (b.y - a.y) / step
            if walked + step >= distance:
                t = distance - walked
                found = (XY(a.x + ux * t, a.y + uy * t), XY(ux, uy))
                break
            walked += step
            i += 1
        if found is None:
            a, b = points[-2], points[-1]
            step = math.dist((a.x, a.y), (b.x, b.y)) or 1.0
            found = (points[-1], XY((b.x - a.x) / step, (b.y - a.y) / step))
        out.append(found)
    return out


def sub_polyline(points: Sequence[XY], start: float, end: float, steps: int = 12) -> list[XY]:
    """The part of a polyline between two distances along it (resampled)."""
    if end <= start:
        return []
    at = [start + (end - start) * i / steps for i in range(steps + 1)]
    return [p for p, _u in points_along(points, at)]


def offset_polyline(points: Sequence[XY], distance: float) -> list[XY]:
    """The polyline moved sideways by ``distance`` (to the left of the direction of travel)."""
    out: list[XY] = []
    for i, p in enumerate(points):
        a = points[max(i - 1, 0)]
        b = points[min(i + 1, len(points) - 1)]
        dx, dy = b.x - a.x, b.y - a.y
        norm = math.hypot(dx, dy) or 1.0
        out.append(XY(p.x + dy / norm * distance, p.y - dx / norm * distance))
    return out


def zigzag(points: Sequence[XY], amplitude: float = 4.0, wavelength: float = 8.0) -> list[XY]:
    """A zigzag that follows the polyline."""
    total = length(points)
    count = max(2, int(total / (wavelength / 2)))
    out: list[XY] = []
    along = points_along(points, [total * i / count for i in range(count + 1)])
    for i, (p, u) in enumerate(along):
        side = 0.0 if i in (0, count) else (amplitude if i % 2 else -amplitude)
        out.append(XY(p.x + u.y * side, p.y - u.x * side))
    return out
