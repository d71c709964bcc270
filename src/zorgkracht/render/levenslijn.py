"""Levenslijn as SVG and as a table: the contract of :mod:`zorgkracht.render.views`.

A time axis with years; each life event is a stem from the axis with a marker (a triangle up
for a positive event, down for a negative one, a circle for a neutral one) at a distance that
grows with how much the event weighed, and a framed label: title, year and valence, and the
other persons concerned. Every event is a ``<g data-event-id data-bbox data-person-ids>``.
"""

from __future__ import annotations

from zorgkracht.domain import Case, LifeEvent, Person
from zorgkracht.layout.geometry import XY, Rect
from zorgkracht.layout.levenslijn import (
    LINE_H,
    PAD,
    EventBox,
    LevenslijnLayout,
    layout_levenslijn,
    ordered,
    others,
)

from . import symbols as sym
from .chart import Legend, bbox, private, root, tr
from .svg import Element, document, path_d, points

MARKER = 6.0


def valence_text(valence: int) -> str:
    return f"+{valence}" if valence > 0 else f"−{-valence}" if valence < 0 else "0"


def marker(valence: int, at: XY) -> Element:
    """Triangle up (positive), triangle down (negative) or circle (neutral)."""
    m = MARKER
    if valence > 0:
        pts = [XY(at.x, at.y - m), XY(at.x + m, at.y + m * 0.7), XY(at.x - m, at.y + m * 0.7)]
        return Element("polygon", points=points(pts), fill=sym.INK)
    if valence < 0:
        pts = [XY(at.x, at.y + m), XY(at.x + m, at.y - m * 0.7), XY(at.x - m, at.y - m * 0.7)]
        return Element("polygon", points=points(pts), fill="#fff", stroke=sym.INK, stroke_width=1.5)
    return Element(
        "circle", cx=at.x, cy=at.y, r=m * 0.8, fill="#fff", stroke=sym.INK, stroke_width=1.5
    )


def names_line(names: list[str], lang: str, width: int = 30) -> str:
    text = f"{tr('met', 'with', lang)} {', '.join(names)}"
    return text if len(text) <= width else text[: width - 1].rstrip(" ,") + "…"


def render_svg(case: Case, *, lang: str = "nl", show_legend: bool = True) -> str:
    """The levenslijn of the case's network as an SVG document."""
    layout = layout_levenslijn(case)
    return document(draw(case, layout, lang=lang, show_legend=show_legend))


def _legend(events: list[LifeEvent], lang: str) -> Legend:
    legend = Legend()
    valences = {e.valence for e in events}
    if any(v > 0 for v in valences):
        legend.add(
            "event:positive",
            tr("positieve gebeurtenis, boven de lijn", "positive event, above the line", lang),
            [marker(1, XY(20, 10))],
        )
    if any(v < 0 for v in valences):
        legend.add(
            "event:negative",
            tr("negatieve gebeurtenis, onder de lijn", "negative event, below the line", lang),
            [marker(-1, XY(20, 10))],
        )
    if 0 in valences:
        legend.add(
            "event:neutral",
            tr("neutrale gebeurtenis", "neutral event", lang),
            [marker(0, XY(20, 10))],
        )
    if any(v != 0 for v in valences):
        legend.add(
            "event:intensity",
            tr(
                "hoe verder van de lijn, hoe ingrijpender (−3 tot +3)",
                "the farther from the line, the more it weighed (−3 to +3)",
                lang,
            ),
            [
                Element("path", d="M6 20L6 14M20 20L20 8M34 20L34 1", stroke=sym.INK),
                Element("path", d="M1 20L39 20", stroke=sym.INK, stroke_width=2),
            ],
        )
    return legend


def draw(case: Case, layout: LevenslijnLayout, *, lang: str, show_legend: bool) -> Element:
    persons = {p.id: p for p in case.network.persons}
    events = {e.id: e for e in case.network.events}
    legend = _legend(list(case.network.events), lang)
    block = legend.render(lang, XY(layout.x + layout.width, layout.y)) if show_legend else None
    svg = root(
        Rect(layout.x, layout.y, layout.width, layout.height),
        block if legend.items else None,
        tr("Levenslijn", "Life line", lang),
        tr(
            "Levensgebeurtenissen op een tijdlijn: positieve boven de lijn, negatieve eronder.",
            "Life events on a time line: positive above the line, negative below it.",
            lang,
        ),
    )
    axis = svg.add("g", class_="axis")
    y = layout.axis_y
    axis.add(
        "path",
        d=path_d([XY(layout.axis_x0, y), XY(layout.axis_x1, y)]),
        stroke=sym.INK,
        stroke_width=2,
    )
    for tick in layout.ticks:
        h = 6.0 if tick.labelled else 3.0
        axis.add("path", d=path_d([XY(tick.x, y - h), XY(tick.x, y + h)]), stroke=sym.INK)
        if tick.labelled:
            axis.add("text", str(tick.year), x=tick.x, y=y + 18, font_size=10, text_anchor="middle")
    if not layout.events:
        axis.add(
            "text",
            tr("Nog geen levensgebeurtenissen ingevuld.", "No life events entered yet.", lang),
            x=(layout.axis_x0 + layout.axis_x1) / 2,
            y=y - 14,
            font_size=12,
            text_anchor="middle",
        )
    stems = svg.add("g", class_="stems")
    labels = svg.add("g", class_="events")
    for box in layout.events:
        event = events[box.id]
        stems.append(_stem(box, y))
        stems.append(marker(event.valence, box.marker))
        labels.append(_label(event, box, persons, case.client, lang))
    if block is not None and legend.items:
        svg.append(block[0])
    return svg


def _stem(box: EventBox, axis_y: float) -> Element:
    ex = box.marker.x
    end_x = min(max(ex, box.x + 4), box.x + box.width - 4)
    end_y = box.y + box.height if box.above else box.y
    pts = [XY(ex, axis_y), box.marker, XY(end_x, end_y)]
    if end_x == ex:
        pts = [XY(ex, axis_y), XY(ex, end_y)]
    return Element("path", d=path_d(pts), fill="none", stroke=sym.INK, stroke_width=1)


def _label(
    event: LifeEvent, box: EventBox, persons: dict[str, Person], client: str, lang: str
) -> Element:
    g = Element("g", class_="event")
    g.set_raw("data-event-id", event.id)
    g.set_raw("data-bbox", bbox(box.rect))
    g.set_raw("data-year", str(event.year))
    g.set_raw("data-valence", str(event.valence))
    g.set_raw("data-person-ids", " ".join(event.persons))
    g.add("title", event.title)
    g.add(
        "rect",
        x=box.x,
        y=box.y,
        width=box.width,
        height=box.height,
        rx=4,
        fill="#fff",
        stroke=sym.INK,
        stroke_width=0.8,
        stroke_dasharray=None if event.valence >= 0 else "4 2",
    )
    x = box.x + PAD
    y = box.y + PAD + LINE_H - 2.5
    for line in box.title:
        g.add("text", line, x=x, y=y, font_size=10.5, font_weight="bold")
        y += LINE_H
    g.add("text", f"{event.year} · {valence_text(event.valence)}", x=x, y=y, font_size=10)
    y += LINE_H
    names = [persons[pid].name for pid in others(event, client) if pid in persons]
    if others(event, client):
        g.add(
            "text",
            names_line(names, lang) if names else "",
            x=x,
            y=y,
            font_size=10,
            font_style="italic",
        )
    return g


def table(case: Case, lang: str = "nl") -> list[dict[str, str]]:
    """One row per life event in time order: who was concerned, the year, title and valence."""
    persons = {p.id: p for p in case.network.persons}
    rows: list[dict[str, str]] = []
    for event in ordered(list(case.network.events)):
        names = [persons[pid].name for pid in event.persons if pid in persons]
        side = (
            tr("positief", "positive", lang)
            if event.valence > 0
            else tr("negatief", "negative", lang)
            if event.valence < 0
            else tr("neutraal", "neutral", lang)
        )
        when = event.date.isoformat() if event.date is not None else str(event.year)
        rows.append(
            {
                "kind": tr("gebeurtenis", "event", lang),
                "id": event.id,
                "who": ", ".join(names),
                "details": f"{when}: {event.title} ({valence_text(event.valence)}, {side})"
                + private(event.sensitive, lang),
            }
        )
    return rows
