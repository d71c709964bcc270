"""De familie Tavenier: sociale netwerkstrategieën (SNS) bij MEE, hoofdstuk 7 of the book.

Source: ``seed/de-zorgkracht-van-sociale-netwerken.txt``, lines ~3504-3736: the referral by the
personnel officer of the sociale werkplaats, the intake with MEE consultant Michel Scheerder,
the family, the levenslijn, genogram and ecogram, the help questions, the familienetwerk-beraad
and the action team. The network is the one after the meeting. The book names only Pieter,
Lina and Michel; every other person is a role, and what the book leaves open is marked in the
notes and listed in ``docs/demo-cases.md``.
"""

from __future__ import annotations

from devtools.demo.tavenier_process import (
    BERAAD_FAMILIE,
    BERAAD_PROFESSIONALS,
    build_process,
)
from zorgkracht.domain import (
    Case,
    ChildRelation,
    Condition,
    CoupleRelation,
    Domain,
    EmotionalRelation,
    LifeEvent,
    Network,
    Person,
    Tie,
)
from zorgkracht.domain.codes import (
    CareTask,
    Circle,
    ConditionKind,
    CoupleType,
    Direction,
    DomainKind,
    EmotionalType,
    Frequency,
    Gender,
    Quality,
    Role,
    Support,
    TieStatus,
    Zone,
)

CASE_ID = "tavenier"
PIETER = "pieter"
CASE_YEAR = 2011
"""The year the family comes to MEE: not in the book (published 2012), inferred."""

_INFERRED = "afgeleid; het boek noemt dit niet"


def _household() -> list[Person]:
    return [
        Person(
            id=PIETER,
            name="Pieter Tavenier",
            gender=Gender.MALE,
            birth_year=CASE_YEAR - 42,
            note=(
                "42 jaar. Werkt zijn hele leven al fulltime bij de sociale werkplaats. Neemt "
                "snipperdagen voor de afspraken rond de kinderen, nooit voor ontspanning; de "
                "personeelsfunctionaris ziet signalen van overbelasting."
            ),
        ),
        Person(
            id="lina",
            name="Lina Tavenier",
            gender=Gender.FEMALE,
            birth_year=CASE_YEAR - 41,
            role=Role.PARTNER,
            circle=Circle.INTIMACY,
            zone=Zone.NEIGHBOURHOOD,
            frequency=Frequency.DAILY,
            status=TieStatus.ACTIVE,
            conditions=[
                Condition(
                    kind=ConditionKind.MENTAL_ILLNESS,
                    note="Psychische problemen als gevolg van een trauma; volgt therapie.",
                ),
                Condition(
                    kind=ConditionKind.PHYSICAL_ILLNESS,
                    note="Zwaar astmatisch (internist, longarts); andere lichamelijke klachten.",
                ),
            ],
            own_needs=True,
            note=(
                "41 jaar. Werkt niet meer: door haar klachten haar baan verloren. Zij heeft zelf "
                "steun nodig (therapie, astma) en zorgt tegelijk voor de kinderen."
            ),
        ),
        Person(
            id="dochter",
            name="Dochter",
            gender=Gender.FEMALE,
            birth_year=CASE_YEAR - 11,
            role=Role.CHILD,
            circle=Circle.INTIMACY,
            zone=Zone.NEIGHBOURHOOD,
            frequency=Frequency.DAILY,
            status=TieStatus.ACTIVE,
            receives_care=True,
            conditions=[
                Condition(
                    kind=ConditionKind.PHYSICAL_ILLNESS,
                    note="Ernstige visuele beperking; vaak buikpijn en hoofdpijn.",
                )
            ],
            note=(
                "11 jaar, speciaal onderwijs, laaggemiddeld IQ. Wordt gepest op school en is "
                "onzeker in het maken van sociale contacten."
            ),
        ),
        Person(
            id="zoon",
            name="Oudste zoon",
            gender=Gender.MALE,
            birth_year=CASE_YEAR - 8,
            role=Role.CHILD,
            circle=Circle.INTIMACY,
            zone=Zone.NEIGHBOURHOOD,
            frequency=Frequency.DAILY,
            status=TieStatus.ACTIVE,
            receives_care=True,
            conditions=[
                Condition(
                    kind=ConditionKind.PHYSICAL_ILLNESS,
                    note="Groeistoornis met veel beperkingen; soms overgeven, hoofd- en buikpijn.",
                )
            ],
            note=(
                "8 jaar, speciaal onderwijs, moeilijk tot zeer moeilijk lerend. Lina helpt hem "
                "met eten, aankleden, tanden poetsen en de toiletgang. Sociaal, maar snel bang "
                "als mensen boos op hem zijn of hem plagen."
            ),
        ),
        Person(
            id="jongste",
            name="Jongste zoon",
            gender=Gender.MALE,
            birth_year=CASE_YEAR - 4,
            role=Role.CHILD,
            circle=Circle.INTIMACY,
            zone=Zone.NEIGHBOURHOOD,
            frequency=Frequency.DAILY,
            status=TieStatus.ACTIVE,
            receives_care=True,
            note=(
                "4 jaar, speciaal onderwijs. Lager verstandelijk niveau dan leeftijdsgenoten; "
                "loopt achter in leer-, taal- en spelontwikkeling en werktempo."
            ),
        ),
    ]


def _family() -> list[Person]:
    who = f"Welke familieleden precies: {_INFERRED}."
    return [
        Person(
            id="moeder_pieter",
            name="Moeder van Pieter",
            gender=Gender.FEMALE,
            role=Role.PARENT,
            circle=Circle.INTIMACY,
            zone=Zone.TOWN,
            frequency=Frequency.WEEKLY,
            status=TieStatus.ACTIVE,
            note="Familie van Pieter; aanwezig bij het familienetwerk-beraad. " + who,
        ),
        Person(
            id="broer_pieter",
            name="Broer van Pieter",
            gender=Gender.MALE,
            role=Role.SIBLING,
            circle=Circle.FRIENDSHIP,
            zone=Zone.TOWN,
            frequency=Frequency.MONTHLY,
            status=TieStatus.ACTIVE,
            note="Familie van Pieter; aanwezig bij het familienetwerk-beraad. " + who,
        ),
        Person(
            id="zus_pieter",
            name="Zus van Pieter",
            gender=Gender.FEMALE,
            role=Role.SIBLING,
            circle=Circle.FRIENDSHIP,
            zone=Zone.REGION,
            frequency=Frequency.MONTHLY,
            status=TieStatus.ACTIVE,
            note="Familie van Pieter; aanwezig bij het familienetwerk-beraad. " + who,
        ),
        Person(
            id="moeder_lina",
            name="Moeder van Lina",
            gender=Gender.FEMALE,
            role=Role.OTHER_FAMILY,
            circle=Circle.FRIENDSHIP,
            zone=Zone.OUTSIDE_REGION,
            frequency=Frequency.MONTHLY,
            status=TieStatus.WEAK,
            note="De familie van Lina woont in Duitsland; er is wel contact. " + who,
        ),
    ]


def _professional(
    ident: str, name: str, note: str, gender: Gender = Gender.UNKNOWN, zone: Zone = Zone.TOWN
) -> Person:
    return Person(
        id=ident,
        name=name,
        gender=gender,
        role=Role.PROFESSIONAL,
        circle=Circle.SERVICES,
        zone=zone,
        frequency=Frequency.MONTHLY,
        status=TieStatus.ACTIVE,
        note=note,
    )


def _others() -> list[Person]:
    return [
        Person(
            id="michel",
            name="Michel Scheerder",
            gender=Gender.MALE,
            role=Role.PROFESSIONAL,
            circle=Circle.SERVICES,
            zone=Zone.REGION,
            frequency=Frequency.WEEKLY,
            status=TieStatus.ACTIVE,
            note=(
                "Consulent van MEE, gecertificeerd werker en trainer in sociale "
                "netwerkstrategieën. Procesbegeleider, later op afstand."
            ),
        ),
        _professional(
            "personeelsfunctionaris",
            "Personeelsfunctionaris",
            "Van de sociale werkplaats; deed samen met Pieter de vooraanmelding bij MEE uit zorg "
            "om de schulden. Pieter voelde zich wat onder druk gezet.",
        ),
        Person(
            id="afdelingsleider",
            name="Afdelingsleider",
            role=Role.COLLEAGUE,
            circle=Circle.ACQUAINTANCE,
            zone=Zone.TOWN,
            frequency=Frequency.DAILY,
            status=TieStatus.DISTURBED,
            note="Het klikt niet zo goed tussen Pieter en zijn afdelingsleider.",
        ),
        _professional(
            "leerkracht",
            "Leerkracht speciaal onderwijs",
            "Alle drie de kinderen zitten op een school voor speciaal onderwijs. "
            f"Aanwezigheid bij het beraad {_INFERRED}.",
        ),
        _professional(
            "therapeut",
            "Therapeut van Lina",
            f"Lina volgt therapie voor haar trauma. Aanwezigheid bij het beraad {_INFERRED}.",
        ),
        _professional("internist", "Internist", "Behandelt Lina voor haar astma."),
        _professional("longarts", "Longarts", "Behandelt Lina voor haar astma."),
        _professional(
            "schuldhulpverlener",
            "Schuldhulpverlener",
            f"Voor de oorspronkelijke hulpvraag 'ondersteuning bij de financiën'. Persoon en "
            f"aanwezigheid bij het beraad {_INFERRED}.",
        ),
        _professional(
            "gezinsbegeleider",
            "Gezinsbegeleider",
            "De ouders waren bang de kinderen door uithuisplaatsing kwijt te raken en kregen "
            f"meer vertrouwen in instellingen. Persoon en aanwezigheid bij het beraad {_INFERRED}.",
        ),
    ]


# Care the parents give their children (l. 3579-3593: "zwaar belast met de zorg voor hun
# kinderen"): (child, hours a week Pieter, tasks Pieter, hours a week Lina, tasks Lina, age).
# The tasks follow the book (Lina helps the son of 8 eat, dress, brush his teeth and use the
# toilet; Pieter takes the appointments over from Lina); the hours are inferred.
_CHILD_CARE: tuple[tuple[str, float, frozenset[CareTask], float, frozenset[CareTask], int], ...] = (
    (
        "dochter",
        3.0,
        frozenset({CareTask.TRANSPORT}),
        4.0,
        frozenset({CareTask.SUPERVISION}),
        11,
    ),
    (
        "zoon",
        4.0,
        frozenset({CareTask.TRANSPORT}),
        14.0,
        frozenset({CareTask.PERSONAL_CARE, CareTask.SUPERVISION}),
        8,
    ),
    (
        "jongste",
        3.0,
        frozenset({CareTask.TRANSPORT}),
        6.0,
        frozenset({CareTask.SUPERVISION}),
        4,
    ),
)


def _care_for_children() -> list[Tie]:
    """Pieter's and Lina's care for each child, as care the client system gives."""
    hours = f"Uren per week {_INFERRED}; de zorg loopt sinds de geboorte."
    ties: list[Tie] = []
    for child, pieter_hours, pieter_tasks, lina_hours, lina_tasks, age in _CHILD_CARE:
        ties.append(
            Tie(
                id=f"t_zorg_{child}",
                a=PIETER,
                b=child,
                strength=3,
                quality=Quality.POSITIVE,
                direction=Direction.FROM_CLIENT,
                client_care_hours_per_week=pieter_hours,
                client_care_months=age * 12,
                client_care_tasks=set(pieter_tasks),
                note="Pieter neemt snipperdagen voor de afspraken rond de kinderen. " + hours,
            )
        )
        ties.append(
            Tie(
                id=f"t_zorg_lina_{child}",
                a="lina",
                b=child,
                strength=3,
                quality=Quality.POSITIVE,
                direction=Direction.FROM_CLIENT,
                client_care_hours_per_week=lina_hours,
                client_care_months=age * 12,
                client_care_tasks=set(lina_tasks),
                note="Lina zorgt voor de kinderen; zij helpt de zoon van 8 met eten, aankleden, "
                "tanden poetsen en de toiletgang. " + hours
                if child == "zoon"
                else "Lina zorgt voor de kinderen. " + hours,
            )
        )
    return ties


def _ties() -> list[Tie]:
    plan = f"Steun uit het actieplan; wie wat doet is {_INFERRED}."
    return [
        Tie(
            id="t_lina",
            a=PIETER,
            b="lina",
            strength=3,
            quality=Quality.POSITIVE,
            direction=Direction.BOTH,
            support={Support.EMOTIONAL, Support.COMPANIONSHIP},
            reciprocal=True,
            note="Weinig tijd voor elkaar; hulpvraag: samen ontspannende activiteiten.",
        ),
        Tie(
            id="t_moeder_pieter",
            a=PIETER,
            b="moeder_pieter",
            strength=3,
            quality=Quality.POSITIVE,
            direction=Direction.BOTH,
            support={Support.PRACTICAL, Support.COMPANIONSHIP, Support.EMOTIONAL},
            reciprocal=True,
            care_tasks={CareTask.SUPERVISION},
            note="Past op de kinderen zodat Pieter en Lina samen iets kunnen doen. " + plan,
        ),
        Tie(
            id="t_broer_pieter",
            a=PIETER,
            b="broer_pieter",
            strength=2,
            quality=Quality.POSITIVE,
            direction=Direction.BOTH,
            support={Support.PRACTICAL, Support.COMPANIONSHIP},
            reciprocal=True,
            care_tasks={CareTask.HOUSEHOLD},
            note="Helpt met vloerbedekking en bestrating in de tuin. " + plan,
        ),
        Tie(
            id="t_zus_pieter",
            a=PIETER,
            b="zus_pieter",
            strength=2,
            quality=Quality.POSITIVE,
            direction=Direction.BOTH,
            support={Support.PRACTICAL, Support.EMOTIONAL},
            reciprocal=True,
            care_tasks={CareTask.TRANSPORT},
            note="Gaat met Lina naar afspraken, zodat Pieter minder hoeft te snipperen. " + plan,
        ),
        Tie(
            id="t_moeder_lina",
            a="lina",
            b="moeder_lina",
            strength=1,
            quality=Quality.POSITIVE,
            direction=Direction.TO_CLIENT,
            support={Support.EMOTIONAL},
            reciprocal=True,
            note="Contact op afstand: de familie van Lina woont in Duitsland.",
        ),
        Tie(
            id="t_michel",
            a=PIETER,
            b="michel",
            strength=3,
            quality=Quality.POSITIVE,
            direction=Direction.TO_CLIENT,
            support={Support.ADVICE, Support.EMOTIONAL},
            reciprocal=False,
            note="Warm onthaal bij het eerste huisbezoek; helpt de vragen helder te krijgen.",
        ),
        Tie(
            id="t_personeelsfunctionaris",
            a=PIETER,
            b="personeelsfunctionaris",
            strength=2,
            quality=Quality.TENSE,
            direction=Direction.TO_CLIENT,
            support={Support.ADVICE},
            reciprocal=False,
            note="Bezorgd en verwijst naar MEE, maar Pieter voelde zich onder druk gezet.",
        ),
        Tie(
            id="t_afdelingsleider",
            a=PIETER,
            b="afdelingsleider",
            strength=2,
            quality=Quality.TENSE,
            direction=Direction.NONE,
            note="Het klikt niet zo goed.",
        ),
        Tie(
            id="t_leerkracht",
            a=PIETER,
            b="leerkracht",
            strength=2,
            quality=Quality.POSITIVE,
            direction=Direction.TO_CLIENT,
            support={Support.ADVICE},
            reciprocal=False,
        ),
        Tie(
            id="t_therapeut",
            a="lina",
            b="therapeut",
            strength=2,
            quality=Quality.POSITIVE,
            direction=Direction.TO_CLIENT,
            support={Support.EMOTIONAL, Support.ADVICE},
            reciprocal=False,
            sensitive=True,
            note="Therapie voor het trauma van Lina.",
        ),
        Tie(
            id="t_internist",
            a="lina",
            b="internist",
            strength=1,
            quality=Quality.POSITIVE,
            direction=Direction.TO_CLIENT,
            support={Support.PRACTICAL, Support.ADVICE},
            reciprocal=False,
        ),
        Tie(
            id="t_longarts",
            a="lina",
            b="longarts",
            strength=1,
            quality=Quality.POSITIVE,
            direction=Direction.TO_CLIENT,
            support={Support.PRACTICAL, Support.ADVICE},
            reciprocal=False,
        ),
        Tie(
            id="t_schuldhulpverlener",
            a=PIETER,
            b="schuldhulpverlener",
            strength=2,
            quality=Quality.POSITIVE,
            direction=Direction.TO_CLIENT,
            support={Support.PRACTICAL, Support.ADVICE},
            reciprocal=False,
        ),
        Tie(
            id="t_gezinsbegeleider",
            a=PIETER,
            b="gezinsbegeleider",
            strength=2,
            quality=Quality.POSITIVE,
            direction=Direction.TO_CLIENT,
            support={Support.PRACTICAL, Support.ADVICE},
            reciprocal=False,
            note="Van angst voor uithuisplaatsing naar meer vertrouwen.",
        ),
        Tie(
            id="t_schuldeisers",
            a=PIETER,
            b="d_schuldeisers",
            strength=3,
            quality=Quality.CONFLICT,
            direction=Direction.FROM_CLIENT,
            sensitive=True,
            note="Schulden; grote kans op afsluiting van gas, water en licht.",
        ),
        *_care_for_children(),
        # sociogram: the family of Pieter knows one another
        Tie(id="t_moeder_broer", a="moeder_pieter", b="broer_pieter", strength=2),
        Tie(id="t_moeder_zus", a="moeder_pieter", b="zus_pieter", strength=2),
        Tie(id="t_broer_zus", a="broer_pieter", b="zus_pieter", strength=2),
        Tie(id="t_lina_moeder_pieter", a="lina", b="moeder_pieter", strength=2),
    ]


def _domains() -> list[Domain]:
    return [
        Domain(
            id="d_werk",
            name="Sociale werkplaats",
            kind=DomainKind.WORK,
            members=["personeelsfunctionaris", "afdelingsleider"],
        ),
        Domain(
            id="d_familie_pieter",
            name="Familie van Pieter",
            kind=DomainKind.FAMILY,
            members=["moeder_pieter", "broer_pieter", "zus_pieter"],
        ),
        Domain(
            id="d_familie_lina",
            name="Familie van Lina (Duitsland)",
            kind=DomainKind.FAMILY,
            members=["moeder_lina"],
        ),
        Domain(id="d_mee", name="MEE", kind=DomainKind.SOCIAL_WORK, members=["michel"]),
        Domain(
            id="d_school",
            name="School voor speciaal onderwijs",
            kind=DomainKind.SCHOOL,
            members=["leerkracht"],
        ),
        Domain(
            id="d_zorg",
            name="Gezondheidszorg",
            kind=DomainKind.HEALTH_CARE,
            members=["therapeut", "internist", "longarts"],
        ),
        Domain(
            id="d_jeugdzorg",
            name="Hulpverlening kinderen",
            kind=DomainKind.SOCIAL_WORK,
            members=["gezinsbegeleider"],
        ),
        Domain(
            id="d_financien",
            name="Financiën",
            kind=DomainKind.INCOME,
            members=["schuldhulpverlener"],
        ),
        Domain(
            id="d_schuldeisers",
            name="Schuldeisers (gas, water en licht)",
            kind=DomainKind.INCOME,
            note="Geen personen: de schuldeisers zijn instanties.",
        ),
        Domain(
            id="d_vrienden",
            name="Vrienden",
            kind=DomainKind.FRIENDS,
            note="Nog leeg. Hulpvraag: hoe kunnen Pieter en Lina vriendschappen aangaan?",
        ),
    ]


def _events() -> list[LifeEvent]:
    year = f"Jaartal {_INFERRED}."
    return [
        LifeEvent(id="e_geboren", year=CASE_YEAR - 42, title="Pieter geboren", persons=[PIETER]),
        LifeEvent(
            id="e_werkplaats",
            year=1987,
            title="Begint bij de sociale werkplaats",
            valence=1,
            persons=[PIETER],
            note="'Al zijn gehele leven' bij de sociale werkplaats. " + year,
        ),
        LifeEvent(
            id="e_samenwonen",
            year=1997,
            title="Gaat samenwonen met Lina",
            valence=3,
            persons=[PIETER, "lina"],
            note="Het einde van de levenslijn die Michel met Pieter tekende. " + year,
        ),
        LifeEvent(
            id="e_dochter",
            year=CASE_YEAR - 11,
            title="Dochter geboren",
            valence=2,
            persons=[PIETER, "lina", "dochter"],
        ),
        LifeEvent(
            id="e_zoon",
            year=CASE_YEAR - 8,
            title="Oudste zoon geboren",
            valence=2,
            persons=[PIETER, "lina", "zoon"],
        ),
        LifeEvent(
            id="e_jongste",
            year=CASE_YEAR - 4,
            title="Jongste zoon geboren",
            valence=2,
            persons=[PIETER, "lina", "jongste"],
        ),
        LifeEvent(
            id="e_baan_lina",
            year=2009,
            title="Lina verliest haar baan",
            valence=-2,
            persons=["lina"],
            note="Door lichamelijke en psychische klachten. " + year,
        ),
        LifeEvent(
            id="e_schulden",
            year=CASE_YEAR,
            title="Schulden; afsluiting van gas, water en licht dreigt",
            valence=-3,
            persons=[PIETER, "lina"],
            sensitive=True,
        ),
        LifeEvent(
            id="e_aanmelding",
            year=CASE_YEAR,
            title="Aanmelding bij MEE via de personeelsfunctionaris",
            valence=1,
            persons=[PIETER, "personeelsfunctionaris", "michel"],
        ),
        LifeEvent(
            id="e_beraad",
            year=CASE_YEAR,
            title="Familienetwerk-beraad",
            valence=2,
            persons=[PIETER, "lina", "michel", *BERAAD_FAMILIE, *BERAAD_PROFESSIONALS],
            note=(
                "Kennismakingsronde; een vijftal professionals geeft informatie en vertrekt; in "
                "de privétijd maken Pieter en Lina met hun netwerk een actieplan."
            ),
        ),
        LifeEvent(
            id="e_actieteam",
            year=CASE_YEAR + 1,
            title="Actieteam: voor het eerst volwaardig lid van de familie",
            valence=3,
            persons=[PIETER, "lina", *BERAAD_FAMILIE],
            note="Niet alles is opgelost, maar er is gelijkwaardigheid met de familie. " + year,
        ),
    ]


def build() -> Case:
    """The Tavenier case after the familienetwerk-beraad, with Pieter as the client."""
    return Case(
        id=CASE_ID,
        title="De familie Tavenier",
        client=PIETER,
        network=Network(
            persons=[*_household(), *_family(), *_others()],
            household=[PIETER, "lina", "dochter", "zoon", "jongste"],
            couples=[
                CoupleRelation(
                    id="huwelijk",
                    a=PIETER,
                    b="lina",
                    type=CoupleType.MARRIED,
                    start_year=1998,
                    note=f"Getrouwd (boek); samenwonen 1997, huwelijk 1998: {_INFERRED}.",
                )
            ],
            children=[
                ChildRelation(id="kind_dochter", child="dochter", parents=[PIETER, "lina"]),
                ChildRelation(id="kind_zoon", child="zoon", parents=[PIETER, "lina"]),
                ChildRelation(id="kind_jongste", child="jongste", parents=[PIETER, "lina"]),
                ChildRelation(id="kind_pieter", child=PIETER, parents=["moeder_pieter"]),
                ChildRelation(id="kind_broer", child="broer_pieter", parents=["moeder_pieter"]),
                ChildRelation(id="kind_zus", child="zus_pieter", parents=["moeder_pieter"]),
                ChildRelation(id="kind_lina", child="lina", parents=["moeder_lina"]),
            ],
            emotions=[
                EmotionalRelation(
                    id="zorg_lina_zoon",
                    a="lina",
                    b="zoon",
                    type=EmotionalType.CARE,
                    note="Helpt hem met eten, aankleden, tanden poetsen en de toiletgang.",
                ),
                EmotionalRelation(
                    id="zorg_pieter_lina",
                    a=PIETER,
                    b="lina",
                    type=EmotionalType.CARE,
                    note="Neemt de afspraken rond de kinderen van haar over.",
                ),
            ],
            ties=_ties(),
            domains=_domains(),
            events=_events(),
        ),
        note=(
            "Voorbeeld uit hoofdstuk 7 van 'De zorgkracht van sociale netwerken' (2012): "
            "sociale netwerkstrategieën bij MEE. Het netwerk bestaat vooral uit familie van "
            "Pieter en contactpersonen van instellingen. Aanwezig bij het familienetwerk-beraad: "
            "familie van Pieter en een vijftal professionals."
        ),
        process=build_process(),
    )
