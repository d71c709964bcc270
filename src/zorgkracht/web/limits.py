"""Request bodies are limited before anything reads them (the outermost middleware).

:class:`BodyLimitMiddleware` refuses a ``Content-Length`` over the limit at once, without
reading a byte, and counts a body sent without a length (chunked) as it streams in: past the
limit the request ends with 413. A form may hold at most ``max_form_fields`` fields; multipart
without a boundary is a 400. Case files sent to the API (``POST``/``PUT /api/cases``,
``/api/validate``) may be larger (``max_upload_bytes``) than every other body
(``max_body_bytes``). Every refusal is the one error shape (JSON for the API, a small page for
pages), and so is an HTTP error that an inner middleware raises while reading a body (the
security middleware reads forms for the CSRF token).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .error_body import StartWatch, refusal

log = logging.getLogger(__name__)

_UPLOADS = re.compile(r"^/api/(?:cases(?:/[^/]+)?|validate|import)$")
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
FORM = "application/x-www-form-urlencoded"
MULTIPART = "multipart/form-data"


@dataclass(frozen=True, slots=True)
class BodyLimits:
    max_body_bytes: int = 2 * 1024 * 1024
    max_upload_bytes: int = 20 * 1024 * 1024
    max_form_fields: int = 1000


class BodyRefused(HTTPException):
    """A body over a limit (413) or a form that cannot be read (400)."""

    def __init__(self, status: int, code: str, nl: str, en: str) -> None:
        super().__init__(status_code=status, detail=en)
        self.code, self.nl, self.en = code, nl, en


def too_large(limit: int) -> BodyRefused:
    size = f"{limit / (1024 * 1024):.0f} MB" if limit >= 1024 * 1024 else f"{limit} bytes"
    return BodyRefused(
        413,
        "too_large",
        f"Het verzoek is te groot (hooguit {size}); er is niets opgeslagen.",
        f"The request is too large (at most {size}); nothing was stored.",
    )


def too_many_fields(limit: int) -> BodyRefused:
    return BodyRefused(
        413,
        "too_many_fields",
        f"Het formulier heeft te veel velden (hooguit {limit}); er is niets opgeslagen.",
        f"The form has too many fields (at most {limit}); nothing was stored.",
    )


def bad_form(en_reason: str = "") -> BodyRefused:
    return BodyRefused(
        400,
        "bad_request",
        "Het formulier kan niet worden gelezen; er is niets opgeslagen.",
        "The form cannot be read; nothing was stored." + (f" ({en_reason})" if en_reason else ""),
    )


class _Counter:
    """Counts the bytes (and, for forms, the fields) of a body as it streams in."""

    def __init__(self, limit: int, fields: int, kind: str, boundary: bytes) -> None:
        self.limit, self.max_fields, self.kind = limit, fields, kind
        self.size = 0
        self.fields = 1 if kind == FORM else 0
        self.marker = b"--" + boundary
        self.tail = b""

    def add(self, chunk: bytes) -> None:
        self.size += len(chunk)
        if self.size > self.limit:
            raise too_large(self.limit)
        if self.kind == FORM:
            self.fields += chunk.count(b"&")
        elif self.kind == MULTIPART:
            # the tail is one byte shorter than a marker: no marker is counted twice
            window = self.tail + chunk
            self.fields += window.count(self.marker)
            self.tail = window[-(len(self.marker) - 1) :]
        if self.fields > self.max_fields + 1:  # multipart: one marker more than parts
            raise too_many_fields(self.max_fields)


class BodyLimitMiddleware:
    """See the module's text; placed outermost, before the security middleware."""

    def __init__(self, app: ASGIApp, limits: BodyLimits) -> None:
        self.app = app
        self.limits = limits

    def _limit(self, scope: Scope) -> int:
        if _UPLOADS.match(scope["path"]) and scope["method"] in ("POST", "PUT"):
            return self.limits.max_upload_bytes
        return self.limits.max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in _BODY_METHODS:
            await self.app(scope, receive, send)
            return
        watch = StartWatch(send)
        try:
            counter = self._counter(scope)
            counted = self._counting(receive, counter)
            await self.app(scope, counted, watch)
        except HTTPException as err:
            if watch.started:
                raise
            await self._refuse(scope, err, receive, send)

    def _counter(self, scope: Scope) -> _Counter:
        headers = Headers(scope=scope)
        limit = self._limit(scope)
        declared = headers.get("content-length")
        if declared is not None:
            if not declared.strip().isascii() or not declared.strip().isdigit():
                raise bad_form("Content-Length is not a number")
            if int(declared) > limit:
                raise too_large(limit)
        content_type = headers.get("content-type", "")
        kind = content_type.split(";")[0].strip().lower()
        boundary = b""
        if kind == MULTIPART:
            found = re.search(r'boundary="?([^";]+)"?', content_type, re.IGNORECASE)
            if not found:
                raise bad_form("multipart without boundary")
            boundary = found.group(1).encode("latin-1", "replace")
        return _Counter(limit, self.limits.max_form_fields, kind, boundary)

    @staticmethod
    def _counting(receive: Receive, counter: _Counter) -> Receive:
        async def counted() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                counter.add(message.get("body", b""))
            return message

        return counted

    @staticmethod
    async def _refuse(scope: Scope, err: HTTPException, receive: Receive, send: Send) -> None:
        if isinstance(err, BodyRefused):
            code, nl, en = err.code, err.nl, err.en
        else:
            code = "bad_request" if err.status_code == 400 else "error"
            nl = "Het verzoek kan niet worden gelezen; er is niets opgeslagen."
            en = f"The request cannot be read; nothing was stored ({err.detail})."
        log.info("request refused before it reached a route: %d %s", err.status_code, code)
        response = refusal(scope, err.status_code, code, nl, en)
        response.headers["Connection"] = "close"
        await response(scope, receive, send)
