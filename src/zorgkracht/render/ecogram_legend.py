"""The ecogram legend: one line for each symbol the picture actually uses, in nl or en.

Person shapes, couple and child lines come from the genogram legend (the same drawing and the
same words); circles and tie lines are the ecogram's own.
"""

from __future__ import annotations

from zorgkracht.domain import Case
from zorgkracht.domain.codes import (
    ChildType,
    ConditionKind,
    ConditionState,
    CoupleType,
    Direction,
    Gender,
    Quality,
    Support,
)
from zorgkracht.i18n import Text, in_language
from zorgkracht.layout.ecogram import HOUSEHOLD, EcogramLayout
from zorgkracht.layout.geometry import XY, Rect

from . import ecogram_lines as lines
from . import legend as genogram_legend
from . import symbols as sym
from . import words
from .content import gender_kind
from .svg import AttrValue, Element

ITEM_H = 30.0
LEGEND_W = 240.0
TEXT_SIZE = 13.0

_OWN: dict[str, tuple[str, str]] = {
    "circle:household": (
        "cliëntsysteem: het huishouden, als klein genogram",
        "client system: the household, as a small genogram",
    ),
    "circle:domain": (
        "leefgebied (domein), met de personen erin",
        "life domain, with its persons inside",
    ),
    "circle:other": (
        "gestreept: in geen leefgebied, naar soort relatie",
        "dashed: in no life domain, by kind of relation",
    ),
    "person:client": ("cliënt (dubbele rand)", "client (double outline)"),
    "tie:reciprocal": ("⇄ de cliënt geeft ook iets terug", "⇄ the client gives something back"),
    **{
        f"strength:{n}": (
            f"{line[0]}: {words.STRENGTH[n][0]}",
            f"{line[1]}: {words.STRENGTH[n][1]}",
        )
        for n, line in (
            (1, ("dunne lijn", "thin line")),
            (2, ("middeldikke lijn", "medium line")),
            (3, ("dikke lijn", "thick line")),
        )
    },
    **{
        f"quality:{q.value}": (
            f"{words.LINE[q][0]}: {words.RELATION[q][0]}",
            f"{words.LINE[q][1]}: {words.RELATION[q][1]}",
        )
        for q in Quality
    },
    "direction:to_client": (
        "pijl: richting van de relatie, naar de cliënt",
        "arrow: direction of the relationship, to the client",
    ),
    "direction:from_client": (
        "pijl: richting van de relatie, van de cliënt",
        "arrow: direction of the relationship, from the client",
    ),
    "direction:both": (
        "twee pijlen: richting van de relatie, wederzijds",
        "two arrows: direction of the relationship, both ways",
    ),
}


def _order() -> list[str]:
    keys = ["circle:household", "circle:domain", "circle:other"]
    keys += [f"gender:{g.value}" for g in Gender]
    keys += ["person:pet", "person:organisation", "person:client", "person:deceased", "text:age"]
    keys += [f"condition:{c.value}" for c in ConditionKind]
    keys += [f"state:{s.value}" for s in ConditionState if s is not ConditionState.PRESENT]
    keys += [f"couple:{c.value}" for c in CoupleType] + ["couple:implicit"]
    keys += [f"child:{c.value}" for c in ChildType]
    keys += [f"quality:{q.value}" for q in Quality]
    keys += [f"strength:{n}" for n in (1, 2, 3)]
    keys += [f"direction:{d.value}" for d in Direction if d is not Direction.NONE]
    keys += [f"support:{s.value}" for s in Support] + ["tie:reciprocal"]
    return keys


ORDER = _order()


def label(key: str, lang: str) -> str:
    if key in _OWN:
        return in_language(Text(*_OWN[key]), lang)
    if key.startswith("support:"):
        code = Support(key.split(":", 1)[1])
        return f"{code.value} = {in_language(code, lang)}"
    return genogram_legend.label(key, lang)


def used_symbols(case: Case, layout: EcogramLayout, year: int) -> list[str]:
    """Keys of the symbols the picture uses, in legend order."""
    used: set[str] = {f"circle:{c.kind}" for c in layout.circles}
    people = {p.id: p for p in case.network.persons}
    births = {d.child: d.type for d in layout.descents}
    for box in layout.persons:
        person = people[box.id]
        if births.get(box.id) in genogram_legend_special():
            used.add(f"child:{births[box.id]}")
            continue
        kind = gender_kind(person)
        used.add(f"person:{kind}" if kind in ("pet", "organisation") else f"gender:{kind}")
        if box.id == layout.client and box.group == HOUSEHOLD:
            used.add("person:client")
        if person.is_deceased:
            used.add("person:deceased")
        for cond in person.conditions:
            used.add(f"condition:{cond.kind.value}")
            if cond.state is not ConditionState.PRESENT:
                used.add(f"state:{cond.state.value}")
        age = person.age_in(year)
        if age is not None and age >= 0:
            used.add("text:age")
    used.update(f"couple:{c.type}" for c in layout.couples)
    used.update(f"child:{d.type}" for d in layout.descents)
    ties = {t.id: t for t in case.network.ties}
    for line in layout.ties:
        tie = ties[line.id]
        used.add(f"quality:{tie.quality.value}")
        used.add(f"strength:{min(max(tie.strength, 1), 3)}")
        if tie.direction is not Direction.NONE:
            used.add(f"direction:{tie.direction.value}")
        used.update(f"support:{s.value}" for s in tie.support)
        if tie.reciprocal:
            used.add("tie:reciprocal")
    return [k for k in ORDER if k in used]


def genogram_legend_special() -> tuple[str, ...]:
    """Child types drawn as their own symbol instead of a person shape."""
    return tuple(
        t.value
        for t in (
            ChildType.PREGNANCY,
            ChildType.MISCARRIAGE,
            ChildType.STILLBIRTH,
            ChildType.ABORTION,
        )
    )


def sample(key: str, at: XY) -> list[Element]:
    """A small drawing of the symbol, 48 wide and 22 high, its top left at ``at``."""
    group, value = key.split(":", 1)
    mid = at.y + 11
    pts = [XY(at.x + 2, mid), XY(at.x + 46, mid)]
    ink: dict[str, AttrValue] = {"stroke": sym.INK, "stroke_width": 1.5}
    if group == "circle":
        attrs: dict[str, AttrValue] = {"fill": "#fff", **ink}
        if value == "household":
            attrs["stroke_width"] = 3.0
        elif value == "domain":
            attrs["fill"] = "#f2f2f2"
        else:
            attrs["stroke_dasharray"] = "6 4"
        return [Element("circle", cx=at.x + 24, cy=mid, r=11.0, **attrs)]
    if key == "person:client":
        box = Rect(at.x + 15, at.y + 2, 18, 18)
        line: dict[str, AttrValue] = {"fill": "#fff", **ink}
        return [
            sym.shape("male", box, **line),
            sym.shape("male", sym.grow(box, 3), fill="none", **ink),
        ]
    if group == "quality":
        return lines.line(pts, 2, Quality(value), Direction.NONE)
    if group == "strength":
        return lines.line(pts, int(value), Quality.POSITIVE, Direction.NONE, sym.INK)
    if group == "direction":
        return lines.line(pts, 1, Quality.POSITIVE, Direction(value), sym.INK)
    if group == "support" or key == "tie:reciprocal":
        text = value if group == "support" else lines.RECIPROCAL
        return [
            Element(
                "path", d=f"M{at.x + 2} {mid}L{at.x + 46} {mid}", stroke=sym.INK, stroke_width=1.5
            ),
            *lines.halo_label(text, XY(at.x + 24, mid), lines.LETTER_SIZE),
        ]
    return genogram_legend.sample(key, XY(at.x + 4, at.y + 1))


def legend(keys: list[str], lang: str, at: XY) -> tuple[Element, float, float]:
    """The legend group, its width and its height, placed with its top left at ``at``."""
    g = Element("g", class_="legend", role="group")
    title = in_language(Text("Legenda", "Legend"), lang)
    g.set_raw("aria-label", title)
    x, y = at.x + 16, at.y + 28
    g.add("text", title, x=x, y=y + 6, font_size=16, font_weight="bold")
    y += 24
    for key in keys:
        item = g.add("g", class_="legend-item")
        item.set_raw("data-symbol", key)
        item.extend(sample(key, XY(x, y)))
        item.add("text", label(key, lang), x=x + 58, y=y + 15.5, font_size=TEXT_SIZE)
        y += ITEM_H
    longest = max((len(label(k, lang)) for k in keys), default=0)
    return g, max(LEGEND_W, 16 + 58 + longest * TEXT_SIZE * 0.6 + 16), y - at.y + 8
