"""Records found by id, and ids for new records (from :mod:`zorgkracht.domain.ids`)."""

from __future__ import annotations

from typing import Any

from zorgkracht.domain import Case, Network
from zorgkracht.domain.ids import Kind, network_ids, next_id

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
    return _index(net.ties, ident, where, "relatie", "tie")


def _couple_index(net: Network, ident: str, where: str = "id") -> int:
    return _index(net.couples, ident, where, "partnerrelatie", "couple")


def _child_index(net: Network, ident: str, where: str = "id") -> int:
    return _index(net.children, ident, where, "kindrelatie", "child relation")


def _emotion_index(net: Network, ident: str, where: str = "id") -> int:
    return _index(net.emotions, ident, where, "emotionele relatie", "emotional relation")


def _check_new_id(case: Case, ident: str | None, kind: Kind, where: str = "id") -> str:
    """A new id: the given one when it is free in the current network (undo and redo bring
    records back under their own id), else a fresh one of ``kind``."""
    if ident is None:
        return next_id(case, kind)
    if ident in set(network_ids(case.network)):
        raise _problem(
            where,
            f"id '{ident}' is al in gebruik in deze casus",
            f"id '{ident}' is already used in this case",
            "duplicate_id",
        )
    return ident
