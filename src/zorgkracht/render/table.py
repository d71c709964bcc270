"""The genogram as a table and as plain text: the same content as the picture, for screen
readers and for the case file."""

from __future__ import annotations

from zorgkracht.domain import Case, Person
from zorgkracht.domain.codes import ConditionState, TwinType
from zorgkracht.i18n import Text, in_language
from zorgkracht.layout.genogram import GenogramLayout, layout_genogram

from .content import drawn, gender_kind, reference_year
from .legend import label
from .words import ORGANISATION

_WORDS: dict[str, tuple[str, str]] = {
    "person": ("persoon", "person"),
    "couple": ("paar", "couple"),
    "child": ("kind", "child"),
    "twins": ("tweeling", "twins"),
    "emotion": ("relatie", "relationship"),
    "generation": ("generatie", "generation"),
    "age": ("leeftijd", "age"),
    "born": ("geboren", "born"),
    "died": ("overleden", "died"),
    "of": ("van", "of"),
    "and": ("en", "and"),
    "pet": ("huisdier", "pet"),
    "organisation": ORGANISATION,
}


def _w(key: str, lang: str) -> str:
    return in_language(Text(*_WORDS[key]), lang)


def _describe(person: Person, layout: GenogramLayout, lang: str, year: int) -> str:
    box = layout.box(person.id)
    parts: list[str] = []
    kind = gender_kind(person)
    if kind == "pet":
        parts.append(f"{_w('pet', lang)} ({person.pet})")
    elif kind == "organisation":
        parts.append(_w("organisation", lang))
    else:
        parts.append(label(f"gender:{kind}", lang))
    parts.append(f"{_w('generation', lang)} {box.generation + 1}")
    if person.id == layout.index:
        parts.append(label("person:index", lang))
    if person.birth_year is not None:
        parts.append(f"{_w('born', lang)} {person.birth_year}")
    if person.death_year is not None:
        parts.append(f"{_w('died', lang)} {person.death_year}")
    elif person.is_deceased:
        parts.append(label("person:deceased", lang))
    age = person.age_in(year)
    if age is not None and age >= 0:
        parts.append(f"{_w('age', lang)} {age}")
    parts += [label(f"identity:{i.value}", lang) for i in sorted(person.identities)]
    for cond in person.conditions:
        text = label(f"condition:{cond.kind.value}", lang)
        if cond.state is not ConditionState.PRESENT:
            text += f" ({label(f'state:{cond.state.value}', lang)})"
        parts.append(text)
    if person.pregnant:
        parts.append(label("person:pregnant", lang))
    return ", ".join(parts)


def genogram_table(
    case: Case,
    lang: str = "nl",
    *,
    layout: GenogramLayout | None = None,
    hide_sensitive: bool = False,
    year: int | None = None,
) -> list[dict[str, str]]:
    """One row per drawn person, couple, child line, twin group and emotional relation:
    ``{"kind", "id", "who", "details"}``, in the order of the picture."""
    if layout is None:
        layout = layout_genogram(case, hide_sensitive=hide_sensitive)
    hide = hide_sensitive or layout.hide_sensitive
    d = drawn(case, layout, hide)
    when = reference_year(year)
    rows: list[dict[str, str]] = []

    def name(pid: str) -> str:
        return d.persons[pid].name

    def add(kind: str, ident: str, who: str, details: str) -> None:
        rows.append({"kind": _w(kind, lang), "id": ident, "who": who, "details": details})

    for box in layout.persons:
        if box.id in d.persons:
            person = d.persons[box.id]
            kind = "organisation" if person.organisation else "person"
            add(kind, person.id, person.name, _describe(person, layout, lang, when))
    couples = {c.id: c for c in case.network.couples}
    for line in layout.couples:
        if line.a not in d.persons or line.b not in d.persons:
            continue
        rel = couples.get(line.relation) if line.relation is not None else None
        text = label(f"couple:{rel.type.value}" if rel else "couple:implicit", lang)
        if rel is not None and (rel.start_year is not None or rel.end_year is not None):
            text += f", {rel.start_year or ''}–{rel.end_year or ''}"
        add("couple", line.id, f"{name(line.a)} {_w('and', lang)} {name(line.b)}", text)
    relations = {ch.id: ch for ch in case.network.children}
    families = {f.key: f for f in layout.families}
    for child in layout.children:
        parents = [p for p in families[child.family].parents if p in d.persons]
        if child.child not in d.persons or not parents:
            continue
        ch = relations[child.relation]
        of = f" {_w('and', lang)} ".join(name(p) for p in parents)
        add(
            "child",
            ch.id,
            name(child.child),
            f"{label(f'child:{ch.type.value}', lang)}, {_w('of', lang)} {of}",
        )
    for twin in layout.twins:
        if all(c in d.persons for c in twin.children):
            kind = TwinType.IDENTICAL if twin.identical else TwinType.FRATERNAL
            who = f" {_w('and', lang)} ".join(name(c) for c in twin.children)
            add("twins", twin.group, who, label(f"twin:{kind.value}", lang))
    emotions = {e.id: e for e in case.network.emotions}
    for eline in layout.emotions:
        emo = emotions[eline.id]
        if eline.a not in d.persons or eline.b not in d.persons or (hide and emo.sensitive):
            continue
        arrow = " → " if emo.type.directed else " — "
        add(
            "emotion",
            emo.id,
            f"{name(eline.a)}{arrow}{name(eline.b)}",
            label(f"emotion:{emo.type.value}", lang),
        )
    return rows


def genogram_text(
    case: Case,
    lang: str = "nl",
    *,
    layout: GenogramLayout | None = None,
    hide_sensitive: bool = False,
    year: int | None = None,
) -> str:
    """The table as plain text, one line per row."""
    rows = genogram_table(case, lang, layout=layout, hide_sensitive=hide_sensitive, year=year)
    return "\n".join(f"{r['kind']}: {r['who']} — {r['details']}" for r in rows) + "\n"
