"""Server-side sessions and the sign-in throttle, shared by every process on the database.

Sessions: signing in makes a random token (256 bits); the cookie carries it, the database only
its SHA-256 hash. A session ends at sign-out, after ``session_idle_hours`` without a request,
``session_absolute_hours`` after sign-in whatever happens, when its user is switched off,
removed or gets a new password, at "sign out everywhere", and at ``zorgkracht key rotate``.

Throttle: every attempt is counted *before* its password is checked, in one atomic database
step per attempt, for the normalised user name and for the address. The first
``throttle_free_attempts`` failures of a name cost nothing; after that each attempt waits a delay
that doubles per failure (``throttle_base_delay`` seconds, at most ``throttle_max_delay``); an
address gets ``throttle_free_per_address`` free failures. Nobody is locked out: once the delay
has passed, the right password works, and it clears the name's count. Failures older than
``throttle_window_minutes`` are forgotten.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass

from zorgkracht.config import Settings
from zorgkracht.storage import CaseStore
from zorgkracht.storage.sessions import AttemptCount, SessionStore

log = logging.getLogger(__name__)

Clock = Callable[[], dt.datetime]
TOUCH_AFTER = dt.timedelta(minutes=1)
"""``last_seen`` is written at most this often per session (not on every request)."""


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class ActiveSession:
    user_id: int
    token_hash: str


class SessionService:
    """Make, look up and end server-side sessions."""

    def __init__(self, store: SessionStore, settings: Settings, clock: Clock = utc_now) -> None:
        self.store = store
        self.clock = clock
        self.idle = dt.timedelta(hours=settings.session_idle_hours)
        self.absolute = dt.timedelta(hours=settings.session_absolute_hours)

    @classmethod
    def for_cases(
        cls, cases: CaseStore, settings: Settings, clock: Clock = utc_now
    ) -> SessionService:
        return cls(SessionStore(cases), settings, clock)

    def start(self, user_id: int, address: str | None = None, agent: str | None = None) -> str:
        """A new session for ``user_id``; returns the token for the cookie."""
        token = secrets.token_urlsafe(32)
        self.purge()
        now = self.clock()
        self.store.add(token_hash(token), user_id, now, now + self.absolute, address, agent)
        log.info("session started for user %d", user_id)
        return token

    def resolve(self, token: str) -> ActiveSession | None:
        """The live session of ``token``; an expired one is deleted and ``None`` returned."""
        hashed = token_hash(token)
        found = self.store.get(hashed)
        if found is None:
            return None
        now = self.clock()
        if now >= found.expires_at or now - found.last_seen >= self.idle:
            self.store.delete(hashed)
            log.info("session of user %d expired", found.user_id)
            return None
        if now - found.last_seen >= TOUCH_AFTER:
            self.store.touch(hashed, now)
        return ActiveSession(found.user_id, hashed)

    def end(self, token: str) -> None:
        self.store.delete(token_hash(token))

    def end_all_for(self, user_id: int, keep: str | None = None) -> int:
        """End every session of ``user_id``; ``keep`` is the token of one to keep."""
        ended = self.store.delete_for_user(user_id, None if keep is None else token_hash(keep))
        log.info("%d sessions of user %d ended", ended, user_id)
        return ended

    def end_all(self) -> int:
        ended = self.store.delete_all()
        log.info("all %d sessions ended", ended)
        return ended

    def purge(self) -> int:
        """Delete the rows of sessions that have expired (they refuse to work anyway)."""
        now = self.clock()
        return self.store.delete_expired(now - self.idle, now)


@dataclass(frozen=True, slots=True)
class Reservation:
    """An attempt counted for a name and an address; ``wait`` > 0 when it was refused."""

    name_key: str
    address_key: str
    wait: float


class SignInThrottle:
    """Count and slow down sign-in attempts (see the module's text)."""

    def __init__(self, store: SessionStore, settings: Settings, clock: Clock = utc_now) -> None:
        self.store = store
        self.clock = clock
        self.free = settings.throttle_free_attempts
        self.free_per_address = settings.throttle_free_per_address
        self.base = settings.throttle_base_delay
        self.cap = settings.throttle_max_delay
        self.window = dt.timedelta(minutes=settings.throttle_window_minutes)

    def delay(self, failures: int, free: int) -> float:
        """Seconds to wait after the last attempt, with ``failures`` counted so far."""
        if failures < free:
            return 0.0
        return float(min(self.cap, self.base * 2 ** min(failures - free, 40)))

    @staticmethod
    def _key(kind: str, value: str) -> str:
        # Hashed: a fixed length whatever is typed, and no user name or address at rest.
        return f"{kind}:{hashlib.sha256(value.encode('utf-8', 'surrogatepass')).hexdigest()}"

    def reserve(self, normalised_name: str, address: str) -> Reservation:
        """Count this attempt before its password is checked; refused (``wait`` > 0, nothing
        counted) while the name or the address must still wait."""
        name_key = self._key("u", normalised_name)
        address_key = self._key("a", address)
        now = self.clock()
        waits: list[float] = []

        def allowed(before: dict[str, AttemptCount]) -> bool:
            for key, free in ((name_key, self.free), (address_key, self.free_per_address)):
                count = before[key]
                delay = self.delay(count.failures, free)
                ready = count.last_at + dt.timedelta(seconds=delay)
                if delay > 0 and ready > now:
                    waits.append((ready - now).total_seconds())
            return not waits

        self.store.reserve([name_key, address_key], now, now - self.window, allowed)
        return Reservation(name_key, address_key, max(waits, default=0.0))

    def succeeded(self, reservation: Reservation) -> None:
        """The right password: the name's count is cleared, the address's attempt taken back."""
        self.store.forget(reservation.name_key)
        self.store.release(reservation.address_key)
        self.store.forget_older(self.clock() - self.window)

    def not_checked(self, reservation: Reservation) -> None:
        """The password was never checked (the server was busy): take the attempt back."""
        self.store.release(reservation.name_key)
        self.store.release(reservation.address_key)
