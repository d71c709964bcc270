"""The signed-in user's own account page (``/account``): change the password, sign out
everywhere (end every session of this account, on every device), and make, list and revoke
the personal access tokens of their scripts (:mod:`zorgkracht.services.tokens`; a new token is
shown once, on the page that answers its form, and never again)."""

from __future__ import annotations

import logging
import secrets

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from zorgkracht.domain import Conflict, InvalidInput, NotFound
from zorgkracht.services.accounts import ServerBusy
from zorgkracht.services.audit import Event
from zorgkracht.services.tokens import MAX_DAYS, MAX_LIVE, MIN_DAYS, CreatedToken

from .auth import _busy, _field_errors, _text, _value, hashing
from .deps import CSRF_KEY, audit, current_user, get_accounts, render_page, session_token
from .tokens import token_service

log = logging.getLogger(__name__)

router = APIRouter(include_in_schema=False)


DEFAULT_DAYS = 90
"""The lifetime the form proposes for a new token."""


def _page(
    request: Request,
    status: int = 200,
    *,
    errors: dict[str, str] | None = None,
    created: CreatedToken | None = None,
    values: dict[str, str] | None = None,
) -> Response:
    """The account page with the user's tokens (and a token just made, shown this once)."""
    user = current_user(request)
    tokens = token_service(request).list(int(user.id))
    now = token_service(request).clock()
    return render_page(
        request,
        "account.html",
        status,
        errors=errors or {},
        tokens=tokens,
        now=now,
        created=created,
        values=values or {"name": "", "scope": "read", "days": str(DEFAULT_DAYS)},
        token_limits={"min": MIN_DAYS, "max": MAX_DAYS, "live": MAX_LIVE},
    )


@router.get("/account", response_class=HTMLResponse)
async def account_page(request: Request) -> Response:
    current_user(request)
    return await run_in_threadpool(_page, request)


@router.post("/account/password", response_class=HTMLResponse)
async def change_password(request: Request) -> Response:
    """Current password and the new one twice; the user's other sessions end, this one stays."""
    user = current_user(request)
    audit(request, Event.ACCOUNT_CHANGED, None, f"user:{user.id}:password_changed")
    form = await request.form()
    try:
        await hashing(
            request,
            get_accounts(request).change_password,
            int(user.id),
            _value(form, "current"),
            _value(form, "password"),
            _value(form, "password2"),
            session_token(request),
        )
    except InvalidInput as err:
        errors = _field_errors(request, err.problems)
        return await run_in_threadpool(_page, request, 422, errors=errors)
    except ServerBusy as err:
        errors = {"form": _text(request, err.nl, err.en)}
        return _busy(request, err, await run_in_threadpool(_page, request, 503, errors=errors))
    # A new CSRF token as well: the old one may have been seen where the old password was.
    request.session[CSRF_KEY] = secrets.token_urlsafe(32)
    return RedirectResponse("/account?changed=1", status_code=303)


@router.post("/account/sessions/end", response_class=HTMLResponse)
async def sign_out_everywhere(request: Request) -> Response:
    """End every session of this account, this one too."""
    user = current_user(request)
    audit(request, Event.SIGN_OUT, None, "everywhere")
    await run_in_threadpool(get_accounts(request).sessions.end_all_for, int(user.id))
    request.session.clear()
    request.session[CSRF_KEY] = secrets.token_urlsafe(32)
    return RedirectResponse("/login", status_code=303)


@router.post("/account/tokens", response_class=HTMLResponse)
async def create_token(request: Request) -> Response:
    """Make a token (name, scope, lifetime in days) and show it, this once."""
    user = current_user(request)
    form = await request.form()
    values = {k: _value(form, k) for k in ("name", "scope", "days")}
    service = token_service(request)
    try:
        made = await run_in_threadpool(
            service.create, int(user.id), values["name"], values["scope"], values["days"]
        )
    except InvalidInput as err:
        audit(request, Event.TOKEN_CREATED, None, "invalid")
        errors = _field_errors(request, err.problems)
        return await run_in_threadpool(_page, request, 422, errors=errors, values=values)
    except Conflict as err:
        audit(request, Event.TOKEN_CREATED, None, "limit")
        errors = {"token_form": _text(request, err.nl, err.en)}
        return await run_in_threadpool(_page, request, 409, errors=errors, values=values)
    days = (made.info.expires_at - made.info.created_at).days
    audit(request, Event.TOKEN_CREATED, None, f"token:{made.info.id}:{made.info.scope}:{days}")
    return await run_in_threadpool(_page, request, 200, created=made)


@router.post("/account/tokens/{token_id}/revoke", response_class=HTMLResponse)
async def revoke_token(request: Request, token_id: int) -> Response:
    """Revoke one of the user's tokens (an administrator may revoke anyone's)."""
    user = current_user(request)
    audit(request, Event.TOKEN_REVOKED, None, f"token:{token_id}")
    try:
        await run_in_threadpool(token_service(request).revoke, user.actor, token_id)
    except NotFound as err:
        errors = {"tokens": _text(request, err.nl, err.en)}
        return await run_in_threadpool(_page, request, 404, errors=errors)
    return RedirectResponse("/account?revoked=1", status_code=303)
