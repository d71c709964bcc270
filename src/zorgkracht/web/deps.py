"""What every route of the web application may depend on: the service, the user, access, CSRF
and page rendering.

Routers in other modules (``APIRouter``) use these as FastAPI dependencies, so that the rules for
who may see what live in one place. The application stores its ``CaseService``, its
``AccountService`` and the Jinja2 environment on ``app.state`` (see
:func:`zorgkracht.web.app.create_app`); :mod:`zorgkracht.web.security` signs the user in for
each request before any route runs, and refuses unsafe requests without the CSRF token.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from zorgkracht.domain import NotFound, ZorgkrachtError
from zorgkracht.services import CaseService
from zorgkracht.services.accounts import AccountService
from zorgkracht.storage import CaseRecord

from .i18n import translator

LANGS = ("nl", "en")
CSRF_KEY = "csrf"
SESSION_KEY = "sid"
"""The session token's key in the cookie (the server keeps only its hash)."""
LANG_COOKIE = "lang"
LANG_COOKIE_AGE = 365 * 24 * 3600


@dataclass(frozen=True, slots=True)
class User:
    """The person using the application (never a client: clients have no account)."""

    id: str
    name: str
    is_admin: bool = False
    username: str = ""
    case_ids: frozenset[str] = field(default_factory=frozenset)
    """The cases assigned to this user (administrators see every case regardless)."""


class NotSignedIn(ZorgkrachtError):
    """No user is signed in (answered with 401)."""

    def __init__(self) -> None:
        super().__init__("Log eerst in.", "Please sign in first.")


class Forbidden(ZorgkrachtError):
    """The signed-in user may not do this (answered with 403)."""

    def __init__(self, nl: str, en: str) -> None:
        super().__init__(nl, en)


def get_service(request: Request) -> CaseService:
    service: CaseService = request.app.state.service
    return service


def get_accounts(request: Request) -> AccountService:
    accounts: AccountService = request.app.state.accounts
    return accounts


def session_token(request: Request) -> str | None:
    """The token of the signed-in session (to end it, or to keep it while ending the others)."""
    token = request.session.get(SESSION_KEY)
    return token if isinstance(token, str) and token else None


def signed_in_user(request: Request) -> User | None:
    """The signed-in user, or ``None`` on the few pages that need no sign-in."""
    user: User | None = getattr(request.state, "user", None)
    return user


def current_user(request: Request) -> User:
    """The signed-in user; ``NotSignedIn`` when there is none (the security middleware already
    sends anyone who is not signed in to the login page before a protected route runs)."""
    user = signed_in_user(request)
    if user is None:
        raise NotSignedIn()
    return user


def require_admin(request: Request) -> User:
    user = current_user(request)
    if not user.is_admin:
        raise Forbidden("Alleen een beheerder mag dit doen.", "Only an administrator may do this.")
    return user


def can_see_case(user: User, case_id: str) -> bool:
    """Whether ``user`` may see and edit the case (assigned professionals and administrators)."""
    return user.is_admin or case_id in user.case_ids


def csrf_token(request: Request) -> str:
    """This session's CSRF token: forms send it as ``csrf_token``, JavaScript as the header
    ``X-CSRF-Token`` (read from ``<meta name="csrf-token">``)."""
    session: dict[str, Any] = request.session
    token = session.get(CSRF_KEY)
    if not isinstance(token, str) or not token:
        token = secrets.token_urlsafe(32)
        session[CSRF_KEY] = token
    return token


def page_lang(request: Request) -> str:
    lang = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE) or "nl"
    return lang if lang in LANGS else "nl"


def load_case(request: Request, case_id: str) -> CaseRecord:
    """The stored case, when the current user may see it (``NotFound`` otherwise, so that the
    existence of someone else's case is not revealed)."""
    user = current_user(request)
    if not can_see_case(user, case_id):
        raise NotFound(f"Casus {case_id!r} bestaat niet.", f"Case {case_id!r} does not exist.")
    return get_service(request).get(case_id)


def render_page(
    request: Request, name: str, status_code: int = 200, **context: Any
) -> HTMLResponse:
    """Render template ``name`` with the language, the translator ``_``, the user (``None`` on
    the login and setup pages) and ``csrf_token``."""
    templates: Jinja2Templates = request.app.state.templates
    lang = page_lang(request)
    response = templates.TemplateResponse(
        request,
        name,
        {
            "lang": lang,
            "_": translator(lang),
            "user": signed_in_user(request),
            "csrf_token": csrf_token(request),
            **context,
        },
        status_code=status_code,
    )
    remember_lang(request, response)
    return response


def remember_lang(request: Request, response: Any) -> None:
    """Keep the language chosen with ``?lang=`` in a cookie."""
    if request.query_params.get("lang") in LANGS:
        response.set_cookie(
            LANG_COOKIE,
            page_lang(request),
            max_age=LANG_COOKIE_AGE,
            samesite="lax",
            httponly=True,
            secure=request.url.scheme == "https",
        )
