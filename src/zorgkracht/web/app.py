"""The web application: a JSON API over the case service, and the HTML pages.

Routes translate HTTP only: they read the request, call a use case of :mod:`zorgkracht.services`
(which checks what the signed-in user may do) and shape the answer. Every client of the API gets
one error shape (:mod:`zorgkracht.web.error_body`) and optimistic concurrency through ``ETag``
and ``If-Match`` (:mod:`zorgkracht.web.if_match`). Everything but ``/api/health``, ``/login``,
``/setup`` and ``/static/`` needs a signed-in user, and every unsafe request the session's CSRF
token (:mod:`zorgkracht.web.security`). Each case is visible to the professionals assigned to it and
to administrators. Pages work without JavaScript or anything from another host.
"""

from __future__ import annotations

import gc
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from zorgkracht.config import Settings
from zorgkracht.domain import Conflict, InvalidInput, NotFound, Problem, ZorgkrachtError
from zorgkracht.domain.errors import StorageUnavailable
from zorgkracht.domain.limits import MAX_NAME, MAX_TITLE
from zorgkracht.i18n import load as load_catalogues
from zorgkracht.services import CaseService
from zorgkracht.services.accounts import AccountService
from zorgkracht.services.audit import AuditService, Event
from zorgkracht.services.cases import CaseRecord
from zorgkracht.services.documents import case_from_body, case_to_dict, json_schema
from zorgkracht.services.keys import KeySource
from zorgkracht.services.permissions import Action, Forbidden
from zorgkracht.services.pictures import load_views
from zorgkracht.version import __version__

from . import (
    account,
    admin_audit,
    api_parts,
    auth,
    case_plan,
    case_routes,
    edit_api,
    errors,
    home,
    interview,
    meeting_routes,
)
from .deps import (
    NotSignedIn,
    audit,
    csrf_token,
    current_user,
    load_case,
    pending_audit,
    permit,
    render_page,
)
from .error_body import ERROR_SCHEMA, error_body, error_responses, wants_json
from .home import visible_cases
from .if_match import PreconditionRequired, expected_version
from .limits import BodyLimitMiddleware, BodyLimits
from .module_graph import module_graph
from .openapi import document
from .page_cache import PageCache, forget_case
from .security import STATIC_HEADERS, SecurityMiddleware

HERE = Path(__file__).resolve().parent
DATABASE_URL_ENV = "ZORGKRACHT_DATABASE_URL"
SETUP_TOKEN_ENV = "ZORGKRACHT_SETUP_TOKEN"
CASE_SCHEMA_REF = {"$ref": "#/components/schemas/CaseFile"}
IF_MATCH = {
    "name": "If-Match",
    "in": "header",
    "required": False,
    "description": "Nodig / required: de ETag (versie) van de casus / the case's ETag",
    "schema": {"type": "string", "maxLength": 40},
}

_ERRORS = error_responses(
    (400, "Bad input"),
    (401, "Not signed in"),
    (403, "Not allowed, or the CSRF token is missing"),
    (404, "Not found"),
    (409, "Conflict"),
    (413, "Request body too large"),
    (422, "Invalid case"),
    (428, "If-Match required"),
    (500, "Unexpected error (logged; no details are given)"),
    (503, "Database unavailable"),
)
_STATUS: tuple[tuple[type[ZorgkrachtError], int, str], ...] = (
    (NotFound, 404, "not_found"),
    (Conflict, 409, "conflict"),
    (PreconditionRequired, 428, "precondition_required"),
    (StorageUnavailable, 503, "unavailable"),
)
"""The status and code of a domain error (the first class it is an instance of); others are a
400 ``error``."""

__all__ = ["ERROR_SCHEMA", "app_from_environment", "create_app", "error_body"]


def _first_line(text: str) -> str:
    return text.splitlines()[0] if text else text


def _record_response(record: CaseRecord, status_code: int = 200) -> JSONResponse:
    return JSONResponse(
        case_to_dict(record.case),
        status_code=status_code,
        headers={"ETag": f'"{record.version}"'},
    )


class _StaticFiles(StaticFiles):
    """Style sheets and scripts, with ``X-Content-Type-Options: nosniff``."""

    def file_response(self, *args: Any, **kwargs: Any) -> Response:
        response = super().file_response(*args, **kwargs)
        response.headers.update(STATIC_HEADERS)
        return response


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """At start-up, move everything loaded so far (modules, templates, catalogues: it lives as
    long as the process) out of the garbage collector's sight. A full collection then looks at
    what requests made, not at the whole program, and no longer holds up an edit now and then
    for 100 ms or more (measured with ``benchmarks/bench_edit.py``). The pictures' modules,
    otherwise loaded at the first request for each view, are loaded first."""
    load_views()
    gc.collect()
    gc.freeze()
    yield


def create_app(
    service: CaseService,
    *,
    accounts: AccountService | None = None,
    setup_token: str | None = None,
    hasher: PasswordHasher | None = None,
    settings: Settings | None = None,
) -> FastAPI:
    """The application over ``service``. ``accounts`` defaults to the accounts in the same
    database; with ``setup_token`` the first-run page ``/setup`` asks for ``?token=`` (``serve``
    prints that address), so nobody else on the network can claim the first account.
    ``settings`` (default: from the environment) give the limits of bodies and drawing."""
    settings = settings or Settings()
    load_catalogues()
    app = FastAPI(
        lifespan=_lifespan,
        docs_url=None,  # the interactive pages load scripts from another host; /openapi.json stays
        redoc_url=None,
        title="Zorgkracht",
        version=__version__,
        description=(
            "Casussen en sociale netwerken / cases and social networks. Inloggen via /login; "
            "elk verzoek dat iets wijzigt stuurt de header X-CSRF-Token mee. Scripts: "
            "Authorization: Bearer zkt_... (toegangssleutel, te maken op /account). / Sign in at "
            "/login; every request that changes something sends the X-CSRF-Token header. "
            "Scripts: Authorization: Bearer zkt_... (a personal access token made at /account; "
            "docs/security-tokens.md)."
        ),
    )
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    # the forms' maxlength from the one definition of the bounds (zorgkracht.domain.limits)
    templates.env.globals["limits"] = {"name": MAX_NAME, "title": MAX_TITLE}
    templates.env.globals["module_graph"] = module_graph
    account_service = accounts or AccountService.for_cases(service.store, hasher, settings)
    app.state.service = service
    app.state.accounts = account_service
    app.state.templates = templates
    app.state.page_cache = PageCache()
    app.state.setup_token = setup_token
    app.state.settings = settings
    app.state.audit = AuditService.for_store(service.store)
    app.add_middleware(admin_audit.AuditMiddleware, audit=app.state.audit)  # inside security
    app.add_middleware(
        SecurityMiddleware, accounts=account_service, keys=KeySource(account_service.settings)
    )
    # added last, so outermost: bodies are limited before the security middleware reads forms
    app.add_middleware(
        BodyLimitMiddleware,
        limits=BodyLimits(
            settings.max_body_bytes, settings.max_upload_bytes, settings.max_form_fields
        ),
    )
    app.add_middleware(errors.UnexpectedErrors)
    errors.install(app)
    app.mount("/static", _StaticFiles(directory=str(HERE / "static")), name="static")

    @app.exception_handler(NotSignedIn)
    async def _not_signed_in(request: Request, exc: NotSignedIn) -> Response:
        return JSONResponse(error_body("unauthorized", exc.nl, exc.en), status_code=401)

    @app.exception_handler(Forbidden)
    async def _forbidden(request: Request, exc: Forbidden) -> Response:
        if wants_json(request.scope):
            return JSONResponse(error_body("forbidden", exc.nl, exc.en), status_code=403)
        return render_page(request, "forbidden.html", 403, message=exc)

    @app.exception_handler(ZorgkrachtError)
    async def _domain_error(request: Request, exc: ZorgkrachtError) -> JSONResponse:
        if isinstance(exc, InvalidInput):
            status, code = 422, "invalid"
            body = error_body(code, _first_line(exc.nl), _first_line(exc.en), exc.problems)
        else:
            status, code = next(
                ((s, c) for kind, s, c in _STATUS if isinstance(exc, kind)), (400, "error")
            )
            body = error_body(code, exc.nl, exc.en)
            if isinstance(exc, StorageUnavailable):  # never the URL or the driver's message
                body = error_body(code, exc.public_nl, exc.public_en)
        return JSONResponse(body, status_code=status)

    @app.exception_handler(RequestValidationError)
    async def _request_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [
            Problem(
                "/".join(str(x) for x in e["loc"]), "ongeldige waarde", str(e["msg"]), e["type"]
            )
            for e in exc.errors()
        ]
        return JSONResponse(
            error_body("bad_request", "ongeldig verzoek", "bad request", problems), 400
        )

    # --- JSON API ------------------------------------------------------------------------
    @app.get("/api/health", tags=["system"])
    def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    @app.get("/api/session", tags=["system"], responses=_ERRORS)
    def session(request: Request) -> dict[str, Any]:
        """The signed-in user and the CSRF token to send as ``X-CSRF-Token``."""
        user = current_user(request)
        return {
            "user": {
                "id": user.id,
                "name": user.name,
                "admin": user.is_admin,
                "role": user.the_role.value,
            },
            "csrf_token": csrf_token(request),
        }

    @app.get("/api/cases", tags=["cases"], responses=_ERRORS)
    def list_cases(
        request: Request,
        search: str | None = Query(None, max_length=200),
        archived: bool = False,
    ) -> list[dict[str, Any]]:
        return [
            {
                "id": r.id,
                "title": r.title,
                "client": r.client_name,
                "status": r.status.value,
                "version": r.version,
                "persons": r.persons,
                "snapshots": r.snapshots,
                "updated_at": r.updated_at.isoformat(),
            }
            for r in visible_cases(request, current_user(request), search, archived)
        ]

    case_body = {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": CASE_SCHEMA_REF}},
        }
    }

    @app.post(
        "/api/cases",
        tags=["cases"],
        status_code=201,
        openapi_extra=case_body,
        responses=_ERRORS,
    )
    async def create_case(request: Request) -> JSONResponse:
        """Store a case file as a new case. It keeps its own id when that is free; otherwise
        (and for an id that is not of the form of a case id) it gets a new opaque id, never a
        409: the answer says nothing about other professionals' cases. The id is in the body
        and in ``Location``. The case is assigned to its maker in the same transaction."""
        user = permit(request, Action.CREATE)
        audit(request, Event.CASE_CREATED, None, "api")
        case = case_from_body(await request.body())
        record = service.create_assigned(user.actor, case, keep_id=True)
        pending_audit(request)[-1].case_id = record.case.id
        response = _record_response(record, 201)
        response.headers["Location"] = f"/api/cases/{record.case.id}"
        return response

    @app.get("/api/cases/{case_id}", tags=["cases"], responses=_ERRORS)
    def get_case(case_id: str, request: Request) -> JSONResponse:
        return _record_response(load_case(request, case_id, detail="api"))

    @app.put(
        "/api/cases/{case_id}",
        tags=["cases"],
        openapi_extra={**case_body, "parameters": [IF_MATCH]},
        responses=_ERRORS,
    )
    async def put_case(case_id: str, request: Request) -> JSONResponse:
        load_case(request, case_id, Action.EDIT, event=Event.CASE_CHANGED, detail="put")
        expected = expected_version(request)
        case = case_from_body(await request.body())
        user = current_user(request)
        return _record_response(service.replace(user.actor, case_id, case, expected))

    @app.delete(
        "/api/cases/{case_id}",
        tags=["cases"],
        status_code=204,
        openapi_extra={"parameters": [IF_MATCH]},
        responses=_ERRORS,
    )
    def delete_case(case_id: str, request: Request) -> Response:
        load_case(request, case_id, Action.DELETE, event=Event.CASE_DELETED, detail="api")
        service.remove(current_user(request).actor, case_id, expected_version(request))
        forget_case(app.state, case_id)
        return Response(status_code=204)

    @app.post("/api/validate", tags=["cases"], openapi_extra=case_body, responses=_ERRORS)
    async def validate(request: Request) -> dict[str, Any]:
        case = case_from_body(await request.body())
        return {"valid": True, "persons": len(case.network.persons)}

    @app.get("/api/schema/case", tags=["cases"])
    def case_schema() -> dict[str, Any]:
        return json_schema()

    original_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        if not app.openapi_schema:
            app.openapi_schema = document(original_openapi(), ERROR_SCHEMA)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]

    # --- HTML ----------------------------------------------------------------------------
    app.include_router(auth.router)
    app.include_router(account.router)
    app.include_router(home.router)
    app.include_router(case_routes.router)
    app.include_router(case_plan.router)
    app.include_router(meeting_routes.router)
    app.include_router(edit_api.router)
    app.include_router(api_parts.router)
    app.include_router(api_parts.imports)
    app.include_router(interview.router)
    app.include_router(admin_audit.router)
    return app


def app_from_environment() -> FastAPI:
    """The application of one server process of ``zorgkracht serve --workers N`` (a uvicorn
    factory: ``zorgkracht.web.app:app_from_environment``). The database comes from
    ``ZORGKRACHT_DATABASE_URL`` (the settings), the first-run token from
    ``ZORGKRACHT_SETUP_TOKEN``, the same in every process; ``serve`` has migrated the database
    and loaded the demo cases before starting the processes."""
    service = CaseService.at(Settings().resolved_database_url())
    return create_app(service, setup_token=os.environ.get(SETUP_TOKEN_ENV) or None)
