"""Small plane geometry shared by the layouts and the renderers: points, boxes and curves.

Everything is plain floats in SVG user units, y growing downwards.
"""

from __future__ import annotations

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


def polyline_hits(points: Sequence[XY], rects: Sequence[Rect]) -> int:
    """How many of ``rects`` the polyline passes through."""
    return sum(
        1
        for rect in rects
        if any(segment_hits_rect(a, b, rect) for a, b in itertools.pairwise(points))
    )


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


def sub_polyline(points: Sequence[XY], start: float, end: float, steps: int = 12) -> list[XY]:
    """The part of a polyline between two distances along it (resampled)."""
    if end <= start:
        return []
    return [point_at(points, start + (end - start) * i / steps)[0] for i in range(steps + 1)]


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
    for i in range(count + 1):
        p, u = point_at(points, total * i / count)
        side = 0.0 if i in (0, count) else (amplitude if i % 2 else -amplitude)
        out.append(XY(p.x + u.y * side, p.y - u.x * side))
    return out
