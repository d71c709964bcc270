"""Fatima Tahir and her family worker Julia van Hoof: the case after chapter 4 of the book.

Source: ``seed/de-zorgkracht-van-sociale-netwerken.txt``, lines ~2341-2540. Fatima (43) fled
Somalia four years ago; ten children of four fathers and a foster child; seven children at
home, four under supervision (OTS); Julia comes two or three times a week. At the start of the
guidance the oldest son living in the Netherlands was much involved and carried too much: care
for his mother, building his own life and finishing school (l. 2492-2502). The snapshot
``begin`` is that start; the current network (and snapshot ``nu``) the one the book describes.
What the book does not say is marked in the notes and listed in ``docs/demo-cases.md``.
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
    ChildType,
    Circle,
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

CASE_ID = "fatima"
FATIMA = "fatima"
CASE_YEAR = 2011
"""The year of the book's account: not in the book (published 2012), inferred."""
NOW_DATE = dt.date(2011, 7, 1)
"""The day of the book's account (inferred): the snapshot ``nu`` is the network of now, so that
ages are counted in the book's year."""
BEGIN_DATE = dt.date(2010, 1, 15)
"""The start of Julia's guidance, "sinds anderhalf jaar" before the account (inferred date)."""

_INFERRED = "afgeleid; het boek noemt dit niet"

# (id, name, gender, birth year, father, at home, zone, note). Ten children of four fathers
# (l. 2347-2356): three adults living on their own, seven at home. The ages are the book's
# where it gives them (the oldest son 22, see domain.md; seven young children at home) and
# otherwise inferred; the two sons back home after years in care are older than "one to
# eight": the book's counts do not quite add up (see docs/demo-cases.md).
_CHILDREN: tuple[tuple[str, str, Gender, int, str, bool, Zone, str], ...] = (
    ("zoon_oudste", "Oudste zoon", Gender.MALE, 1989, "vader1", False, Zone.TOWN, ""),
    (
        "dochter_buurt",
        "Oudste dochter",
        Gender.FEMALE,
        1991,
        "vader1",
        False,
        Zone.NEIGHBOURHOOD,
        "",
    ),
    (
        "zoon_buitenland",
        "Zoon in het buitenland",
        Gender.MALE,
        1993,
        "vader1",
        False,
        Zone.OUTSIDE_REGION,
        "",
    ),
    (
        "zoon_terug1",
        "Zoon (terug thuis)",
        Gender.MALE,
        1997,
        "vader2",
        True,
        Zone.NEIGHBOURHOOD,
        "Na een gedwongen uithuisplaatsing van een aantal jaren weer thuis; OTS.",
    ),
    (
        "zoon_terug2",
        "Zoon (kwam later)",
        Gender.MALE,
        1999,
        "vader2",
        True,
        Zone.NEIGHBOURHOOD,
        "Kwam op zijn tiende, twee jaar na Fatima, naar Nederland; probleemgedrag op school en "
        "straat; na een uithuisplaatsing weer thuis; OTS.",
    ),
    ("kind6", "Dochter", Gender.FEMALE, 2003, "vader3", True, Zone.NEIGHBOURHOOD, "OTS."),
    ("kind7", "Zoon", Gender.MALE, 2005, "vader3", True, Zone.NEIGHBOURHOOD, "OTS."),
    ("kind8", "Jonge dochter", Gender.FEMALE, 2007, "vader4", True, Zone.NEIGHBOURHOOD, ""),
    ("kind9", "Jonge zoon", Gender.MALE, 2008, "vader4", True, Zone.NEIGHBOURHOOD, ""),
    ("kind10", "Jongste dochter", Gender.FEMALE, 2010, "vader4", True, Zone.NEIGHBOURHOOD, ""),
)
AT_HOME = tuple(c[0] for c in _CHILDREN if c[5])

# (father id, married from, until, deceased)
_FATHERS: tuple[tuple[str, int, int | None, bool], ...] = (
    ("vader1", 1982, 1994, True),
    ("vader2", 1996, 2000, False),
    ("vader3", 2002, 2006, False),
    ("vader4", 2006, 2010, False),
)


def _fatima() -> Person:
    return Person(
        id=FATIMA,
        name="Fatima Tahir",
        gender=Gender.FEMALE,
        birth_year=CASE_YEAR - 43,
        note=(
            "43 jaar, alleenstaande moeder met een bijstandsuitkering; vier jaar geleden uit "
            "Somalië gevlucht. Voor het eerst getrouwd op haar veertiende. Twaalf kleinkinderen. "
            "Is bang dat er achter haar rug om gekletst wordt."
        ),
    )


def _children(stage: str) -> list[Person]:
    out: list[Person] = []
    for ident, name, gender, born, _father, home, zone, note in _CHILDREN:
        young = CASE_YEAR - born < 12
        person = Person(
            id=ident,
            name=name,
            gender=gender,
            birth_year=born,
            role=Role.CHILD,
            circle=Circle.INTIMACY,
            zone=zone,
            frequency=Frequency.DAILY if home else Frequency.MONTHLY,
            status=TieStatus.ACTIVE,
            note=note or ("" if home else f"Woont zelfstandig. Leeftijd {_INFERRED}."),
        )
        if ident == "zoon_oudste":
            person.frequency = Frequency.DAILY if stage == "begin" else Frequency.WEEKLY
            person.own_needs = True
            person.wish = Wish.SAME
            person.energy = Energy.GIVES
            person.note = (
                "22 jaar, woont zelfstandig in Nederland. Wilde graag bijdragen; de zorg voor "
                "zijn moeder, het opbouwen van een eigen leven en het afronden van zijn school "
                "bleken samen te zwaar (l. 2492-2502). Leeftijd 22 uit domain.md; het boek zegt "
                "'jong volwassen kinderen die zelf eigenlijk ook nog steun en begeleiding nodig "
                "hebben'."
            )
        elif ident == "zoon_buitenland":
            person.frequency = Frequency.YEARLY
            person.circle = Circle.FRIENDSHIP
        if home:
            person.may_ask = False if not young else None
        out.append(person)
    return out


def _fathers() -> list[Person]:
    out: list[Person] = []
    for n, (ident, _start, _end, deceased) in enumerate(_FATHERS, start=1):
        out.append(
            Person(
                id=ident,
                name=f"Vader {n}",
                gender=Gender.MALE,
                deceased=deceased,
                role=Role.PARTNER,
                zone=None if deceased else Zone.OUTSIDE_REGION,
                note=(
                    "Geen contact met de vaders 'om verschillende redenen' (l. 2349-2350). "
                    + ("Overleden." if deceased else "Woont in het buitenland.")
                    + f" Welke kinderen bij welke vader horen en de jaren: {_INFERRED}."
                ),
            )
        )
    return out


def _others(stage: str) -> list[Person]:
    out = [
        Person(
            id="julia",
            name="Julia van Hoof",
            gender=Gender.FEMALE,
            role=Role.PROFESSIONAL,
            circle=Circle.SERVICES,
            zone=Zone.TOWN,
            frequency=Frequency.WEEKLY,
            status=TieStatus.ACTIVE,
            weight=5,
            energy=Energy.GIVES,
            wish=Wish.SAME,
            note=(
                "Gezinsbegeleidster van Stabiel (Leger des Heils), intensieve gezinsbegeleiding; "
                "komt twee of drie keer per week. 'Ik vertrouw Julia.' Fatima wil niet dat "
                "mensen uit haar netwerk haar taken overnemen (l. 2434-2438)."
            ),
        ),
        Person(
            id="gezinsvoogd",
            name="Gezinsvoogd",
            role=Role.PROFESSIONAL,
            circle=Circle.SERVICES,
            zone=Zone.TOWN,
            frequency=Frequency.MONTHLY,
            status=TieStatus.ACTIVE,
            energy=Energy.COSTS,
            note="Bureau Jeugdzorg; vroeg de intensieve gezinsbegeleiding aan (OTS).",
        ),
        Person(
            id="kennissen",
            name="Somalische kennissen",
            role=Role.ACQUAINTANCE,
            circle=Circle.ACQUAINTANCE,
            zone=Zone.TOWN,
            frequency=Frequency.WEEKLY,
            status=TieStatus.ACTIVE,
            may_ask=True,
            own_needs=True,
            note=(
                "Eén knoop voor de groep. Fatima schakelt hen vaak in voor praktische hulp: "
                "klusjes (een traphekje, een vloer), oppassen, ergens mee naartoe gaan "
                "(l. 2429-2432). 'Veel mensen die ik ken, kunnen zelf ook wel hulp van Julia "
                "gebruiken.'"
            ),
        ),
        Person(
            id="tolk",
            name="Kennis die tolkt",
            gender=Gender.UNKNOWN,
            role=Role.ACQUAINTANCE,
            circle=Circle.ACQUAINTANCE,
            zone=Zone.TOWN,
            frequency=Frequency.MONTHLY,
            status=TieStatus.ACTIVE,
            may_ask=True,
            note=(
                "Helpt met tolken; Julia let op wat er in haar bijzijn besproken wordt, want "
                "Fatima is bang voor geklets (l. 2424-2427)."
            ),
        ),
        Person(
            id="school",
            name="Leerkracht",
            role=Role.PROFESSIONAL,
            circle=Circle.SERVICES,
            zone=Zone.NEIGHBOURHOOD,
            frequency=Frequency.MONTHLY,
            status=TieStatus.ACTIVE,
            note=f"Een leerkracht van de scholen van de kinderen. Persoon {_INFERRED}.",
        ),
        Person(
            id="voedselbank",
            name="Voedselbank",
            organisation=True,
            role=Role.SERVICE,
            circle=Circle.SERVICES,
            zone=Zone.TOWN,
            frequency=Frequency.WEEKLY,
            status=TieStatus.ACTIVE,
            note="Julia wees Fatima op de voedselbank (l. 2410-2412). Een organisatie.",
        ),
    ]
    return out


def _ties(stage: str) -> list[Tie]:
    begin = stage == "begin"
    ties = [
        Tie(
            id="t_julia",
            a=FATIMA,
            b="julia",
            strength=3,
            quality=Quality.POSITIVE,
            direction=Direction.TO_CLIENT,
            support={
                Support.PRACTICAL,
                Support.ADVICE,
                Support.EMOTIONAL,
                Support.APPRECIATION,
            },
            reciprocal=False,
            care_tasks={CareTask.ADMINISTRATION, CareTask.TRANSPORT},
            note=(
                "Legt brieven en rapporten uit, praktische hulp thuis en bij de opvoeding, gaat "
                "mee naar instellingen en scholen (l. 2404-2412, 2471-2478)."
            ),
        ),
        Tie(
            id="t_gezinsvoogd",
            a=FATIMA,
            b="gezinsvoogd",
            strength=2,
            quality=Quality.TENSE,
            direction=Direction.NONE,
            note="Fatima is het nog steeds niet eens met de uithuisplaatsing (l. 2373-2375).",
        ),
        Tie(
            id="t_kennissen",
            a=FATIMA,
            b="kennissen",
            strength=2,
            quality=Quality.POSITIVE,
            direction=Direction.BOTH,
            support={Support.PRACTICAL, Support.COMPANIONSHIP},
            reciprocal=True,
            care_tasks={CareTask.HOUSEHOLD, CareTask.SUPERVISION, CareTask.TRANSPORT},
            sensitive=True,
            note="Bang dat er dingen worden doorverteld: niet alles mag hier gedeeld worden.",
        ),
        Tie(
            id="t_tolk",
            a=FATIMA,
            b="tolk",
            strength=1,
            quality=Quality.POSITIVE,
            direction=Direction.TO_CLIENT,
            support={Support.PRACTICAL},
            reciprocal=True,
        ),
        Tie(
            id="t_school",
            a=FATIMA,
            b="school",
            strength=1,
            quality=Quality.POSITIVE,
            direction=Direction.TO_CLIENT,
            support={Support.ADVICE},
            reciprocal=False,
        ),
        Tie(
            id="t_voedselbank",
            a=FATIMA,
            b="voedselbank",
            strength=1,
            quality=Quality.POSITIVE,
            direction=Direction.TO_CLIENT,
            support={Support.PRACTICAL},
            reciprocal=False,
        ),
        Tie(
            id="t_zoon_oudste",
            a=FATIMA,
            b="zoon_oudste",
            strength=3,
            quality=Quality.POSITIVE,
            direction=Direction.BOTH,
            support=(
                {Support.PRACTICAL, Support.ADVICE, Support.EMOTIONAL}
                if begin
                else {Support.EMOTIONAL, Support.COMPANIONSHIP}
            ),
            reciprocal=True,
            care_hours_per_week=12.0 if begin else None,
            care_months=6 if begin else None,
            care_tasks=(
                {CareTask.ADMINISTRATION, CareTask.TRANSPORT, CareTask.HOUSEHOLD}
                if begin
                else set()
            ),
            note=(
                "Veelvuldig betrokken bij de hulpverlening, op verzoek van Fatima; te veel "
                f"belast (l. 2492-2497). Uren en maanden {_INFERRED}."
                if begin
                else "Minder belast: hij bouwt zijn eigen leven op. Hoe het verder ging: "
                + _INFERRED
                + "."
            ),
        ),
        Tie(
            id="t_dochter_buurt",
            a=FATIMA,
            b="dochter_buurt",
            strength=2,
            quality=Quality.POSITIVE,
            direction=Direction.BOTH,
            support={Support.COMPANIONSHIP, Support.EMOTIONAL},
            reciprocal=True,
            note=f"Woont in de buurt. Steun {_INFERRED}.",
        ),
        Tie(
            id="t_zoon_buitenland",
            a=FATIMA,
            b="zoon_buitenland",
            strength=1,
            quality=Quality.POSITIVE,
            direction=Direction.BOTH,
            support={Support.EMOTIONAL},
            reciprocal=True,
        ),
        # the household knows the family worker; the oldest son knows the acquaintances
        Tie(id="t_julia_zoon", a="zoon_oudste", b="julia", strength=2),
        Tie(id="t_kennissen_tolk", a="kennissen", b="tolk", strength=2),
        Tie(id="t_kennissen_zoon", a="zoon_oudste", b="kennissen", strength=1),
    ]
    return ties


def _domains() -> list[Domain]:
    return [
        Domain(
            id="d_hulpverlening",
            name="Hulpverlening (Stabiel, Bureau Jeugdzorg)",
            kind=DomainKind.SOCIAL_WORK,
            members=["julia", "gezinsvoogd"],
        ),
        Domain(
            id="d_justitie",
            name="Kinderrechter (OTS)",
            kind=DomainKind.JUSTICE,
            note="Vier kinderen hebben een ondertoezichtstelling (l. 2354).",
        ),
        Domain(
            id="d_somalisch",
            name="Somalische gemeenschap",
            kind=DomainKind.FRIENDS,
            members=["kennissen", "tolk"],
        ),
        Domain(
            id="d_school",
            name="Scholen van de kinderen",
            kind=DomainKind.SCHOOL,
            members=["school"],
        ),
        Domain(
            id="d_inkomen",
            name="Bijstand en voedselbank",
            kind=DomainKind.INCOME,
            members=["voedselbank"],
        ),
        Domain(
            id="d_buitenland",
            name="Familie in het buitenland",
            kind=DomainKind.FAMILY,
            members=["zoon_buitenland"],
            note="Twee van de uitwonende kinderen wonen in het buitenland.",
        ),
    ]


def _events(stage: str) -> list[LifeEvent]:
    events = [
        LifeEvent(
            id="e_huwelijk",
            year=1982,
            title="Eerste huwelijk, op haar veertiende",
            valence=-1,
            persons=[FATIMA, "vader1"],
            note=f"Jaartal uit de leeftijd; waardering {_INFERRED}.",
        ),
        LifeEvent(
            id="e_vlucht",
            year=CASE_YEAR - 4,
            title="Vlucht uit Somalië naar Nederland",
            valence=-2,
            persons=[FATIMA],
            note=f"Vier jaar geleden. Waardering {_INFERRED}.",
        ),
        LifeEvent(
            id="e_zoon_komt",
            year=CASE_YEAR - 2,
            title="Zoon van tien komt naar Nederland",
            valence=2,
            persons=[FATIMA, "zoon_terug2"],
            note=f"Twee jaar na Fatima. Waardering {_INFERRED}.",
        ),
        LifeEvent(
            id="e_ots",
            year=CASE_YEAR - 2,
            title="Kennis schakelt hulpverlening in; OTS en uithuisplaatsing",
            valence=-3,
            persons=[FATIMA, "zoon_terug1", "zoon_terug2"],
            sensitive=True,
            note=f"Jaartal {_INFERRED}.",
        ),
        LifeEvent(
            id="e_julia",
            year=BEGIN_DATE.year,
            title="Julia komt: intensieve gezinsbegeleiding",
            valence=2,
            persons=[FATIMA, "julia"],
            note="Sinds anderhalf jaar (l. 2367-2368).",
        ),
    ]
    if stage == "now":
        events.append(
            LifeEvent(
                id="e_terug",
                year=CASE_YEAR,
                title="Twee zoons weer thuis",
                valence=3,
                persons=[FATIMA, "zoon_terug1", "zoon_terug2"],
                note="'Erg blij dat zij ... weer thuis zijn komen wonen' (l. 2374-2375).",
            )
        )
    return events


def network(stage: str) -> Network:
    """Fatima's network at the start of Julia's guidance (``begin``) or now (``now``)."""
    fathers = {f[0]: f for f in _FATHERS}
    couples = [
        CoupleRelation(
            id=f"huwelijk_{ident}",
            a=FATIMA,
            b=ident,
            type=CoupleType.WIDOWED if deceased else CoupleType.DIVORCED,
            start_year=start,
            end_year=end,
            note=f"Jaartallen en of het een huwelijk was: {_INFERRED}.",
        )
        for ident, start, end, deceased in fathers.values()
    ]
    children = [
        ChildRelation(id=f"kind_{c[0]}", child=c[0], parents=[FATIMA, c[4]]) for c in _CHILDREN
    ]
    children.append(
        ChildRelation(id="kind_pleeg", child="pleegkind", parents=[FATIMA], type=ChildType.FOSTER)
    )
    foster = Person(
        id="pleegkind",
        name="Pleegkind",
        role=Role.CHILD,
        circle=Circle.FRIENDSHIP,
        zone=Zone.OUTSIDE_REGION,
        frequency=Frequency.YEARLY,
        network_zone=NetworkZone.NOMINAL,
        status=TieStatus.ACTIVE,
        note=f"Woont zelfstandig, in het buitenland (l. 2355-2356; waar {_INFERRED}).",
    )
    home = [c for c in AT_HOME if stage == "now" or c not in ("zoon_terug1", "zoon_terug2")]
    persons = [_fatima(), *_children(stage), foster, *_fathers(), *_others(stage)]
    if stage == "begin":
        # the two sons were still placed out of the home
        for p in persons:
            if p.id in ("zoon_terug1", "zoon_terug2"):
                p.zone = Zone.REGION
                p.frequency = Frequency.MONTHLY
                p.note += " Nog uit huis geplaatst."
    return Network(
        persons=persons,
        household=[FATIMA, *home],
        couples=couples,
        children=children,
        ties=_ties(stage),
        domains=_domains(),
        events=_events(stage),
    )


def build() -> Case:
    """Fatima's case now, with a snapshot of the start of Julia's guidance."""
    return Case(
        id=CASE_ID,
        title="Fatima Tahir",
        client=FATIMA,
        network=network("now"),
        snapshots=[
            Snapshot(
                id="begin",
                label="Begin van de gezinsbegeleiding",
                taken_on=BEGIN_DATE,
                network=network("begin"),
                note=(
                    "De oudste zoon is veelvuldig betrokken en draagt te veel (l. 2492-2502); "
                    "twee zoons zijn nog uit huis geplaatst."
                ),
            ),
            Snapshot(
                id="nu",
                label="Anderhalf jaar later",
                taken_on=NOW_DATE,
                network=network("now"),
                note="Het netwerk zoals het boek het beschrijft; de zoons zijn weer thuis.",
            ),
        ],
        note=(
            "Casus na hoofdstuk 4 van 'De zorgkracht van sociale netwerken' (2012): Fatima Tahir "
            "en haar gezinsbegeleidster Julia van Hoof. Hoe voorkom je dat dierbaren uit het "
            "netwerk te zwaar worden belast, zeker als het netwerk voor een groot deel uit jong "
            "volwassen kinderen bestaat? Wat is aangevuld staat in docs/demo-cases.md."
        ),
    )
