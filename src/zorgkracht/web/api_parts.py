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
from zorgkracht.services.calendars import calendar_file
from zorgkracht.services.cases import FileKind
from zorgkracht.services.documents import case_to_dict
from zorgkracht.services.permissions import Action
from zorgkracht.services.pictures import FORMATS, VIEWS, case_at, draw, export_picture
from zorgkracht.services.process_documents import (
    DOCUMENT_FORMATS,
    DOCUMENT_KINDS,
    process_document,
)
from zorgkracht.services.snapshots import remove_snapshot, take_snapshot

from .deps import audit, current_user, get_service, load_case, pending_audit, permit
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


_EXPORTS = {
    "case": (FileKind.CASE, "application/json"),
    "network-list": (FileKind.NETWORK_LIST, "text/csv; charset=utf-8"),
    "graphml": (FileKind.GRAPHML, "application/graphml+xml"),
    "gexf": (FileKind.GEXF, "application/gexf+xml"),
    "gedcom": (FileKind.GEDCOM, "text/vnd.familysearch.gedcom; charset=utf-8"),
}


@router.get(
    "/export",
    responses={
        **_ERRORS,
        200: {"content": {media: {} for _kind, media in _EXPORTS.values()}},
    },
    response_class=Response,
)
def export_case(
    case_id: str,
    request: Request,
    format: Annotated[str, Query(json_schema_extra={"enum": list(_EXPORTS)})] = "case",
    snapshot: SnapshotQuery = None,
    hide_sensitive: bool = False,
    gedcom_version: Annotated[str, Query(json_schema_extra={"enum": ["5.5.1", "7.0"]})] = "5.5.1",
    lang: Lang = "nl",
) -> Response:
    """The case as a file: the case file (JSON), the network list (CSV), GraphML or GEXF (for
    Gephi, Cytoscape, R, networkx) or GEDCOM (the family, for genealogy programs); of
    ``snapshot`` (not for the case file, which holds them all) and without what is sensitive
    when asked. ``docs/interchange.md`` says what each format keeps."""
    found = _EXPORTS.get(format)
    if found is None:
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
    kind, media = found
    detail = f"api:{format}" + (":without_sensitive" if hide_sensitive else "")
    load_case(request, case_id, Action.EXPORT_CASE_FILE, event=Event.CASE_EXPORTED, detail=detail)
    data = get_service(request).export_bytes(
        current_user(request).actor,
        case_id,
        kind,
        snapshot=snapshot,
        hide_sensitive=hide_sensitive,
        gedcom_version=gedcom_version,
        lang=language(lang),
    )
    return Response(data, media_type=media)


@router.get("/process", responses=_ERRORS)
def get_process(case_id: str, request: Request) -> dict[str, Any]:
    """The process from referral to closing, as the case file holds it (``{}`` when there is
    none yet); change it with the process operations of ``POST /api/cases/{case_id}/edits``."""
    record = load_case(request, case_id, detail="api:process")
    process: dict[str, Any] = case_to_dict(record.case).get("process", {})
    return process


_DOCUMENT_MEDIA = {"pdf": "application/pdf", "html": "text/html; charset=utf-8"}


@router.get(
    "/documents/{kind}",
    responses={**_ERRORS, 200: {"content": {"application/pdf": {}, "text/html": {}}}},
    response_class=Response,
)
def get_document(
    case_id: str,
    kind: str,
    request: Request,
    format: Annotated[str, Query(json_schema_extra={"enum": list(DOCUMENT_FORMATS)})] = "pdf",
    meeting: Annotated[str | None, Query(max_length=100)] = None,
    lang: Lang = "nl",
) -> Response:
    """A paper of the process: ``invitation`` (of ``meeting``, by default the next one),
    ``plan``, ``client-plan``, ``evaluation`` (nothing marked sensitive on any of these) or
    ``case`` (the professional's file: everything). A4 PDF or printable HTML."""
    if kind not in DOCUMENT_KINDS:
        raise InvalidInput(
            [
                Problem(
                    "kind",
                    f"kies uit {', '.join(DOCUMENT_KINDS)}",
                    f"choose one of {', '.join(DOCUMENT_KINDS)}",
                    "enum",
                )
            ]
        )
    # the professional's case report holds what is sensitive, like the case file
    action = Action.EXPORT_CASE_FILE if kind == "case" else Action.EXPORT_PICTURE_WITHOUT_SENSITIVE
    record = load_case(
        request, case_id, action, event=Event.CASE_EXPORTED, detail=f"api:report:{kind}"
    )
    data = process_document(record.case, kind, format, meeting=meeting, lang=language(lang))
    name = f"{case_id}-{kind}.{format}"
    return Response(
        data,
        media_type=_DOCUMENT_MEDIA.get(format, "application/octet-stream"),
        headers={"Content-Disposition": f'inline; filename="{quote(name)}"'},
    )


@router.get(
    "/calendar",
    responses={**_ERRORS, 200: {"content": {"text/calendar": {}}}},
    response_class=Response,
)
def get_calendar(
    case_id: str,
    request: Request,
    person: Annotated[str | None, Query(max_length=100)] = None,
    lang: Lang = "nl",
) -> Response:
    """Meetings and actions as iCalendar (RFC 5545), of the case or of one ``person`` (what
    they are invited to and have a part in), to put in a phone's calendar; nothing marked
    sensitive and no notes."""
    record = load_case(
        request,
        case_id,
        Action.EXPORT_PICTURE_WITHOUT_SENSITIVE,
        event=Event.CASE_EXPORTED,
        detail="api:ics" + (":person" if person else ""),
    )
    if person is not None and person not in record.case.network.person_ids():
        raise InvalidInput(
            [
                Problem(
                    "person",
                    "deze persoon staat niet in het netwerk",
                    "this person is not in the network",
                    "unknown_reference",
                )
            ]
        )
    data = calendar_file(record.case, person=person, lang=language(lang))
    return Response(
        data,
        media_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{quote(case_id)}.ics"'},
    )


imports = APIRouter(tags=["cases"])


@imports.post(
    "/api/import",
    status_code=201,
    responses=_ERRORS,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/octet-stream": {"schema": {"type": "string"}}},
        }
    },
)
async def import_file(
    request: Request,
    name: Annotated[str, Query(max_length=200, description="The file's name, for messages.")] = (
        "upload"
    ),
) -> JSONResponse:
    """Store the file in the body as a new case, its format told from its content: a case
    file, a network list, GEDCOM, GraphML, an easyNWK record or a Network Canvas attribute
    list (or its zip). All or nothing: a bad file stores nothing and each problem names its
    place. Answers the new case's id, kind and version; the case is in ``Location``."""
    user = permit(request, Action.CREATE)
    audit(request, Event.CASE_CREATED, None, "api:import")
    data = await request.body()
    result = get_service(request).import_bytes(user.actor, data, name)
    record = result.record
    pending_audit(request)[-1].case_id = record.case.id
    return JSONResponse(
        {"id": record.case.id, "kind": result.kind.value, "version": record.version},
        status_code=201,
        headers={
            "Location": f"/api/cases/{quote(record.case.id)}",
            "ETag": f'"{record.version}"',
        },
    )
