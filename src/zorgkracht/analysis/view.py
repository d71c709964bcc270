"""The part of a network the measures look at: members, client ties, support and the sociogram.

Definitions shared by every measure (``shared/domain.md`` §3–§6):

* **Members** are the persons of the network except the client. Pets (``Person.pet``) and
  deceased persons (``Person.is_deceased``) are left out and listed under ``excluded`` so the
  report can say so: a dog is company, but not a member of a social network in MSNA's sense,
  and a deceased grandparent belongs on the genogram, not in the network that can carry care.
* A **client tie** is a tie with the client at one end and a member at the other. Ties to
  domains and to excluded persons are ignored by the measures.
* A client tie is **supporting** when it carries support letters and its direction is not
  ``from_client``. The member at the other end then *provides* those letters. (The model
  puts the client at end ``a`` and reads ``support`` as what ``b`` gives ``a``; ties stored the
  other way round are read the same way, with the member as provider.)
* The **sociogram** is the undirected simple graph of members with an edge for every tie
  between two members (several ties between the same pair count once).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from zorgkracht.domain.codes import Direction, Support
from zorgkracht.domain.model import Network, Person, Tie

SUPPORT_ORDER: tuple[Support, ...] = tuple(Support)
"""P G A E W, the book's order."""


@dataclass(slots=True)
class NetworkView:
    """Members, client ties, support and the sociogram of one network, computed once."""

    client: str
    members: list[Person]
    member_ids: set[str]
    pets: list[str]
    deceased: list[str]
    client_ties: list[tuple[str, Tie]]
    """(member id, tie) for every tie between the client and a member, in network order."""
    supporting: list[tuple[str, Tie]]
    """The subset of :attr:`client_ties` that carries support to the client."""
    provided: dict[str, set[Support]] = field(default_factory=dict)
    """Member id → the support letters this member gives the client."""
    graph: nx.Graph = field(default_factory=nx.Graph)


def build_view(network: Network, client: str) -> NetworkView:
    """Sort a network into members, excluded persons, client ties and the sociogram."""
    members: list[Person] = []
    pets: list[str] = []
    deceased: list[str] = []
    for person in network.persons:
        if person.id == client:
            continue
        if person.is_pet:
            pets.append(person.id)
        elif person.is_deceased:
            deceased.append(person.id)
        else:
            members.append(person)
    member_ids = {p.id for p in members}

    graph = nx.Graph()
    graph.add_nodes_from(p.id for p in members)
    client_ties: list[tuple[str, Tie]] = []
    supporting: list[tuple[str, Tie]] = []
    provided: dict[str, set[Support]] = {}
    for tie in network.ties:
        a, b = tie.a, tie.b
        if a == b:
            continue
        if a == client or b == client:
            other = b if a == client else a
            if other not in member_ids:
                continue
            client_ties.append((other, tie))
            if tie.support and tie.direction is not Direction.FROM_CLIENT:
                supporting.append((other, tie))
                provided.setdefault(other, set()).update(tie.support)
        elif a in member_ids and b in member_ids:
            graph.add_edge(a, b)
    return NetworkView(
        client=client,
        members=members,
        member_ids=member_ids,
        pets=sorted(pets),
        deceased=sorted(deceased),
        client_ties=client_ties,
        supporting=supporting,
        provided=provided,
        graph=graph,
    )


def providers_of(view: NetworkView, letter: Support) -> list[str]:
    """Sorted ids of the members who give ``letter`` to the client."""
    return sorted(pid for pid, letters in view.provided.items() if letter in letters)
