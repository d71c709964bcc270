"""Snapshots: the network as it is now, kept under a label and a date to compare with later.

:func:`take_snapshot` is the one way the interfaces take a snapshot; it saves through
:meth:`CaseService.update <zorgkracht.services.cases.CaseService.update>`, which drops the
case's remembered record.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from zorgkracht.domain import Snapshot, validate_case
from zorgkracht.domain.snapshots import take_snapshot as snapshot_now
from zorgkracht.storage import CaseRecord

from .cases import CaseService
from .permissions import Action, Actor, require


def take_snapshot(
    cases: CaseService,
    actor: Actor,
    record: CaseRecord,
    *,
    label: str,
    taken_on: dt.date | None,
    expected_version: int,
) -> tuple[CaseRecord, Snapshot]:
    """Copy the current network of ``record``'s case into a new snapshot and save the case
    over ``expected_version``; the saved record and the new snapshot. A Conflict when the
    case was saved in between, InvalidInput when the label breaks a rule of the case."""
    case = record.case
    require(actor, Action.EDIT, case.id)
    changed, snap = snapshot_now(case, label, taken_on)
    saved = cases.update(changed, expected_version)
    return saved, snap


def remove_snapshot(
    cases: CaseService,
    actor: Actor,
    record: CaseRecord,
    snapshot_id: str,
    *,
    expected_version: int,
) -> CaseRecord:
    """Remove snapshot ``snapshot_id`` of ``record``'s case and save over ``expected_version``.
    ``NotFound`` for an unknown snapshot; ``InvalidInput`` while the process names it (an
    evaluation compares with it), so nothing is left pointing at nothing."""
    case = record.case
    require(actor, Action.EDIT, case.id)
    case.snapshot(snapshot_id)  # NotFound naming the snapshots there are
    changed = dataclasses.replace(
        case, snapshots=[s for s in case.snapshots if s.id != snapshot_id]
    )
    validate_case(changed)
    return cases.update(changed, expected_version)
