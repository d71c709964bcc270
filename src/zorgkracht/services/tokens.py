"""Personal access tokens: how scripts sign in to the JSON API (issue 15).

A user makes a token for a script on their account page: a name, a scope and a lifetime of
1 to 365 days. The token is ``zkt_`` followed by 256 random bits (``secrets.token_urlsafe(32)``)
and is shown once, when it is made; the database keeps only its SHA-256 hash
(:mod:`zorgkracht.storage.tokens`), so nobody can read it back, the owner included.

- Scope ``read``: the script may read (``GET``/``HEAD``) whatever its owner may see;
  ``write``: everything its owner may do. The owner's role and case assignments are looked up
  at every use, so a changed role or a withdrawn case counts at once.
- A token stops working when it expires, when its owner or an administrator revokes it, when
  its owner's account is switched off or removed (removing deletes the tokens), and at a
  restore of a backup (tokens are not in backups).
- A user has at most :data:`MAX_LIVE` live (not revoked, not expired) tokens.
- Failed uses are counted per address by the sign-in throttle's store and rules
  (:mod:`zorgkracht.services.sessions`): after ``throttle_free_per_address`` failures each
  further attempt waits a doubling delay. A token has 256 random bits, so guessing one is
  hopeless anyway; the throttle keeps a broken or hostile script from hammering the server.

Times come from the clock of the :class:`~zorgkracht.services.accounts.AccountService`, which
tests move. Nothing here logs a token or anything about clients.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import secrets
from dataclasses import dataclass
from enum import StrEnum

from zorgkracht.domain import InvalidInput, NotFound, Problem, ZorgkrachtError
from zorgkracht.domain.errors import Conflict
from zorgkracht.storage.accounts import Account, AccountStore
from zorgkracht.storage.sessions import AttemptCount, SessionStore
from zorgkracht.storage.tokens import (
    TOKEN_NAME_LENGTH,
    StoredToken,
    TokenLimitReached,
    TokenStore,
)

from .accounts import AccountService
from .permissions import Actor, Role
from .sessions import Clock, SignInThrottle

log = logging.getLogger(__name__)

PREFIX = "zkt_"
MAX_LIVE = 20
"""Live tokens a user may have at once."""
MIN_DAYS = 1
MAX_DAYS = 365
TOUCH_AFTER = dt.timedelta(minutes=1)
"""``last_used_at`` is written at most this often per token (not on every request)."""
KEEP_ENDED = dt.timedelta(days=90)
"""Revoked and expired tokens stay listed this long, then their rows are deleted."""
MAX_TOKEN_LENGTH = 100
"""Longer values are refused without being hashed."""

__all__ = [
    "MAX_DAYS",
    "MAX_LIVE",
    "MIN_DAYS",
    "PREFIX",
    "CreatedToken",
    "Scope",
    "StoredToken",
    "TokenRefused",
    "TokenService",
    "TokenUse",
    "hash_token",
]


class Scope(StrEnum):
    READ = "read"
    WRITE = "write"

    def allows(self, method: str) -> bool:
        """Whether a request with ``method`` may be made with this scope."""
        return self is Scope.WRITE or method.upper() in ("GET", "HEAD")


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class CreatedToken:
    """A token just made: ``token`` is shown to its owner this once and never again."""

    token: str
    info: StoredToken


@dataclass(frozen=True, slots=True)
class TokenUse:
    """A token that signs a request in: its owner (as stored now) and the token's record."""

    account: Account
    token: StoredToken

    @property
    def scope(self) -> Scope:
        return Scope(self.token.scope)


_REFUSALS = {
    "unknown": (
        "Deze toegangssleutel is onbekend. Controleer de sleutel of maak een nieuwe op uw "
        "accountpagina.",
        "This access token is unknown. Check the token or make a new one on your account page.",
    ),
    "revoked": (
        "Deze toegangssleutel is ingetrokken en werkt niet meer.",
        "This access token has been revoked and no longer works.",
    ),
    "expired": (
        "Deze toegangssleutel is verlopen. Maak een nieuwe op uw accountpagina.",
        "This access token has expired. Make a new one on your account page.",
    ),
    "disabled": (
        "Het account van deze toegangssleutel is uitgeschakeld.",
        "The account of this access token has been switched off.",
    ),
    "throttled": (
        "Te veel mislukte pogingen met een toegangssleutel vanaf dit adres. Wacht even en "
        "probeer het opnieuw.",
        "Too many failed attempts with an access token from this address. Wait a moment and "
        "try again.",
    ),
}


class TokenRefused(ZorgkrachtError):
    """A token that signs nobody in; ``reason`` is ``unknown``, ``revoked``, ``expired``,
    ``disabled`` (the owner's account is switched off) or ``throttled`` (too many failures
    from the address: ``wait`` seconds). ``token`` is the stored record when there is one."""

    def __init__(self, reason: str, token: StoredToken | None = None, wait: float = 0.0) -> None:
        nl, en = _REFUSALS[reason]
        super().__init__(nl, en)
        self.reason = reason
        self.token = token
        self.wait = wait


def _problem(where: str, nl: str, en: str, code: str) -> Problem:
    return Problem(where, nl, en, code)


class TokenService:
    """Make, list, revoke and check access tokens (see the module's text)."""

    def __init__(self, store: TokenStore, accounts: AccountService) -> None:
        self.store = store
        self.accounts = accounts
        self.account_store: AccountStore = accounts.store
        self.attempts = SessionStore(accounts.store._cases)

    @classmethod
    def for_accounts(cls, accounts: AccountService) -> TokenService:
        return cls(TokenStore(accounts.store._cases), accounts)

    @property
    def clock(self) -> Clock:
        return self.accounts.clock

    @property
    def throttle(self) -> SignInThrottle:
        return self.accounts.throttle

    # --- the owner's use cases ----------------------------------------------------------------

    def create(self, user_id: int, name: str, scope: str, days: int | str) -> CreatedToken:
        """A new token for ``user_id``. InvalidInput names every wrong field (``name``: 1 to 80
        characters; ``scope``: ``read`` or ``write``; ``days``: a whole number 1 to 365);
        Conflict when the user has :data:`MAX_LIVE` live tokens already."""
        shown = " ".join(name.split())
        problems: list[Problem] = []
        if not shown or len(shown) > TOKEN_NAME_LENGTH:
            problems.append(
                _problem(
                    "name",
                    f"geef de sleutel een naam van 1 tot {TOKEN_NAME_LENGTH} tekens",
                    f"give the token a name of 1 to {TOKEN_NAME_LENGTH} characters",
                    "length",
                )
            )
        chosen = scope.strip().lower() if isinstance(scope, str) else ""
        if chosen not in (Scope.READ, Scope.WRITE):
            problems.append(
                _problem(
                    "scope",
                    "kies 'read' (alleen lezen) of 'write' (lezen en wijzigen)",
                    "choose 'read' (read only) or 'write' (read and change)",
                    "enum",
                )
            )
        lifetime = _days(days)
        if lifetime is None:
            problems.append(
                _problem(
                    "days",
                    f"geef een geldigheid van {MIN_DAYS} tot {MAX_DAYS} dagen",
                    f"give a lifetime of {MIN_DAYS} to {MAX_DAYS} days",
                    "range",
                )
            )
        if problems:
            raise InvalidInput(problems)
        assert lifetime is not None
        account = self.account_store.get_user(user_id)
        if account is None:
            raise NotFound(f"Gebruiker {user_id} bestaat niet", f"User {user_id} does not exist")
        now = self.clock()
        self.store.delete_ended(now - KEEP_ENDED)
        token = PREFIX + secrets.token_urlsafe(32)
        try:
            info = self.store.add(
                user_id,
                shown,
                hash_token(token),
                chosen,
                now,
                now + dt.timedelta(days=lifetime),
                max_live=MAX_LIVE,
            )
        except TokenLimitReached:
            raise Conflict(
                f"U heeft al {MAX_LIVE} geldige toegangssleutels; trek er eerst een in.",
                f"You already have {MAX_LIVE} valid access tokens; revoke one first.",
            ) from None
        log.info(
            "access token %d made for user %d (%s, %d days)", info.id, user_id, chosen, lifetime
        )
        return CreatedToken(token, info)

    def list(self, user_id: int) -> list[StoredToken]:
        """The user's tokens, newest first (never the tokens themselves: they are not kept)."""
        return self.store.for_user(user_id)

    def revoke(self, actor: Actor, token_id: int) -> StoredToken:
        """Revoke a token of the actor's own, or (an administrator) anyone's. NotFound for a
        token that does not exist or belongs to someone else, so its existence is not told.
        Revoking a revoked token again changes nothing."""
        found = self.store.get(token_id)
        if found is None or (found.user_id != actor.user_id and actor.role is not Role.ADMIN):
            raise NotFound(
                f"Toegangssleutel {token_id} bestaat niet.",
                f"Access token {token_id} does not exist.",
            )
        self.store.revoke(token_id, self.clock())
        log.info("access token %d revoked", token_id)
        revoked = self.store.get(token_id)
        assert revoked is not None
        return revoked

    # --- signing a request in -----------------------------------------------------------------

    def authenticate(self, token: str, now: dt.datetime | None = None) -> TokenUse:
        """The owner of ``token`` and its record; :class:`TokenRefused` when it is unknown,
        revoked, expired, or its owner is switched off. A removed owner's tokens are gone
        (unknown). Records the use (``last_used_at``, at most once a minute)."""
        moment = now if now is not None else self.clock()
        if not token.startswith(PREFIX) or len(token) > MAX_TOKEN_LENGTH:
            raise TokenRefused("unknown")
        found = self.store.by_hash(hash_token(token))
        if found is None:
            raise TokenRefused("unknown")
        if found.revoked_at is not None:
            raise TokenRefused("revoked", found)
        if moment >= found.expires_at:
            raise TokenRefused("expired", found)
        account = self.account_store.get_user(found.user_id)
        if account is None:
            raise TokenRefused("unknown")
        if account.disabled:
            raise TokenRefused("disabled", found)
        if found.last_used_at is None or moment - found.last_used_at >= TOUCH_AFTER:
            self.store.touch(found.id, moment)
        return TokenUse(account, found)

    # --- the throttle of failed uses ----------------------------------------------------------

    @staticmethod
    def _key(address: str) -> str:
        return "t:" + hashlib.sha256(address.encode("utf-8", "surrogatepass")).hexdigest()

    def wait(self, address: str) -> float:
        """Seconds the address must still wait before its next attempt (0: it may try)."""
        counted = self.attempts.attempts(self._key(address))
        if counted is None:
            return 0.0
        now = self.clock()
        if counted.last_at <= now - self.throttle.window:
            return 0.0
        delay = self.throttle.delay(counted.failures, self.throttle.free_per_address)
        ready = counted.last_at + dt.timedelta(seconds=delay)
        return max(0.0, (ready - now).total_seconds()) if delay > 0 else 0.0

    def failed(self, address: str) -> None:
        """Count one failed attempt from ``address``."""
        now = self.clock()

        def always(_: dict[str, AttemptCount]) -> bool:
            return True

        self.attempts.reserve([self._key(address)], now, now - self.throttle.window, always)


def _days(value: int | str) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        text = value.strip()
        if not text.isdigit() or len(text) > 4:
            return None
        value = int(text)
    return value if MIN_DAYS <= value <= MAX_DAYS else None
