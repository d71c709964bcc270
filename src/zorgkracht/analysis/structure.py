"""Structure of the sociogram: density, components, bridges and isolates among members.

The sociogram (book ch. 4 and 5) is the undirected simple graph whose nodes are the network
members and whose edges are the ties between two members, plus an edge between every two
members of the household: people who live together know each other (the Flodder children and
Opa, the Tavenier children; the client system of book 1791–1792). See
:mod:`zorgkracht.analysis.view`. The client and ties to domains are left out: every member
is tied to the client, so including the client would make every network one component.

* **Density** (Wasserman & Faust 1994, §4.2): ``D = m / (n(n − 1)/2)`` with ``m`` the number
  of member–member edges and ``n`` the number of members. Undefined (``None``) for fewer than
  two members. Same value as :func:`networkx.density` for ``n ≥ 2``.
* **Components**: the connected components (:func:`networkx.connected_components`), each a
  sorted list of member ids, largest first. A network where members know each other in
  separate groups has several components.
* **Bridges**: edges whose removal splits a component (:func:`networkx.bridges`; Tarjan
  1974), each a sorted pair of member ids. A bridge is often the one person who connects two
  groups (Granovetter 1973).
* **Isolates**: members who are tied to no other member (they may well be tied to the client).
"""

from __future__ import annotations

import networkx as nx

from .results import StructureMeasures


def density(n: int, m: int) -> float | None:
    """``m / (n(n − 1)/2)``; ``None`` when ``n < 2``."""
    if n < 2:
        return None
    return m / (n * (n - 1) / 2)


def structure_measures(graph: nx.Graph) -> StructureMeasures:
    """``density``, ``ties_among_members``, ``components``, ``bridges`` and ``isolates``."""
    n = graph.number_of_nodes()
    m = graph.number_of_edges()
    components = [sorted(c) for c in nx.connected_components(graph)]
    components.sort(key=lambda c: (-len(c), c[0]))
    bridges = sorted(tuple(sorted((str(u), str(v)))) for u, v in nx.bridges(graph))
    isolates = sorted(str(v) for v in nx.isolates(graph))
    return {
        "density": density(n, m),
        "ties_among_members": m,
        "components": components,
        "component_count": len(components),
        "bridges": [list(pair) for pair in bridges],
        "isolates": isolates,
    }
