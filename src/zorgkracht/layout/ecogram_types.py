"""The parts of an ecogram layout: persons, circles, family lines and tie lines.

Plain frozen dataclasses in SVG user units (y grows downwards); see
:mod:`zorgkracht.layout.ecogram` and ``docs/ecogram.md``.
"""

from __future__ import annotations

from dataclasses import dataclass

from .geometry import XY, Rect, quadratic
from .memo import on_forget

_CURVES: dict[tuple[XY, XY, XY], tuple[XY, ...]] = {}
_CURVES_SIZE = 5_000
on_forget(_CURVES.clear)


def curve(start: XY, control: XY, end: XY) -> tuple[XY, ...]:
    """:func:`quadratic` through ``control``, remembered: a tie's curve is needed by the label
    placement and by the drawing, and again on every redraw that moves nobody."""
    key = (start, control, end)
    known = _CURVES.get(key)
    if known is None:
        if len(_CURVES) >= _CURVES_SIZE:
            _CURVES.clear()
        known = _CURVES[key] = tuple(quadratic(start, control, end))
    return known


HOUSEHOLD = "_household"
"""Group and circle id of the client system (the central circle)."""
OTHER = "_other"
"""Group and circle id of the persons in no domain whose role says nothing of where they
belong (*anderen / others*)."""
FAMILY = "_family"
FRIENDS = "_friends"
NEIGHBOURS = "_neighbours"
WORK = "_work"
HELP = "_help"
ACQUAINTANCES = "_acquaintances"
GROUP_TITLES: dict[str, tuple[str, str]] = {
    FAMILY: ("Familie", "Family"),
    FRIENDS: ("Vrienden", "Friends"),
    NEIGHBOURS: ("Buren", "Neighbours"),
    WORK: ("Werk en school", "Work and school"),
    HELP: ("Hulp en diensten", "Help and services"),
    ACQUAINTANCES: ("Kennissen", "Acquaintances"),
    OTHER: ("Anderen", "Others"),
}
"""The circles of the persons in no domain, by their role (book ch. 4: the clusters round the
client system such as friends, work, church; family outside the household is one of them), in
the order they follow the domains; the title in Dutch and English."""


@dataclass(frozen=True, slots=True)
class EcoPerson:
    """A person's box (symbol on top, name below), and the circle they are drawn in."""

    id: str
    x: float
    y: float
    width: float
    height: float
    symbol: Rect
    label: Rect
    """Where the name is written, below the symbol."""
    group: str
    """:data:`HOUSEHOLD`, a domain id, or a key of :data:`GROUP_TITLES`."""
    pinned: bool = False

    @property
    def rect(self) -> Rect:
        return Rect(self.x, self.y, self.width, self.height)

    @property
    def centre(self) -> XY:
        return XY(self.symbol.x + self.symbol.width / 2, self.symbol.y + self.symbol.height / 2)


@dataclass(frozen=True, slots=True)
class EcoCircle:
    """The central circle, a domain circle, or a circle of persons in no domain."""

    id: str
    kind: str
    """``household``, ``domain`` or ``other`` (a circle of :data:`GROUP_TITLES`)."""
    cx: float
    cy: float
    r: float
    title: tuple[str, ...]
    """The domain name in lines (empty for the central circle; for a circle of persons in no
    domain the Dutch and the English title, :data:`GROUP_TITLES`)."""
    title_top: float
    members: tuple[str, ...]
    """Ids of the persons drawn inside, in drawing order."""
    pinned: bool = False

    @property
    def centre(self) -> XY:
        return XY(self.cx, self.cy)

    @property
    def bbox(self) -> Rect:
        return Rect(self.cx - self.r, self.cy - self.r, 2 * self.r, 2 * self.r)


@dataclass(frozen=True, slots=True)
class CoupleLink:
    """A couple in the client system: a line between the two symbols."""

    relation: str | None
    a: str
    b: str
    type: str
    start: XY
    end: XY


@dataclass(frozen=True, slots=True)
class DescentLink:
    """A child in the client system hanging from its parents: ``points`` from the couple line
    (or the single parent) down to the child's symbol."""

    relation: str
    child: str
    type: str
    points: tuple[XY, ...]


@dataclass(frozen=True, slots=True)
class TieLine:
    """A tie from end ``a`` to end ``b``; a quadratic curve through ``control`` when bowed.
    ``rim_a``/``rim_b``: that end is a household member and the line starts at the rim."""

    id: str
    a: str
    b: str
    start: XY
    end: XY
    control: XY | None
    label: XY
    """Where the support letters go: on the line, in the open between the circles."""
    rim_a: bool = False
    rim_b: bool = False

    @property
    def points(self) -> list[XY]:
        if self.control is None:
            return [self.start, self.end]
        return list(curve(self.start, self.control, self.end))


@dataclass(frozen=True, slots=True)
class EcogramLayout:
    persons: tuple[EcoPerson, ...]
    circles: tuple[EcoCircle, ...]
    """The central circle first, then the domains in input order, then the circles of the
    persons in no domain (:data:`GROUP_TITLES` order)."""
    couples: tuple[CoupleLink, ...]
    descents: tuple[DescentLink, ...]
    ties: tuple[TieLine, ...]
    x: float
    y: float
    width: float
    height: float
    client: str

    def person(self, person_id: str) -> EcoPerson:
        for p in self.persons:
            if p.id == person_id:
                return p
        raise KeyError(person_id)

    def circle(self, circle_id: str) -> EcoCircle:
        for c in self.circles:
            if c.id == circle_id:
                return c
        raise KeyError(circle_id)

    def ids(self) -> list[str]:
        return [p.id for p in self.persons]
