"""The process of Ada's case: a coach trajectory of 'Natuurlijk een netwerkcoach!' (ch. 8).

Source: ``seed/de-zorgkracht-van-sociale-netwerken.txt``: the ten steps of table 8.1
(l. 3914-4058), Ada and Carmen (l. 4091-4331) and the lessons on closing in both coach cases
(Ada l. 4236-4241, Pauline l. 5196-5209, Lisa l. 5262-5266). The book follows Ada's story, not
the workbook: Carmen put the map with goals aside (l. 4223-4228) and the contacts came back
"eigenlijk vanzelf" (l. 4184-4186). So the steps carry what the book tells of each; there was no
netwerkberaad, which the record of step 6 says; dates, hours and the relapse plan are filled in
and say so (``afgeleid; het boek noemt dit niet``).
"""

from __future__ import annotations

import datetime as dt

from zorgkracht.domain.process import (
    Action,
    ActionPerson,
    Closing,
    CoachMatch,
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
    ClosingReason,
    MeetingKind,
    Part,
    Phasing,
    ProfessionalRole,
    QuestionStatus,
    Reply,
)

_INFERRED = "afgeleid; het boek noemt dit niet"

BEFORE = "aanmelding"
"""The snapshot of the network at the referral."""
AFTER = "eind"
"""The snapshot of the network at the end of the coaching."""

INTAKE_ON = dt.date(2010, 9, 1)
MATCHED_ON = dt.date(2010, 9, 8)
NETWORK_TURN = dt.date(2011, 3, 7)
"""After half a year of listening the network comes up (l. 4153-4155, 4173-4175)."""
CLOSED_ON = dt.date(2011, 9, 15)


def help_questions() -> list[HelpQuestion]:
    """What Ada would like to do, what helps her relax and worry less (l. 4176-4178), and
    people to tell her story to and back (l. 4201-4203); the follow-up help came later
    (l. 4188-4195)."""

    def q(n: int, text: str, priority: int | None, status: QuestionStatus) -> HelpQuestion:
        return HelpQuestion(
            id=f"hq{n}",
            text=text,
            asked_on=NETWORK_TURN if n <= 3 else dt.date(2011, 6, 6),
            priority=priority,
            status=status,
            note=f"In de ik-vorm uit het boek; datum en prioriteit {_INFERRED}.",
        )

    hq1 = q(
        1,
        "Iets leuks doen waarbij ik ontspan en minder pieker.",
        1,
        QuestionStatus.REACHED,
    )
    hq1.persons = ["cursisten"]
    hq2 = q(
        2,
        "Weer mensen hebben bij wie ik mijn verhaal kwijt kan, en andersom.",
        2,
        QuestionStatus.REACHED,
    )
    hq2.persons = ["kennis", "buurvrouw1", "buurvrouw2"]
    hq2.rephrased = "Versterken en uitbreiden van het sociale netwerk (l. 3868-3870)."
    hq3 = q(3, "Weer durven sporten.", 3, QuestionStatus.REACHED)
    hq3.persons = ["buurvrouw1"]
    hq4 = q(
        4,
        "Zaken uit het verleden een plaats geven, zodat ik niet weer alleen kom te staan.",
        4,
        QuestionStatus.IN_PROGRESS,
    )
    hq4.persons = ["therapeut"]
    hq5 = q(
        5,
        "Mira steunen in haar contact met haar vader, zonder haar met negatieve verhalen te "
        "belasten.",
        None,
        QuestionStatus.REACHED,
    )
    hq5.asked_on = INTAKE_ON
    hq5.persons = ["mira", "ex"]
    hq5.sensitive = True
    hq5.note = (
        "l. 4120-4123; Ada laat Mira meer los en vertrouwt op haar kracht (l. 4168-4171). "
        "Gevoelig: gaat over de ex-man."
    )
    return [hq1, hq2, hq3, hq4, hq5]


def meetings() -> list[Meeting]:
    """Step 5 and step 6 as the book tells them."""
    return [
        Meeting(
            id="mt1",
            kind=MeetingKind.ROUND_POSITIVE,
            date=NETWORK_TURN,
            place="Thuis bij Ada",
            facilitator="Carmen van Straalen",
            invitees=[Invitee(person="carmen", reply=Reply.YES, present=True)],
            held=True,
            leaflet=False,
            note=(
                "Ada en Carmen zetten op een rij wat Ada leuk zou vinden om te doen en wat "
                "haar helpt te ontspannen en minder te piekeren (l. 4176-4178). Het boek noemt "
                "geen anderen die Ada op een positieve manier beschreven (l. 4009-4015)."
            ),
        ),
        Meeting(
            id="mt2",
            kind=MeetingKind.NETWORK_MEETING,
            held=False,
            leaflet=False,
            note=(
                "Niet gehouden. Het boek: de contacten met een goede kennis en twee "
                "buurvrouwen kwamen 'eigenlijk vanzelf' weer op gang (l. 4184-4186), en Carmen "
                "werkte niet met een strak schema (l. 4222-4228). De stappen zijn handvatten, "
                "geen voorschrift (l. 4066-4069)."
            ),
        ),
    ]


def actions() -> list[Action]:
    """Small steps, "babystapjes" (l. 4206-4211); hours a week are inferred."""
    note = f"Uren per week en data {_INFERRED}."
    return [
        Action(
            id="ac1",
            help_question="hq2",
            description="Regelmatig op bezoek: een luisterend oor, structuur en houvast",
            persons=[ActionPerson(person="carmen")],
            start=MATCHED_ON,
            end=CLOSED_ON,
            frequency=ActionFrequency.WEEKLY,
            hours_per_week=2.0,
            status=ActionStatus.DONE,
            note="l. 4151-4155, 4250-4253. " + note,
        ),
        Action(
            id="ac2",
            help_question="hq1",
            description="Aanmelden bij een schildercursus en een aantal lessen volgen",
            persons=[ActionPerson(person="carmen", part=Part.THINKS_ALONG)],
            start=dt.date(2011, 3, 21),
            end=dt.date(2011, 6, 27),
            frequency=ActionFrequency.WEEKLY,
            status=ActionStatus.DONE,
            note="l. 4178-4182. " + note,
        ),
        Action(
            id="ac3",
            help_question="hq2",
            description="Het contact met een goede kennis en twee buurvrouwen weer oppakken",
            persons=[
                ActionPerson(person="kennis"),
                ActionPerson(person="buurvrouw2", hours_per_week=0.5),
                ActionPerson(person="carmen", part=Part.THINKS_ALONG),
            ],
            start=dt.date(2011, 4, 4),
            frequency=ActionFrequency.WEEKLY,
            hours_per_week=1.0,
            status=ActionStatus.ONGOING,
            gives_back="Ada luistert ook naar hun verhaal (l. 4202-4203).",
            note="l. 4184-4186, 4286-4288. " + note,
        ),
        Action(
            id="ac4",
            help_question="hq3",
            description="Samen met de buurvrouw sporten",
            persons=[ActionPerson(person="buurvrouw1")],
            start=dt.date(2011, 5, 2),
            frequency=ActionFrequency.WEEKLY,
            hours_per_week=1.5,
            status=ActionStatus.ONGOING,
            note="l. 4186, 4203-4204. " + note,
        ),
        Action(
            id="ac5",
            help_question="hq4",
            description="Geschikte vervolghulpverlening zoeken",
            persons=[
                ActionPerson(person="carmen", hours_per_week=0.5),
                ActionPerson(person="coordinator", part=Part.THINKS_ALONG),
            ],
            start=dt.date(2011, 6, 6),
            end=dt.date(2011, 8, 29),
            frequency=ActionFrequency.WEEKLY,
            status=ActionStatus.DONE,
            note="Na een lange zoektocht (l. 4192-4195, 4294-4296). " + note,
        ),
    ]


def evaluations() -> list[Evaluation]:
    """Step 10: were the plans carried out and did they have the effect (l. 4050-4058); the
    network at the referral against the network at the end."""
    return [
        Evaluation(
            id="evl1",
            date=dt.date(2011, 8, 29),
            help_question="hq1",
            action="ac2",
            done=True,
            effect="Langzaam weer meer zelfvertrouwen en plezier (l. 4181-4182).",
            goal_reached=True,
            words="Alleen al een schildercursus is al een overwinning (l. 4209-4210).",
        ),
        Evaluation(
            id="evl2",
            date=dt.date(2011, 8, 29),
            help_question="hq2",
            done=True,
            effect=(
                "Het isolement voor een belangrijk deel doorbroken: weer contact met een aantal "
                "mensen bij wie zij haar verhaal kwijt kan en andersom (l. 4201-4203)."
            ),
            goal_reached=True,
            words="Al zal je maar met één buurvrouw weer contact hebben (l. 4210-4211).",
            before=BEFORE,
            after=AFTER,
        ),
        Evaluation(
            id="evl3",
            date=dt.date(2011, 8, 29),
            help_question="hq4",
            done=True,
            goal_reached=False,
            effect=(
                "Een isolement blijft op de loer liggen (l. 4188-4190); de therapie begint "
                "binnenkort (l. 4192-4199)."
            ),
            words=(
                "De gesprekken met Carmen waren een voorstadium voor de therapie (l. 4197-4199)."
            ),
            before=BEFORE,
            after=AFTER,
        ),
    ]


def steps() -> list[StepRecord]:
    """The ten steps of table 8.1 with what the book tells of each in Ada's story."""
    told = [
        (
            1,
            dt.date(2010, 9, 15),
            "Huisbezoek met koffie en wat lekkers: 'dat ik niet de deur uit hoefde' "
            "(l. 4140-4143).",
        ),
        (2, dt.date(2011, 3, 7), "Carmen bracht het netwerk van Ada in kaart (l. 4302-4303)."),
        (
            3,
            dt.date(2011, 3, 7),
            "Goede contacten, 'letterlijk en figuurlijk verwaarloosd', "
            "maar kostbaar (l. 4283-4284).",
        ),
        (
            4,
            dt.date(2011, 3, 7),
            "Carmen benoemde zonder oordeel wat zij zag en hoorde (l. 4288-4290).",
        ),
        (5, NETWORK_TURN, "Op een rij wat Ada leuk vindt (l. 4176-4178)."),
        (6, None, "Geen netwerkberaad: de contacten kwamen vanzelf terug (l. 4184-4186)."),
        (
            7,
            dt.date(2011, 3, 14),
            "Schilderen, contacten, sporten; 'doe maar babystapjes' (l. 4206-4211).",
        ),
        (
            8,
            dt.date(2011, 3, 21),
            "Kleine stappen, geen map met doelstellingen (l. 4223-4228, 4286-4288).",
        ),
        (9, dt.date(2011, 8, 29), "Schildercursus, contacten en sporten (l. 4178-4186)."),
        (
            10,
            dt.date(2011, 8, 29),
            "Vervolghulp gezocht; isolement blijft op de loer liggen (l. 4188-4199).",
        ),
    ]
    return [StepRecord(step=n, done_on=on, note=note) for n, on, note in told]


def build_process() -> Process:
    """Ada's coach trajectory from the referral by jeugdzorg to closing with a relapse plan."""
    return Process(
        phasing=Phasing.COACH,
        referral=Referral(
            date=dt.date(2010, 8, 23),
            referrer_name="Jeugdzorg",
            referrer_organisation="Reguliere instelling voor jeugdzorg",
            referrer_role="intake jeugdzorg",
            reason=(
                "Ada heeft geen mensen meer om iets leuks mee te doen of om stoom af te blazen "
                "(l. 4132-4135)."
            ),
            question="Aanmelding bij het project 'Vrijwillige netwerkcoaches' van Humanitas.",
            services=(
                "Jeugdzorg kon geen begeleiding geven: de situatie was 'niet erg genoeg' "
                "(l. 4125-4128)."
            ),
        ),
        intake=Intake(
            date=INTAKE_ON,
            own_words=(
                "Ik heb eigenlijk geen mensen meer om iets leuks mee te doen of om stoom af te "
                "blazen; het groeit me boven het hoofd (l. 4132-4134, 4146-4147)."
            ),
            rephrased=(
                "Het sociale netwerk versterken of uitbreiden, zodat zij weer zelf een beroep "
                "kan doen op haar omgeving (l. 3837-3840, 3868-3870)."
            ),
            wishes="Een luisterend oor; iemand met wie het echt klikt (l. 4146-4155).",
            motivation=(
                "Zij wil haar dochter niet te veel belasten en daarom haar netwerk groter maken "
                "(l. 4270-4272)."
            ),
            report=(
                "Eerst wat huiverig voor een vrijwilliger (l. 4136-4138). Geïsoleerd na de "
                "scheiding; contacten onderhouden kost haar te veel energie (l. 4130-4132)."
            ),
        ),
        coach=CoachMatch(
            coordinator="Projectcoördinator Humanitas",
            coach="Carmen van Straalen",
            matched_on=MATCHED_ON,
            reason=(
                "Carmen werkte jarenlang in de jeugdzorg en is ook moeder, in een vergelijkbare "
                "levensfase; het klikte (l. 4145-4149, 4162-4166, 4259-4262)."
            ),
        ),
        help_questions=help_questions(),
        meetings=meetings(),
        actions=actions(),
        team=Team(
            members=["carmen", "kennis", "buurvrouw1", "buurvrouw2"],
            coordinator="carmen",
            professional="Projectcoördinator Humanitas",
            professional_role=ProfessionalRole.COACH,
        ),
        evaluations=evaluations(),
        closing=Closing(
            date=CLOSED_ON,
            reason=ClosingReason.REFERRED,
            activity=(
                f"Samen nog iets leuks doen om het contact af te sluiten, zoals Lisa en "
                f"Pauline (l. 5259-5260); {_INFERRED}."
            ),
            aftercare_contact=(
                "Carmen komt na een paar maanden nog een keer op bezoek om te praten over hoe "
                "het gaat en het traject te evalueren (l. 3884-3888): een telefoontje alleen is "
                "niet genoeg (l. 5206)."
            ),
            aftercare_date=dt.date(2011, 12, 12),
            warning_signs=(
                "Contacten laten verwateren omdat ze te veel energie kosten; niemand meer om "
                "stoom af te blazen; weer meer piekeren of alles bij Mira kwijt willen "
                "(l. 4130-4134, 4188-4190)."
            ),
            call=["kennis", "buurvrouw1", "coordinator"],
            call_others="De vervolghulpverlening (therapeut).",
            way_back=(
                "Ada belt de projectcoördinator van Humanitas en kan weer een beroep doen op "
                "een vrijwilliger, zo mogelijk Carmen (l. 4239-4241, 5263-5266)."
            ),
            referred_to=(
                "Vervolghulpverlening: therapie om zaken uit het verleden een plaats te geven "
                "(l. 4192-4195)."
            ),
        ),
        steps=steps(),
    )
