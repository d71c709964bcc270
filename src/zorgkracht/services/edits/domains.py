"""Applying the operations on domains and their members; each returns its inverse."""

from __future__ import annotations

import dataclasses

from zorgkracht.domain import Case, Domain
from zorgkracht.domain.errors import raise_if
from zorgkracht.domain.rules import domain_problems

from .ids import _check_new_id, _domain_index, _person_index
from .messages import _At, _problem
from .operations import (
    AddDomain,
    AddToDomain,
    Json,
    RemoveDomain,
    RemoveFromDomain,
    RenameDomain,
    RestoreDomain,
    UpdateDomain,
)
from .positions import _restore_points, _take_points
from .records import _changes, _domain, _insert_placed, _tie, record_json


def _add_domain(case: Case, op: AddDomain) -> Json:
    net = case.network
    domain = Domain(id="", name=op.name, kind=op.kind, members=list(op.members), note=op.note)
    raise_if(domain_problems(domain, net.person_ids(), _At()))
    domain.id = _check_new_id(case, op.id, "domains")
    net.domains.append(domain)
    return {"op": "remove_domain", "id": domain.id}


def _rename_domain(case: Case, op: RenameDomain) -> Json:
    net = case.network
    k = _domain_index(net, op.id)
    old = net.domains[k].name
    renamed = dataclasses.replace(net.domains[k], name=op.name)
    raise_if(domain_problems(renamed, net.person_ids(), _At()))
    net.domains[k] = renamed
    return {"op": "rename_domain", "id": op.id, "name": old}


def _update_domain(case: Case, op: UpdateDomain) -> Json:
    """Name, kind and note of a domain; its members change through ``add_to_domain`` and
    ``remove_from_domain`` (they keep their order and the inverse stays exact)."""
    net = case.network
    k = _domain_index(net, op.id)
    domain, old = _changes(net.domains[k], op.changes, _domain, {"id", "members"})
    raise_if(domain_problems(domain, net.person_ids(), _At(op.changes)))
    net.domains[k] = domain
    return {"op": "update_domain", "id": op.id, "changes": old}


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
    _check_new_id(case, domain.id, "domains", "domain/id")
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
