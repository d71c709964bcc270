"""Sessions, sign-in and CSRF, enforced once for the whole application.

:class:`SecurityMiddleware` runs before every route:

- The session lives on the server (:mod:`zorgkracht.services.sessions`, table ``sessions``): the
  cookie holds a random session token and the CSRF token, signed (``itsdangerous``) with the
  key from the key file or the settings (:mod:`zorgkracht.services.keys`), never with anything
  stored in the database. HttpOnly, SameSite=Lax, and Secure when the request came over HTTPS
  (behind a proxy: with ``serve --proxy-headers``). Nothing about clients. Every process on the
  same database and key accepts it; signing out, expiry and revocation delete the server's row,
  after which the cookie signs nobody in.
- Without a signed-in user every page redirects to ``/login?next=...`` (to ``/setup`` while no
  account exists) and the API answers 401 in the one error shape. Public: ``/login``,
  ``/setup``, ``/api/health`` and ``/static/``.
- Every POST, PUT, PATCH and DELETE must carry the session's CSRF token, as the form field
  ``csrf_token`` or the header ``X-CSRF-Token``; otherwise 403.
- A request to ``/api/`` with ``Authorization: Bearer zkt_...`` (a script's personal access
  token) is signed in by the token alone, without cookie or CSRF token: see
  :mod:`zorgkracht.web.tokens`.
"""

from __future__ import annotations

import json
import logging
import secrets
import time
from typing import Any
from urllib.parse import quote

from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from zorgkracht.domain.errors import StorageUnavailable
from zorgkracht.services.accounts import Account, AccountService
from zorgkracht.services.keys import KeySource

from .deps import CSRF_KEY, SESSION_KEY, User
from .error_body import error_json, wants_json
from .tokens import BearerSignIn, bearer_token

log = logging.getLogger(__name__)

COOKIE = "zorgkracht_session"
REFRESH_AFTER = 300
"""The cookie is sent again (its lifetime renewed) when it is older than this."""
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
PUBLIC_PATHS = frozenset({"/login", "/setup", "/api/health"})
PUBLIC_PREFIXES = ("/static/",)
PROTECTIVE_HEADERS = {
    "Cache-Control": "no-store",  # client data stays out of shared browser caches
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Content-Security-Policy": "default-src 'self'; object-src 'none'; frame-ancestors 'none'; "
    "base-uri 'self'; form-action 'self'",
}
"""Sent with every answer that may hold client data (not with ``/static/``)."""
STATIC_HEADERS = {"X-Content-Type-Options": "nosniff"}
"""Sent with every file under ``/static/`` (see ``zorgkracht.web.app``)."""
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def safe_next(target: str | None) -> str:
    """``target`` when it is a path on this site, else ``/``: never another host."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return "/"
    if any(ch in target for ch in "\\\r\n\t") or any(ord(ch) < 32 for ch in target):
        return "/"
    return target


class SecurityMiddleware:
    """Session cookie, sign-in and CSRF for every HTTP request (see the module's text)."""

    def __init__(self, app: ASGIApp, accounts: AccountService, keys: KeySource) -> None:
        self.app = app
        self.accounts = accounts
        self.keys = keys
        self._serializer: tuple[str, URLSafeTimedSerializer] | None = None
        self._has_users = False
        self.idle_seconds = int(accounts.sessions.idle.total_seconds())
        self.max_seconds = int(accounts.sessions.absolute.total_seconds())
        self.bearer = BearerSignIn(accounts, self._user_of)

    def _signer(self) -> URLSafeTimedSerializer:
        key = self.keys.current()
        if self._serializer is None or self._serializer[0] != key:
            self._serializer = (key, URLSafeTimedSerializer(key, salt="zorgkracht-session"))
        return self._serializer[1]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(PUBLIC_PREFIXES):
            await self.app(scope, receive, send)  # style sheets and scripts: no session needed
            return
        bearer = bearer_token(scope)
        if bearer is not None and scope["path"] not in PUBLIC_PATHS:
            # a script with an access token: no cookie, no CSRF (see zorgkracht.web.tokens)
            await self.bearer(scope, receive, send, self.app, bearer, PROTECTIVE_HEADERS)
            return
        try:
            signer = await run_in_threadpool(self._signer)
            cookie_value, issued = self._read_cookie(scope, signer, self.max_seconds)
            session: dict[str, Any] = dict(cookie_value)
            user = await run_in_threadpool(self._user, session)
            refusal = await self._refusal(scope, user)
        except StorageUnavailable as err:
            await error_json("unavailable", err.public_nl, err.public_en, 503)(scope, receive, send)
            return
        if not isinstance(session.get(CSRF_KEY), str):
            session[CSRF_KEY] = secrets.token_urlsafe(32)
        before = json.dumps(cookie_value, sort_keys=True)
        scope["session"] = session
        scope.setdefault("state", {})["user"] = user
        if refusal is None and scope["method"] in UNSAFE:
            refusal, receive = await self._check_csrf(scope, receive, session)
        stale = time.time() - issued > REFRESH_AFTER

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in PROTECTIVE_HEADERS.items():
                    headers.setdefault(name, value)
                now = json.dumps(session, sort_keys=True)
                if now != before or stale or not cookie_value:
                    headers.append(
                        "Set-Cookie", self._cookie(scope, signer, session, self.idle_seconds)
                    )
            await send(message)

        if refusal is not None:
            await refusal(scope, receive, send_with_cookie)
            return
        await self.app(scope, receive, send_with_cookie)

    # --- session cookie ---------------------------------------------------------------------

    @staticmethod
    def _read_cookie(
        scope: Scope, signer: URLSafeTimedSerializer, max_age: int
    ) -> tuple[dict[str, Any], float]:
        raw = Request(scope).cookies.get(COOKIE)
        if not raw:
            return {}, 0.0
        try:
            data, when = signer.loads(raw, max_age=max_age, return_timestamp=True)
        except BadSignature:
            return {}, 0.0
        if not isinstance(data, dict):
            return {}, 0.0
        return data, when.timestamp()

    @staticmethod
    def _cookie(
        scope: Scope, signer: URLSafeTimedSerializer, session: dict[str, Any], age: int
    ) -> str:
        value = signer.dumps(session)
        flags = f"{COOKIE}={value}; Path=/; Max-Age={age}; HttpOnly; SameSite=Lax"
        if scope.get("scheme") == "https":
            flags += "; Secure"
        return flags

    # --- who is signed in -------------------------------------------------------------------

    def _user(self, session: dict[str, Any]) -> User | None:
        """The user of the session token in the cookie, when the server still has that session;
        otherwise the token is dropped (the visitor is anonymous, with their CSRF token)."""
        session.pop("uid", None)  # cookies from before server-side sessions: ignored
        token = session.get(SESSION_KEY)
        if not isinstance(token, str) or not token:
            session.pop(SESSION_KEY, None)
            return None
        active = self.accounts.sessions.resolve(token)
        account = None if active is None else self.accounts.get(active.user_id)
        if account is None or account.disabled:
            session.pop(SESSION_KEY, None)
            return None
        return self._user_of(account)

    def _user_of(self, account: Account) -> User:
        """The user as the routes see them: the account, its role and its cases now."""
        cases = self.accounts.visible_case_ids(account)
        return User(
            id=str(account.id),
            name=account.display_name,
            is_admin=account.is_admin,
            username=account.username,
            case_ids=frozenset(cases or ()),
            role=account.role,
        )

    def _setup_needed(self) -> bool:
        if not self._has_users:
            self._has_users = self.accounts.has_users()
        return not self._has_users

    async def _refusal(self, scope: Scope, user: User | None) -> ASGIApp | None:
        path: str = scope["path"]
        if user is not None or path in PUBLIC_PATHS or path.startswith(PUBLIC_PREFIXES):
            return None
        setup = await run_in_threadpool(self._setup_needed)
        if wants_json(scope):
            if setup:
                return error_json(
                    "setup_required",
                    "Zorgkracht is nog niet ingericht; maak eerst een account via /setup.",
                    "Zorgkracht has not been set up yet; create an account at /setup first.",
                    401,
                )
            return error_json("unauthorized", "Log eerst in.", "Please sign in first.", 401)
        if setup:
            return RedirectResponse("/setup", status_code=303)
        target = path + (
            f"?{scope['query_string'].decode('latin-1')}" if scope["query_string"] else ""
        )
        return RedirectResponse(f"/login?next={quote(safe_next(target), safe='')}", status_code=303)

    # --- CSRF -------------------------------------------------------------------------------

    async def _check_csrf(
        self, scope: Scope, receive: Receive, session: dict[str, Any]
    ) -> tuple[ASGIApp | None, Receive]:
        expected: str = session[CSRF_KEY]
        sent = Headers(scope=scope).get(CSRF_HEADER, "")
        content_type = Headers(scope=scope).get("content-type", "").split(";")[0].strip().lower()
        if not sent and content_type in FORM_TYPES:
            body, receive = await _buffer(receive)
            form = await Request(scope, _replay(body, receive)).form()
            try:
                field_value = form.get(CSRF_FIELD)
                sent = field_value if isinstance(field_value, str) else ""
            finally:
                await form.close()
            receive = _replay(body, receive)
        if sent and secrets.compare_digest(sent.encode(), expected.encode()):
            return None, receive
        log.info("request refused: CSRF token missing or wrong")
        nl = (
            "Dit verzoek is geweigerd: het beveiligingstoken ontbreekt of is verlopen. Laad de "
            "pagina opnieuw en probeer het nog eens."
        )
        en = (
            "This request was refused: the security token is missing or has expired. Reload the "
            "page and try again."
        )
        if wants_json(scope):
            return error_json("csrf", nl, en, 403), receive
        return _csrf_page(nl, en), receive


def _csrf_page(nl: str, en: str) -> Response:
    body = (
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>403</title></head>'
        f'<body><main><h1>403</h1><p>{nl}</p><p lang="en">{en}</p>'
        '<p><a href="/">Zorgkracht</a></p></main></body></html>'
    )
    return HTMLResponse(body, status_code=403)


async def _buffer(receive: Receive) -> tuple[bytes, Receive]:
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks), receive


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


__all__ = [
    "COOKIE",
    "SecurityMiddleware",
    "safe_next",
]
