"""De familie Flodder: genogram en ecogram uit hoofdstuk 4 van het boek.

Source: ``seed/de-zorgkracht-van-sociale-netwerken.txt``, lines ~1689-1760 (genogram, with
emotional relations) and ~1767-1873 (ecogram). The book imagines the family "coming into view
for help in 2012". Everything the book does not say is marked in a ``note`` here and listed in
``docs/demo-cases.md``.
"""

from __future__ import annotations

from zorgkracht.domain import (
    Case,
    ChildRelation,
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

CASE_ID = "flodder"
MA = "ma"

AFGELEID = "afgeleid; het boek noemt dit niet"

# (child id, name, gender, birth year, father id, couple start, couple end).
# Order of the children is the book's (Johnie, Kees, Kees, Henkie, Toet), oldest first.
# Only the birth years of Henkie (2000) and Toet (2002) are in the book; the couple years are
# inferred so that each child falls inside its parents' marriage.
_CHILDREN: tuple[tuple[str, str, Gender, int | None, str, int, int], ...] = (
    ("johnie", "Johnie Flodder", Gender.MALE, None, "man1", 1978, 1982),
    ("kees_d", "Kees Flodder (dochter)", Gender.FEMALE, None, "man2", 1983, 1987),
    ("kees_z", "Kees Flodder (zoon)", Gender.MALE, None, "man3", 1988, 1993),
    ("henkie", "Henkie Flodder", Gender.MALE, 2000, "man4", 1998, 2001),
    ("toet", "Toet Flodder", Gender.FEMALE, 2002, "man5", 2001, 2004),
)

_ORDINALS = ("eerste", "tweede", "derde", "vierde", "vijfde")


def _persons() -> list[Person]:
    persons = [
        Person(
            id=MA,
            name="Geertruida (Ma) Flodder",
            gender=Gender.FEMALE,
            note="Indexpersoon (dubbele cirkel). Leeftijd onbekend volgens het boek ('??').",
        ),
    ]
    for child, name, gender, born, _father, _start, _end in _CHILDREN:
        persons.append(
            Person(
                id=child,
                name=name,
                gender=gender,
                birth_year=born,
                role=Role.CHILD,
                circle=Circle.INTIMACY,
                zone=Zone.NEIGHBOURHOOD,
                frequency=Frequency.DAILY,
                status=TieStatus.ACTIVE,
                note="" if born is not None else "Leeftijd onbekend volgens het boek ('??').",
            )
        )
    persons.extend(
        [
            Person(
                id="opa",
                name="Opa Flodder",
                gender=Gender.MALE,
                birth_year=1917,
                role=Role.ACQUAINTANCE,
                circle=Circle.INTIMACY,
                zone=Zone.NEIGHBOURHOOD,
                frequency=Frequency.DAILY,
                status=TieStatus.ACTIVE,
                receives_care=True,
                note=(
                    "'Opa' is een roepnaam: geen feitelijke vader of grootvader, geen deel van de "
                    "biologische familie maar wel van de functionele familie. Woont in het gezin; "
                    "daarom rol 'kennis' (geen verwant) maar cirkel 'intimiteit'. Ma Flodder zorgt "
                    "voor hem (l. 1733): hij krijgt zorg."
                ),
            ),
            Person(
                id="whiskey",
                name="Whiskey",
                pet="hond",
                note="De hond van het gezin; hoort bij het cliëntsysteem.",
            ),
        ]
    )
    for (_child, name, _gender, _born, father, _start, _end), ordinal in zip(
        _CHILDREN, _ORDINALS, strict=True
    ):
        first = name.split(" (")[0]
        persons.append(
            Person(
                id=father,
                name=f"?? (vader van {first})",
                gender=Gender.MALE,
                role=Role.PARTNER,
                note=(
                    f"De {ordinal} man van Ma Flodder; naam en leeftijd onbekend. Getrouwd en "
                    "gescheiden: een ex-partner uit het genogram, geen vervaagd contact om nieuw "
                    f"leven in te blazen; het boek zegt niets over contact. Man (vierkant) is "
                    f"{AFGELEID}."
                ),
            )
        )
    persons.extend(
        [
            Person(
                id="sjakie",
                name="Sjakie",
                gender=Gender.MALE,
                role=Role.PROFESSIONAL,
                circle=Circle.SERVICES,
                zone=Zone.TOWN,
                frequency=Frequency.WEEKLY,
                status=TieStatus.ACTIVE,
                note="Sociaal werker, 'erg gericht op helpen'. Geslacht uit de film.",
            ),
            Person(
                id="wethouder",
                name="Wethouder",
                role=Role.PROFESSIONAL,
                circle=Circle.SERVICES,
                zone=Zone.TOWN,
                frequency=Frequency.RARELY,
                status=TieStatus.ACTIVE,
                note="Wordt maar moeizaam overtuigd van de herhuisvesting; 'duidelijk grote "
                "twijfels'.",
            ),
            Person(
                id="buurman",
                name="Buurman (legercommandant)",
                gender=Gender.MALE,
                role=Role.NEIGHBOUR,
                circle=Circle.ACQUAINTANCE,
                zone=Zone.NEIGHBOURHOOD,
                frequency=Frequency.WEEKLY,
                status=TieStatus.DISTURBED,
                note="De militair van hiernaast in Zonnedael.",
            ),
            Person(
                id="jolanda",
                name="Jolanda",
                gender=Gender.FEMALE,
                role=Role.NEIGHBOUR,
                circle=Circle.ACQUAINTANCE,
                zone=Zone.NEIGHBOURHOOD,
                frequency=Frequency.WEEKLY,
                status=TieStatus.ACTIVE,
                note="De vrouw van de militair; anders dan de tennisclub niet tegen het gezin.",
            ),
        ]
    )
    return persons


def _couples_and_children() -> tuple[list[CoupleRelation], list[ChildRelation]]:
    couples: list[CoupleRelation] = []
    children: list[ChildRelation] = []
    for n, (child, _name, _gender, _born, father, start, end) in enumerate(_CHILDREN, start=1):
        couples.append(
            CoupleRelation(
                id=f"huwelijk{n}",
                a=MA,
                b=father,
                type=CoupleType.DIVORCED,
                start_year=start,
                end_year=end,
                note=f"Getrouwd en gescheiden (boek); jaartallen {AFGELEID}.",
            )
        )
        children.append(ChildRelation(id=f"kind_{child}", child=child, parents=[MA, father]))
    return couples, children


def _emotions() -> list[EmotionalRelation]:
    return [
        EmotionalRelation(
            id="zorg_opa",
            a=MA,
            b="opa",
            type=EmotionalType.CARE,
            note="Ma Flodder zorgt voor opa.",
        ),
        EmotionalRelation(
            id="vijandig_johnie_opa", a="johnie", b="opa", type=EmotionalType.HOSTILE
        ),
        EmotionalRelation(id="vijandig_kees_opa", a="kees_z", b="opa", type=EmotionalType.HOSTILE),
        EmotionalRelation(
            id="hecht_kees_kees",
            a="kees_z",
            b="kees_d",
            type=EmotionalType.CLOSE,
            sensitive=True,
            note=(
                "Erg hechte relatie. Er bestaat geen symbool voor de bijna incestueuze relatie; "
                "het boek raadt een notitie aan."
            ),
        ),
    ]


def _domains() -> list[Domain]:
    return [
        Domain(
            id="d_wonen",
            name="Wonen",
            kind=DomainKind.HOUSING,
            note="De gedwongen verhuizing naar Zonnedael is de oorzaak van alles.",
        ),
        Domain(
            id="d_werk",
            name="Werk (incl. zwart & illegaal werk)",
            kind=DomainKind.WORK,
        ),
        Domain(
            id="d_school",
            name="School",
            kind=DomainKind.SCHOOL,
            note="De kinderen gaan een week na de verhuizing nog niet naar school.",
        ),
        Domain(
            id="d_media",
            name="Media",
            kind=DomainKind.MEDIA,
            note="Rol bij zowel het begin als het einde van de film.",
        ),
        Domain(
            id="d_gemeente",
            name="Gemeente, corporatie",
            kind=DomainKind.MUNICIPALITY,
            members=["wethouder"],
        ),
        Domain(
            id="d_sociaal_werk",
            name="Sociaal werk",
            kind=DomainKind.SOCIAL_WORK,
            members=["sjakie"],
        ),
        Domain(
            id="d_buurt",
            name="Zonnedael, Amstelhaege",
            kind=DomainKind.NEIGHBOURHOOD,
            members=["buurman", "jolanda"],
            note="Niet de hele wijk is tegen het gezin.",
        ),
        Domain(
            id="d_tennisclub",
            name="Tennisclub",
            kind=DomainKind.SPORTS,
            note="De leden van de tennisclub zijn wel tegen het gezin.",
        ),
    ]


def _ties() -> list[Tie]:
    inferred = f"Sterkte en steunletters {AFGELEID}."
    return [
        Tie(
            id="t_wonen",
            a=MA,
            b="d_wonen",
            strength=3,
            quality=Quality.TENSE,
            direction=Direction.TO_CLIENT,
            support={Support.PRACTICAL},
            note="Gedwongen verhuizing; een huis in een nette wijk. " + inferred,
        ),
        Tie(
            id="t_werk",
            a=MA,
            b="d_werk",
            strength=2,
            quality=Quality.TENSE,
            direction=Direction.BOTH,
            support={Support.PRACTICAL},
            note="Inkomen uit zwart en illegaal werk. " + inferred,
        ),
        Tie(
            id="t_school",
            a=MA,
            b="d_school",
            strength=1,
            quality=Quality.TENSE,
            note="Kinderen gaan nog niet naar school. " + inferred,
        ),
        Tie(
            id="t_media",
            a=MA,
            b="d_media",
            strength=1,
            quality=Quality.TENSE,
            direction=Direction.FROM_CLIENT,
            note="De media volgen het gezin. " + inferred,
        ),
        Tie(
            id="t_wethouder",
            a=MA,
            b="wethouder",
            strength=2,
            quality=Quality.TENSE,
            direction=Direction.NONE,
            note="De wethouder twijfelt aan de herhuisvesting. " + inferred,
        ),
        Tie(
            id="t_sjakie",
            a=MA,
            b="sjakie",
            strength=3,
            quality=Quality.POSITIVE,
            direction=Direction.TO_CLIENT,
            support={Support.PRACTICAL, Support.ADVICE, Support.EMOTIONAL},
            reciprocal=False,
            note="Sjakie is erg gericht op helpen. " + inferred,
        ),
        Tie(
            id="t_buurman",
            a=MA,
            b="buurman",
            strength=2,
            quality=Quality.CONFLICT,
            direction=Direction.NONE,
            note="Conflict met de buurman. " + inferred,
        ),
        Tie(
            id="t_jolanda",
            a=MA,
            b="jolanda",
            strength=1,
            quality=Quality.POSITIVE,
            direction=Direction.BOTH,
            support={Support.COMPANIONSHIP},
            reciprocal=True,
            note="Jolanda is niet tegen het gezin. " + inferred,
        ),
        Tie(
            id="t_opa",
            a=MA,
            b="opa",
            strength=3,
            quality=Quality.POSITIVE,
            direction=Direction.FROM_CLIENT,
            client_care_tasks={CareTask.HOUSEHOLD},
            note=(
                "Ma Flodder zorgt voor opa (l. 1733, de zorglijn in het genogram). Welke taken en "
                f"hoeveel uur: {AFGELEID}; daarom geen uren."
            ),
        ),
        Tie(
            id="t_tennisclub",
            a=MA,
            b="d_tennisclub",
            strength=2,
            quality=Quality.CONFLICT,
            direction=Direction.NONE,
            note="De leden van de tennisclub zijn tegen het gezin. " + inferred,
        ),
    ]


def _events() -> list[LifeEvent]:
    inferred = f"Jaartal en waardering {AFGELEID}."
    return [
        LifeEvent(
            id="e_henkie",
            year=2000,
            title="Henkie geboren",
            valence=2,
            persons=[MA, "henkie"],
            note="Geboortejaar uit het genogram. Waardering " + AFGELEID + ".",
        ),
        LifeEvent(
            id="e_toet",
            year=2002,
            title="Toet geboren",
            valence=2,
            persons=[MA, "toet"],
            note="Geboortejaar uit het genogram. Waardering " + AFGELEID + ".",
        ),
        LifeEvent(
            id="e_verhuizing",
            year=2012,
            title="Gedwongen verhuizing naar Zonnedael",
            valence=-2,
            persons=[MA, "johnie", "kees_d", "kees_z", "henkie", "toet", "opa", "whiskey"],
            note="De oorzaak van alles wat er zich afspeelt. " + inferred,
        ),
        LifeEvent(
            id="e_school",
            year=2012,
            title="Kinderen een week na de verhuizing nog niet naar school",
            valence=-1,
            persons=["henkie", "toet"],
            note=inferred,
        ),
        LifeEvent(
            id="e_feest",
            year=2012,
            title="Het grote feest: de buurt komt toch",
            valence=2,
            persons=[MA, "jolanda", "buurman"],
            note="Niet iedereen komt met dezelfde intenties. " + inferred,
        ),
    ]


def build() -> Case:
    """The Flodder case as the book draws it, with the inferences marked in notes."""
    couples, children = _couples_and_children()
    network = Network(
        persons=_persons(),
        household=[MA, "johnie", "kees_d", "kees_z", "henkie", "toet", "opa", "whiskey"],
        couples=couples,
        children=children,
        emotions=_emotions(),
        ties=_ties(),
        domains=_domains(),
        events=_events(),
    )
    return Case(
        id=CASE_ID,
        title="De familie Flodder",
        client=MA,
        index_person=MA,
        network=network,
        note=(
            "Voorbeeld uit hoofdstuk 4 van 'De zorgkracht van sociale netwerken' (2012): de "
            "familie Flodder uit de film, alsof zij in 2012 in beeld komt voor hulpverlening. "
            "Genogram en ecogram volgen het boek; wat het boek niet zegt is aangevuld en staat "
            "in de notities en in docs/demo-cases.md."
        ),
    )
