"""The family tree the interview draws as the client names family (see
:mod:`zorgkracht.services.interview`): the genogram lines that go with a partner, a parent, a
child or a brother or sister, as edit operations.

- a **partner** gets a couple relation with the client, of the type the client says (married
  when not said);
- a **parent** joins the client's child relation (the client hangs from their parents). The
  second parent named joins the first, and the two become a couple (married until said
  otherwise on the case page) so the client hangs from the couple line. A parent named where an
  unknown parent stands (see siblings) takes that place instead of being added: the unknown
  parent of the same gender (or of unknown gender) is given the name;
- a **child** gets a child relation from the client and, when known, the client's partner: the
  ``other_parent`` the client names, otherwise the client's one partner (or the one of several
  they are still together with); ``other_parent="none"`` hangs the child from the client alone;
- a **brother or sister** gets a child relation with the client's parents, so the two share
  them. When the client has named no parent yet, two unknown parents are made (named
  :data:`UNKNOWN_NAME`, a mother and a father, a couple, without a tie to the client: not
  network members the client named) and the client and the sibling hang from them; naming a
  parent later fills them in.

Grandparents, grandchildren and other family get no genogram line: the persons between them
and the client are not asked for. Nothing here changes the case; the operations are applied
with the person's own as one batch.
"""

from __future__ import annotations

from zorgkracht.domain import (
    Case,
    ChildRelation,
    CoupleType,
    Gender,
    InvalidInput,
    Person,
    Problem,
    Role,
)
from zorgkracht.domain.ids import PREFIX, IdPool

from .edits import Json

__all__ = [
    "ENDED",
    "UNKNOWN_NAME",
    "client_parents",
    "default_other_parent",
    "family_operations",
    "is_unknown_parent",
    "partner_choices",
    "placeholder_for",
]

UNKNOWN_NAME = "?"
"""The name of a parent the interview makes only so brothers and sisters share parents."""
ENDED = (CoupleType.DIVORCED, CoupleType.MARRIED_SEPARATED, CoupleType.WIDOWED)
"""Couple types of a relation that has ended (for choosing the other parent of a child)."""


def client_parents(case: Case) -> ChildRelation | None:
    """The child relation the client hangs from (their parents), the first if there are
    several."""
    return next((c for c in case.network.children if c.child == case.client), None)


def is_unknown_parent(case: Case, person: Person) -> bool:
    """Whether ``person`` is a parent the interview made without a name (see siblings)."""
    if person.name != UNKNOWN_NAME or person.role is not Role.PARENT:
        return False
    return not any(case.client in (t.a, t.b) and person.id in (t.a, t.b) for t in case.network.ties)


def placeholder_for(case: Case, role: Role, gender: Gender) -> Person | None:
    """The unknown parent a newly named parent of ``gender`` takes the place of (``None``
    when there is none, or the name is not a parent's)."""
    parents = client_parents(case)
    if role is not Role.PARENT or parents is None:
        return None
    persons = {p.id: p for p in case.network.persons}
    unknown = [persons[i] for i in parents.parents if is_unknown_parent(case, persons[i])]
    for wanted in (gender, Gender.UNKNOWN):
        for person in unknown:
            if person.gender is wanted:
                return person
    return unknown[0] if unknown and gender is Gender.UNKNOWN else None


def partner_choices(case: Case) -> list[tuple[Person, CoupleType]]:
    """The client's partners (couple relations with the client), in order."""
    persons = {p.id: p for p in case.network.persons}
    out: list[tuple[Person, CoupleType]] = []
    for couple in case.network.couples:
        if case.client in (couple.a, couple.b):
            other = couple.b if couple.a == case.client else couple.a
            if other in persons:
                out.append((persons[other], couple.type))
    return out


def default_other_parent(case: Case) -> str | None:
    """The client's one partner, or the one of several the client is still with."""
    partners = partner_choices(case)
    if len(partners) == 1:
        return partners[0][0].id
    current = [p.id for p, kind in partners if kind not in ENDED]
    return current[0] if len(current) == 1 else None


def family_operations(
    case: Case,
    ids: IdPool,
    person_id: str,
    role: Role,
    *,
    couple: CoupleType | None = None,
    other_parent: str = "",
) -> list[Json]:
    """The genogram relations of a new person ``person_id`` (not yet in ``case``) named with
    ``role``; ``ids`` hands out the new ids."""
    client = case.client
    if role is Role.PARTNER:
        return [
            {
                "op": "add_couple",
                "id": ids.numbered(PREFIX["couples"]),
                "a": client,
                "b": person_id,
                "type": (couple or CoupleType.MARRIED).value,
            }
        ]
    if role is Role.PARENT:
        return _parent(case, ids, person_id)
    if role is Role.CHILD:
        parents = [client]
        other = _other_parent(case, other_parent)
        if other is not None:
            parents.append(other)
        return [_child(ids, person_id, parents)]
    if role is Role.SIBLING:
        return _sibling(case, ids, person_id)
    return []


def _child(ids: IdPool, child: str, parents: list[str]) -> Json:
    return {
        "op": "add_child",
        "id": ids.numbered(PREFIX["children"]),
        "child": child,
        "parents": parents,
    }


def _couple_between(case: Case, a: str, b: str) -> bool:
    return any({c.a, c.b} == {a, b} for c in case.network.couples)


def _parent(case: Case, ids: IdPool, person_id: str) -> list[Json]:
    parents = client_parents(case)
    if parents is None:
        return [_child(ids, case.client, [person_id])]
    if len(parents.parents) >= 2:
        return []  # two parents already: a third (a step-parent) gets no line of descent
    operations: list[Json] = [
        {
            "op": "update_child",
            "id": parents.id,
            "changes": {"parents": [*parents.parents, person_id]},
        }
    ]
    first = parents.parents[0]
    if not _couple_between(case, first, person_id):
        operations.append(
            {"op": "add_couple", "id": ids.numbered(PREFIX["couples"]), "a": first, "b": person_id}
        )
    return operations


def _sibling(case: Case, ids: IdPool, person_id: str) -> list[Json]:
    parents = client_parents(case)
    if parents is not None:
        return [_child(ids, person_id, list(parents.parents))]
    operations: list[Json] = []
    made: list[str] = []
    for gender in (Gender.FEMALE, Gender.MALE):
        ident = ids.numbered(PREFIX["persons"])
        made.append(ident)
        operations.append(
            {
                "op": "add_person",
                "id": ident,
                "name": UNKNOWN_NAME,
                "gender": gender.value,
                "role": Role.PARENT.value,
            }
        )
    operations.append(
        {"op": "add_couple", "id": ids.numbered(PREFIX["couples"]), "a": made[0], "b": made[1]}
    )
    operations.append(_child(ids, case.client, made))
    operations.append(_child(ids, person_id, made))
    return operations


def _other_parent(case: Case, raw: str) -> str | None:
    value = raw.strip()
    if value == "none":
        return None
    if not value:
        return default_other_parent(case)
    if value in {p.id for p, _kind in partner_choices(case)}:
        return value
    raise InvalidInput(
        [
            Problem(
                "other_parent",
                f"{value!r} is geen partner van de cliënt",
                f"{value!r} is not a partner of the client",
                "unknown_reference",
            )
        ]
    )
