"""The process of the Tavenier case: sociale netwerkstrategieën from referral to action team.

Source: ``seed/de-zorgkracht-van-sociale-netwerken.txt`` ch. 7: the referral by the personnel
officer (l. 3504-3518), the intake with Michel and the client's own questions against the
organisation's wording (l. 3520-3553), the network in view (l. 3598-3633), the help questions
exactly as the book lists them (l. 3634-3648), the familienetwerk-beraad with whom Pieter and
Lina invited (l. 3650-3702) and the action team with Michel as process guide at a distance
(l. 3704-3720). The book gives no dates, no order of the questions and no actions by name;
what is filled in says so in its note (``afgeleid; het boek noemt dit niet``).
"""

from __future__ import annotations

import datetime as dt

from zorgkracht.domain.process import (
    Action,
    ActionPerson,
    Evaluation,
    HelpQuestion,
    Intake,
    Invitee,
    Meeting,
    Process,
    Referral,
    StepRecord,
    Team,
)
from zorgkracht.domain.process_codes import (
    ActionFrequency,
    ActionStatus,
    AgendaPhase,
    MeetingKind,
    Part,
    Phasing,
    ProfessionalRole,
    QuestionStatus,
    Reply,
)

_INFERRED = "afgeleid; het boek noemt dit niet"

HULPVRAGEN = (
    "Wie kan er met Lina, eventueel met de kinderen, naar afspraken toe gaan, zodat Pieter "
    "minder hoeft te snipperen op zijn werk?",
    "Hoe kunnen Pieter en Lina samen meer ontspannende, leuke activiteiten ondernemen, zoals "
    "teken- of schilderles en samen zwemmen? Wie kan er hierbij op de kinderen passen?",
    "Hoe kan een vakantie met het gehele gezin gerealiseerd worden?",
    "Hoe kan er een ander gasfornuis, vloerbedekking op de slaapkamers, bestrating in de tuin "
    "en een kast op de kamer van Lina en Pieter gerealiseerd worden?",
    "Hoe kunnen Pieter en Lina vriendschappen aangaan en onderhouden?",
    "Hoe kan Lina realiseren dat ze een rijbewijs heeft?",
)
"""The help questions in the book's words and order (l. 3634-3648)."""

# Invited by Pieter and Lina with Michel (l. 3669-3671): "een aantal familieleden" and "een
# vijftal professionals" who gave information and then left (l. 3688-3689); which ones is
# inferred, as in the network (persons' notes and the event of the meeting).
BERAAD_FAMILIE = ("moeder_pieter", "broer_pieter", "zus_pieter")
BERAAD_PROFESSIONALS = (
    "personeelsfunctionaris",
    "leerkracht",
    "therapeut",
    "schuldhulpverlener",
    "gezinsbegeleider",
)

QUESTIONS_ON = dt.date(2011, 5, 16)
MEETING_ON = dt.date(2011, 6, 20)
KIDS = ["dochter", "zoon", "jongste"]


def _question(n: int, persons: list[str], priority: int, status: QuestionStatus) -> HelpQuestion:
    return HelpQuestion(
        id=f"hq{n}",
        text=HULPVRAGEN[n - 1],
        asked_on=QUESTIONS_ON,
        persons=persons,
        priority=priority,
        status=status,
        note=f"Tekst uit het boek (l. 3634-3648); datum, prioriteit en status {_INFERRED}.",
    )


def help_questions() -> list[HelpQuestion]:
    """The six questions; the top 3 follows the book's stress on Pieter's days off and the
    couple's lack of time together (l. 3582-3593)."""
    hq1 = _question(1, ["lina", *KIDS], 1, QuestionStatus.REACHED)
    hq1.rephrased = "Ontlasting van de mantelzorger; vervoer en begeleiding naar afspraken."
    hq2 = _question(2, ["lina", *KIDS], 2, QuestionStatus.IN_PROGRESS)
    hq2.rephrased = "Versterken van de draagkracht van het echtpaar; respijtzorg."
    return [
        hq1,
        hq2,
        _question(3, ["lina", *KIDS], 4, QuestionStatus.OPEN),
        _question(4, ["lina"], 5, QuestionStatus.IN_PROGRESS),
        _question(5, ["lina"], 3, QuestionStatus.IN_PROGRESS),
        _question(6, ["lina"], 6, QuestionStatus.OPEN),
    ]


def meeting() -> Meeting:
    """The familienetwerk-beraad: invitation with agenda, questions and a leaflet (l.
    3669-3674), introductions, the information phase after which the professionals leave,
    private time and the plan back to everyone (l. 3676-3702)."""
    return Meeting(
        id="mt1",
        kind=MeetingKind.NETWORK_MEETING,
        date=MEETING_ON,
        start=dt.time(19, 30),
        minutes=150,
        place="Thuis bij de familie Tavenier",
        facilitator="Michel Scheerder (MEE)",
        invitees=[
            Invitee(person=p, reply=Reply.YES, present=True)
            for p in (*BERAAD_FAMILIE, *BERAAD_PROFESSIONALS)
        ],
        questions=[f"hq{n}" for n in range(1, len(HULPVRAGEN) + 1)],
        phase=AgendaPhase.PLAN_BACK,
        held=True,
        leaflet=True,
        note=(
            "Vijf professionals gaven informatie en namen daarna afscheid (l. 3688-3689); in "
            "de privétijd maakten Pieter en Lina met hun familie een actieplan (l. 3689-3692). "
            f"Datum, tijd, plaats en wie precies: {_INFERRED}."
        ),
    )


def _plan(
    n: int,
    question: int,
    description: str,
    persons: list[ActionPerson],
    status: ActionStatus,
    **more: object,
) -> Action:
    action = Action(
        id=f"ac{n}",
        help_question=f"hq{question}",
        description=description,
        persons=persons,
        status=status,
        note=f"Uit het actieplan van het beraad (l. 3692-3702); wie wat doet: {_INFERRED}.",
    )
    for name, value in more.items():
        setattr(action, name, value)
    return action


def actions() -> list[Action]:
    """The action plan, tied to the questions. The plan was not carried out in every part
    (l. 3711-3713): the driving licence has no action, the holiday is still being looked into."""
    start = dt.date(2011, 7, 1)
    return [
        _plan(
            1,
            1,
            "Met Lina (en zo nodig de kinderen) naar afspraken gaan",
            [ActionPerson(person="zus_pieter")],
            ActionStatus.ONGOING,
            start=start,
            frequency=ActionFrequency.WEEKLY,
            hours_per_week=2.0,
        ),
        _plan(
            2,
            2,
            "Op de kinderen passen als Pieter en Lina samen naar schilderles of zwemmen gaan",
            [
                ActionPerson(person="moeder_pieter"),
                ActionPerson(person="zus_pieter", part=Part.THINKS_ALONG),
            ],
            ActionStatus.ONGOING,
            start=start,
            frequency=ActionFrequency.WEEKLY,
            hours_per_week=3.0,
        ),
        _plan(
            3,
            4,
            "Vloerbedekking op de slaapkamers leggen en de tuin bestraten",
            [ActionPerson(person="broer_pieter")],
            ActionStatus.DONE,
            start=dt.date(2011, 7, 2),
            end=dt.date(2011, 8, 27),
            frequency=ActionFrequency.WEEKLY,
            hours_per_week=4.0,
            gives_back=(
                "Steun gaat nu over en weer: gelijkwaardigheid maakt geven en ontvangen "
                "makkelijker (l. 3718-3720)."
            ),
        ),
        _plan(
            4,
            4,
            "Uitzoeken hoe een ander gasfornuis en een kast betaald kunnen worden",
            [ActionPerson(person="moeder_pieter", part=Part.THINKS_ALONG)],
            ActionStatus.PLANNED,
            start=dt.date(2011, 9, 1),
        ),
        _plan(
            5,
            5,
            "Pieter en Lina meenemen naar verjaardagen en uitjes van de familie en hun vrienden",
            [
                ActionPerson(person="zus_pieter"),
                ActionPerson(person="broer_pieter", hours_per_week=0.5),
            ],
            ActionStatus.ONGOING,
            start=start,
            frequency=ActionFrequency.MONTHLY,
            hours_per_week=1.0,
        ),
        _plan(
            6,
            3,
            "Een betaalbaar vakantieadres voor het hele gezin zoeken",
            [
                ActionPerson(person="zus_pieter", part=Part.THINKS_ALONG),
                ActionPerson(person="broer_pieter", part=Part.THINKS_ALONG),
            ],
            ActionStatus.PLANNED,
            start=dt.date(2012, 1, 1),
            end=dt.date(2012, 4, 1),
            frequency=ActionFrequency.ONCE,
        ),
    ]


def build_process() -> Process:
    """The whole SNS process of the Tavenier family (ch. 7)."""
    return Process(
        phasing=Phasing.SNS,
        referral=Referral(
            date=dt.date(2011, 3, 14),
            referrer_name="Personeelsfunctionaris",
            referrer_organisation="Sociale werkplaats",
            referrer_role="personeelsfunctionaris van Pieter",
            reason=(
                "Grote zorgen over de financiële situatie: schulden, en grote kans dat het "
                "gezin wordt afgesloten van gas, water en licht (l. 3506-3510)."
            ),
            question="Ondersteuning bij de financiën (l. 3510).",
            services="Volgens Pieter zijn ze bekend met MEE (l. 3517-3518).",
        ),
        intake=Intake(
            date=dt.date(2011, 4, 4),
            own_words=(
                "Wie kan er met Lina naar afspraken, zodat Pieter minder hoeft te snipperen? "
                "Hoe kunnen wij samen iets leuks doen, en wie past dan op de kinderen? "
                "(de vragen van Pieter en Lina zelf, l. 3543-3544, 3634-3648)"
            ),
            rephrased=(
                "Ondersteuning bij de financiën (de hulpvraag bij de aanmelding, l. 3510); "
                "zo worden vragen 'gekanteld naar professioneel aanbod' (l. 3545-3549)."
            ),
            wishes=(
                "Meer tijd voor elkaar en dingen samen doen die hun draagkracht versterken "
                "(l. 3582-3583)."
            ),
            motivation=(
                "Pieter en Lina doen erg hun best er voor de kinderen te zijn, maar hebben "
                "moeite het hoofd boven water te houden (l. 3584-3586)."
            ),
            report=(
                "Drie kinderen met beperkingen op het speciaal onderwijs; Lina heeft psychische "
                "en lichamelijke klachten; Pieter neemt snipperdagen voor de afspraken en "
                "toont signalen van overbelasting (l. 3554-3593). Terughoudend over de "
                "financiën (l. 3535-3538)."
            ),
            network_summary=(
                "Vooral familie van Pieter en contactpersonen van instellingen; contact met de "
                "familie van Lina in Duitsland (l. 3630-3633). Levenslijn, genogram en ecogram "
                "(l. 3609-3617)."
            ),
        ),
        help_questions=help_questions(),
        meetings=[meeting()],
        actions=actions(),
        team=Team(
            members=[*BERAAD_FAMILIE, "lina"],
            coordinator="zus_pieter",
            professional="Michel Scheerder (MEE)",
            professional_role=ProfessionalRole.COACH,
        ),
        evaluations=[
            Evaluation(
                id="evl1",
                date=dt.date(2012, 3, 5),
                done=False,
                effect=(
                    "Meer verbondenheid met de mensen om hen heen; gelijkwaardigheid met de "
                    "familie, zodat steun geven, vragen en ontvangen makkelijker gaat "
                    "(l. 3716-3720)."
                ),
                words=(
                    "Voor het eerst in ons leven zijn we volwaardig lid van de familie en "
                    "worden we serieus genomen (l. 3714-3715)."
                ),
                note=(
                    "Het actieplan is niet op alle onderdelen uitgevoerd en niet alle problemen "
                    f"zijn opgelost (l. 3711-3713). Datum {_INFERRED}."
                ),
            )
        ],
        steps=[
            StepRecord(
                step=1,
                done_on=QUESTIONS_ON,
                note="Levenslijn, genogram en ecogram; de hulpvragen (l. 3609-3648).",
            ),
            StepRecord(
                step=2,
                done_on=MEETING_ON,
                note="Familienetwerk-beraad met familie en vijf professionals (l. 3669-3692).",
            ),
            StepRecord(
                step=3,
                note=(
                    "Het actieteam blijft; Michel wordt procesbegeleider op afstand (l. 3704-3711)."
                ),
            ),
        ],
    )
