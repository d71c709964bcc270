"""The JSON API beyond the case file (issue 15, point 1): the analysis, a comparison, the
pictures and their tables, snapshots, exports and imports, and the process.

Everything here is what the HTML pages show, through the same services; every read is in the
audit log like a page view, every change takes the case's version in ``If-Match`` like an edit.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from zorgkracht.domain import InvalidInput, Problem
from zorgkracht.domain.limits import MAX_TITLE
from zorgkracht.domain.privacy import without_sensitive
from zorgkracht.i18n import language
from zorgkracht.services.analysing import analyse, compare
from zorgkracht.services.audit import Event
from zorgkracht.services.cases import FileKind
from zorgkracht.services.documents import case_to_dict
from zorgkracht.services.permissions import Action
from zorgkracht.services.pictures import FORMATS, VIEWS, case_at, draw, export_picture
from zorgkracht.services.snapshots import remove_snapshot, take_snapshot

from .deps import current_user, get_service, load_case
from .error_body import error_responses
from .if_match import expected_version

router = APIRouter(prefix="/api/cases/{case_id}", tags=["case parts"])

_ERRORS = error_responses(
    (401, "Not signed in"),
    (403, "Not allowed, or the CSRF token is missing"),
    (404, "No such case or snapshot"),
    (409, "Someone else saved first"),
    (422, "Invalid input (the problems name the fields)"),
    (428, "If-Match required"),
)
_MEDIA = {"svg": "image/svg+xml", "png": "image/png", "pdf": "application/pdf"}
_IF_MATCH = {
    "name": "If-Match",
    "in": "header",
    "required": True,
    "description": 'The version being changed, as "<version>" (the ETag).',
    "schema": {"type": "string"},
}
View = Annotated[str, Query(json_schema_extra={"enum": list(VIEWS)})]
Lang = Annotated[str, Query(description="nl or en", json_schema_extra={"enum": ["nl", "en"]})]
SnapshotQuery = Annotated[
    str | None, Query(max_length=100, description="A snapshot id, or current (the default).")
]


def _budget(request: Request) -> float:
    return float(getattr(request.app.state.settings, "draw_budget_seconds", 5.0))


def _view(view: str) -> str:
    if view not in VIEWS:
        raise InvalidInput(
            [
                Problem(
                    "view",
                    f"onbekend beeld; kies uit {', '.join(VIEWS)}",
                    f"unknown view; choose one of {', '.join(VIEWS)}",
                    "enum",
                )
            ]
        )
    return view


@router.get("/analysis", responses=_ERRORS)
def get_analysis(case_id: str, request: Request, snapshot: SnapshotQuery = None) -> dict[str, Any]:
    """Every measure, signal and RADIO reading: the document of ``zorgkracht analyse --json``
    (``docs/analysis.md``), of the network now or of ``snapshot``."""
    record = load_case(request, case_id, detail="api:analysis")
    result: dict[str, Any] = dict(analyse(record.case, snapshot))
    return result


@router.get("/compare", responses=_ERRORS)
def get_comparison(
    case_id: str,
    request: Request,
    from_: Annotated[str, Query(alias="from", max_length=100)] = "current",
    to: Annotated[str, Query(max_length=100)] = "current",
) -> dict[str, Any]:
    """What changed from snapshot ``from`` to ``to`` (``current``: now), as ``zorgkracht
    compare --json``."""
    record = load_case(request, case_id, detail="api:compare")
    result: dict[str, Any] = dict(compare(record.case, from_, to))
    return result


@router.get(
    "/views/{view}",
    responses={
        **_ERRORS,
        200: {"content": {m: {"schema": {"type": "string"}} for m in _MEDIA.values()}},
    },
    response_class=Response,
)
def get_view(
    case_id: str,
    view: str,
    request: Request,
    format: Annotated[str, Query(json_schema_extra={"enum": list(FORMATS)})] = "svg",
    snapshot: SnapshotQuery = None,
    hide_sensitive: bool = False,
    lang: Lang = "nl",
) -> Response:
    """One picture as SVG, PNG or PDF (A4), drawn by the renderer of the page and the exports;
    ``hide_sensitive`` leaves out what is marked sensitive (for a network meeting)."""
    _view(view)
    if format not in FORMATS:
        raise InvalidInput(
            [Problem("format", "kies svg, png of pdf", "choose svg, png or pdf", "enum")]
        )
    action = Action.EXPORT_PICTURE_WITHOUT_SENSITIVE if hide_sensitive else Action.EXPORT_PICTURE
    record = load_case(request, case_id, action, event=Event.CASE_EXPORTED, detail=f"api:{view}")
    data = export_picture(
        current_user(request).actor,
        record.case,
        view,
        format,
        lang=language(lang),
        snapshot=snapshot,
        hide_sensitive=hide_sensitive,
        budget=_budget(request),
    )
    return Response(data, media_type=_MEDIA[format])


@router.get("/views/{view}/table", responses=_ERRORS)
def get_view_table(
    case_id: str,
    view: str,
    request: Request,
    snapshot: SnapshotQuery = None,
    hide_sensitive: bool = False,
    lang: Lang = "nl",
) -> dict[str, Any]:
    """The table of a view: everything the picture says, in rows (the page's text
    alternative)."""
    _view(view)
    record = load_case(request, case_id, detail=f"api:table:{view}")
    shown = case_at(record.case, snapshot)
    if hide_sensitive:
        shown = without_sensitive(shown)
    picture = draw(shown, view, language(lang), budget=_budget(request))
    return {"view": view, "rows": picture.rows, "too_large": picture.too_large}


class SnapshotOut(BaseModel):
    id: str
    label: str
    taken_on: dt.date | None
    persons: int


class SnapshotIn(BaseModel):
    label: str = Field(min_length=1, max_length=MAX_TITLE)
    taken_on: dt.date | None = None


@router.get("/snapshots", responses=_ERRORS)
def list_snapshots(case_id: str, request: Request) -> list[SnapshotOut]:
    record = load_case(request, case_id, detail="api:snapshots")
    return [
        SnapshotOut(id=s.id, label=s.label, taken_on=s.taken_on, persons=len(s.network.persons))
        for s in record.case.snapshots
    ]


@router.post(
    "/snapshots", status_code=201, responses=_ERRORS, openapi_extra={"parameters": [_IF_MATCH]}
)
def add_snapshot(case_id: str, body: SnapshotIn, request: Request) -> JSONResponse:
    """Keep the network as it is now under ``label``; answers the snapshot and, in ``ETag``,
    the case's new version."""
    record = load_case(request, case_id, Action.EDIT, event=Event.CASE_CHANGED, detail="api")
    saved, snap = take_snapshot(
        get_service(request),
        current_user(request).actor,
        record,
        label=body.label,
        taken_on=body.taken_on,
        expected_version=expected_version(request),
    )
    out = SnapshotOut(
        id=snap.id, label=snap.label, taken_on=snap.taken_on, persons=len(snap.network.persons)
    )
    return JSONResponse(
        out.model_dump(mode="json"),
        status_code=201,
        headers={
            "ETag": f'"{saved.version}"',
            "Location": f"/api/cases/{quote(case_id)}/snapshots/{quote(snap.id)}",
        },
    )


@router.delete(
    "/snapshots/{snapshot_id}",
    status_code=204,
    responses=_ERRORS,
    openapi_extra={"parameters": [_IF_MATCH]},
)
def delete_snapshot(case_id: str, snapshot_id: str, request: Request) -> Response:
    """Remove a snapshot; refused (422) while an evaluation of the plan compares with it."""
    record = load_case(request, case_id, Action.EDIT, event=Event.CASE_CHANGED, detail="api")
    saved = remove_snapshot(
        get_service(request),
        current_user(request).actor,
        record,
        snapshot_id,
        expected_version=expected_version(request),
    )
    return Response(status_code=204, headers={"ETag": f'"{saved.version}"'})


_EXPORTS = {"case": FileKind.CASE, "network-list": FileKind.NETWORK_LIST}


@router.get(
    "/export",
    responses={**_ERRORS, 200: {"content": {"application/json": {}, "text/csv": {}}}},
    response_class=Response,
)
def export_case(
    case_id: str,
    request: Request,
    format: Annotated[str, Query(json_schema_extra={"enum": list(_EXPORTS)})] = "case",
    hide_sensitive: bool = False,
    lang: Lang = "nl",
) -> Response:
    """The case as a file: the case file (JSON) or the network list (CSV)."""
    kind = _EXPORTS.get(format)
    if kind is None:
        raise InvalidInput(
            [
                Problem(
                    "format",
                    f"kies uit {', '.join(_EXPORTS)}",
                    f"choose one of {', '.join(_EXPORTS)}",
                    "enum",
                )
            ]
        )
    record = load_case(
        request, case_id, Action.EXPORT_CASE_FILE, event=Event.CASE_EXPORTED, detail="api"
    )
    text = get_service(request).export_text(
        current_user(request).actor,
        record.case.id,
        kind,
        hide_sensitive=hide_sensitive,
        lang=language(lang),
    )
    media = "application/json" if kind is FileKind.CASE else "text/csv; charset=utf-8"
    return Response(text, media_type=media)


@router.get("/process", responses=_ERRORS)
def get_process(case_id: str, request: Request) -> dict[str, Any]:
    """The process from referral to closing, as the case file holds it (``{}`` when there is
    none yet); change it with the process operations of ``POST /api/cases/{case_id}/edits``."""
    record = load_case(request, case_id, detail="api:process")
    process: dict[str, Any] = case_to_dict(record.case).get("process", {})
    return process
