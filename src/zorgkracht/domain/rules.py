"""The rules of one record of a case, each written once, with its problem in Dutch and English.

Every way a case changes uses these: reading a case file, a network list or GEDCOM
(:func:`zorgkracht.domain.invariants.check_case`), the edit operations and the forms
(``zorgkracht.services.edits``), the interview. A rule names the *field* of the record that
breaks it through ``at``: the case check turns ``b`` into ``couples/c2/b``, an edit operation into
``b`` (an ``add_*``) or ``changes/b`` (an ``update_*``), naming a changed field instead
(``at("b", "a")``: ``changes/a`` when only ``a`` was changed).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from typing import Any, Protocol

from .bounds import AGE, CARE_HOURS, CARE_MONTHS, STRENGTH, VALENCE, WEIGHT, YEAR, Bound
from .codes import INSTRUMENT_ITEMS
from .errors import Problem
from .model import (
    ChildRelation,
    CoupleRelation,
    Domain,
    EmotionalRelation,
    InstrumentResponse,
    LifeEvent,
    Person,
    Tie,
)


class At(Protocol):
    """Where a problem with ``field`` is; ``instead`` are the other fields that cause it."""

    def __call__(self, field: str, *instead: str) -> str: ...


def record_at(base: str) -> At:
    """The places under ``base`` (``couples/c2`` → ``couples/c2/b``)."""

    def at(field: str, *instead: str) -> str:
        return f"{base}/{field}"

    return at


def unknown(where: str, ref: str, what_nl: str = "persoon", what_en: str = "person") -> Problem:
    """``ref`` does not name a person (or what ``what_*`` says) of the case."""
    return Problem(
        where,
        f"{what_nl} '{ref}' staat niet in de casus",
        f"{what_en} '{ref}' is not in the case",
        "unknown_reference",
    )


def required(where: str, nl: str, en: str) -> Problem:
    return Problem(where, f"{nl} is leeg", f"{en} is empty", "required")


def _bounded(problems: list[Problem], where: str, value: float | None, bound: Bound[Any]) -> None:
    found = None if value is None else bound.problem(where, value)
    if found is not None:
        problems.append(found)


# --- persons ---------------------------------------------------------------------------------


def person_problems(p: Person, at: At) -> list[Problem]:
    problems: list[Problem] = []
    if not p.name.strip():
        problems.append(required(at("name"), "naam", "name"))
    _bounded(problems, at("birth_year"), p.birth_year, YEAR)
    _bounded(problems, at("death_year"), p.death_year, YEAR)
    if p.birth_year is not None and p.death_year is not None and p.death_year < p.birth_year:
        problems.append(
            Problem(
                at("death_year", "birth_year"),
                f"overleden ({p.death_year}) vóór de geboorte ({p.birth_year})",
                f"death ({p.death_year}) before birth ({p.birth_year})",
                "death_before_birth",
            )
        )
    _bounded(problems, at("age"), p.age, AGE)
    _bounded(problems, at("weight"), p.weight, WEIGHT)
    if p.pet is not None and not p.pet.strip():
        problems.append(required(at("pet"), "soort huisdier", "kind of pet"))
    return problems


# --- family relations ------------------------------------------------------------------------


def couple_problems(c: CoupleRelation, persons: Collection[str], at: At) -> list[Problem]:
    """Both partners are persons of the case, nobody is their own partner, the years are
    years and the couple does not end before it starts."""
    problems = [
        unknown(at(end), ref) for end, ref in (("a", c.a), ("b", c.b)) if ref not in persons
    ]
    if c.a == c.b:
        problems.append(
            Problem(
                at("b", "a"),
                f"'{c.a}' kan niet de eigen partner zijn",
                f"'{c.a}' cannot be their own partner",
                "self_partner",
            )
        )
    _bounded(problems, at("start_year"), c.start_year, YEAR)
    _bounded(problems, at("end_year"), c.end_year, YEAR)
    if c.start_year is not None and c.end_year is not None and c.end_year < c.start_year:
        problems.append(
            Problem(
                at("end_year", "start_year"),
                f"einde ({c.end_year}) vóór begin ({c.start_year})",
                f"end ({c.end_year}) before start ({c.start_year})",
                "end_before_start",
            )
        )
    return problems


Cycle = Callable[[ChildRelation, str], "list[str] | None"]
"""The parent line that hanging ``rel.child`` from ``parent`` would close (``child → parent →
... → child``), or ``None``; see :mod:`zorgkracht.domain.lineage`."""


def parent_cycle(where: str, chain: list[str]) -> Problem:
    text = " → ".join(chain)
    return Problem(
        where,
        f"ouderlijn loopt rond: {text}",
        f"parent line forms a cycle: {text}",
        "parent_cycle",
    )


def child_problems(
    rel: ChildRelation, persons: Mapping[str, Person], cycle: Cycle, at: At
) -> list[Problem]:
    """The child and its one or two parents are persons of the case, a parent is listed once
    and is not the child, no parent line runs round, a child is not born before a parent, and
    a twin type comes with a twin group. One problem per parent, the first that applies."""
    problems: list[Problem] = []
    kid = persons.get(rel.child)
    if kid is None:
        problems.append(unknown(at("child"), rel.child))
    if not 1 <= len(rel.parents) <= 2:
        problems.append(
            Problem(
                at("parents"),
                f"{len(rel.parents)} ouders; een kind hangt aan één of twee ouders",
                f"{len(rel.parents)} parents; a child hangs from one or two parents",
                "parent_count",
            )
        )
    seen: set[str] = set()
    for k, parent in enumerate(rel.parents):
        where = at(f"parents/{k}", "child")
        par = persons.get(parent)
        chain = None if parent in seen or parent == rel.child or par is None else cycle(rel, parent)
        if parent in seen:
            problems.append(
                Problem(
                    where,
                    "dezelfde ouder staat er twee keer",
                    "the same parent is listed twice",
                    "duplicate_id",
                )
            )
        elif parent == rel.child:
            problems.append(
                Problem(
                    where,
                    f"'{parent}' kan niet de eigen ouder zijn",
                    f"'{parent}' cannot be their own parent",
                    "self_parent",
                )
            )
        elif par is None:
            problems.append(unknown(where, parent))
        elif chain is not None:
            problems.append(parent_cycle(where, chain))
        elif (
            kid is not None
            and kid.birth_year is not None
            and par.birth_year is not None
            and kid.birth_year < par.birth_year
        ):
            problems.append(
                Problem(
                    where,
                    f"kind '{kid.id}' ({kid.birth_year}) is geboren vóór ouder "
                    f"'{par.id}' ({par.birth_year})",
                    f"child '{kid.id}' ({kid.birth_year}) was born before parent "
                    f"'{par.id}' ({par.birth_year})",
                    "child_before_parent",
                )
            )
        seen.add(parent)
    if rel.twin_type is not None and rel.twin_group is None:
        problems.append(
            Problem(
                at("twin_type", "twin_group"),
                "soort tweeling zonder tweelinggroep",
                "twin type without a twin group",
                "twin_without_group",
            )
        )
    return problems


def duplicate_child_problem(
    rel: ChildRelation, children: Collection[ChildRelation], at: At
) -> Problem | None:
    """A new child relation that another one already holds (same child, same parents).

    Checked when a relation is added or moved; a file that has one is read as it is."""
    if any(
        other.id != rel.id and other.child == rel.child and set(other.parents) == set(rel.parents)
        for other in children
    ):
        return Problem(
            at("parents", "child"),
            "deze kindrelatie staat al in de casus",
            "this child relation is already in the case",
            "duplicate",
        )
    return None


def emotion_problems(e: EmotionalRelation, persons: Collection[str], at: At) -> list[Problem]:
    problems = [
        unknown(at(end), ref) for end, ref in (("a", e.a), ("b", e.b)) if ref not in persons
    ]
    if e.a == e.b:
        problems.append(
            Problem(
                at("b", "a"),
                "een relatie verbindt twee verschillende personen",
                "a relation joins two different persons",
                "self_relation",
            )
        )
    return problems


# --- ties, domains, life events ----------------------------------------------------------------


def tie_ends_problems(a: str, b: str, nodes: Collection[str], at: At) -> list[Problem]:
    """Both ends of a tie are persons or domains of the case, and not the same one."""
    problems = [
        unknown(at(end), ref, "persoon of domein", "person or domain")
        for end, ref in (("a", a), ("b", b))
        if ref not in nodes
    ]
    if a == b:
        problems.append(
            Problem(
                at("b", "a"),
                "een relatie verbindt twee verschillende personen of leefgebieden",
                "a tie joins two different persons or domains",
                "self_relation",
            )
        )
    return problems


def tie_problems(t: Tie, nodes: Collection[str], at: At) -> list[Problem]:
    problems = tie_ends_problems(t.a, t.b, nodes, at)
    _bounded(problems, at("strength"), t.strength, STRENGTH)
    _bounded(problems, at("care_hours_per_week"), t.care_hours_per_week, CARE_HOURS)
    _bounded(problems, at("care_months"), t.care_months, CARE_MONTHS)
    _bounded(problems, at("client_care_hours_per_week"), t.client_care_hours_per_week, CARE_HOURS)
    _bounded(problems, at("client_care_months"), t.client_care_months, CARE_MONTHS)
    if t.care_months is not None and t.care_since is not None:
        problems.append(
            Problem(
                at("care_since", "care_months"),
                "geef zorgmaanden óf een begindatum, niet beide",
                "give care months or a start date, not both",
                "both_given",
            )
        )
    return problems


def domain_problems(d: Domain, persons: Collection[str], at: At) -> list[Problem]:
    problems: list[Problem] = []
    if not d.name.strip():
        problems.append(required(at("name"), "naam", "name"))
    problems += [
        unknown(at(f"members/{k}"), r) for k, r in enumerate(d.members) if r not in persons
    ]
    return problems


def event_problems(ev: LifeEvent, persons: Collection[str], at: At) -> list[Problem]:
    problems: list[Problem] = []
    if not ev.title.strip():
        problems.append(required(at("title"), "titel", "title"))
    _bounded(problems, at("valence"), ev.valence, VALENCE)
    _bounded(problems, at("year"), ev.year, YEAR)
    if ev.date is not None and ev.date.year != ev.year:
        problems.append(
            Problem(
                at("date", "year"),
                f"datum {ev.date.isoformat()} valt niet in jaar {ev.year}",
                f"date {ev.date.isoformat()} is not in year {ev.year}",
                "inconsistent",
            )
        )
    problems += [
        unknown(at(f"persons/{k}"), r) for k, r in enumerate(ev.persons) if r not in persons
    ]
    return problems


# --- instruments -------------------------------------------------------------------------------


def instrument_problems(
    response: InstrumentResponse, persons: Collection[str], at: At
) -> list[Problem]:
    """An instrument code that is known, item numbers it has, answers within their range, and
    a respondent (when given) who is a person of the network the answers belong to."""
    problems: list[Problem] = []
    if response.respondent is not None and response.respondent not in persons:
        problems.append(
            Problem(
                at("respondent"),
                f"wie antwoordde ('{response.respondent}') staat niet in het netwerk",
                f"the respondent ('{response.respondent}') is not in the network",
                "unknown_reference",
            )
        )
    spec = INSTRUMENT_ITEMS.get(response.instrument)
    if spec is None:
        known = ", ".join(sorted(INSTRUMENT_ITEMS))
        problems.append(
            Problem(
                at("instrument"),
                f"onbekend instrument '{response.instrument}' (bekend: {known})",
                f"unknown instrument '{response.instrument}' (known: {known})",
                "unknown_instrument",
            )
        )
        return problems
    items, low, high = spec
    for item, answer in response.answers.items():
        if item not in {str(i) for i in range(1, items + 1)}:
            problems.append(
                Problem(
                    at(f"answers/{item}"),
                    f"{response.instrument} heeft geen item '{item}' (items 1-{items})",
                    f"{response.instrument} has no item '{item}' (items 1-{items})",
                    "unknown_item",
                )
            )
        elif answer is not None and not low <= answer <= high:
            problems.append(
                Problem(
                    at(f"answers/{item}"),
                    f"antwoord {answer} ligt niet tussen {low} en {high}",
                    f"answer {answer} is not between {low} and {high}",
                    "out_of_range",
                )
            )
    return problems
