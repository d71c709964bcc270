"""The case list (``/``): search, create a case, archive and restore. Plain forms, no JavaScript
needed; bad input is shown next to its field and changes nothing."""

from __future__ import annotations

import logging
from urllib.parse import parse_qsl, quote, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from zorgkracht.domain import Case, Network, NotFound, Person
from zorgkracht.domain.codes import CaseStatus
from zorgkracht.domain.limits import MAX_TITLE
from zorgkracht.i18n import Text, in_language
from zorgkracht.services.audit import Event
from zorgkracht.services.cases import CaseSummary
from zorgkracht.services.permissions import Action

from .deps import (
    User,
    audit,
    current_user,
    get_service,
    page_lang,
    pending_audit,
    permit,
    refusals_denied,
    render_page,
)

log = logging.getLogger(__name__)

router = APIRouter(include_in_schema=False)

MAX_TEXT = MAX_TITLE
MAX_SEARCH = 200


def visible_cases(
    request: Request, user: User, search: str | None, include_archived: bool
) -> list[CaseSummary]:
    return get_service(request).visible(
        user.actor, search=search, include_archived=include_archived
    )


def _list_page(
    request: Request,
    status: int = 200,
    *,
    form: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
) -> HTMLResponse:
    user = current_user(request)
    q = request.query_params.get("q", "")[:MAX_SEARCH]
    archived = request.query_params.get("archived") == "1"
    rows = visible_cases(request, user, q.strip() or None, archived)
    return render_page(
        request,
        "cases.html",
        status,
        cases=rows,
        q=q,
        archived=archived,
        form=form or {},
        errors=errors or {},
        query=urlencode({k: v for k, v in (("q", q), ("archived", "1" if archived else "")) if v}),
    )


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    return _list_page(request)


def _text_problem(request: Request, value: str) -> str | None:
    lang = page_lang(request)
    if not value:
        return in_language(Text("Vul dit in.", "Fill this in."), lang)
    if len(value) > MAX_TEXT:
        return in_language(
            Text(f"Gebruik hooguit {MAX_TEXT} tekens.", f"Use at most {MAX_TEXT} characters."), lang
        )
    if any(ord(ch) < 32 for ch in value):
        return in_language(Text("Gebruik geen stuurtekens.", "Use no control characters."), lang)
    return None


@router.post("/cases", response_class=HTMLResponse)
async def create_case(request: Request) -> Response:
    user = permit(request, Action.CREATE)
    form = await request.form()
    values = {
        k: " ".join(str(form.get(k) or "").split()) if isinstance(form.get(k), str) else ""
        for k in ("title", "client_name")
    }
    errors = {k: p for k, v in values.items() if (p := _text_problem(request, v)) is not None}
    if errors:
        return _list_page(request, 422, form=values, errors=errors)
    service = get_service(request)

    def make() -> str:
        case = Case(
            id="",
            title=values["title"],
            client="p1",
            network=Network(
                persons=[Person(id="p1", name=values["client_name"])], household=["p1"]
            ),
        )
        # an opaque id, never made from the title; assigned to its maker in the same transaction
        record = service.create_assigned(user.actor, case)
        audit(request, Event.CASE_CREATED, record.case.id, "page")
        return record.case.id

    case_id = await run_in_threadpool(make)
    log.info("case created through the web")
    return RedirectResponse(f"/cases/{quote(case_id, safe='')}", status_code=303)


def _set_status(request: Request, case_id: str, status: CaseStatus) -> None:
    if not any(e.case_id == case_id for e in pending_audit(request)):
        audit(request, Event.CASE_CHANGED, case_id, status.value)
    user = current_user(request)
    with refusals_denied(request, case_id):
        get_service(request).set_status(user.actor, case_id, status)


async def _status_change(request: Request, case_id: str, status: CaseStatus) -> Response:
    try:
        await run_in_threadpool(_set_status, request, case_id, status)
    except NotFound:
        return render_page(request, "not_found.html", 404, case_id=case_id)
    form = await request.form()
    back = form.get("back")
    # Back to the list as it was (search and "show archived"); only those two values are kept.
    kept = parse_qsl(back if isinstance(back, str) else "")
    query = urlencode([(k, v[:MAX_SEARCH]) for k, v in kept if k in ("q", "archived")])
    return RedirectResponse("/" + (f"?{query}" if query else ""), status_code=303)


@router.post("/cases/{case_id}/archive", response_class=HTMLResponse)
async def archive_case(request: Request, case_id: str) -> Response:
    return await _status_change(request, case_id, CaseStatus.ARCHIVED)


@router.post("/cases/{case_id}/restore", response_class=HTMLResponse)
async def restore_case(request: Request, case_id: str) -> Response:
    return await _status_change(request, case_id, CaseStatus.ACTIVE)
