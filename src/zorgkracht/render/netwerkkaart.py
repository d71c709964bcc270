"""Netwerkkaart (MSNA) as SVG and as a table: the contract of :mod:`zorgkracht.render.views`.

Zones are rings (alternately tinted grey so they read in black and white), sectors are cut by
lines from the centre, zone names stand in the free corridor straight down, sector names
outside the circle. Nominal and extensive network and persons not yet placed stand in titled
areas under the circle.
"""

from __future__ import annotations

from zorgkracht.domain import Case
from zorgkracht.domain.codes import NetworkZone, Sector, Zone
from zorgkracht.i18n import in_language
from zorgkracht.layout.geometry import XY, Rect
from zorgkracht.layout.netwerkkaart import UNPLACED, NetwerkkaartLayout, layout_netwerkkaart
from zorgkracht.layout.radial import polar

from . import symbols as sym
from . import words
from .chart import Legend, client_rows, line_sample, person_group, private, root, text_lines, tr
from .genogram import wrap
from .svg import Element, document, num, path_d

TINT = ("#f2f2f2", "#ffffff")

AREA_TITLES: dict[str, tuple[str, str]] = {
    NetworkZone.NOMINAL.value: (
        "Nominaal netwerk: bereikbaar via een direct contact",
        "Nominal network: reachable through a direct contact",
    ),
    NetworkZone.EXTENSIVE.value: (
        "Extensief netwerk: kort of toevallig contact",
        "Extensive network: brief or incidental contact",
    ),
    UNPLACED: (
        "Nog in te vullen: sector (rol) of zone ontbreekt",
        "Still to fill in: sector (role) or zone missing",
    ),
}


def render_svg(case: Case, *, lang: str = "nl", show_legend: bool = True) -> str:
    """The netwerkkaart of the case's network as an SVG document."""
    layout = layout_netwerkkaart(case)
    return document(draw(case, layout, lang=lang, show_legend=show_legend))


def draw(case: Case, layout: NetwerkkaartLayout, *, lang: str, show_legend: bool) -> Element:
    persons = {p.id: p for p in case.network.persons}
    legend = Legend()
    drawn = [persons[s.id] for s in layout.persons]
    if layout.client is not None:
        drawn.insert(0, persons[layout.client.id])
    legend.person_kinds(drawn, lang)
    if layout.client is not None:
        legend.client(lang)
    if any(b.code == Zone.ONLINE.value for b in layout.rings):
        legend.add(
            "zone:online",
            tr("gestippelde ring: online bereikbaar", "dotted ring: reached online", lang),
            line_sample(stroke=sym.INK, stroke_width=1.5, stroke_dasharray="2 3"),
        )
    block = legend.render(lang, XY(layout.x + layout.width, layout.y)) if show_legend else None
    area = Rect(layout.x, layout.y, layout.width, layout.height)
    svg = root(
        area,
        block,
        tr("Netwerkkaart", "Network map", lang),
        tr(
            "Sectoren (verwanten, vriendschappelijke betrekkingen, maatschappelijke diensten) "
            "en zones van de wijk naar buiten de regio, met de cliënt in het midden.",
            "Sectors (kin, friendly relations, services) and zones from the neighbourhood to "
            "outside the region, with the client in the centre.",
            lang,
        ),
    )
    map_ = svg.add("g", class_="zk-map")
    map_.set_raw("data-center", f"{num(layout.centre.x)} {num(layout.centre.y)}")
    c = layout.centre
    for n, band in reversed(list(enumerate(layout.rings))):
        online = band.code == Zone.ONLINE.value
        ring = map_.add(
            "circle",
            cx=c.x,
            cy=c.y,
            r=band.outer,
            fill=TINT[n % 2],
            stroke=sym.INK,
            stroke_width=1.2,
            stroke_dasharray="2 3" if online else None,
        )
        ring.set_raw("data-zone", band.code)
    map_.add("circle", cx=c.x, cy=c.y, r=layout.rings[0].inner, fill="#fff", stroke=sym.INK)
    for span in layout.sectors:
        a, b = polar(c, layout.rings[0].inner, span.start), polar(c, layout.radius, span.start)
        line = map_.add("path", d=path_d([a, b]), stroke=sym.INK, stroke_width=2)
        line.set_raw("data-sector-edge", span.code)
    for band in layout.rings:
        text = in_language(Zone(band.code), lang)
        mid = (band.inner + band.outer) / 2
        lines = wrap(text, 14, 2)
        at = XY(c.x, c.y + mid + 4 - 6 * (len(lines) - 1))
        map_.extend(text_lines(lines, at, size=10, anchor="middle", font_style="italic"))
    for span in layout.sectors:
        box = layout.labels[span.code]
        sector = Sector(span.code)
        text = in_language(sector, lang)
        count = sum(1 for pl in layout.placements.values() if pl.sector == span.code)
        lines = wrap(f"{text[:1].upper()}{text[1:]} ({count})", 20, 2)
        g = map_.add("g", class_="sector-title")
        g.set_raw("data-sector", span.code)
        g.extend(text_lines(lines, XY(box.x + box.width / 2, box.y + 14), size=12, anchor="middle"))
    for area_ in layout.areas:
        g = svg.add("g", class_="area")
        g.set_raw("data-area", area_.code)
        g.add(
            "rect",
            x=area_.x,
            y=area_.y,
            width=area_.width,
            height=area_.height,
            rx=8,
            fill="#fff",
            stroke=sym.INK,
            stroke_dasharray="6 4",
        )
        nl, en = AREA_TITLES[area_.code]
        g.add(
            "text",
            tr(nl, en, lang),
            x=area_.x + 12,
            y=area_.y + 16,
            font_size=11,
            font_weight="bold",
        )
    people = svg.add("g", class_="persons")
    if layout.client is not None:
        people.append(person_group(persons[layout.client.id], layout.client, client=True))
    for slot in layout.persons:
        pl = layout.placements[slot.id]
        data = {"sector": pl.sector, "zone": pl.zone, "area": pl.area}
        people.append(
            person_group(
                persons[slot.id], slot, data={k: v for k, v in data.items() if v is not None}
            )
        )
    if block is not None:
        svg.append(block[0])
    return svg


def table(case: Case, lang: str = "nl") -> list[dict[str, str]]:
    """One row for the client and one for every drawn member: where the map puts them."""
    layout = layout_netwerkkaart(case)
    persons = {p.id: p for p in case.network.persons}
    rows = client_rows(layout.client, persons, lang)
    for slot in layout.persons:
        person = persons[slot.id]
        pl = layout.placements[slot.id]
        if pl.sector is None or pl.zone is None:
            details = tr(*AREA_TITLES[pl.area or UNPLACED], lang)
        else:
            sector, zone = Sector(pl.sector), Zone(pl.zone)
            details = f"{tr(sector.nl, sector.en, lang)}, {tr(zone.nl, zone.en, lang)}"
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
