"""Records found by id, and ids for new records."""

from __future__ import annotations

from typing import Any

from zorgkracht.domain import Case, Network

from .messages import _problem, _unknown


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


def _couple_index(net: Network, ident: str, where: str = "id") -> int:
    return _index(net.couples, ident, where, "partnerrelatie", "couple")


def _child_index(net: Network, ident: str, where: str = "id") -> int:
    return _index(net.children, ident, where, "kindrelatie", "child relation")


def _emotion_index(net: Network, ident: str, where: str = "id") -> int:
    return _index(net.emotions, ident, where, "emotionele relatie", "emotional relation")


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
