"""What a genogram picture shows of a case, shared by the SVG, its legend and the text table."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from zorgkracht.domain import Case, Person
from zorgkracht.domain.codes import ChildType, Gender
from zorgkracht.layout.genogram import GenogramLayout

SPECIAL_BIRTHS = (
    ChildType.PREGNANCY,
    ChildType.MISCARRIAGE,
    ChildType.STILLBIRTH,
    ChildType.ABORTION,
)


GENDERS = ("male", "female", "other", "unknown")
"""The symbol kinds that are a gender (a pet and an organisation are not)."""


@dataclass(frozen=True, slots=True)
class Drawn:
    """What the picture shows of one case: the persons and relations left after filtering."""

    persons: dict[str, Person]
    births: dict[str, ChildType]
    adopted: set[str]


def gender_kind(person: Person) -> str:
    """The symbol drawn for ``person``: ``organisation`` (whatever the gender), ``pet``, or the
    gender: ``male``, ``female``, ``other``, ``unknown``."""
    if person.organisation:
        return "organisation"
    if person.is_pet:
        return "pet"
    return person.gender.value if person.gender is not Gender.UNKNOWN else "unknown"


def drawn(case: Case, layout: GenogramLayout, hide_sensitive: bool) -> Drawn:
    net = case.network
    ids = set(layout.ids())
    persons = {p.id: p for p in net.persons if p.id in ids and not (hide_sensitive and p.sensitive)}
    births: dict[str, ChildType] = {}
    adopted: set[str] = set()
    relations = {ch.id: ch for ch in net.children}
    for line in layout.children:
        ch = relations.get(line.relation)
        if ch is None or ch.child not in persons:
            continue
        if ch.type in SPECIAL_BIRTHS and ch.child not in births:
            births[ch.child] = ch.type
        if ch.type is ChildType.ADOPTED:
            adopted.add(ch.child)
    return Drawn(persons, births, adopted)


def reference_year(year: int | None) -> int:
    return year if year is not None else dt.date.today().year
