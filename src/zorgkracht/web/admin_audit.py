"""The audit log in the web application: the middleware that writes each request's audit
entries, the administrator's search page ``/admin/audit`` (with the archived cases due for
review), erasing a case (``/cases/{id}/erase``) and setting a user's role.

:class:`AuditMiddleware` runs inside the security middleware (so it knows the signed-in user)
and writes the entries a route left with :func:`zorgkracht.web.deps.audit` (or
:func:`~zorgkracht.web.deps.load_case`) *before* the answer's first byte goes out, with the
outcome the status stands for: a request that fails, is refused or raises is still recorded.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from zorgkracht.domain import Conflict, InvalidInput, NotFound, Problem
from zorgkracht.i18n import in_language
from zorgkracht.services.audit import (
    Actor,
    AuditQuery,
    AuditRecord,
    AuditService,
    Event,
    Outcome,
    day_start,
)
from zorgkracht.services.permissions import Action, Role, parse_role

from .deps import (
    AUDIT_STATE,
    PendingAudit,
    User,
    audit,
    get_accounts,
    get_service,
    not_found_answer,
    page_lang,
    permit,
    render_page,
    wants_json_answer,
)
from .page_cache import forget_case

log = logging.getLogger(__name__)

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 50


# --- writing ----------------------------------------------------------------------------------


class AuditMiddleware:
    """Writes the audit entries of each request before its answer (see the module's text)."""

    def __init__(self, app: ASGIApp, audit: AuditService) -> None:
        self.app = app
        self.audit = audit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        written = False

        async def send_after_audit(message: Message) -> None:
            nonlocal written
            if message["type"] == "http.response.start" and not written:
                written = True
                await self._write(scope, int(message["status"]))
            await send(message)

        try:
            await self.app(scope, receive, send_after_audit)
        except Exception:
            if not written:
                written = True
                await self._write(scope, 500)
            raise

    async def _write(self, scope: Scope, status: int) -> None:
        state: dict[str, Any] = scope.get("state") or {}
        entries: list[PendingAudit] = state.get(AUDIT_STATE) or []
        if not entries:
            return
        user: User | None = state.get("user")
        client = scope.get("client")
        address = str(client[0]) if client else None
        derived = Outcome.of_status(status)
        now = dt.datetime.now(dt.UTC)
        records = [
            AuditRecord(
                at=now,
                user_id=e.user_id if e.user_name is not None else _user_id(user),
                user_name=e.user_name if e.user_name is not None else _user_name(user),
                case_id=e.case_id,
                address=address,
                event=e.event,
                detail=e.detail,
                outcome=e.outcome or str(derived),
            )
            for e in entries
        ]
        entries.clear()
        await run_in_threadpool(self.audit.record_all, records)


def _user_id(user: User | None) -> int | None:
    return int(user.id) if user is not None and user.id.isdigit() else None


def _user_name(user: User | None) -> str:
    return (user.username or user.name) if user is not None else ""


def audit_service(request: Request) -> AuditService:
    service: AuditService = request.app.state.audit
    return service


def actor(request: Request, user: User) -> Actor:
    return Actor(_user_id(user), _user_name(user), request.client.host if request.client else None)


# --- the search page --------------------------------------------------------------------------


def _date(request: Request, name: str) -> tuple[dt.date | None, Problem | None]:
    raw = request.query_params.get(name, "").strip()
    if not raw:
        return None, None
    try:
        return dt.date.fromisoformat(raw), None
    except ValueError:
        return None, Problem(
            name, "geef een datum als JJJJ-MM-DD", "give a date as YYYY-MM-DD", "date"
        )


@router.get("/admin/audit")
def audit_page(request: Request) -> Response:
    user = permit(request, Action.VIEW_AUDIT)
    params = request.query_params
    since, bad_since = _date(request, "since")
    until, bad_until = _date(request, "until")
    problems = [p for p in (bad_since, bad_until) if p is not None]
    filters = {k: params.get(k, "").strip()[:120] for k in ("case", "user", "event")}
    try:
        page = max(1, min(10_000, int(params.get("page", "1"))))
    except ValueError:
        page = 1
    if problems:
        if wants_json_answer(request):
            raise InvalidInput(problems)
        rows: list[AuditRecord] = []
    else:
        query = AuditQuery(
            case_id=filters["case"] or None,
            user_name=filters["user"] or None,
            event=filters["event"] or None,
            since=day_start(since) if since else None,
            until=day_start(until + dt.timedelta(days=1)) if until else None,
        )
        rows = audit_service(request).search(
            query, limit=PAGE_SIZE + 1, offset=(page - 1) * PAGE_SIZE
        )
    audit(request, Event.AUDIT_VIEWED, None, "search")
    settings = request.app.state.settings
    review = get_service(request).due_for_review(user.actor, settings.archive_review_days)
    kept = {k: v for k, v in params.items() if k in ("case", "user", "event", "since", "until")}
    lang = page_lang(request)
    return render_page(
        request,
        "admin_audit.html",
        422 if problems else 200,
        rows=rows[:PAGE_SIZE],
        filters={**filters, "since": params.get("since", ""), "until": params.get("until", "")},
        errors={p.where: in_language(p, lang) for p in problems},
        events=[e.value for e in Event],
        page=page,
        previous_page=urlencode({**kept, "page": page - 1}) if page > 1 else None,
        next_page=urlencode({**kept, "page": page + 1}) if len(rows) > PAGE_SIZE else None,
        review=review,
        review_days=settings.archive_review_days,
    )


# --- erasing a case ---------------------------------------------------------------------------


@router.get("/cases/{case_id}/erase")
def erase_page(request: Request, case_id: str) -> Response:
    user = permit(request, Action.ERASE, case_id)
    try:
        record = get_service(request).open(user.actor, case_id, Action.ERASE)
    except NotFound:
        return not_found_answer(request, case_id)
    return render_page(request, "case_erase.html", case=record.case, errors={})


@router.post("/cases/{case_id}/erase")
async def erase_case(request: Request, case_id: str) -> Response:
    """Erase a case for good, after the administrator typed its id to confirm."""
    audit(request, Event.CASE_ERASED, case_id)
    user = permit(request, Action.ERASE, case_id)
    form = await request.form()
    confirm = form.get("confirm")
    service = get_service(request)
    if not isinstance(confirm, str) or confirm.strip() != case_id:
        problem = Problem(
            "confirm",
            "typ de id van de casus over om te bevestigen",
            "type the case's id to confirm",
            "confirm",
        )
        if wants_json_answer(request):
            raise InvalidInput([problem])
        try:
            record = await run_in_threadpool(service.open, user.actor, case_id, Action.ERASE)
        except NotFound:
            return not_found_answer(request, case_id)
        error = in_language(problem, page_lang(request))
        return render_page(
            request, "case_erase.html", 422, case=record.case, errors={"confirm": error}
        )
    try:
        await run_in_threadpool(service.erase, user.actor, case_id)
    except NotFound:
        return not_found_answer(request, case_id)
    forget_case(request.app.state, case_id)
    log.info("case erased through the web")
    return RedirectResponse(f"/?erased={quote(case_id, safe='')}", status_code=303)


# --- roles ------------------------------------------------------------------------------------


@router.post("/admin/users/{user_id}/role")
async def set_role(request: Request, user_id: int) -> Response:
    admin = permit(request, Action.MANAGE_ACCOUNTS)
    form = await request.form()
    raw = form.get("role")
    role = parse_role(raw) if isinstance(raw, str) else None
    audit(request, Event.ACCOUNT_CHANGED, None, f"user:{user_id}:role:{role or 'invalid'}")
    if role is None:
        raise InvalidInput(
            [Problem("role", "kies een bestaande rol", "choose an existing role", "enum")]
        )
    if str(user_id) == admin.id and role is not Role.ADMIN:
        own = Conflict(
            "U kunt uw eigen rol van beheerder niet weghalen.",
            "You cannot take away your own administrator role.",
        )
        if wants_json_answer(request):
            raise own
        return render_page(request, "forbidden.html", 409, message=own)
    await run_in_threadpool(get_accounts(request).set_role, user_id, role)
    if wants_json_answer(request):
        return JSONResponse({"user": user_id, "role": role.value})
    return RedirectResponse("/admin/users", status_code=303)
