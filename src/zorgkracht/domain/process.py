"""The process of a case as data: from referral to closing (``shared/domain.md`` §12).

The map and its analysis are the first half of the book's method; these records are the
second: the help questions in the client's own words, network meetings with whom the client
invited, the action plan and its team, evaluations against a pair of snapshots, and closing
with after-care. Person references are ids of persons in the case's current network. A
phasing (:mod:`.phasings`) is a template over these records, not a cage.

Pure data with no I/O, like :mod:`.model`; :class:`~.model.Case` holds one :class:`Process`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .process_codes import (
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

AGENDA: tuple[AgendaPhase, ...] = tuple(AgendaPhase)
"""The agenda of a network meeting in the book's order: introductions, information phase
(professionals inform, then leave), private time, the plan back to everyone (3676–3702)."""


@dataclass(slots=True, kw_only=True)
class Referral:
    """Who referred the client and why (3504–3518)."""

    date: dt.date | None = None
    referrer_name: str = ""
    referrer_organisation: str = ""
    referrer_role: str = ""
    reason: str = ""
    question: str = ""
    """The question as the referrer put it."""
    services: str = ""
    """Services already involved."""


@dataclass(slots=True, kw_only=True)
class Intake:
    """The intake and the client's perspective (3520–3553, 3941–3947)."""

    date: dt.date | None = None
    own_words: str = ""
    """The client's own questions in their own words."""
    rephrased: str = ""
    """The organisation's rephrasing, kept apart from the client's words."""
    wishes: str = ""
    motivation: str = ""
    report: str = ""
    network_summary: str = ""
    """A short written summary of the network in view (3630–3633)."""


@dataclass(slots=True, kw_only=True)
class CoachMatch:
    """A coach trajectory: the coordinator's intake and the match of coach and client
    (3822–3835, 4139)."""

    coordinator: str = ""
    coach: str = ""
    """The volunteer network coach, by name (the coach is not part of the client's network)."""
    matched_on: dt.date | None = None
    reason: str = ""


@dataclass(slots=True, kw_only=True)
class HelpQuestion:
    """A help question in the client's words (2105–2107, 3634–3648)."""

    id: str
    text: str
    asked_by: str | None = None
    """Id of the person who asked it; the client when ``None``."""
    asked_on: dt.date | None = None
    persons: list[str] = field(default_factory=list)
    """Ids of the persons the question concerns."""
    priority: int | None = None
    """Rank among the questions, 1 first; 1–3 are the top 3 (4040)."""
    status: QuestionStatus = QuestionStatus.OPEN
    rephrased: str = ""
    """The organisation's wording beside the client's."""
    sensitive: bool = False
    """Kept off every paper for the network or the client."""
    note: str = ""


@dataclass(slots=True, kw_only=True)
class Invitee:
    """A person the client invited to a meeting, with their reply and presence."""

    person: str
    reply: Reply = Reply.PENDING
    present: bool | None = None
    """``None`` until the meeting has been held."""


@dataclass(slots=True, kw_only=True)
class Meeting:
    """A network meeting (3650–3702, 4028–4036)."""

    id: str
    kind: MeetingKind = MeetingKind.NETWORK_MEETING
    date: dt.date | None = None
    start: dt.time | None = None
    minutes: int | None = None
    """How long it is planned to take."""
    place: str = ""
    facilitator: str = ""
    invitees: list[Invitee] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    """Ids of the help questions on its agenda (the invitation names them)."""
    phase: AgendaPhase | None = None
    """Where the meeting is now (the meeting screen); ``None`` before it starts."""
    held: bool = False
    leaflet: bool = True
    """An information leaflet goes with the invitation (3671–3674)."""
    note: str = ""


@dataclass(slots=True, kw_only=True)
class ActionPerson:
    """A person's part in an action."""

    person: str
    part: Part = Part.DOES
    hours_per_week: float | None = None
    """This person's expected hours a week; the action's hours when ``None`` and they do it."""


@dataclass(slots=True, kw_only=True)
class Action:
    """An action of the plan, tied to a help question (3696–3711, 4044–4046)."""

    id: str
    help_question: str
    description: str
    persons: list[ActionPerson] = field(default_factory=list)
    start: dt.date | None = None
    end: dt.date | None = None
    frequency: ActionFrequency | None = None
    hours_per_week: float | None = None
    """Expected hours a week for each person who does it (unless they have their own)."""
    status: ActionStatus = ActionStatus.PLANNED
    gives_back: str = ""
    """What the client gives back (reciprocity, 1524–1531)."""
    sensitive: bool = False
    note: str = ""

    def doers(self) -> list[ActionPerson]:
        return [p for p in self.persons if p.part is Part.DOES]

    def hours_of(self, person: ActionPerson) -> float:
        """Expected hours a week ``person`` gives to this action (0 when they think along)."""
        if person.part is not Part.DOES:
            return 0.0
        if person.hours_per_week is not None:
            return person.hours_per_week
        return self.hours_per_week or 0.0


@dataclass(slots=True, kw_only=True)
class Team:
    """The action team that stays on (3704–3711): members, a coordinator, and the
    professional's role towards the network (Hendrix, 2157–2170)."""

    members: list[str] = field(default_factory=list)
    coordinator: str | None = None
    professional: str = ""
    """The professional, by name."""
    professional_role: ProfessionalRole | None = None


@dataclass(slots=True, kw_only=True)
class Evaluation:
    """An evaluation of a help question or an action (2114, 3884–3888, 4050–4058)."""

    id: str
    date: dt.date | None = None
    help_question: str | None = None
    action: str | None = None
    done: bool | None = None
    effect: str = ""
    """The effect on the client's life, in the client's words."""
    goal_reached: bool | None = None
    words: str = ""
    """What the client says, in their own words."""
    before: str | None = None
    """Snapshot id of the network at the start."""
    after: str | None = None
    """Snapshot id of the network redrawn (``current`` for the network now)."""
    note: str = ""


@dataclass(slots=True, kw_only=True)
class Closing:
    """Closing and after-care (4188–4241, 5196–5209, 5259–5266)."""

    date: dt.date | None = None
    reason: ClosingReason = ClosingReason.GOALS_REACHED
    activity: str = ""
    """The closing activity."""
    aftercare_contact: str = ""
    """Who keeps in touch after closing, and how (a phone call alone is not enough)."""
    aftercare_date: dt.date | None = None
    warning_signs: str = ""
    """Relapse plan: the signs that things go wrong again."""
    call: list[str] = field(default_factory=list)
    """Relapse plan: ids of the persons to call."""
    call_others: str = ""
    """Relapse plan: others to call (a professional, a telephone number)."""
    way_back: str = ""
    """Relapse plan: how to come back."""
    referred_to: str = ""


@dataclass(slots=True, kw_only=True)
class StepRecord:
    """A step of the phasing marked done (or noted on)."""

    step: int
    done_on: dt.date | None = None
    note: str = ""


@dataclass(slots=True, kw_only=True)
class Process:
    """Everything from referral to closing; empty for a case that only maps a network."""

    phasing: Phasing | None = None
    referral: Referral | None = None
    intake: Intake | None = None
    coach: CoachMatch | None = None
    help_questions: list[HelpQuestion] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    team: Team | None = None
    evaluations: list[Evaluation] = field(default_factory=list)
    closing: Closing | None = None
    steps: list[StepRecord] = field(default_factory=list)

    def is_empty(self) -> bool:
        return self == Process()

    def help_question(self, question_id: str) -> HelpQuestion:
        for q in self.help_questions:
            if q.id == question_id:
                return q
        raise KeyError(question_id)

    def meeting(self, meeting_id: str) -> Meeting:
        for m in self.meetings:
            if m.id == meeting_id:
                return m
        raise KeyError(meeting_id)

    def action(self, action_id: str) -> Action:
        for a in self.actions:
            if a.id == action_id:
                return a
        raise KeyError(action_id)

    def top(self) -> list[HelpQuestion]:
        """The top 3: questions with priority 1–3, in order of priority."""
        ranked = [q for q in self.help_questions if q.priority is not None and q.priority <= 3]
        return sorted(ranked, key=lambda q: q.priority or 0)

    def plan_hours(self) -> dict[str, float]:
        """Expected hours a week per person over the actions not done or stopped; the plan's
        share of each person's care load."""
        hours: dict[str, float] = {}
        for action in self.actions:
            if action.status in (ActionStatus.DONE, ActionStatus.STOPPED):
                continue
            for ap in action.persons:
                h = action.hours_of(ap)
                if h:
                    hours[ap.person] = hours.get(ap.person, 0.0) + h
        return hours

    def person_refs(self) -> set[str]:
        """Every person id the process names."""
        refs: set[str] = set()
        for q in self.help_questions:
            refs.update(q.persons)
            if q.asked_by:
                refs.add(q.asked_by)
        for m in self.meetings:
            refs.update(i.person for i in m.invitees)
        for a in self.actions:
            refs.update(p.person for p in a.persons)
        if self.team:
            refs.update(self.team.members)
            if self.team.coordinator:
                refs.add(self.team.coordinator)
        if self.closing:
            refs.update(self.closing.call)
        return refs
