"""Translation between the domain :class:`Case` and its rows, in both directions.

Every list gets an ``ord`` from its position, so :func:`case_from_rows` gives back a case that
is equal to the one stored, in the same order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from zorgkracht.domain.codes import CareTask, Support
from zorgkracht.domain.copies import copy_case as copy_case  # the one copy, storage hands out
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

from .process_data import process_from_json

_SUPPORT_ORDER = list(Support)
_CARE_TASK_ORDER = list(CareTask)
T = TypeVar("T")


def support_letters(support: set[Support]) -> str:
    """Support as letters in the book's order (``P G A E W``), e.g. ``"PE"``."""
    return "".join(s.value for s in _SUPPORT_ORDER if s in support)


def care_task_codes(tasks: set[CareTask]) -> str:
    """Care tasks as their codes in canonical order, comma-separated; ``""`` for none."""
    return ",".join(t.value for t in _CARE_TASK_ORDER if t in tasks)


def care_tasks_from_codes(codes: str) -> set[CareTask]:
    return {CareTask(code) for code in codes.split(",") if code}


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
            "organisation": p.organisation,
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
            "wish": p.wish,
            "energy": p.energy,
            "may_ask": p.may_ask,
            "receives_care": p.receives_care,
            "own_needs": p.own_needs,
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


def _child_rows(net: Network, instruments: list[InstrumentResponse]) -> Rows:
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
            "care_tasks": care_task_codes(t.care_tasks),
            "client_care_hours_per_week": t.client_care_hours_per_week,
            "client_care_months": t.client_care_months,
            "client_care_tasks": care_task_codes(t.client_care_tasks),
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
        {
            "ord": k,
            "instrument": i.instrument,
            "answers": dict(i.answers),
            "taken_on": i.taken_on,
            "respondent": i.respondent,
        }
        for k, i in enumerate(instruments)
    ]
    return rows


def network_rows(case: Case) -> list[NetworkRows]:
    """The current network (``ord`` 0) and every snapshot (``ord`` 1..) of a case, as rows.

    The instrument answers of now (``case.instruments``) hang from the current network, those
    kept with a snapshot from the snapshot's network."""
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
            _child_rows(case.network, case.instruments),
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
                _child_rows(snap.network, snap.instruments),
            )
        )
    return out


# --- rows to domain ---------------------------------------------------------------------------

READ_COLUMNS: dict[str, tuple[str, ...]] = {
    "persons": (
        "id", "name", "gender", "birth_year", "death_year", "deceased", "age", "pet",
        "organisation", "pregnant", "role", "circle", "zone", "frequency", "weight",
        "education", "age_group", "network_zone", "status", "sensitive", "wish", "energy",
        "may_ask", "receives_care", "own_needs", "note",
    ),
    "person_identities": ("person_id", "identity"),
    "person_conditions": ("person_id", "kind", "state", "note"),
    "household_members": ("person_id",),
    "couples": ("id", "a", "b", "type", "start_year", "end_year", "note"),
    "child_relations": ("id", "child", "type", "twin_group", "twin_type"),
    "child_parents": ("relation_id", "parent_id"),
    "emotional_relations": ("id", "a", "b", "type", "sensitive", "note"),
    "ties": (
        "id", "a", "b", "strength", "quality", "direction", "support", "reciprocal",
        "care_hours_per_week", "care_months", "care_since", "care_tasks",
        "client_care_hours_per_week", "client_care_months", "client_care_tasks", "sensitive",
        "note",
    ),
    "domains": ("id", "name", "kind", "note"),
    "domain_members": ("domain_id", "person_id"),
    "life_events": ("id", "year", "title", "valence", "date", "sensitive", "note"),
    "life_event_persons": ("event_id", "person_id"),
    "instrument_responses": ("instrument", "answers", "taken_on", "respondent"),
}  # fmt: skip
"""The columns :func:`case_from_rows` reads from each child table, after ``network_id``.

Except where a model field is built from another table (identities, conditions, parents,
members, persons of an event) or converted (support letters, care task codes), the names are
the model's field names, so a row becomes keyword arguments by position."""

Row = Sequence[Any]
"""One result row: ``network_id``, then the :data:`READ_COLUMNS` of its table, by position."""
TableRows = dict[str, Sequence[Row]]
"""The rows of every child table of one case, each in ``(network_id, parent, ord)`` order."""


def _by_network(rows: Iterable[Row]) -> dict[int, list[Row]]:
    out: dict[int, list[Row]] = defaultdict(list)
    for r in rows:
        out[r[0]].append(r)
    return out


def _by_parent(rows: Iterable[Row]) -> dict[tuple[int, str], list[Any]]:
    """``(network_id, parent id) → [value, ...]`` from rows ``network_id, parent, value``."""
    out: dict[tuple[int, str], list[Any]] = defaultdict(list)
    for r in rows:
        out[(r[0], r[1])].append(r[2])
    return out


def _objects(cls: Callable[..., T], columns: tuple[str, ...], rows: Iterable[Row]) -> list[T]:
    return [cls(**dict(zip(columns, r[1:], strict=True))) for r in rows]


def _networks(rows: TableRows, network_ids: list[int]) -> dict[int, Network]:
    """Every network of ``network_ids``, built from the child rows of all of them at once."""
    cols = READ_COLUMNS
    identities = _by_parent(rows["person_identities"])
    conditions: dict[tuple[int, str], list[Condition]] = defaultdict(list)
    for n, person, kind, state, note in rows["person_conditions"]:
        conditions[(n, person)].append(Condition(kind=kind, state=state, note=note))
    parents = _by_parent(rows["child_parents"])
    members = _by_parent(rows["domain_members"])
    involved = _by_parent(rows["life_event_persons"])
    persons = _by_network(rows["persons"])
    household = _by_network(rows["household_members"])
    couples = _by_network(rows["couples"])
    children = _by_network(rows["child_relations"])
    emotions = _by_network(rows["emotional_relations"])
    ties = _by_network(rows["ties"])
    domains = _by_network(rows["domains"])
    events = _by_network(rows["life_events"])
    person_cols, tie_cols = cols["persons"], cols["ties"]
    out: dict[int, Network] = {}
    for n in network_ids:
        people = []
        for r in persons.get(n, ()):
            fields_ = dict(zip(person_cols, r[1:], strict=True))
            key = (n, r[1])
            people.append(
                Person(
                    **fields_,
                    identities=set(identities.get(key, ())),
                    conditions=conditions.get(key, []),
                )
            )
        tie_list = []
        for r in ties.get(n, ()):
            fields_ = dict(zip(tie_cols, r[1:], strict=True))
            fields_["support"] = {_SUPPORT[letter] for letter in fields_["support"]}
            fields_["care_tasks"] = care_tasks_from_codes(fields_["care_tasks"])
            fields_["client_care_tasks"] = care_tasks_from_codes(fields_["client_care_tasks"])
            tie_list.append(Tie(**fields_))
        child_list = []
        for r in children.get(n, ()):
            child_list.append(
                ChildRelation(
                    **dict(zip(cols["child_relations"], r[1:], strict=True)),
                    parents=parents.get((n, r[1]), []),
                )
            )
        domain_list = [
            Domain(
                **dict(zip(cols["domains"], r[1:], strict=True)),
                members=members.get((n, r[1]), []),
            )
            for r in domains.get(n, ())
        ]
        event_list = [
            LifeEvent(
                **dict(zip(cols["life_events"], r[1:], strict=True)),
                persons=involved.get((n, r[1]), []),
            )
            for r in events.get(n, ())
        ]
        out[n] = Network(
            persons=people,
            household=[r[1] for r in household.get(n, ())],
            couples=_objects(CoupleRelation, cols["couples"], couples.get(n, ())),
            children=child_list,
            emotions=_objects(EmotionalRelation, cols["emotional_relations"], emotions.get(n, ())),
            ties=tie_list,
            domains=domain_list,
            events=event_list,
        )
    return out


_SUPPORT = {s.value: s for s in Support}


def case_from_rows(case: Any, networks: Sequence[Any], rows: TableRows) -> Case:
    """The case of row ``case`` (a ``cases`` row, by column name), from its ``networks`` rows in
    ``ord`` order (the current one first) and the rows of every child table of those networks."""
    built = _networks(rows, [n.id for n in networks])
    instruments = _by_network(rows["instrument_responses"])
    current, *snapshots = networks

    def responses(network_id: int) -> list[InstrumentResponse]:
        return [
            InstrumentResponse(instrument=i[1], answers=dict(i[2]), taken_on=i[3], respondent=i[4])
            for i in instruments.get(network_id, ())
        ]

    return Case(
        id=case.id,
        title=case.title,
        client=case.client_id,
        index_person=case.index_person,
        network=built[current.id],
        snapshots=[
            Snapshot(
                id=s.snapshot_id or "",
                label=s.label or "",
                taken_on=s.taken_on,
                network=built[s.id],
                instruments=responses(s.id),
                note=s.note,
            )
            for s in snapshots
        ],
        positions=positions_from_json(case.positions),
        instruments=responses(current.id),
        status=case.status,
        note=case.note,
        process=process_from_json(case.process),
    )
