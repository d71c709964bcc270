"""What every route of the web application may depend on: the service, the user, access, CSRF
and page rendering.

Routers in other modules (``APIRouter``) use these as FastAPI dependencies, so that the rules for
who may see what live in one place. The application stores its ``CaseService`` and Jinja2
environment on ``app.state`` (see :func:`zorgkracht.web.app.create_app`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from zorgkracht.services import CaseService
from zorgkracht.storage import CaseRecord

from .i18n import translator

LANGS = ("nl", "en")


@dataclass(frozen=True, slots=True)
class User:
    """The person using the application (never a client: clients have no account)."""

    id: str
    name: str
    is_admin: bool = False


LOCAL_USER = User(id="local", name="Lokale gebruiker / local user", is_admin=True)


def get_service(request: Request) -> CaseService:
    service: CaseService = request.app.state.service
    return service


def current_user(request: Request) -> User:
    """The signed-in user. Until accounts exist this is the single local user, which is only
    allowed because ``serve`` refuses any address other than loopback."""
    user: User | None = getattr(request.state, "user", None)
    return user or LOCAL_USER


def can_see_case(user: User, case_id: str) -> bool:
    """Whether ``user`` may see and edit the case (assigned professionals and administrators)."""
    return user.is_admin


def page_lang(request: Request) -> str:
    lang = request.query_params.get("lang") or request.cookies.get("lang") or "nl"
    return lang if lang in LANGS else "nl"


def load_case(request: Request, case_id: str) -> CaseRecord:
    """The stored case, when the current user may see it (``NotFound`` otherwise, so that the
    existence of someone else's case is not revealed)."""
    from zorgkracht.domain import NotFound

    user = current_user(request)
    if not can_see_case(user, case_id):
        raise NotFound(f"Casus {case_id!r} bestaat niet.", f"Case {case_id!r} does not exist.")
    return get_service(request).get(case_id)


def render_page(
    request: Request, name: str, status_code: int = 200, **context: Any
) -> HTMLResponse:
    """Render template ``name`` with the language, the translator ``_`` and the user."""
    templates: Jinja2Templates = request.app.state.templates
    lang = page_lang(request)
    response = templates.TemplateResponse(
        request,
        name,
        {"lang": lang, "_": translator(lang), "user": current_user(request), **context},
        status_code=status_code,
    )
    if request.query_params.get("lang") in LANGS:
        response.set_cookie("lang", lang, samesite="lax", httponly=True)
    return response
