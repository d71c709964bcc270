"""Taking a snapshot: the network as it is now, kept under a fresh id with a label and a date.

Looking one up is :meth:`Case.snapshot <zorgkracht.domain.model.Case.snapshot>`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from .copies import copy_network
from .ids import next_id
from .model import Case, Snapshot


def take_snapshot(
    case: Case, label: str, taken_on: dt.date | None = None, note: str = ""
) -> tuple[Case, Snapshot]:
    """``case`` with a new last snapshot of its current network (a copy that shares nothing
    with it), and that snapshot; ``case`` itself is not changed. The id is fresh in the whole
    case, so a second and third snapshot never take the id of an earlier one."""
    snap = Snapshot(
        id=next_id(case, "snapshots"),
        label=label,
        taken_on=taken_on,
        network=copy_network(case.network),
        instruments=[dataclasses.replace(i, answers=dict(i.answers)) for i in case.instruments],
        note=note,
    )
    return dataclasses.replace(case, snapshots=[*case.snapshots, snap]), snap
