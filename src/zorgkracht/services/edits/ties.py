"""Applying the operations on ties; each returns its inverse."""

from __future__ import annotations

from zorgkracht.domain import Case, Tie
from zorgkracht.domain.errors import raise_if
from zorgkracht.domain.rules import tie_ends_problems

from .ids import _check_new_id, _tie_index
from .messages import _At
from .operations import AddTie, Json, RemoveTie, UpdateTie
from .records import _changes, _tie, record_json


def _add_tie(case: Case, op: AddTie) -> Json:
    net = case.network
    nodes = net.person_ids() | {d.id for d in net.domains}
    raise_if(tie_ends_problems(op.a, op.b, nodes, _At()))
    ident = _check_new_id(case, op.id, "ties")
    fields = op.model_dump(
        exclude={"op", "id", "index", "support", "care_tasks", "client_care_tasks"},
        mode="python",
    )
    tie = Tie(
        id=ident,
        support=set(op.support),
        care_tasks=set(op.care_tasks),
        client_care_tasks=set(op.client_care_tasks),
        **fields,
    )
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
