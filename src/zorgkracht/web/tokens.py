"""Signing a script in with a personal access token (:mod:`zorgkracht.services.tokens`).

A request to ``/api/...`` with ``Authorization: Bearer zkt_...`` is made as the token's owner,
with the owner's role and cases; :class:`~zorgkracht.web.security.SecurityMiddleware` hands it
to :func:`serve_with_token`. Such a request:

- involves no cookie: a session cookie sent with it is ignored and none is set, and it needs
  no CSRF token (a browser never adds the ``Authorization`` header by itself, so another site
  cannot make a visitor's browser send it);
- with scope ``read`` may only ``GET`` (and ``HEAD``): anything else is refused with 403;
- is refused with 401 (``WWW-Authenticate: Bearer``) when the token is unknown, revoked,
  expired or its owner is switched off; failed attempts are counted per address, and after too
  many the address waits (429 with ``Retry-After``);
- is written to the audit log as ``token_used`` with the detail ``token:<id>:<method>`` (or
  ``token:<id>:<reason>`` when refused), besides the request's own events. Never the token.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from typing import Any

from fastapi import Request
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from zorgkracht.domain.errors import StorageUnavailable
from zorgkracht.services.accounts import Account, AccountService
from zorgkracht.services.audit import AuditService, Event, Outcome, entry
from zorgkracht.services.permissions import Actor
from zorgkracht.services.tokens import TokenRefused, TokenService, TokenUse

from .deps import AUDIT_STATE, PendingAudit, User, get_accounts
from .error_body import error_json

log = logging.getLogger(__name__)

API_PREFIX = "/api/"
SCHEME = "bearer"
STATE_TOKEN = "token_id"
"""Key in the request's state holding the id of the token that signed the request in."""


def bearer_token(scope: Scope) -> str | None:
    """The token of an ``Authorization: Bearer`` header on an API path, else ``None`` (an
    empty bearer is ``""``: refused as unknown)."""
    if not scope["path"].startswith(API_PREFIX):
        return None
    header = Headers(scope=scope).get("authorization")
    if header is None:
        return None
    kind, _, value = header.strip().partition(" ")
    if kind.lower() != SCHEME:
        return None
    return value.strip()


def token_service(request: Request) -> TokenService:
    """The application's token service (made once, on the accounts of the application)."""
    state = request.app.state
    found: TokenService | None = getattr(state, "tokens", None)
    if found is None:
        found = TokenService.for_accounts(get_accounts(request))
        state.tokens = found
    return found


def _address(scope: Scope) -> str:
    client = scope.get("client")
    return str(client[0]) if client else "unknown"


class BearerSignIn:
    """Checks a bearer token and runs the request as its owner (see the module's text)."""

    def __init__(self, accounts: AccountService, user_of: Callable[[Account], User]) -> None:
        self.tokens = TokenService.for_accounts(accounts)
        self.audit = AuditService.for_store(accounts.store._cases)
        self.user_of = user_of

    async def __call__(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        app: ASGIApp,
        token: str,
        headers: dict[str, str],
    ) -> None:
        address = _address(scope)
        try:
            wait = await run_in_threadpool(self.tokens.wait, address)
            if wait > 0:
                refused = TokenRefused("throttled", wait=wait)
            else:
                use_or_refusal = await run_in_threadpool(self._check, token, address)
                if isinstance(use_or_refusal, TokenRefused):
                    refused = use_or_refusal
                else:
                    await self._run(scope, receive, send, app, use_or_refusal, headers)
                    return
        except StorageUnavailable as err:
            await error_json("unavailable", err.public_nl, err.public_en, 503)(
                scope, receive, _with(send, headers)
            )
            return
        await self._refuse(scope, receive, send, refused, headers)

    def _check(self, token: str, address: str) -> TokenUse | TokenRefused:
        try:
            return self.tokens.authenticate(token)
        except TokenRefused as refused:
            self.tokens.failed(address)
            if refused.token is not None:  # a known token: its owner's record shows the attempt
                owner = self.tokens.account_store.get_user(refused.token.user_id)
                name = owner.username if owner is not None else ""
                actor = Actor(refused.token.user_id, name, address)
                self.audit.record(
                    actor,
                    Event.TOKEN_USED,
                    detail=f"token:{refused.token.id}:{refused.reason}",
                    outcome=Outcome.DENIED,
                )
            log.info("request with an access token refused (%s)", refused.reason)
            return refused

    async def _refuse(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        refused: TokenRefused,
        headers: dict[str, str],
    ) -> None:
        if refused.reason == "throttled":
            extra = {"Retry-After": str(max(1, math.ceil(refused.wait)))}
            answer = error_json("throttled", refused.nl, refused.en, 429)
        else:
            extra = {"WWW-Authenticate": 'Bearer realm="zorgkracht", error="invalid_token"'}
            answer = error_json("unauthorized", refused.nl, refused.en, 401)
        await answer(scope, receive, _with(send, {**headers, **extra}))

    async def _run(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        app: ASGIApp,
        use: TokenUse,
        headers: dict[str, str],
    ) -> None:
        user = self.user_of(use.account)
        token_id = use.token.id
        method: str = scope["method"].upper()
        state: dict[str, Any] = scope.setdefault("state", {})
        state["user"] = user
        state[STATE_TOKEN] = token_id
        scope["session"] = {}  # no cookie is read or written for a script
        if not use.scope.allows(method):
            await run_in_threadpool(
                self.audit.record_all,
                [
                    entry(
                        Actor(use.account.id, use.account.username, _address(scope)),
                        Event.TOKEN_USED,
                        detail=f"token:{token_id}:scope:{method}",
                        outcome=Outcome.DENIED,
                    )
                ],
            )
            await error_json(
                "forbidden",
                "Deze toegangssleutel mag alleen lezen (scope 'read'); voor wijzigingen is een "
                "sleutel met scope 'write' nodig.",
                "This access token may only read (scope 'read'); changes need a token with "
                "scope 'write'.",
                403,
            )(scope, receive, _with(send, headers))
            return
        pending: list[PendingAudit] = state.setdefault(AUDIT_STATE, [])
        pending.append(PendingAudit(str(Event.TOKEN_USED), None, f"token:{token_id}:{method}"))
        await app(scope, receive, _with(send, headers))


def _with(send: Send, headers: dict[str, str]) -> Send:
    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            out = MutableHeaders(scope=message)
            for name, value in headers.items():
                out.setdefault(name, value)
        await send(message)

    return sending
