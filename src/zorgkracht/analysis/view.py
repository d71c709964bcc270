"""The part of a network the measures look at: members, client ties, support and the sociogram.

Definitions shared by every measure (``shared/domain.md`` §3–§6):

* **Members** are the persons of the network except the client. Pets (``Person.pet``) and
  deceased persons (``Person.is_deceased``) are left out and listed under ``excluded`` so the
  report can say so: a dog is company, but not a member of a social network in MSNA's sense,
  and a deceased grandparent belongs on the genogram, not in the network that can carry care.
* The **client system** (cliëntsysteem, book 1791–1792 and 3600: "de cliënt/het gezin") is the
  client with the living human members of ``Network.household``. Where the client is a family
  (the Taveniers, the Flodders) the support, care and ties of the whole household count: the
  ecogram draws the lines "tussen de cirkel van het cliëntsysteem en de andere
  cirkels/personen" (1791–1792).
* A **client tie** is a tie with the client at one end and a member at the other, or with a
  member of the client system at one end and a member outside it at the other ("steun aan
  cliënt/gezin"). Ties to domains and to excluded persons are ignored by the measures of
  support and care (not by CONFLICT_TIES, see :mod:`zorgkracht.analysis.signals`).
* A client tie is **supporting** when it carries support letters and its direction is not
  ``from_client``. The member at the other end then *provides* those letters. (The model
  puts the client at end ``a`` and reads ``support`` as what ``b`` gives ``a``; ties stored the
  other way round are read the same way, with the member as provider.)
* The **sociogram** is the undirected simple graph of members with an edge for every tie
  between two members (several ties between the same pair count once), and an edge between
  every two members of the household: people who live together know each other (so the
  Flodder children and Opa are no isolates and the household is one group).
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
    system: list[str]
    """The client system: the client first, then the other living human household members in
    network order (only the client when the household is empty)."""
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
    household = set(network.household)
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
    system = [client, *(p.id for p in members if p.id in household)]
    in_system = set(system)

    graph = nx.Graph()
    graph.add_nodes_from(p.id for p in members)
    living_together = system[1:]
    graph.add_edges_from(
        (x, y) for i, x in enumerate(living_together) for y in living_together[i + 1 :]
    )
    client_ties: list[tuple[str, Tie]] = []
    supporting: list[tuple[str, Tie]] = []
    provided: dict[str, set[Support]] = {}
    for tie in network.ties:
        a, b = tie.a, tie.b
        if a == b:
            continue
        if a in member_ids and b in member_ids:
            graph.add_edge(a, b)
        if a == client or b == client:
            other = b if a == client else a
        elif (a in in_system) != (b in in_system):
            other = b if a in in_system else a
        else:
            continue
        if other not in member_ids:
            continue
        client_ties.append((other, tie))
        if tie.support and tie.direction is not Direction.FROM_CLIENT:
            supporting.append((other, tie))
            provided.setdefault(other, set()).update(tie.support)
    return NetworkView(
        client=client,
        system=system,
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
