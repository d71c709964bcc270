"""Ids for new records: one allocator for every kind of id in a case.

An id is never reused within a case, not even one that only a snapshot still holds: a person
who left and a newcomer must never be taken for the same person when snapshots are compared,
and the second snapshot must not get the id of the first. :func:`used_ids` is every id in the
case; :func:`new_id` numbers (``p1``, ``p2``, ...) and :func:`derived_id` keeps a given base
(``jan``, ``jan-2``, ...), both against a set of ids already taken; :func:`next_id` is a fresh
id of one kind in a case, with that kind's prefix (:data:`PREFIX`).
"""

from __future__ import annotations

from collections.abc import Container, Iterator
from typing import Literal

from .model import Case, Network
from .process import Process

Kind = Literal[
    "persons",
    "ties",
    "domains",
    "couples",
    "children",
    "emotions",
    "events",
    "snapshots",
    "help_questions",
    "meetings",
    "actions",
    "evaluations",
]

PREFIX: dict[Kind, str] = {
    "persons": "p",
    "ties": "t",
    "domains": "d",
    "couples": "c",
    "children": "ch",
    "emotions": "e",
    "events": "ev",
    "snapshots": "s",
    "help_questions": "hq",
    "meetings": "mt",
    "actions": "ac",
    "evaluations": "evl",
}
"""The prefix of the numbered ids of each kind of record (instrument answers have no id: they
are numbered by their place in their snapshot)."""


def network_ids(net: Network) -> Iterator[str]:
    """Every record id in one network."""
    for items in (
        net.persons,
        net.couples,
        net.children,
        net.emotions,
        net.ties,
        net.domains,
        net.events,
    ):
        for item in items:
            yield item.id


def process_ids(process: Process) -> Iterator[str]:
    """Every record id of a case's process."""
    for items in (
        process.help_questions,
        process.meetings,
        process.actions,
        process.evaluations,
    ):
        for item in items:
            yield item.id


def used_ids(case: Case) -> set[str]:
    """Every id in the case: its records, its process, its snapshots and their records."""
    ids = set(network_ids(case.network))
    ids.update(process_ids(case.process))
    for snap in case.snapshots:
        ids.add(snap.id)
        ids.update(network_ids(snap.network))
    return ids


def new_id(taken: Container[str], prefix: str) -> str:
    """The first of ``prefix1``, ``prefix2``, ... that is not taken."""
    n = 1
    while f"{prefix}{n}" in taken:
        n += 1
    return f"{prefix}{n}"


def derived_id(taken: Container[str], base: str) -> str:
    """``base`` when it is free, else the first of ``base-2``, ``base-3``, ... that is."""
    ident, n = base, 1
    while ident in taken:
        n += 1
        ident = f"{base}-{n}"
    return ident


def next_id(case: Case, kind: Kind) -> str:
    """A fresh id for a new record of ``kind`` in ``case``."""
    return new_id(used_ids(case), PREFIX[kind])


class IdPool:
    """Ids taken one after another (an importer, or an interview step that adds several
    records): each id handed out is taken."""

    __slots__ = ("taken",)

    def __init__(self, taken: set[str] | None = None) -> None:
        self.taken: set[str] = taken if taken is not None else set()

    @classmethod
    def of(cls, case: Case) -> IdPool:
        return cls(used_ids(case))

    def numbered(self, prefix: str) -> str:
        """:func:`new_id`, then taken."""
        ident = new_id(self.taken, prefix)
        self.taken.add(ident)
        return ident

    def derived(self, base: str) -> str:
        """:func:`derived_id`, then taken."""
        ident = derived_id(self.taken, base)
        self.taken.add(ident)
        return ident
