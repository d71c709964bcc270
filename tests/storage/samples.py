"""A hand-written case that uses every kind of record, with ids deliberately out of order."""

from __future__ import annotations

import datetime as dt

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


def network(with_extra: bool = True) -> Network:
    """Persons listed z → a, and every other list in an order that is not sorted by id."""
    persons = [
        Person(
            id="zoë",
            name="Zoë Ünal",
            gender=Gender.FEMALE,
            identities={Identity.LESBIAN, Identity.TRANSGENDER},
            birth_year=1980,
            conditions=[
                Condition(kind=ConditionKind.SUBSTANCE_USE, state=ConditionState.IN_RECOVERY),
                Condition(kind=ConditionKind.MENTAL_ILLNESS, note="depressie"),
            ],
            circle=Circle.INTIMACY,
            zone=Zone.TOWN,
            weight=5,
            education=EducationLevel.MIDDLE,
            sensitive=True,
            note="cliënt",
        ),
        Person(id="opa", name="Opa", gender=Gender.MALE, birth_year=1930, death_year=2001),
        Person(
            id="moeder",
            name="Moeder",
            gender=Gender.FEMALE,
            birth_year=1955,
            age=69,
            wish=Wish.LESS,
            energy=Energy.COSTS,
            may_ask=False,
            own_needs=True,
        ),
        Person(
            id="hond",
            name="Whiskey",
            pet="hond",
            role=Role.OTHER_FAMILY,
            network_zone=NetworkZone.NOMINAL,
        ),
        Person(
            id="buur",
            name="buurvrouw",
            role=Role.NEIGHBOUR,
            frequency=Frequency.WEEKLY,
            age_group=AgeGroup.OLDER_ADULT,
            status=TieStatus.FADED,
            pregnant=True,
            deceased=False,
            wish=Wish.SAME,
            energy=Energy.BOTH,
            may_ask=True,
            receives_care=True,
        ),
        Person(id="koor", name="Koor De Stem", organisation=True, wish=Wish.MORE),
        Person(id="broer", name="Broer", gender=Gender.MALE, birth_year=1982, role=Role.SIBLING),
    ]
    net = Network(
        persons=persons,
        household=["zoë", "hond", "broer"],
        couples=[
            CoupleRelation(id="c9", a="opa", b="moeder", type=CoupleType.DIVORCED, start_year=1975),
            CoupleRelation(id="c1", a="zoë", b="buur", type=CoupleType.AFFAIR, note="geheim"),
        ],
        children=[
            ChildRelation(
                id="k2",
                child="zoë",
                parents=["opa", "moeder"],
                twin_group="t",
                twin_type=TwinType.FRATERNAL,
            ),
            ChildRelation(id="k1", child="broer", parents=["moeder", "opa"], twin_group="t"),
            ChildRelation(id="k0", child="hond", parents=["zoë"], type=ChildType.ADOPTED),
        ],
        emotions=[
            EmotionalRelation(id="e5", a="zoë", b="moeder", type=EmotionalType.HOSTILE),
            EmotionalRelation(id="e2", a="broer", b="zoë", type=EmotionalType.CARE, sensitive=True),
        ],
        domains=[
            Domain(id="werk", name="Werk", kind=DomainKind.WORK, members=["buur", "broer"]),
            Domain(id="buurt", name="Buurt", kind=DomainKind.NEIGHBOURHOOD),
        ],
        ties=[
            Tie(
                id="t7",
                a="zoë",
                b="buur",
                strength=3,
                quality=Quality.TENSE,
                direction=Direction.TO_CLIENT,
                support={Support.EMOTIONAL, Support.PRACTICAL, Support.APPRECIATION},
                reciprocal=False,
                care_hours_per_week=12.5,
                care_months=7,
                care_tasks={CareTask.SUPERVISION, CareTask.HOUSEHOLD},
                client_care_hours_per_week=2.25,
                client_care_months=30,
                client_care_tasks={CareTask.TRANSPORT, CareTask.ADMINISTRATION},
            ),
            Tie(id="t3", a="zoë", b="werk", support={Support.ADVICE}, reciprocal=True),
            Tie(
                id="t1",
                a="broer",
                b="moeder",
                quality=Quality.CONFLICT,
                direction=Direction.BOTH,
                care_since=dt.date(2020, 2, 29),
                sensitive=True,
                note="zegt weinig",
            ),
        ],
        events=[
            LifeEvent(id="ev9", year=2001, title="Opa overleden", valence=-3, persons=["opa"]),
            LifeEvent(
                id="ev1",
                year=2019,
                title="Nieuwe baan",
                valence=2,
                date=dt.date(2019, 9, 1),
                persons=["zoë", "buur"],
                sensitive=True,
            ),
        ],
    )
    if not with_extra:
        net.ties = net.ties[1:]
        net.persons = [p for p in net.persons if p.id not in ("hond", "koor")]
        net.household.remove("hond")
        net.children = [c for c in net.children if "hond" not in (c.child, *c.parents)]
    return net


def sample_case(case_id: str = "zorg-1", title: str = "Familie Ünal") -> Case:
    return Case(
        id=case_id,
        title=title,
        client="zoë",
        index_person="broer",
        network=network(),
        snapshots=[
            Snapshot(
                id="s-later",
                label="Later",
                taken_on=dt.date(2024, 5, 1),
                network=network(with_extra=False),
                instruments=[
                    InstrumentResponse(
                        instrument="djg6", answers={"3": 1, "1": None, "2": 3}, respondent="broer"
                    ),
                    InstrumentResponse(instrument="lsns6", taken_on=dt.date(2024, 5, 2)),
                ],
                note="na de verhuizing",
            ),
            Snapshot(id="s-begin", label="Begin", network=network(with_extra=False)),
        ],
        positions={
            "genogram": {"zoë": Point(x=10.5, y=-3.25), "opa": Point(x=0.0, y=0.0)},
            "ecogram": {"werk": Point(x=1e-7, y=12345.678)},
        },
        instruments=[
            InstrumentResponse(instrument="csi", answers={"1": 1, "13": 0}, respondent="moeder"),
            InstrumentResponse(instrument="perception", answers={"1": 2}),
        ],
        status=CaseStatus.ACTIVE,
        note="Eerste gesprek 3 maart.",
    )
