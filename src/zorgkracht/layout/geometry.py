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
    if len(values) != len(weights) or 0 in weights:
        return _isotonic_pools(values, weights)
    # the pools as parallel stacks (``top`` the last in use): sum of w*v, sum of w, count and
    # mean (sum / weight), with the same additions in the same order as :func:`_isotonic_pools`
    size = len(values)
    sums = [0.0] * size
    totals = [0.0] * size
    counts = [0] * size
    means = [0.0] * size
    top = -1
    for value, weight in zip(values, weights, strict=True):
        s = value * weight
        mean = s / weight
        n = 1
        while top >= 0 and means[top] > mean:
            s = sums[top] + s
            weight = totals[top] + weight
            n += counts[top]
            top -= 1
            mean = s / weight
        top += 1
        sums[top] = s
        totals[top] = weight
        counts[top] = n
        means[top] = mean
    out: list[float] = []
    for i in range(top + 1):
        count = counts[i]
        if count == 1:
            out.append(means[i])
        else:
            out.extend([means[i]] * count)
    return out


def _isotonic_pools(values: Sequence[float], weights: Sequence[float]) -> list[float]:
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
    sx, sy, cx, cy, ex, ey = start.x, start.y, control.x, control.y, end.x, end.y
    points: list[XY] = []
    append = points.append
    for i in range(steps + 1):
        t = i / steps
        u = 1 - t
        append(
            XY(
                u * u * sx + 2 * u * t * cx + t * t * ex,
                u * u * sy + 2 * u * t * cy + t * t * ey,
            )
        )
    return points


_WEIGHTS: dict[int, list[tuple[float, float, float]]] = {}


def _weights(steps: int) -> list[tuple[float, float, float]]:
    """Per step ``(u * u, 2 * u * t, t * t)``: the products :func:`quadratic` forms first, so
    that multiplying them out gives the same numbers bit for bit."""
    known = _WEIGHTS.get(steps)
    if known is None:
        known = []
        for i in range(steps + 1):
            t = i / steps
            u = 1 - t
            known.append((u * u, 2 * u * t, t * t))
        _WEIGHTS[steps] = known
    return known


def quadratic_xy(
    start: XY, control: XY, end: XY, steps: int = 24
) -> tuple[list[float], list[float]]:
    """:func:`quadratic` as the lists of x and of y (the same numbers, no points made)."""
    sx, sy, cx, cy, ex, ey = start.x, start.y, control.x, control.y, end.x, end.y
    weights = _weights(steps)
    xs = [a * sx + b * cx + c * ex for a, b, c in weights]
    ys = [a * sy + b * cy + c * ey for a, b, c in weights]
    return xs, ys


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


# a segment of a polyline: start (x, y), delta (dx, dy), bounding box (x0, x1, y0, y1)
_Segment = tuple[float, float, float, float, float, float, float, float]


def polyline_hits(
    points: Sequence[XY], rects: Sequence[Rect], *, stop_at: int | None = None
) -> int:
    """How many of ``rects`` the polyline passes through; with ``stop_at``, counting stops
    there (for a caller that only needs to know whether the count is below it)."""
    if not rects:
        return 0
    return polyline_hits_xy([p.x for p in points], [p.y for p in points], rects, stop_at=stop_at)


def polyline_hits_xy(
    xs: Sequence[float], ys: Sequence[float], rects: Sequence[Rect], *, stop_at: int | None = None
) -> int:
    """:func:`polyline_hits` of the polyline through the points ``(xs[i], ys[i])``."""
    if not rects or len(xs) < 2:
        return 0
    # runs of a few segments with their bounding boxes, so that most rectangles are passed by
    # after a handful of comparisons
    boxes: list[tuple[float, float, float, float, list[_Segment]]] = []
    run: list[_Segment] = []
    rx0 = rx1 = ry0 = ry1 = 0.0
    ax, ay = xs[0], ys[0]
    for i in range(1, len(xs)):
        bx, by = xs[i], ys[i]
        x0 = ax if ax < bx else bx
        x1 = bx if bx > ax else ax
        y0 = ay if ay < by else by
        y1 = by if by > ay else ay
        if run:
            if x0 < rx0:
                rx0 = x0
            if x1 > rx1:
                rx1 = x1
            if y0 < ry0:
                ry0 = y0
            if y1 > ry1:
                ry1 = y1
        else:
            rx0, rx1, ry0, ry1 = x0, x1, y0, y1
        run.append((ax, ay, bx - ax, by - ay, x0, x1, y0, y1))
        if len(run) == _RUN:
            boxes.append((rx0, rx1, ry0, ry1, run))
            run = []
        ax, ay = bx, by
    if run:
        boxes.append((rx0, rx1, ry0, ry1, run))
    count = 0
    for rect in rects:
        left, top = rect.x, rect.y
        right, bottom = left + rect.width, top + rect.height
        hit = False
        for rx0, rx1, ry0, ry1, segments in boxes:
            # a rectangle that does not meet a bounding box cannot be crossed inside it
            if rx1 < left or rx0 > right or ry1 < top or ry0 > bottom:
                continue
            for sx, sy, dx, dy, x0, x1, y0, y1 in segments:
                if x1 < left or x0 > right or y1 < top or y0 > bottom:
                    continue
                if _clips(sx, sy, dx, dy, left, top, right, bottom):
                    hit = True
                    break
            if hit:
                break
        if hit:
            count += 1
            if count == stop_at:
                break
    return count


_RUN = 6


def _clips(
    ax: float, ay: float, dx: float, dy: float, left: float, top: float, right: float, bottom: float
) -> bool:
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, ax - left), (dx, right - ax), (-dy, ay - top), (dy, bottom - ay)):
        if p == 0:
            if q <= 0:
                return False
            continue
        r = q / p
        if p < 0:
            if r > t0:
                t0 = r
        elif r < t1:
            t1 = r
        if t0 >= t1:
            return False
    return t1 - t0 > 1e-9


class BoxIndex:
    """Named rectangles sorted by their left edge, to find those near a polyline quickly."""

    __slots__ = ("_items", "_lefts", "_names", "_rects", "_widest")

    def __init__(self, named: Sequence[tuple[str, Rect]]) -> None:
        ordered = sorted(named, key=lambda item: item[1].x)
        self._names = [name for name, _r in ordered]
        self._rects = [r for _n, r in ordered]
        self._lefts = [r.x for r in self._rects]
        self._widest = max((r.width for r in self._rects), default=0.0)
        # what near() compares, worked out once: right edge, top, bottom, name, rectangle
        self._items = [(r.right, r.y, r.bottom, name, r) for name, r in ordered]

    def near(self, points: Sequence[XY], exclude: Sequence[str] = ()) -> list[Rect]:
        """Every rectangle (except those named in ``exclude``) that meets the bounding box of
        ``points``, edges included: a superset of the rectangles the polyline can pass through."""
        return self.near_xy([p.x for p in points], [p.y for p in points], exclude)

    def near_xy(
        self, xs: Sequence[float], ys: Sequence[float], exclude: Sequence[str] = ()
    ) -> list[Rect]:
        """:meth:`near` for the points ``(xs[i], ys[i])``."""
        lo_x, hi_x, lo_y, hi_y = min(xs), max(xs), min(ys), max(ys)
        start = bisect.bisect_left(self._lefts, lo_x - self._widest)
        stop = bisect.bisect_right(self._lefts, hi_x)
        return [
            r
            for right, top, bottom, name, r in self._items[start:stop]
            if right >= lo_x and top <= hi_y and bottom >= lo_y and name not in exclude
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
    return [(XY(x, y), XY(ux, uy)) for x, y, ux, uy in _along(points, distances)]


def _along(
    points: Sequence[XY], distances: Sequence[float]
) -> list[tuple[float, float, float, float]]:
    """:func:`points_along` as plain numbers (x, y, ux, uy), for the callers that only compute
    with them."""
    xs = [p.x for p in points]
    ys = [p.y for p in points]
    last = len(points) - 1
    dist = math.dist
    out: list[tuple[float, float, float, float]] = []
    append = out.append
    i, walked = 0, 0.0
    # the current segment: start, unit direction and length (step 0: not known yet)
    ax = ay = ux = uy = step = 0.0
    known = False
    for distance in distances:
        found = False
        while i < last:
            if not known:
                ax, ay, bx, by = xs[i], ys[i], xs[i + 1], ys[i + 1]
                step = dist((ax, ay), (bx, by))
                if step == 0:
                    i += 1
                    continue
                ux, uy = (bx - ax) / step, (by - ay) / step
                known = True
            if walked + step >= distance:
                t = distance - walked
                append((ax + ux * t, ay + uy * t, ux, uy))
                found = True
                break
            walked += step
            i += 1
            known = False
        if not found:
            a, b = points[-2], points[-1]
            end_step = dist((a.x, a.y), (b.x, b.y)) or 1.0
            append((points[-1].x, points[-1].y, (b.x - a.x) / end_step, (b.y - a.y) / end_step))
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
    xs, ys = zigzag_xy(points, amplitude, wavelength)
    return [XY(x, y) for x, y in zip(xs, ys, strict=True)]


def zigzag_xy(
    points: Sequence[XY], amplitude: float = 4.0, wavelength: float = 8.0
) -> tuple[list[float], list[float]]:
    """:func:`zigzag` as the lists of x and of y (the same numbers, no points made: a zigzag
    along a long line has hundreds of corners)."""
    total = length(points)
    count = max(2, int(total / (wavelength / 2)))
    along = _along(points, [total * i / count for i in range(count + 1)])
    xs: list[float] = []
    ys: list[float] = []
    for i, (x, y, ux, uy) in enumerate(along):
        side = 0.0 if i in (0, count) else (amplitude if i % 2 else -amplitude)
        xs.append(x + uy * side)
        ys.append(y - ux * side)
    return xs, ys


def segment_span(a: XY, b: XY, r: Rect) -> tuple[float, float] | None:
    """The part ``(t0, t1)`` of the segment a-b (t from 0 to 1) inside ``r``, if any."""
    dx, dy = b.x - a.x, b.y - a.y
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, a.x - r.x), (dx, r.right - a.x), (-dy, a.y - r.y), (dy, r.bottom - a.y)):
        if p == 0:
            if q < 0:
                return None
            continue
        ratio = q / p
        if p < 0:
            t0 = max(t0, ratio)
        else:
            t1 = min(t1, ratio)
        if t0 > t1:
            return None
    return t0, t1


def trimmed(
    a: XY, b: XY, around_a: Sequence[Rect], around_b: Sequence[Rect]
) -> tuple[XY, XY] | None:
    """The segment a-b without the parts inside ``around_a`` (the symbol and name of the
    person at ``a``) and ``around_b``: a line from person to person that stops at the edge of
    each one's symbol and name instead of running through the name. None when nothing is
    left (the two persons overlap)."""
    t0, t1 = 0.0, 1.0
    for r in around_a:
        span = segment_span(a, b, r)
        if span is not None:
            t0 = max(t0, span[1])
    for r in around_b:
        span = segment_span(a, b, r)
        if span is not None:
            t1 = min(t1, span[0])
    if t1 - t0 <= 1e-9:
        return None
    dx, dy = b.x - a.x, b.y - a.y
    return XY(a.x + dx * t0, a.y + dy * t0), XY(a.x + dx * t1, a.y + dy * t1)


def person_rects(symbol: Rect, label: Rect, pad: float = 3.0) -> tuple[Rect, Rect]:
    """A person's symbol and name, each grown by ``pad``: what a line stops at."""
    return (
        Rect(symbol.x - pad, symbol.y - pad, symbol.width + 2 * pad, symbol.height + 2 * pad),
        Rect(label.x - pad, label.y - pad, label.width + 2 * pad, label.height + 2 * pad),
    )


def trimmed_polyline(
    points: Sequence[XY], around_a: Sequence[Rect], around_b: Sequence[Rect]
) -> list[XY] | None:
    """:func:`trimmed` for a polyline (a bowed line): from where it last leaves ``around_a`` to
    where it first enters ``around_b``, cut exactly at their edges, so that no part of it
    passes through either. None when nothing is left."""
    n = len(points)
    if n < 2:
        return None
    # the last exit from around_a: segment index and the fraction along it
    first, t_first = 0, 0.0
    for i in range(n - 1):
        for r in around_a:
            span = segment_span(points[i], points[i + 1], r)
            if span is not None and (i > first or span[1] > t_first):
                first, t_first = i, max(span[1], t_first if i == first else 0.0)
    # the first entry into around_b at or after that point
    last, t_last = n - 2, 1.0
    found = False
    for i in range(first, n - 1):
        for r in around_b:
            span = segment_span(points[i], points[i + 1], r)
            if span is None or (i == first and span[0] <= t_first):
                continue
            if not found or span[0] < t_last:
                last, t_last, found = i, span[0], True
        if found:
            break

    def at(i: int, t: float) -> XY:
        a, b = points[i], points[i + 1]
        return XY(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t)

    if last < first or (last == first and t_last - t_first <= 1e-9):
        return None
    return [at(first, t_first), *points[first + 1 : last + 1], at(last, t_last)]
