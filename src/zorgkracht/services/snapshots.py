"""Snapshots: the network as it is now, kept under a label and a date to compare with later.

:func:`take_snapshot` is the one way the interfaces take a snapshot; it saves through
:meth:`CaseService.update <zorgkracht.services.cases.CaseService.update>`, which drops the
case's remembered record.
"""

from __future__ import annotations

import datetime as dt

from zorgkracht.domain import Snapshot
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
