"""Ecogram tie lines: thickness for strength (thicker = more important), solid / dotted /
zigzag for positive / tense / conflict, arrowheads for the direction of the relationship, support
letters on a white halo.

As the book draws them (line 1795): "gewone doorlopende lijnen geven aan dat de relatie normaal
is, stippellijnen dat er sprake is van spanning in de relatie en gekartelde lijnen voor
conflictueuze relaties"; the thickness goes with importance ("dikker = belangrijker", 1792).

Line style, not colour, carries the meaning, so the picture prints in black and white; the dark
colours only help on screen. Shared by the picture and its legend.
"""

from __future__ import annotations

from collections.abc import Hashable

from zorgkracht.domain import Tie
from zorgkracht.domain.codes import Direction, Quality, Support
from zorgkracht.layout.geometry import XY, length, point_at, sub_polyline, zigzag
from zorgkracht.layout.memo import on_forget

from .svg import Element, WrittenLines, attrs_markup, num, path_d, points, text_markup

INK: dict[Quality, str] = {
    Quality.POSITIVE: "#123d1f",
    Quality.TENSE: "#5c3a00",
    Quality.CONFLICT: "#7a0f0f",
}
LETTER_SIZE = 14.0
RECIPROCAL = "⇄"


def width(strength: int) -> float:
    """Stroke width for strength 1, 2, 3 (values outside are clamped)."""
    return {1: 1.5, 2: 3.5, 3: 6.0}[min(max(strength, 1), 3)]


def dash(stroke: float) -> str:
    """The dot pattern of a tense tie (a stippellijn): square dots as long as the line is wide,
    with gaps of twice that (at least 3 units), so that it reads as dots on paper too."""
    return f"{num(stroke)} {num(max(2 * stroke, 3.0))}"


def arrow_size(stroke: float) -> tuple[float, float]:
    """Length and half-width of an arrowhead on a line of this width."""
    return 11 + 2.5 * stroke, 5.5 + 1.2 * stroke


_LETTERS = tuple((s, s.value) for s in Support)


def letters(tie: Tie) -> str:
    """The support letters in the book's order P G A E W, then ⇄ when the client gives back."""
    support = tie.support
    text = "".join(v for s, v in _LETTERS if s in support) if support else ""
    if tie.reciprocal:
        text = f"{text} {RECIPROCAL}" if text else RECIPROCAL
    return text


def arrow_ends(direction: Direction) -> tuple[bool, bool]:
    """Arrowheads at end ``a`` (towards the client side) and at end ``b``."""
    return (
        direction in (Direction.TO_CLIENT, Direction.BOTH),
        direction in (Direction.FROM_CLIENT, Direction.BOTH),
    )


_STYLES: dict[tuple[str, float], str] = {}
_HALOS: dict[tuple[float, bool], tuple[str, str]] = {}


def _style(ink: str, stroke: float) -> str:
    """The attributes every tie stroke ends with, written once per ink and width."""
    known = _STYLES.get((ink, stroke))
    if known is None:
        known = _STYLES[(ink, stroke)] = attrs_markup(
            [
                ("fill", "none"),
                ("stroke", ink),
                ("stroke_width", stroke),
                ("stroke_linejoin", "round"),
            ]
        )
    return known


def _head(pts: list[XY], total: float, at_end: bool, stroke: float, ink: str) -> str:
    if at_end:
        tip, u = point_at(pts, total)
    else:
        tip, u = point_at(pts, 0.0)
        u = XY(-u.x, -u.y)
    size, half = arrow_size(stroke)
    base = XY(tip.x - u.x * size, tip.y - u.y * size)
    left = XY(base.x - u.y * half, base.y + u.x * half)
    right = XY(base.x + u.y * half, base.y - u.x * half)
    return f'<polygon points="{points([tip, left, right])}"{attrs_markup([("fill", ink)])}/>'


def line(
    pts: list[XY],
    strength: int,
    quality: Quality,
    direction: Direction,
    ink: str | None = None,
    total: float | None = None,
) -> list[Element]:
    """The stroke and arrowheads of one tie along ``pts`` (from end ``a`` to end ``b``);
    ``ink`` overrides the quality's colour (the legend draws thickness and arrows in black);
    ``total`` is the length of ``pts`` when the caller knows it."""
    stroke = width(strength)
    ink = ink if ink is not None else INK[quality]
    head_a, head_b = arrow_ends(direction)
    if total is None:
        total = length(pts)
    size = arrow_size(stroke)[0]
    cut_a = min(size * 0.8, total / 3) if head_a else 0.0
    cut_b = min(size * 0.8, total / 3) if head_b else 0.0
    body = pts
    if cut_a or cut_b:
        body = sub_polyline(pts, cut_a, total - cut_b, 4 if len(pts) == 2 else 24)
    style = _style(ink, stroke)
    # written out as Element("path", d=..., [stroke_dasharray=...,] **style) would write it
    if quality is Quality.CONFLICT:
        zig = zigzag(body, 4.0 + stroke * 0.8, 12.0 + stroke * 1.5)
        out = [f'<path d="{path_d(zig)}"{style}/>']
    elif quality is Quality.TENSE:
        out = [f'<path d="{path_d(body)}" stroke-dasharray="{dash(stroke)}"{style}/>']
    else:
        out = [f'<path d="{path_d(body)}"{style}/>']
    if total > 0:
        if head_a:
            out.append(_head(pts, total, False, stroke, ink))
        if head_b:
            out.append(_head(pts, total, True, stroke, ink))
    return [WrittenLines(out)]


def halo_label(text: str, at: XY, size: float, bold: bool = True) -> list[Element]:
    """Text centred on ``at`` with a white halo, readable over any line (written out as
    ``Element("text", text, [stroke...,] x=..., y=..., font_size=..., ...)`` would write it)."""
    fixed = _HALOS.get((size, bold))
    if fixed is None:
        tail = attrs_markup(
            [
                ("font_size", size),
                ("text_anchor", "middle"),
                ("font_weight", "bold" if bold else None),
            ]
        )
        halo = attrs_markup(
            [("stroke", "#fff"), ("stroke_width", 5.0), ("stroke_linejoin", "round")]
        )
        fixed = _HALOS[(size, bold)] = (halo, tail)
    halo, tail = fixed
    xy = attrs_markup([("x", at.x), ("y", at.y + size * 0.36)])
    body = f"{xy}{tail}>{text_markup(text)}</text>"
    return [WrittenLines([f"<text{halo}{body}", f"<text{body}"])]


_DRAWN: dict[Hashable, tuple[float, list[Element]]] = {}
_DRAWN_SIZE = 5_000
on_forget(_DRAWN.clear)


def _drawn(tie: Tie, pts: list[XY], key: Hashable | None) -> tuple[float, list[Element]]:
    """The length of ``pts`` and the tie's line along it; remembered under ``key`` (what
    fixes ``pts``, such as the ends and the control point) with the tie's strength, quality
    and direction, so that a redraw that moves no line writes none again. Only geometry and
    codes are remembered, no client text."""
    if key is None:
        total = length(pts)
        return total, line(pts, tie.strength, tie.quality, tie.direction, total=total)
    full = (key, tie.strength, tie.quality, tie.direction)
    known = _DRAWN.get(full)
    if known is None:
        if len(_DRAWN) >= _DRAWN_SIZE:
            _DRAWN.clear()
        total = length(pts)
        known = _DRAWN[full] = (
            total,
            line(pts, tie.strength, tie.quality, tie.direction, total=total),
        )
    return known


def tie_group(
    tie: Tie,
    pts: list[XY],
    label_at: XY,
    start_name: str | None,
    end_name: str | None,
    *,
    key: Hashable | None = None,
) -> Element:
    """The whole tie: line, arrowheads, support letters in the middle; ``start_name`` and
    ``end_name`` name the household member at a line that starts at the central circle's rim.
    ``key``: what fixes ``pts`` (the same key always the same points), to reuse the line."""
    g = Element(
        "g",
        class_="tie",
        data_quality=tie.quality.value,
        data_strength=min(max(tie.strength, 1), 3),
        data_direction=tie.direction.value,
    )
    g.set_raw("data-tie-id", tie.id)
    total, drawn = _drawn(tie, pts, key)
    g.extend(drawn)
    text = letters(tie)
    if text and total > 0:
        label = g.add("g", class_="support")
        label.set_raw("data-support", text)
        label.extend(halo_label(text, label_at, LETTER_SIZE))
    ends = ((start_name, min(30.0, total / 4)), (end_name, max(total - 30.0, total * 0.75)))
    for name, at in ends:
        if name and total > 0:
            where, _u = point_at(pts, at)
            g.extend(halo_label(name, where, 11.0, bold=False))
    return g
