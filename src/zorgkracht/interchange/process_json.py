"""The process records in the case file (``zorgkracht/2``): documents and conversions.

A case file with a process is written as ``zorgkracht/2``; one without stays ``zorgkracht/1``
byte for byte, so that files that use nothing new still open in older versions. Fields equal
to their default are left out when writing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from zorgkracht.domain.bounds import CARE_HOURS, MEETING_MINUTES, PRIORITY, STEP
from zorgkracht.domain.limits import MAX_ID
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

Id = Annotated[str, Field(min_length=1, max_length=MAX_ID, pattern=r"^[^\s]+$")]
Hours = Annotated[float, Field(ge=CARE_HOURS.low, le=CARE_HOURS.high)]


class _Doc(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=False)


class ReferralDoc(_Doc):
    date: dt.date | None = None
    referrer_name: str = ""
    referrer_organisation: str = ""
    referrer_role: str = ""
    reason: str = ""
    question: str = Field(default="", description="The question as the referrer put it.")
    services: str = Field(default="", description="Services already involved.")


class IntakeDoc(_Doc):
    date: dt.date | None = None
    own_words: str = Field(default="", description="The client's questions in their own words.")
    rephrased: str = Field(default="", description="The organisation's rephrasing.")
    wishes: str = ""
    motivation: str = ""
    report: str = ""
    network_summary: str = ""


class CoachMatchDoc(_Doc):
    coordinator: str = ""
    coach: str = ""
    matched_on: dt.date | None = None
    reason: str = ""


class HelpQuestionDoc(_Doc):
    id: Id
    text: str = Field(min_length=1, description="In the client's own words.")
    asked_by: Id | None = Field(default=None, description="Who asked it; the client if absent.")
    asked_on: dt.date | None = None
    persons: list[Id] = []
    priority: Annotated[int, Field(ge=PRIORITY.low, le=PRIORITY.high)] | None = None
    status: QuestionStatus = QuestionStatus.OPEN
    rephrased: str = ""
    sensitive: bool = False
    note: str = ""


class InviteeDoc(_Doc):
    person: Id
    reply: Reply = Reply.PENDING
    present: bool | None = None


class MeetingDoc(_Doc):
    id: Id
    kind: MeetingKind = MeetingKind.NETWORK_MEETING
    date: dt.date | None = None
    start: dt.time | None = None
    minutes: Annotated[int, Field(ge=MEETING_MINUTES.low, le=MEETING_MINUTES.high)] | None = None
    place: str = ""
    facilitator: str = ""
    invitees: list[InviteeDoc] = []
    questions: list[Id] = Field(default=[], description="Help questions on its agenda.")
    phase: AgendaPhase | None = None
    held: bool = False
    leaflet: bool = True
    note: str = ""


class ActionPersonDoc(_Doc):
    person: Id
    part: Part = Part.DOES
    hours_per_week: Hours | None = None


class ActionDoc(_Doc):
    id: Id
    help_question: Id
    description: str = Field(min_length=1)
    persons: list[ActionPersonDoc] = []
    start: dt.date | None = None
    end: dt.date | None = None
    frequency: ActionFrequency | None = None
    hours_per_week: Hours | None = None
    status: ActionStatus = ActionStatus.PLANNED
    gives_back: str = Field(default="", description="What the client gives back.")
    sensitive: bool = False
    note: str = ""


class TeamDoc(_Doc):
    members: list[Id] = []
    coordinator: Id | None = None
    professional: str = ""
    professional_role: ProfessionalRole | None = None


class EvaluationDoc(_Doc):
    id: Id
    date: dt.date | None = None
    help_question: Id | None = None
    action: Id | None = None
    done: bool | None = None
    effect: str = ""
    goal_reached: bool | None = None
    words: str = ""
    before: Id | None = None
    after: Id | None = None
    note: str = ""


class ClosingDoc(_Doc):
    date: dt.date | None = None
    reason: ClosingReason = ClosingReason.GOALS_REACHED
    activity: str = ""
    aftercare_contact: str = ""
    aftercare_date: dt.date | None = None
    warning_signs: str = ""
    call: list[Id] = []
    call_others: str = ""
    way_back: str = ""
    referred_to: str = ""


class StepDoc(_Doc):
    step: Annotated[int, Field(ge=STEP.low, le=STEP.high)]
    done_on: dt.date | None = None
    note: str = ""


class ProcessDoc(_Doc):
    """From referral to closing (``shared/domain.md`` §12)."""

    phasing: Phasing | None = None
    referral: ReferralDoc | None = None
    intake: IntakeDoc | None = None
    coach: CoachMatchDoc | None = None
    help_questions: list[HelpQuestionDoc] = []
    meetings: list[MeetingDoc] = []
    actions: list[ActionDoc] = []
    team: TeamDoc | None = None
    evaluations: list[EvaluationDoc] = []
    closing: ClosingDoc | None = None
    steps: list[StepDoc] = []


def _plain(doc: BaseModel | None, cls: type[Any]) -> Any:
    return None if doc is None else cls(**dict(doc))


def question_from_doc(q: HelpQuestionDoc) -> HelpQuestion:
    return HelpQuestion(**{**dict(q), "persons": list(q.persons)})


def meeting_from_doc(m: MeetingDoc) -> Meeting:
    invitees = [Invitee(**dict(i)) for i in m.invitees]
    return Meeting(**{**dict(m), "invitees": invitees, "questions": list(m.questions)})


def action_from_doc(a: ActionDoc) -> Action:
    return Action(**{**dict(a), "persons": [ActionPerson(**dict(p)) for p in a.persons]})


def evaluation_from_doc(e: EvaluationDoc) -> Evaluation:
    return Evaluation(**dict(e))


def process_from_doc(doc: ProcessDoc) -> Process:
    return Process(
        phasing=doc.phasing,
        referral=_plain(doc.referral, Referral),
        intake=_plain(doc.intake, Intake),
        coach=_plain(doc.coach, CoachMatch),
        help_questions=[question_from_doc(q) for q in doc.help_questions],
        meetings=[meeting_from_doc(m) for m in doc.meetings],
        actions=[action_from_doc(a) for a in doc.actions],
        team=None
        if doc.team is None
        else Team(**{**dict(doc.team), "members": list(doc.team.members)}),
        evaluations=[evaluation_from_doc(e) for e in doc.evaluations],
        closing=None
        if doc.closing is None
        else Closing(**{**dict(doc.closing), "call": list(doc.closing.call)}),
        steps=[StepRecord(**dict(s)) for s in doc.steps],
    )


def process_to_dict(process: Process) -> dict[str, Any]:
    """The process as JSON-ready data, leaving out every field equal to its default."""
    doc = ProcessDoc.model_validate(dataclasses.asdict(process))
    data: dict[str, Any] = doc.model_dump(mode="json", exclude_defaults=True)
    return data
