"""The case list (``/``): search, create a case, archive and restore. Plain forms, no JavaScript
needed; bad input is shown next to its field and changes nothing."""

from __future__ import annotations

import dataclasses
import logging
from urllib.parse import parse_qsl, quote, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from zorgkracht.domain import Case, Conflict, Network, NotFound, Person
from zorgkracht.domain.codes import CaseStatus
from zorgkracht.domain.limits import MAX_TITLE
from zorgkracht.i18n import Text, in_language
from zorgkracht.services.audit import Event
from zorgkracht.services.permissions import Action
from zorgkracht.storage import CaseSummary

from .deps import (
    User,
    audit,
    current_user,
    get_accounts,
    get_service,
    load_case,
    page_lang,
    permit,
    render_page,
)

log = logging.getLogger(__name__)

router = APIRouter(include_in_schema=False)

MAX_TEXT = MAX_TITLE
MAX_SEARCH = 200


def visible_cases(
    request: Request, user: User, search: str | None, include_archived: bool
) -> list[CaseSummary]:
    rows = get_service(request).list(search=search, include_archived=include_archived)
    if user.may(Action.LIST_CASES):  # every case (administrator, coordinator)
        return rows
    return [r for r in rows if r.id in user.case_ids]


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
        record = service.create_new(case)  # an opaque id: never made from the title
        get_accounts(request).assign(record.case.id, int(user.id))
        audit(request, Event.CASE_CREATED, record.case.id, "page")
        return record.case.id

    case_id = await run_in_threadpool(make)
    log.info("case created through the web")
    return RedirectResponse(f"/cases/{quote(case_id, safe='')}", status_code=303)


def _set_status(request: Request, case_id: str, status: CaseStatus) -> None:
    service = get_service(request)
    for _attempt in range(3):
        record = load_case(
            request, case_id, Action.EDIT, event=Event.CASE_CHANGED, detail=status.value
        )
        if record.case.status == status:
            return
        try:
            service.update(dataclasses.replace(record.case, status=status), record.version)
            return
        except Conflict:  # changed in between: read again and retry
            continue
    raise Conflict(
        "De casus werd steeds tegelijk gewijzigd; probeer het nog eens.",
        "The case kept being changed at the same time; please try again.",
    )


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
