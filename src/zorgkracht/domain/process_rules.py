"""The rules of the process records (``shared/domain.md`` §12), each written once, with its
problem in Dutch and English.

Like :mod:`.rules`, a rule names the field that breaks it through ``at``: the case check turns
``end`` into ``process/actions/ac1/end``, an edit operation into ``end`` or ``changes/end``.
Reading a case file, the edit operations and the forms all use these rules:

1. An action is tied to a help question of the case (3696–3711: the plan answers the
   questions; an action tied to none has lost its reason).
2. Every person the process names (who asked, whom a question concerns, invitees, the persons
   of an action, the team, whom to call after closing) is a person of the current network.
3. An action does not end before it starts.
4. Hours a week lie within 0–168, for an action and for each person in it.
5. The client chooses whom to invite (3650–3660, 4028–4036): an invitee is not the client, is
   invited once, and is not someone the client said may not be asked (``may_ask`` false).
6. A priority is 1 or more (1–3 are the top 3, 4040).
7. Ids are unique in the case, across the network and the process.
8. An evaluation names questions, actions and snapshots of the case (``current`` is the
   network now).
9. A meeting's agenda names help questions of the case; the team's coordinator is a member.
10. A step exists in the chosen phasing (table 8.1 has ten; SNS three).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass

from .bounds import CARE_HOURS, MEETING_MINUTES, PRIORITY, Bound
from .errors import Problem
from .ids import network_ids, process_ids
from .model import Case, Person
from .phasings import STEPS
from .process import (
    Action,
    Closing,
    Evaluation,
    HelpQuestion,
    Meeting,
    Process,
    StepRecord,
    Team,
)
from .rules import At, record_at, required, unknown

CURRENT = "current"
"""The snapshot name of the network now, for an evaluation's ``after``."""


@dataclass(frozen=True, slots=True)
class ProcessContext:
    """What the rules of one record look up in the rest of the case."""

    persons: dict[str, Person]
    client: str
    questions: Collection[str]
    actions: Collection[str]
    snapshots: Collection[str]

    @classmethod
    def of(cls, case: Case) -> ProcessContext:
        return cls(
            persons={p.id: p for p in case.network.persons},
            client=case.client,
            questions={q.id for q in case.process.help_questions},
            actions={a.id for a in case.process.actions},
            snapshots={s.id for s in case.snapshots},
        )


def _bounded(where: str, value: float | None, bound: Bound[int] | Bound[float]) -> list[Problem]:
    if value is None:
        return []
    problem = bound.problem(where, value)
    return [problem] if problem else []


def _persons(
    ctx: ProcessContext, refs: list[str], at: At, name: str, field: str | None = None
) -> list[Problem]:
    """Rule 2 for a list of person ids (``name``), each once; ``field`` names the id within
    a list of records (``persons/#2/person``)."""
    tail = f"/{field}" if field else ""
    problems = [
        unknown(at(f"{name}/#{k + 1}{tail}", name), r)
        for k, r in enumerate(refs)
        if r not in ctx.persons
    ]
    for ref, count in Counter(refs).items():
        if count > 1:
            problems.append(
                Problem(
                    at(name),
                    f"'{ref}' staat {count} keer in de lijst",
                    f"'{ref}' is listed {count} times",
                    "duplicate",
                )
            )
    return problems


def question_problems(q: HelpQuestion, ctx: ProcessContext, at: At) -> list[Problem]:
    problems: list[Problem] = []
    if not q.text.strip():
        problems.append(required(at("text"), "de hulpvraag", "the help question"))
    if q.asked_by is not None and q.asked_by not in ctx.persons:
        problems.append(unknown(at("asked_by"), q.asked_by))
    problems += _persons(ctx, q.persons, at, "persons")
    problems += _bounded(at("priority"), q.priority, PRIORITY)
    return problems


def invitee_problems(person: str, ctx: ProcessContext, where: str) -> list[Problem]:
    """Rule 5: whom the client may invite."""
    found = ctx.persons.get(person)
    if found is None:
        return [unknown(where, person)]
    if person == ctx.client:
        return [
            Problem(
                where,
                "de cliënt nodigt uit en wordt zelf niet uitgenodigd",
                "the client invites and is not an invitee",
                "client_invited",
            )
        ]
    if found.may_ask is False:
        return [
            Problem(
                where,
                f"de cliënt wil niet dat {found.name} gevraagd wordt",
                f"the client does not want {found.name} to be asked",
                "may_not_ask",
            )
        ]
    return []


def meeting_problems(m: Meeting, ctx: ProcessContext, at: At) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[str] = set()
    for k, invitee in enumerate(m.invitees):
        where = at(f"invitees/#{k + 1}/person", "invitees")
        problems += invitee_problems(invitee.person, ctx, where)
        if invitee.person in seen:
            problems.append(
                Problem(
                    where,
                    f"'{invitee.person}' is al uitgenodigd",
                    f"'{invitee.person}' is already invited",
                    "duplicate",
                )
            )
        seen.add(invitee.person)
    for k, ref in enumerate(m.questions):
        if ref not in ctx.questions:
            problems.append(
                unknown(at(f"questions/#{k + 1}", "questions"), ref, "hulpvraag", "help question")
            )
    problems += _bounded(at("minutes"), m.minutes, MEETING_MINUTES)
    return problems


def action_problems(a: Action, ctx: ProcessContext, at: At) -> list[Problem]:
    problems: list[Problem] = []
    if not a.help_question.strip():
        problems.append(
            Problem(
                at("help_question"),
                "een actie hoort bij een hulpvraag; kies de hulpvraag",
                "an action belongs to a help question; choose the help question",
                "required",
            )
        )
    elif a.help_question not in ctx.questions:
        problems.append(unknown(at("help_question"), a.help_question, "hulpvraag", "help question"))
    if not a.description.strip():
        problems.append(required(at("description"), "de omschrijving", "the description"))
    problems += _persons(ctx, [p.person for p in a.persons], at, "persons", "person")
    if a.start is not None and a.end is not None and a.end < a.start:
        problems.append(
            Problem(
                at("end", "start"),
                f"einde {a.end.isoformat()} ligt voor het begin {a.start.isoformat()}",
                f"end {a.end.isoformat()} is before the start {a.start.isoformat()}",
                "end_before_start",
            )
        )
    problems += _bounded(at("hours_per_week"), a.hours_per_week, CARE_HOURS)
    for k, p in enumerate(a.persons):
        problems += _bounded(
            at(f"persons/#{k + 1}/hours_per_week", "persons"), p.hours_per_week, CARE_HOURS
        )
    return problems


def evaluation_problems(e: Evaluation, ctx: ProcessContext, at: At) -> list[Problem]:
    problems: list[Problem] = []
    if e.help_question is not None and e.help_question not in ctx.questions:
        problems.append(unknown(at("help_question"), e.help_question, "hulpvraag", "help question"))
    if e.action is not None and e.action not in ctx.actions:
        problems.append(unknown(at("action"), e.action, "actie", "action"))
    for name, ref in (("before", e.before), ("after", e.after)):
        if ref is not None and ref != CURRENT and ref not in ctx.snapshots:
            problems.append(unknown(at(name), ref, "momentopname", "snapshot"))
    return problems


def team_problems(team: Team, ctx: ProcessContext, at: At) -> list[Problem]:
    problems = _persons(ctx, team.members, at, "members")
    if team.coordinator is not None:
        if team.coordinator not in ctx.persons:
            problems.append(unknown(at("coordinator"), team.coordinator))
        elif team.coordinator not in team.members:
            problems.append(
                Problem(
                    at("coordinator"),
                    "de coördinator hoort bij het actieteam; zet hem of haar bij de leden",
                    "the coordinator belongs to the action team; add them to the members",
                    "coordinator_not_member",
                )
            )
    return problems


def closing_problems(closing: Closing, ctx: ProcessContext, at: At) -> list[Problem]:
    return _persons(ctx, closing.call, at, "call")


def step_problems(step: StepRecord, process: Process, at: At) -> list[Problem]:
    steps = STEPS.get(process.phasing) if process.phasing is not None else None
    count = len(steps) if steps is not None else 0
    if 1 <= step.step <= count:
        return []
    return [
        Problem(
            at("step"),
            f"stap {step.step} bestaat niet in deze fasering ({count} stappen)",
            f"step {step.step} does not exist in this phasing ({count} steps)",
            "unknown_step",
        )
    ]


def check_process(case: Case) -> list[Problem]:
    """Every problem of ``case.process``, named ``process/<records>/<id>/<field>``."""
    process = case.process
    if process.is_empty():
        return []
    ctx = ProcessContext.of(case)
    problems: list[Problem] = []
    network = set(network_ids(case.network))
    for ident, count in Counter(process_ids(process)).items():
        if count > 1 or ident in network:
            problems.append(
                Problem(
                    f"process/{ident}",
                    f"id '{ident}' is al in gebruik in deze casus",
                    f"id '{ident}' is already used in this case",
                    "duplicate_id",
                )
            )
    for q in process.help_questions:
        problems += question_problems(q, ctx, record_at(f"process/help_questions/{q.id}"))
    for m in process.meetings:
        problems += meeting_problems(m, ctx, record_at(f"process/meetings/{m.id}"))
    for a in process.actions:
        problems += action_problems(a, ctx, record_at(f"process/actions/{a.id}"))
    for e in process.evaluations:
        problems += evaluation_problems(e, ctx, record_at(f"process/evaluations/{e.id}"))
    if process.team is not None:
        problems += team_problems(process.team, ctx, record_at("process/team"))
    if process.closing is not None:
        problems += closing_problems(process.closing, ctx, record_at("process/closing"))
    for k, step in enumerate(process.steps):
        problems += step_problems(step, process, record_at(f"process/steps/#{k + 1}"))
    return problems
