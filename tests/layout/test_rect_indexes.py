"""The spatial indexes used by the network views answer exactly as comparing with every
rectangle (the views' pictures must not change because of them)."""

from __future__ import annotations

import random

from zorgkracht.layout.ecogram_ties import RectIndex
from zorgkracht.layout.geometry import XY, Rect, polyline_hits, quadratic, quadratic_xy
from zorgkracht.layout.radial import RectGrid


def _rects(rng: random.Random, count: int) -> list[Rect]:
    return [
        Rect(
            rng.uniform(-600, 600), rng.uniform(-600, 600), rng.uniform(1, 120), rng.uniform(1, 80)
        )
        for _ in range(count)
    ]


def test_grid_overlaps_as_brute_force() -> None:
    rng = random.Random(7)
    placed = [
        *_rects(rng, 120),
        Rect(-1500.0, 300.0, 3000.0, 40.0),
        Rect(50.0, -2000.0, 30.0, 4000.0),
    ]
    grid = RectGrid(placed)
    assert len(grid.big) == 2  # the long ones are kept aside, and still found
    for probe in _rects(rng, 400):
        assert grid.overlaps(probe) == any(probe.overlaps(r) for r in placed)


def test_grid_touching_edges_do_not_overlap() -> None:
    grid = RectGrid([Rect(0.0, 0.0, 92.0, 64.0)])
    assert not grid.overlaps(Rect(92.0, 0.0, 10.0, 10.0))  # side by side
    assert not grid.overlaps(Rect(0.0, 64.0, 10.0, 10.0))  # one under the other
    assert grid.overlaps(Rect(91.0, 63.0, 10.0, 10.0))


def test_index_finds_every_rectangle_a_curve_passes() -> None:
    rng = random.Random(11)
    rects = _rects(rng, 150)
    index = RectIndex(list(rects))
    for _ in range(200):
        a, b = XY(rng.uniform(-700, 700), rng.uniform(-700, 700)), XY(0.0, 0.0)
        c = XY(rng.uniform(-700, 700), rng.uniform(-700, 700))
        pts = quadratic(a, c, b)
        near = [rects[n] for n in index.near_line(pts)]
        assert polyline_hits(pts, near) == polyline_hits(pts, rects)
        assert index.any_overlaps(rects[0])


def test_number_versions_give_the_same_numbers_as_the_point_versions() -> None:
    """quadratic_xy and near_line_xy (the ecogram's bow search) against quadratic and
    near_line: the same floats bit for bit, the same rectangles."""
    rng = random.Random(13)
    index = RectIndex(_rects(rng, 150))
    for _ in range(500):
        a, c, b = (XY(rng.uniform(-900, 900), rng.uniform(-900, 900)) for _ in range(3))
        pts = quadratic(a, c, b)
        xs, ys = quadratic_xy(a, c, b)
        assert xs == [p.x for p in pts]
        assert ys == [p.y for p in pts]
        assert index.near_line_xy(xs, ys) == index.near_line(pts)
        assert quadratic_xy(a, c, b, steps=7)[0] == [p.x for p in quadratic(a, c, b, steps=7)]
