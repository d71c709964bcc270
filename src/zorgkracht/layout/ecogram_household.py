"""The parts of an ecogram that are laid out apart from where they end up: the client system as
a compact genogram, and the persons of one domain packed into a circle.

Both work in local coordinates round ``(0, 0)``; :mod:`zorgkracht.layout.ecogram` moves them to
their place. Loops run over lists in input order, never over sets, so the result does not depend
on hash seeds. See ``docs/ecogram.md``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from zorgkracht.domain import Case, Person
from zorgkracht.domain.codes import ChildType

from .geometry import XY, Rect
from .memo import on_forget
from .text import wrap_words

SYMBOL = 32.0
PET_SYMBOL = 24.0
NAME_SIZE = 13.0
NAME_LINE = 16.0
NAME_CHARS = 18
NAME_WIDEST = 26
"""A name's lines grow up to this many characters rather than cut it (``layout/text.py``)."""
CHAR_W = 0.6
"""Estimated width of a character in em (DejaVu Sans averages a little under 0.6 em)."""
NAME_TOP = SYMBOL + 4.0
BOX_H = NAME_TOP + 2 * NAME_LINE + 2.0
MIN_BOX_W = 64.0
COL_GAP = 10.0
ROW_MAX = 4
"""A row of the client system with more persons is split into parts below each other."""
ROW_GAP = 34.0
BAR_CLEAR = 14.0
CIRCLE_PAD = 14.0
TITLE_SIZE = 15.0
TITLE_LINE = 19.0
TITLE_CHARS = 18
TITLE_GAP = 8.0
MIN_RADIUS = 60.0
FACING_MAX = 10
"""A circle of at most this many persons has them all in one row or column facing the client
system; a larger one a grid (where a line may pass a name in front)."""


@dataclass(frozen=True, slots=True)
class LocalBox:
    """A person's box (symbol on top, name below) in local coordinates."""

    id: str
    rect: Rect
    symbol: Rect
    label: Rect
    """Where the name is written, below the symbol."""


@dataclass(frozen=True, slots=True)
class LocalCouple:
    relation: str | None
    a: str
    b: str
    type: str
    """A :class:`~zorgkracht.domain.codes.CoupleType` value, or ``"implicit"``."""


@dataclass(frozen=True, slots=True)
class LocalChild:
    relation: str
    child: str
    parents: tuple[str, ...]
    type: ChildType
    passes: tuple[str, ...] = ()
    """A child in a second (or later) part of a long row: the first box of each part above
    it, so that its line goes down along the left of those parts."""


@dataclass(frozen=True, slots=True)
class Household:
    boxes: tuple[LocalBox, ...]
    couples: tuple[LocalCouple, ...]
    children: tuple[LocalChild, ...]
    radius: float


def name_lines(person: Person) -> list[str]:
    """The name as drawn under the symbol: two lines, or one line and the kind for a pet."""
    return list(_name_lines(person.name, person.pet))


@lru_cache(maxsize=4096)
def _name_lines(name: str, pet: str | None) -> tuple[str, ...]:
    """:func:`name_lines` of a name (and a pet's kind), remembered: every person's box is
    measured on every redraw, a few times."""
    if pet is not None:
        return (*wrap_words(name, NAME_CHARS, 1, widest=NAME_WIDEST), f"({pet})")
    return tuple(wrap_words(name, NAME_CHARS, 2, widest=NAME_WIDEST))


on_forget(_name_lines.cache_clear)  # names are client data: dropped with an erased case


def text_width(lines: list[str], size: float = NAME_SIZE) -> float:
    return max((len(line) for line in lines), default=0) * size * CHAR_W


def box_width(person: Person) -> float:
    return max(MIN_BOX_W, text_width(name_lines(person)) + 10.0)


def make_box(person: Person, left: float, top: float, width: float | None = None) -> LocalBox:
    w = width if width is not None else box_width(person)
    size = PET_SYMBOL if person.is_pet else SYMBOL
    symbol = Rect(left + (w - size) / 2, top + (SYMBOL - size) / 2, size, size)
    lines = name_lines(person)
    tw = text_width(lines) + 4.0
    label = Rect(left + (w - tw) / 2, top + NAME_TOP, tw, NAME_LINE * len(lines) + 2.0)
    return LocalBox(person.id, Rect(left, top, w, BOX_H), symbol, label)


def reach(rects: list[Rect]) -> float:
    """Distance from ``(0, 0)`` to the farthest corner of any of ``rects``."""
    return max(
        (math.hypot(max(abs(r.x), abs(r.right)), max(abs(r.y), abs(r.bottom))) for r in rects),
        default=0.0,
    )


def household_ids(case: Case) -> list[str]:
    """The client system: the client first, then the household in input order."""
    known = case.network.person_ids()
    out = [case.client] if case.client in known else []
    for pid in case.network.household:
        if pid in known and pid not in out:
            out.append(pid)
    return out


def _generations(case: Case, ids: list[str]) -> dict[str, int]:
    """Rows of the client system: parents above children, partners side by side, everyone
    without a family line in the client's row. Bounded passes, so bad data cannot loop."""
    inside = set(ids)
    gen = dict.fromkeys(ids, 0)
    linked: set[str] = set()
    kids = [
        ch
        for ch in case.network.children
        if ch.child in inside and any(p in inside for p in ch.parents)
    ]
    pairs = [c for c in case.network.couples if c.a in inside and c.b in inside and c.a != c.b]
    for ch in kids:
        linked.add(ch.child)
        linked.update(p for p in ch.parents if p in inside)
    for c in pairs:
        linked.update((c.a, c.b))
    for _ in range(len(ids) + 1):
        changed = False
        for ch in kids:
            level = max(gen[p] for p in ch.parents if p in inside) + 1
            if gen[ch.child] < level and level <= len(ids):
                gen[ch.child] = level
                changed = True
        for c in pairs:
            level = max(gen[c.a], gen[c.b])
            if gen[c.a] != level or gen[c.b] != level:
                gen[c.a] = gen[c.b] = level
                changed = True
        if not changed:
            break
    client_row = gen[ids[0]] if ids else 0
    for pid in ids:
        if pid not in linked:
            gen[pid] = client_row
    ranks = {g: n for n, g in enumerate(sorted(set(gen.values())))}
    return {pid: ranks[gen[pid]] for pid in ids}


def layout_household(case: Case) -> Household:
    """The client system as a small genogram centred on ``(0, 0)``: one row per generation,
    partners next to each other, children below their parents (in birth order when every
    birth year in the row is known, else in household order), persons without a family line
    and pets at the end of the client's row; a row of more than :data:`ROW_MAX` persons is
    split into parts below each other."""
    ids = household_ids(case)
    net = case.network
    people = {p.id: p for p in net.persons}
    inside = set(ids)
    gen = _generations(case, ids)
    position = {pid: n for n, pid in enumerate(ids)}
    parents_of: dict[str, list[str]] = {}
    children: list[LocalChild] = []
    for ch in net.children:
        parents = tuple(p for p in ch.parents if p in inside and p != ch.child)
        if ch.child in inside and parents and ch.child not in parents_of:
            parents_of[ch.child] = list(parents)
            children.append(LocalChild(ch.id, ch.child, parents, ch.type))
    partners: dict[str, list[str]] = {}
    couples: list[LocalCouple] = []
    for c in net.couples:
        if c.a in inside and c.b in inside and c.a != c.b:
            partners.setdefault(c.a, []).append(c.b)
            partners.setdefault(c.b, []).append(c.a)
            couples.append(LocalCouple(c.id, c.a, c.b, c.type.value))
    linked = set(parents_of) | set(partners) | {p for ps in parents_of.values() for p in ps}
    rows_count = max(gen.values(), default=-1) + 1
    slot: dict[str, float] = {}
    rows: list[list[str]] = []
    for row in range(rows_count):
        members = [pid for pid in ids if gen[pid] == row]

        dated = all(people[pid].birth_year is not None for pid in members)
        keys: dict[str, tuple[int, float, int, int]] = {}
        for pid in members:
            above = [slot[p] for p in parents_of.get(pid, []) if p in slot]
            person = people[pid]
            keys[pid] = (
                2 if person.is_pet else (1 if pid not in linked else 0),
                sum(above) / len(above) if above else -1.0,
                (person.birth_year or 0) if dated else 0,
                position[pid],
            )
        order: list[str] = []
        for pid in sorted(members, key=keys.__getitem__):
            if pid in order:
                continue
            order.append(pid)
            for other in partners.get(pid, []):
                if other in members and other not in order and other not in parents_of:
                    order.append(other)
        rows.append(order)
        for n, pid in enumerate(order):
            slot[pid] = n - (len(order) - 1) / 2
    parts: list[list[str]] = []
    passes: dict[str, tuple[str, ...]] = {}
    for order in rows:
        count = -(-len(order) // ROW_MAX)
        size = -(-len(order) // count) if order else 0
        chunks = [order[i : i + size] for i in range(0, len(order), size)] if order else [[]]
        for n, chunk in enumerate(chunks):
            for pid in chunk:
                passes[pid] = tuple(c[0] for c in chunks[:n])
        parts += chunks
    children = [
        LocalChild(c.relation, c.child, c.parents, c.type, passes.get(c.child, ()))
        for c in children
    ]
    rows = parts
    rows_count = len(rows)
    boxes: list[LocalBox] = []
    total_h = rows_count * BOX_H + max(rows_count - 1, 0) * ROW_GAP
    for row, order in enumerate(rows):
        width = sum(box_width(people[p]) for p in order) + COL_GAP * max(len(order) - 1, 0)
        left = -width / 2
        top = -total_h / 2 + row * (BOX_H + ROW_GAP)
        for pid in order:
            box = make_box(people[pid], left, top)
            boxes.append(box)
            left = box.rect.right + COL_GAP
    couples += _implicit_couples(children, couples, gen)
    radius = max(reach([b.rect for b in boxes]) + CIRCLE_PAD, MIN_RADIUS)
    return Household(tuple(boxes), tuple(couples), tuple(children), radius)


def _implicit_couples(
    children: list[LocalChild], couples: list[LocalCouple], gen: dict[str, int]
) -> list[LocalCouple]:
    """Two parents in one row with a child but no couple relation still get a (thin) line."""
    known = {(c.a, c.b) for c in couples} | {(c.b, c.a) for c in couples}
    out: list[LocalCouple] = []
    for ch in children:
        if len(ch.parents) == 2:
            a, b = ch.parents
            if (a, b) not in known and gen[a] == gen[b]:
                known.update(((a, b), (b, a)))
                out.append(LocalCouple(None, a, b, "implicit"))
    return out


def wrap_title(text: str) -> tuple[str, ...]:
    """A domain name in at most three lines; only words over 24 characters are broken."""
    return tuple(wrap_words(text, TITLE_CHARS, 3, 24, widest=24)) or ("",)


def title_width(lines: tuple[str, ...]) -> float:
    """Estimated width of a bold title (DejaVu Sans Bold is about 0.7 em a character)."""
    return max((len(line) for line in lines), default=0) * TITLE_SIZE * 0.7


@dataclass(frozen=True, slots=True)
class Packed:
    """A domain's content round ``(0, 0)``: the members' boxes, the title's top edge, the
    circle's radius and the number of grid columns chosen."""

    boxes: tuple[LocalBox, ...]
    title_top: float
    radius: float
    cols: int


def pack(
    persons: list[Person],
    title_lines: int,
    title_w: float,
    towards: XY | None = None,
    cols: int | None = None,
    *,
    fill: bool = True,
    cell: float | None = None,
) -> Packed:
    """Members in a grid inside the smallest circle, the title on the far side.

    ``towards`` is the unit direction from the circle to the client system, ``None`` before
    the circle has a place. ``persons`` come nearest-first: they take the grid places nearest
    the client system. Above or below the client system a wide grid (no more rows than
    columns), which faces it, is preferred when its circle is at most 35% larger. ``cols``
    fixes the grid. ``fill=False``: only the size and the grid, no boxes (for the passes that
    only measure). ``cell``: the widest of the members' :func:`box_width`, when known."""
    title_below = towards is not None and towards.y < -0.3
    wide = None if towards is None or abs(towards.y) < 0.6 else True
    title_h = title_lines * TITLE_LINE
    count = len(persons)
    options = [cols] if cols is not None else list(range(1, max(count, 1) + 1))
    if cols is None and towards is not None and 1 < count <= FACING_MAX:
        # one row (above or below the client system) or one column (beside it), so that no
        # member stands in front of another and every line reaches its person unhindered
        options = [count] if abs(towards.y) >= 0.6 else [1]
    if cell is None:
        cell = max((box_width(p) for p in persons), default=MIN_BOX_W)
    best: tuple[float, int, float, float, float] | None = None
    hypot = math.hypot
    for n_cols in options:
        n_rows = -(-count // n_cols)
        grid_h = n_rows * BOX_H + max(n_rows - 1, 0) * COL_GAP
        total = title_h + (TITLE_GAP + grid_h if n_rows else 0.0)
        top = -total / 2
        title_top = top + grid_h + TITLE_GAP if title_below and n_rows else top
        grid_top = top if title_below else top + title_h + TITLE_GAP
        # the farthest corners are those of a row's first and last cell; rows of one length
        # have the same cells side to side, so the first, the last full and the last row do
        # reach() of the title and those cells, computed without making their Rects
        tx = -title_w / 2
        far = hypot(max(abs(tx), abs(tx + title_w)), max(abs(title_top), abs(title_top + title_h)))
        for n in sorted({0, max(n_rows - 2, 0), n_rows - 1} if n_rows else set()):
            length = n_cols if n < n_rows - 1 else count - n_cols * (n_rows - 1)
            width = length * cell + COL_GAP * (length - 1)
            y = grid_top + n * (BOX_H + COL_GAP) + BOX_H / 2
            ry = y - BOX_H / 2
            vy = max(abs(ry), abs(ry + BOX_H))
            for k in {0, length - 1}:
                rx = -width / 2 + k * (cell + COL_GAP) + cell / 2 - cell / 2
                d = hypot(max(abs(rx), abs(rx + cell)), vy)
                if d > far:
                    far = d
        radius = max(far + CIRCLE_PAD, MIN_RADIUS)
        facing = wide is None or n_rows <= n_cols or count <= 1
        cost = radius * (1.0 if facing else 1.35)
        if best is None or cost < best[0] - 1e-9:
            best = (cost, n_cols, grid_top, title_top, radius)
    assert best is not None
    _, n_cols, grid_top, title_top, radius = best
    if not fill:
        return Packed((), title_top, radius, n_cols)
    slots: list[tuple[float, float]] = []  # centres of equal cells
    for n, first in enumerate(range(0, count, n_cols)):
        length = min(n_cols, count - first)
        width = length * cell + COL_GAP * (length - 1)
        y = grid_top + n * (BOX_H + COL_GAP) + BOX_H / 2
        for k in range(length):
            slots.append((-width / 2 + k * (cell + COL_GAP) + cell / 2, y))
    boxes = _fill(persons, slots, cell, towards)
    return Packed(tuple(boxes), title_top, radius, n_cols)


def _fill(
    persons: list[Person], slots: list[tuple[float, float]], cell: float, towards: XY | None
) -> list[LocalBox]:
    """Persons into the grid's cells; nearest-first into the cells nearest the client system."""
    order = list(range(len(slots)))
    if towards is not None:
        order.sort(key=lambda i: (-(slots[i][0] * towards.x + slots[i][1] * towards.y), i))
    return [
        make_box(person, slots[i][0] - cell / 2, slots[i][1] - BOX_H / 2, cell)
        for person, i in zip(persons, order, strict=True)
    ]
