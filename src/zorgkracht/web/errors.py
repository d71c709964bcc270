"""Every error in the one shape, and nothing of the inside shown.

- An HTTP error of the framework (an unknown address 404, a wrong method 405, a form that cannot
  be read 400, a body over a limit 413) is answered as :func:`~zorgkracht.web.error_body.error_body`
  for the API and as a small page for pages, never as ``{"detail": ...}``.
- :class:`UnexpectedErrors`, the outermost middleware, catches whatever else escapes: it logs
  the exception's type, the request's method and path and the stack (not the exception's
  message, which may quote client data) and answers 500 in the same shapes, without a
  traceback. The exception does not reach the server, so the server does not log it again.
"""

from __future__ import annotations

import logging
import traceback

from fastapi import FastAPI, Request
from starlette.exceptions import HTTPException
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from .error_body import StartWatch, refusal
from .limits import BodyRefused

log = logging.getLogger(__name__)

_HTTP_CODES = {
    400: ("bad_request", "Het verzoek kan niet worden gelezen.", "The request cannot be read."),
    404: ("not_found", "Deze pagina bestaat niet.", "This page does not exist."),
    405: (
        "method_not_allowed",
        "Dit adres kan dit niet (verkeerde methode).",
        "This address does not allow this method.",
    ),
    413: ("too_large", "Het verzoek is te groot.", "The request is too large."),
}
INTERNAL = (
    "internal",
    "Er ging iets mis aan onze kant; er is niets opgeslagen. Probeer het later opnieuw.",
    "Something went wrong on our side; nothing was stored. Please try again later.",
)


def http_error(request: Request, exc: Exception) -> Response:
    """An HTTP error of the framework, in the one shape."""
    assert isinstance(exc, HTTPException)
    if isinstance(exc, BodyRefused):
        code, nl, en = exc.code, exc.nl, exc.en
    else:
        code, nl, en = _HTTP_CODES.get(
            exc.status_code, ("error", "Het verzoek is geweigerd.", "The request was refused.")
        )
    response = refusal(request.scope, exc.status_code, code, nl, en)
    for name, value in (exc.headers or {}).items():
        response.headers.setdefault(name, value)
    return response


def install(app: FastAPI) -> None:
    """Answer the framework's HTTP errors in the one shape."""
    app.add_exception_handler(HTTPException, http_error)


class UnexpectedErrors:
    """The last line: any exception becomes a logged 500 without a traceback."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        watch = StartWatch(send)
        try:
            await self.app(scope, receive, watch)
        except Exception as exc:
            stack = "".join(traceback.format_tb(exc.__traceback__))
            log.error(
                "unexpected %s on %s %s (message left out: it may hold client data)\n%s",
                type(exc).__name__,
                scope.get("method"),
                scope.get("path"),
                stack,
            )
            if watch.started:
                return  # the answer is under way: the connection ends here
            code, nl, en = INTERNAL
            await refusal(scope, 500, code, nl, en)(scope, receive, send)
