"""A process with every record and every field filled (none at its default), over the persons
and snapshots of :func:`~.samples.sample_case`, keeping every process rule: actions and
evaluations name existing questions, invitees are allowed to be asked and are not the client,
the coordinator is a member, ends are not before starts, hours within 0–168."""

from __future__ import annotations

import dataclasses
import datetime as dt

from zorgkracht.domain import Case
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
    AgendaPhase,
    ClosingReason,
    MeetingKind,
    Part,
    Phasing,
    ProfessionalRole,
    QuestionStatus,
    Reply,
)

from .samples import sample_case


def full_process() -> Process:
    return Process(
        phasing=Phasing.COACH,
        referral=Referral(
            date=dt.date(2026, 1, 5),
            referrer_name="Huisarts Jansen",
            referrer_organisation="Praktijk Oost",
            referrer_role="huisarts",
            reason="Overbelast",
            question="Kan het netwerk helpen?",
            services="Thuiszorg",
        ),
        intake=Intake(
            date=dt.date(2026, 1, 12),
            own_words="Ik wil weer eens naar buiten — “samen”.",
            rephrased="Sociaal isolement verminderen",
            wishes="Wandelen",
            motivation="Hoog",
            report="Gesprek aan de keukentafel",
            network_summary="Klein netwerk, buur is betrokken",
        ),
        coach=CoachMatch(
            coordinator="Carmen",
            coach="Ada",
            matched_on=dt.date(2026, 1, 20),
            reason="Beiden houden van wandelen",
        ),
        help_questions=[
            HelpQuestion(
                id="hq2",
                text="Wie gaat met mij wandelen?",
                asked_by="buur",
                asked_on=dt.date(2026, 1, 12),
                persons=["buur", "broer"],
                priority=1,
                status=QuestionStatus.IN_PROGRESS,
                rephrased="Beweging en contact",
                sensitive=True,
                note="Liefst 's ochtends",
            ),
            HelpQuestion(id="hq1", text="Boodschappen", priority=2, status=QuestionStatus.LET_GO),
        ],
        meetings=[
            Meeting(
                id="mt1",
                kind=MeetingKind.ROUND_POSITIVE,
                date=dt.date(2026, 2, 3),
                start=dt.time(19, 30),
                minutes=90,
                place="Buurthuis",
                facilitator="Ada",
                invitees=[
                    Invitee(person="buur", reply=Reply.YES, present=True),
                    Invitee(person="broer", reply=Reply.NO, present=False),
                ],
                questions=["hq2", "hq1"],
                phase=AgendaPhase.PRIVATE_TIME,
                held=True,
                leaflet=False,
                note="Koffie",
            )
        ],
        actions=[
            Action(
                id="ac1",
                help_question="hq2",
                description="Wandelen op zaterdag",
                persons=[
                    ActionPerson(person="buur", part=Part.DOES, hours_per_week=1.5),
                    ActionPerson(person="broer", part=Part.THINKS_ALONG),
                ],
                start=dt.date(2026, 2, 7),
                end=dt.date(2026, 6, 27),
                frequency=ActionFrequency.WEEKLY,
                hours_per_week=2.25,
                status=ActionStatus.ONGOING,
                gives_back="Soep koken",
                sensitive=True,
                note="Bij regen niet",
            )
        ],
        team=Team(
            members=["buur", "broer"],
            coordinator="buur",
            professional="Ada",
            professional_role=ProfessionalRole.COACH,
        ),
        evaluations=[
            Evaluation(
                id="evl1",
                date=dt.date(2026, 7, 1),
                help_question="hq2",
                action="ac1",
                done=True,
                effect="Ik kom weer buiten",
                goal_reached=False,
                words="Fijn, maar nog te weinig",
                before="s-begin",
                after="current",
                note="Herhalen in september",
            )
        ],
        closing=Closing(
            date=dt.date(2026, 9, 1),
            reason=ClosingReason.CLIENT_CHOICE,
            activity="Taart",
            aftercare_contact="Ada belt en komt langs",
            aftercare_date=dt.date(2026, 12, 1),
            warning_signs="Gordijnen dicht",
            call=["buur"],
            call_others="Wijkteam 020-1234567",
            way_back="Bel de coördinator",
            referred_to="Welzijn",
        ),
        steps=[
            StepRecord(step=1, done_on=dt.date(2026, 1, 12), note="Intake"),
            StepRecord(step=4),
        ],
    )


def case_with_process(case_id: str = "zorg-1") -> Case:
    """The sample case with :func:`full_process`."""
    return dataclasses.replace(sample_case(case_id), process=full_process())
