"""Karel: two ecograms, at the start of years of help and years later (ch. 5 of the book).

Source: ``seed/de-zorgkracht-van-sociale-netwerken.txt``, lines ~2927-3048. The first ecogram
shows father, mother, café friends and girlfriend; the second, "na een hulpverleningsverhaal van
enkele jaren", shows neighbourhood life, help, volunteering and changing girlfriends. Person ids
are the same in both snapshots; the case's current network is the later one. Dates, years and
all ratings are inferred (see ``docs/demo-cases.md``).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from zorgkracht.domain import (
    Case,
    Condition,
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
    ConditionKind,
    ConditionState,
    CoupleType,
    Direction,
    DomainKind,
    Energy,
    Frequency,
    Gender,
    NetworkZone,
    Quality,
    Role,
    Support,
    TieStatus,
    Wish,
    Zone,
)

CASE_ID = "karel"
KAREL = "karel"
HOND = "hondje"

Stage = Literal["start", "later"]

START_DATE = dt.date(2006, 9, 1)
LATER_DATE = dt.date(2011, 6, 1)


def _karel() -> Person:
    return Person(
        id=KAREL,
        name="Karel",
        gender=Gender.MALE,
        conditions=[
            Condition(
                kind=ConditionKind.SUBSTANCE_USE,
                state=ConditionState.IN_RECOVERY,
                note="Ernstig alcoholmisbruik; een periode van ontwenning achter de rug.",
            ),
        ],
        note=(
            "Het boek beschrijft hem bij de start als sociaal geïsoleerd en eenzaam. Thema's: "
            "werk zoeken, budgetproblemen, eenzaamheid, de nieuwe woning inrichten, gevoelens "
            "van depressiviteit en neerslachtigheid."
        ),
    )


def _hondje() -> Person:
    return Person(
        id=HOND,
        name="Hondje",
        pet="hond",
        note="Het hondje waarmee Karel elke ochtend zijn buurtwandeling maakt.",
    )


def _parents(stage: Stage) -> list[Person]:
    return [
        Person(
            id="vader",
            name="Vader",
            gender=Gender.MALE,
            role=Role.PARENT,
            circle=Circle.ACQUAINTANCE,
            zone=Zone.REGION,
            frequency=Frequency.RARELY,
            status=TieStatus.DISTURBED,
            note="'Die hem heeft leren drinken'. Cirkel en zone afgeleid.",
        ),
        Person(
            id="moeder",
            name="Moeder",
            gender=Gender.FEMALE,
            role=Role.PARENT,
            circle=Circle.FRIENDSHIP,
            frequency=Frequency.RARELY,
            status=TieStatus.FADED,
            wish=Wish.MORE,
            note=(
                "Sinds meer dan 25 jaar niet meer gezien; Karel weet niet of zij nog leeft. "
                "Verblijfplaats onbekend, daarom geen zone."
                " Karel zoekt haar (l. 2959-2966): zijn wens is 'meer'."
                if stage == "start"
                else "De zoektocht via de gemeentelijke administratie leverde geen resultaat op, "
                "maar werkte louterend en herverbindend: Karel vertelt nu ook de mooie momenten."
            ),
        ),
    ]


def _start_members() -> list[Person]:
    return [
        Person(
            id="cafevrienden",
            name="Cafévrienden",
            role=Role.FRIEND,
            circle=Circle.FRIENDSHIP,
            zone=Zone.TOWN,
            frequency=Frequency.WEEKLY,
            status=TieStatus.ACTIVE,
            wish=Wish.LESS,
            energy=Energy.COSTS,
            may_ask=False,
            note=(
                "Eén knoop voor de groep, zoals in het ecogram van het boek. In Karels ogen uit "
                "op getrakteerd worden; 'enkel lol verkopen'. Karel wil er na de ontwenning "
                "afstand van nemen (l. 2947-2949): zijn wens is 'minder'. Energie 'kost' en "
                "'niet vragen' zijn afgeleid."
            ),
        ),
        Person(
            id="vriendin",
            name="Vriendin",
            gender=Gender.FEMALE,
            role=Role.PARTNER,
            circle=Circle.INTIMACY,
            zone=Zone.TOWN,
            frequency=Frequency.WEEKLY,
            status=TieStatus.DISTURBED,
            wish=Wish.MORE,
            note=(
                "Afstand gegroeid na een ruzie; Karel voelt zich schuldig en probeert de breuk "
                "te lijmen (l. 2950-2953): zijn wens is 'meer' (afgeleid uit dat lijmen)."
            ),
        ),
    ]


def _later_members() -> list[Person]:
    return [
        Person(
            id="hulpverlener",
            name="Hulpverlener",
            role=Role.PROFESSIONAL,
            circle=Circle.SERVICES,
            zone=Zone.TOWN,
            frequency=Frequency.WEEKLY,
            status=TieStatus.ACTIVE,
            weight=5,
            note="De 'verbindende relatie' die de paradox van contact en angst doorbreekt.",
        ),
        Person(
            id="buurvrouw",
            name="Buurvrouw",
            gender=Gender.FEMALE,
            role=Role.NEIGHBOUR,
            circle=Circle.ACQUAINTANCE,
            zone=Zone.NEIGHBOURHOOD,
            frequency=Frequency.DAILY,
            status=TieStatus.ACTIVE,
            note="Een van 'enkele buren' met wie het hondje een praatje oplevert.",
        ),
        Person(
            id="buurman",
            name="Buurman",
            gender=Gender.MALE,
            role=Role.NEIGHBOUR,
            circle=Circle.ACQUAINTANCE,
            zone=Zone.NEIGHBOURHOOD,
            frequency=Frequency.WEEKLY,
            status=TieStatus.ACTIVE,
            note="Een van 'enkele buren' met wie het hondje een praatje oplevert.",
        ),
        Person(
            id="overbuur",
            name="Overbuur",
            role=Role.NEIGHBOUR,
            circle=Circle.ACQUAINTANCE,
            zone=Zone.NEIGHBOURHOOD,
            frequency=Frequency.DAILY,
            network_zone=NetworkZone.EXTENSIVE,
            status=TieStatus.DISTURBED,
            note="Jong, knap en succesvol in Karels ogen; negeert Karels goedendag volkomen.",
        ),
        Person(
            id="krantenwinkelier",
            name="Krantenwinkelier",
            role=Role.SERVICE,
            circle=Circle.SERVICES,
            zone=Zone.NEIGHBOURHOOD,
            frequency=Frequency.DAILY,
            status=TieStatus.ACTIVE,
        ),
        Person(
            id="buurtkruidenier",
            name="Buurtkruidenier",
            role=Role.SERVICE,
            circle=Circle.SERVICES,
            zone=Zone.NEIGHBOURHOOD,
            frequency=Frequency.WEEKLY,
            status=TieStatus.ACTIVE,
        ),
        Person(
            id="collegas",
            name="Collega's begraafplaats",
            role=Role.COLLEAGUE,
            circle=Circle.ACQUAINTANCE,
            zone=Zone.TOWN,
            frequency=Frequency.DAILY,
            status=TieStatus.DISTURBED,
            note=(
                "Werk op de gemeentelijke begraafplaats: Karel wordt gepest en zijn zwakte voor "
                "alcohol wordt gebruikt om hem in zijn hemd te zetten."
            ),
        ),
        Person(
            id="medevrijwilligers",
            name="Medevrijwilligers",
            role=Role.ACQUAINTANCE,
            circle=Circle.ACQUAINTANCE,
            zone=Zone.TOWN,
            frequency=Frequency.WEEKLY,
            status=TieStatus.ACTIVE,
            note="Uit het vrijwilligersengagement in het tweede ecogram.",
        ),
        Person(
            id="vriendinnen",
            name="Wisselende vriendinnen",
            gender=Gender.FEMALE,
            role=Role.FRIEND,
            circle=Circle.FRIENDSHIP,
            zone=Zone.TOWN,
            frequency=Frequency.MONTHLY,
            status=TieStatus.ACTIVE,
            note="Karel zoekt een balans tussen nabijheid en afstand.",
        ),
    ]


def _parent_ties(stage: Stage) -> list[Tie]:
    return [
        Tie(
            id="t_vader",
            a=KAREL,
            b="vader",
            strength=1 if stage == "later" else 2,
            quality=Quality.CONFLICT if stage == "start" else Quality.TENSE,
            direction=Direction.NONE,
            note="Het pijnlijke verhaal van de vader die hem heeft leren drinken.",
        ),
        Tie(
            id="t_moeder",
            a=KAREL,
            b="moeder",
            strength=1,
            quality=Quality.TENSE if stage == "start" else Quality.POSITIVE,
            direction=Direction.NONE if stage == "start" else Direction.TO_CLIENT,
            support=set() if stage == "start" else {Support.EMOTIONAL},
            note=(
                "Geen contact sinds meer dan 25 jaar."
                if stage == "start"
                else "Nog steeds geen contact; wat zijn moeder meegaf, draagt Karel nu mee."
            ),
        ),
    ]


def _start_ties() -> list[Tie]:
    return [
        Tie(
            id="t_cafevrienden",
            a=KAREL,
            b="cafevrienden",
            strength=2,
            quality=Quality.TENSE,
            direction=Direction.FROM_CLIENT,
            support={Support.COMPANIONSHIP},
            reciprocal=True,
            note="Warmte voor een avond op café; in Karels ogen willen ze vooral getrakteerd "
            "worden.",
        ),
        Tie(
            id="t_vriendin",
            a=KAREL,
            b="vriendin",
            strength=3,
            quality=Quality.CONFLICT,
            direction=Direction.FROM_CLIENT,
            sensitive=True,
            note=(
                "Na een uit de hand gelopen ruzie met bruut geweld is er afstand gegroeid; Karel "
                "probeert de breuk te lijmen met allerlei praktische klusjes voor haar."
            ),
        ),
    ]


def _later_ties() -> list[Tie]:
    return [
        Tie(
            id="t_hulpverlener",
            a=KAREL,
            b="hulpverlener",
            strength=3,
            quality=Quality.POSITIVE,
            direction=Direction.TO_CLIENT,
            support={Support.ADVICE, Support.EMOTIONAL, Support.APPRECIATION},
            reciprocal=False,
        ),
        Tie(
            id="t_buurvrouw",
            a=KAREL,
            b="buurvrouw",
            strength=1,
            quality=Quality.POSITIVE,
            direction=Direction.BOTH,
            support={Support.COMPANIONSHIP},
            reciprocal=True,
            note="Een praatje tijdens de ochtendwandeling met het hondje.",
        ),
        Tie(
            id="t_buurman",
            a=KAREL,
            b="buurman",
            strength=1,
            quality=Quality.POSITIVE,
            direction=Direction.BOTH,
            support={Support.COMPANIONSHIP},
            reciprocal=True,
            note="Een praatje tijdens de ochtendwandeling met het hondje.",
        ),
        Tie(
            id="t_overbuur",
            a=KAREL,
            b="overbuur",
            strength=1,
            quality=Quality.TENSE,
            direction=Direction.FROM_CLIENT,
            reciprocal=False,
            note="Karel blijft goedendag zeggen; hij krijgt niets terug.",
        ),
        Tie(
            id="t_krantenwinkelier",
            a=KAREL,
            b="krantenwinkelier",
            strength=1,
            quality=Quality.POSITIVE,
            direction=Direction.BOTH,
            support={Support.COMPANIONSHIP},
            reciprocal=True,
        ),
        Tie(
            id="t_buurtkruidenier",
            a=KAREL,
            b="buurtkruidenier",
            strength=1,
            quality=Quality.POSITIVE,
            direction=Direction.TO_CLIENT,
            support={Support.PRACTICAL, Support.COMPANIONSHIP},
            reciprocal=True,
            sensitive=True,
            note="Karel heeft er een kleine kredietrekening.",
        ),
        Tie(
            id="t_collegas",
            a=KAREL,
            b="collegas",
            strength=2,
            quality=Quality.CONFLICT,
            direction=Direction.NONE,
            note="Momenten van glorie en momenten van zich weer gedumpt te weten.",
        ),
        Tie(
            id="t_medevrijwilligers",
            a=KAREL,
            b="medevrijwilligers",
            strength=2,
            quality=Quality.POSITIVE,
            direction=Direction.BOTH,
            support={Support.COMPANIONSHIP, Support.APPRECIATION},
            reciprocal=True,
        ),
        Tie(
            id="t_vriendinnen",
            a=KAREL,
            b="vriendinnen",
            strength=2,
            quality=Quality.POSITIVE,
            direction=Direction.BOTH,
            support={Support.COMPANIONSHIP, Support.EMOTIONAL},
            reciprocal=True,
        ),
        Tie(id="t_buur_buur", a="buurvrouw", b="buurman", strength=1),
        Tie(id="t_buur_winkel", a="buurman", b="krantenwinkelier", strength=1),
    ]


def _domains(stage: Stage) -> list[Domain]:
    family = Domain(
        id="d_familie", name="Familie", kind=DomainKind.FAMILY, members=["vader", "moeder"]
    )
    if stage == "start":
        return [
            family,
            Domain(id="d_cafe", name="Café", kind=DomainKind.LEISURE, members=["cafevrienden"]),
        ]
    return [
        family,
        Domain(
            id="d_buurtleven",
            name="Buurtleven",
            kind=DomainKind.NEIGHBOURHOOD,
            members=["buurvrouw", "buurman", "overbuur", "krantenwinkelier", "buurtkruidenier"],
            note="Karel wil in de buurt blijven wonen, 'omdat hij er toch iemand is'.",
        ),
        Domain(
            id="d_hulpverlening",
            name="Hulpverlening",
            kind=DomainKind.SOCIAL_WORK,
            members=["hulpverlener"],
        ),
        Domain(
            id="d_vrijwilligers",
            name="Vrijwilligersengagement",
            kind=DomainKind.VOLUNTEER_WORK,
            members=["medevrijwilligers"],
        ),
        Domain(
            id="d_werk",
            name="Werk: gemeentelijke begraafplaats",
            kind=DomainKind.WORK,
            members=["collegas"],
        ),
        Domain(
            id="d_vriendinnen",
            name="Wisselende vriendinnen",
            kind=DomainKind.FRIENDS,
            members=["vriendinnen"],
        ),
    ]


_YEARS = "Jaartal afgeleid; het boek noemt geen jaren."


def _events(stage: Stage) -> list[LifeEvent]:
    early = [
        LifeEvent(
            id="e_jeugd",
            year=1972,
            title="Breuk met de ouders, plaatsing en misbruik",
            valence=-3,
            persons=[KAREL, "vader", "moeder"],
            sensitive=True,
            note=_YEARS,
        ),
        LifeEvent(
            id="e_moeder",
            year=1980,
            title="Moeder voor het laatst gezien",
            valence=-3,
            persons=[KAREL, "moeder"],
            note="Meer dan 25 jaar voor de start. " + _YEARS,
        ),
        LifeEvent(
            id="e_verslaving",
            year=1985,
            title="Spiraal van verslaving en armoede",
            valence=-3,
            persons=[KAREL],
            note=_YEARS,
        ),
        LifeEvent(
            id="e_start",
            year=START_DATE.year,
            title="Ontwenning en start van de hulpverlening",
            valence=1,
            persons=[KAREL],
            note=_YEARS,
        ),
        LifeEvent(
            id="e_ruzie",
            year=START_DATE.year,
            title="Ruzie met geweld; afstand van de vriendin",
            valence=-2,
            persons=[KAREL, "vriendin"] if stage == "start" else [KAREL],
            sensitive=True,
            note=_YEARS,
        ),
    ]
    if stage == "start":
        return early
    return [
        *early,
        LifeEvent(
            id="e_zoektocht",
            year=2007,
            title="Zoektocht naar moeder via de gemeentelijke administratie",
            valence=1,
            persons=[KAREL, "moeder", "hulpverlener"],
            note="Geen resultaat, wel louterend en herverbindend. " + _YEARS,
        ),
        LifeEvent(
            id="e_buurt",
            year=2008,
            title="Praatjes in de buurt tijdens de wandeling met het hondje",
            valence=2,
            persons=[KAREL, HOND, "buurvrouw", "buurman", "krantenwinkelier", "buurtkruidenier"],
            note=_YEARS,
        ),
        LifeEvent(
            id="e_werk",
            year=2009,
            title="Werk op de gemeentelijke begraafplaats; gepest",
            valence=-2,
            persons=[KAREL, "collegas"],
            note=_YEARS,
        ),
        LifeEvent(
            id="e_blijven",
            year=2009,
            title="Wil in de buurt blijven wonen: 'ik ben er toch iemand'",
            valence=2,
            persons=[KAREL],
            note=_YEARS,
        ),
        LifeEvent(
            id="e_vrijwilliger",
            year=2010,
            title="Vrijwilligersengagement",
            valence=2,
            persons=[KAREL, "medevrijwilligers"],
            note=_YEARS,
        ),
    ]


def network(stage: Stage) -> Network:
    """Karel's network at the start of the help, or years later."""
    if stage == "start":
        members = _start_members()
        ties = _start_ties()
        couples = [
            CoupleRelation(
                id="relatie_vriendin",
                a=KAREL,
                b="vriendin",
                type=CoupleType.COMMITTED,
                note="'Zijn vriendin': een vaste relatie, niet samenwonend (afgeleid).",
            )
        ]
    else:
        members = _later_members()
        ties = _later_ties()
        couples = []
    return Network(
        persons=[_karel(), _hondje(), *_parents(stage), *members],
        household=[KAREL, HOND],
        couples=couples,
        ties=[*_parent_ties(stage), *ties],
        domains=_domains(stage),
        events=_events(stage),
    )


def build() -> Case:
    """Karel's case: snapshots 'start' and 'later'; the current network is the later one."""
    return Case(
        id=CASE_ID,
        title="Karel",
        client=KAREL,
        network=network("later"),
        snapshots=[
            Snapshot(
                id="start",
                label="Bij de start van de hulpverlening",
                taken_on=START_DATE,
                network=network("start"),
                note="Het eerste ecogram: vader, moeder, cafévrienden en vriendin.",
            ),
            Snapshot(
                id="later",
                label="Enkele jaren later",
                taken_on=LATER_DATE,
                network=network("later"),
                note=(
                    "Het tweede ecogram: een veelzijdig netwerk met buurtleven, hulpverlening, "
                    "vrijwilligersengagement en wisselende vriendinnen."
                ),
            ),
        ],
        note=(
            "Voorbeeld uit hoofdstuk 5 van 'De zorgkracht van sociale netwerken' (2012): een "
            "langdurige hulpverlening aan een sociaal geïsoleerde man. 'Zonder netwerk zou ik zo "
            "weer gaan schuiven.' Data, jaartallen en waarderingen zijn aangevuld; zie "
            "docs/demo-cases.md."
        ),
    )
