"""Ecogram tie lines: where each line starts and ends, how it bows round what is in its way,
and where its support letters go. See :mod:`zorgkracht.layout.ecogram`."""

from __future__ import annotations

import math
from dataclasses import replace

from zorgkracht.domain import Case, Tie

from .ecogram_types import HOUSEHOLD, EcoCircle, EcoPerson, TieLine
from .geometry import XY, Rect, length, point_at, polyline_hits, quadratic

BOWS = (0.0, 50.0, -50.0, 100.0, -100.0, 170.0, -170.0, 260.0, -260.0)


def _edge(centre: XY, radius: float, towards: XY) -> XY:
    dx, dy = towards.x - centre.x, towards.y - centre.y
    d = math.hypot(dx, dy)
    if d == 0:
        return XY(centre.x, centre.y - radius)
    return XY(centre.x + dx / d * radius, centre.y + dy / d * radius)


def _clip(a: XY, b: XY, r: Rect) -> tuple[float, float] | None:
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
    span = _clip(c, towards, Rect(lab.x - 3, lab.y - 3, lab.width + 6, lab.height + 6))
    if span is not None:
        t = max(t, span[1] * d)
    return XY(c.x + ux * t, c.y + uy * t)


def route_ties(
    case: Case, boxes: dict[str, EcoPerson], circles: dict[str, EcoCircle]
) -> tuple[TieLine, ...]:
    """Each tie whose two ends are drawn, bowed round boxes and circles in its way."""
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
    for t in case.network.ties:
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
            obstacles = [p.rect for p in boxes.values() if p.id not in ends and p.group != circ_a]
            obstacles = [r for r in obstacles if not (circ_b and _inside(r, circles[circ_b]))]
            obstacles += [_core(c) for c in circles.values() if c.id not in skip]
            control = _bow(ca, cb, obstacles, nth)
            if not (rim_a or rim_b) and t.a in boxes and t.b in boxes:
                pa, pb = boxes[t.a], boxes[t.b]
                if pa.group == pb.group == HOUSEHOLD and abs(ca.y - cb.y) < 1.0:
                    # above the couple line, not along it
                    control = XY((ca.x + cb.x) / 2, ca.y - 40.0 - 16.0 * nth)
            aim_a = control if control is not None else cb
            aim_b = control if control is not None else ca
            start = _person_edge(boxes[t.a], aim_a) if circ_a is None else _edge(ca, ra, aim_a)
            end = _person_edge(boxes[t.b], aim_b) if circ_b is None else _edge(cb, rb, aim_b)
            pts = [start, end] if control is None else quadratic(start, control, end)
            inner_a = t.a in boxes and boxes[t.a].group != HOUSEHOLD and not rim_a
            inner_b = t.b in boxes and boxes[t.b].group != HOUSEHOLD and not rim_b
            if inner_a or inner_b:  # lines into a domain part inside it: letters there
                f = 0.5 if inner_a == inner_b else (0.72 if inner_b else 0.28)
                label = point_at(pts, length(pts) * f)[0]
            else:
                label = _label_at(pts, list(circles.values()))
            out.append(TieLine(t.id, t.a, t.b, start, end, control, label, rim_a, rim_b))
    return _spread_labels(case, out, [p.rect for p in boxes.values()])


LETTER_W = 10.0
LETTER_H = 20.0


def _label_box(tie: Tie, at: XY) -> Rect:
    """The room the support letters take (a letter is about 10 wide in bold 14)."""
    count = len(tie.support) + (2 if tie.reciprocal else 0)
    w = count * LETTER_W + 8.0
    return Rect(at.x - w / 2, at.y - LETTER_H / 2, w, LETTER_H)


def _spread_labels(case: Case, lines: list[TieLine], boxes: list[Rect]) -> tuple[TieLine, ...]:
    """Move a tie's letters along its line when they would cover another tie's letters or a
    person: the first free place of the preferred one, the middle, then further out."""
    ties = {t.id: t for t in case.network.ties}
    taken: list[Rect] = []
    out: list[TieLine] = []
    for line in lines:
        tie = ties[line.id]
        if not tie.support and not tie.reciprocal:
            out.append(line)
            continue
        pts = line.points
        total = length(pts)
        spots = [line.label] + [
            point_at(pts, total * f)[0] for f in (0.65, 0.5, 0.75, 0.4, 0.85, 0.3, 0.2)
        ]
        chosen = line.label
        for spot in spots:
            room = _label_box(tie, spot)
            if not any(room.overlaps(r) for r in (*taken, *boxes)):
                chosen = spot
                break
        taken.append(_label_box(tie, chosen))
        out.append(replace(line, label=chosen))
    return tuple(out)


def _label_at(pts: list[XY], circles: list[EcoCircle], samples: int = 40) -> XY:
    """A little past the middle of the longest stretch of the line outside every circle; when
    that stretch is short, two thirds along the line, where lines from one place part."""
    total = length(pts)
    along = [point_at(pts, total * i / samples)[0] for i in range(samples + 1)]
    free = [all(math.hypot(p.x - c.cx, p.y - c.cy) > c.r + 4 for c in circles) for p in along]
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
        return along[int(samples * 0.65)]
    return along[best[0] + int((best[1] - 1 - best[0]) * 0.55 + 0.5)]


def _inside(r: Rect, c: EcoCircle) -> bool:
    return math.hypot(r.x + r.width / 2 - c.cx, r.y + r.height / 2 - c.cy) < c.r


def _core(c: EcoCircle) -> Rect:
    h = c.r * 0.8
    return Rect(c.cx - h, c.cy - h, 2 * h, 2 * h)


def _bow(a: XY, b: XY, obstacles: list[Rect], nth: int) -> XY | None:
    dist = math.dist((a.x, a.y), (b.x, b.y)) or 1.0
    nx, ny = -(b.y - a.y) / dist, (b.x - a.x) / dist
    shift = 18.0 * ((nth + 1) // 2) * (1 if nth % 2 else -1)
    best: tuple[int, XY | None] | None = None
    for bow in BOWS:
        bend = bow + shift
        control = (
            None if bend == 0 else XY((a.x + b.x) / 2 + nx * bend, (a.y + b.y) / 2 + ny * bend)
        )
        pts = [a, b] if control is None else quadratic(a, control, b)
        hits = polyline_hits(pts, obstacles)
        if best is None or hits < best[0]:
            best = (hits, control)
        if hits == 0:
            break
    assert best is not None
    return best[1]
