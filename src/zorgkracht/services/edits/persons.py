"""Applying the operations on persons; each returns its inverse."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from zorgkracht.domain import Case, ChildRelation, Person, Tie
from zorgkracht.domain.codes import Direction
from zorgkracht.domain.errors import raise_if
from zorgkracht.domain.rules import person_problems

from .ids import _check_new_id, _domain_index, _person_index
from .messages import _At, _problem, _unknown
from .operations import (
    AddPerson,
    Json,
    RemovePerson,
    RestorePerson,
    SetCircle,
    SetHousehold,
    UpdatePerson,
)
from .positions import _restore_points, _take_points
from .records import (
    _changes,
    _child,
    _couple,
    _drop_ref,
    _emotion,
    _insert_placed,
    _insert_ref,
    _instrument,
    _person,
    _tie,
    record_json,
)


def _add_person(case: Case, op: AddPerson) -> Json:
    net = case.network
    fields = op.model_dump(
        exclude={"op", "id", "household", "domain", "connect", "support"}, mode="python"
    )
    raise_if(person_problems(Person(id="", **fields), _At()))
    ident = _check_new_id(case, op.id, "persons")
    if op.domain is not None:
        d = _domain_index(net, op.domain, "domain")
        net.domains[d] = dataclasses.replace(
            net.domains[d], members=[*net.domains[d].members, ident]
        )
    net.persons.append(Person(id=ident, **fields))
    if op.household:
        net.household.append(ident)
    if op.connect or op.support:
        net.ties.append(
            Tie(
                id=_check_new_id(case, None, "ties"),
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
    if op.id in case.process.person_refs():
        raise _problem(
            "id",
            "deze persoon staat in het plan (hulpvragen, bijeenkomsten, acties, team of "
            "afsluiting); haal hem of haar daar eerst weg",
            "this person is named in the plan (help questions, meetings, actions, team or "
            "closing); take them out there first",
            "in_plan",
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
    inverse["instruments"] = split(case.instruments, lambda i: i.respondent == ref)
    return inverse


def _restore_person(case: Case, op: RestorePerson) -> Json:
    net = case.network
    person = _person(op.person, "person")
    _check_new_id(case, person.id, "persons", "person/id")
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
    _insert_placed(case.instruments, op.instruments, _instrument, "instruments")
    return {"op": "remove_person", "id": person.id}


def _update_person(case: Case, op: UpdatePerson) -> Json:
    net = case.network
    i = _person_index(net, op.id)
    person, old = _changes(net.persons[i], op.changes, _person, {"id"})
    raise_if(person_problems(person, _At(op.changes)))
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
