"""Interview mode: collect a client's network by asking (``shared/domain.md`` §8).

The interview has three parts, each a series of steps that can be left and resumed:

1. **name generators**, one question per step (:data:`NAME_STEPS`): who lives with you, family,
   friends, neighbours, work or school, clubs and church, professionals, and the book's four
   questions for the weak ties nobody draws (ch. 4: birthday wishes, season's greetings, five
   tickets, help when moving house). Every name becomes a person with a tie from the client;
   the step gives the person a provisional role, circle and zone, and puts them in an ecogram
   domain where the step names one;
2. **interpreters** per person (:func:`set_interpreters`): role, circle, the support letters
   the person gives, frequency, zone, quality of the tie and whether the client gives back;
3. **who knows whom** (:func:`set_acquaintances`): ties between network members.

Each answer becomes a list of edit operations (:mod:`zorgkracht.services.edits`:
:func:`name_operations`, :func:`interpreter_operations`, :func:`acquaintance_operations`;
ids from :mod:`zorgkracht.domain.ids`), worked out from the case the page showed without
changing it; bad input is raised as :class:`InvalidInput` naming the field. :func:`save_answer`
applies them as one batch through :meth:`CaseService.edit
<zorgkracht.services.cases.CaseService.edit>` with the version the user saw: one save and one
new version per answer, all or nothing, with the edit path's permission check and cache.
:func:`add_name`, :func:`set_interpreters` and :func:`set_acquaintances` apply them to a copy
(pure, for the tests and for trying an answer out).
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, TypeVar

from zorgkracht.domain import (
    Case,
    Circle,
    Direction,
    Frequency,
    Gender,
    InvalidInput,
    NotFound,
    Person,
    Problem,
    Quality,
    Role,
    Support,
    Tie,
    Zone,
    limits,
)
from zorgkracht.domain.ids import PREFIX, IdPool

from .cases import CaseRecord, CaseService
from .edits import Json, apply_edit, record_json
from .interview_steps import (
    GENDERS,
    NAME_STEPS,
    STEP_KEYS,
    NameStep,
    name_step,
    next_step,
    previous_step,
)
from .permissions import Actor

__all__ = [
    "GENDERS",
    "INTERPRETER_FIELDS",
    "MAX_NAME",
    "NAME_STEPS",
    "STEP_KEYS",
    "Added",
    "NameStep",
    "Named",
    "acquaintance_operations",
    "add_name",
    "all_pairs",
    "apply_operations",
    "batch",
    "client_tie",
    "find_by_name",
    "interpreter_operations",
    "known_pairs",
    "member",
    "name_operations",
    "name_step",
    "next_step",
    "pair_key",
    "previous_step",
    "save_answer",
    "set_acquaintances",
    "set_interpreters",
]

MAX_NAME = limits.MAX_NAME  # the one bound of a name (zorgkracht.domain.limits)
_NEW_PERSON_FIELDS = ("id", "name", "gender", "role", "circle", "zone", "frequency")


# --- reading --------------------------------------------------------------------------------
def client_tie(case: Case, person_id: str) -> Tie | None:
    """The tie between the client and ``person_id`` (the first, if there are several)."""
    for tie in case.network.ties:
        if {tie.a, tie.b} == {case.client, person_id}:
            return tie
    return None


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
    wanted = _norm(name)
    for person in case.network.persons:
        if _norm(person.name) == wanted:
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


# --- the answers ----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Named:
    """What naming someone asks for: the edit operations (none when the name was already in
    the network) and the person the name stands for."""

    person: Person
    created: bool
    """False when the name was already in the network and the person was not added again."""
    operations: list[Json]


@dataclass(frozen=True, slots=True)
class Added:
    """The outcome of naming someone: the changed case and the person the name stands for."""

    case: Case
    person: Person
    created: bool
    """False when the name was already in the network and the person was not added again."""


def name_operations(
    case: Case,
    step_key: str,
    name: str,
    *,
    role: str = "",
    gender: str = "",
    another_person: bool = False,
) -> Named:
    """The edit operations that add the person named at step ``step_key``.

    A name already in the network (ignoring letter case and spaces) is not added twice: the
    result has ``created=False``, the existing person and no operations, so the interface can
    say so. When the client means another person with the same name, ``another_person=True``
    adds them. The new person gets a tie from the client, a place in the household and in the
    step's domain (made when the case has none of its kind), as the step says.
    """
    step = name_step(step_key)
    clean = " ".join(name.split())
    problems: list[Problem] = []
    if not clean:
        problems.append(Problem("name", "vul een naam in", "enter a name", "required"))
    elif len(clean) > MAX_NAME:
        problems.append(
            Problem(
                "name",
                f"een naam is hoogstens {MAX_NAME} tekens",
                f"a name is at most {MAX_NAME} characters",
                "too_long",
            )
        )
    chosen_role = _choice(Role, role, "role", problems, allowed=step.roles) or step.roles[0]
    chosen_gender = _choice(Gender, gender, "gender", problems) or Gender.UNKNOWN
    if problems:
        raise InvalidInput(problems)
    existing = find_by_name(case, clean)
    if existing is not None and not another_person:
        return Named(person=existing, created=False, operations=[])

    net = case.network
    ids = IdPool.of(case)
    person = Person(
        id=ids.numbered(PREFIX["persons"]),
        name=clean,
        gender=chosen_gender,
        role=chosen_role,
        circle=step.circle,
        zone=step.zone,
        frequency=step.frequency,
    )
    operations: list[Json] = []
    if step.household and case.client not in net.household:
        operations.append({"op": "set_household", "id": case.client, "member": True, "index": 0})
    domain_id: str | None = None
    if step.domain is not None:
        domain = next((d for d in net.domains if d.kind is step.domain), None)
        if domain is None:
            domain_id = ids.numbered(PREFIX["domains"])
            operations.append(
                {
                    "op": "add_domain",
                    "id": domain_id,
                    "name": step.domain_nl,
                    "kind": step.domain.value,
                }
            )
        else:
            domain_id = domain.id
    fields = record_json(person)
    operations.append(
        {
            "op": "add_person",
            **{k: fields[k] for k in _NEW_PERSON_FIELDS},
            "household": step.household,
            "domain": domain_id,
        }
    )
    operations.append(
        {"op": "add_tie", "id": ids.numbered(PREFIX["ties"]), "a": case.client, "b": person.id}
    )
    return Named(person=person, created=True, operations=operations)


def add_name(
    case: Case,
    step_key: str,
    name: str,
    *,
    role: str = "",
    gender: str = "",
    another_person: bool = False,
) -> Added:
    """The case with the person named at step ``step_key`` (:func:`name_operations` applied
    to a copy)."""
    named = name_operations(
        case, step_key, name, role=role, gender=gender, another_person=another_person
    )
    changed = apply_operations(case, named.operations) if named.created else case
    return Added(case=changed, person=named.person, created=named.created)


INTERPRETER_FIELDS = ("role", "circle", "support", "frequency", "zone", "quality", "reciprocal")


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
    new_role = _choice(Role, role or "", "role", problems)
    new_circle = _circle(circle or "", problems)
    new_frequency = _choice(Frequency, frequency or "", "frequency", problems)
    new_zone = _choice(Zone, zone or "", "zone", problems)
    new_quality = _choice(Quality, quality or "", "quality", problems)
    new_reciprocal = _yes_no(reciprocal or "", problems)
    support: set[Support] | None = None
    if "support" in answers:
        support = set()
        for letter in answers["support"]:
            value = letter.strip().upper()
            if not value:
                continue
            try:
                support.add(Support(value))
            except ValueError:
                problems.append(
                    Problem(
                        "support",
                        f"{letter!r} is geen steunsoort; kies uit P, G, A, E, W",
                        f"{letter!r} is not a kind of support; choose from P, G, A, E, W",
                        "enum",
                    )
                )
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
    operations: list[Json] = []
    changes = _changed_fields(before, person)
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
        direction = _direction(tie.a == case.client, bool(tie.support), tie.reciprocal)
        tie = dataclasses.replace(tie, direction=direction)
    if old_tie is None:
        operations.append({"op": "add_tie", **record_json(tie)})
    else:
        changes = _changed_fields(old_tie, tie)
        if changes:
            operations.append({"op": "update_tie", "id": tie.id, "changes": changes})
    return operations


def set_interpreters(case: Case, person_id: str, answers: Mapping[str, Sequence[str]]) -> Case:
    """The case with the interpreters recorded (:func:`interpreter_operations` applied to a
    copy)."""
    return apply_operations(case, interpreter_operations(case, person_id, answers))


def acquaintance_operations(case: Case, pairs: Iterable[str]) -> list[Json]:
    """The edit operations that make the ties among members exactly ``pairs``: who knows whom.

    Each pair is ``"id1 id2"`` (a space between two member ids). A pair already joined keeps
    its tie as it is; a new pair gets a plain tie; a tie between two members that is not in
    ``pairs`` is removed. Ties with the client or with domains are never touched.
    """
    members = case.members()
    order = {p.id: i for i, p in enumerate(members)}
    wanted: set[tuple[str, str]] = set()
    problems: list[Problem] = []
    for raw in pairs:
        parts = raw.split()
        if len(parts) != 2 or parts[0] == parts[1] or not all(p in order for p in parts):
            problems.append(
                Problem(
                    "knows",
                    f"{raw!r} zijn niet twee verschillende netwerkleden",
                    f"{raw!r} are not two different network members",
                    "unknown_reference",
                )
            )
            continue
        wanted.add(pair_key(order, parts[0], parts[1]))
    if problems:
        raise InvalidInput(problems)

    operations: list[Json] = []
    present: set[tuple[str, str]] = set()
    for tie in case.network.ties:
        if tie.a in order and tie.b in order and tie.a != tie.b:
            key = pair_key(order, tie.a, tie.b)
            if key not in wanted or key in present:
                operations.append({"op": "remove_tie", "id": tie.id})
                continue
            present.add(key)
    ids = IdPool.of(case)  # a removed tie's id is not handed out again
    for a, b in sorted(wanted - present, key=lambda k: (order[k[0]], order[k[1]])):
        operations.append({"op": "add_tie", "id": ids.numbered(PREFIX["ties"]), "a": a, "b": b})
    return operations


def set_acquaintances(case: Case, pairs: Iterable[str]) -> Case:
    """The case with who knows whom recorded (:func:`acquaintance_operations` applied to a
    copy)."""
    return apply_operations(case, acquaintance_operations(case, pairs))


def batch(operations: Sequence[Json]) -> Json:
    """One edit operation made of ``operations``: applied in order, all or nothing."""
    return {"op": "batch", "operations": list(operations)}


def apply_operations(case: Case, operations: Sequence[Json]) -> Case:
    """A copy of ``case`` with ``operations`` applied (as :func:`save_answer` saves it)."""
    return apply_edit(case, batch(operations)).case


def save_answer(
    cases: CaseService,
    actor: Actor,
    case_id: str,
    expected_version: int,
    operations: Sequence[Json],
) -> CaseRecord:
    """Save one answer of the interview: ``operations`` as one edit of the case at
    ``expected_version`` (one new version, also when nothing changed), through the edit path
    that checks that ``actor`` may edit it and keeps the case's remembered record. A single
    operation is saved as itself (removing a person), more as a :func:`batch`."""
    operation = operations[0] if len(operations) == 1 else batch(operations)
    _result, saved = cases.edit(actor, case_id, expected_version, operation)
    return saved


def all_pairs(case: Case) -> list[tuple[Person, Person]]:
    """Every pair of members, in member order (the upper half of the who-knows-whom matrix)."""
    return list(itertools.combinations(case.members(), 2))


# --- helpers --------------------------------------------------------------------------------
E = TypeVar("E", bound=Enum)


def _choice(
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


def _circle(raw: str, problems: list[Problem]) -> Circle | None:
    value = raw.strip()
    if value.isdigit() and len(value) == 1 and 1 <= int(value) <= 4:
        return Circle.from_number(int(value))
    return _choice(Circle, value, "circle", problems)


def _yes_no(raw: str, problems: list[Problem]) -> bool | None:
    value = raw.strip().lower()
    if value in ("", "unknown"):
        return None
    if value in ("yes", "true", "1"):
        return True
    if value in ("no", "false", "0"):
        return False
    problems.append(
        Problem(
            "reciprocal",
            f"{raw!r} is geen antwoord; kies ja, nee of weet niet",
            f"{raw!r} is not an answer; choose yes, no or don't know",
            "enum",
        )
    )
    return None


def _direction(client_is_a: bool, gives: bool, gets_back: bool | None) -> Direction:
    if gives and gets_back:
        return Direction.BOTH
    if gives:
        return Direction.TO_CLIENT if client_is_a else Direction.FROM_CLIENT
    if gets_back:
        return Direction.FROM_CLIENT if client_is_a else Direction.TO_CLIENT
    return Direction.NONE


def _changed_fields(before: Any, after: Any) -> Json:
    """The fields of record ``after`` that differ from ``before``, as in the case file."""
    old, new = record_json(before), record_json(after)
    return {k: v for k, v in new.items() if old[k] != v}


def _norm(name: str) -> str:
    return " ".join(name.split()).casefold()
