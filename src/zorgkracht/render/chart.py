"""Shared drawing for the netwerkkaart, netwerkschema, levenslijn and sociogram.

The document root (``role="img"`` with a ``<title>``), a person's symbol with the name under it
(a ``<g data-person-id data-bbox>``), a legend of only the symbols a picture uses, and small text
helpers. Shapes come from :mod:`zorgkracht.render.symbols`, so a person looks the same on
every view.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from zorgkracht.domain import Person
from zorgkracht.i18n import Text, in_language
from zorgkracht.layout.geometry import XY, Rect
from zorgkracht.layout.radial import Slot

from . import symbols as sym
from .content import gender_kind
from .genogram import FONT, halo_text, wrap
from .legend import label as genogram_label
from .legend import sample as genogram_sample
from .svg import SVG_NS, AttrValue, Element, num

LEGEND_W = 270.0
ITEM_H = 26.0
NAME_CHARS = 15
"""Characters of a name line in a slot 110 wide (about 0.6 em each at 12)."""
NAME_LINES = 3
NAME_WIDEST = NAME_CHARS
"""Lines do not grow past the slot's width (a wider name could meet its neighbour's): a single
word longer than a line is still broken with a hyphen here."""
NAME_SIZE = 12.0
NAME_LINE = 14.0
CLIENT_WORDS = ("cliënt", "client")


def tr(nl: str, en: str, lang: str) -> str:
    """The text in the user's language (Dutch unless ``lang`` is ``"en"``)."""
    return in_language(Text(nl, en), lang)


def private(sensitive: bool, lang: str) -> str:
    """The note a table adds to what must not be shown to network members."""
    return f" ({tr('gevoelig', 'sensitive', lang)})" if sensitive else ""


def bbox(rect: Rect) -> str:
    return f"{num(rect.x)} {num(rect.y)} {num(rect.width)} {num(rect.height)}"


def root(area: Rect, legend: tuple[Element, float, float] | None, title: str, desc: str) -> Element:
    """The ``<svg>`` element for a picture in ``area`` (user units), with the legend to its
    right when there is one."""
    width = area.width + (legend[1] if legend is not None else 0.0)
    height = max(area.height, legend[2] + 24) if legend is not None else area.height
    svg = Element(
        "svg",
        xmlns=SVG_NS,
        viewBox=f"{num(area.x)} {num(area.y)} {num(width)} {num(height)}",
        width=num(width),
        height=num(height),
        role="img",
        aria_labelledby="zk-title zk-desc",
        font_family=FONT,
    )
    svg.add("title", title, id="zk-title")
    svg.add("desc", desc, id="zk-desc")
    svg.add("rect", x=area.x, y=area.y, width=width, height=height, fill="#fff")
    return svg


def person_kind(person: Person) -> str:
    """The symbol of a person: ``male``, ``female``, ``other``, ``unknown``, ``pet`` or
    ``organisation``."""
    return gender_kind(person)


def client_rows(client: Slot | None, persons: dict[str, Person], lang: str) -> list[dict[str, str]]:
    """The table's first row, for the client drawn in the centre (none when not drawn)."""
    if client is None:
        return []
    return [
        {
            "kind": tr("cliënt", "client", lang),
            "id": client.id,
            "who": persons[client.id].name,
            "details": tr("in het midden", "in the centre", lang),
        }
    ]


def person_group(
    person: Person,
    slot: Slot,
    *,
    client: bool = False,
    ring: bool = False,
    data: dict[str, str] | None = None,
) -> Element:
    """A person's symbol and name as a ``<g data-person-id data-bbox>``; the client gets a
    double outline, ``ring`` a dashed ring round the symbol (a connecting person)."""
    g = Element("g", class_="person")
    g.set_raw("data-person-id", person.id)
    g.set_raw("data-bbox", bbox(slot.rect))
    if person.organisation:
        g.set_raw("data-kind", "organisation")
    for key, value in (data or {}).items():
        g.set_raw(f"data-{key.replace('_', '-')}", value)
    g.add("title", person.name)
    outline: dict[str, AttrValue] = {"stroke": sym.INK, "stroke_width": 1.5}
    r = slot.symbol
    kind = person_kind(person)
    g.append(sym.shape(kind, r, fill="#fff", **outline))
    if client:
        g.append(sym.shape(kind, sym.grow(r, 4.0), fill="none", **outline))
    if ring:
        c = slot.anchor
        g.add(
            "circle",
            cx=c.x,
            cy=c.y,
            r=r.width / 2 + 7,
            fill="none",
            stroke=sym.INK,
            stroke_width=1.2,
            stroke_dasharray="3 2",
        )
    cx = slot.anchor.x
    for n, text in enumerate(wrap(person.name, NAME_CHARS, NAME_LINES, NAME_WIDEST)):
        y = r.bottom + 4 + NAME_SIZE + NAME_LINE * n
        g.extend(halo_text(text, x=cx, y=y, font_size=NAME_SIZE, text_anchor="middle"))
    return g


def name_box(person: Person, slot: Slot) -> Rect:
    """Where :func:`person_group` writes the name: the lines' box (about 0.6 em a character),
    for the lines that must keep clear of it."""
    lines = wrap(person.name, NAME_CHARS, NAME_LINES, NAME_WIDEST)
    width = max((len(line) for line in lines), default=0) * NAME_SIZE * 0.6 + 4.0
    top = slot.symbol.y + slot.symbol.height + 4.0 + NAME_SIZE * 0.25 - 2.0
    height = NAME_LINE * max(len(lines) - 1, 0) + NAME_SIZE * 0.95 + 4.0
    return Rect(slot.anchor.x - width / 2, top, width, height)


@dataclass(slots=True)
class Legend:
    """Legend items in the order they are added; each has a key, a text and a small drawing
    40 wide and 20 high whose top left is given."""

    items: list[tuple[str, str, list[Element]]] = field(default_factory=list)

    def add(self, key: str, text: str, drawing: list[Element]) -> None:
        if all(k != key for k, _t, _d in self.items):
            self.items.append((key, text, drawing))

    def person_kinds(self, persons: Sequence[Person], lang: str) -> None:
        """One item per person symbol used, in the genogram legend's order."""
        used = {person_kind(p) for p in persons}
        for kind in ("male", "female", "other", "unknown"):
            if kind in used:
                key = f"gender:{kind}"
                self.add(key, genogram_label(key, lang), genogram_sample(key, XY(0, 0)))
        for kind in ("pet", "organisation"):
            if kind in used:
                key = f"person:{kind}"
                self.add(key, genogram_label(key, lang), genogram_sample(key, XY(0, 0)))

    def client(self, lang: str) -> None:
        box = Rect(11, 1, 18, 18)
        line: dict[str, AttrValue] = {"fill": "#fff", "stroke": sym.INK, "stroke_width": 1.5}
        drawing = [
            sym.shape("unknown", box, **line),
            sym.shape("unknown", sym.grow(box, 3), **line),
        ]
        self.add(
            "person:client",
            tr("dubbele rand: de cliënt", "double outline: the client", lang),
            drawing,
        )

    def render(self, lang: str, at: XY) -> tuple[Element, float, float]:
        """The legend group with its top left at ``at``, its width and its height."""
        g = Element("g", class_="legend")
        x, y = at.x + 12, at.y + 24
        g.add("text", tr("Legenda", "Legend", lang), x=x, y=y + 6, font_size=13, font_weight="bold")
        y += 20
        for key, text, drawing in self.items:
            item = g.add("g", class_="legend-item", transform=f"translate({num(x)} {num(y)})")
            item.set_raw("data-symbol", key)
            item.extend(drawing)
            lines = wrap(text, 30, 3)
            for n, line in enumerate(lines):
                item.add("text", line, x=52, y=14 + 12 * n, font_size=10.5)
            y += ITEM_H + 12 * (len(lines) - 1)
        return g, LEGEND_W, y - at.y

    def keys(self) -> list[str]:
        return [k for k, _t, _d in self.items]


def line_sample(**attrs: AttrValue) -> list[Element]:
    return [Element("path", d="M1 10L39 10", fill="none", **attrs)]


def text_lines(
    lines: Sequence[str], at: XY, *, size: float, anchor: str = "start", **attrs: AttrValue
) -> list[Element]:
    """Lines of text on a white halo, the first baseline at ``at``."""
    out: list[Element] = []
    for n, line in enumerate(lines):
        out.extend(
            halo_text(
                line, x=at.x, y=at.y + n * size * 1.2, font_size=size, text_anchor=anchor, **attrs
            )
        )
    return out
