"""The one error shape of the web application, and the small page for refusals.

Every module that answers an error imports it from here (the app, the routes, the security,
limit and error middleware); this module imports nothing of the web package, so no import
cycle runs through it. The shape is documented in the OpenAPI document as ``Error``
(:data:`ERROR_SCHEMA`)::

    {"error": {"code": "...", "message": {"nl": "...", "en": "..."}, "problems": [...]}}
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from starlette.datastructures import Headers
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.types import Message, Scope, Send

from zorgkracht.domain import Problem

ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {
                "code": {"type": "string"},
                "message": {
                    "type": "object",
                    "properties": {"nl": {"type": "string"}, "en": {"type": "string"}},
                },
                "problems": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "where": {"type": "string"},
                            "code": {"type": "string"},
                            "nl": {"type": "string"},
                            "en": {"type": "string"},
                        },
                    },
                },
            },
        }
    },
}
"""The JSON schema of :func:`error_body` (``#/components/schemas/Error``)."""


def error_responses(*answers: tuple[int, str]) -> dict[int | str, dict[str, Any]]:
    """The ``responses`` of a route for the given (status, description) pairs, all with the
    one error shape."""
    return {
        str(code): {
            "description": text,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        }
        for code, text in answers
    }


def error_body(code: str, nl: str, en: str, problems: Sequence[Problem] = ()) -> dict[str, Any]:
    """The one error shape of the API."""
    return {
        "error": {
            "code": code,
            "message": {"nl": nl, "en": en},
            "problems": [
                {"where": p.where, "code": p.code, "nl": p.nl, "en": p.en} for p in problems
            ],
        }
    }


def error_json(code: str, nl: str, en: str, status: int) -> JSONResponse:
    """:func:`error_body` as a JSON answer with ``status``."""
    return JSONResponse(error_body(code, nl, en), status_code=status)


def wants_json(scope: Scope) -> bool:
    """Whether the request wants the JSON error shape rather than a page: the API, the OpenAPI
    document, or an ``Accept`` that asks for JSON and not for HTML."""
    path: str = scope["path"]
    if path.startswith("/api/") or path == "/openapi.json":
        return True
    accept = Headers(scope=scope).get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def error_page(status: int, nl: str, en: str) -> HTMLResponse:
    """A small page for a refusal outside the templates (no session, nothing of a case)."""
    body = (
        f'<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>{status}</title>'
        f"</head><body><main><h1>{status}</h1><p>{html.escape(nl)}</p>"
        f'<p lang="en">{html.escape(en)}</p><p><a href="/">Zorgkracht</a></p></main></body>'
        "</html>"
    )
    return HTMLResponse(body, status_code=status)


def refusal(scope: Scope, status: int, code: str, nl: str, en: str) -> Response:
    """The answer to a refused request: the one error shape, or a small page."""
    if wants_json(scope):
        return error_json(code, nl, en, status)
    return error_page(status, nl, en)


class StartWatch:
    """Passes an answer's messages on and notes whether its start went out (after that, a
    middleware can no longer answer with an error of its own)."""

    def __init__(self, send: Send) -> None:
        self._send = send
        self.started = False

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.started = True
        await self._send(message)
