"""Draw a genogram layout as SVG (McGoldrick, Gerson & Petry; the book's legend, ch. 4).

:func:`render_genogram_svg` draws what :func:`zorgkracht.layout.layout_genogram` placed: family
lines first, then the emotional overlay, then the persons (so names stay readable), then a legend
of only the symbols used. Every person is a ``<g data-person-id=... data-bbox="x y w h">``.
"""

from __future__ import annotations

from zorgkracht.domain import Case, ChildRelation, Person
from zorgkracht.domain.codes import ChildType, ConditionState, Identity, TwinType
from zorgkracht.layout.genogram import ChildLine, GenogramLayout, PersonBox
from zorgkracht.layout.geometry import XY, quadratic
from zorgkracht.layout.text import wrap_words

from . import symbols as sym
from .content import GENDERS, Drawn, drawn, gender_kind, reference_year
from .legend import legend, used_symbols
from .svg import (
    SVG_NS,
    AttrValue,
    Element,
    Written,
    WrittenGroup,
    WrittenLines,
    attrs_markup,
    document,
    num,
    open_tag,
    path_d,
    text_markup,
    written_lines,
)

FONT = "DejaVu Sans, Verdana, Arial, sans-serif"
INDEX_CLEAR = 4.0
HALO: dict[str, AttrValue] = {"stroke": "#fff", "stroke_width": 3.0, "stroke_linejoin": "round"}


def halo_text(text: str, **attrs: AttrValue) -> list[Element]:
    """Text on a white halo (a white-stroked copy behind it), readable over lines."""
    return [Element("text", text, **attrs, **HALO), Element("text", text, **attrs)]


_HALO_MARKUP = attrs_markup(list(HALO.items()))
_ANCHORS = ("start", "middle", "end")


def _halo_written(text: str, x: float, y: float, size: float, anchor: str) -> list[Element]:
    """``halo_text(text, x=x, y=y, font_size=size, text_anchor=anchor)`` already written out:
    the same bytes, several times faster for the hundreds of labels of a large genogram."""
    assert anchor in _ANCHORS  # numbers and these words need no escaping
    shown = num(size) if isinstance(size, float) else str(size)
    head = f' x="{num(x)}" y="{num(y)}" font-size="{shown}" text-anchor="{anchor}"'
    body = text_markup(text)
    return [
        WrittenLines((f"<text{head}{_HALO_MARKUP}>{body}</text>", f"<text{head}>{body}</text>"))
    ]


def render_genogram_svg(
    case: Case,
    layout: GenogramLayout,
    *,
    lang: str = "nl",
    hide_sensitive: bool = False,
    year: int | None = None,
    show_legend: bool = True,
) -> str:
    """The genogram as an SVG document. ``year`` is the year ages are computed for (default:
    this year); ``hide_sensitive`` leaves out sensitive persons and emotional relations (lay out
    with the same flag so that no gaps remain)."""
    hide = hide_sensitive or layout.hide_sensitive
    d = drawn(case, layout, hide)
    when = reference_year(year)
    keys = used_symbols(case, layout, d, when)
    legend_el, legend_w, legend_h = legend(keys, lang, XY(layout.x + layout.width, layout.y))
    width = layout.width + (legend_w if show_legend and keys else 0.0)
    height = max(layout.height, legend_h + 24) if show_legend and keys else layout.height
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
    root.add("title", "Genogram", id="zk-title")
    root.append(sym.defs())
    root.add("rect", x=layout.x, y=layout.y, width=width, height=height, fill="#fff")
    root.append(_family_lines(case, layout, d))
    root.append(_emotion_lines(case, layout, d, hide))
    people = root.add("g", class_="persons")
    seen: dict[str, str] = {}  # attribute values escaped, for this document only
    for number, box in enumerate(layout.persons):
        if box.id in d.persons:
            person = d.persons[box.id]
            people.append(_person(person, box, d, layout.index, when, number, seen))
    if show_legend and keys:
        root.append(legend_el)
    return document(root)


def _family_lines(case: Case, layout: GenogramLayout, d: Drawn) -> Element:
    g = Element("g", class_="family-lines")
    couples = {c.id: c for c in case.network.couples}
    for line in layout.couples:
        if line.a not in d.persons or line.b not in d.persons:
            continue
        rel = couples.get(line.relation) if line.relation is not None else None
        kind = rel.type.value if rel is not None else "implicit"
        cg = g.add("g", class_="couple", data_couple=kind)
        cg.set_raw("data-couple-id", line.id)
        cg.extend(sym.couple_line(kind, line.start, line.end, line.y))
        if rel is not None and (rel.start_year is not None or rel.end_year is not None):
            text = f"{rel.start_year or ''}–{rel.end_year or ''}"
            # halo_text(text, x=..., y=..., font_size=8.5, text_anchor="end"), written out
            cg.extend(_halo_written(text, line.mid.x - 5, line.y + 10, 8.5, "end"))
    relations: dict[str, ChildRelation] = {ch.id: ch for ch in case.network.children}
    lines_of: dict[str, list[ChildLine]] = {}
    for c in layout.children:
        if c.child in d.persons:
            lines_of.setdefault(c.family, []).append(c)
    for fam in layout.families:
        if not any(p in d.persons for p in fam.parents):
            continue
        kids = lines_of.get(fam.key, [])
        if not kids:
            continue
        fg = g.add("g", class_="family")
        fg.set_raw("data-family", fam.key)
        pts = [fam.origin, XY(fam.origin.x, fam.bar_y)]
        fg.add("path", d=path_d(pts), fill="none", stroke=sym.INK, stroke_width=1.5)
        bar = [XY(fam.bar_x1, fam.bar_y), XY(fam.bar_x2, fam.bar_y)]
        fg.add("path", d=path_d(bar), fill="none", stroke=sym.INK, stroke_width=1.5)
        for kid in kids:
            ch = relations.get(kid.relation)
            kind = ch.type if ch is not None else ChildType.BIOLOGICAL
            fg.extend(sym.child_line(kind, list(kid.points)))
    for twin in layout.twins:
        if (
            twin.identical
            and twin.start is not None
            and twin.end is not None
            and all(c in d.persons for c in twin.children)
        ):
            tg = g.add("g", class_="twins", data_twins=TwinType.IDENTICAL.value)
            twin_bar = path_d([twin.start, twin.end])
            tg.add("path", d=twin_bar, stroke=sym.INK, stroke_width=1.5, fill="none")
    return g


def _emotion_lines(case: Case, layout: GenogramLayout, d: Drawn, hide: bool) -> Element:
    g = Element("g", class_="emotions")
    relations = {e.id: e for e in case.network.emotions}
    for line in layout.emotions:
        rel = relations.get(line.id)
        if rel is None or line.a not in d.persons or line.b not in d.persons:
            continue
        if hide and rel.sensitive:
            continue
        pts = (
            [line.start, line.end]
            if line.control is None
            else quadratic(line.start, line.control, line.end)
        )
        eg = g.add("g", class_="emotion", data_emotion=rel.type.value)
        eg.set_raw("data-emotion-id", line.id)
        eg.extend(sym.emotion_line(rel.type, pts))
    return g


NAME_SIZE = 12.0
"""Names are written at least 12 user units high: 12 CSS pixels on a page at scale 1."""
NAME_LINE = 13.0
NAME_CHARS = 16
"""Characters of a name line in a 120 wide box (about 0.6 em each)."""
NAME_WIDEST = 19
"""A name line may grow to this many characters (about 137 units: the boxes stand at least 24
apart) rather than cut the name short."""
NAME_CHARS_PET = 11


def wrap(text: str, width: int = 19, lines: int = 2, widest: int | None = None) -> list[str]:
    """Break a name into at most ``lines`` lines of about ``width`` characters (up to
    ``widest`` rather than cut it short), at spaces (:func:`zorgkracht.layout.text.wrap_words`)."""
    return wrap_words(text, width, lines, widest=widest)


def _person(
    person: Person,
    box: PersonBox,
    d: Drawn,
    index: str | None,
    year: int,
    number: int,
    seen: dict[str, str],
) -> Element:
    bbox = f"{num(box.x)} {num(box.y)} {num(box.width)} {num(box.height)}"
    g: list[Element] = [Written(f"<title>{text_markup(person.name)}</title>")]
    r = box.symbol
    cx, cy = r.x + r.width / 2, r.y + r.height / 2
    kind = gender_kind(person)
    birth = d.births.get(person.id)
    outline: dict[str, AttrValue] = {"stroke": sym.INK, "stroke_width": 1.5}
    if birth is not None:
        g.extend(sym.child_symbol(birth, kind if kind in GENDERS else "unknown", r))
    else:
        g.append(sym.shape(kind, r, fill="#fff", **outline))
        g.extend(sym.condition_fills(kind, r, person.conditions, f"zk-clip-{number}", outline))
        if person.id == index:
            g.append(sym.shape(kind, sym.grow(r, 4.0), fill="none", **outline))
        marks = [i for i in Identity if i in person.identities] if person.identities else []
        for n, identity in enumerate(marks):
            at = XY(cx + (n - (len(marks) - 1) / 2) * 12, r.y + 5)
            g.append(sym.identity_mark(identity.value, at))
        age = person.age_in(year)
        if age is not None and age >= 0:
            size = 12 if not person.is_pet else 9
            g.extend(_halo_written(str(age), cx, cy + (8 if marks else 4.5), size, "middle"))
        if person.is_deceased:
            g.append(sym.cross(r))
        if person.pregnant:
            g.append(sym.pregnant_mark(XY(r.right + 9, r.bottom)))
    if person.id in d.adopted:
        g.append(sym.brackets(r))
    years: list[tuple[str, float, str]] = []
    if person.birth_year is not None:
        years.append((f"*{person.birth_year}", cx - 5, "end"))
    if person.death_year is not None:
        years.append((f"†{person.death_year}", cx + 5, "start"))
    # the index person's double outline reaches 4 further out: keep the texts (and their white
    # halos) clear of it
    clear = INDEX_CLEAR if person.id == index and birth is None else 0.0
    for text, x, anchor in years:
        g.extend(_halo_written(text, x, box.y + 10 - clear, 9, anchor))
    lines = (
        wrap(person.name, NAME_CHARS_PET, 1)
        if person.is_pet
        else wrap(person.name, NAME_CHARS, 2, NAME_WIDEST)
    )
    if person.pet is not None:
        lines.append(f"({person.pet})")
    for n, text in enumerate(lines):
        y = box.y + 14 + 40 + 12 + NAME_LINE * n + clear
        g.extend(_halo_written(text, cx, y, NAME_SIZE, "middle"))
    # Element("g", class_="person") with data-person-id, data-bbox and the parts as children;
    # written out at once when no part has children of its own (everyone but the ill)
    head = [("class", "person"), ("data-person-id", person.id), ("data-bbox", bbox)]
    if person.organisation:
        head.append(("data-kind", "organisation"))
    written = written_lines(g, seen)
    if written is not None:
        return WrittenGroup("g", open_tag("g", head, seen), written)
    group = Element("g")
    for name, value in head:
        group.set_raw(name, value)
    group.extend(g)
    return group


def state_used(person: Person) -> list[ConditionState]:
    return [c.state for c in person.conditions if c.state is not ConditionState.PRESENT]
