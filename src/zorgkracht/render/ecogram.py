"""Draw the ecogram (Hartman's ecomap with a genogram inside; the book, ch. 4) as SVG.

The view contract (:mod:`zorgkracht.render.views`): :func:`render_svg` and :func:`table`.
:func:`render_ecogram_svg` draws what :func:`zorgkracht.layout.ecogram.layout_ecogram` placed:
the circles first, then the family lines of the client system and the tie lines, then the
persons and the domain names (so they stay readable), then a legend of only the symbols used.
Every person is a ``<g data-person-id=... data-bbox="x y w h">``, every domain a
``<g data-domain-id=... data-bbox=...>``. See ``docs/ecogram.md``.
"""

from __future__ import annotations

import logging
import pickle
from functools import partial

from zorgkracht.domain import Case, Person, Tie
from zorgkracht.domain.codes import ChildType
from zorgkracht.i18n import Text, in_language
from zorgkracht.layout.ecogram import HOUSEHOLD, EcoCircle, EcogramLayout, EcoPerson, TieLine
from zorgkracht.layout.ecogram import layout_ecogram as layout_ecogram
from zorgkracht.layout.ecogram_household import (
    NAME_LINE,
    NAME_SIZE,
    NAME_TOP,
    TITLE_LINE,
    TITLE_SIZE,
    name_lines,
)
from zorgkracht.layout.geometry import XY

from . import symbols as sym
from .content import GENDERS, SPECIAL_BIRTHS, gender_kind, reference_year
from .ecogram_legend import legend, used_symbols
from .ecogram_lines import halo_label, tie_group
from .ecogram_table import ecogram_table
from .svg import (
    SVG_NS,
    AttrValue,
    Blocks,
    Element,
    WrittenLines,
    attrs_markup,
    document,
    num,
    path_d,
    text_markup,
)

log = logging.getLogger(__name__)

FONT = "DejaVu Sans, Verdana, Arial, sans-serif"
DOMAIN_FILL = "#f2f2f2"
_TITLE = ("Ecogram", "Ecogram")
_NAME_ATTRS = attrs_markup([("font_size", NAME_SIZE), ("text_anchor", "middle")])
_NAME_HALO = attrs_markup([("stroke", "#fff"), ("stroke_width", 4.0), ("stroke_linejoin", "round")])
# persons and ties as last drawn (both two levels deep: svg > g > g), for the next redraw
_PERSONS = Blocks(depth=2)
_TIES = Blocks(depth=2)


def render_svg(case: Case, *, lang: str = "nl", show_legend: bool = True) -> str:
    """The view contract: the ecogram of ``case`` (ages for this year)."""
    return render_ecogram_svg(case, layout_ecogram(case), lang=lang, show_legend=show_legend)


def table(case: Case, lang: str = "nl") -> list[dict[str, str]]:
    """The view contract: the ecogram's text alternative, rows ``{kind, id, who, details}``."""
    return ecogram_table(case, lang, layout=layout_ecogram(case))


def picture(
    case: Case, *, lang: str = "nl", table: bool = True
) -> tuple[str, list[dict[str, str]]]:
    """The SVG and (when ``table``) the table from one layout (the web page needs both)."""
    layout = layout_ecogram(case)
    svg = render_ecogram_svg(case, layout, lang=lang)
    return svg, ecogram_table(case, lang, layout=layout) if table else []


def render_ecogram_svg(
    case: Case,
    layout: EcogramLayout,
    *,
    lang: str = "nl",
    show_legend: bool = True,
    year: int | None = None,
) -> str:
    """The ecogram as an SVG document; ``year`` is the year ages are computed for."""
    when = reference_year(year)
    keys = used_symbols(case, layout, when)
    legend_el, legend_w, legend_h = legend(keys, lang, XY(layout.x + layout.width, layout.y))
    with_legend = show_legend and bool(keys)
    width = layout.width + (legend_w if with_legend else 0.0)
    height = max(layout.height, legend_h + 24) if with_legend else layout.height
    root = Element(
        "svg",
        xmlns=SVG_NS,
        viewBox=f"{num(layout.x)} {num(layout.y)} {num(width)} {num(height)}",
        width=num(width),
        height=num(height),
        role="img",
        aria_labelledby="zk-title",
        font_family=FONT,
    )
    title = in_language(Text(*_TITLE), lang)
    root.add("title", f"{title}: {case.title}", id="zk-title")
    root.append(sym.defs())
    root.add("rect", x=layout.x, y=layout.y, width=width, height=height, fill="#fff")
    root.append(_circles(layout))
    root.append(_family_lines(layout))
    root.append(_ties(case, layout))
    people = {p.id: p for p in case.network.persons}
    births = {d.child: ChildType(d.type) for d in layout.descents}
    persons = root.add("g", class_="persons")
    dumps, protocol = pickle.dumps, pickle.HIGHEST_PROTOCOL
    for number, box in enumerate(layout.persons):
        is_client = box.id == layout.client and box.group == HOUSEHOLD
        person, birth = people[box.id], births.get(box.id)
        key = (dumps(person, protocol), box, birth, is_client, when, number)
        persons.append(
            _PERSONS.get(key, partial(_person, person, box, birth, is_client, when, number))
        )
    root.append(_titles(layout, lang))
    if with_legend:
        root.append(legend_el)
    log.debug("ecogram drawn: %d persons, %d ties", len(layout.persons), len(layout.ties))
    return document(root)


def _circles(layout: EcogramLayout) -> Element:
    g = Element("g", class_="circles")
    for c in layout.circles:
        bbox = f"{num(c.cx - c.r)} {num(c.cy - c.r)} {num(2 * c.r)} {num(2 * c.r)}"
        style: dict[str, AttrValue] = {"stroke": sym.INK, "stroke_width": 1.5}
        if c.kind == "household":
            cg = g.add("g", class_="client-system")
            style.update(fill="#fff", stroke_width=3.0)
        elif c.kind == "domain":
            cg = g.add("g", class_="domain")
            cg.set_raw("data-domain-id", c.id)
            style["fill"] = DOMAIN_FILL
        else:
            cg = g.add("g", class_="other")
            style.update(fill="#fff", stroke_dasharray="8 5")
        cg.set_raw("data-bbox", bbox)
        cg.add("circle", cx=c.cx, cy=c.cy, r=c.r, **style)
    return g


def _titles(layout: EcogramLayout, lang: str) -> Element:
    g = Element("g", class_="domain-names")
    for c in layout.circles:
        lines = _title_lines(c, lang)
        for n, text in enumerate(lines):
            y = c.title_top + TITLE_SIZE * 0.85 + n * TITLE_LINE
            attrs: dict[str, AttrValue] = {
                "x": c.cx,
                "y": y,
                "font_size": TITLE_SIZE,
                "font_weight": "bold",
                "text_anchor": "middle",
            }
            g.add("text", text, stroke="#fff", stroke_width=4.0, stroke_linejoin="round", **attrs)
            g.add("text", text, **attrs)
    return g


def _title_lines(c: EcoCircle, lang: str) -> tuple[str, ...]:
    if c.kind == "other":
        return (in_language(Text(*c.title[:2]), lang),)
    return c.title


def _family_lines(layout: EcogramLayout) -> Element:
    g = Element("g", class_="family-lines")
    for c in layout.couples:
        cg = g.add("g", class_="couple", data_couple=c.type)
        y = (c.start.y + c.end.y) / 2
        if abs(c.start.y - c.end.y) < 1e-6:
            cg.extend(sym.couple_line(c.type, c.start, c.end, y))
        else:
            cg.add("path", d=path_d([c.start, c.end]), fill="none", stroke=sym.INK)
    for d in layout.descents:
        dg = g.add("g", class_="child", data_child=d.type)
        dg.set_raw("data-child-id", d.child)
        dg.extend(sym.child_line(ChildType(d.type), list(d.points)))
    return g


def _ties(case: Case, layout: EcogramLayout) -> Element:
    g = Element("g", class_="ties")
    ties = {t.id: t for t in case.network.ties}
    firsts: dict[str, str | None] = {}
    for p in case.network.persons:
        words = p.name.split()
        firsts[p.id] = words[0] if words else None

    def rim_name(pid: str, rim: bool) -> str | None:
        if not rim or pid == layout.client:
            return None
        return firsts[pid]

    for line in layout.ties:
        tie = ties[line.id]
        names_at = (rim_name(line.a, line.rim_a), rim_name(line.b, line.rim_b))
        # everything tie_group reads of the tie and the line
        key = (
            line,
            names_at,
            tie.id,
            tie.strength,
            tie.quality,
            tie.direction,
            frozenset(tie.support),
            bool(tie.reciprocal),
        )
        g.append(_TIES.get(key, partial(_tie, tie, line, names_at)))
    return g


def _tie(tie: Tie, line: TieLine, names_at: tuple[str | None, str | None]) -> Element:
    at = (line.start, line.control, line.end)
    return tie_group(tie, line.points, line.label, *names_at, key=at)


def _person(
    person: Person,
    box: EcoPerson,
    birth: ChildType | None,
    is_client: bool,
    year: int,
    number: int,
) -> Element:
    g = Element("g", class_="person")
    g.set_raw("data-person-id", person.id)
    g.set_raw("data-bbox", f"{num(box.x)} {num(box.y)} {num(box.width)} {num(box.height)}")
    if person.organisation:
        g.set_raw("data-kind", "organisation")
    g.add("title", person.name)
    r = box.symbol
    cx, cy = r.x + r.width / 2, r.y + r.height / 2
    kind = gender_kind(person)
    outline: dict[str, AttrValue] = {"stroke": sym.INK, "stroke_width": 1.8}
    if birth in SPECIAL_BIRTHS and birth is not None:
        g.extend(sym.child_symbol(birth, kind if kind in GENDERS else "unknown", r))
    else:
        g.append(sym.shape(kind, r, fill="#fff", **outline))
        clips = f"zk-eco-clip-{number}"
        g.extend(sym.condition_fills(kind, r, person.conditions, clips, outline))
        if is_client:
            g.append(sym.shape(kind, sym.grow(r, 4.0), fill="none", **outline))
        age = person.age_in(year)
        if age is not None and age >= 0:
            g.extend(halo_label(str(age), XY(cx, cy), 12.0 if not person.is_pet else 9.0))
        if person.is_deceased:
            g.append(sym.cross(r))
    # each line twice, a white halo under the text, written out as Element("text", text,
    # x=..., y=..., font_size=..., text_anchor=..., [stroke=...]) would write them
    written: list[str] = []
    for n, text in enumerate(name_lines(person)):
        y = box.y + NAME_TOP + NAME_SIZE * 0.95 + n * NAME_LINE
        head = f"<text{attrs_markup([('x', cx), ('y', y)])}{_NAME_ATTRS}"
        body = f">{text_markup(text)}</text>"
        written += (f"{head}{_NAME_HALO}{body}", f"{head}{body}")
    if written:
        g.append(WrittenLines(written))
    return g
