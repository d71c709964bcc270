"""JSON API for editing a case in place (drawing on the map): one operation per request.

``POST /api/cases/{id}/edits`` with ``If-Match: "<version>"`` and an operation of
:mod:`zorgkracht.services.edits` as the body. The change is checked against every invariant and
saved at once; the answer carries the new version, the operation that undoes the change, the
picture of the requested view redrawn by the same renderer as the exports, and a summary of the
analysis. A version that is no longer current is a 409: someone else saved in between.

The use case is :func:`zorgkracht.services.editing.edit_and_draw`; this module reads the request
and shapes the answer. The service keeps the last saved state of a few cases, so an edit that
follows an edit does not read the whole case back from the database (:meth:`CaseService.edit
<zorgkracht.services.cases.CaseService.edit>`): every write drops it, and the store's atomic
claim checks its version and revision, so it never stands in for a case that was deleted or
stored anew (also by another process).
"""

from __future__ import annotations

import logging
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, TypeAdapter
from starlette.concurrency import run_in_threadpool

from zorgkracht.domain import InvalidInput, Problem
from zorgkracht.i18n import language
from zorgkracht.services.analysing import analysis_summary
from zorgkracht.services.audit import Event
from zorgkracht.services.documents import read_json
from zorgkracht.services.editing import edit_and_draw
from zorgkracht.services.edits import OPERATIONS
from zorgkracht.services.permissions import Action
from zorgkracht.services.pictures import TOO_LARGE, VIEWS
from zorgkracht.services.redraw import fragment_patches, redrawn

from .case_plan import PlanPart, edit_part
from .case_routes import FRAGMENTS, PICTURE_FRAGMENTS, draw_budget, page_fragments
from .deps import audit, get_service, permit
from .error_body import error_responses
from .if_match import expected_version

log = logging.getLogger(__name__)

router = APIRouter(tags=["edits"])


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
    svg: str | None = Field(
        description="The requested view, redrawn; null if not available, or when `patch`"
        " holds what changed."
    )
    patch: dict[str, str] | None = Field(
        default=None,
        description="Only with `drawn`: the parts of the picture that changed since the"
        " picture of version `drawn`, keyed by the attribute that finds each element"
        ' (`data-tie-id="t5"`: the element two levels down in the SVG), each the element\'s new'
        " SVG text; `svg` is then null. Absent when the whole picture is sent.",
    )
    analysis: dict[str, Any] = Field(description="Size and signals of the network now.")
    fragment_patches: dict[str, dict[str, str]] | None = Field(
        default=None,
        description="Only with `drawn` and `fragments`: of the fragments the page shows, the"
        " rows that changed (fragment name → the attribute that finds the row, such as"
        ' `data-person-row="p2"` → its new HTML); those fragments are then not in `fragments`.',
    )
    data_changes: dict[str, dict[str, Any]] | None = Field(
        default=None,
        description="Only with `fragment_patches`: the page's JSON data (the script"
        ' `id="case-data"` of the person list) as what changed, by script id: `values`'
        " (key → new value), `entries` (key → id → new or changed entry, new ones last) and"
        " `drop` (key → ids removed); the script itself is then not among the patched rows.",
    )
    fragments: dict[str, str] | None = Field(
        default=None,
        description="HTML of the page parts that changed: the table always; the client system,"
        " analysis and person list unless the edit only moved a person or domain.",
    )
    part: str | None = Field(
        default=None,
        description="With part=action and an update_action: the plan page's HTML of that"
        " action, the plan load and the plan layer's badges (web/case_plan.edit_part).",
    )
    message: dict[str, str] | None = Field(
        default=None,
        description="Why svg is null: the picture did not fit in its time budget (nl, en).",
    )


_EXAMPLES: dict[str, dict[str, Any]] = {
    "add_person": {
        "summary": "Een buurvrouw die praktisch helpt / a neighbour who helps",
        "value": {"op": "add_person", "name": "Jolanda", "role": "neighbour", "support": ["P"]},
    },
    "update_tie": {
        "summary": "Zorguren van een relatie / care hours of a tie",
        "value": {"op": "update_tie", "id": "t1", "changes": {"care_hours_per_week": 4}},
    },
    "add_help_question": {
        "summary": "Een hulpvraag in de woorden van de cliënt / a help question",
        "value": {"op": "add_help_question", "text": "Wie rijdt mij naar de dagbesteding?"},
    },
    "add_action": {
        "summary": "Een actie bij een hulpvraag / an action for a help question",
        "value": {
            "op": "add_action",
            "help_question": "hq1",
            "description": "Rijden op dinsdag",
            "persons": [{"person": "p2", "part": "does"}],
            "frequency": "weekly",
            "hours_per_week": 2,
        },
    },
    "update_meeting": {
        "summary": "Aanwezigheid op het netwerkberaad / attendance",
        "value": {
            "op": "update_meeting",
            "id": "mt1",
            "changes": {"invitees": [{"person": "p2", "reply": "yes", "present": True}]},
        },
    },
}
"""Examples of the request body in the OpenAPI description."""

_ERRORS = error_responses(
    (404, "No such case"),
    (409, "Someone else saved first"),
    (422, "Invalid operation (the problems name the fields)"),
    (428, "If-Match required"),
)


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
            "content": {"application/json": {"schema": _operation_schema(), "examples": _EXAMPLES}},
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
    drawn: int | None = Query(
        None,
        description="The version whose picture of this view the caller shows: the answer may"
        " then carry only the changed parts (`patch`) and leave out an unchanged table.",
    ),
    part: Annotated[
        PlanPart | None,
        Query(description="Also return this part of the plan page (action: of an update_action)."),
    ] = None,
) -> JSONResponse:
    """Apply one edit operation to the case and save it at once."""
    if view not in VIEWS:
        raise InvalidInput(
            [Problem("view", "onbekende weergave", f"unknown view; choose one of {VIEWS}", "enum")]
        )
    lang = language(lang)
    expected = expected_version(request)
    data = read_json(await request.body())
    audit(request, Event.CASE_CHANGED, case_id, _op_kind(data))
    user = permit(request, Action.EDIT, case_id)

    def save_and_draw() -> JSONResponse:
        edited = edit_and_draw(
            get_service(request),
            user.actor,
            case_id,
            expected,
            data,
            view=view,
            lang=lang,
            table=fragments,
            budget=draw_budget(request),
        )
        saved, picture = edited.record, edited.picture
        since = redrawn(case_id, saved.version, drawn, picture, lang)
        answer: dict[str, Any] = {
            "version": saved.version,
            "undo": edited.result.inverse,
            "svg": None if since.patch is not None else picture.svg,
            "analysis": analysis_summary(edited.panel),
        }
        if since.patch is not None:
            answer["patch"] = since.patch
        if picture.too_large:
            answer["message"] = {"nl": TOO_LARGE[0], "en": TOO_LARGE[1]}
        if fragments:
            # a person only moved: the lists and the analysis the page shows stay as they are
            parts: tuple[str, ...] = (
                PICTURE_FRAGMENTS if edited.result.only_positions else FRAGMENTS
            )
            if since.same_rows:  # and the table the page shows is still right
                parts = tuple(p for p in parts if p != "table")
            drawn_now = page_fragments(request, saved, picture, edited.panel, parts)
            sent = fragment_patches(case_id, view, lang, saved.version, since, drawn_now)
            answer["fragments"] = sent.whole
            if sent.rows:
                answer["fragment_patches"] = sent.rows
            if sent.data:
                answer["data_changes"] = sent.data
        if part:
            answer["part"] = edit_part(request, saved, data, part, view)
        return JSONResponse(answer, headers={"ETag": f'"{saved.version}"'})

    # in a worker thread: saving and drawing (up to its budget) never hold up the event loop,
    # so other requests and a clean stop of the server go on meanwhile
    return await run_in_threadpool(save_and_draw)
