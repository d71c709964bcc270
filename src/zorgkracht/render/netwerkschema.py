"""Netwerkschema (Lensink) as SVG and as a table: the contract of :mod:`zorgkracht.render.views`.

The SVG carries its own geometry for drag and drop (see ``docs/views.md``): the group
``<g class="zk-schema" data-center="cx cy">`` holds one ring band per circle
(``data-circle``, ``data-circle-number``, ``data-r-inner``, ``data-r-outer``) and one wedge per
segment (``data-segment``, ``data-angle-start``, ``data-angle-end``; degrees, 0 up, clockwise),
all in the same user units as the persons' ``data-bbox``.
"""

from __future__ import annotations

from zorgkracht.domain import Case
from zorgkracht.domain.codes import Circle, Segment
from zorgkracht.layout.geometry import XY, Rect
from zorgkracht.layout.netwerkschema import NetwerkschemaLayout, layout_netwerkschema
from zorgkracht.layout.radial import polar

from . import symbols as sym
from . import words
from .chart import Legend, client_rows, person_group, private, root, text_lines, tr
from .genogram import wrap
from .svg import Element, document, num, path_d

TINT = ("#f2f2f2", "#ffffff")
UNPLACED_TITLE = (
    "Nog in te vullen: cirkel of rol ontbreekt",
    "Still to fill in: circle or role missing",
)


def _circle_d(c: XY, r: float) -> str:
    return (
        f"M{num(c.x - r)} {num(c.y)}"
        f"A{num(r)} {num(r)} 0 1 0 {num(c.x + r)} {num(c.y)}"
        f"A{num(r)} {num(r)} 0 1 0 {num(c.x - r)} {num(c.y)}Z"
    )


def _wedge_d(c: XY, r: float, start: float, end: float) -> str:
    a, b = polar(c, r, start), polar(c, r, end)
    large = 1 if end - start > 180 else 0
    return (
        f"M{num(c.x)} {num(c.y)}L{num(a.x)} {num(a.y)}"
        f"A{num(r)} {num(r)} 0 {large} 1 {num(b.x)} {num(b.y)}Z"
    )


def render_svg(case: Case, *, lang: str = "nl", show_legend: bool = True) -> str:
    """The netwerkschema of the case's network as an SVG document."""
    layout = layout_netwerkschema(case)
    return document(draw(case, layout, lang=lang, show_legend=show_legend))


def draw(case: Case, layout: NetwerkschemaLayout, *, lang: str, show_legend: bool) -> Element:
    persons = {p.id: p for p in case.network.persons}
    legend = Legend()
    drawn = [persons[s.id] for s in layout.persons]
    if layout.client is not None:
        drawn.insert(0, persons[layout.client.id])
    legend.person_kinds(drawn, lang)
    if layout.client is not None:
        legend.client(lang)
    block = legend.render(lang, XY(layout.x + layout.width, layout.y)) if show_legend else None
    svg = root(
        Rect(layout.x, layout.y, layout.width, layout.height),
        block,
        tr("Netwerkschema", "Network schema", lang),
        tr(
            "Vier cirkels (intimiteit, vriendschap, bekenden, diensten) en vier segmenten "
            "(familie, cliëntcontacten, professionele contacten, samenleving), met de cliënt "
            "in het midden.",
            "Four circles (intimacy, friendship, acquaintances, services) and four segments "
            "(family, client contacts, professional contacts, society), with the client in "
            "the centre.",
            lang,
        ),
    )
    c = layout.centre
    schema = svg.add("g", class_="zk-schema")
    schema.set_raw("data-center", f"{num(c.x)} {num(c.y)}")
    rings = schema.add("g", class_="circles")
    for n, band in enumerate(layout.rings):
        ring = rings.add(
            "path",
            d=_circle_d(c, band.outer) + _circle_d(c, band.inner),
            fill=TINT[n % 2],
            fill_rule="evenodd",
            stroke=sym.INK,
            stroke_width=1.2,
        )
        ring.set_raw("data-circle", band.code)
        ring.set_raw("data-circle-number", str(Circle(band.code).number))
        ring.set_raw("data-r-inner", num(band.inner))
        ring.set_raw("data-r-outer", num(band.outer))
    segments = schema.add("g", class_="segments")
    for span in layout.segments:
        wedge = segments.add(
            "path", d=_wedge_d(c, layout.radius, span.start, span.end), fill="none"
        )
        wedge.set_raw("data-segment", span.code)
        wedge.set_raw("data-angle-start", num(span.start))
        wedge.set_raw("data-angle-end", num(span.end))
        a, b = polar(c, layout.rings[0].inner, span.start), polar(c, layout.radius, span.start)
        schema.add("path", d=path_d([a, b]), stroke=sym.INK, stroke_width=2)
    for band in layout.rings:
        circle = Circle(band.code)
        text = f"{circle.number} {tr(circle.nl, circle.en, lang)}"
        mid = (band.inner + band.outer) / 2
        lines = wrap(text, 14, 2)
        at = XY(c.x, c.y + mid + 4 - 6 * (len(lines) - 1))
        schema.extend(text_lines(lines, at, size=10, anchor="middle", font_style="italic"))
    for span in layout.segments:
        box = layout.labels[span.code]
        segment = Segment(span.code)
        text = tr(segment.nl, segment.en, lang)
        count = sum(1 for pl in layout.placements.values() if pl is not None and pl[1] == span.code)
        lines = wrap(f"{text[:1].upper()}{text[1:]} ({count})", 20, 2)
        g = schema.add("g", class_="segment-title")
        g.set_raw("data-segment-title", span.code)
        g.extend(text_lines(lines, XY(box.x + box.width / 2, box.y + 14), size=12, anchor="middle"))
    for area in layout.areas:
        g = svg.add("g", class_="area")
        g.set_raw("data-area", area.code)
        g.add(
            "rect",
            x=area.x,
            y=area.y,
            width=area.width,
            height=area.height,
            rx=8,
            fill="#fff",
            stroke=sym.INK,
            stroke_dasharray="6 4",
        )
        g.add(
            "text",
            tr(*UNPLACED_TITLE, lang),
            x=area.x + 12,
            y=area.y + 16,
            font_size=11,
            font_weight="bold",
        )
    people = svg.add("g", class_="persons")
    if layout.client is not None:
        people.append(person_group(persons[layout.client.id], layout.client, client=True))
    for slot in layout.persons:
        pl = layout.placements[slot.id]
        data = {"circle": pl[0], "segment": pl[1]} if pl is not None else {"area": "unplaced"}
        people.append(person_group(persons[slot.id], slot, data=data))
    if block is not None:
        svg.append(block[0])
    return svg


def table(case: Case, lang: str = "nl") -> list[dict[str, str]]:
    """One row for the client and one for every drawn member: circle and segment."""
    layout = layout_netwerkschema(case)
    persons = {p.id: p for p in case.network.persons}
    rows = client_rows(layout.client, persons, lang)
    for slot in layout.persons:
        person = persons[slot.id]
        pl = layout.placements[slot.id]
        if pl is None:
            details = tr(*UNPLACED_TITLE, lang)
        else:
            circle, segment = Circle(pl[0]), Segment(pl[1])
            details = (
                f"{tr('cirkel', 'circle', lang)} {circle.number} {tr(circle.nl, circle.en, lang)}, "
                f"{tr(segment.nl, segment.en, lang)}"
            )
        if person.role is not None:
            details += f" ({tr(person.role.nl, person.role.en, lang)})"
        rows.append(
            {
                "kind": words.tr(words.kind_of(person), lang),
                "id": person.id,
                "who": person.name,
                "details": details + private(person.sensitive, lang),
            }
        )
    return rows
