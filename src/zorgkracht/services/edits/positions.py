"""Position overrides: ``set_position`` and ``clear_position``, and the points that go and
come back with a removed person or domain."""

from __future__ import annotations

from collections.abc import Mapping

from zorgkracht.domain import Case, Point

from .messages import _problem, _unknown
from .operations import ClearPosition, Json, SetPosition


def _restore_points(case: Case, ref: str, points: Mapping[str, Mapping[str, float]]) -> None:
    for view, point in points.items():
        if not view or set(point) != {"x", "y"}:
            raise _problem(
                f"positions/{view}",
                "een positie heeft een weergave en x en y",
                "a position has a view and x and y",
                "invalid",
            )
        case.positions.setdefault(view, {})[ref] = Point(x=point["x"], y=point["y"])


def _take_points(case: Case, ref: str) -> dict[str, dict[str, float]]:
    taken: dict[str, dict[str, float]] = {}
    for view, points in case.positions.items():
        if ref in points:
            point = points.pop(ref)
            taken[view] = {"x": point.x, "y": point.y}
    return taken


def _position_target(case: Case, ref: str) -> None:
    net = case.network
    if ref not in net.person_ids() and ref not in {d.id for d in net.domains}:
        raise _unknown("id", ref, "persoon of domein", "person or domain")


def _set_position(case: Case, op: SetPosition) -> Json:
    _position_target(case, op.id)
    had_view = op.view in case.positions
    points = case.positions.setdefault(op.view, {})
    old = points.get(op.id)
    points[op.id] = Point(x=op.x, y=op.y)
    if old is not None:
        return {"op": "set_position", "view": op.view, "id": op.id, "x": old.x, "y": old.y}
    return {"op": "clear_position", "view": op.view, "id": op.id, "drop_view": not had_view}


def _clear_position(case: Case, op: ClearPosition) -> Json:
    _position_target(case, op.id)
    points = case.positions.get(op.view, {})
    old = points.pop(op.id, None)
    if old is None:
        return {"op": "clear_position", "view": op.view, "id": op.id, "drop_view": False}
    if not points and op.drop_view:
        del case.positions[op.view]
    return {"op": "set_position", "view": op.view, "id": op.id, "x": old.x, "y": old.y}
