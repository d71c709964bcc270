"""What every route of the web application may depend on: the service, the user, CSRF, the
audit entries of a request and page rendering: HTTP concerns only.

Who may do what is decided by the services (:func:`zorgkracht.services.permissions.require`),
for the web application and the command line alike; :func:`permit` and :func:`load_case` hand
them the signed-in user as an :class:`~zorgkracht.services.permissions.Actor` and mark the
request's audit entries ``denied`` when the services refuse. The application stores its
``CaseService``, its ``AccountService`` and the Jinja2 environment on ``app.state`` (see
:func:`zorgkracht.web.app.create_app`); :mod:`zorgkracht.web.security` signs the user in for
each request before any route runs, and refuses unsafe requests without the CSRF token.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates

from zorgkracht.domain import NotFound, ZorgkrachtError
from zorgkracht.i18n import LANGS, language
from zorgkracht.services import CaseService
from zorgkracht.services.accounts import AccountService
from zorgkracht.services.audit import Event, Outcome
from zorgkracht.services.cases import CaseRecord
from zorgkracht.services.permissions import (
    REFUSALS,
    Action,
    Actor,
    CaseHidden,
    Forbidden,
    Role,
    require,
)

from .error_body import error_body
from .i18n import translator

__all__ = ["Forbidden"]

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
    role: str = ""
    """``admin``, ``coordinator``, ``professional`` or ``volunteer``; empty: derived from
    ``is_admin`` (``admin`` or ``professional``)."""

    @property
    def the_role(self) -> Role:
        try:
            return Role(self.role)
        except ValueError:
            return Role.ADMIN if self.is_admin else Role.PROFESSIONAL

    @property
    def actor(self) -> Actor:
        """This user as the services know them: who they are, their role and their cases."""
        user_id = int(self.id) if self.id.isdigit() else None
        return Actor(user_id, self.name, None, self.the_role, self.case_ids)

    def may(self, action: Action | str, case_id: str | None = None) -> bool:
        """Whether this user may do ``action`` (on ``case_id``); templates call this too."""
        return self.actor.may(action, case_id)


class NotSignedIn(ZorgkrachtError):
    """No user is signed in (answered with 401)."""

    def __init__(self) -> None:
        super().__init__("Log eerst in.", "Please sign in first.")


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
    """Whether ``user`` may see the case's contents (assigned, or an administrator)."""
    return user.may(Action.VIEW, case_id)


def permit(request: Request, action: Action, case_id: str | None = None) -> User:
    """The current user, when the services allow them ``action`` (on ``case_id``): see
    :func:`~zorgkracht.services.permissions.require` (``Forbidden``, or ``NotFound`` for a
    case they may not know of). A refusal marks the request's pending audit entries
    ``denied``."""
    user = current_user(request)
    with refusals_denied(request, case_id):
        require(user.actor, action, case_id)
    return user


@contextmanager
def refusals_denied(request: Request, case_id: str | None) -> Iterator[None]:
    """Mark the request's pending audit entries (of ``case_id``) ``denied`` when the services
    refuse what the block asks of them."""
    try:
        yield
    except REFUSALS:
        _mark_denied(request, case_id)
        raise


def _no_case(case_id: str) -> NotFound:
    return CaseHidden(case_id)


# --- audit ------------------------------------------------------------------------------------

AUDIT_STATE = "zorgkracht_audit"
"""Key in the request's state under which the audit entries of the request wait; the audit
middleware (:mod:`zorgkracht.web.admin_audit`) writes them before the answer goes out, with
the outcome its status stands for (or the one given here)."""


@dataclass(slots=True)
class PendingAudit:
    event: str
    case_id: str | None
    detail: str
    outcome: str | None = None
    user_id: int | None = None
    user_name: str | None = None


def pending_audit(request: Request) -> list[PendingAudit]:
    state: dict[str, Any] = request.scope.setdefault("state", {})
    entries: list[PendingAudit] = state.setdefault(AUDIT_STATE, [])
    return entries


def audit(
    request: Request,
    event: Event,
    case_id: str | None = None,
    detail: str = "",
    *,
    outcome: Outcome | None = None,
    who: tuple[int, str] | None = None,
) -> None:
    """Record ``event`` for this request (ids and codes only). It is written before the answer
    goes out, with ``outcome`` or else the one the answer's status stands for; ``who`` names
    the user when nobody is signed in yet (signing in). Another event on a case replaces its
    pending view: opening the case was part of it."""
    entries = pending_audit(request)
    if event is not Event.CASE_VIEWED:
        entries[:] = [
            e for e in entries if not (e.event == Event.CASE_VIEWED and e.case_id == case_id)
        ]
    entries.append(
        PendingAudit(
            str(event),
            case_id,
            detail,
            None if outcome is None else str(outcome),
            None if who is None else who[0],
            None if who is None else who[1],
        )
    )


def _mark_denied(request: Request, case_id: str | None) -> None:
    entries = [e for e in pending_audit(request) if e.case_id == case_id]
    if not entries and case_id is not None:
        audit(request, Event.CASE_VIEWED, case_id)
        entries = pending_audit(request)[-1:]
    for e in entries:
        e.outcome = str(Outcome.DENIED)


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
    return language(request.query_params.get("lang") or request.cookies.get(LANG_COOKIE))


def load_case(
    request: Request,
    case_id: str,
    action: Action = Action.VIEW,
    *,
    detail: str = "",
    event: Event = Event.CASE_VIEWED,
) -> CaseRecord:
    """The stored case, when the current user may do ``action`` with it (see :func:`permit`:
    ``NotFound`` for someone else's case, so that its existence is not revealed). Recorded in
    the audit as ``event`` (a view unless the route records something else)."""
    if not any(e.case_id == case_id for e in pending_audit(request)):
        audit(request, event, case_id, detail)
    user = current_user(request)
    with refusals_denied(request, case_id):
        return get_service(request).open(user.actor, case_id, action)


def wants_json_answer(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return request.url.path.startswith("/api/") or (
        "application/json" in accept and "text/html" not in accept
    )


def not_found_answer(request: Request, case_id: str) -> Response:
    """404 for a case: the API's one error shape when JSON is wanted, else the page."""
    if wants_json_answer(request):
        err = _no_case(case_id)
        return JSONResponse(error_body("not_found", err.nl, err.en), status_code=404)
    return render_page(request, "not_found.html", 404, case_id=case_id)


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
