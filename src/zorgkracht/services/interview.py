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
    CoupleType,
    Direction,
    Energy,
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
    Wish,
    Zone,
    limits,
)
from zorgkracht.domain.bounds import CARE_HOURS, YEAR
from zorgkracht.domain.ids import PREFIX, IdPool
from zorgkracht.render.domain_names import unnamed

from .cases import CaseRecord, CaseService
from .edits import Json, apply_edit, record_json
from .interview_family import family_operations, is_unknown_parent, placeholder_for
from .interview_steps import (
    GENDERS,
    KIN_BY_KEY,
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
    "client_operations",
    "client_tie",
    "find_by_name",
    "interpreter_operations",
    "known_pairs",
    "member",
    "name_operations",
    "name_step",
    "named_members",
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
    circle: str = "",
    support: Sequence[str] = (),
    organisation: bool = False,
    couple: str = "",
    other_parent: str = "",
    another_person: bool = False,
) -> Named:
    """The edit operations that add the person named at step ``step_key``.

    A name already in the network (ignoring letter case and spaces) is not added twice: the
    result has ``created=False``, the existing person and no operations, so the interface can
    say so. When the client means another person with the same name, ``another_person=True``
    adds them. ``role`` is a role code of the step or a word that also says the gender
    (``mother``, ``son``: :data:`~zorgkracht.services.interview_steps.KIN`); ``gender`` given
    says more. The new person gets a tie from the client carrying the ``support`` letters, the
    ``circle`` (the step's provisional one when not said), a place in the household and in the
    domain the step or the role names (made, by kind, when the case has none of its kind), the
    genogram relations of family (:mod:`zorgkracht.services.interview_family`; ``couple`` is
    the couple type of a partner, ``other_parent`` the other parent of a child) and, when
    ``organisation``, the mark of an organisation (no gender).
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
    chosen_role, kin_gender = _relation(step, role, problems)
    chosen_gender = _choice(Gender, gender, "gender", problems) or kin_gender or Gender.UNKNOWN
    chosen_circle = _circle(circle, problems) or step.circle
    letters = _support(support, problems)
    chosen_couple = _choice(CoupleType, couple, "couple", problems)
    if organisation:
        chosen_gender = Gender.UNKNOWN
    if problems:
        raise InvalidInput(problems)
    existing = find_by_name(case, clean)
    if existing is not None and not another_person and not is_unknown_parent(case, existing):
        return Named(person=existing, created=False, operations=[])

    net = case.network
    ids = IdPool.of(case)
    stand_in = None if organisation else placeholder_for(case, chosen_role, chosen_gender)
    if stand_in is not None and chosen_gender is Gender.UNKNOWN:
        chosen_gender = stand_in.gender
    person = Person(
        id=stand_in.id if stand_in is not None else ids.numbered(PREFIX["persons"]),
        name=clean,
        gender=chosen_gender,
        role=chosen_role,
        circle=chosen_circle,
        zone=step.zone,
        frequency=step.frequency,
        organisation=organisation,
    )
    operations: list[Json] = []
    if step.household and case.client not in net.household:
        operations.append({"op": "set_household", "id": case.client, "member": True, "index": 0})
    domain_id: str | None = None
    kind = step.domain_for(chosen_role)
    if kind is not None:
        domain = next((d for d in net.domains if d.kind is kind), None)
        if domain is None:
            domain_id = ids.numbered(PREFIX["domains"])
            operations.append(
                {"op": "add_domain", "id": domain_id, "name": unnamed(kind), "kind": kind.value}
            )
        else:
            domain_id = domain.id
    fields = record_json(person)
    if stand_in is None:
        operations.append(
            {
                "op": "add_person",
                **{k: fields[k] for k in _NEW_PERSON_FIELDS},
                "household": step.household,
                "domain": domain_id,
                **({"organisation": True} if organisation else {}),
            }
        )
        operations += family_operations(
            case,
            ids,
            person.id,
            chosen_role,
            couple=chosen_couple,
            other_parent=other_parent,
        )
    else:  # an unknown parent gets the name (and keeps their place in the family tree)
        changes = _changed_fields(stand_in, person)
        operations.append({"op": "update_person", "id": person.id, "changes": changes})
        if step.household:
            operations.append({"op": "set_household", "id": person.id, "member": True})
        if domain_id is not None:
            operations.append({"op": "add_to_domain", "domain": domain_id, "person": person.id})
    tie: Json = {"op": "add_tie", "id": ids.numbered(PREFIX["ties"]), "a": case.client}
    tie["b"] = person.id
    if letters:
        tie["support"] = sorted(s.value for s in letters)
        tie["direction"] = Direction.TO_CLIENT.value
    operations.append(tie)
    return Named(person=person, created=True, operations=operations)


def add_name(
    case: Case,
    step_key: str,
    name: str,
    **answers: Any,
) -> Added:
    """The case with the person named at step ``step_key`` (:func:`name_operations` applied
    to a copy; ``answers`` as it takes them)."""
    named = name_operations(case, step_key, name, **answers)
    changed = apply_operations(case, named.operations) if named.created else case
    return Added(case=changed, person=named.person, created=named.created)


def client_operations(case: Case, gender: str, birth_year: str) -> list[Json]:
    """The edit operations that record what the interview asks the client first: their
    gender (for the pictures) and year of birth. An empty answer clears the field."""
    problems: list[Problem] = []
    chosen = _choice(Gender, gender, "gender", problems) or Gender.UNKNOWN
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
    changes = _changed_fields(before, after)
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
    new_role = _choice(Role, role or "", "role", problems)
    new_circle = _circle(circle or "", problems)
    new_frequency = _choice(Frequency, frequency or "", "frequency", problems)
    new_zone = _choice(Zone, zone or "", "zone", problems)
    new_quality = _choice(Quality, quality or "", "quality", problems)
    new_reciprocal = _yes_no(reciprocal or "", problems)
    support = _support(answers["support"], problems) if "support" in answers else None
    person_changes: dict[str, Any] = {}
    for field, kind in (("wish", Wish), ("energy", Energy)):
        raw = one(field)
        if raw is not None:
            person_changes[field] = _choice(kind, raw, field, problems)
    raw = one("may_ask")
    if raw is not None:
        person_changes["may_ask"] = _yes_no(raw, problems, "may_ask")
    for field in ("receives_care", "own_needs"):
        raw = one(field)
        if raw is not None:
            person_changes[field] = bool(_yes_no(raw, problems, field))
    tie_changes: dict[str, Any] = {}
    for field, attribute in (
        ("care_hours", "care_hours_per_week"),
        ("client_care_hours", "client_care_hours_per_week"),
    ):
        raw = one(field)
        if raw is not None:
            tie_changes[attribute] = _hours(raw, field, problems)
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
    tie = dataclasses.replace(tie, **tie_changes)
    if old_tie is None:
        operations += _new_tie(tie)
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


def _relation(step: NameStep, raw: str, problems: list[Problem]) -> tuple[Role, Gender | None]:
    """The role (and the gender its word says) chosen at ``step``: a role code of the step or
    a word of :data:`~zorgkracht.services.interview_steps.KIN` for one of its roles."""
    value = raw.strip()
    kin = KIN_BY_KEY.get(value)
    if kin is not None and kin.role in step.roles:
        return kin.role, kin.gender
    chosen = _choice(Role, value, "role", problems, allowed=step.roles)
    return chosen or step.roles[0], None


def _support(letters: Iterable[str], problems: list[Problem]) -> set[Support]:
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


def _circle(raw: str, problems: list[Problem]) -> Circle | None:
    value = raw.strip()
    if value.isdigit() and len(value) == 1 and 1 <= int(value) <= 4:
        return Circle.from_number(int(value))
    return _choice(Circle, value, "circle", problems)


_ADD_TIE_FIELDS: tuple[str, ...] = (
    *("id", "a", "b", "strength", "quality", "direction", "support", "reciprocal"),
    *("care_hours_per_week", "care_months", "care_since", "sensitive", "note"),
)


def _new_tie(tie: Tie) -> list[Json]:
    """The operations that add ``tie``: ``add_tie`` with the fields it takes, then
    ``update_tie`` with any other field that differs from a new tie's."""
    fields = record_json(tie)
    plain = record_json(Tie(id=tie.id, a=tie.a, b=tie.b))
    operations: list[Json] = [{"op": "add_tie", **{k: fields[k] for k in _ADD_TIE_FIELDS}}]
    rest = {k: v for k, v in fields.items() if k not in _ADD_TIE_FIELDS and v != plain[k]}
    if rest:
        operations.append({"op": "update_tie", "id": tie.id, "changes": rest})
    return operations


def _hours(raw: str, field: str, problems: list[Problem]) -> float | None:
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


def _yes_no(raw: str, problems: list[Problem], field: str = "reciprocal") -> bool | None:
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
