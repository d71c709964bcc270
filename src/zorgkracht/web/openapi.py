"""Finishing touches to the generated OpenAPI description, so that it tells the truth.

- The case file's JSON Schema becomes ``CaseFile`` and its parts, under ``components``.
- Every error is the one shape ``Error``; FastAPI's own ``HTTPValidationError`` is never sent
  (a request that does not fit its parameters gets 400, a case that breaks the rules 422).
- Signing in (the session cookie) and the ``X-CSRF-Token`` header are described as security
  schemes; every operation but ``/api/health`` answers 401 without a session, and every unsafe
  one 403 without the token.
- So is a script's personal access token (``bearerAuth``: ``Authorization: Bearer zkt_...``,
  :mod:`zorgkracht.web.tokens`): the alternative to the cookie, without CSRF token; it answers
  401 when the token does not work, 403 when a ``read`` token asks to change something, and
  429 after too many failed tokens from one address.
"""

from __future__ import annotations

import json
from typing import Any

from zorgkracht.services.documents import json_schema

from .security import COOKIE, CSRF_HEADER, PUBLIC_PATHS, UNSAFE

ERROR_REF = {"$ref": "#/components/schemas/Error"}
_FASTAPI_ERRORS = ("HTTPValidationError", "ValidationError")
_STANDARD = {
    "400": "Ongeldig verzoek / bad request",
    "401": "Niet ingelogd / not signed in",
    "403": "Niet toegestaan of CSRF-token ontbreekt / not allowed, or the CSRF token is missing",
    "429": "Te veel mislukte toegangssleutels / too many failed access tokens: wait Retry-After",
    "422": "Ongeldige invoer / invalid input",
}


def _error_response(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": ERROR_REF}}}


def _relink(value: Any) -> Any:
    return json.loads(json.dumps(value).replace("#/$defs/", "#/components/schemas/"))


def document(schema: dict[str, Any], error_schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` (FastAPI's) with the case file, the error shape and security filled in."""
    components = schema.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    case_doc = json_schema()
    defs = case_doc.pop("$defs", {})
    case_doc.pop("$schema", None)
    case_doc.pop("$id", None)
    schemas["CaseFile"] = _relink(case_doc)
    for name, sub in defs.items():
        schemas[name] = _relink(sub)
    schemas["Error"] = error_schema
    for name in _FASTAPI_ERRORS:
        schemas.pop(name, None)
    components["securitySchemes"] = {
        "session": {"type": "apiKey", "in": "cookie", "name": COOKIE},
        "csrf": {"type": "apiKey", "in": "header", "name": "X-CSRF-Token"},
        "bearerAuth": {
            "type": "http",
            "scheme": "bearer",
            "bearerFormat": "zkt_ + 43 tekens / characters",
            "description": (
                "Persoonlijke toegangssleutel voor scripts (maken en intrekken op /account); "
                "scope 'read' alleen GET, 'write' alles wat de eigenaar mag; geen CSRF-token. / "
                "Personal access token for scripts (made and revoked at /account); scope "
                "'read' only GET, 'write' everything its owner may do; no CSRF token."
            ),
        },
    }
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            _document_operation(path, method.upper(), operation)
    return schema


def _document_operation(path: str, method: str, operation: dict[str, Any]) -> None:
    responses: dict[str, Any] = operation["responses"]
    if "422" in responses:
        responses["422"] = _error_response(_STANDARD["422"])
    if operation.get("parameters") or operation.get("requestBody"):
        responses.setdefault("400", _error_response(_STANDARD["400"]))
    if path in PUBLIC_PATHS:
        operation["security"] = []
        return
    responses.setdefault("401", _error_response(_STANDARD["401"]))
    if path.startswith("/api/"):
        responses.setdefault("429", _error_response(_STANDARD["429"]))
    security: list[dict[str, list[str]]] = [{"session": []}]
    if method in UNSAFE:
        responses.setdefault("403", _error_response(_STANDARD["403"]))
        security = [{"session": [], "csrf": []}]
    if path.startswith("/api/"):
        security.append({"bearerAuth": []})
    operation["security"] = security
    assert CSRF_HEADER == "x-csrf-token"
