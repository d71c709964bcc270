"""The family graph a genogram draws: who is in it, couples, families and generations.

This module decides *what* is drawn and on which row; :mod:`zorgkracht.layout.genogram` decides
where. Every loop runs over lists in input order or over explicitly sorted keys, never over a
set, so the result does not depend on hash seeds.

Who is drawn (``docs/genogram.md``): the client, the index person, the household, everyone in a
couple or child relation, everyone with a family role, everyone with an emotional relation to one
of those, and their pets. ``focus`` and ``generations`` keep only persons within that many steps
of the focus, a step being one couple, parent-child, household or pet-owner link.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from zorgkracht.domain import Case, ChildRelation, CoupleRelation, EmotionalRelation, Person
from zorgkracht.domain.codes import Role, Sector

ROLE_ROW: dict[Role, int] = {
    Role.GRANDPARENT: -2,
    Role.PARENT: -1,
    Role.CHILD: 1,
    Role.GRANDCHILD: 2,
}
"""Rows from the client's row for a person whose only place in the genogram is their role."""


def _is_kin(person: Person) -> bool:
    return person.role is not None and person.sector is Sector.KIN


@dataclass(frozen=True, slots=True)
class Partnership:
    """A couple line: a couple relation, or two parents of one child without one (implicit)."""

    id: str
    a: str
    b: str
    relation: CoupleRelation | None
    order: tuple[int, int]
    """Chronological key: start year (or a large number) and input position."""


@dataclass(frozen=True, slots=True)
class Family:
    """The parents a child hangs from: a partnership or a single parent."""

    key: str
    parents: tuple[str, ...]
    partnership: str | None


@dataclass(slots=True)
class FamilyGraph:
    persons: list[Person]
    order: dict[str, int]
    partnerships: list[Partnership]
    families: list[Family]
    child_relations: list[tuple[ChildRelation, str]]
    """Each child relation that is drawn, with the key of its family."""
    emotions: list[EmotionalRelation]
    owner: dict[str, str]
    """Pet id → owner id, for pets drawn beside their owner."""
    anchor: dict[str, str]
    """Person without family lines → the person whose row they join."""
    generation: dict[str, int] = field(default_factory=dict)

    def person(self, pid: str) -> Person:
        return self.persons[self.order[pid]]


def select(
    case: Case, *, focus: str | None, generations: int | None, hide_sensitive: bool
) -> FamilyGraph:
    """The persons and relations of ``case`` that a genogram draws."""
    net = case.network
    by_id = {p.id: p for p in net.persons}
    hidden = {p.id for p in net.persons if hide_sensitive and p.sensitive}
    related: set[str] = set()
    for c in net.couples:
        related.update((c.a, c.b))
    for ch in net.children:
        related.add(ch.child)
        related.update(ch.parents)
    core = {case.client, case.index_id, *net.household} | related
    core |= {p.id for p in net.persons if _is_kin(p)}
    emotions = [e for e in net.emotions if not (hide_sensitive and e.sensitive) and e.a != e.b]
    for e in emotions:
        if e.a in core or e.b in core:
            core |= {e.a, e.b}
    core = {pid for pid in core if pid in by_id and pid not in hidden}

    owner: dict[str, str] = {}
    for p in net.persons:
        if p.is_pet and p.id not in related and p.id not in hidden:
            found = _owner_of(case, p.id, core)
            if found is not None:
                owner[p.id] = found
                core.add(p.id)

    if generations is not None:
        start = focus if focus in core else case.index_id
        core &= _within(case, start, generations, core, owner)
    persons = [p for p in net.persons if p.id in core]
    order = {p.id: i for i, p in enumerate(persons)}
    owner = {pet: o for pet, o in owner.items() if pet in order and o in order}

    partnerships: list[Partnership] = []
    pair_key: dict[tuple[str, str], str] = {}
    for i, c in enumerate(net.couples):
        if c.a in order and c.b in order and c.a != c.b:
            began = c.start_year if c.start_year is not None else 10_000
            partnerships.append(Partnership(c.id, c.a, c.b, c, (began, i)))
            pair_key.setdefault(_pair(c.a, c.b), c.id)
    families: list[Family] = []
    family_of: dict[str, Family] = {}
    child_relations: list[tuple[ChildRelation, str]] = []
    for i, ch in enumerate(net.children):
        if ch.child not in order:
            continue
        parents = tuple(p for p in ch.parents if p in order and p != ch.child)
        if not parents:
            continue
        if len(parents) == 2:
            pid = pair_key.get(_pair(*parents))
            if pid is None:
                pid = "~" + "+".join(_pair(*parents))
                pair_key[_pair(*parents)] = pid
                partnerships.append(
                    Partnership(pid, parents[0], parents[1], None, (10_000, len(net.couples) + i))
                )
            key = "c:" + pid
            family = Family(key, parents, pid)
        else:
            key = "p:" + parents[0]
            family = Family(key, parents, None)
        if key not in family_of:
            family_of[key] = family
            families.append(family)
        child_relations.append((ch, key))

    drawn_emotions = [e for e in emotions if e.a in order and e.b in order]
    graph = FamilyGraph(
        persons=persons,
        order=order,
        partnerships=partnerships,
        families=families,
        child_relations=child_relations,
        emotions=drawn_emotions,
        owner=owner,
        anchor={},
    )
    _assign_generations(case, graph)
    return graph


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def _owner_of(case: Case, pet: str, core: set[str]) -> str | None:
    """First household member (when the pet is in the household), else the first person it
    shares an emotional relation or a tie with; only drawn humans count."""
    net = case.network
    humans = [p.id for p in net.persons if p.id in core and not p.is_pet]
    if pet in net.household:
        for pid in net.household:
            if pid in humans:
                return pid
    for e in net.emotions:
        if pet in (e.a, e.b):
            other = e.b if e.a == pet else e.a
            if other in humans:
                return other
    for t in net.ties:
        if pet in (t.a, t.b):
            other = t.b if t.a == pet else t.a
            if other in humans:
                return other
    return None


def _within(case: Case, start: str, steps: int, core: set[str], owner: dict[str, str]) -> set[str]:
    """Persons at most ``steps`` links from ``start`` over couple, parent-child, household and
    pet-owner links among ``core``."""
    net = case.network
    links: dict[str, list[str]] = {}

    def link(a: str, b: str) -> None:
        if a in core and b in core and a != b:
            links.setdefault(a, []).append(b)
            links.setdefault(b, []).append(a)

    for c in net.couples:
        link(c.a, c.b)
    for ch in net.children:
        for p in ch.parents:
            link(p, ch.child)
    house = [h for h in net.household if h in core]
    for h in house[1:]:
        for g in house:
            link(g, h)
    for pet, o in owner.items():
        link(pet, o)
    seen = {start: 0}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        if seen[node] >= steps:
            continue
        for nxt in links.get(node, []):
            if nxt not in seen:
                seen[nxt] = seen[node] + 1
                queue.append(nxt)
    return set(seen) & (core | {start})


def _assign_generations(case: Case, graph: FamilyGraph) -> None:
    """Rows: longest path from the roots over child relations, partners joined on one row.

    Partners are put in one class (union-find) unless that would make a parent line run upwards
    (a couple between an ancestor and a descendant); classes get the longest path from the roots;
    classes without parents are then pulled down to just above their highest child; rows are
    numbered 0, 1, 2... without gaps.
    """
    ids = [p.id for p in graph.persons if p.id not in graph.owner]
    family = {f.key: f for f in graph.families}
    edges: list[tuple[str, str]] = []
    for ch, key in graph.child_relations:
        for parent in family[key].parents:
            edges.append((parent, ch.child))
    linked = {a for a, _ in edges} | {b for _, b in edges}
    for ps in graph.partnerships:
        linked |= {ps.a, ps.b}

    root: dict[str, str] = {pid: pid for pid in ids}
    members: dict[str, list[str]] = {pid: [pid] for pid in ids}
    kids: dict[str, list[str]] = {}
    for a, b in edges:
        kids.setdefault(a, []).append(b)

    def find(x: str) -> str:
        while root[x] != x:
            root[x] = root[root[x]]
            x = root[x]
        return x

    def reaches(src: str, dst: str) -> bool:
        """Is there a path of child links from class ``src`` down to class ``dst``?"""
        stack, seen = [src], {src}
        while stack:
            node = stack.pop()
            if node == dst:
                return True
            for m in members[node]:
                for kid in kids.get(m, ()):
                    nxt = find(kid)
                    if nxt not in seen:
                        seen.add(nxt)
                        stack.append(nxt)
        return False

    for ps in sorted(graph.partnerships, key=lambda p: p.order):
        ra, rb = find(ps.a), find(ps.b)
        if ra != rb and not reaches(ra, rb) and not reaches(rb, ra):
            keep, drop = sorted((ra, rb), key=lambda r: graph.order[r])
            root[drop] = keep
            members[keep].extend(members.pop(drop))

    classes = sorted({find(pid) for pid in ids}, key=lambda r: graph.order[r])
    succ: dict[str, list[str]] = {c: [] for c in classes}
    indeg: dict[str, int] = {c: 0 for c in classes}
    for a, b in edges:
        ca, cb = find(a), find(b)
        if ca != cb:
            succ[ca].append(cb)
            indeg[cb] += 1
    topo: list[str] = []
    in_topo: set[str] = set()
    remaining = dict(indeg)
    ready = deque(c for c in classes if remaining[c] == 0)
    while len(topo) < len(classes):
        if not ready:  # only in an invalid case with a parent cycle: break it deterministically
            ready = deque([next(c for c in classes if c not in in_topo)])
        node = ready.popleft()
        if node in in_topo:
            continue
        topo.append(node)
        in_topo.add(node)
        for nxt in succ[node]:
            remaining[nxt] -= 1
            if remaining[nxt] == 0:
                ready.append(nxt)
    gen = {c: 0 for c in classes}
    done: set[str] = set()
    for node in topo:
        done.add(node)
        for nxt in succ[node]:
            if nxt not in done:
                gen[nxt] = max(gen[nxt], gen[node] + 1)
    for node in reversed(topo):
        if indeg[node] == 0 and succ[node]:
            gen[node] = max(gen[node], min(gen[n] for n in succ[node]) - 1)

    # persons without any family line join the row of their anchor
    isolated = [pid for pid in ids if pid not in linked]
    for pid in isolated:
        anchor = _anchor(case, graph, pid, linked)
        if anchor is not None:
            graph.anchor[pid] = anchor
    client = case.client
    if client in graph.order and client not in graph.anchor and client not in graph.owner:
        for pid in isolated:
            role = graph.person(pid).role
            if pid not in graph.anchor and pid != client and role in ROLE_ROW:
                graph.anchor[pid] = client
    rows = sorted({gen[find(pid)] for pid in ids if pid not in graph.anchor})
    rank = {g: i for i, g in enumerate(rows)}
    for pid in ids:
        if pid not in graph.anchor:
            graph.generation[pid] = rank[gen[find(pid)]]
    for pid in ids:
        if pid in graph.anchor:
            anchor = graph.anchor[pid]
            role = graph.person(pid).role
            # a role is relative to the client: a parent without parent lines still stands a
            # row above the client, a grandchild two rows below
            step = ROLE_ROW.get(role, 0) if role is not None and anchor == case.client else 0
            graph.generation[pid] = graph.generation[anchor] + step
    used = sorted(set(graph.generation.values()))
    if used != list(range(len(used))):  # a role made a row above the top or left a gap
        numbered = {g: i for i, g in enumerate(used)}
        for pid in ids:
            graph.generation[pid] = numbered[graph.generation[pid]]
    for pet, o in graph.owner.items():
        graph.generation[pet] = graph.generation[o]


def _anchor(case: Case, graph: FamilyGraph, pid: str, linked: set[str]) -> str | None:
    """The row a person without family lines joins: an emotional partner's, else the index
    person's (or first household member's) when they share the household."""
    for e in graph.emotions:
        if pid in (e.a, e.b):
            other = e.b if e.a == pid else e.a
            if other in linked and other not in graph.owner:
                return other
    house = case.network.household
    if pid in house:
        for cand in [case.index_id, *house]:
            if cand in house and cand in linked and cand not in graph.owner:
                return cand
    if case.index_id in linked and case.index_id in graph.order:
        return case.index_id
    return None
