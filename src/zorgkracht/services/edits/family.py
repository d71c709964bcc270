"""Applying the operations on the family relations of the genogram: couples, children and
emotional relations; each returns its inverse.

Before anything is changed, the relation as it would be is checked against the rules of the
case (:mod:`zorgkracht.domain.invariants`: nobody is their own partner or parent, no parent
line runs round, a child is not born before a parent, ...), and every problem names the field
of the operation that causes it (``parents/1``, ``changes/end_year``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from zorgkracht.domain import (
    Case,
    ChildRelation,
    CoupleRelation,
    EmotionalRelation,
    Network,
    Problem,
)
from zorgkracht.domain.errors import raise_if

from .ids import _check_new_id, _child_index, _couple_index, _emotion_index
from .operations import (
    AddChild,
    AddCouple,
    AddEmotion,
    Json,
    RemoveChild,
    RemoveCouple,
    RemoveEmotion,
    UpdateChild,
    UpdateCouple,
    UpdateEmotion,
)
from .records import _changes, _child, _couple, _emotion, record_json


class _At:
    """Where a problem is: the field of an ``add_*`` operation, or under ``changes/`` for an
    update, naming a changed field (``instead``) when the field itself was not changed."""

    def __init__(self, changes: Mapping[str, Any] | None = None) -> None:
        self.changes = changes

    def __call__(self, path: str, *instead: str) -> str:
        if self.changes is None:
            return path
        if path.split("/")[0] not in self.changes:
            path = next((other for other in instead if other in self.changes), path)
        return f"changes/{path}"


def _unknown_person(where: str, ref: str) -> Problem:
    return Problem(
        where,
        f"persoon '{ref}' staat niet in de casus",
        f"person '{ref}' is not in the case",
        "unknown_reference",
    )


def _insert(items: list[Any], item: Any, index: int | None) -> None:
    items.insert(len(items) if index is None else min(index, len(items)), item)


# --- checks ----------------------------------------------------------------------------------


def _couple_problems(net: Network, c: CoupleRelation, at: _At) -> list[Problem]:
    persons = net.person_ids()
    problems = [
        _unknown_person(at(end), ref) for end, ref in (("a", c.a), ("b", c.b)) if ref not in persons
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


def _is_ancestor(net: Network, ancestor: str, person: str, skip: str) -> bool:
    """Whether ``ancestor`` is ``person`` or one of their ancestors, leaving out the child
    relation ``skip`` (the one being changed)."""
    parents: dict[str, list[str]] = {}
    for rel in net.children:
        if rel.id != skip:
            parents.setdefault(rel.child, []).extend(rel.parents)
    seen: set[str] = set()
    todo = [person]
    while todo:
        current = todo.pop()
        if current == ancestor:
            return True
        if current not in seen:
            seen.add(current)
            todo.extend(parents.get(current, ()))
    return False


def _child_problems(net: Network, rel: ChildRelation, at: _At, duplicates: bool) -> list[Problem]:
    persons = {p.id: p for p in net.persons}
    problems: list[Problem] = []
    kid = persons.get(rel.child)
    if kid is None:
        problems.append(_unknown_person(at("child"), rel.child))
    seen: set[str] = set()
    for k, parent in enumerate(rel.parents):
        where = at(f"parents/{k}", "child")
        par = persons.get(parent)
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
            problems.append(_unknown_person(where, parent))
        elif kid is not None and _is_ancestor(net, rel.child, parent, rel.id):
            problems.append(
                Problem(
                    where,
                    f"'{rel.child}' is al een voorouder van '{parent}'; de ouderlijn zou rondlopen",
                    f"'{rel.child}' is already an ancestor of '{parent}'; the parent line would "
                    "form a cycle",
                    "parent_cycle",
                )
            )
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
    if duplicates and any(
        other.id != rel.id and other.child == rel.child and set(other.parents) == set(rel.parents)
        for other in net.children
    ):
        problems.append(
            Problem(
                at("parents", "child"),
                "deze kindrelatie staat al in de casus",
                "this child relation is already in the case",
                "duplicate",
            )
        )
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


def _emotion_problems(net: Network, e: EmotionalRelation, at: _At) -> list[Problem]:
    persons = net.person_ids()
    problems = [
        _unknown_person(at(end), ref) for end, ref in (("a", e.a), ("b", e.b)) if ref not in persons
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


# --- couples ---------------------------------------------------------------------------------


def _add_couple(case: Case, op: AddCouple) -> Json:
    net = case.network
    couple = CoupleRelation(id="", **op.model_dump(exclude={"op", "id", "index"}, mode="python"))
    raise_if(_couple_problems(net, couple, _At()))
    couple.id = _check_new_id(case, op.id, "c")
    _insert(net.couples, couple, op.index)
    return {"op": "remove_couple", "id": couple.id}


def _update_couple(case: Case, op: UpdateCouple) -> Json:
    net = case.network
    k = _couple_index(net, op.id)
    couple, old = _changes(net.couples[k], op.changes, _couple, {"id"})
    raise_if(_couple_problems(net, couple, _At(op.changes)))
    net.couples[k] = couple
    return {"op": "update_couple", "id": op.id, "changes": old}


def _remove_couple(case: Case, op: RemoveCouple) -> Json:
    net = case.network
    k = _couple_index(net, op.id)
    couple = net.couples.pop(k)
    return {"op": "add_couple", **record_json(couple), "index": k}


# --- children --------------------------------------------------------------------------------


def _add_child(case: Case, op: AddChild) -> Json:
    net = case.network
    fields = op.model_dump(exclude={"op", "id", "index"}, mode="python")
    rel = ChildRelation(id="", **fields)
    raise_if(_child_problems(net, rel, _At(), duplicates=True))
    rel.id = _check_new_id(case, op.id, "ch")
    _insert(net.children, rel, op.index)
    return {"op": "remove_child", "id": rel.id}


def _update_child(case: Case, op: UpdateChild) -> Json:
    net = case.network
    k = _child_index(net, op.id)
    rel, old = _changes(net.children[k], op.changes, _child, {"id"})
    moved = "child" in op.changes or "parents" in op.changes
    raise_if(_child_problems(net, rel, _At(op.changes), duplicates=moved))
    net.children[k] = rel
    return {"op": "update_child", "id": op.id, "changes": old}


def _remove_child(case: Case, op: RemoveChild) -> Json:
    net = case.network
    k = _child_index(net, op.id)
    rel = net.children.pop(k)
    return {"op": "add_child", **record_json(rel), "index": k}


# --- emotional relations -----------------------------------------------------------------------


def _add_emotion(case: Case, op: AddEmotion) -> Json:
    net = case.network
    fields = op.model_dump(exclude={"op", "id", "index"}, mode="python")
    emotion = EmotionalRelation(id="", **fields)
    raise_if(_emotion_problems(net, emotion, _At()))
    emotion.id = _check_new_id(case, op.id, "e")
    _insert(net.emotions, emotion, op.index)
    return {"op": "remove_emotion", "id": emotion.id}


def _update_emotion(case: Case, op: UpdateEmotion) -> Json:
    net = case.network
    k = _emotion_index(net, op.id)
    emotion, old = _changes(net.emotions[k], op.changes, _emotion, {"id"})
    raise_if(_emotion_problems(net, emotion, _At(op.changes)))
    net.emotions[k] = emotion
    return {"op": "update_emotion", "id": op.id, "changes": old}


def _remove_emotion(case: Case, op: RemoveEmotion) -> Json:
    net = case.network
    k = _emotion_index(net, op.id)
    emotion = net.emotions.pop(k)
    return {"op": "add_emotion", **record_json(emotion), "index": k}
