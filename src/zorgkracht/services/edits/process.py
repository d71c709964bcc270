"""Applying the operations of the process (:mod:`.process_ops`); each returns its inverse.

The records of a list (help questions, meetings, actions, evaluations) share one way of being
added, changed and removed (:class:`_Records`); each is checked by its rule in
:mod:`zorgkracht.domain.process_rules` before anything changes, naming the operation's field.
A record that others name is not removed: a help question while an action, a meeting or an
evaluation names it, an action while an evaluation does (remove those first, so that undo
stays exact and nothing is left pointing at nothing).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from zorgkracht.domain import Case, InvalidInput, Problem
from zorgkracht.domain.errors import raise_if
from zorgkracht.domain.ids import Kind, next_id, used_ids
from zorgkracht.domain.phasings import STEPS
from zorgkracht.domain.process import (
    Closing,
    CoachMatch,
    Intake,
    Process,
    Referral,
    StepRecord,
    Team,
)
from zorgkracht.domain.process_rules import (
    ProcessContext,
    action_problems,
    closing_problems,
    evaluation_problems,
    meeting_problems,
    question_problems,
    step_problems,
    team_problems,
)
from zorgkracht.domain.rules import At, record_at
from zorgkracht.interchange.process_json import (
    ActionDoc,
    ClosingDoc,
    CoachMatchDoc,
    EvaluationDoc,
    HelpQuestionDoc,
    IntakeDoc,
    MeetingDoc,
    ReferralDoc,
    StepDoc,
    TeamDoc,
    action_from_doc,
    evaluation_from_doc,
    meeting_from_doc,
    question_from_doc,
)

from .messages import _At, _parse, _problem, _unknown
from .operations import Json
from .process_ops import ClearStep, SetPhasing, SetRecord, SetStep


def _json(doc_type: type[BaseModel], record: Any) -> Json:
    """A record as the case file holds it, every field written (an inverse is exact)."""
    data: Json = doc_type.model_validate(dataclasses.asdict(record)).model_dump(mode="json")
    return data


def _named_by(process: Process, kind: str, ident: str) -> list[str]:
    """The records that name record ``ident`` of ``kind``: what stops its removal."""
    if kind == "help_questions":
        return (
            [a.id for a in process.actions if a.help_question == ident]
            + [m.id for m in process.meetings if ident in m.questions]
            + [e.id for e in process.evaluations if e.help_question == ident]
        )
    if kind == "actions":
        return [e.id for e in process.evaluations if e.action == ident]
    return []


@dataclass(frozen=True, slots=True)
class _Records:
    """One list of process records: how to read, check and name them."""

    kind: Kind
    doc: type[BaseModel]
    build: Callable[[Any], Any]
    rules: Callable[[Any, ProcessContext, At], list[Problem]]
    nl: str
    en: str

    def items(self, process: Process) -> list[Any]:
        items: list[Any] = getattr(process, self.kind)
        return items

    def index(self, process: Process, ident: str) -> int:
        for k, item in enumerate(self.items(process)):
            if item.id == ident:
                return k
        raise _unknown("id", ident, self.nl, self.en)

    def parse(self, data: Json, where: str) -> Any:
        return self.build(_parse(self.doc, data, where))


RECORDS: dict[str, _Records] = {
    "help_question": _Records(
        "help_questions",
        HelpQuestionDoc,
        question_from_doc,
        question_problems,
        "hulpvraag",
        "help question",
    ),
    "meeting": _Records(
        "meetings", MeetingDoc, meeting_from_doc, meeting_problems, "bijeenkomst", "meeting"
    ),
    "action": _Records("actions", ActionDoc, action_from_doc, action_problems, "actie", "action"),
    "evaluation": _Records(
        "evaluations",
        EvaluationDoc,
        evaluation_from_doc,
        evaluation_problems,
        "evaluatie",
        "evaluation",
    ),
}


def _new_id(case: Case, ident: str | None, kind: Kind) -> str:
    """The given id when it is free in the case (undo brings a record back under its own
    id), else a fresh one of ``kind``."""
    if ident is None:
        return next_id(case, kind)
    if ident in used_ids(case):
        raise _problem(
            "id",
            f"id '{ident}' is al in gebruik in deze casus",
            f"id '{ident}' is already used in this case",
            "duplicate_id",
        )
    return ident


def _add(name: str) -> Callable[[Case, Any], Json]:
    records = RECORDS[name]

    def add(case: Case, op: Any) -> Json:
        data = op.model_dump(exclude={"op", "index"}, mode="json")
        data["id"] = data.get("id") or "new"
        record = records.parse(data, "")
        raise_if(records.rules(record, ProcessContext.of(case), _At()))
        record.id = _new_id(case, op.id, records.kind)
        items = records.items(case.process)
        at = len(items) if op.index is None else min(op.index, len(items))
        items.insert(at, record)
        return {"op": f"remove_{name}", "id": record.id}

    return add


def _update(name: str) -> Callable[[Case, Any], Json]:
    records = RECORDS[name]

    def update(case: Case, op: Any) -> Json:
        items = records.items(case.process)
        k = records.index(case.process, op.id)
        current = _json(records.doc, items[k])
        problems = [
            Problem(f"changes/{key}", "onbekend veld", "unknown field", "extra_forbidden")
            for key in op.changes
            if key not in current
        ] + [
            Problem("changes/id", "kan niet gewijzigd worden", "cannot be changed", "read_only")
            for key in op.changes
            if key == "id"
        ]
        if problems:
            raise InvalidInput(problems)
        record = records.parse({**current, **op.changes}, "changes")
        raise_if(records.rules(record, ProcessContext.of(case), _At(op.changes)))
        items[k] = record
        return {
            "op": f"update_{name}",
            "id": op.id,
            "changes": {key: current[key] for key in op.changes},
        }

    return update


def _remove(name: str) -> Callable[[Case, Any], Json]:
    records = RECORDS[name]

    def remove(case: Case, op: Any) -> Json:
        k = records.index(case.process, op.id)
        named = _named_by(case.process, records.kind, op.id)
        if named:
            refs = ", ".join(named)
            raise _problem(
                "id",
                f"{records.nl} '{op.id}' wordt nog genoemd door {refs}; pas die eerst aan",
                f"{records.en} '{op.id}' is still named by {refs}; change those first",
                "in_use",
            )
        record = records.items(case.process).pop(k)
        return {"op": f"add_{name}", **_json(records.doc, record), "index": k}

    return remove


_SINGLE: dict[str, tuple[type[BaseModel], type[Any]]] = {
    "referral": (ReferralDoc, Referral),
    "intake": (IntakeDoc, Intake),
    "coach": (CoachMatchDoc, CoachMatch),
    "team": (TeamDoc, Team),
    "closing": (ClosingDoc, Closing),
}


def _set_record(case: Case, op: SetRecord) -> Json:
    doc_type, record_type = _SINGLE[op.record]
    old = getattr(case.process, op.record)
    inverse: Json = {
        "op": "set_record",
        "record": op.record,
        "value": None if old is None else _json(doc_type, old),
    }
    if op.value is None:
        setattr(case.process, op.record, None)
        return inverse
    doc = _parse(doc_type, op.value, "value")
    fields = dict(doc)
    for name in ("members", "call"):
        if name in fields:
            fields[name] = list(fields[name])
    record = record_type(**fields)
    ctx = ProcessContext.of(case)
    if isinstance(record, Team):
        raise_if(team_problems(record, ctx, record_at("value")))
    if isinstance(record, Closing):
        raise_if(closing_problems(record, ctx, record_at("value")))
    setattr(case.process, op.record, record)
    return inverse


def _step_json(step: StepRecord) -> Json:
    return _json(StepDoc, step)


def _set_phasing(case: Case, op: SetPhasing) -> Json:
    process = case.process
    inverse: Json = {
        "op": "set_phasing",
        "phasing": None if process.phasing is None else process.phasing.value,
    }
    count = len(STEPS.get(op.phasing, ())) if op.phasing is not None else 0
    if op.steps is not None:
        inverse["steps"] = [_step_json(s) for s in process.steps]
        process.steps = [StepRecord(**dict(s)) for s in op.steps]
    elif any(s.step > count for s in process.steps):
        inverse["steps"] = [_step_json(s) for s in process.steps]
        process.steps = [s for s in process.steps if s.step <= count]
    process.phasing = op.phasing
    for k, step in enumerate(process.steps):
        raise_if(step_problems(step, process, record_at(f"steps/#{k + 1}")))
    return inverse


def _step_index(process: Process, number: int) -> int | None:
    return next((k for k, s in enumerate(process.steps) if s.step == number), None)


def _set_step(case: Case, op: SetStep) -> Json:
    process = case.process
    step = StepRecord(step=op.step, done_on=op.done_on, note=op.note)
    raise_if(step_problems(step, process, _At()))
    k = _step_index(process, op.step)
    if k is not None:
        old = process.steps[k]
        process.steps[k] = step
        return {"op": "set_step", **_step_json(old)}
    if op.index is not None:
        at = min(op.index, len(process.steps))
    else:
        at = sum(1 for s in process.steps if s.step < op.step)
    process.steps.insert(at, step)
    return {"op": "clear_step", "step": op.step}


def _clear_step(case: Case, op: ClearStep) -> Json:
    process = case.process
    k = _step_index(process, op.step)
    if k is None:
        raise _problem(
            "step",
            f"stap {op.step} is niet afgevinkt",
            f"step {op.step} has not been marked",
            "unknown_reference",
        )
    old = process.steps.pop(k)
    return {"op": "set_step", **_step_json(old), "index": k}


PROCESS_APPLY: dict[str, Callable[[Case, Any], Json]] = {
    "set_phasing": _set_phasing,
    "set_record": _set_record,
    "set_step": _set_step,
    "clear_step": _clear_step,
}
for _name in RECORDS:
    PROCESS_APPLY[f"add_{_name}"] = _add(_name)
    PROCESS_APPLY[f"update_{_name}"] = _update(_name)
    PROCESS_APPLY[f"remove_{_name}"] = _remove(_name)


def fresh_process(process: Process) -> Process:
    """A copy of ``process`` whose lists may be changed (records are replaced, never changed)."""
    return dataclasses.replace(
        process,
        help_questions=list(process.help_questions),
        meetings=list(process.meetings),
        actions=list(process.actions),
        evaluations=list(process.evaluations),
        steps=list(process.steps),
    )
