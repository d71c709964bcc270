"""Applying the operations on the family relations of the genogram: couples, children and
emotional relations; each returns its inverse.

Before anything is changed, the relation as it would be is checked against the rules of the
case (:mod:`zorgkracht.domain.rules`, the rules every case that is read passes too: nobody is
their own partner or parent, no parent line runs round, a child is not born before a parent,
...), and every problem names the field of the operation that causes it (``parents/1``,
``changes/end_year``).
"""

from __future__ import annotations

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
from zorgkracht.domain.lineage import ParentLines
from zorgkracht.domain.rules import (
    child_problems,
    couple_problems,
    duplicate_child_problem,
    emotion_problems,
)

from .ids import _check_new_id, _child_index, _couple_index, _emotion_index
from .messages import _At
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


def _insert(items: list[Any], item: Any, index: int | None) -> None:
    items.insert(len(items) if index is None else min(index, len(items)), item)


# --- checks: the rules of the case (zorgkracht.domain.rules), at the fields of the operation --


def _couple_problems(net: Network, c: CoupleRelation, at: _At) -> list[Problem]:
    return couple_problems(c, net.person_ids(), at)


def _child_problems(net: Network, rel: ChildRelation, at: _At, duplicates: bool) -> list[Problem]:
    """The rules of a child relation against every other relation; with ``duplicates`` also
    that the same relation is not there already (an added or moved relation)."""
    persons = {p.id: p for p in net.persons}
    lines = ParentLines(net.children, skip=rel.id)
    problems = child_problems(rel, persons, lines.closes, at)
    duplicate = duplicate_child_problem(rel, net.children, at) if duplicates else None
    return problems if duplicate is None else [*problems, duplicate]


def _emotion_problems(net: Network, e: EmotionalRelation, at: _At) -> list[Problem]:
    return emotion_problems(e, net.person_ids(), at)


# --- couples ---------------------------------------------------------------------------------


def _add_couple(case: Case, op: AddCouple) -> Json:
    net = case.network
    couple = CoupleRelation(id="", **op.model_dump(exclude={"op", "id", "index"}, mode="python"))
    raise_if(_couple_problems(net, couple, _At()))
    couple.id = _check_new_id(case, op.id, "couples")
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
    rel.id = _check_new_id(case, op.id, "children")
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
    emotion.id = _check_new_id(case, op.id, "emotions")
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
