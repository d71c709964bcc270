"""Pauline Bloem and volunteer Lisa Spruit: the case after chapter 11 of the book.

Source: ``seed/de-zorgkracht-van-sociale-netwerken.txt``, lines ~5098-5280. Pauline (69) cared
for her husband for years; six years ago he was found to have Alzheimer's, three years ago he
moved into a nursing home, and with that the contacts with the geriatrician and the case
manager ended. After a fall she grew lonelier; she did not want to burden her children and
found asking hard. With Lisa (22) of the Dienst Netwerkversterking she made an ABC schema and a
netwerkcirkel with energy: she now cherishes the people who give her energy and spends less
time on those who cost it; she joined a women's guild and does things for the dementia
association. Snapshot ``thuis`` is the network while her husband still lived at home; the
current network is the one of the book's account. What the book does not say is marked in the
notes and listed in ``docs/demo-cases.md``.
"""

from __future__ import annotations

import datetime as dt

from zorgkracht.domain import (
    Case,
    ChildRelation,
    CoupleRelation,
    Domain,
    LifeEvent,
    Network,
    Person,
    Snapshot,
    Tie,
)
from zorgkracht.domain.codes import (
    CareTask,
    Circle,
    ConditionKind,
    CoupleType,
    Direction,
    DomainKind,
    Energy,
    Frequency,
    Gender,
    Quality,
    Role,
    Support,
    TieStatus,
    Wish,
    Zone,
)
from zorgkracht.domain.model import Condition

CASE_ID = "pauline"
PAULINE = "pauline"
MAN = "man"
CASE_YEAR = 2011
"""The year of the book's account (published 2012): inferred."""
HOME_DATE = dt.date(2008, 3, 1)
"""Shortly before the husband moved into the nursing home, "drie jaar geleden" (inferred)."""
NOW_DATE = dt.date(2011, 10, 1)

_INFERRED = "afgeleid; het boek noemt dit niet"
ABC_SCHEMA = (
    "ABC-schema (l. 5160-5164): bij iedere letter van het alfabet een woord waaraan Pauline "
    "denkt; Lisa deed het ook. De woorden zelf staan niet in het boek."
)


def _pauline() -> Person:
    return Person(
        id=PAULINE,
        name="Pauline Bloem",
        gender=Gender.FEMALE,
        birth_year=CASE_YEAR - 69,
        note=(
            "69 jaar; had 14 jaar een horecazaak. 'Van nature een regelaar.' Vorig jaar gevallen "
            "(pols ontwricht, nek- en rugklachten), slecht slapen, steeds eenzamer (l. 5121-5126). "
            "Vond het moeilijk om hulp te vragen. " + ABC_SCHEMA
        ),
    )


def _husband(stage: str) -> Person:
    home = stage == "thuis"
    return Person(
        id=MAN,
        name="Man van Pauline",
        gender=Gender.MALE,
        birth_year=CASE_YEAR - 72,
        role=Role.PARTNER,
        circle=Circle.INTIMACY,
        zone=Zone.NEIGHBOURHOOD if home else Zone.TOWN,
        frequency=Frequency.DAILY if home else Frequency.WEEKLY,
        status=TieStatus.ACTIVE,
        receives_care=True,
        may_ask=False,
        energy=Energy.BOTH,
        conditions=[
            Condition(
                kind=ConditionKind.MENTAL_ILLNESS, note="Alzheimer, zes jaar geleden vastgesteld."
            ),
            Condition(
                kind=ConditionKind.PHYSICAL_ILLNESS,
                note="Vanaf zijn 36ste thuis met chronische klachten.",
            ),
        ],
        note=(
            "Thuis; Pauline zorgt voor hem."
            if home
            else "Woont sinds drie jaar in een verpleeghuis."
        )
        + f" Leeftijd {_INFERRED}.",
    )


def _family() -> list[Person]:
    children = []
    for ident, name, gender, zone, freq in (
        ("zoon", "Zoon", Gender.MALE, Zone.TOWN, Frequency.WEEKLY),
        ("dochter", "Dochter", Gender.FEMALE, Zone.TOWN, Frequency.WEEKLY),
        ("zoon2", "Jongste zoon", Gender.MALE, Zone.OUTSIDE_REGION, Frequency.MONTHLY),
    ):
        children.append(
            Person(
                id=ident,
                name=name,
                gender=gender,
                role=Role.CHILD,
                circle=Circle.INTIMACY,
                zone=zone,
                frequency=freq,
                status=TieStatus.ACTIVE,
                energy=Energy.GIVES,
                wish=Wish.SAME,
                note=(
                    "Uitwonend. Pauline wilde haar kinderen niet te veel belasten: zij 'hadden al "
                    "genoeg meegemaakt en zelf een druk leven' (l. 5127-5129). Geslacht, "
                    f"woonplaats en frequentie {_INFERRED}."
                ),
            )
        )
    return [
        *children,
        Person(
            id="kleinkinderen",
            name="Kleinkinderen (7)",
            role=Role.GRANDCHILD,
            circle=Circle.FRIENDSHIP,
            zone=Zone.REGION,
            frequency=Frequency.MONTHLY,
            status=TieStatus.ACTIVE,
            energy=Energy.GIVES,
            note="Eén knoop voor de zeven kleinkinderen.",
        ),
        Person(
            id="zus",
            name="Zus",
            gender=Gender.FEMALE,
            role=Role.SIBLING,
            circle=Circle.FRIENDSHIP,
            zone=Zone.TOWN,
            frequency=Frequency.MONTHLY,
            status=TieStatus.DISTURBED,
            energy=Energy.BOTH,
            wish=Wish.SAME,
            note=(
                "Het familielid bij wie Pauline wil aangeven wat haar dwarszit (l. 5255-5256); "
                "Pauline had meer medeleven verwacht (l. 5174-5176). Dat het een zus is: "
                f"{_INFERRED}."
            ),
        ),
    ]


def _others(stage: str) -> list[Person]:
    if stage == "thuis":
        return [
            Person(
                id="casemanager",
                name="Casemanager",
                role=Role.PROFESSIONAL,
                circle=Circle.SERVICES,
                zone=Zone.TOWN,
                frequency=Frequency.WEEKLY,
                status=TieStatus.ACTIVE,
                energy=Energy.GIVES,
                note=(
                    "Had oog voor Pauline, die in feite al jaren mantelzorger was; bij haar kon "
                    "Pauline haar verhaal kwijt (l. 5105-5108, 5154-5155)."
                ),
            ),
            Person(
                id="geriater",
                name="Geriater",
                role=Role.PROFESSIONAL,
                circle=Circle.SERVICES,
                zone=Zone.TOWN,
                frequency=Frequency.MONTHLY,
                status=TieStatus.ACTIVE,
                note="Contact beëindigd toen haar man werd opgenomen (l. 5109-5111).",
            ),
            Person(
                id="kennis",
                name="Kennis van vroeger",
                gender=Gender.FEMALE,
                role=Role.ACQUAINTANCE,
                circle=Circle.FRIENDSHIP,
                zone=Zone.TOWN,
                frequency=Frequency.WEEKLY,
                status=TieStatus.ACTIVE,
                note=f"Uit de horecatijd. Persoon {_INFERRED}.",
            ),
        ]
    return [
        Person(
            id="kennis",
            name="Kennis van vroeger",
            gender=Gender.FEMALE,
            role=Role.ACQUAINTANCE,
            circle=Circle.ACQUAINTANCE,
            zone=Zone.TOWN,
            frequency=Frequency.MONTHLY,
            status=TieStatus.ACTIVE,
            energy=Energy.COSTS,
            wish=Wish.LESS,
            note=(
                "Een contact 'bij wie het vooral om hun behoefte draait': Pauline steekt er "
                f"minder tijd in (l. 5187-5189). Persoon {_INFERRED}."
            ),
        ),
        Person(
            id="lisa",
            name="Lisa Spruit",
            gender=Gender.FEMALE,
            birth_year=CASE_YEAR - 22,
            role=Role.VOLUNTEER,
            circle=Circle.FRIENDSHIP,
            zone=Zone.TOWN,
            frequency=Frequency.MONTHLY,
            status=TieStatus.ACTIVE,
            energy=Energy.GIVES,
            note=(
                "Vrijwilliger van de Dienst Netwerkversterking, 22 jaar, studente MWD. Sinds "
                "zeven maanden; eerst wekelijks, nu eens per twee à drie weken: het contact wordt "
                "afgesloten (l. 5144-5150)."
            ),
        ),
        Person(
            id="coordinator",
            name="Coördinator Steunpunt Zorg voor Welzijn",
            role=Role.PROFESSIONAL,
            circle=Circle.SERVICES,
            zone=Zone.TOWN,
            frequency=Frequency.RARELY,
            status=TieStatus.ACTIVE,
            note="Benaderde Pauline; een paar gesprekken 'waar het erg mee klikte' (l. 5132-5139).",
        ),
        Person(
            id="verpleeghuis",
            name="Verpleeghuis",
            organisation=True,
            role=Role.PROFESSIONAL,
            circle=Circle.SERVICES,
            zone=Zone.TOWN,
            frequency=Frequency.WEEKLY,
            status=TieStatus.ACTIVE,
            note="Waar haar man woont. Een organisatie.",
        ),
        Person(
            id="vrouwengilde",
            name="Vrouwengilde",
            organisation=True,
            role=Role.ACQUAINTANCE,
            circle=Circle.ACQUAINTANCE,
            zone=Zone.NEIGHBOURHOOD,
            frequency=Frequency.WEEKLY,
            status=TieStatus.ACTIVE,
            energy=Energy.GIVES,
            wish=Wish.MORE,
            note="Pauline heeft zich aangesloten bij een vrouwengilde (l. 5192). Een organisatie.",
        ),
        Person(
            id="dementievereniging",
            name="Dementievereniging",
            organisation=True,
            role=Role.ACQUAINTANCE,
            circle=Circle.ACQUAINTANCE,
            zone=Zone.TOWN,
            frequency=Frequency.MONTHLY,
            status=TieStatus.ACTIVE,
            energy=Energy.GIVES,
            note="Pauline doet af en toe iets voor de dementievereniging (l. 5193-5194).",
        ),
    ]


def _ties(stage: str) -> list[Tie]:
    home = stage == "thuis"
    ties = [
        Tie(
            id="t_man",
            a=PAULINE,
            b=MAN,
            strength=3,
            quality=Quality.POSITIVE,
            direction=Direction.FROM_CLIENT,
            client_care_hours_per_week=40.0 if home else None,
            client_care_months=36 if home else None,
            client_care_tasks=(
                {
                    CareTask.PERSONAL_CARE,
                    CareTask.SUPERVISION,
                    CareTask.HOUSEHOLD,
                    CareTask.ADMINISTRATION,
                    CareTask.TRANSPORT,
                }
                if home
                else set()
            ),
            note=(
                "'Jarenlang mantelzorger' (l. 5106-5108, 5114-5115); drie jaar sinds de diagnose "
                f"Alzheimer. Uren en taken {_INFERRED}."
                if home
                else "Bezoek in het verpleeghuis; geen officiële mantelzorger meer (l. 5109-5110). "
                "Het afscheid nemen van de man die ze kende."
            ),
        ),
        Tie(
            id="t_zoon",
            a=PAULINE,
            b="zoon",
            strength=3,
            quality=Quality.POSITIVE,
            direction=Direction.BOTH,
            support={Support.EMOTIONAL, Support.COMPANIONSHIP},
            reciprocal=True,
        ),
        Tie(
            id="t_dochter",
            a=PAULINE,
            b="dochter",
            strength=3,
            quality=Quality.POSITIVE,
            direction=Direction.BOTH,
            support={Support.EMOTIONAL, Support.PRACTICAL},
            reciprocal=True,
        ),
        Tie(
            id="t_zoon2",
            a=PAULINE,
            b="zoon2",
            strength=2,
            quality=Quality.POSITIVE,
            direction=Direction.BOTH,
            support={Support.EMOTIONAL},
            reciprocal=True,
        ),
        Tie(
            id="t_kleinkinderen",
            a=PAULINE,
            b="kleinkinderen",
            strength=2,
            quality=Quality.POSITIVE,
            direction=Direction.BOTH,
            support={Support.COMPANIONSHIP, Support.APPRECIATION},
            reciprocal=True,
        ),
        Tie(
            id="t_zus",
            a=PAULINE,
            b="zus",
            strength=2,
            quality=Quality.TENSE,
            direction=Direction.BOTH,
            support={Support.COMPANIONSHIP},
            reciprocal=True,
            note="Pauline voelde zich soms gekwetst door het gebrek aan belangstelling.",
        ),
        Tie(
            id="t_kennis",
            a=PAULINE,
            b="kennis",
            strength=2 if home else 1,
            quality=Quality.POSITIVE if home else Quality.TENSE,
            direction=Direction.BOTH if home else Direction.FROM_CLIENT,
            support={Support.COMPANIONSHIP} if home else set(),
            reciprocal=True,
        ),
        Tie(id="t_kinderen", a="zoon", b="dochter", strength=2),
        Tie(id="t_kinderen2", a="dochter", b="zoon2", strength=2),
        Tie(id="t_kleinkinderen_zoon", a="zoon", b="kleinkinderen", strength=3),
    ]
    if home:
        return [
            *ties,
            Tie(
                id="t_casemanager",
                a=PAULINE,
                b="casemanager",
                strength=3,
                quality=Quality.POSITIVE,
                direction=Direction.TO_CLIENT,
                support={Support.EMOTIONAL, Support.ADVICE},
                reciprocal=False,
            ),
            Tie(
                id="t_geriater",
                a=PAULINE,
                b="geriater",
                strength=2,
                quality=Quality.POSITIVE,
                direction=Direction.TO_CLIENT,
                support={Support.ADVICE},
                reciprocal=False,
            ),
            Tie(id="t_casemanager_geriater", a="casemanager", b="geriater", strength=2),
        ]
    return [
        *ties,
        Tie(
            id="t_lisa",
            a=PAULINE,
            b="lisa",
            strength=2,
            quality=Quality.POSITIVE,
            direction=Direction.BOTH,
            support={Support.EMOTIONAL, Support.COMPANIONSHIP},
            reciprocal=True,
            note="Een luisterend oor; samen een stadswandeling (l. 5147-5159).",
        ),
        Tie(
            id="t_coordinator",
            a=PAULINE,
            b="coordinator",
            strength=1,
            quality=Quality.POSITIVE,
            direction=Direction.TO_CLIENT,
            support={Support.ADVICE},
            reciprocal=False,
        ),
        Tie(
            id="t_verpleeghuis",
            a=PAULINE,
            b="verpleeghuis",
            strength=2,
            quality=Quality.POSITIVE,
            direction=Direction.NONE,
            note="Zorgt voor haar man; voor Pauline zelf geen hulp meer.",
        ),
        Tie(
            id="t_vrouwengilde",
            a=PAULINE,
            b="vrouwengilde",
            strength=2,
            quality=Quality.POSITIVE,
            direction=Direction.BOTH,
            support={Support.COMPANIONSHIP},
            reciprocal=True,
        ),
        Tie(
            id="t_dementievereniging",
            a=PAULINE,
            b="dementievereniging",
            strength=1,
            quality=Quality.POSITIVE,
            direction=Direction.BOTH,
            support={Support.APPRECIATION},
            reciprocal=True,
        ),
        Tie(id="t_lisa_coordinator", a="lisa", b="coordinator", strength=2),
        Tie(id="t_man_verpleeghuis", a=MAN, b="verpleeghuis", strength=3),
    ]


def _domains(stage: str) -> list[Domain]:
    family = Domain(
        id="d_familie",
        name="Familie",
        kind=DomainKind.FAMILY,
        members=["zoon", "dochter", "zoon2", "kleinkinderen", "zus"],
    )
    if stage == "thuis":
        return [
            family,
            Domain(
                id="d_zorg",
                name="Zorg voor haar man",
                kind=DomainKind.HEALTH_CARE,
                members=["casemanager", "geriater"],
            ),
            Domain(id="d_kennissen", name="Kennissen", kind=DomainKind.FRIENDS, members=["kennis"]),
        ]
    return [
        family,
        Domain(
            id="d_netwerkversterking",
            name="Dienst Netwerkversterking",
            kind=DomainKind.SOCIAL_WORK,
            members=["lisa", "coordinator"],
        ),
        Domain(
            id="d_verpleeghuis",
            name="Verpleeghuis",
            kind=DomainKind.HEALTH_CARE,
            members=["verpleeghuis"],
        ),
        Domain(
            id="d_vrije_tijd",
            name="Vrijwilligerswerk en verenigingen",
            kind=DomainKind.VOLUNTEER_WORK,
            members=["vrouwengilde", "dementievereniging"],
            note="Binnenkort ook vrijwilligerswerk in een winkeltje in een verzorgingshuis.",
        ),
        Domain(id="d_kennissen", name="Kennissen", kind=DomainKind.FRIENDS, members=["kennis"]),
    ]


def _events(stage: str) -> list[LifeEvent]:
    events = [
        LifeEvent(
            id="e_horeca",
            year=1980,
            title="Eigen horecazaak (14 jaar)",
            valence=1,
            persons=[PAULINE],
            note=f"14 jaar een horecabedrijf (l. 5250). Jaartal {_INFERRED}.",
        ),
        LifeEvent(
            id="e_diagnose",
            year=CASE_YEAR - 6,
            title="Diagnose Alzheimer bij haar man",
            valence=-3,
            persons=[PAULINE, MAN],
            note="Zes jaar geleden (l. 5104-5105).",
        ),
    ]
    if stage == "thuis":
        return events
    return [
        *events,
        LifeEvent(
            id="e_opname",
            year=CASE_YEAR - 3,
            title="Opname van haar man in een verpleeghuis; contact met hulpverleners stopt",
            valence=-3,
            persons=[PAULINE, MAN],
            note="'Dan vallen mensen in een groot gat' (l. 5196-5201).",
        ),
        LifeEvent(
            id="e_val",
            year=CASE_YEAR - 1,
            title="Gevallen: pols ontwricht",
            valence=-2,
            persons=[PAULINE],
            note="Vorig jaar (l. 5121).",
        ),
        LifeEvent(
            id="e_lisa",
            year=CASE_YEAR,
            title="Contact met Lisa (Dienst Netwerkversterking)",
            valence=2,
            persons=[PAULINE, "lisa"],
            note="Sinds ongeveer zeven maanden.",
        ),
        LifeEvent(
            id="e_gilde",
            year=CASE_YEAR,
            title="Lid van een vrouwengilde",
            valence=2,
            persons=[PAULINE, "vrouwengilde"],
            note="'Mijn lachspieren ... werken gelukkig weer.'",
        ),
    ]


def network(stage: str) -> Network:
    """Pauline's network while her husband lived at home (``thuis``) or now (``nu``)."""
    home = stage == "thuis"
    return Network(
        persons=[_pauline(), _husband(stage), *_family(), *_others(stage)],
        household=[PAULINE, MAN] if home else [PAULINE],
        couples=[
            CoupleRelation(
                id="huwelijk",
                a=PAULINE,
                b=MAN,
                type=CoupleType.MARRIED,
                start_year=1964,
                note=f"Getrouwd (boek: 'haar man'); jaartal {_INFERRED}.",
            )
        ],
        children=[
            ChildRelation(id=f"kind_{c}", child=c, parents=[PAULINE, MAN])
            for c in ("zoon", "dochter", "zoon2")
        ],
        ties=_ties(stage),
        domains=_domains(stage),
        events=_events(stage),
    )


def build() -> Case:
    """Pauline's case now, with a snapshot of the years as her husband's carer."""
    return Case(
        id=CASE_ID,
        title="Pauline Bloem",
        client=PAULINE,
        network=network("nu"),
        snapshots=[
            Snapshot(
                id="thuis",
                label="Toen haar man nog thuis woonde",
                taken_on=HOME_DATE,
                network=network("thuis"),
                note=(
                    "Pauline is jarenlang mantelzorger; geriater en casemanager hebben oog voor "
                    "haar."
                ),
            ),
            Snapshot(
                id="nu",
                label="Na het contact met Lisa",
                taken_on=NOW_DATE,
                network=network("nu"),
                note="De netwerkcirkel met energie: koesteren wat energie geeft.",
            ),
        ],
        note=(
            "Casus na hoofdstuk 11 van 'De zorgkracht van sociale netwerken' (2012): Pauline "
            "Bloem en vrijwilliger Lisa Spruit (Dienst Netwerkversterking, 'Natuurlijk een "
            "netwerkcoach!'). Een telefoontje als nazorg is niet genoeg; mantelzorgers vragen "
            "zelf niet snel om hulp. " + ABC_SCHEMA + " Wat is aangevuld staat in "
            "docs/demo-cases.md."
        ),
    )
