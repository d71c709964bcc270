"""Genogram layout: where every symbol and line goes. Positions only, no drawing.

:func:`layout_genogram` turns a :class:`~zorgkracht.domain.Case` into a
:class:`GenogramLayout` of plain frozen dataclasses. The rules are in ``docs/genogram.md``:
generations in rows, partners side by side, children hanging from their parents' couple line
oldest left, several partners in chronological order around the person in the middle, pets
beside their owner, manual positions from ``case.positions["genogram"]`` (the centre of the
person's box). The same case always gives the same layout.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from zorgkracht.domain import Case, ChildRelation

from .family import FamilyGraph, select
from .geometry import XY, BoxIndex, Rect, polyline_hits_xy, quadratic, quadratic_xy
from .rows import Arranger

VIEW = "genogram"
BOX_W = 120.0
PET_W = 80.0
BOX_H = 84.0
YEARS_H = 14.0
SYMBOL = 40.0
PET_SYMBOL = 26.0
MARGIN = 24.0
COUPLE_DROP = 12.0
LEVEL_STEP = 14.0
BAR_CLEAR = 18.0
BAR_STEP = 10.0
TWIN_DROP = 10.0
INDEX_RING = 4.0


@dataclass(frozen=True, slots=True)
class PersonBox:
    """A person's place: the whole box (years above, symbol, name below) and its symbol."""

    id: str
    x: float
    y: float
    width: float
    height: float
    generation: int
    symbol: Rect
    pinned: bool = False

    @property
    def rect(self) -> Rect:
        return Rect(self.x, self.y, self.width, self.height)

    @property
    def centre(self) -> XY:
        return XY(self.symbol.x + self.symbol.width / 2, self.symbol.y + self.symbol.height / 2)


@dataclass(frozen=True, slots=True)
class CoupleLine:
    """Down from both partners' symbols to ``y`` and across; ``relation`` is ``None`` for two
    parents of one child who have no couple relation in the case."""

    id: str
    relation: str | None
    a: str
    b: str
    start: XY
    end: XY
    y: float
    level: int

    @property
    def mid(self) -> XY:
        return XY((self.start.x + self.end.x) / 2, self.y)


@dataclass(frozen=True, slots=True)
class FamilyLine:
    """From the couple line's middle (or the single parent) down to the sibling bar."""

    key: str
    parents: tuple[str, ...]
    couple: str | None
    generation: int
    origin: XY
    bar_y: float
    bar_x1: float
    bar_x2: float


@dataclass(frozen=True, slots=True)
class ChildLine:
    """From the sibling bar (``branch``; shared by twins) to the top of the child's symbol."""

    relation: str
    child: str
    family: str
    branch: XY
    end: XY
    via: XY | None = None
    """For twins: the line goes slanting from the branch point to the top of the box, then
    straight down to the symbol between the years."""

    @property
    def points(self) -> tuple[XY, ...]:
        return (self.branch, self.end) if self.via is None else (self.branch, self.via, self.end)


@dataclass(frozen=True, slots=True)
class TwinLink:
    """Twins hang from one branch point; identical twins also get a bar between their lines."""

    family: str
    group: str
    children: tuple[str, ...]
    identical: bool
    branch: XY
    start: XY | None
    end: XY | None


@dataclass(frozen=True, slots=True)
class EmotionLine:
    """An emotional relation, drawn over the family lines from ``a`` to ``b``; curved through
    ``control`` (a quadratic Bézier control point) where a straight line would cross a box."""

    id: str
    a: str
    b: str
    start: XY
    end: XY
    control: XY | None


@dataclass(frozen=True, slots=True)
class GenogramLayout:
    persons: tuple[PersonBox, ...]
    couples: tuple[CoupleLine, ...]
    families: tuple[FamilyLine, ...]
    children: tuple[ChildLine, ...]
    twins: tuple[TwinLink, ...]
    emotions: tuple[EmotionLine, ...]
    x: float
    y: float
    width: float
    height: float
    index: str | None
    hide_sensitive: bool = False

    def box(self, person_id: str) -> PersonBox:
        for box in self.persons:
            if box.id == person_id:
                return box
        raise KeyError(person_id)

    def ids(self) -> list[str]:
        return [b.id for b in self.persons]


def layout_genogram(
    case: Case,
    *,
    focus: str | None = None,
    generations: int | None = None,
    hide_sensitive: bool = False,
) -> GenogramLayout:
    """Lay out the genogram of ``case``; see the module docstring and ``docs/genogram.md``."""
    graph = select(case, focus=focus, generations=generations, hide_sensitive=hide_sensitive)
    arranger = Arranger(graph, lambda pid: _width(graph, pid), case.index_id)
    arranger.order()
    arranger.place()
    boxes = _boxes(case, graph, arranger)
    couples = _couples(graph, arranger, boxes)
    families, children, twins = _descent(graph, arranger, boxes, couples)
    emotions = _emotions(graph, boxes, case.index_id)
    persons = tuple(sorted(boxes.values(), key=lambda b: (b.generation, b.x, b.id)))
    return _framed(
        GenogramLayout(
            persons=persons,
            couples=couples,
            families=families,
            children=children,
            twins=twins,
            emotions=emotions,
            x=0.0,
            y=0.0,
            width=0.0,
            height=0.0,
            index=case.index_id if case.index_id in graph.order else None,
            hide_sensitive=hide_sensitive,
        )
    )


def _width(graph: FamilyGraph, pid: str) -> float:
    return PET_W if graph.person(pid).is_pet else BOX_W


def _row_tops(graph: FamilyGraph, arranger: Arranger) -> list[float]:
    """Top of each row: room below a row for its couple lines and the next row's bars."""
    count = len(arranger.rows)
    couple_levels = [0] * count
    for ps in graph.partnerships:
        row = max(graph.generation[ps.a], graph.generation[ps.b])
        couple_levels[row] = max(couple_levels[row], arranger.level.get(ps.id, 1))
    bar_levels = [1] * count
    for (row, _key), level in _bar_levels(graph, arranger).items():
        bar_levels[row] = max(bar_levels[row], level)
    tops = [MARGIN]
    for r in range(1, count):
        gap = (
            COUPLE_DROP
            + LEVEL_STEP * max(couple_levels[r - 1] - 1, 0)
            + 2 * BAR_CLEAR
            + BAR_STEP * (bar_levels[r] - 1)
        )
        tops.append(tops[-1] + BOX_H + gap)
    return tops


def _bar_groups(graph: FamilyGraph, arranger: Arranger) -> dict[tuple[int, str], list[str]]:
    """Children of each family by the row they stand on."""
    groups: dict[tuple[int, str], list[str]] = {}
    for ch, key in graph.child_relations:
        kids = groups.setdefault((graph.generation[ch.child], key), [])
        if ch.child not in kids:
            kids.append(ch.child)
    return groups


def _bar_levels(graph: FamilyGraph, arranger: Arranger) -> dict[tuple[int, str], int]:
    """Sibling bars in one gap that would overlap get different heights."""
    spans: list[tuple[int, float, float, str]] = []
    for (row, key), kids in _bar_groups(graph, arranger).items():
        xs = [arranger.center[k] for k in kids] + [arranger.drop(key)]
        spans.append((row, min(xs), max(xs), key))
    spans.sort()
    # bars come left edge first, so a bar already at a level starts left of this one: they
    # overlap (8 units of room counted) exactly when the one reaching furthest right reaches it
    reach: dict[tuple[int, int], float] = {}
    out: dict[tuple[int, str], int] = {}
    for row, lo, hi, key in spans:
        level = 1
        while (row, level) in reach and lo <= reach[(row, level)] + 8:
            level += 1
        reach[(row, level)] = max(reach.get((row, level), hi), hi)
        out[(row, key)] = level
    return out


def _boxes(case: Case, graph: FamilyGraph, arranger: Arranger) -> dict[str, PersonBox]:
    tops = _row_tops(graph, arranger)
    lefts = [arranger.center[p.id] - _width(graph, p.id) / 2 for p in graph.persons]
    shift = MARGIN - min(lefts, default=0.0)
    pinned = case.positions.get(VIEW, {})
    out: dict[str, PersonBox] = {}
    for p in graph.persons:
        w = _width(graph, p.id)
        x, y = arranger.center[p.id] - w / 2 + shift, tops[graph.generation[p.id]]
        point = pinned.get(p.id)
        if point is not None:
            x, y = point.x - w / 2, point.y - BOX_H / 2
        size = PET_SYMBOL if p.is_pet else SYMBOL
        symbol = Rect(x + (w - size) / 2, y + YEARS_H + (SYMBOL - size) / 2, size, size)
        out[p.id] = PersonBox(
            id=p.id,
            x=x,
            y=y,
            width=w,
            height=BOX_H,
            generation=graph.generation[p.id],
            symbol=symbol,
            pinned=point is not None,
        )
    return out


def _couples(
    graph: FamilyGraph, arranger: Arranger, boxes: dict[str, PersonBox]
) -> tuple[CoupleLine, ...]:
    out: list[CoupleLine] = []
    for ps in graph.partnerships:
        a, b = boxes[ps.a], boxes[ps.b]
        level = arranger.level.get(ps.id, 1)
        y = max(a.y + a.height, b.y + b.height) + COUPLE_DROP + LEVEL_STEP * (level - 1)
        out.append(
            CoupleLine(
                id=ps.id,
                relation=ps.relation.id if ps.relation is not None else None,
                a=ps.a,
                b=ps.b,
                start=XY(a.centre.x, a.symbol.bottom),
                end=XY(b.centre.x, b.symbol.bottom),
                y=y,
                level=level,
            )
        )
    return tuple(out)


def _descent(
    graph: FamilyGraph,
    arranger: Arranger,
    boxes: dict[str, PersonBox],
    couples: tuple[CoupleLine, ...],
) -> tuple[tuple[FamilyLine, ...], tuple[ChildLine, ...], tuple[TwinLink, ...]]:
    couple = {c.id: c for c in couples}
    fam = {f.key: f for f in graph.families}
    levels = _bar_levels(graph, arranger)
    groups = _bar_groups(graph, arranger)
    families: list[FamilyLine] = []
    children: list[ChildLine] = []
    twins: list[TwinLink] = []
    branch_of: dict[tuple[str, str], XY] = {}
    relations_of: dict[str, list[ChildRelation]] = {}
    for ch, k in graph.child_relations:
        relations_of.setdefault(k, []).append(ch)
    for (row, key), kids in groups.items():
        f = fam[key]
        if f.partnership is not None:
            origin = couple[f.partnership].mid
        else:
            parent = boxes[f.parents[0]]
            origin = XY(parent.centre.x, parent.symbol.bottom)
        top = min(boxes[k].y for k in kids)
        bar_y = top - BAR_CLEAR - BAR_STEP * (levels[(row, key)] - 1)
        twin_groups: dict[str, list[str]] = {}
        twin_type: dict[str, bool] = {}
        for ch in relations_of[key]:
            if ch.child in kids and ch.twin_group is not None:
                members = twin_groups.setdefault(ch.twin_group, [])
                if ch.child not in members:
                    members.append(ch.child)
                twin_type[ch.twin_group] = twin_type.get(ch.twin_group, False) or (
                    ch.twin_type is not None and ch.twin_type.value == "identical"
                )
        for group in sorted(twin_groups):
            members = sorted(twin_groups[group], key=lambda k: boxes[k].centre.x)
            if len(members) < 2:
                continue
            xs = [boxes[m].centre.x for m in members]
            branch = XY(sum(xs) / len(xs), bar_y)
            for m in members:
                branch_of[(key, m)] = branch
            start = end = None
            if twin_type[group]:
                first, last = boxes[members[0]], boxes[members[-1]]
                start = _along(branch, XY(first.centre.x, first.y), 0.45)
                end = _along(branch, XY(last.centre.x, last.y), 0.45)
            twins.append(TwinLink(key, group, tuple(members), twin_type[group], branch, start, end))
        xs = [boxes[k].centre.x for k in kids if (key, k) not in branch_of] + [origin.x]
        xs += [p.x for (fk, _m), p in branch_of.items() if fk == key]
        families.append(
            FamilyLine(key, f.parents, f.partnership, row, origin, bar_y, min(xs), max(xs))
        )
        for ch in relations_of[key]:
            if ch.child not in kids:
                continue
            box = boxes[ch.child]
            end = XY(box.centre.x, box.symbol.y)
            twin_branch = branch_of.get((key, ch.child))
            if twin_branch is None:
                children.append(ChildLine(ch.id, ch.child, key, XY(end.x, bar_y), end))
            else:
                via = XY(end.x, box.y)
                children.append(ChildLine(ch.id, ch.child, key, twin_branch, end, via))
    return tuple(families), tuple(children), tuple(twins)


def _along(a: XY, b: XY, t: float) -> XY:
    return XY(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t)


def _emotions(
    graph: FamilyGraph, boxes: dict[str, PersonBox], index: str
) -> tuple[EmotionLine, ...]:
    """Straight from symbol edge to symbol edge, or bowed round boxes in the way."""
    out: list[EmotionLine] = []
    seen: dict[tuple[str, str], int] = {}
    nearby = BoxIndex([(pid, box.rect) for pid, box in boxes.items()]) if graph.emotions else None
    for e in graph.emotions:
        assert nearby is not None
        a, b = boxes[e.a], boxes[e.b]
        pair = (e.a, e.b) if e.a <= e.b else (e.b, e.a)
        nth = seen.get(pair, 0)
        seen[pair] = nth + 1
        ca, cb = a.centre, b.centre
        dist = math.dist((ca.x, ca.y), (cb.x, cb.y)) or 1.0
        nx, ny = -(cb.y - ca.y) / dist, (cb.x - ca.x) / dist
        best: tuple[int, int, XY | None] | None = None
        bows = _bows(nth)
        if abs(cb.x - ca.x) < 2:  # would run along a parent-child line: bow it
            bows = [b for b in bows if b != 0]
        for step, bow in enumerate(bows):
            control = (
                None if bow == 0 else XY((ca.x + cb.x) / 2 + nx * bow, (ca.y + cb.y) / 2 + ny * bow)
            )
            if control is None:
                xs, ys = [ca.x, cb.x], [ca.y, cb.y]
            else:
                xs, ys = quadratic_xy(ca, control, cb)  # the points of quadratic(), as numbers
            # a curve with as many hits as the best so far is no better: stop counting there
            limit = None if best is None else best[0]
            near = nearby.near_xy(xs, ys, (e.a, e.b))
            hits = polyline_hits_xy(xs, ys, near, stop_at=limit)
            if best is None or hits < best[0]:
                best = (hits, step, control)
            if hits == 0:
                break
        assert best is not None
        control = best[2]
        start = _edge(a, control if control is not None else cb, e.a == index)
        end = _edge(b, control if control is not None else ca, e.b == index)
        out.append(EmotionLine(e.id, e.a, e.b, start, end, control))
    return tuple(out)


def _bows(nth: int) -> list[float]:
    base = [0.0, 50.0, -50.0, 100.0, -100.0, 160.0, -160.0, 240.0, -240.0]
    if nth == 0:
        return base
    shift = 16.0 * ((nth + 1) // 2) * (1 if nth % 2 else -1)
    return [b + shift for b in base if b >= 0] + [b - shift for b in base if b < 0]


def _edge(box: PersonBox, towards: XY, index: bool = False) -> XY:
    """Where the line from the symbol's centre towards ``towards`` leaves the symbol (outside
    the index person's second outline, which lies ``INDEX_RING`` further out)."""
    c = box.centre
    dx, dy = towards.x - c.x, towards.y - c.y
    d = math.hypot(dx, dy)
    if d == 0:
        return c
    r = box.symbol.width / 2 + 2 + (INDEX_RING if index else 0.0)
    return XY(c.x + dx / d * r, c.y + dy / d * r)


def _framed(layout: GenogramLayout) -> GenogramLayout:
    """The same layout with its frame set round everything drawn, margin included."""
    xs: list[float] = [0.0]
    ys: list[float] = [0.0]
    for box in layout.persons:
        xs += [box.x - MARGIN, box.x + box.width + MARGIN]
        ys += [box.y - MARGIN, box.y + box.height + MARGIN]
    for c in layout.couples:
        ys.append(c.y + MARGIN)
    for e in layout.emotions:
        if e.control is not None:
            for p in quadratic(e.start, e.control, e.end, 8):
                xs += [p.x - MARGIN, p.x + MARGIN]
                ys += [p.y - MARGIN, p.y + MARGIN]
    x0, y0 = min(xs), min(ys)
    return GenogramLayout(
        persons=layout.persons,
        couples=layout.couples,
        families=layout.families,
        children=layout.children,
        twins=layout.twins,
        emotions=layout.emotions,
        x=x0,
        y=y0,
        width=max(xs) - x0,
        height=max(ys) - y0,
        index=layout.index,
        hide_sensitive=layout.hide_sensitive,
    )
