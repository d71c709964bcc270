"""Edits of a case in place (drawing on the map): pure operations, each with its inverse.

An operation is a JSON object ``{"op": <name>, ...}``. :func:`apply_edit` checks it, applies it
to a copy of the case, checks every invariant of the result, and returns the new case together
with the *inverse* operation: applying the inverse to the new case gives back the original case
exactly (the same records in the same order). Undo applies the inverse; the inverse of the
inverse is the redo.

Nothing is changed when anything is wrong: :class:`~zorgkracht.domain.InvalidInput` names the
field (``name``, ``changes/strength``, ``a``, ...) in Dutch and English.

The operations, and their inverses:

==================  ===============================================================
``add_person``      ``remove_person``
``update_person``   ``update_person`` with the old values of the changed fields
``remove_person``   ``restore_person`` (the person with every tie, membership, relation
                    and position that went with them, each at its old place)
``set_circle``      ``set_circle`` (netwerkschema: dragging to another circle)
``set_household``   ``set_household``
``add_domain``      ``remove_domain``
``rename_domain``   ``rename_domain``
``remove_domain``   ``restore_domain``
``add_to_domain``   ``remove_from_domain`` and back
``add_tie``         ``remove_tie`` and back (``add_tie`` with the old ``index``)
``update_tie``      ``update_tie``
``set_position``    ``set_position`` with the old point, or ``clear_position``
``clear_position``  ``set_position``
==================  ===============================================================
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from zorgkracht.domain import (
    Case,
    ChildRelation,
    Condition,
    CoupleRelation,
    Domain,
    EmotionalRelation,
    InvalidInput,
    Network,
    Person,
    Point,
    Problem,
    Tie,
    validate_case,
)
from zorgkracht.domain.codes import (
    Circle,
    Direction,
    DomainKind,
    Frequency,
    Gender,
    NetworkZone,
    Quality,
    Role,
    Support,
    TieStatus,
    Zone,
)
from zorgkracht.interchange.case_json import (
    ChildDoc,
    CoupleDoc,
    DomainDoc,
    EmotionDoc,
    PersonDoc,
    TieDoc,
    problems_from_validation,
)

ViewName = Literal[
    "genogram", "ecogram", "netwerkkaart", "netwerkschema", "levenslijn", "sociogram"
]
VIEWS: tuple[str, ...] = get_args(ViewName)
"""The pictures a position override may belong to (``zorgkracht.render.views.VIEWS``)."""

Id = Annotated[str, Field(min_length=1, max_length=200, pattern=r"^[^\s]+$")]
Year = Annotated[int, Field(ge=1000, le=2200)]
Coordinate = Annotated[float, Field(allow_inf_nan=False, ge=-1e6, le=1e6)]
Index = Annotated[int, Field(ge=0)]
Json = dict[str, Any]


# --- the operations --------------------------------------------------------------------------


class _Op(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AddPerson(_Op):
    """A new person; with ``support`` (or ``connect``) also a tie from the client to them."""

    op: Literal["add_person"]
    id: Id | None = None
    name: str = Field(min_length=1, max_length=200)
    gender: Gender = Gender.UNKNOWN
    role: Role | None = None
    circle: Circle | None = None
    zone: Zone | None = None
    frequency: Frequency | None = None
    status: TieStatus | None = None
    network_zone: NetworkZone = NetworkZone.PERSONAL
    birth_year: Year | None = None
    sensitive: bool = False
    note: str = Field(default="", max_length=5000)
    household: bool = False
    domain: Id | None = None
    connect: bool = False
    support: list[Support] = []


class UpdatePerson(_Op):
    op: Literal["update_person"]
    id: Id
    changes: dict[str, Any] = Field(description="Fields of a person (as in the case file).")


class RemovePerson(_Op):
    op: Literal["remove_person"]
    id: Id


class Placed(_Op):
    index: Index
    item: dict[str, Any]


class RestoreChild(Placed):
    removed: bool


class Membership(_Op):
    ref: Id
    index: Index


class RestorePerson(_Op):
    """The inverse of ``remove_person``: the person and all that went with them."""

    op: Literal["restore_person"]
    person: dict[str, Any]
    index: Index
    household: Index | None = None
    ties: list[Placed] = []
    couples: list[Placed] = []
    children: list[RestoreChild] = []
    emotions: list[Placed] = []
    domains: list[Membership] = []
    events: list[Membership] = []
    positions: dict[str, dict[str, Coordinate]] = {}


class SetCircle(_Op):
    op: Literal["set_circle"]
    id: Id
    circle: Circle | None


class SetHousehold(_Op):
    op: Literal["set_household"]
    id: Id
    member: bool
    index: Index | None = None


class AddDomain(_Op):
    op: Literal["add_domain"]
    id: Id | None = None
    name: str = Field(min_length=1, max_length=200)
    kind: DomainKind = DomainKind.OTHER
    members: list[Id] = []
    note: str = Field(default="", max_length=5000)


class RenameDomain(_Op):
    op: Literal["rename_domain"]
    id: Id
    name: str = Field(min_length=1, max_length=200)


class RemoveDomain(_Op):
    op: Literal["remove_domain"]
    id: Id


class RestoreDomain(_Op):
    """The inverse of ``remove_domain``."""

    op: Literal["restore_domain"]
    domain: dict[str, Any]
    index: Index
    ties: list[Placed] = []
    positions: dict[str, dict[str, Coordinate]] = {}


class AddToDomain(_Op):
    op: Literal["add_to_domain"]
    domain: Id
    person: Id
    index: Index | None = None


class RemoveFromDomain(_Op):
    op: Literal["remove_from_domain"]
    domain: Id
    person: Id


class AddTie(_Op):
    op: Literal["add_tie"]
    id: Id | None = None
    a: Id
    b: Id
    strength: Annotated[int, Field(ge=1, le=3)] = 2
    quality: Quality = Quality.POSITIVE
    direction: Direction = Direction.NONE
    support: list[Support] = []
    reciprocal: bool | None = None
    care_hours_per_week: Annotated[float, Field(ge=0, le=168, allow_inf_nan=False)] | None = None
    care_months: Annotated[int, Field(ge=0)] | None = None
    care_since: dt.date | None = None
    sensitive: bool = False
    note: str = ""
    index: Index | None = None


class UpdateTie(_Op):
    op: Literal["update_tie"]
    id: Id
    changes: dict[str, Any] = Field(description="Fields of a tie (as in the case file).")


class RemoveTie(_Op):
    op: Literal["remove_tie"]
    id: Id


class SetPosition(_Op):
    op: Literal["set_position"]
    view: ViewName
    id: Id
    x: Coordinate
    y: Coordinate


class ClearPosition(_Op):
    op: Literal["clear_position"]
    view: ViewName
    id: Id
    drop_view: bool = True


OPERATIONS: dict[str, type[_Op]] = {
    "add_person": AddPerson,
    "update_person": UpdatePerson,
    "remove_person": RemovePerson,
    "restore_person": RestorePerson,
    "set_circle": SetCircle,
    "set_household": SetHousehold,
    "add_domain": AddDomain,
    "rename_domain": RenameDomain,
    "remove_domain": RemoveDomain,
    "restore_domain": RestoreDomain,
    "add_to_domain": AddToDomain,
    "remove_from_domain": RemoveFromDomain,
    "add_tie": AddTie,
    "update_tie": UpdateTie,
    "remove_tie": RemoveTie,
    "set_position": SetPosition,
    "clear_position": ClearPosition,
}


@dataclass(frozen=True, slots=True)
class EditResult:
    """The case after an edit, and the operation that undoes it."""

    case: Case
    inverse: Json


# --- records to and from JSON ------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, set | frozenset):
        return sorted(_plain(v) for v in value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return record_json(value)
    return value


def record_json(record: Any) -> Json:
    """A record of the model (person, tie, domain, ...) as a JSON-ready dict of every field."""
    return {f.name: _plain(getattr(record, f.name)) for f in dataclasses.fields(record)}


_MORE_MESSAGES: dict[str, tuple[str, str]] = {
    "finite_number": ("moet een eindig getal zijn", "must be a finite number"),
    "float_type": ("is geen getal", "is not a number"),
    "int_from_float": ("is geen geheel getal", "is not a whole number"),
    "string_type": ("moet tekst zijn", "must be text"),
    "string_too_long": ("is te lang", "is too long"),
    "bool_type": ("is geen ja/nee-waarde", "is not a yes/no value"),
    "dict_type": ("moet een object zijn", "must be an object"),
    "list_type": ("moet een lijst zijn", "must be a list"),
    "model_type": ("moet een object zijn", "must be an object"),
    "model_attributes_type": ("moet een object zijn", "must be an object"),
    "date_type": ("is geen datum (JJJJ-MM-DD)", "is not a date (YYYY-MM-DD)"),
    "date_parsing": ("is geen datum (JJJJ-MM-DD)", "is not a date (YYYY-MM-DD)"),
    "date_from_datetime_inexact": ("is geen datum (JJJJ-MM-DD)", "is not a date (YYYY-MM-DD)"),
}


def _parse(model: type[BaseModel], data: Any, where: str) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as err:
        problems = problems_from_validation(err, data, f"{where}/" if where else "")
        raise InvalidInput([_dutch(p) for p in problems]) from None


def _dutch(p: Problem) -> Problem:
    """Problems the case file reader has no Dutch text for get one here."""
    if p.nl != p.en:
        return p
    nl, en = _MORE_MESSAGES.get(p.code, ("ongeldige waarde", p.en))
    return Problem(where=p.where, nl=nl, en=en, code=p.code)


def _person(data: Any, where: str = "person") -> Person:
    doc = _parse(PersonDoc, data, where)
    fields = doc.model_dump()
    fields["identities"] = set(doc.identities)
    fields["conditions"] = [Condition(**c.model_dump()) for c in doc.conditions]
    return Person(**fields)


def _tie(data: Any, where: str) -> Tie:
    doc = _parse(TieDoc, data, where)
    return Tie(**{**doc.model_dump(), "support": set(doc.support)})


def _domain(data: Any, where: str) -> Domain:
    doc = _parse(DomainDoc, data, where)
    return Domain(**{**doc.model_dump(), "members": list(doc.members)})


def _couple(data: Any, where: str) -> CoupleRelation:
    return CoupleRelation(**_parse(CoupleDoc, data, where).model_dump())


def _child(data: Any, where: str) -> ChildRelation:
    doc = _parse(ChildDoc, data, where)
    return ChildRelation(**{**doc.model_dump(), "parents": list(doc.parents)})


def _emotion(data: Any, where: str) -> EmotionalRelation:
    return EmotionalRelation(**_parse(EmotionDoc, data, where).model_dump())


# --- helpers -----------------------------------------------------------------------------------


def _problem(where: str, nl: str, en: str, code: str) -> InvalidInput:
    return InvalidInput([Problem(where=where, nl=nl, en=en, code=code)])


def _unknown(where: str, ref: str, nl: str = "persoon", en: str = "person") -> InvalidInput:
    return _problem(
        where,
        f"{nl} '{ref}' staat niet in de casus",
        f"{en} '{ref}' is not in the case",
        "unknown_reference",
    )


def _fresh(case: Case) -> Case:
    """A copy of ``case`` whose containers may be changed; records are shared and must be
    replaced (never changed) by an operation."""
    net = case.network
    return dataclasses.replace(
        case,
        network=Network(
            persons=list(net.persons),
            household=list(net.household),
            couples=list(net.couples),
            children=list(net.children),
            emotions=list(net.emotions),
            ties=list(net.ties),
            domains=list(net.domains),
            events=list(net.events),
        ),
        snapshots=list(case.snapshots),
        positions={view: dict(points) for view, points in case.positions.items()},
    )


def _index(items: list[Any], ident: str, where: str, nl: str, en: str) -> int:
    for i, item in enumerate(items):
        if item.id == ident:
            return i
    raise _unknown(where, ident, nl, en)


def _person_index(net: Network, ident: str, where: str = "id") -> int:
    return _index(net.persons, ident, where, "persoon", "person")


def _domain_index(net: Network, ident: str, where: str = "id") -> int:
    return _index(net.domains, ident, where, "domein", "domain")


def _tie_index(net: Network, ident: str, where: str = "id") -> int:
    return _index(net.ties, ident, where, "band", "tie")


def _network_ids(net: Network) -> set[str]:
    kinds = (net.persons, net.couples, net.children, net.emotions, net.ties, net.domains)
    return {item.id for items in (*kinds, net.events) for item in items}


def used_ids(case: Case) -> set[str]:
    """Every id in the case and its snapshots: a new record never reuses one, so that a person
    who left and a newcomer are never taken for the same person when snapshots are compared."""
    ids = _network_ids(case.network)
    for snap in case.snapshots:
        ids |= _network_ids(snap.network)
    return ids


def new_id(case: Case, prefix: str) -> str:
    taken = used_ids(case)
    n = 1
    while f"{prefix}{n}" in taken:
        n += 1
    return f"{prefix}{n}"


def _check_new_id(case: Case, ident: str | None, prefix: str, where: str = "id") -> str:
    """A new id: the given one when it is free in the current network (undo and redo bring
    records back under their own id), else a fresh one."""
    if ident is None:
        return new_id(case, prefix)
    if ident in _network_ids(case.network):
        raise _problem(
            where,
            f"id '{ident}' is al in gebruik in deze casus",
            f"id '{ident}' is already used in this case",
            "duplicate_id",
        )
    return ident


def _not_blank(where: str, value: str) -> None:
    if not value.strip():
        raise _problem(where, "mag niet leeg zijn", "must not be empty", "required")


def _changes(
    record: Any, changes: Mapping[str, Any], parse: Callable[[Any, str], Any], read_only: set[str]
) -> tuple[Any, Json]:
    """``record`` with ``changes`` (fields as in the case file) and the old values."""
    current = record_json(record)
    problems = [
        Problem(f"changes/{key}", "onbekend veld", "unknown field", "extra_forbidden")
        for key in changes
        if key not in current
    ] + [
        Problem(f"changes/{key}", "kan niet gewijzigd worden", "cannot be changed", "read_only")
        for key in changes
        if key in read_only
    ]
    if problems:
        raise InvalidInput(problems)
    updated = parse({**current, **changes}, "changes")
    old = {key: current[key] for key in changes}
    return updated, old


def _insert_placed(
    items: list[Any], placed: Iterable[Placed], parse: Callable[[Any, str], Any], where: str
) -> None:
    for p in sorted(placed, key=lambda p: p.index):
        items.insert(min(p.index, len(items)), parse(p.item, where))


def _drop_ref(items: list[Any], attr: str, ref: str) -> list[Json]:
    """Take ``ref`` out of the ``attr`` list of every item; where it was, for the inverse."""
    memberships: list[Json] = []
    for k, item in enumerate(items):
        refs: list[str] = getattr(item, attr)
        if ref in refs:
            memberships += [{"ref": item.id, "index": j} for j, r in enumerate(refs) if r == ref]
            items[k] = dataclasses.replace(item, **{attr: [r for r in refs if r != ref]})
    return memberships


def _insert_ref(
    items: list[Any], attr: str, memberships: list[Membership], ref: str, where: str
) -> None:
    for m in sorted(memberships, key=lambda m: m.index):
        k = _index(items, m.ref, where, "onderdeel", "item")
        refs = list(getattr(items[k], attr))
        refs.insert(m.index, ref)
        items[k] = dataclasses.replace(items[k], **{attr: refs})


def _restore_points(case: Case, ref: str, points: Mapping[str, Mapping[str, float]]) -> None:
    for view, point in points.items():
        if not view or set(point) != {"x", "y"}:
            raise _problem(
                f"positions/{view}",
                "een positie heeft een weergave en x en y",
                "a position has a view and x and y",
                "invalid",
            )
        case.positions.setdefault(view, {})[ref] = Point(x=point["x"], y=point["y"])


def _take_points(case: Case, ref: str) -> dict[str, dict[str, float]]:
    taken: dict[str, dict[str, float]] = {}
    for view, points in case.positions.items():
        if ref in points:
            point = points.pop(ref)
            taken[view] = {"x": point.x, "y": point.y}
    return taken


# --- applying ----------------------------------------------------------------------------------


def _add_person(case: Case, op: AddPerson) -> Json:
    net = case.network
    _not_blank("name", op.name)
    ident = _check_new_id(case, op.id, "p")
    if op.domain is not None:
        d = _domain_index(net, op.domain, "domain")
        net.domains[d] = dataclasses.replace(
            net.domains[d], members=[*net.domains[d].members, ident]
        )
    fields = op.model_dump(
        exclude={"op", "id", "household", "domain", "connect", "support"}, mode="python"
    )
    net.persons.append(Person(id=ident, **fields))
    if op.household:
        net.household.append(ident)
    if op.connect or op.support:
        net.ties.append(
            Tie(
                id=_check_new_id(case, None, "t"),
                a=case.client,
                b=ident,
                support=set(op.support),
                direction=Direction.TO_CLIENT if op.support else Direction.NONE,
            )
        )
    return {"op": "remove_person", "id": ident}


def _remove_person(case: Case, op: RemovePerson) -> Json:
    net = case.network
    i = _person_index(net, op.id)
    if op.id == case.client:
        raise _problem(
            "id",
            "de cliënt kan niet uit de eigen casus verwijderd worden",
            "the client cannot be removed from their own case",
            "is_client",
        )
    if op.id == case.index_person:
        raise _problem(
            "id",
            "dit is de indexpersoon van het genogram; kies eerst een andere indexpersoon",
            "this is the index person of the genogram; choose another index person first",
            "is_index_person",
        )
    ref = op.id
    person = net.persons.pop(i)
    inverse: Json = {"op": "restore_person", "person": record_json(person), "index": i}
    if ref in net.household:
        inverse["household"] = net.household.index(ref)
        net.household.remove(ref)

    def split(items: list[Any], hit: Callable[[Any], bool]) -> list[Json]:
        removed = [{"index": k, "item": record_json(x)} for k, x in enumerate(items) if hit(x)]
        items[:] = [x for x in items if not hit(x)]
        return removed

    inverse["ties"] = split(net.ties, lambda t: ref in (t.a, t.b))
    inverse["couples"] = split(net.couples, lambda c: ref in (c.a, c.b))
    inverse["emotions"] = split(net.emotions, lambda e: ref in (e.a, e.b))
    children: list[Json] = []
    kept: list[ChildRelation] = []
    for k, rel in enumerate(net.children):
        if rel.child == ref or rel.parents == [ref]:
            children.append({"index": k, "item": record_json(rel), "removed": True})
        elif ref in rel.parents:
            children.append({"index": k, "item": record_json(rel), "removed": False})
            kept.append(dataclasses.replace(rel, parents=[p for p in rel.parents if p != ref]))
        else:
            kept.append(rel)
    net.children[:] = kept
    inverse["children"] = children
    inverse["domains"] = _drop_ref(net.domains, "members", ref)
    inverse["events"] = _drop_ref(net.events, "persons", ref)
    inverse["positions"] = _take_points(case, ref)
    return inverse


def _restore_person(case: Case, op: RestorePerson) -> Json:
    net = case.network
    person = _person(op.person, "person")
    _check_new_id(case, person.id, "", "person/id")
    net.persons.insert(min(op.index, len(net.persons)), person)
    if op.household is not None:
        net.household.insert(op.household, person.id)
    _insert_placed(net.ties, op.ties, _tie, "ties")
    _insert_placed(net.couples, op.couples, _couple, "couples")
    _insert_placed(net.emotions, op.emotions, _emotion, "emotions")
    for c in sorted(op.children, key=lambda c: c.index):
        rel = _child(c.item, "children")
        if c.removed:
            net.children.insert(min(c.index, len(net.children)), rel)
        elif c.index < len(net.children) and net.children[c.index].id == rel.id:
            net.children[c.index] = rel
        else:
            raise _unknown("children", rel.id, "relatie", "relation")
    _insert_ref(net.domains, "members", op.domains, person.id, "domains")
    _insert_ref(net.events, "persons", op.events, person.id, "events")
    _restore_points(case, person.id, op.positions)
    return {"op": "remove_person", "id": person.id}


def _update_person(case: Case, op: UpdatePerson) -> Json:
    net = case.network
    i = _person_index(net, op.id)
    person, old = _changes(net.persons[i], op.changes, _person, {"id"})
    if "name" in op.changes and isinstance(op.changes["name"], str):
        _not_blank("changes/name", op.changes["name"])
    net.persons[i] = person
    return {"op": "update_person", "id": op.id, "changes": old}


def _set_circle(case: Case, op: SetCircle) -> Json:
    net = case.network
    i = _person_index(net, op.id)
    old = net.persons[i].circle
    net.persons[i] = dataclasses.replace(net.persons[i], circle=op.circle)
    return {"op": "set_circle", "id": op.id, "circle": old.value if old else None}


def _set_household(case: Case, op: SetHousehold) -> Json:
    net = case.network
    _person_index(net, op.id)
    if op.member:
        if op.id in net.household:
            return {"op": "set_household", "id": op.id, "member": True}
        net.household.insert(
            len(net.household) if op.index is None else min(op.index, len(net.household)), op.id
        )
        return {"op": "set_household", "id": op.id, "member": False}
    if op.id not in net.household:
        return {"op": "set_household", "id": op.id, "member": False}
    k = net.household.index(op.id)
    net.household.pop(k)
    return {"op": "set_household", "id": op.id, "member": True, "index": k}


def _add_domain(case: Case, op: AddDomain) -> Json:
    net = case.network
    _not_blank("name", op.name)
    ident = _check_new_id(case, op.id, "d")
    for k, ref in enumerate(op.members):
        _person_index(net, ref, f"members/{k}")
    net.domains.append(
        Domain(id=ident, name=op.name, kind=op.kind, members=list(op.members), note=op.note)
    )
    return {"op": "remove_domain", "id": ident}


def _rename_domain(case: Case, op: RenameDomain) -> Json:
    net = case.network
    _not_blank("name", op.name)
    k = _domain_index(net, op.id)
    old = net.domains[k].name
    net.domains[k] = dataclasses.replace(net.domains[k], name=op.name)
    return {"op": "rename_domain", "id": op.id, "name": old}


def _remove_domain(case: Case, op: RemoveDomain) -> Json:
    net = case.network
    k = _domain_index(net, op.id)
    domain = net.domains.pop(k)
    ties = [
        {"index": j, "item": record_json(t)} for j, t in enumerate(net.ties) if op.id in (t.a, t.b)
    ]
    net.ties[:] = [t for t in net.ties if op.id not in (t.a, t.b)]
    return {
        "op": "restore_domain",
        "domain": record_json(domain),
        "index": k,
        "ties": ties,
        "positions": _take_points(case, op.id),
    }


def _restore_domain(case: Case, op: RestoreDomain) -> Json:
    net = case.network
    domain = _domain(op.domain, "domain")
    _check_new_id(case, domain.id, "", "domain/id")
    net.domains.insert(min(op.index, len(net.domains)), domain)
    _insert_placed(net.ties, op.ties, _tie, "ties")
    _restore_points(case, domain.id, op.positions)
    return {"op": "remove_domain", "id": domain.id}


def _add_to_domain(case: Case, op: AddToDomain) -> Json:
    net = case.network
    k = _domain_index(net, op.domain, "domain")
    _person_index(net, op.person, "person")
    members = list(net.domains[k].members)
    if op.index is None and op.person in members:
        raise _problem(
            "person",
            "deze persoon hoort al bij dit domein",
            "this person already belongs to this domain",
            "duplicate",
        )
    members.insert(len(members) if op.index is None else min(op.index, len(members)), op.person)
    net.domains[k] = dataclasses.replace(net.domains[k], members=members)
    return {"op": "remove_from_domain", "domain": op.domain, "person": op.person}


def _remove_from_domain(case: Case, op: RemoveFromDomain) -> Json:
    net = case.network
    k = _domain_index(net, op.domain, "domain")
    members = list(net.domains[k].members)
    if op.person not in members:
        raise _problem(
            "person",
            "deze persoon hoort niet bij dit domein",
            "this person does not belong to this domain",
            "unknown_reference",
        )
    j = members.index(op.person)
    members.pop(j)
    net.domains[k] = dataclasses.replace(net.domains[k], members=members)
    return {"op": "add_to_domain", "domain": op.domain, "person": op.person, "index": j}


def _add_tie(case: Case, op: AddTie) -> Json:
    net = case.network
    nodes = net.person_ids() | {d.id for d in net.domains}
    problems = [
        Problem(
            end,
            f"persoon of domein '{ref}' staat niet in de casus",
            f"person or domain '{ref}' is not in the case",
            "unknown_reference",
        )
        for end, ref in (("a", op.a), ("b", op.b))
        if ref not in nodes
    ]
    if op.a == op.b:
        problems.append(
            Problem(
                "b",
                "een band verbindt twee verschillende personen of domeinen",
                "a tie joins two different persons or domains",
                "self_relation",
            )
        )
    if problems:
        raise InvalidInput(problems)
    ident = _check_new_id(case, op.id, "t")
    fields = op.model_dump(exclude={"op", "id", "index", "support"}, mode="python")
    tie = Tie(id=ident, support=set(op.support), **fields)
    net.ties.insert(len(net.ties) if op.index is None else min(op.index, len(net.ties)), tie)
    return {"op": "remove_tie", "id": ident}


def _update_tie(case: Case, op: UpdateTie) -> Json:
    net = case.network
    k = _tie_index(net, op.id)
    tie, old = _changes(net.ties[k], op.changes, _tie, {"id"})
    net.ties[k] = tie
    return {"op": "update_tie", "id": op.id, "changes": old}


def _remove_tie(case: Case, op: RemoveTie) -> Json:
    net = case.network
    k = _tie_index(net, op.id)
    tie = net.ties.pop(k)
    return {"op": "add_tie", **record_json(tie), "index": k}


def _position_target(case: Case, ref: str) -> None:
    net = case.network
    if ref not in net.person_ids() and ref not in {d.id for d in net.domains}:
        raise _unknown("id", ref, "persoon of domein", "person or domain")


def _set_position(case: Case, op: SetPosition) -> Json:
    _position_target(case, op.id)
    had_view = op.view in case.positions
    points = case.positions.setdefault(op.view, {})
    old = points.get(op.id)
    points[op.id] = Point(x=op.x, y=op.y)
    if old is not None:
        return {"op": "set_position", "view": op.view, "id": op.id, "x": old.x, "y": old.y}
    return {"op": "clear_position", "view": op.view, "id": op.id, "drop_view": not had_view}


def _clear_position(case: Case, op: ClearPosition) -> Json:
    _position_target(case, op.id)
    points = case.positions.get(op.view, {})
    old = points.pop(op.id, None)
    if old is None:
        return {"op": "clear_position", "view": op.view, "id": op.id, "drop_view": False}
    if not points and op.drop_view:
        del case.positions[op.view]
    return {"op": "set_position", "view": op.view, "id": op.id, "x": old.x, "y": old.y}


_APPLY: dict[str, Callable[[Case, Any], Json]] = {
    "add_person": _add_person,
    "update_person": _update_person,
    "remove_person": _remove_person,
    "restore_person": _restore_person,
    "set_circle": _set_circle,
    "set_household": _set_household,
    "add_domain": _add_domain,
    "rename_domain": _rename_domain,
    "remove_domain": _remove_domain,
    "restore_domain": _restore_domain,
    "add_to_domain": _add_to_domain,
    "remove_from_domain": _remove_from_domain,
    "add_tie": _add_tie,
    "update_tie": _update_tie,
    "remove_tie": _remove_tie,
    "set_position": _set_position,
    "clear_position": _clear_position,
}


def parse_edit(data: Any) -> _Op:
    """The operation ``data`` describes, checked; ``InvalidInput`` naming each bad field."""
    if not isinstance(data, dict):
        raise _problem("", "verwacht een JSON-object", "expected a JSON object", "type")
    name = data.get("op")
    model = OPERATIONS.get(name) if isinstance(name, str) else None
    if model is None:
        raise _problem(
            "op",
            f"onbekende bewerking {name!r}; kies uit {', '.join(OPERATIONS)}",
            f"unknown operation {name!r}; choose one of {', '.join(OPERATIONS)}",
            "enum",
        )
    parsed: _Op = _parse(model, data, "")
    return parsed


def apply_edit(case: Case, data: Any) -> EditResult:
    """Apply the operation ``data`` to a copy of ``case``; the original is never changed."""
    op = parse_edit(data)
    new = _fresh(case)
    inverse = _APPLY[data["op"]](new, op)
    validate_case(new)
    return EditResult(case=new, inverse=inverse)
