"""The genogram legend: one line for each symbol the picture actually uses, in nl or en."""

from __future__ import annotations

from zorgkracht.domain import Case
from zorgkracht.domain.codes import (
    ChildType,
    Coded,
    ConditionKind,
    ConditionState,
    CoupleType,
    EmotionalType,
    Gender,
    Identity,
    TwinType,
)
from zorgkracht.i18n import Text, in_language
from zorgkracht.layout.genogram import GenogramLayout
from zorgkracht.layout.geometry import XY, Rect

from . import symbols as sym
from .content import Drawn, gender_kind
from .svg import AttrValue, Element, path_d

ITEM_H = 26.0
LEGEND_W = 250.0

_OWN: dict[str, tuple[str, str]] = {
    "person:index": ("indexpersoon", "index person"),
    "person:deceased": ("overleden", "deceased"),
    "person:pet": ("huisdier (soort tussen haakjes)", "pet (kind in brackets)"),
    "person:organisation": (
        "organisatie (vereniging, instelling)",
        "organisation (club, institution)",
    ),
    "person:pregnant": ("zwanger", "pregnant"),
    "text:born": ("*1984 = geboortejaar", "*1984 = year of birth"),
    "text:died": ("†2010 = overlijdensjaar", "†2010 = year of death"),
    "text:age": ("getal in het symbool = leeftijd", "number in the symbol = age"),
    "couple:implicit": ("ouders, geen relatie ingevuld", "parents, no relation entered"),
}


def _order() -> list[str]:
    keys = [f"gender:{g.value}" for g in Gender]
    keys += [
        "person:pet",
        "person:organisation",
        "person:index",
        "person:deceased",
        "person:pregnant",
    ]
    keys += ["text:born", "text:died", "text:age"]
    keys += [f"identity:{i.value}" for i in Identity]
    keys += [f"condition:{c.value}" for c in ConditionKind]
    keys += [f"state:{s.value}" for s in ConditionState if s is not ConditionState.PRESENT]
    keys += [f"couple:{c.value}" for c in CoupleType] + ["couple:implicit"]
    keys += [f"child:{c.value}" for c in ChildType]
    keys += [f"twin:{t.value}" for t in TwinType]
    keys += [f"emotion:{e.value}" for e in EmotionalType]
    return keys


ORDER = _order()


def label(key: str, lang: str) -> str:
    """The legend text for a symbol key, from the domain codes where there is one."""
    if key in _OWN:
        return in_language(Text(*_OWN[key]), lang)
    group, value = key.split(":", 1)
    enums: dict[str, type[Coded]] = {
        "gender": Gender,
        "identity": Identity,
        "condition": ConditionKind,
        "state": ConditionState,
        "couple": CoupleType,
        "child": ChildType,
        "twin": TwinType,
        "emotion": EmotionalType,
    }
    code = enums[group](value)
    return in_language(code, lang)


def used_symbols(case: Case, layout: GenogramLayout, d: Drawn, year: int) -> list[str]:
    """Keys of the symbols the picture uses, in legend order."""
    used: set[str] = set()
    for pid, person in d.persons.items():
        birth = d.births.get(pid)
        if birth is not None:
            used.add(f"child:{birth.value}")
        else:
            kind = gender_kind(person)
            used.add(f"person:{kind}" if kind in ("pet", "organisation") else f"gender:{kind}")
            if person.is_deceased:
                used.add("person:deceased")
            if pid == layout.index:
                used.add("person:index")
            used.update(f"identity:{i.value}" for i in person.identities)
            for cond in person.conditions:
                used.add(f"condition:{cond.kind.value}")
                if cond.state is not ConditionState.PRESENT:
                    used.add(f"state:{cond.state.value}")
            if person.pregnant:
                used.add("person:pregnant")
            age = person.age_in(year)
            if age is not None and age >= 0:
                used.add("text:age")
        if person.birth_year is not None:
            used.add("text:born")
        if person.death_year is not None:
            used.add("text:died")
    couples = {c.id: c for c in case.network.couples}
    for line in layout.couples:
        if line.a in d.persons and line.b in d.persons:
            rel = couples.get(line.relation) if line.relation is not None else None
            used.add(f"couple:{rel.type.value}" if rel is not None else "couple:implicit")
    relations = {ch.id: ch for ch in case.network.children}
    families = {f.key: f for f in layout.families}
    for child in layout.children:
        fam = families[child.family]
        if child.child in d.persons and any(p in d.persons for p in fam.parents):
            used.add(f"child:{relations[child.relation].type.value}")
    for twin in layout.twins:
        if all(c in d.persons for c in twin.children):
            used.add(f"twin:{'identical' if twin.identical else 'fraternal'}")
    emotions = {e.id: e for e in case.network.emotions}
    hide = layout.hide_sensitive
    for eline in layout.emotions:
        emo = emotions[eline.id]
        if eline.a in d.persons and eline.b in d.persons and not (hide and emo.sensitive):
            used.add(f"emotion:{emo.type.value}")
    return [k for k in ORDER if k in used]


def sample(key: str, at: XY) -> list[Element]:
    """A small drawing of the symbol, 40 wide and 20 high, its top left at ``at``."""
    box = Rect(at.x + 11, at.y + 1, 18, 18)
    group, value = key.split(":", 1)
    line: dict[str, AttrValue] = {"fill": "#fff", "stroke": sym.INK, "stroke_width": 1.5}
    if group == "gender":
        return [sym.shape(value, box, **line)]
    if key in ("person:pet", "person:organisation"):
        return [sym.shape(value, box, **line)]
    if key == "person:index":
        return [sym.shape("female", box, **line), sym.shape("female", sym.grow(box, 3), **line)]
    if key == "person:deceased":
        return [sym.shape("male", box, **line), sym.cross(box)]
    if key == "person:pregnant":
        return [sym.shape("female", box, **line), sym.pregnant_mark(XY(box.right + 8, box.bottom))]
    if group == "text":
        text = {"born": "*1984", "died": "†2010", "age": "28"}[value]
        return [Element("text", text, x=at.x + 20, y=at.y + 14, font_size=9, text_anchor="middle")]
    if group == "identity":
        kind = {"gay": "male", "lesbian": "female"}.get(value, "unknown")
        return [sym.shape(kind, box, **line), sym.identity_mark(value, XY(box.x + 9, box.y + 3))]
    if group in ("condition", "state"):
        kind_ = ConditionKind(value) if group == "condition" else ConditionKind.PHYSICAL_ILLNESS
        state = ConditionState(value) if group == "state" else ConditionState.PRESENT
        region = sym.condition_region(kind_, Rect(box.x + 1, box.y + 1, 16, 16))
        fill = Element(
            "rect",
            x=region.x,
            y=region.y,
            width=region.width,
            height=region.height,
            fill=sym.state_fill(state),
        )
        frame = sym.shape("male", box, fill="none", stroke=sym.INK, stroke_width=1.5)
        return [sym.shape("male", box, **line), fill, frame]
    if group == "couple":
        return sym.couple_line(value, XY(at.x + 2, at.y + 2), XY(at.x + 38, at.y + 2), at.y + 14)
    if group == "child":
        kind = ChildType(value)
        if kind in (
            ChildType.PREGNANCY,
            ChildType.MISCARRIAGE,
            ChildType.STILLBIRTH,
            ChildType.ABORTION,
        ):
            return sym.child_symbol(kind, "male", Rect(at.x + 6, at.y - 4, 28, 28))
        out = sym.child_line(kind, [XY(at.x + 20, at.y), XY(at.x + 20, at.y + 20)])
        if kind is ChildType.ADOPTED:
            out.append(sym.brackets(Rect(at.x + 27, at.y + 6, 8, 8)))
        return out
    if group == "twin":
        top = XY(at.x + 20, at.y)
        left, right = XY(at.x + 8, at.y + 20), XY(at.x + 32, at.y + 20)
        out = [
            Element(
                "path", d=path_d([left, top, right]), fill="none", stroke=sym.INK, stroke_width=1.5
            )
        ]
        if value == TwinType.IDENTICAL:
            bar = [XY(at.x + 14, at.y + 10), XY(at.x + 26, at.y + 10)]
            out.append(Element("path", d=path_d(bar), stroke=sym.INK, stroke_width=1.5))
        return out
    pts = [XY(at.x + 1, at.y + 10), XY(at.x + 39, at.y + 10)]
    return sym.emotion_line(EmotionalType(value), pts)


def legend(keys: list[str], lang: str, at: XY) -> tuple[Element, float, float]:
    """The legend group, its width and its height, placed with its top left at ``at``."""
    g = Element("g", class_="legend")
    x, y = at.x + 12, at.y + 24
    g.add(
        "text",
        in_language(Text("Legenda", "Legend"), lang),
        x=x,
        y=y + 6,
        font_size=13,
        font_weight="bold",
    )
    y += 20
    for key in keys:
        item = g.add("g", class_="legend-item")
        item.set_raw("data-symbol", key)
        item.extend(sample(key, XY(x, y)))
        item.add("text", label(key, lang), x=x + 52, y=y + 14, font_size=10.5)
        y += ITEM_H
    return g, LEGEND_W, y - at.y
