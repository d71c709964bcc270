"""The edit operations of the process (``shared/domain.md`` §12): one Pydantic model per ``op``.

The fields of a record are those of the case file (:mod:`zorgkracht.interchange.process_json`);
an ``add_*`` may leave out the id (a fresh one is given) and may name the ``index`` to insert at
(undo puts a record back at its old place). See :mod:`zorgkracht.services.edits` for the table.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from zorgkracht.domain.process_codes import Phasing
from zorgkracht.interchange.process_json import (
    ActionDoc,
    EvaluationDoc,
    HelpQuestionDoc,
    MeetingDoc,
    StepDoc,
)

from .operations import Id, Index, _Op

RecordName = Literal["referral", "intake", "coach", "team", "closing"]
"""The single records of the process that ``set_record`` sets or removes."""


class SetPhasing(_Op):
    """Choose the phasing (a template of steps; ``null``: none). Steps the new phasing does not
    have are dropped (the inverse gives them back through ``steps``)."""

    op: Literal["set_phasing"]
    phasing: Phasing | None = None
    steps: list[StepDoc] | None = Field(
        default=None, description="The steps recorded, replacing those of now (undo)."
    )


class SetRecord(_Op):
    """Set one of the single records (referral, intake, coach match, team, closing) to
    ``value`` (its fields as in the case file), or remove it with ``null``."""

    op: Literal["set_record"]
    record: RecordName
    value: dict[str, Any] | None = None


class AddHelpQuestion(HelpQuestionDoc, _Op):
    op: Literal["add_help_question"]
    id: Id | None = None  # type: ignore[assignment]
    index: Index | None = None


class AddMeeting(MeetingDoc, _Op):
    op: Literal["add_meeting"]
    id: Id | None = None  # type: ignore[assignment]
    index: Index | None = None


class AddAction(ActionDoc, _Op):
    op: Literal["add_action"]
    id: Id | None = None  # type: ignore[assignment]
    index: Index | None = None


class AddEvaluation(EvaluationDoc, _Op):
    op: Literal["add_evaluation"]
    id: Id | None = None  # type: ignore[assignment]
    index: Index | None = None


class _Update(_Op):
    id: Id
    changes: dict[str, Any] = Field(description="Fields as in the case file, with new values.")


class UpdateHelpQuestion(_Update):
    op: Literal["update_help_question"]


class UpdateMeeting(_Update):
    op: Literal["update_meeting"]


class UpdateAction(_Update):
    op: Literal["update_action"]


class UpdateEvaluation(_Update):
    op: Literal["update_evaluation"]


class RemoveHelpQuestion(_Op):
    op: Literal["remove_help_question"]
    id: Id


class RemoveMeeting(_Op):
    op: Literal["remove_meeting"]
    id: Id


class RemoveAction(_Op):
    op: Literal["remove_action"]
    id: Id


class RemoveEvaluation(_Op):
    op: Literal["remove_evaluation"]
    id: Id


class SetStep(StepDoc, _Op):
    """Mark a step of the phasing (done on a date, with a note), replacing its record."""

    op: Literal["set_step"]
    index: Index | None = None


class ClearStep(_Op):
    op: Literal["clear_step"]
    step: int


PROCESS_OPERATIONS: dict[str, type[_Op]] = {
    "set_phasing": SetPhasing,
    "set_record": SetRecord,
    "add_help_question": AddHelpQuestion,
    "update_help_question": UpdateHelpQuestion,
    "remove_help_question": RemoveHelpQuestion,
    "add_meeting": AddMeeting,
    "update_meeting": UpdateMeeting,
    "remove_meeting": RemoveMeeting,
    "add_action": AddAction,
    "update_action": UpdateAction,
    "remove_action": RemoveAction,
    "add_evaluation": AddEvaluation,
    "update_evaluation": UpdateEvaluation,
    "remove_evaluation": RemoveEvaluation,
    "set_step": SetStep,
    "clear_step": ClearStep,
}
