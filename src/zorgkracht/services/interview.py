"""Interview mode: collect a client's network by asking (``shared/domain.md`` §8).

The interview begins with the client (:func:`client_operations`: gender and year of birth),
then has three parts, each a series of steps that can be left and resumed:

1. **name generators**, one question per step (:data:`NAME_STEPS`): who lives with you, family,
   friends, neighbours, work or school, clubs and church, professionals, and the book's four
   questions for the weak ties nobody draws (ch. 4: birthday wishes, season's greetings, five
   tickets, help when moving house). Every name becomes a person with a tie from the client
   carrying the support they give; the step gives the person a role (a word such as *moeder*
   also gives the gender), circle and zone, puts them in an ecogram domain by the step or the
   role (:mod:`~zorgkracht.services.interview_steps`), marks an organisation, and draws the
   family tree of partners, parents, children and siblings
   (:mod:`~zorgkracht.services.interview_family`);
2. **interpreters** per person (:func:`set_interpreters`,
   :mod:`~zorgkracht.services.interview_answers`): role, circle, the support letters the person
   gives, frequency, zone, quality of the tie and whether the client gives back, and the
   optional wish, energy, may be asked, care and hours;
3. **who knows whom** (:func:`set_acquaintances`): ties between network members.

Reading the case and the submitted values is :mod:`~zorgkracht.services.interview_read`.

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

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from zorgkracht.domain import (
    Case,
    CoupleType,
    Direction,
    Gender,
    InvalidInput,
    Person,
    Problem,
    limits,
)
from zorgkracht.domain.ids import PREFIX, IdPool
from zorgkracht.render.domain_names import unnamed

from .cases import CaseRecord, CaseService
from .edits import Json, record_json
from .interview_answers import (
    INTERPRETER_FIELDS,
    client_operations,
    interpreter_operations,
    set_interpreters,
)
from .interview_family import family_operations, is_unknown_parent, placeholder_for
from .interview_read import (
    apply_operations,
    batch,
    changed_fields,
    choice,
    circle_of,
    client_tie,
    find_by_name,
    known_pairs,
    member,
    named_members,
    pair_key,
    relation,
    support_letters,
)
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
    chosen_role, kin_gender = relation(step, role, problems)
    chosen_gender = choice(Gender, gender, "gender", problems) or kin_gender or Gender.UNKNOWN
    chosen_circle = circle_of(circle, problems) or step.circle
    letters = support_letters(support, problems)
    chosen_couple = choice(CoupleType, couple, "couple", problems)
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
        changes = changed_fields(stand_in, person)
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
