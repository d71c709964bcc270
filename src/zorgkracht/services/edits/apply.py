"""Checking an operation and applying it to a copy of the case: :func:`apply_edit`."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from zorgkracht.domain import Case, InvalidInput, Network, validate_case
from zorgkracht.domain.copies import same_apart_from_positions

from .domains import (
    _add_domain,
    _add_to_domain,
    _remove_domain,
    _remove_from_domain,
    _rename_domain,
    _restore_domain,
    _update_domain,
)
from .events import (
    _add_event,
    _remove_event,
    _remove_instrument,
    _set_instrument,
    _update_event,
)
from .family import (
    _add_child,
    _add_couple,
    _add_emotion,
    _remove_child,
    _remove_couple,
    _remove_emotion,
    _update_child,
    _update_couple,
    _update_emotion,
)
from .messages import _parse, _problem
from .operations import MAP_OPERATIONS, Batch, Json, _Op
from .persons import (
    _add_person,
    _remove_person,
    _restore_person,
    _set_circle,
    _set_household,
    _update_person,
)
from .positions import _clear_position, _set_position
from .process import PROCESS_APPLY, fresh_process
from .process_ops import PROCESS_OPERATIONS
from .ties import _add_tie, _remove_tie, _update_tie


@dataclass(frozen=True, slots=True)
class EditResult:
    """The case after an edit, and the operation that undoes it; ``only_positions`` when the
    edit changed nothing but position overrides (the network, its analysis and the page's
    lists are as they were)."""

    case: Case
    inverse: Json
    only_positions: bool = False


def _fresh(case: Case) -> Case:
    """A copy of ``case`` whose containers may be changed; records are shared and must be
    replaced (never changed) by an operation."""
    net = case.network
    return dataclasses.replace(
        case,
        network=Network(
            persons=list(net.persons),
            household=list(net.household),
            couples=list(net.couples),
            children=list(net.children),
            emotions=list(net.emotions),
            ties=list(net.ties),
            domains=list(net.domains),
            events=list(net.events),
        ),
        snapshots=list(case.snapshots),
        positions={view: dict(points) for view, points in case.positions.items()},
        instruments=list(case.instruments),
        process=fresh_process(case.process),
    )


def _batch(case: Case, op: Batch) -> Json:
    """Apply ``op.operations`` one after another to ``case`` (a fresh copy: when one fails,
    the caller drops it whole); the inverse undoes them last first."""
    inverses: list[Json] = []
    for i, data in enumerate(op.operations):
        at = f"operations/#{i + 1}"  # as the case file's reader names an item of a list
        if data.get("op") == "batch":
            raise _problem(
                f"{at}/op",
                "een bundel bewerkingen kan geen bundel bevatten",
                "a batch of operations cannot hold a batch",
                "enum",
            )
        try:
            parsed = parse_edit(data)
            inverses.append(_APPLY[data["op"]](case, parsed))
        except InvalidInput as err:
            raise InvalidInput(
                [
                    dataclasses.replace(p, where=f"{at}/{p.where}" if p.where else at)
                    for p in err.problems
                ]
            ) from None
    inverses.reverse()
    return {"op": "batch", "operations": inverses}


_APPLY: dict[str, Callable[[Case, Any], Json]] = {
    "add_person": _add_person,
    "update_person": _update_person,
    "remove_person": _remove_person,
    "restore_person": _restore_person,
    "set_circle": _set_circle,
    "set_household": _set_household,
    "add_domain": _add_domain,
    "rename_domain": _rename_domain,
    "update_domain": _update_domain,
    "remove_domain": _remove_domain,
    "restore_domain": _restore_domain,
    "add_to_domain": _add_to_domain,
    "remove_from_domain": _remove_from_domain,
    "add_tie": _add_tie,
    "update_tie": _update_tie,
    "remove_tie": _remove_tie,
    "add_couple": _add_couple,
    "update_couple": _update_couple,
    "remove_couple": _remove_couple,
    "add_child": _add_child,
    "update_child": _update_child,
    "remove_child": _remove_child,
    "add_emotion": _add_emotion,
    "update_emotion": _update_emotion,
    "remove_emotion": _remove_emotion,
    "set_position": _set_position,
    "clear_position": _clear_position,
    "add_event": _add_event,
    "update_event": _update_event,
    "remove_event": _remove_event,
    "set_instrument": _set_instrument,
    "remove_instrument": _remove_instrument,
    **PROCESS_APPLY,
    "batch": _batch,
}

OPERATIONS: dict[str, type[_Op]] = {**MAP_OPERATIONS, **PROCESS_OPERATIONS}
"""Every operation by name: those of the map, then those of the process."""


def parse_edit(data: Any) -> _Op:
    """The operation ``data`` describes, checked; ``InvalidInput`` naming each bad field."""
    if not isinstance(data, dict):
        raise _problem("", "verwacht een JSON-object", "expected a JSON object", "type")
    name = data.get("op")
    model = OPERATIONS.get(name) if isinstance(name, str) else None
    if model is None:
        raise _problem(
            "op",
            f"onbekende bewerking {name!r}; kies uit {', '.join(OPERATIONS)}",
            f"unknown operation {name!r}; choose one of {', '.join(OPERATIONS)}",
            "enum",
        )
    parsed: _Op = _parse(model, data, "")
    return parsed


def apply_edit(case: Case, data: Any, *, check: bool = True) -> EditResult:
    """Apply the operation ``data`` to a copy of ``case``; the original is never changed.

    The edited case is checked against every invariant (:func:`validate_case`) unless
    ``check`` is false: for a caller that hands it straight to ``CaseStore.save``, which
    checks it the same way before writing anything."""
    op = parse_edit(data)
    new = _fresh(case)
    inverse = _APPLY[data["op"]](new, op)
    if check:
        validate_case(new)
    return EditResult(
        case=new, inverse=inverse, only_positions=same_apart_from_positions(case, new)
    )
