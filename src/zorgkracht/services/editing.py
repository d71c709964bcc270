"""The edit of a case in place (drawing on the map), as the edit API does it: apply one
operation, save, redraw the requested view and analyse the network again.

The base of the edit is the record the case service saved last, when it is at the version
being edited (:meth:`CaseService.edit <zorgkracht.services.cases.CaseService.edit>`); every
write drops it, and the store's atomic claim checks it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from zorgkracht.storage import CaseRecord

from .analysing import kept_panel
from .cases import CaseService
from .edits import EditResult
from .permissions import Actor
from .pictures import Picture, draw


@dataclass(frozen=True, slots=True)
class Edited:
    """What one edit made: the operation's result (with its inverse), the saved record, the
    redrawn picture and the analysis panel of the network now."""

    result: EditResult
    record: CaseRecord
    picture: Picture
    panel: dict[str, Any]


def edit_and_draw(
    cases: CaseService,
    actor: Actor,
    case_id: str,
    expected_version: int,
    operation: Any,
    *,
    view: str,
    lang: str,
    table: bool,
    budget: float | None,
) -> Edited:
    """Apply ``operation`` to the case at ``expected_version`` as ``actor`` (who must be
    allowed to edit it), save it, and draw ``view`` (with its table when ``table``) within
    ``budget`` seconds."""
    result, saved = cases.edit(actor, case_id, expected_version, operation)
    picture = draw(saved.case, view, lang, table=table, budget=budget)
    return Edited(result, saved, picture, kept_panel(case_id, result.case, saved.case, lang))
