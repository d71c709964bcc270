"""JSON API for editing a case in place (drawing on the map): one operation per request.

``POST /api/cases/{id}/edits`` with ``If-Match: "<version>"`` and an operation of
:mod:`zorgkracht.services.edits` as the body. The change is checked against every invariant and
saved at once; the answer carries the new version, the operation that undoes the change, the
picture of the requested view redrawn by the same renderer as the exports, and a summary of the
analysis. A version that is no longer current is a 409: someone else saved in between.

The last saved state of a few cases is kept in memory, so an edit that follows an edit does not
read the whole case back from the database. That is safe: the store's own version check still
decides every save, and a cached state is only used for exactly the version the client names.
"""

from __future__ import annotations

import json
import logging
import threading
from collections import OrderedDict
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, TypeAdapter

from zorgkracht.domain import Conflict, InvalidInput, NotFound, Problem
from zorgkracht.render.views import VIEWS
from zorgkracht.services.audit import Event
from zorgkracht.services.edits import OPERATIONS, apply_edit
from zorgkracht.services.permissions import Action
from zorgkracht.storage import CaseRecord

from .case_routes import analysis_panel, analysis_summary, draw
from .deps import audit, get_service, load_case, permit

log = logging.getLogger(__name__)

router = APIRouter(tags=["edits"])

_CACHE_SIZE = 16


class _RecentCases:
    """The last saved record of a few cases, by id (see the module docstring)."""

    def __init__(self, size: int = _CACHE_SIZE) -> None:
        self._items: OrderedDict[str, CaseRecord] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def get(self, case_id: str, version: int) -> CaseRecord | None:
        with self._lock:
            record = self._items.get(case_id)
            if record is None or record.version != version:
                return None
            self._items.move_to_end(case_id)
            return record

    def put(self, record: CaseRecord) -> None:
        with self._lock:
            self._items[record.case.id] = record
            self._items.move_to_end(record.case.id)
            while len(self._items) > self._size:
                self._items.popitem(last=False)

    def drop(self, case_id: str) -> None:
        with self._lock:
            self._items.pop(case_id, None)


def _recent(request: Request) -> _RecentCases:
    """One memory per application (and so per service and database)."""
    state = request.app.state
    recent: _RecentCases | None = getattr(state, "recent_edits", None)
    if recent is None:
        recent = _RecentCases()
        state.recent_edits = recent
    return recent


def _inline(schema: dict[str, Any]) -> dict[str, Any]:
    """A JSON schema with its ``$defs`` written in place (the operations are not recursive)."""
    defs = schema.pop("$defs", {})

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                return walk(defs[ref.removeprefix("#/$defs/")])
            return {k: walk(v) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    inlined: dict[str, Any] = walk(schema)
    return inlined


def _operation_schema() -> dict[str, Any]:
    models = list(OPERATIONS.values())
    schemas = [_inline(TypeAdapter(m).json_schema()) for m in models]
    return {"oneOf": schemas, "discriminator": {"propertyName": "op"}}


class EditAnswer(BaseModel):
    """What an edit returns."""

    version: int = Field(description="The case's new version (also the ETag).")
    undo: dict[str, Any] = Field(description="The operation that undoes this change.")
    svg: str | None = Field(description="The requested view, redrawn; null if not available.")
    analysis: dict[str, Any] = Field(description="Size and signals of the network now.")
    fragments: dict[str, str] | None = Field(
        default=None, description="HTML of the page's table, analysis and person list."
    )


_ERRORS: dict[int | str, dict[str, Any]] = {
    str(code): {
        "description": text,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }
    for code, text in (
        (404, "No such case"),
        (409, "Someone else saved first"),
        (422, "Invalid operation (the problems name the fields)"),
        (428, "If-Match required"),
    )
}


def _precondition_required() -> JSONResponse:
    from .app import error_body  # the app imports this module; import at call time

    return JSONResponse(
        error_body(
            "precondition_required",
            "Stuur de versie die u bewerkt mee in de If-Match-header (de ETag van de casus).",
            "Send the version you are editing in the If-Match header (the case's ETag).",
        ),
        status_code=428,
    )


def _expected_version(request: Request) -> int | None:
    raw = request.headers.get("if-match", "").strip().removeprefix("W/").strip('"')
    if not raw:
        return None
    if not raw.isdigit() or len(raw) > 18:
        raise InvalidInput(
            [
                Problem(
                    "If-Match",
                    f"versie {raw!r} is geen getal",
                    f"version {raw!r} is not a number",
                    "type",
                )
            ]
        )
    return int(raw)


def _stale(case_id: str, current: int, expected: int) -> Conflict:
    return Conflict(
        f"Casus '{case_id}' is intussen door iemand anders opgeslagen (versie {current}, u had "
        f"versie {expected}); laad de pagina opnieuw, uw wijziging is niet opgeslagen",
        f"Case '{case_id}' was saved by someone else in the meantime (version {current}, you "
        f"had version {expected}); reload the page, your change was not saved",
    )


async def _body(request: Request) -> Any:
    raw = await request.body()
    try:
        data = json.loads(raw.decode("utf-8-sig"))
        # escaped lone surrogates ("\ud800") are valid JSON but no text a database can hold
        json.dumps(data, ensure_ascii=False).encode("utf-8")
        return data
    except (UnicodeError, json.JSONDecodeError) as err:
        raise InvalidInput(
            [Problem("body", f"geen geldige JSON ({err})", f"not valid JSON ({err})", "json")]
        ) from None


def _load(request: Request, case_id: str, expected: int) -> CaseRecord:
    """The case at version ``expected``, from memory when it was saved here last."""
    permit(request, Action.EDIT, case_id)
    recent = _recent(request)
    cached = recent.get(case_id, expected)
    if cached is not None:
        return cached
    record = load_case(request, case_id, Action.EDIT)
    if record.version != expected:
        raise _stale(case_id, record.version, expected)
    return record


def _op_kind(data: Any) -> str:
    """The operation's kind for the audit (``update_tie``), never its content."""
    op = data.get("op") if isinstance(data, dict) else None
    return op if isinstance(op, str) and op in OPERATIONS else "invalid"


@router.post(
    "/api/cases/{case_id}/edits",
    response_model=EditAnswer,
    responses=_ERRORS,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": _operation_schema()}},
        },
        "parameters": [
            {
                "name": "If-Match",
                "in": "header",
                "required": True,
                "description": 'The version being edited, as "<version>" (the ETag).',
                "schema": {"type": "string"},
            }
        ],
    },
)
async def edit_case(
    request: Request,
    case_id: str,
    view: str = Query(
        VIEWS[0], description="The view to redraw.", json_schema_extra={"enum": list(VIEWS)}
    ),
    lang: str = Query(
        "nl",
        description="Language of picture and analysis.",
        json_schema_extra={"enum": ["nl", "en"]},
    ),
    fragments: bool = Query(False, description="Also return the page's HTML fragments."),
) -> JSONResponse:
    """Apply one edit operation to the case and save it at once."""
    if view not in VIEWS:
        raise InvalidInput(
            [Problem("view", "onbekende weergave", f"unknown view; choose one of {VIEWS}", "enum")]
        )
    lang = "en" if lang == "en" else "nl"
    expected = _expected_version(request)
    if expected is None:
        return _precondition_required()
    data = await _body(request)
    audit(request, Event.CASE_CHANGED, case_id, _op_kind(data))
    record = _load(request, case_id, expected)
    result = apply_edit(record.case, data)
    recent = _recent(request)
    try:
        saved = get_service(request).update(result.case, expected, previous=record.case)
    except (Conflict, NotFound):
        recent.drop(case_id)
        raise
    recent.put(saved)
    picture = draw(saved.case, view, lang, table=fragments)
    panel = analysis_panel(saved.case, lang)
    answer: dict[str, Any] = {
        "version": saved.version,
        "undo": result.inverse,
        "svg": picture.svg,
        "analysis": analysis_summary(panel),
    }
    if fragments:
        from .case_routes import page_fragments

        answer["fragments"] = page_fragments(request, saved, picture, panel)
    return JSONResponse(answer, headers={"ETag": f'"{saved.version}"'})
