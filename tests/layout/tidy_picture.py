"""What a drawn picture shows, read back from its SVG, and the tidiness checks on it (issue 13):
no two names overlap, no name covers another person's symbol, no tie line or support letter
runs through a name, no two domain circles overlap, everything inside the picture.

A text's box is estimated the way the layouts estimate it: :data:`CHAR_W` em a character wide,
from :data:`ASCENT` em above the baseline to :data:`DESCENT` em below it.
"""

from __future__ import annotations

import itertools
import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from zorgkracht.layout.geometry import XY, Rect, segment_hits_rect

CHAR_W = 0.6
ASCENT = 0.75
DESCENT = 0.2
SLACK = 1.0
"""Boxes are shrunk by this much on every side before they are compared: touching is fine."""
SHAPES = ("rect", "circle", "ellipse", "path", "polygon", "polyline", "line")
_NUM = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")


def _tag(el: ET.Element) -> str:
    return el.tag.rsplit("}", 1)[-1]


def _f(el: ET.Element, name: str, default: float = 0.0) -> float:
    value = el.get(name)
    return float(value) if value is not None else default


def text_box(el: ET.Element) -> Rect:
    """The estimated box of a ``<text>`` element (no transforms)."""
    size = _f(el, "font-size", 16.0)
    text = "".join(el.itertext())
    width = len(text) * size * CHAR_W
    x, y = _f(el, "x"), _f(el, "y")
    anchor = el.get("text-anchor", "start")
    left = x - width / 2 if anchor == "middle" else (x - width if anchor == "end" else x)
    return Rect(left, y - ASCENT * size, width, (ASCENT + DESCENT) * size)


def shape_points(el: ET.Element) -> list[XY]:
    """The corner points of a shape (for its bounding box) or the points of a line."""
    tag = _tag(el)
    if tag == "rect":
        x, y, w, h = _f(el, "x"), _f(el, "y"), _f(el, "width"), _f(el, "height")
        return [XY(x, y), XY(x + w, y + h)]
    if tag in ("circle", "ellipse"):
        cx, cy = _f(el, "cx"), _f(el, "cy")
        rx = _f(el, "r") if tag == "circle" else _f(el, "rx")
        ry = _f(el, "r") if tag == "circle" else _f(el, "ry")
        return [XY(cx - rx, cy - ry), XY(cx + rx, cy + ry)]
    if tag == "line":
        return [XY(_f(el, "x1"), _f(el, "y1")), XY(_f(el, "x2"), _f(el, "y2"))]
    raw = el.get("d") if tag == "path" else el.get("points")
    numbers = [float(n) for n in _NUM.findall(raw or "")]
    return [XY(a, b) for a, b in zip(numbers[::2], numbers[1::2], strict=False)]


def _union(rects: list[Rect]) -> Rect:
    x0 = min(r.x for r in rects)
    y0 = min(r.y for r in rects)
    return Rect(x0, y0, max(r.right for r in rects) - x0, max(r.bottom for r in rects) - y0)


def _bbox(points: list[XY]) -> Rect:
    return _union([Rect(p.x, p.y, 0.0, 0.0) for p in points])


def shrunk(r: Rect, by: float = SLACK) -> Rect:
    return Rect(r.x + by, r.y + by, max(r.width - 2 * by, 0.0), max(r.height - 2 * by, 0.0))


@dataclass
class Picture:
    """The parts of a picture that tidiness is about, in user units."""

    view: Rect
    names: dict[str, list[Rect]] = field(default_factory=dict)
    """Per drawn person the boxes of the lines of text written with it."""
    name_sizes: dict[str, list[float]] = field(default_factory=dict)
    symbols: dict[str, Rect] = field(default_factory=dict)
    lines: list[tuple[str, list[XY]]] = field(default_factory=list)
    """Tie lines: the tie id and the points of its path."""
    letters: list[tuple[str, Rect]] = field(default_factory=list)
    circles: list[tuple[str, float, float, float]] = field(default_factory=list)
    """The client system and the domain circles: id, centre and radius."""
    texts: list[str] = field(default_factory=list)
    """Every text in the picture (to find cut names)."""


def read_picture(svg: str) -> Picture:
    root = ET.fromstring(svg.encode("utf-8"))
    vx, vy, vw, vh = (float(n) for n in root.attrib["viewBox"].split())
    picture = Picture(Rect(vx, vy, vw, vh))
    picture.texts = ["".join(t.itertext()) for t in root.iter() if _tag(t) == "text"]
    for g in root.iter():
        pid = g.get("data-person-id")
        if pid is not None and _tag(g) == "g" and "legend" not in (g.get("class") or ""):
            boxes: list[Rect] = []
            sizes: list[float] = []
            shapes: list[XY] = []
            for child in g:
                tag = _tag(child)
                if tag == "text" and child.get("stroke") is None:
                    boxes.append(text_box(child))
                    sizes.append(_f(child, "font-size", 16.0))
                elif tag in SHAPES and child.get("class") != "zk-hit":
                    shapes += shape_points(child)
            picture.names[pid] = boxes
            picture.name_sizes[pid] = sizes
            if shapes:
                picture.symbols[pid] = _bbox(shapes)
        tie = g.get("data-tie-id")
        if tie is not None:
            paths = (
                [g]
                if _tag(g) in ("path", "line", "polyline")
                else [c for c in g if _tag(c) in ("path", "line", "polyline")]
            )
            for p in paths:
                if p.get("class") != "zk-hit-line" and p.get("stroke") not in (None, "none"):
                    picture.lines.append((tie, shape_points(p)))
            for support in g.iter():
                if _tag(support) == "g" and support.get("class") == "support":
                    for t in support:
                        if _tag(t) == "text" and t.get("stroke") is None:
                            picture.letters.append((tie, text_box(t)))
        cls = g.get("class")
        if _tag(g) == "g" and cls in ("client-system", "domain", "other"):
            for c in g:
                if _tag(c) == "circle":
                    circle_id = g.get("data-domain-id") or cls
                    picture.circles.append((circle_id, _f(c, "cx"), _f(c, "cy"), _f(c, "r")))
    return picture


def problems(picture: Picture, *, lines: bool = True) -> list[str]:
    """Every way in which the picture is not tidy, as readable sentences (empty: tidy).
    ``lines=False``: without the check that no tie line runs through a name."""
    out: list[str] = []
    labels = [(pid, shrunk(box)) for pid, boxes in picture.names.items() for box in boxes]
    for (a, ra), (b, rb) in itertools.combinations(labels, 2):
        if a != b and ra.overlaps(rb):
            out.append(f"name of {a} overlaps name of {b}")
    for pid, box in labels:
        for other, symbol in picture.symbols.items():
            if other != pid and box.overlaps(shrunk(symbol)):
                out.append(f"name of {pid} overlaps the symbol of {other}")
    for tie, points in picture.lines if lines else []:
        for pid, box in labels:
            if any(segment_hits_rect(p, q, box) for p, q in itertools.pairwise(points)):
                out.append(f"line of {tie} runs through the name of {pid}")
    for tie, letters in picture.letters:
        for pid, box in labels:
            if shrunk(letters).overlaps(box):
                out.append(f"support letters of {tie} cover the name of {pid}")
    for (a, ax, ay, ar), (b, bx, by, br) in itertools.combinations(picture.circles, 2):
        if math.hypot(ax - bx, ay - by) < ar + br - SLACK:
            out.append(f"circles {a} and {b} overlap")
    view = picture.view
    everything = [box for _pid, box in labels] + list(picture.symbols.values())
    everything += [box for _t, box in picture.letters]
    everything += [Rect(x - r, y - r, 2 * r, 2 * r) for _c, x, y, r in picture.circles]
    for box in everything:
        if not (
            view.x - SLACK <= box.x
            and box.right <= view.right + SLACK
            and view.y - SLACK <= box.y
            and box.bottom <= view.bottom + SLACK
        ):
            out.append(f"{box} is outside the picture {view}")
    return out
