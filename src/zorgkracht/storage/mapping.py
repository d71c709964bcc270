"""Translation between the domain :class:`Case` and its rows, in both directions.

Every list gets an ``ord`` from its position, so :func:`case_from_rows` gives back a case that
is equal to the one stored, in the same order.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from zorgkracht.domain.codes import Support
from zorgkracht.domain.model import (
    Case,
    ChildRelation,
    Condition,
    CoupleRelation,
    Domain,
    EmotionalRelation,
    InstrumentResponse,
    LifeEvent,
    Network,
    Person,
    Point,
    Snapshot,
    Tie,
)

from .models import CaseRow, NetworkRow, PersonRow

_SUPPORT_ORDER = list(Support)


def support_letters(support: set[Support]) -> str:
    """Support as letters in the book's order (``P G A E W``), e.g. ``"PE"``."""
    return "".join(s.value for s in _SUPPORT_ORDER if s in support)


def client_name(case: Case) -> str:
    for person in case.network.persons:
        if person.id == case.client:
            return person.name
    return case.client


def search_key(case: Case) -> str:
    return f"{case.title.casefold()}\n{client_name(case).casefold()}"


def positions_to_json(case: Case) -> dict[str, Any]:
    return {
        view: {ref: {"x": p.x, "y": p.y} for ref, p in points.items()}
        for view, points in case.positions.items()
    }


def positions_from_json(data: dict[str, Any]) -> dict[str, dict[str, Point]]:
    return {
        view: {ref: Point(x=float(p["x"]), y=float(p["y"])) for ref, p in points.items()}
        for view, points in data.items()
    }


# --- domain to rows ---------------------------------------------------------------------------

Rows = dict[str, list[dict[str, Any]]]
"""Rows to insert, by table name; every row still lacks its ``network_id``."""


@dataclass(slots=True)
class NetworkRows:
    """One network of a case as rows: its ``networks`` row and the rows hanging from it."""

    network: dict[str, Any]
    children: Rows


def _person_rows(p: Person, k: int, rows: Rows) -> None:
    rows["persons"].append(
        {
            "id": p.id,
            "ord": k,
            "name": p.name,
            "gender": p.gender,
            "birth_year": p.birth_year,
            "death_year": p.death_year,
            "deceased": p.deceased,
            "age": p.age,
            "pet": p.pet,
            "pregnant": p.pregnant,
            "role": p.role,
            "circle": p.circle,
            "zone": p.zone,
            "frequency": p.frequency,
            "weight": p.weight,
            "education": p.education,
            "age_group": p.age_group,
            "network_zone": p.network_zone,
            "status": p.status,
            "sensitive": p.sensitive,
            "note": p.note,
        }
    )
    rows["person_identities"].extend(
        {"person_id": p.id, "identity": i} for i in sorted(p.identities)
    )
    rows["person_conditions"].extend(
        {"person_id": p.id, "ord": j, "kind": c.kind, "state": c.state, "note": c.note}
        for j, c in enumerate(p.conditions)
    )


def _child_rows(net: Network, snapshot: Snapshot | None) -> Rows:
    rows: Rows = defaultdict(list)
    for k, p in enumerate(net.persons):
        _person_rows(p, k, rows)
    rows["household_members"] = [
        {"ord": k, "person_id": ref} for k, ref in enumerate(net.household)
    ]
    rows["couples"] = [
        {
            "id": c.id,
            "ord": k,
            "a": c.a,
            "b": c.b,
            "type": c.type,
            "start_year": c.start_year,
            "end_year": c.end_year,
            "note": c.note,
        }
        for k, c in enumerate(net.couples)
    ]
    for k, ch in enumerate(net.children):
        rows["child_relations"].append(
            {
                "id": ch.id,
                "ord": k,
                "child": ch.child,
                "type": ch.type,
                "twin_group": ch.twin_group,
                "twin_type": ch.twin_type,
            }
        )
        rows["child_parents"].extend(
            {"relation_id": ch.id, "ord": j, "parent_id": ref} for j, ref in enumerate(ch.parents)
        )
    rows["emotional_relations"] = [
        {
            "id": e.id,
            "ord": k,
            "a": e.a,
            "b": e.b,
            "type": e.type,
            "sensitive": e.sensitive,
            "note": e.note,
        }
        for k, e in enumerate(net.emotions)
    ]
    rows["ties"] = [
        {
            "id": t.id,
            "ord": k,
            "a": t.a,
            "b": t.b,
            "strength": t.strength,
            "quality": t.quality,
            "direction": t.direction,
            "support": support_letters(t.support),
            "reciprocal": t.reciprocal,
            "care_hours_per_week": t.care_hours_per_week,
            "care_months": t.care_months,
            "care_since": t.care_since,
            "sensitive": t.sensitive,
            "note": t.note,
        }
        for k, t in enumerate(net.ties)
    ]
    for k, d in enumerate(net.domains):
        rows["domains"].append(
            {"id": d.id, "ord": k, "name": d.name, "kind": d.kind, "note": d.note}
        )
        rows["domain_members"].extend(
            {"domain_id": d.id, "ord": j, "person_id": ref} for j, ref in enumerate(d.members)
        )
    for k, ev in enumerate(net.events):
        rows["life_events"].append(
            {
                "id": ev.id,
                "ord": k,
                "year": ev.year,
                "title": ev.title,
                "valence": ev.valence,
                "date": ev.date,
                "sensitive": ev.sensitive,
                "note": ev.note,
            }
        )
        rows["life_event_persons"].extend(
            {"event_id": ev.id, "ord": j, "person_id": ref} for j, ref in enumerate(ev.persons)
        )
    rows["instrument_responses"] = [
        {"ord": k, "instrument": i.instrument, "answers": dict(i.answers), "taken_on": i.taken_on}
        for k, i in enumerate(snapshot.instruments if snapshot else [])
    ]
    return rows


def network_rows(case: Case) -> list[NetworkRows]:
    """The current network (``ord`` 0) and every snapshot (``ord`` 1..) of a case, as rows."""
    out = [
        NetworkRows(
            {
                "case_id": case.id,
                "ord": 0,
                "snapshot_id": None,
                "label": None,
                "taken_on": None,
                "note": "",
            },
            _child_rows(case.network, None),
        )
    ]
    for k, snap in enumerate(case.snapshots, 1):
        out.append(
            NetworkRows(
                {
                    "case_id": case.id,
                    "ord": k,
                    "snapshot_id": snap.id,
                    "label": snap.label,
                    "taken_on": snap.taken_on,
                    "note": snap.note,
                },
                _child_rows(snap.network, snap),
            )
        )
    return out


# --- rows to domain ---------------------------------------------------------------------------


def _person(r: PersonRow) -> Person:
    return Person(
        id=r.id,
        name=r.name,
        gender=r.gender,
        identities={i.identity for i in r.identities},
        birth_year=r.birth_year,
        death_year=r.death_year,
        deceased=r.deceased,
        age=r.age,
        pet=r.pet,
        conditions=[Condition(kind=c.kind, state=c.state, note=c.note) for c in r.conditions],
        pregnant=r.pregnant,
        role=r.role,
        circle=r.circle,
        zone=r.zone,
        frequency=r.frequency,
        weight=r.weight,
        education=r.education,
        age_group=r.age_group,
        network_zone=r.network_zone,
        status=r.status,
        sensitive=r.sensitive,
        note=r.note,
    )


def network_from_row(r: NetworkRow) -> Network:
    return Network(
        persons=[_person(p) for p in r.persons],
        household=[h.person_id for h in r.household],
        couples=[
            CoupleRelation(
                id=c.id,
                a=c.a,
                b=c.b,
                type=c.type,
                start_year=c.start_year,
                end_year=c.end_year,
                note=c.note,
            )
            for c in r.couples
        ],
        children=[
            ChildRelation(
                id=c.id,
                child=c.child,
                parents=[p.parent_id for p in c.parents],
                type=c.type,
                twin_group=c.twin_group,
                twin_type=c.twin_type,
            )
            for c in r.children
        ],
        emotions=[
            EmotionalRelation(
                id=e.id, a=e.a, b=e.b, type=e.type, sensitive=e.sensitive, note=e.note
            )
            for e in r.emotions
        ],
        ties=[
            Tie(
                id=t.id,
                a=t.a,
                b=t.b,
                strength=t.strength,
                quality=t.quality,
                direction=t.direction,
                support={Support(letter) for letter in t.support},
                reciprocal=t.reciprocal,
                care_hours_per_week=t.care_hours_per_week,
                care_months=t.care_months,
                care_since=t.care_since,
                sensitive=t.sensitive,
                note=t.note,
            )
            for t in r.ties
        ],
        domains=[
            Domain(
                id=d.id,
                name=d.name,
                kind=d.kind,
                members=[m.person_id for m in d.members],
                note=d.note,
            )
            for d in r.domains
        ],
        events=[
            LifeEvent(
                id=e.id,
                year=e.year,
                title=e.title,
                valence=e.valence,
                date=e.date,
                persons=[p.person_id for p in e.persons],
                sensitive=e.sensitive,
                note=e.note,
            )
            for e in r.events
        ],
    )


def case_from_rows(row: CaseRow, networks: list[NetworkRow]) -> Case:
    """The case of ``row``, from its networks in ``ord`` order (the current one first)."""
    current, *snapshots = networks
    return Case(
        id=row.id,
        title=row.title,
        client=row.client_id,
        index_person=row.index_person,
        network=network_from_row(current),
        snapshots=[
            Snapshot(
                id=s.snapshot_id or "",
                label=s.label or "",
                taken_on=s.taken_on,
                network=network_from_row(s),
                instruments=[
                    InstrumentResponse(
                        instrument=i.instrument, answers=dict(i.answers), taken_on=i.taken_on
                    )
                    for i in s.instruments
                ],
                note=s.note,
            )
            for s in snapshots
        ],
        positions=positions_from_json(row.positions),
        status=row.status,
        note=row.note,
    )
