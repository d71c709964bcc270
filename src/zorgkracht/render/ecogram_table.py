"""The ecogram as a table: the same content as the picture, for screen readers and the case
file. Rows ``{"kind", "id", "who", "details"}`` in the order of the picture: the client system,
the domains with their persons, the persons in no domain, the ties."""

from __future__ import annotations

from enum import Enum

from zorgkracht.domain import Case, Person, Tie
from zorgkracht.domain.codes import Direction, Support
from zorgkracht.i18n import Text, in_language
from zorgkracht.layout.ecogram import EcogramLayout, layout_ecogram

from . import words
from .content import gender_kind, reference_year
from .legend import label as genogram_label

_WORDS: dict[str, tuple[str, str]] = {
    "household": ("cliëntsysteem", "client system"),
    "domain": words.DOMAIN,
    "organisation": words.ORGANISATION,
    "person": ("persoon", "person"),
    "tie": words.TIE,
    "client": ("cliënt", "client"),
    "age": ("leeftijd", "age"),
    "pet": ("huisdier", "pet"),
    "deceased": ("overleden", "deceased"),
    "in": ("in", "in"),
    "also": ("ook genoemd in", "also listed in"),
    "no_domain": ("in geen leefgebied", "in no life domain"),
    "nobody": ("geen personen", "no persons"),
    "persons": ("personen", "persons"),
    "support": ("steun", "support"),
    "reciprocal": ("de cliënt geeft iets terug", "the client gives something back"),
    "not_reciprocal": ("de cliënt geeft niets terug", "the client gives nothing back"),
    "hours": ("uur zorg per week", "hours of care a week"),
    "sensitive": ("gevoelig", "sensitive"),
    "unknown": ("geslacht onbekend", "gender unknown"),
}


def _w(key: str, lang: str) -> str:
    return in_language(Text(*_WORDS[key]), lang)


_CODES: dict[tuple[type, object, str], str] = {}
_SUPPORT_ORDER = tuple(Support)


def _code(value: object, lang: str) -> str:
    """The label of a code in ``lang``; an enumeration member's label is looked up once (codes
    only, never client text)."""
    if isinstance(value, Enum):
        key = (type(value), value, lang)
        known = _CODES.get(key)
        if known is None:
            known = _CODES[key] = _label(value, lang)
        return known
    return _label(value, lang)


def _label(value: object, lang: str) -> str:
    nl, en = getattr(value, "nl", str(value)), getattr(value, "en", str(value))
    return str(in_language(Text(nl, en), lang))


def _describe(person: Person, lang: str, year: int) -> list[str]:
    kind = gender_kind(person)
    if kind == "pet":
        first = f"{_w('pet', lang)} ({person.pet})"
    elif kind in ("unknown", "organisation"):
        first = _w(kind, lang)
    else:
        first = genogram_label(f"gender:{kind}", lang)
    parts = [first]
    if person.role is not None:
        parts.append(_code(person.role, lang))
    if person.is_deceased:
        parts.append(_w("deceased", lang))
    age = person.age_in(year)
    if age is not None and age >= 0:
        parts.append(f"{_w('age', lang)} {age}")
    return parts


def _arrow(direction: Direction) -> str:
    return {
        Direction.TO_CLIENT: " ← ",
        Direction.FROM_CLIENT: " → ",
        Direction.BOTH: " ↔ ",
        Direction.NONE: " — ",
    }[direction]


def _tie_details(tie: Tie, lang: str) -> str:
    parts = [
        _code(tie.quality, lang),
        words.strength(tie.strength, lang),
    ]
    if tie.direction is not Direction.NONE:
        parts.append(_code(tie.direction, lang))
    support = tie.support
    kinds = [s for s in _SUPPORT_ORDER if s in support] if support else []
    if kinds:
        text = ", ".join(f"{s.value} {_code(s, lang)}" for s in kinds)
        parts.append(f"{_w('support', lang)}: {text}")
    if tie.reciprocal is not None:
        parts.append(_w("reciprocal" if tie.reciprocal else "not_reciprocal", lang))
    if tie.care_hours_per_week is not None:
        parts.append(f"{tie.care_hours_per_week:g} {_w('hours', lang)}")
    if tie.sensitive:
        parts.append(_w("sensitive", lang))
    return ", ".join(parts)


def ecogram_table(
    case: Case,
    lang: str = "nl",
    *,
    layout: EcogramLayout | None = None,
    year: int | None = None,
) -> list[dict[str, str]]:
    """One row per drawn person, domain and tie, in the order of the picture (the client
    first)."""
    if layout is None:
        layout = layout_ecogram(case)
    when = reference_year(year)
    net = case.network
    people = {p.id: p for p in net.persons}
    domains = {d.id: d for d in net.domains}
    rows: list[dict[str, str]] = []

    def add(kind: str, ident: str, who: str, details: str) -> None:
        rows.append({"kind": _w(kind, lang), "id": ident, "who": who, "details": details})

    def listed_in(pid: str, drawn_in: str) -> list[str]:
        return [d.name for d in net.domains if pid in d.members and d.id != drawn_in]

    for circle in layout.circles:
        if circle.kind == "domain":
            d = domains[circle.id]
            names = [people[m].name for m in d.members if m in people]
            who = f"{_w('persons', lang)}: {', '.join(names)}" if names else _w("nobody", lang)
            add("domain", d.id, d.name, f"{_code(d.kind, lang)}; {who}")
        members = list(circle.members)
        if circle.kind == "household" and layout.client in members:
            members.remove(layout.client)
            members.insert(0, layout.client)  # the client first, then the picture's order
        for pid in members:
            person = people[pid]
            parts = _describe(person, lang, when)
            if circle.kind == "household":
                kind = "household"
                if pid == layout.client:
                    parts.insert(0, _w("client", lang))
            else:
                kind = "organisation" if person.organisation else "person"
                where = (
                    _w("no_domain", lang)
                    if circle.kind == "other"
                    else f"{_w('in', lang)} {domains[circle.id].name}"
                )
                parts.insert(0, where)
            also = listed_in(pid, circle.id if circle.kind == "domain" else "")
            if also:
                parts.append(f"{_w('also', lang)}: {', '.join(also)}")
            add(kind, pid, person.name, ", ".join(parts))
    ties = {t.id: t for t in net.ties}

    def name(node: str) -> str:
        return people[node].name if node in people else domains[node].name

    for line in layout.ties:
        tie = ties[line.id]
        add(
            "tie",
            tie.id,
            f"{name(tie.a)}{_arrow(tie.direction)}{name(tie.b)}",
            _tie_details(tie, lang),
        )
    return rows


def ecogram_text(case: Case, lang: str = "nl", *, year: int | None = None) -> str:
    """The table as plain text, one line per row."""
    rows = ecogram_table(case, lang, year=year)
    return "\n".join(f"{r['kind']}: {r['who']} — {r['details']}" for r in rows) + "\n"
