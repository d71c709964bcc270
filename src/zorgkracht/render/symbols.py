"""Genogram symbols as SVG elements: person shapes and markers, couple, child and emotional lines.

Shared by the picture and its legend so that the legend always shows the same drawing. Meaning
is carried by shape, dash pattern, marks and fill pattern; never by colour alone.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from zorgkracht.domain.codes import ChildType, ConditionKind, ConditionState, CoupleType
from zorgkracht.domain.codes import EmotionalType as Emo
from zorgkracht.domain.model import Condition
from zorgkracht.layout.geometry import (
    XY,
    Rect,
    length,
    offset_polyline,
    point_at,
    sub_polyline,
    zigzag_xy,
)

from .svg import AttrValue, Element, num, path_d, path_d_xy, points

INK = "#000"
EMOTION_INK = "#1d4f91"
HATCH = "zk-hatch"
DOTS = "zk-dots"


def defs() -> Element:
    """Fill patterns for conditions in recovery (hatched) and suspected (dotted)."""
    d = Element("defs")
    hatch = d.add(
        "pattern",
        id=HATCH,
        width=5,
        height=5,
        patternUnits="userSpaceOnUse",
        patternTransform="rotate(45)",
    )
    hatch.add("rect", width=5, height=5, fill="#fff")
    hatch.add("line", x1=0, y1=0, x2=0, y2=5, stroke=INK, stroke_width=2)
    dots = d.add("pattern", id=DOTS, width=5, height=5, patternUnits="userSpaceOnUse")
    dots.add("rect", width=5, height=5, fill="#fff")
    dots.add("circle", cx=2.5, cy=2.5, r=1.1, fill=INK)
    return d


# -- person shapes ---------------------------------------------------------------------------


def shape(kind: str, r: Rect, **attrs: AttrValue) -> Element:
    """The outline of a symbol kind inside ``r``: ``male`` square, ``female`` circle, ``other``
    diamond, ``unknown`` rounded square, ``pet`` hexagon, ``pregnancy`` triangle,
    ``organisation`` a building (a roof over two pillars, :func:`building_d`)."""
    cx, cy = r.x + r.width / 2, r.y + r.height / 2
    if kind == "organisation":
        return Element("path", d=building_d(r), stroke_linejoin="round", **attrs)
    if kind == "female":
        return Element("circle", cx=cx, cy=cy, r=r.width / 2, **attrs)
    if kind == "other":
        pts = [XY(cx, r.y), XY(r.right, cy), XY(cx, r.bottom), XY(r.x, cy)]
        return Element("polygon", points=points(pts), **attrs)
    if kind == "unknown":
        rx = r.width / 4
        return Element("rect", x=r.x, y=r.y, width=r.width, height=r.height, rx=rx, **attrs)
    if kind == "pet":
        h = r.width / 2
        pts = [
            XY(cx + h * math.cos(math.radians(a)), cy + h * math.sin(math.radians(a)))
            for a in range(0, 360, 60)
        ]
        return Element("polygon", points=points(pts), **attrs)
    if kind == "pregnancy":
        pts = [XY(cx, r.y + 2), XY(r.right - 2, r.bottom - 4), XY(r.x + 2, r.bottom - 4)]
        return Element("polygon", points=points(pts), **attrs)
    return Element("rect", x=r.x, y=r.y, width=r.width, height=r.height, **attrs)


def building_d(r: Rect) -> str:
    """An organisation (a club, a nursing home, an association): a building with a pointed
    roof over walls and two pillars, one path so that it fills, outlines and clips like the
    other shapes (the pillars are open subpaths: stroked, never filled). No gender is drawn."""
    w, h = r.width, r.height
    eave = r.y + h * 0.4
    left, right = r.x + w * 0.12, r.right - w * 0.12
    outline = [
        XY(r.x + w / 2, r.y),
        XY(r.right, eave),
        XY(right, eave),
        XY(right, r.bottom),
        XY(left, r.bottom),
        XY(left, eave),
        XY(r.x, eave),
    ]
    pillars = "".join(
        path_d([XY(x, eave + h * 0.14), XY(x, r.bottom)]) for x in (r.x + w * 0.38, r.x + w * 0.62)
    )
    return f"{path_d(outline)}Z{pillars}"


def grow(r: Rect, by: float) -> Rect:
    return Rect(r.x - by, r.y - by, r.width + 2 * by, r.height + 2 * by)


def shrink_to(r: Rect, size: float) -> Rect:
    return Rect(r.x + (r.width - size) / 2, r.y + (r.height - size) / 2, size, size)


def cross(r: Rect, over: float = 3.0, width: float = 1.5) -> Element:
    """Deceased: a cross through the symbol."""
    a, b = XY(r.x - over, r.y - over), XY(r.right + over, r.bottom + over)
    c, d = XY(r.right + over, r.y - over), XY(r.x - over, r.bottom + over)
    return Element(
        "path",
        d=f"{path_d([a, b])}{path_d([c, d])}",
        stroke=INK,
        stroke_width=width,
        fill="none",
    )


def condition_region(kind: ConditionKind, r: Rect) -> Rect:
    """Physical illness: left half; mental illness: right half; substance use: lower half."""
    if kind is ConditionKind.PHYSICAL_ILLNESS:
        return Rect(r.x - 1, r.y - 1, r.width / 2 + 1, r.height + 2)
    if kind is ConditionKind.MENTAL_ILLNESS:
        return Rect(r.x + r.width / 2, r.y - 1, r.width / 2 + 1, r.height + 2)
    return Rect(r.x - 1, r.y + r.height / 2, r.width + 2, r.height / 2 + 1)


def condition_fills(
    kind: str,
    r: Rect,
    conditions: Sequence[Condition],
    clip_prefix: str,
    outline: dict[str, AttrValue],
) -> list[Element]:
    """Illness and substance use as partial fills of the symbol ``kind`` in ``r``: per
    condition a clip path (id ``<clip_prefix>-<n>``) and the region filled for its state, then
    the outline again over the fills (nothing without conditions)."""
    out: list[Element] = []
    for n, cond in enumerate(conditions):
        region = condition_region(cond.kind, r)
        clip = Element("clipPath", id=f"{clip_prefix}-{n}")
        clip.append(shape(kind, r))
        out.append(clip)
        out.append(
            Element(
                "rect",
                x=region.x,
                y=region.y,
                width=region.width,
                height=region.height,
                fill=state_fill(cond.state),
                clip_path=f"url(#{clip_prefix}-{n})",
            )
        )
    if conditions:
        out.append(shape(kind, r, fill="none", **outline))
    return out


def state_fill(state: ConditionState) -> str:
    if state is ConditionState.IN_RECOVERY:
        return f"url(#{HATCH})"
    if state is ConditionState.SUSPECTED:
        return f"url(#{DOTS})"
    return INK


def identity_mark(identity: str, at: XY, size: float = 10.0) -> Element:
    """Inverted triangle: outline for gay/lesbian, with a bar for bisexual, filled for
    transgender."""
    h = size * 0.8
    tri = [XY(at.x - size / 2, at.y), XY(at.x + size / 2, at.y), XY(at.x, at.y + h)]
    g = Element("g")
    fill = INK if identity == "transgender" else "#fff"
    g.add("polygon", points=points(tri), fill=fill, stroke=INK, stroke_width=1)
    if identity == "bisexual":
        y = at.y + h / 2
        g.add("path", d=path_d([XY(at.x - size / 4, y), XY(at.x + size / 4, y)]), stroke=INK)
    return g


def pregnant_mark(at: XY, size: float = 10.0) -> Element:
    tri = [XY(at.x, at.y - size), XY(at.x + size / 2, at.y), XY(at.x - size / 2, at.y)]
    return Element("polygon", points=points(tri), fill="#fff", stroke=INK, stroke_width=1)


def small_x(r: Rect, size: float = 14.0) -> Element:
    s = shrink_to(r, size)
    return cross(s, over=0.0, width=2.0)


def child_symbol(kind: ChildType, gender_kind: str, r: Rect) -> list[Element]:
    """Symbols for pregnancy, miscarriage, stillbirth and abortion (McGoldrick)."""
    if kind is ChildType.PREGNANCY:
        return [shape("pregnancy", r, fill="#fff", stroke=INK, stroke_width=1.5)]
    if kind is ChildType.MISCARRIAGE:
        c = XY(r.x + r.width / 2, r.y + r.height / 2)
        return [Element("circle", cx=c.x, cy=c.y, r=6.0, fill=INK)]
    if kind is ChildType.ABORTION:
        return [small_x(r)]
    small = shrink_to(r, 24.0)
    return [shape(gender_kind, small, fill="#fff", stroke=INK, stroke_width=1.5), cross(small)]


# -- couple lines ----------------------------------------------------------------------------

COUPLE_DASH: dict[str, str | None] = {
    CoupleType.MARRIED: None,
    CoupleType.MARRIED_SEPARATED: None,
    CoupleType.DIVORCED: None,
    CoupleType.WIDOWED: None,
    CoupleType.COMMITTED: None,
    CoupleType.COHABITING: "6 4",
    CoupleType.ENGAGED: "8 3 2 3",
    CoupleType.AFFAIR: "2 3",
    CoupleType.SECRET_AFFAIR: "2 3",
    "implicit": None,
}


def couple_marks(kind: str, at: XY) -> list[Element]:
    """Marks on the couple line: one slash (separated), two (divorced), a small cross
    (widowed), a ring (committed), a filled dot (secret affair)."""
    out: list[Element] = []

    def slash(x: float) -> None:
        d = path_d([XY(x - 4, at.y + 6), XY(x + 4, at.y - 6)])
        out.append(Element("path", d=d, stroke=INK, stroke_width=1.5, fill="none"))

    if kind == CoupleType.MARRIED_SEPARATED:
        slash(at.x)
    elif kind == CoupleType.DIVORCED:
        slash(at.x - 3)
        slash(at.x + 3)
    elif kind == CoupleType.WIDOWED:
        out.append(cross(Rect(at.x - 3.5, at.y - 3.5, 7, 7), over=0.0, width=1.5))
    elif kind == CoupleType.COMMITTED:
        out.append(Element("circle", cx=at.x, cy=at.y, r=3.5, fill="#fff", stroke=INK))
    elif kind == CoupleType.SECRET_AFFAIR:
        out.append(Element("circle", cx=at.x, cy=at.y, r=3.0, fill=INK))
    return out


def couple_line(kind: str, start: XY, end: XY, y: float) -> list[Element]:
    """Down from both partners to ``y`` and across, styled by couple type."""
    pts = [start, XY(start.x, y), XY(end.x, y), end]
    width = 1.0 if kind == "implicit" else 1.5
    line = Element(
        "path",
        d=path_d(pts),
        fill="none",
        stroke=INK,
        stroke_width=width,
        stroke_dasharray=COUPLE_DASH.get(kind),
    )
    lo, hi = sorted((start.x, end.x))
    mark_at = XY(lo + (hi - lo) * 0.25, y)
    return [line, *couple_marks(kind, mark_at)]


# -- child lines -----------------------------------------------------------------------------

CHILD_DASH: dict[str, str | None] = {ChildType.ADOPTED: "5 3", ChildType.FOSTER: "1.5 3"}


def child_line(kind: ChildType, pts: list[XY]) -> list[Element]:
    """Solid for biological children, dashed for adopted ones (with brackets round the
    symbol, drawn with the person), dotted for foster children."""
    return [
        Element(
            "path",
            d=path_d(pts),
            fill="none",
            stroke=INK,
            stroke_width=1.5,
            stroke_dasharray=CHILD_DASH.get(kind),
        )
    ]


def brackets(r: Rect) -> Element:
    """Brackets round an adopted child's symbol."""
    a = 5.0
    left = [XY(r.x - 4 + a, r.y - 3), XY(r.x - 4, r.y - 3), XY(r.x - 4, r.bottom + 3)]
    left.append(XY(r.x - 4 + a, r.bottom + 3))
    right = [XY(r.right + 4 - a, r.y - 3), XY(r.right + 4, r.y - 3), XY(r.right + 4, r.bottom + 3)]
    right.append(XY(r.right + 4 - a, r.bottom + 3))
    return Element(
        "path", d=path_d(left) + path_d(right), fill="none", stroke=INK, stroke_width=1.2
    )


# -- emotional lines -------------------------------------------------------------------------


def _stroke(pts: list[XY], dash: str | None = None, width: float = 1.6) -> Element:
    return _stroke_d(path_d(pts), dash, width)


def _zigzag(pts: list[XY], amplitude: float, wavelength: float, width: float = 1.6) -> Element:
    """``_stroke(zigzag(pts, amplitude, wavelength), width=width)``, from plain numbers."""
    return _stroke_d(path_d_xy(*zigzag_xy(pts, amplitude, wavelength)), None, width)


def _stroke_d(d: str, dash: str | None, width: float) -> Element:
    return Element(
        "path",
        d=d,
        fill="none",
        stroke=EMOTION_INK,
        stroke_width=width,
        stroke_dasharray=dash,
        stroke_linejoin="round",
    )


def _arrow(pts: list[XY], back: float = 0.0, filled: bool = True) -> Element:
    total = length(pts)
    tip, u = point_at(pts, max(total - back, 0.0))
    base = XY(tip.x - u.x * 10, tip.y - u.y * 10)
    left = XY(base.x - u.y * 5, base.y + u.x * 5)
    right = XY(base.x + u.y * 5, base.y - u.x * 5)
    if filled:
        return Element("polygon", points=points([tip, left, right]), fill=EMOTION_INK)
    return _stroke([left, tip, right])


def _cut(pts: list[XY], repaired: bool) -> list[Element]:
    total = length(pts)
    a, b = total * 0.44, total * 0.56
    out = [_stroke(sub_polyline(pts, 0, a)), _stroke(sub_polyline(pts, b, total))]
    for at in (a, b):
        p, u = point_at(pts, at)
        bar = [XY(p.x - u.y * 7, p.y + u.x * 7), XY(p.x + u.y * 7, p.y - u.x * 7)]
        out.append(_stroke(bar))
    if repaired:
        mid, _u = point_at(pts, total / 2)
        out.append(
            Element(
                "circle",
                cx=mid.x,
                cy=mid.y,
                r=num((b - a) / 2 + 2),
                fill="none",
                stroke=EMOTION_INK,
                stroke_width=1.6,
            )
        )
    return out


def emotion_line(kind: Emo, pts: list[XY]) -> list[Element]:
    """good: one line; close: two; fused: three; distant: dotted; hostile: zigzag;
    close_hostile: two lines and a zigzag; conflict: a line and a zigzag; cutoff: a gap between
    two bars; cutoff_repaired: the gap circled; care: double arrowhead; focused_on: arrowhead;
    abuse: zigzag with arrowhead."""
    if kind is Emo.CLOSE:
        return [_stroke(offset_polyline(pts, d)) for d in (-2.5, 2.5)]
    if kind is Emo.FUSED:
        return [_stroke(offset_polyline(pts, d)) for d in (-4.0, 0.0, 4.0)]
    if kind is Emo.DISTANT:
        return [_stroke(pts, "2 4")]
    if kind is Emo.HOSTILE:
        return [_zigzag(pts, 4.5, 9.0)]
    if kind is Emo.CLOSE_HOSTILE:
        lines = [_stroke(offset_polyline(pts, d), width=1.2) for d in (-3.0, 3.0)]
        return [*lines, _zigzag(pts, 6.0, 10.0, width=1.2)]
    if kind is Emo.CONFLICT:
        return [_stroke(pts, width=1.2), _zigzag(pts, 5.0, 10.0, width=1.2)]
    if kind in (Emo.CUTOFF, Emo.CUTOFF_REPAIRED):
        return _cut(pts, kind is Emo.CUTOFF_REPAIRED)
    if kind is Emo.CARE:
        return [_stroke(pts), _arrow(pts, 0.0, False), _arrow(pts, 6.0, False)]
    if kind is Emo.FOCUSED_ON:
        return [_stroke(pts), _arrow(pts)]
    if kind is Emo.ABUSE:
        total = length(pts)
        body = sub_polyline(pts, 0, max(total - 9, 0.0), 24)
        return [_zigzag(body, 4.5, 9.0) if body else _stroke(pts), _arrow(pts)]
    return [_stroke(pts)]
