"""Reading a case for the interview and reading its answers (see
:mod:`zorgkracht.services.interview`): who is who, and the checks that turn a submitted value
into a code, a number or yes/no, each problem named by its field."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from enum import Enum
from typing import Any, TypeVar

from zorgkracht.domain import (
    Case,
    Circle,
    Direction,
    Gender,
    NotFound,
    Person,
    Problem,
    Role,
    Support,
    Tie,
)
from zorgkracht.domain.bounds import CARE_HOURS

from .edits import Json, apply_edit, record_json
from .interview_family import is_unknown_parent
from .interview_steps import KIN_BY_KEY, NameStep

__all__ = [
    "ADD_TIE_FIELDS",
    "apply_operations",
    "batch",
    "changed_fields",
    "choice",
    "circle_of",
    "client_tie",
    "direction_of",
    "find_by_name",
    "hours",
    "known_pairs",
    "member",
    "named_members",
    "new_tie_operations",
    "norm",
    "pair_key",
    "relation",
    "support_letters",
    "yes_no",
]


def client_tie(case: Case, person_id: str) -> Tie | None:
    """The tie between the client and ``person_id`` (the first, if there are several)."""
    for tie in case.network.ties:
        if {tie.a, tie.b} == {case.client, person_id}:
            return tie
    return None


def named_members(case: Case) -> list[Person]:
    """The members the client named: every member but the unknown parents the interview
    made so that brothers and sisters share parents (they have no tie with the client)."""
    return [p for p in case.members() if not is_unknown_parent(case, p)]


def member(case: Case, person_id: str) -> Person:
    """A network member (anyone but the client); ``NotFound`` otherwise."""
    for person in case.members():
        if person.id == person_id:
            return person
    raise NotFound(
        f"Persoon {person_id!r} staat niet in dit netwerk.",
        f"Person {person_id!r} is not in this network.",
    )


def find_by_name(case: Case, name: str) -> Person | None:
    """The person whose name is ``name``, ignoring case and surrounding or repeated spaces."""
    wanted = norm(name)
    for person in case.network.persons:
        if norm(person.name) == wanted:
            return person
    return None


def known_pairs(case: Case) -> set[tuple[str, str]]:
    """Pairs (in member order) of members joined by a tie: who knows whom."""
    order = {p.id: i for i, p in enumerate(case.members())}
    pairs: set[tuple[str, str]] = set()
    for tie in case.network.ties:
        if tie.a in order and tie.b in order and tie.a != tie.b:
            pairs.add(pair_key(order, tie.a, tie.b))
    return pairs


def pair_key(order: Mapping[str, int], a: str, b: str) -> tuple[str, str]:
    return (a, b) if order[a] <= order[b] else (b, a)


def batch(operations: Sequence[Json]) -> Json:
    """One edit operation made of ``operations``: applied in order, all or nothing."""
    return {"op": "batch", "operations": list(operations)}


def apply_operations(case: Case, operations: Sequence[Json]) -> Case:
    """A copy of ``case`` with ``operations`` applied (as the interview saves them)."""
    return apply_edit(case, batch(operations)).case


# --- reading the answers ----------------------------------------------------------------
E = TypeVar("E", bound=Enum)


def choice(
    kind: type[E],
    raw: str,
    field: str,
    problems: list[Problem],
    *,
    allowed: Sequence[E] | None = None,
) -> E | None:
    value = raw.strip()
    if not value:
        return None
    options = list(allowed) if allowed is not None else list(kind)
    for option in options:
        if option.value == value:
            return option
    codes = ", ".join(str(o.value) for o in options)
    problems.append(
        Problem(
            field,
            f"{value!r} is geen keuze hier; kies uit {codes}",
            f"{value!r} is not a choice here; choose from {codes}",
            "enum",
        )
    )
    return None


def relation(step: NameStep, raw: str, problems: list[Problem]) -> tuple[Role, Gender | None]:
    """The role (and the gender its word says) chosen at ``step``: a role code of the step or
    a word of :data:`~zorgkracht.services.interview_steps.KIN` for one of its roles."""
    value = raw.strip()
    kin = KIN_BY_KEY.get(value)
    if kin is not None and kin.role in step.roles:
        return kin.role, kin.gender
    chosen = choice(Role, value, "role", problems, allowed=step.roles)
    return chosen or step.roles[0], None


def support_letters(letters: Iterable[str], problems: list[Problem]) -> set[Support]:
    out: set[Support] = set()
    for letter in letters:
        value = letter.strip().upper()
        if not value:
            continue
        try:
            out.add(Support(value))
        except ValueError:
            problems.append(
                Problem(
                    "support",
                    f"{letter!r} is geen steunsoort; kies uit P, G, A, E, W",
                    f"{letter!r} is not a kind of support; choose from P, G, A, E, W",
                    "enum",
                )
            )
    return out


def circle_of(raw: str, problems: list[Problem]) -> Circle | None:
    value = raw.strip()
    if value.isdigit() and len(value) == 1 and 1 <= int(value) <= 4:
        return Circle.from_number(int(value))
    return choice(Circle, value, "circle", problems)


ADD_TIE_FIELDS: tuple[str, ...] = (
    *("id", "a", "b", "strength", "quality", "direction", "support", "reciprocal"),
    *("care_hours_per_week", "care_months", "care_since", "sensitive", "note"),
)


def new_tie_operations(tie: Tie) -> list[Json]:
    """The operations that add ``tie``: ``add_tie`` with the fields it takes, then
    ``update_tie`` with any other field that differs from a new tie's."""
    fields = record_json(tie)
    plain = record_json(Tie(id=tie.id, a=tie.a, b=tie.b))
    operations: list[Json] = [{"op": "add_tie", **{k: fields[k] for k in ADD_TIE_FIELDS}}]
    rest = {k: v for k, v in fields.items() if k not in ADD_TIE_FIELDS and v != plain[k]}
    if rest:
        operations.append({"op": "update_tie", "id": tie.id, "changes": rest})
    return operations


def hours(raw: str, field: str, problems: list[Problem]) -> float | None:
    value = raw.strip().replace(",", ".")
    if not value:
        return None
    try:
        hours = float(value)
    except ValueError:
        hours = -1.0
    if hours != hours or not CARE_HOURS.holds(hours):
        problems.append(
            Problem(
                field,
                f"{raw!r} is geen aantal uren per week (0 tot {CARE_HOURS.high})",
                f"{raw!r} is not a number of hours a week (0 to {CARE_HOURS.high})",
                "out_of_range",
            )
        )
        return None
    return int(hours) if hours.is_integer() else hours


def yes_no(raw: str, problems: list[Problem], field: str = "reciprocal") -> bool | None:
    value = raw.strip().lower()
    if value in ("", "unknown"):
        return None
    if value in ("yes", "true", "1"):
        return True
    if value in ("no", "false", "0"):
        return False
    problems.append(
        Problem(
            field,
            f"{raw!r} is geen antwoord; kies ja, nee of weet niet",
            f"{raw!r} is not an answer; choose yes, no or don't know",
            "enum",
        )
    )
    return None


def direction_of(client_is_a: bool, gives: bool, gets_back: bool | None) -> Direction:
    if gives and gets_back:
        return Direction.BOTH
    if gives:
        return Direction.TO_CLIENT if client_is_a else Direction.FROM_CLIENT
    if gets_back:
        return Direction.FROM_CLIENT if client_is_a else Direction.TO_CLIENT
    return Direction.NONE


def changed_fields(before: Any, after: Any) -> Json:
    """The fields of record ``after`` that differ from ``before``, as in the case file."""
    old, new = record_json(before), record_json(after)
    return {k: v for k, v in new.items() if old[k] != v}


def norm(name: str) -> str:
    return " ".join(name.split()).casefold()
