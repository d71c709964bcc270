"""Hypothesis strategies that generate valid cases (shared by several test modules)."""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

from hypothesis import strategies as st

from zorgkracht.domain import (
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
from zorgkracht.domain.codes import (
    INSTRUMENT_ITEMS,
    AgeGroup,
    CareTask,
    CaseStatus,
    ChildType,
    Circle,
    ConditionKind,
    ConditionState,
    CoupleType,
    Direction,
    DomainKind,
    EducationLevel,
    EmotionalType,
    Energy,
    Frequency,
    Gender,
    Identity,
    NetworkZone,
    Quality,
    Role,
    Support,
    TieStatus,
    TwinType,
    Wish,
    Zone,
)

text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=0, max_size=12
)
names = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Z")),
    min_size=1,
    max_size=12,
)


T = TypeVar("T")


def optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


@st.composite
def persons(draw: st.DrawFn, pid: str, generation: int) -> Person:
    """A person born in a band of years that depends on their generation (parents first)."""
    birth = draw(optional(st.integers(1900 + 30 * generation, 1920 + 30 * generation)))
    death = None
    if birth is not None and draw(st.booleans()):
        death = draw(st.integers(birth, birth + 90))
    return Person(
        id=pid,
        name=draw(names),
        gender=draw(st.sampled_from(Gender)),
        identities=draw(st.sets(st.sampled_from(Identity), max_size=2)),
        birth_year=birth,
        death_year=death,
        deceased=draw(st.booleans()),
        age=draw(optional(st.integers(0, 130))),
        pet=draw(optional(st.sampled_from(["hond", "kat", "papegaai"]))),
        organisation=draw(st.booleans()),
        conditions=draw(
            st.lists(
                st.builds(
                    Condition,
                    kind=st.sampled_from(ConditionKind),
                    state=st.sampled_from(ConditionState),
                    note=text,
                ),
                max_size=2,
            )
        ),
        pregnant=draw(st.booleans()),
        role=draw(optional(st.sampled_from(Role))),
        circle=draw(optional(st.sampled_from(Circle))),
        zone=draw(optional(st.sampled_from(Zone))),
        frequency=draw(optional(st.sampled_from(Frequency))),
        weight=draw(optional(st.integers(1, 5))),
        education=draw(optional(st.sampled_from(EducationLevel))),
        age_group=draw(optional(st.sampled_from(AgeGroup))),
        network_zone=draw(st.sampled_from(NetworkZone)),
        status=draw(optional(st.sampled_from(TieStatus))),
        sensitive=draw(st.booleans()),
        wish=draw(optional(st.sampled_from(Wish))),
        energy=draw(optional(st.sampled_from(Energy))),
        may_ask=draw(optional(st.booleans())),
        receives_care=draw(st.booleans()),
        own_needs=draw(st.booleans()),
        note=draw(text),
    )


care_tasks = st.sets(st.sampled_from(CareTask))
hours = st.floats(0, 168, allow_nan=False, allow_infinity=False)


@st.composite
def networks(draw: st.DrawFn, client: str = "p0", max_persons: int = 8) -> Network:
    count = draw(st.integers(1, max_persons))
    generations = [0] + [draw(st.integers(0, 3)) for _ in range(count - 1)]
    ids = [client] + [f"p{i}" for i in range(1, count)]
    people = [draw(persons(pid, gen)) for pid, gen in zip(ids, generations, strict=True)]
    net = Network(persons=people)
    net.household = draw(st.lists(st.sampled_from(ids), unique=True, max_size=3))
    counter = iter(range(10_000))

    def new_id(prefix: str) -> str:
        return f"{prefix}{next(counter)}"

    pairs = [(a, b) for a in ids for b in ids if a < b]
    for a, b in draw(st.lists(st.sampled_from(pairs), max_size=3, unique=True)) if pairs else []:
        start = draw(optional(st.integers(1950, 2000)))
        end = draw(optional(st.integers(start or 1950, 2020)))
        net.couples.append(
            CoupleRelation(
                id=new_id("c"),
                a=a,
                b=b,
                type=draw(st.sampled_from(CoupleType)),
                start_year=start,
                end_year=end,
            )
        )
    # children only hang from persons of an earlier generation born earlier: no cycles
    by_id = {p.id: p for p in people}
    gen = dict(zip(ids, generations, strict=True))
    for child in ids:
        older = [
            p
            for p in ids
            if gen[p] < gen[child]
            and not (
                by_id[p].birth_year is not None
                and by_id[child].birth_year is not None
                and by_id[child].birth_year < by_id[p].birth_year  # type: ignore[operator]
            )
        ]
        has_parents: bool = draw(st.booleans()) if older else False
        if has_parents:
            parents = draw(st.lists(st.sampled_from(older), min_size=1, max_size=2, unique=True))
            twin = draw(optional(st.sampled_from(["t1", "t2"])))
            net.children.append(
                ChildRelation(
                    id=new_id("k"),
                    child=child,
                    parents=parents,
                    type=draw(st.sampled_from(ChildType)),
                    twin_group=twin,
                    twin_type=draw(optional(st.sampled_from(TwinType))) if twin else None,
                )
            )
    for a, b in draw(st.lists(st.sampled_from(pairs), max_size=3, unique=True)) if pairs else []:
        net.emotions.append(
            EmotionalRelation(
                id=new_id("e"),
                a=a,
                b=b,
                type=draw(st.sampled_from(EmotionalType)),
                sensitive=draw(st.booleans()),
                note=draw(text),
            )
        )
    domain_count = draw(st.integers(0, 2))
    for i in range(domain_count):
        net.domains.append(
            Domain(
                id=f"d{i}",
                name=draw(names),
                kind=draw(st.sampled_from(DomainKind)),
                members=draw(st.lists(st.sampled_from(ids), unique=True, max_size=3)),
            )
        )
    nodes = ids + [d.id for d in net.domains]
    node_pairs = [(a, b) for a in nodes for b in nodes if a != b]
    for a, b in (
        draw(st.lists(st.sampled_from(node_pairs), max_size=5, unique=True)) if node_pairs else []
    ):
        months = draw(optional(st.integers(0, 240)))
        net.ties.append(
            Tie(
                id=new_id("t"),
                a=a,
                b=b,
                strength=draw(st.integers(1, 3)),
                quality=draw(st.sampled_from(Quality)),
                direction=draw(st.sampled_from(Direction)),
                support=draw(st.sets(st.sampled_from(Support))),
                reciprocal=draw(optional(st.booleans())),
                care_hours_per_week=draw(optional(hours)),
                care_months=months,
                care_since=None if months is not None else draw(optional(st.dates())),
                care_tasks=draw(care_tasks),
                client_care_hours_per_week=draw(optional(hours)),
                client_care_months=draw(optional(st.integers(0, 240))),
                client_care_tasks=draw(care_tasks),
                sensitive=draw(st.booleans()),
                note=draw(text),
            )
        )
    for _ in range(draw(st.integers(0, 3))):
        year = draw(st.integers(1950, 2030))
        net.events.append(
            LifeEvent(
                id=new_id("ev"),
                year=year,
                title=draw(names),
                valence=draw(st.integers(-3, 3)),
                date=draw(optional(st.dates(dt.date(year, 1, 1), dt.date(year, 12, 31)))),
                persons=draw(st.lists(st.sampled_from(ids), unique=True, max_size=2)),
                sensitive=draw(st.booleans()),
            )
        )
    return net


@st.composite
def instruments(draw: st.DrawFn, net: Network) -> list[InstrumentResponse]:
    """Answers to up to two instruments, each by the client or another person of ``net``."""
    if not draw(st.booleans()):
        return []
    ids = [p.id for p in net.persons]
    return [
        InstrumentResponse(
            instrument=code,
            answers={
                str(k): draw(
                    optional(st.integers(INSTRUMENT_ITEMS[code][1], INSTRUMENT_ITEMS[code][2]))
                )
                for k in range(1, INSTRUMENT_ITEMS[code][0] + 1)
            },
            taken_on=draw(optional(st.dates())),
            respondent=draw(optional(st.sampled_from(ids))),
        )
        for code in draw(
            st.lists(st.sampled_from(sorted(INSTRUMENT_ITEMS)), max_size=2, unique=True)
        )
    ]


@st.composite
def cases(draw: st.DrawFn, max_persons: int = 8) -> Case:
    net = draw(networks(max_persons=max_persons))
    ids = [p.id for p in net.persons]
    snapshots = []
    for i in range(draw(st.integers(0, 2))):
        snap_net = draw(networks(max_persons=4))
        snapshots.append(
            Snapshot(
                id=f"s{i}",
                label=draw(names),
                taken_on=draw(optional(st.dates())),
                network=snap_net,
                instruments=draw(instruments(snap_net)),
            )
        )
    positions: dict[str, dict[str, Point]] = {}
    if draw(st.booleans()):
        coords = st.floats(-1e4, 1e4, allow_nan=False, allow_infinity=False)
        positions["genogram"] = {
            pid: Point(x=draw(coords), y=draw(coords))
            for pid in draw(st.lists(st.sampled_from(ids), unique=True, max_size=3))
        }
    return Case(
        id=draw(st.from_regex(r"[a-z][a-z0-9-]{0,20}", fullmatch=True)),
        title=draw(names),
        client="p0",
        index_person=draw(optional(st.sampled_from(ids))),
        network=net,
        snapshots=snapshots,
        positions=positions,
        instruments=draw(instruments(net)),
        status=draw(st.sampled_from(CaseStatus)),
        note=draw(text),
    )
