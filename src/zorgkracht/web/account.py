"""The signed-in user's own account page (``/account``): change the password, and sign out
everywhere (end every session of this account, on every device)."""

from __future__ import annotations

import logging
import secrets

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from zorgkracht.domain import InvalidInput
from zorgkracht.services.accounts import ServerBusy
from zorgkracht.services.audit import Event

from .auth import _busy, _field_errors, _text, _value, hashing
from .deps import CSRF_KEY, audit, current_user, get_accounts, render_page, session_token

log = logging.getLogger(__name__)

router = APIRouter(include_in_schema=False)


@router.get("/account", response_class=HTMLResponse)
async def account_page(request: Request) -> Response:
    current_user(request)
    return render_page(request, "account.html", errors={})


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
        return render_page(
            request, "account.html", 422, errors=_field_errors(request, err.problems)
        )
    except ServerBusy as err:
        errors = {"form": _text(request, err.nl, err.en)}
        return _busy(request, err, render_page(request, "account.html", 503, errors=errors))
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
