"""Ada Hendriks and volunteer network coach Carmen van Straalen: the case after chapter 8.

Source: ``seed/de-zorgkracht-van-sociale-netwerken.txt``, lines ~4091-4300. Ada (49) is a single
mother of Mira (16) after a divorce with a long fight; she grew isolated and had nobody left
"om iets leuks mee te doen of om stoom af te blazen" (l. 4130-4134). Humanitas matched her
with Carmen (44). After half a year of listening they widened the network: a painting course,
a good acquaintance and two neighbours she had let slip, sport with one of them; at the end
they looked for follow-up help. Snapshot ``aanmelding`` is the network at the referral, the
current network the one at the end of the coaching. What the book does not say is marked in
the notes and listed in ``docs/demo-cases.md``.
"""

from __future__ import annotations

import datetime as dt

from devtools.demo.ada_process import build_process
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
    Circle,
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

CASE_ID = "ada"
ADA = "ada"
CASE_YEAR = 2011
"""The year of the book's account (published 2012): inferred."""
START_DATE = dt.date(2010, 9, 1)
END_DATE = dt.date(2011, 9, 1)

_INFERRED = "afgeleid; het boek noemt dit niet"


def _ada() -> Person:
    return Person(
        id=ADA,
        name="Ada Hendriks",
        gender=Gender.FEMALE,
        birth_year=CASE_YEAR - 49,
        note=(
            "49 jaar, alleenstaande moeder, geen werk. Door de scheiding en alles wat volgde "
            "steeds geïsoleerder; contacten onderhouden kostte haar te veel energie."
        ),
    )


def _family(stage: str) -> list[Person]:
    return [
        Person(
            id="mira",
            name="Mira",
            gender=Gender.FEMALE,
            birth_year=CASE_YEAR - 16,
            role=Role.CHILD,
            circle=Circle.INTIMACY,
            zone=Zone.NEIGHBOURHOOD,
            frequency=Frequency.DAILY,
            status=TieStatus.ACTIVE,
            may_ask=False,
            energy=Energy.GIVES,
            note=(
                "16 jaar. Ada en Mira kunnen goed met elkaar praten (l. 4127-4128). Ada wil haar "
                "dochter niet te veel belasten (l. 4270-4272): Mira wordt niet gevraagd."
            ),
        ),
        Person(
            id="ex",
            name="Ex-man (vader van Mira)",
            gender=Gender.MALE,
            role=Role.PARTNER,
            circle=Circle.ACQUAINTANCE,
            zone=Zone.REGION,
            frequency=Frequency.MONTHLY,
            status=TieStatus.DISTURBED,
            energy=Energy.COSTS,
            wish=Wish.SAME,
            note=(
                "Scheiding met een enorme strijd; Ada werd regelmatig bedreigd. Hij belast Mira "
                "met informatie over Ada die niet klopt; dat kost Ada energie (l. 4114-4118). "
                "Ada wil Mira haar vader niet ontnemen: 'zo houden' is afgeleid. Rol 'partner' "
                "zoals de ex-mannen bij de Flodders; de scheiding staat in het genogram."
                + (
                    " Omgang begeleid door een vrijwilligersproject."
                    if stage == "aanmelding"
                    else ""
                )
            ),
        ),
    ]


def _weak_ties(stage: str) -> list[Person]:
    """The good acquaintance and the two neighbours: let slip at the start, picked up later."""
    start = stage == "aanmelding"
    out = []
    for ident, name in (
        ("kennis", "Goede kennis"),
        ("buurvrouw1", "Buurvrouw (sporten)"),
        ("buurvrouw2", "Buurvrouw"),
    ):
        out.append(
            Person(
                id=ident,
                name=name,
                gender=Gender.FEMALE,
                role=Role.ACQUAINTANCE if ident == "kennis" else Role.NEIGHBOUR,
                circle=Circle.FRIENDSHIP if ident == "kennis" else Circle.ACQUAINTANCE,
                zone=Zone.TOWN if ident == "kennis" else Zone.NEIGHBOURHOOD,
                frequency=Frequency.RARELY if start else Frequency.WEEKLY,
                status=TieStatus.FADED if start else TieStatus.ACTIVE,
                wish=Wish.MORE if start else Wish.SAME,
                energy=None if start else Energy.GIVES,
                may_ask=None if start else True,
                note=(
                    "'Een aantal goede contacten ... letterlijk en figuurlijk verwaarloosd' "
                    "(l. 4283-4284); later weer regelmatig contact (l. 4184-4186)."
                    + (" Met haar is Ada gaan sporten." if ident == "buurvrouw1" else "")
                ),
            )
        )
    return out


def _coaching(stage: str) -> list[Person]:
    start = stage == "aanmelding"
    persons = [
        Person(
            id="jeugdzorg",
            name="Jeugdzorg",
            organisation=True,
            role=Role.PROFESSIONAL,
            circle=Circle.SERVICES,
            zone=Zone.TOWN,
            frequency=Frequency.RARELY,
            status=TieStatus.ACTIVE,
            note=(
                "Een reguliere instelling voor jeugdzorg; kon geen begeleiding geven omdat de "
                "situatie 'niet erg genoeg' was, en verwees Ada naar Humanitas (l. 4125-4133)."
            ),
        ),
    ]
    if start:
        return persons
    return [
        *persons,
        Person(
            id="carmen",
            name="Carmen van Straalen",
            gender=Gender.FEMALE,
            birth_year=CASE_YEAR - 44,
            role=Role.VOLUNTEER,
            circle=Circle.FRIENDSHIP,
            zone=Zone.TOWN,
            frequency=Frequency.WEEKLY,
            status=TieStatus.ACTIVE,
            energy=Energy.GIVES,
            note=(
                "Vrijwillige netwerkcoach van Humanitas, 44 jaar; werkte jaren in de "
                "jeugdzorg. 'Ik was geen hulpverlener, geen vriendin, geen familie. Ik was gewoon "
                "Carmen en ik was er voor haar.' Het traject loopt naar zijn eind."
            ),
        ),
        Person(
            id="coordinator",
            name="Projectcoördinator Humanitas",
            role=Role.PROFESSIONAL,
            circle=Circle.SERVICES,
            zone=Zone.TOWN,
            frequency=Frequency.RARELY,
            status=TieStatus.ACTIVE,
            note="Intake en de match met Carmen (l. 4139-4140).",
        ),
        Person(
            id="cursisten",
            name="Cursisten schildercursus",
            role=Role.ACQUAINTANCE,
            circle=Circle.ACQUAINTANCE,
            zone=Zone.TOWN,
            frequency=Frequency.WEEKLY,
            status=TieStatus.ACTIVE,
            energy=Energy.GIVES,
            note=(
                "Eén knoop voor de groep. Het sociale contact op de cursus was voor Ada het "
                "belangrijkste (l. 4179-4181)."
            ),
        ),
        Person(
            id="therapeut",
            name="Vervolghulpverlening",
            role=Role.PROFESSIONAL,
            circle=Circle.SERVICES,
            zone=Zone.TOWN,
            frequency=Frequency.RARELY,
            status=TieStatus.ACTIVE,
            note="Therapie om zaken uit het verleden een plaats te geven; begint binnenkort.",
        ),
    ]


def _ties(stage: str) -> list[Tie]:
    start = stage == "aanmelding"
    ties = [
        Tie(
            id="t_mira",
            a=ADA,
            b="mira",
            strength=3,
            quality=Quality.POSITIVE,
            direction=Direction.BOTH,
            support={Support.EMOTIONAL},
            reciprocal=True,
            note="Ada en Mira kunnen goed met elkaar praten.",
        ),
        Tie(
            id="t_ex",
            a=ADA,
            b="ex",
            strength=2,
            quality=Quality.CONFLICT,
            direction=Direction.NONE,
            sensitive=True,
            note="Bedreigingen na de scheiding; de situatie escaleert weer.",
        ),
        Tie(
            id="t_jeugdzorg",
            a=ADA,
            b="jeugdzorg",
            strength=1,
            quality=Quality.TENSE,
            direction=Direction.TO_CLIENT,
            support={Support.ADVICE},
            reciprocal=False,
            note="Geen begeleiding, wel een verwijzing.",
        ),
        Tie(id="t_mira_ex", a="mira", b="ex", strength=2, quality=Quality.TENSE),
    ]
    for ident in ("kennis", "buurvrouw1", "buurvrouw2"):
        ties.append(
            Tie(
                id=f"t_{ident}",
                a=ADA,
                b=ident,
                strength=1 if start else 2,
                quality=Quality.POSITIVE,
                direction=Direction.NONE if start else Direction.BOTH,
                support=(
                    set()
                    if start
                    else {Support.COMPANIONSHIP, Support.EMOTIONAL}
                    if ident != "buurvrouw2"
                    else {Support.COMPANIONSHIP}
                ),
                reciprocal=None if start else True,
                note=(
                    "Op een laag pitje."
                    if start
                    else "'Mensen waarbij zij haar verhaal kwijt kan en andersom' (l. 4202-4203)."
                ),
            )
        )
    ties.append(Tie(id="t_buren", a="buurvrouw1", b="buurvrouw2", strength=1))
    if start:
        return ties
    return [
        *ties,
        Tie(
            id="t_carmen",
            a=ADA,
            b="carmen",
            strength=3,
            quality=Quality.POSITIVE,
            direction=Direction.TO_CLIENT,
            support={
                Support.EMOTIONAL,
                Support.COMPANIONSHIP,
                Support.PRACTICAL,
                Support.APPRECIATION,
            },
            reciprocal=False,
            note=(
                "Een luisterend oor, structuur en houvast; ging een keer mee naar de tandarts; "
                "waardeerde de kleine stappen ('babystapjes')."
            ),
        ),
        Tie(
            id="t_coordinator",
            a=ADA,
            b="coordinator",
            strength=1,
            quality=Quality.POSITIVE,
            direction=Direction.TO_CLIENT,
            support={Support.ADVICE},
            reciprocal=False,
        ),
        Tie(
            id="t_cursisten",
            a=ADA,
            b="cursisten",
            strength=2,
            quality=Quality.POSITIVE,
            direction=Direction.BOTH,
            support={Support.COMPANIONSHIP},
            reciprocal=True,
        ),
        Tie(
            id="t_therapeut",
            a=ADA,
            b="therapeut",
            strength=1,
            quality=Quality.POSITIVE,
            direction=Direction.TO_CLIENT,
            support={Support.ADVICE, Support.EMOTIONAL},
            reciprocal=False,
            sensitive=True,
        ),
        Tie(id="t_carmen_coordinator", a="carmen", b="coordinator", strength=2),
    ]


def _domains(stage: str) -> list[Domain]:
    domains = [
        Domain(id="d_gezin", name="Gezin", kind=DomainKind.FAMILY, members=["mira", "ex"]),
        Domain(
            id="d_buurt",
            name="Buurt",
            kind=DomainKind.NEIGHBOURHOOD,
            members=["buurvrouw1", "buurvrouw2"],
        ),
        Domain(id="d_vrienden", name="Kennissen", kind=DomainKind.FRIENDS, members=["kennis"]),
        Domain(
            id="d_hulp",
            name="Hulpverlening",
            kind=DomainKind.SOCIAL_WORK,
            members=["jeugdzorg"] + ([] if stage == "aanmelding" else ["therapeut"]),
        ),
    ]
    if stage == "aanmelding":
        return domains
    return [
        *domains,
        Domain(
            id="d_humanitas",
            name="Humanitas: Vrijwillige netwerkcoaches",
            kind=DomainKind.VOLUNTEER_WORK,
            members=["carmen", "coordinator"],
        ),
        Domain(
            id="d_schilderen",
            name="Schildercursus",
            kind=DomainKind.LEISURE,
            members=["cursisten"],
        ),
        Domain(
            id="d_sport",
            name="Sport",
            kind=DomainKind.SPORTS,
            note="Ada gaat sporten met een buurvrouw; 'het lef gekregen' (l. 4203-4204).",
        ),
    ]


def _events(stage: str) -> list[LifeEvent]:
    years = f"Jaartal {_INFERRED}."
    events = [
        LifeEvent(
            id="e_mira",
            year=CASE_YEAR - 16,
            title="Mira geboren",
            valence=3,
            persons=[ADA, "mira", "ex"],
        ),
        LifeEvent(
            id="e_scheiding",
            year=CASE_YEAR - 14,
            title="Scheiding: een enorme strijd, bedreigingen",
            valence=-3,
            persons=[ADA, "ex"],
            sensitive=True,
            note="'Na twee jaar heeft Ada besloten om te gaan scheiden' (l. 4102). " + years,
        ),
        LifeEvent(
            id="e_omgang",
            year=CASE_YEAR - 6,
            title="Mira heeft weer af en toe contact met haar vader",
            valence=1,
            persons=[ADA, "mira", "ex"],
            note="Vanaf haar tiende (l. 4110-4111).",
        ),
        LifeEvent(
            id="e_weekend",
            year=START_DATE.year,
            title="Een akelig weekend; jeugdzorg verwijst naar Humanitas",
            valence=-2,
            persons=[ADA, "mira", "jeugdzorg"],
            note=years,
        ),
    ]
    if stage == "aanmelding":
        return events
    return [
        *events,
        LifeEvent(
            id="e_carmen",
            year=START_DATE.year,
            title="Kennismaking met Carmen; een half jaar een luisterend oor",
            valence=2,
            persons=[ADA, "carmen"],
        ),
        LifeEvent(
            id="e_schilderen",
            year=CASE_YEAR,
            title="Schildercursus",
            valence=2,
            persons=[ADA, "cursisten"],
            note="'Alleen al een schildercursus is al een overwinning.'",
        ),
        LifeEvent(
            id="e_sporten",
            year=CASE_YEAR,
            title="Gaat sporten met een buurvrouw",
            valence=2,
            persons=[ADA, "buurvrouw1"],
        ),
    ]


def network(stage: str) -> Network:
    """Ada's network at the referral (``aanmelding``) or at the end of the coaching (``eind``)."""
    return Network(
        persons=[_ada(), *_family(stage), *_weak_ties(stage), *_coaching(stage)],
        household=[ADA, "mira"],
        couples=[
            CoupleRelation(
                id="huwelijk",
                a=ADA,
                b="ex",
                type=CoupleType.DIVORCED,
                start_year=CASE_YEAR - 18,
                end_year=CASE_YEAR - 14,
                note=f"Getrouwd en gescheiden (boek: 'ex-man'); jaartallen {_INFERRED}.",
            )
        ],
        children=[ChildRelation(id="kind_mira", child="mira", parents=[ADA, "ex"])],
        ties=_ties(stage),
        domains=_domains(stage),
        events=_events(stage),
    )


def build() -> Case:
    """Ada's case at the end of the coaching, with a snapshot of the referral."""
    return Case(
        id=CASE_ID,
        title="Ada Hendriks",
        client=ADA,
        network=network("eind"),
        snapshots=[
            Snapshot(
                id="aanmelding",
                label="Bij de aanmelding",
                taken_on=START_DATE,
                network=network("aanmelding"),
                note=(
                    "Geïsoleerd: geen mensen meer om iets leuks mee te doen of stoom af te "
                    "blazen (l. 4130-4134)."
                ),
            ),
            Snapshot(
                id="eind",
                label="Aan het eind van het traject",
                taken_on=END_DATE,
                network=network("eind"),
                note="Schildercursus, een goede kennis en twee buurvrouwen; vervolghulp.",
            ),
        ],
        note=(
            "Casus na hoofdstuk 8 van 'De zorgkracht van sociale netwerken' (2012): Ada Hendriks "
            "en vrijwillige netwerkcoach Carmen van Straalen (Humanitas, 'Natuurlijk een "
            "netwerkcoach!'). Ada wil een nazorgmogelijkheid: 'is het ook mogelijk weer een "
            "beroep te doen op een vrijwilliger wanneer het alleen toch niet lukt?' Wat is "
            "aangevuld staat in docs/demo-cases.md."
        ),
        process=build_process(),
    )
