"""The answers about one person (the interpreters) and about the client (see
:mod:`zorgkracht.services.interview`), as edit operations worked out from the case the page
showed without changing it."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

from zorgkracht.domain import (
    Case,
    Energy,
    Frequency,
    Gender,
    InvalidInput,
    Problem,
    Quality,
    Role,
    Tie,
    Wish,
    Zone,
)
from zorgkracht.domain.bounds import YEAR
from zorgkracht.domain.ids import PREFIX, IdPool

from .edits import Json
from .interview_read import (
    apply_operations,
    changed_fields,
    choice,
    circle_of,
    client_tie,
    direction_of,
    hours,
    member,
    new_tie_operations,
    support_letters,
    yes_no,
)

__all__ = [
    "INTERPRETER_FIELDS",
    "client_operations",
    "interpreter_operations",
    "set_interpreters",
]


def client_operations(case: Case, gender: str, birth_year: str) -> list[Json]:
    """The edit operations that record what the interview asks the client first: their
    gender (for the pictures) and year of birth. An empty answer clears the field."""
    problems: list[Problem] = []
    chosen = choice(Gender, gender, "gender", problems) or Gender.UNKNOWN
    year: int | None = None
    raw = birth_year.strip()
    if raw:
        if raw.isascii() and raw.isdigit() and YEAR.holds(int(raw)):
            year = int(raw)
        else:
            problems.append(
                Problem(
                    "birth_year",
                    f"{raw!r} is geen geboortejaar ({YEAR.low} tot {YEAR.high})",
                    f"{raw!r} is not a year of birth ({YEAR.low} to {YEAR.high})",
                    "out_of_range",
                )
            )
    if problems:
        raise InvalidInput(problems)
    before = case.network.person(case.client)
    after = dataclasses.replace(before, gender=chosen, birth_year=year)
    changes = changed_fields(before, after)
    return [{"op": "update_person", "id": case.client, "changes": changes}] if changes else []


INTERPRETER_FIELDS = (
    "role",
    "circle",
    "support",
    "frequency",
    "zone",
    "quality",
    "reciprocal",
    "wish",
    "energy",
    "may_ask",
    "receives_care",
    "own_needs",
    "care_hours",
    "client_care_hours",
)
"""What the interview asks per person. The last seven are optional, asked where they fit:
the client's wish for the contact, whether it gives or costs energy, whether the person may
be asked for help, whether the person is cared for or needs support themselves, the hours a
week of care the person gives the client and of care the client gives the person."""


def interpreter_operations(
    case: Case, person_id: str, answers: Mapping[str, Sequence[str]]
) -> list[Json]:
    """The edit operations that record what the client says about ``person_id``.

    ``answers`` maps a field of :data:`INTERPRETER_FIELDS` to its submitted values (a form:
    ``support`` may hold several letters, the others one value; an empty value clears the
    field, a missing field is left as it is). Role, circle, frequency and zone belong to the
    person; support, quality and reciprocity to the tie with the client, which is created when
    missing. The tie's direction follows: support given and something given back is ``both``,
    only support ``to_client``, only giving back ``from_client``.
    """
    before = member(case, person_id)
    problems: list[Problem] = []
    unknown = sorted(set(answers) - set(INTERPRETER_FIELDS))
    for field in unknown:
        problems.append(Problem(field, "onbekend veld", "unknown field", "unknown_field"))

    def one(field: str) -> str | None:
        values = answers.get(field)
        if values is None:
            return None
        if len(values) > 1:
            problems.append(
                Problem(field, "kies één waarde", "choose one value", "multiple_values")
            )
            return None
        return values[0].strip() if values else ""

    role = one("role")
    circle = one("circle")
    frequency = one("frequency")
    zone = one("zone")
    quality = one("quality")
    reciprocal = one("reciprocal")
    new_role = choice(Role, role or "", "role", problems)
    new_circle = circle_of(circle or "", problems)
    new_frequency = choice(Frequency, frequency or "", "frequency", problems)
    new_zone = choice(Zone, zone or "", "zone", problems)
    new_quality = choice(Quality, quality or "", "quality", problems)
    new_reciprocal = yes_no(reciprocal or "", problems)
    support = support_letters(answers["support"], problems) if "support" in answers else None
    person_changes: dict[str, Any] = {}
    for field, kind in (("wish", Wish), ("energy", Energy)):
        raw = one(field)
        if raw is not None:
            person_changes[field] = choice(kind, raw, field, problems)
    raw = one("may_ask")
    if raw is not None:
        person_changes["may_ask"] = yes_no(raw, problems, "may_ask")
    for field in ("receives_care", "own_needs"):
        raw = one(field)
        if raw is not None:
            person_changes[field] = bool(yes_no(raw, problems, field))
    tie_changes: dict[str, Any] = {}
    for field, attribute in (
        ("care_hours", "care_hours_per_week"),
        ("client_care_hours", "client_care_hours_per_week"),
    ):
        raw = one(field)
        if raw is not None:
            tie_changes[attribute] = hours(raw, field, problems)
    if problems:
        raise InvalidInput(problems)

    person = before
    if role is not None:
        person = dataclasses.replace(person, role=new_role)
    if circle is not None:
        person = dataclasses.replace(person, circle=new_circle)
    if frequency is not None:
        person = dataclasses.replace(person, frequency=new_frequency)
    if zone is not None:
        person = dataclasses.replace(person, zone=new_zone)
    person = dataclasses.replace(person, **person_changes)
    operations: list[Json] = []
    changes = changed_fields(before, person)
    if changes:
        operations.append({"op": "update_person", "id": person_id, "changes": changes})

    old_tie = client_tie(case, person_id)
    tie = old_tie or Tie(id=IdPool.of(case).numbered(PREFIX["ties"]), a=case.client, b=person_id)
    if quality is not None:
        tie = dataclasses.replace(tie, quality=new_quality or Quality.POSITIVE)
    if reciprocal is not None:
        tie = dataclasses.replace(tie, reciprocal=new_reciprocal)
    if support is not None:
        tie = dataclasses.replace(tie, support=support)
    if support is not None or reciprocal is not None:
        direction = direction_of(tie.a == case.client, bool(tie.support), tie.reciprocal)
        tie = dataclasses.replace(tie, direction=direction)
    tie = dataclasses.replace(tie, **tie_changes)
    if old_tie is None:
        operations += new_tie_operations(tie)
    else:
        changes = changed_fields(old_tie, tie)
        if changes:
            operations.append({"op": "update_tie", "id": tie.id, "changes": changes})
    return operations


def set_interpreters(case: Case, person_id: str, answers: Mapping[str, Sequence[str]]) -> Case:
    """The case with the interpreters recorded (:func:`interpreter_operations` applied to a
    copy)."""
    return apply_operations(case, interpreter_operations(case, person_id, answers))
