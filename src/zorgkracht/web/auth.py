"""Pages for accounts: first-run setup, sign in and out, and the administrator's pages for
professionals' accounts and who may see which case."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import quote

import anyio
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from zorgkracht.domain import Conflict, InvalidInput, NotFound, Problem
from zorgkracht.i18n import Text, in_language
from zorgkracht.services.accounts import ServerBusy
from zorgkracht.services.audit import Event
from zorgkracht.services.permissions import Action, Role, parse_role

from .deps import (
    CSRF_KEY,
    SESSION_KEY,
    audit,
    get_accounts,
    load_case,
    not_found_answer,
    page_lang,
    render_page,
    require_admin,
    session_token,
    signed_in_user,
)
from .error_body import error_json, wants_json
from .security import safe_next

log = logging.getLogger(__name__)

router = APIRouter(include_in_schema=False)
T = TypeVar("T")

FormErrors = dict[str, str]


def _text(request: Request, nl: str, en: str) -> str:
    return in_language(Text(nl, en), page_lang(request))


def _field_errors(request: Request, problems: tuple[Problem, ...]) -> FormErrors:
    errors: FormErrors = {}
    for p in problems:
        text = _text(request, p.nl, p.en)
        text = text[:1].upper() + text[1:]
        errors.setdefault(p.where or "form", text if text.endswith(".") else f"{text}.")
    return errors


def _value(form: FormData, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""


def _address(request: Request) -> str:
    return request.client.host if request.client else "?"


async def _start_session(request: Request, user_id: int) -> None:
    """A fresh server-side session for the signed-in user: no value of the anonymous one
    survives, and the CSRF token is new."""
    token = await run_in_threadpool(
        get_accounts(request).sessions.start,
        user_id,
        _address(request),
        request.headers.get("user-agent"),
    )
    request.session.clear()
    request.session[SESSION_KEY] = token
    request.session[CSRF_KEY] = secrets.token_urlsafe(32)


async def hashing(request: Request, work: Callable[..., T], *args: Any) -> T:
    """Run ``work`` (which hashes or verifies a password) in a worker thread, at most
    ``hash_concurrency`` at once. Others wait here, without holding a worker thread that the
    rest of the application needs, for at most ``hash_wait_seconds``; then ``ServerBusy``."""
    accounts = get_accounts(request)
    limiter: anyio.CapacityLimiter | None = getattr(request.app.state, "hash_limiter", None)
    if limiter is None:
        limiter = anyio.CapacityLimiter(accounts.settings.hash_concurrency)
        request.app.state.hash_limiter = limiter
    try:
        with anyio.fail_after(accounts.settings.hash_wait_seconds):
            await limiter.acquire()
    except TimeoutError:
        log.warning("password hashing busy: request answered without hashing")
        raise ServerBusy() from None
    try:
        return await run_in_threadpool(work, *args)
    finally:
        limiter.release()


def _busy(request: Request, err: ServerBusy, page: Response | None = None) -> Response:
    """503 with Retry-After: too many passwords are being checked at this moment."""
    answer: Response
    if page is None or wants_json(request.scope):
        answer = error_json("busy", err.nl, err.en, 503)
    else:
        answer = page
    answer.headers["Retry-After"] = str(err.retry_after)
    return answer


def _redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


# --- first run --------------------------------------------------------------------------------


def _setup_allowed(request: Request) -> bool:
    token: str | None = request.app.state.setup_token
    if token is None:
        return True
    given = request.query_params.get("token", "")
    return secrets.compare_digest(given.encode(), token.encode())


@router.get("/setup", response_class=HTMLResponse)
async def setup_page(request: Request) -> Response:
    accounts = get_accounts(request)
    if await run_in_threadpool(accounts.has_users):
        return _redirect("/login")
    if not _setup_allowed(request):
        return render_page(request, "setup.html", 403, token_needed=True, form={}, errors={})
    return render_page(request, "setup.html", form={}, errors={}, token_needed=False)


@router.post("/setup", response_class=HTMLResponse)
async def setup_submit(request: Request) -> Response:
    accounts = get_accounts(request)
    if await run_in_threadpool(accounts.has_users):
        return _redirect("/login")
    if not _setup_allowed(request):
        return render_page(request, "setup.html", 403, token_needed=True, form={}, errors={})
    form = await request.form()
    values = {k: _value(form, k) for k in ("username", "display_name")}
    password = _value(form, "password")
    problems = accounts.problems(values["username"], values["display_name"], password)
    if password != _value(form, "password2"):
        problems.append(
            Problem(
                "password2", "de twee wachtwoorden zijn niet gelijk", "the two passwords differ"
            )
        )
    try:
        if problems:
            raise InvalidInput(problems)
        account = await hashing(
            request,
            accounts.create_first_admin,
            values["username"],
            values["display_name"],
            password,
        )
    except InvalidInput as err:
        errors = _field_errors(request, err.problems)
        return render_page(
            request, "setup.html", 422, form=values, errors=errors, token_needed=False
        )
    except Conflict:
        return _redirect("/login")
    except ServerBusy as err:
        errors = {"form": _text(request, err.nl, err.en)}
        page = render_page(
            request, "setup.html", 503, form=values, errors=errors, token_needed=False
        )
        return _busy(request, err, page)
    await _start_session(request, account.id)
    return _redirect("/")


# --- sign in and out --------------------------------------------------------------------------


@router.get("/login", response_class=HTMLResponse)
async def login_page(request: Request, next: str = "/") -> Response:
    if not await run_in_threadpool(get_accounts(request).has_users):
        return _redirect("/setup")
    if signed_in_user(request) is not None:
        return _redirect(safe_next(next))
    return render_page(request, "login.html", next=safe_next(next), username="", error="")


@router.post("/login", response_class=HTMLResponse)
async def login_submit(request: Request) -> Response:
    form = await request.form()
    username = _value(form, "username").strip()
    target = safe_next(_value(form, "next"))
    accounts = get_accounts(request)
    try:
        result = await hashing(
            request, accounts.sign_in, username, _value(form, "password"), _address(request)
        )
    except ServerBusy as err:
        error = _text(request, err.nl, err.en)
        page = render_page(request, "login.html", 503, next=target, username=username, error=error)
        return _busy(request, err, page)
    if result.wait > 0:
        seconds = int(result.wait) + 1
        error = _text(
            request,
            f"Te veel mislukte pogingen. Probeer het over {seconds} seconden opnieuw.",
            f"Too many failed attempts. Try again in {seconds} seconds.",
        )
        page = render_page(request, "login.html", 429, next=target, username=username, error=error)
        page.headers["Retry-After"] = str(seconds)
        audit(request, Event.SIGN_IN, who=await _who(request, username))
        return page
    if result.account is None:
        audit(request, Event.SIGN_IN, who=await _who(request, username))
        log.info("failed sign-in")
        error = _text(
            request,
            "Gebruikersnaam of wachtwoord klopt niet.",
            "The username or password is not right.",
        )
        return render_page(request, "login.html", 401, next=target, username=username, error=error)
    audit(request, Event.SIGN_IN, who=(result.account.id, result.account.username))
    await _start_session(request, result.account.id)
    return _redirect(target)


@router.post("/logout")
async def logout(request: Request) -> Response:
    audit(request, Event.SIGN_OUT)
    token = session_token(request)
    if token is not None:
        await run_in_threadpool(get_accounts(request).sessions.end, token)
    request.session.clear()
    request.session[CSRF_KEY] = secrets.token_urlsafe(32)
    return _redirect("/login")


# --- administration ---------------------------------------------------------------------------


async def _users_page(
    request: Request,
    status: int = 200,
    form: dict[str, Any] | None = None,
    errors: FormErrors | None = None,
) -> Response:
    users = await run_in_threadpool(get_accounts(request).list)
    return render_page(
        request, "admin_users.html", status, users=users, form=form or {}, errors=errors or {}
    )


@router.get("/admin/users", response_class=HTMLResponse)
async def users_page(request: Request) -> Response:
    require_admin(request)
    return await _users_page(request)


@router.post("/admin/users", response_class=HTMLResponse)
async def users_create(request: Request) -> Response:
    require_admin(request)
    form = await request.form()
    values: dict[str, Any] = {k: _value(form, k) for k in ("username", "display_name")}
    # the role chosen on the form; ``is_admin=1`` (older forms and scripts) means administrator
    values["role"] = _value(form, "role") or ("admin" if _value(form, "is_admin") == "1" else "")
    role = parse_role(values["role"] or "professional")
    if role is None:
        error = _text(request, "Kies een bestaande rol.", "Choose an existing role.")
        return await _users_page(request, 422, values, {"role": error})
    try:
        made = await hashing(
            request,
            lambda: get_accounts(request).create_user(
                values["username"],
                values["display_name"],
                _value(form, "password"),
                is_admin=role is Role.ADMIN,
                role=role.value,
            ),
        )
    except InvalidInput as err:
        return await _users_page(request, 422, values, _field_errors(request, err.problems))
    except Conflict as err:
        return await _users_page(request, 409, values, {"username": _text(request, err.nl, err.en)})
    except ServerBusy as err:
        page = await _users_page(request, 503, values, {"form": _text(request, err.nl, err.en)})
        return _busy(request, err, page)
    audit(request, Event.ACCOUNT_CREATED, None, f"user:{made.id}:{made.role}")
    return _redirect("/admin/users?created=1")


@router.post("/admin/users/{user_id}/password", response_class=HTMLResponse)
async def users_reset_password(request: Request, user_id: int) -> Response:
    """An administrator gives an account a new password; its sessions end."""
    require_admin(request)
    form = await request.form()
    password = _value(form, "password")
    accounts = get_accounts(request)
    audit(request, Event.ACCOUNT_CHANGED, None, f"user:{user_id}:password_reset")
    try:
        if password != _value(form, "password2"):
            raise InvalidInput(
                [
                    Problem(
                        "password2",
                        "de twee wachtwoorden zijn niet gelijk",
                        "the two passwords differ",
                    )
                ]
            )
        await hashing(request, accounts.set_password, user_id, password)
    except InvalidInput as err:
        problems = _field_errors(request, err.problems)
        return await _users_page(request, 422, errors={"form": " ".join(problems.values())})
    except NotFound:
        return _redirect("/admin/users")
    except ServerBusy as err:
        page = await _users_page(request, 503, errors={"form": _text(request, err.nl, err.en)})
        return _busy(request, err, page)
    return _redirect("/admin/users?reset=1")


@router.post("/admin/users/{user_id}/remove", response_class=HTMLResponse)
async def users_remove(request: Request, user_id: int) -> Response:
    """An administrator removes an account with its assignments and sessions; not their own,
    and not the last administrator."""
    admin = require_admin(request)
    audit(request, Event.ACCOUNT_REMOVED, None, f"user:{user_id}")
    try:
        await run_in_threadpool(get_accounts(request).remove, user_id, by=int(admin.id))
    except Conflict as err:
        return await _users_page(request, 409, errors={"form": _text(request, err.nl, err.en)})
    except NotFound:
        pass  # removed meanwhile: the page shows the current state
    return _redirect("/admin/users?removed=1")


@router.post("/admin/users/{user_id}/disabled", response_class=HTMLResponse)
async def users_disable(request: Request, user_id: int) -> Response:
    admin = require_admin(request)
    form = await request.form()
    disabled = _value(form, "disabled") == "1"
    if str(user_id) == admin.id and disabled:
        return await _users_page(
            request,
            409,
            errors={
                "form": _text(
                    request,
                    "U kunt uw eigen account niet uitschakelen.",
                    "You cannot disable your own account.",
                )
            },
        )
    audit(
        request,
        Event.ACCOUNT_CHANGED,
        None,
        f"user:{user_id}:{'disabled' if disabled else 'enabled'}",
    )
    await run_in_threadpool(get_accounts(request).set_disabled, user_id, disabled)
    return _redirect("/admin/users")


@router.get("/cases/{case_id}/access", response_class=HTMLResponse)
async def access_page(request: Request, case_id: str) -> Response:
    try:
        record = await run_in_threadpool(
            load_case, request, case_id, Action.MANAGE_ACCESS, detail="access"
        )
    except NotFound:
        return not_found_answer(request, case_id)
    accounts = get_accounts(request)
    users = await run_in_threadpool(accounts.list)
    assigned = await run_in_threadpool(accounts.assigned_users, case_id)
    return render_page(
        request, "case_access.html", case=record.case, users=users, assigned=assigned
    )


@router.post("/cases/{case_id}/access", response_class=HTMLResponse)
async def access_change(request: Request, case_id: str) -> Response:
    form = await request.form()
    accounts = get_accounts(request)
    try:
        user_id = int(_value(form, "user_id"))
    except ValueError:
        user_id = 0
    removing = _value(form, "action") == "remove"
    event = Event.ACCESS_REVOKED if removing else Event.ACCESS_GRANTED
    try:
        await run_in_threadpool(
            load_case, request, case_id, Action.MANAGE_ACCESS, event=event, detail=f"user:{user_id}"
        )
    except NotFound:
        return not_found_answer(request, case_id)
    if not user_id:
        return _redirect(_access_url(case_id))
    try:
        if removing:
            await run_in_threadpool(accounts.unassign, case_id, user_id)
        else:
            await run_in_threadpool(accounts.assign, case_id, user_id)
    except NotFound:
        pass  # the user was removed meanwhile; the page shows the current state
    return _redirect(_access_url(case_id))


async def _who(request: Request, username: str) -> tuple[int, str] | None:
    """The account a failed sign-in named, when it exists (for the audit): id and name."""
    account = await run_in_threadpool(get_accounts(request).find, username)
    return None if account is None else (account.id, account.username)


def _access_url(case_id: str) -> str:
    return f"/cases/{quote(case_id, safe='')}/access"
