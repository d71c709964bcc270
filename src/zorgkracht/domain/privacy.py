"""Leaving out what is marked sensitive, for a picture or table that others will see.

A person, a tie, an emotional relation and a life event can be marked ``sensitive`` (an
ex-partner the client does not want named at a network meeting, a tie with a drug dealer, an
abortion). :func:`without_sensitive` gives the case as it may be shown: those records left out,
and everything that names a left-out person with them. The client is never left out (the whole
case is about them). Pure: the case passed in is not changed.
"""

from __future__ import annotations

import dataclasses

from .model import Case, ChildRelation, Domain, LifeEvent, Network, Point


def without_sensitive(case: Case) -> Case:
    """``case`` with every sensitive person, tie, emotional relation and life event left out,
    in the current network and in every snapshot, and every relation, membership, manual
    position and instrument answer (by who answered) that names a left-out person."""
    hidden: set[str] = set()
    for net in (case.network, *(s.network for s in case.snapshots)):
        hidden |= {p.id for p in net.persons if p.sensitive and p.id != case.client}
    positions: dict[str, dict[str, Point]] = {
        view: {ref: point for ref, point in points.items() if ref not in hidden}
        for view, points in case.positions.items()
    }
    snapshots = [
        dataclasses.replace(
            s,
            network=_network(s.network, hidden),
            instruments=[i for i in s.instruments if i.respondent not in hidden],
        )
        for s in case.snapshots
    ]
    return dataclasses.replace(
        case,
        network=_network(case.network, hidden),
        snapshots=snapshots,
        positions=positions,
        instruments=[i for i in case.instruments if i.respondent not in hidden],
    )


def has_sensitive(case: Case) -> bool:
    """Is anything in the case (now or in a snapshot) marked sensitive?"""
    for net in (case.network, *(s.network for s in case.snapshots)):
        if (
            any(p.sensitive for p in net.persons)
            or any(t.sensitive for t in net.ties)
            or any(e.sensitive for e in net.emotions)
            or any(ev.sensitive for ev in net.events)
        ):
            return True
    return False


def _network(net: Network, hidden: set[str]) -> Network:
    def shown(*refs: str) -> bool:
        return not any(ref in hidden for ref in refs)

    children: list[ChildRelation] = []
    for ch in net.children:
        parents = [p for p in ch.parents if p not in hidden]
        if ch.child in hidden or not parents:
            continue
        children.append(ch if parents == ch.parents else dataclasses.replace(ch, parents=parents))
    domains: list[Domain] = [
        dataclasses.replace(d, members=[m for m in d.members if m not in hidden])
        for d in net.domains
    ]
    events: list[LifeEvent] = []
    for ev in net.events:
        persons = [p for p in ev.persons if p not in hidden]
        if ev.sensitive or (ev.persons and not persons):
            continue  # marked, or only about persons left out (its title may name them)
        events.append(ev if persons == ev.persons else dataclasses.replace(ev, persons=persons))
    return Network(
        persons=[p for p in net.persons if p.id not in hidden],
        household=[h for h in net.household if h not in hidden],
        couples=[c for c in net.couples if shown(c.a, c.b)],
        children=children,
        emotions=[e for e in net.emotions if not e.sensitive and shown(e.a, e.b)],
        ties=[t for t in net.ties if not t.sensitive and shown(t.a, t.b)],
        domains=domains,
        events=events,
    )


__all__ = ["has_sensitive", "without_sensitive"]
