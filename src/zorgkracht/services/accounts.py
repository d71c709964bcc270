"""Accounts of professionals: create, sign in, change passwords, and which cases each one may
see.

Passwords are hashed with Argon2id (``argon2-cffi``). A hash made with older, weaker parameters
is replaced by a fresh one the next time its owner signs in. At most ``hash_concurrency``
hashes are computed at once in one process (each takes 64 MiB): an attempt that cannot get a
slot within ``hash_wait_seconds`` is answered with :class:`ServerBusy`, without hashing.
Administrators see every case; any other user sees the cases assigned to them (a case made
through the web is assigned to its maker). Sessions and the sign-in throttle:
:mod:`zorgkracht.services.sessions`; the password rules: :mod:`zorgkracht.services.passwords`.
"""

from __future__ import annotations

import contextlib
import logging
import re
import threading
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from zorgkracht.config import Settings
from zorgkracht.domain import Conflict, InvalidInput, NotFound, Problem, ZorgkrachtError
from zorgkracht.storage import CaseStore
from zorgkracht.storage.accounts import Account, AccountStore

from .passwords import MAX_PASSWORD, MIN_PASSWORD, password_problems
from .sessions import Clock, SessionService, SignInThrottle, utc_now

log = logging.getLogger(__name__)

MAX_DISPLAY_NAME = 120
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._@-]{0,79}$")

__all__ = [
    "MAX_PASSWORD",
    "MIN_PASSWORD",
    "Account",
    "AccountService",
    "ServerBusy",
    "SignIn",
    "normalise_username",
]


def normalise_username(raw: str) -> str:
    return unicodedata.normalize("NFKC", raw).strip().lower()


class ServerBusy(ZorgkrachtError):
    """Too many passwords are being checked at this moment; try again in a few seconds."""

    retry_after = 5

    def __init__(self) -> None:
        super().__init__(
            "Het is nu erg druk. Probeer het over een paar seconden opnieuw.",
            "The server is very busy right now. Please try again in a few seconds.",
        )


@dataclass(frozen=True, slots=True)
class SignIn:
    """The outcome of a sign-in attempt: the account, or ``None`` for a wrong name or password
    (which of the two is not told); ``wait`` > 0 when the attempt was refused unchecked because
    the name or address must wait that many seconds (the throttle)."""

    account: Account | None
    wait: float = 0.0


class HashGate:
    """At most ``slots`` password hashes at once in this process."""

    def __init__(self, slots: int, wait: float) -> None:
        self._slots = threading.BoundedSemaphore(slots)
        self._wait = wait

    @contextmanager
    def slot(self) -> Iterator[None]:
        if not self._slots.acquire(timeout=self._wait):
            log.warning("password hashing busy: attempt answered without hashing")
            raise ServerBusy()
        try:
            yield
        finally:
            self._slots.release()


class AccountService:
    def __init__(
        self,
        store: AccountStore,
        hasher: PasswordHasher | None = None,
        settings: Settings | None = None,
        clock: Clock = utc_now,
    ) -> None:
        from zorgkracht.storage.sessions import SessionStore

        self.store = store
        self.hasher = hasher or PasswordHasher()
        self.settings = settings or Settings()
        sessions = SessionStore(store._cases)
        self.sessions = SessionService(sessions, self.settings, clock)
        self.throttle = SignInThrottle(sessions, self.settings, clock)
        self.gate = HashGate(self.settings.hash_concurrency, self.settings.hash_wait_seconds)
        self._dummy_hash: str | None = None

    @classmethod
    def for_cases(
        cls,
        cases: CaseStore,
        hasher: PasswordHasher | None = None,
        settings: Settings | None = None,
        clock: Clock = utc_now,
    ) -> AccountService:
        return cls(AccountStore(cases), hasher, settings, clock)

    @property
    def clock(self) -> Clock:
        return self.sessions.clock

    @clock.setter
    def clock(self, clock: Clock) -> None:
        """Move sessions and throttle to another clock (tests)."""
        self.sessions.clock = clock
        self.throttle.clock = clock

    def _hash(self, password: str) -> str:
        with self.gate.slot():
            return self.hasher.hash(password)

    # --- users ------------------------------------------------------------------------------

    def has_users(self) -> bool:
        return self.store.count_users() > 0

    def create_user(
        self,
        username: str,
        display_name: str,
        password: str,
        *,
        is_admin: bool = False,
        first: bool = False,
        role: str | None = None,
    ) -> Account:
        """A new account; InvalidInput lists every field that is wrong; Conflict when the name
        is taken or (``first``) when setup has already been done."""
        problems = self.problems(username, display_name, password)
        if problems:
            raise InvalidInput(problems)
        name = normalise_username(username)
        shown = " ".join(display_name.split()) or name
        return self.store.add_user(
            name, shown, self._hash(password), is_admin=is_admin, first=first, role=role
        )

    @staticmethod
    def problems(username: str, display_name: str, password: str) -> list[Problem]:
        """Everything wrong with these values for a new account, field by field."""
        name = normalise_username(username)
        shown = " ".join(display_name.split()) or name
        problems = [*_username_problems(name), *password_problems(password, name, shown)]
        if len(shown) > MAX_DISPLAY_NAME:
            problems.append(
                Problem(
                    "display_name",
                    f"gebruik hooguit {MAX_DISPLAY_NAME} tekens",
                    f"use at most {MAX_DISPLAY_NAME} characters",
                    "too_long",
                )
            )
        return problems

    def create_first_admin(self, username: str, display_name: str, password: str) -> Account:
        return self.create_user(username, display_name, password, is_admin=True, first=True)

    def sign_in(self, username: str, password: str, address: str = "local") -> SignIn:
        """Check a user name and password; a disabled account cannot sign in. The attempt is
        counted by the throttle before the password is checked; while the name or the address
        must wait, nothing is checked and ``wait`` says how long. ``ServerBusy`` when no
        hashing slot came free in time."""
        name = normalise_username(username)
        reservation = self.throttle.reserve(name, address)
        if reservation.wait > 0:
            log.info("sign-in attempt refused by the throttle")
            return SignIn(None, reservation.wait)
        try:
            account = self._check(name, password)
        except ServerBusy:
            self.throttle.not_checked(reservation)
            raise
        if account is not None:
            self.throttle.succeeded(reservation)
        return SignIn(account)

    def _check(self, name: str, password: str) -> Account | None:
        found = self.store.find_login(name)
        with self.gate.slot():
            if found is None:
                self._waste_time(password)
                return None
            account, stored = found
            try:
                self.hasher.verify(stored, password)
            except (VerificationError, InvalidHashError):
                return None
            renew = self.hasher.check_needs_rehash(stored)
            fresh = self.hasher.hash(password) if renew and not account.disabled else None
        if account.disabled:
            return None
        if fresh is not None:
            self.store.set_password_hash(account.id, fresh)
            log.info("password hash of user %d renewed", account.id)
        return account

    def _waste_time(self, password: str) -> None:
        """Verify against a dummy hash, so that an unknown name takes as long as a known one."""
        if self._dummy_hash is None:
            self._dummy_hash = self.hasher.hash("not a password of anyone")
        with contextlib.suppress(VerificationError):
            self.hasher.verify(self._dummy_hash, password)

    def get(self, user_id: int) -> Account | None:
        return self.store.get_user(user_id)

    def find(self, username: str) -> Account | None:
        """The account with this user name (for the audit of a failed sign-in), or None."""
        found = self.store.find_login(normalise_username(username))
        return None if found is None else found[0]

    def list(self) -> list[Account]:
        return self.store.list_users()

    def set_password(self, user_id: int, password: str, *, keep_session: str | None = None) -> None:
        """A new password (set by an administrator, or by the user, then with the token of the
        session to keep); every other session of the user ends."""
        account = self.store.get_user(user_id)
        if account is None:
            raise _no_user(user_id)
        problems = password_problems(password, account.username, account.display_name)
        if problems:
            raise InvalidInput(problems)
        self.store.set_password_hash(user_id, self._hash(password))
        self.sessions.end_all_for(user_id, keep=keep_session)
        log.info("password of user %d set", user_id)

    def change_password(
        self, user_id: int, current: str, new: str, repeat: str, keep_session: str | None
    ) -> None:
        """The user's own change: the current password must be right and the new one given
        twice; the user's other sessions end. InvalidInput names the field."""
        account = self.store.get_user(user_id)
        if account is None:
            raise _no_user(user_id)
        found = self.store.find_login(account.username)
        assert found is not None
        problems = password_problems(new, account.username, account.display_name)
        if new != repeat:
            problems.append(
                Problem(
                    "password2", "de twee wachtwoorden zijn niet gelijk", "the two passwords differ"
                )
            )
        with self.gate.slot():
            try:
                self.hasher.verify(found[1], current)
            except (VerificationError, InvalidHashError):
                problems.insert(
                    0,
                    Problem(
                        "current",
                        "het huidige wachtwoord klopt niet",
                        "the current password is not right",
                        "wrong_password",
                    ),
                )
        if problems:
            raise InvalidInput(problems)
        self.set_password(user_id, new, keep_session=keep_session)

    def set_disabled(self, user_id: int, disabled: bool) -> None:
        self.store.set_disabled(user_id, disabled)
        if disabled:
            self.sessions.end_all_for(user_id)

    def remove(self, user_id: int, *, by: int | None = None) -> None:
        """Delete an account, its sessions and its case assignments. Nobody removes themselves
        (``by``), and the last administrator stays (Conflict)."""
        if by == user_id:
            raise Conflict(
                "U kunt uw eigen account niet verwijderen.", "You cannot remove your own account."
            )
        self.store.remove_user(user_id)
        log.info("user %d removed", user_id)

    def set_role(self, user_id: int, role: str) -> None:
        """Give the user a role of :class:`~zorgkracht.services.permissions.Role`."""
        from .permissions import parse_role

        chosen = parse_role(role)
        if chosen is None:
            raise InvalidInput(
                [Problem("role", "kies een bestaande rol", "choose an existing role", "enum")]
            )
        self.store.set_role(user_id, chosen.value)
        log.info("role of user %d set to %s", user_id, chosen.value)

    # --- access -----------------------------------------------------------------------------

    def assign(self, case_id: str, user_id: int) -> None:
        if self.store.get_user(user_id) is None:
            raise NotFound(f"Gebruiker {user_id} bestaat niet", f"User {user_id} does not exist")
        self.store.assign(case_id, user_id)
        log.info("case access granted to user %d", user_id)

    def unassign(self, case_id: str, user_id: int) -> None:
        self.store.unassign(case_id, user_id)
        log.info("case access withdrawn from user %d", user_id)

    def visible_case_ids(self, account: Account) -> set[str] | None:
        """The ids of the cases ``account`` may see; ``None`` means every case (administrator)."""
        if account.is_admin or account.role == "admin":
            return None
        return self.store.case_ids(account.id)

    def can_see(self, account: Account, case_id: str) -> bool:
        visible = self.visible_case_ids(account)
        return visible is None or case_id in visible

    def assigned_users(self, case_id: str) -> set[int]:
        return self.store.user_ids(case_id)


def _username_problems(name: str) -> list[Problem]:
    if _USERNAME.match(name):
        return []
    return [
        Problem(
            "username",
            "gebruik 1 tot 80 tekens: letters a-z, cijfers en . _ @ -, beginnend met een letter "
            "of cijfer",
            "use 1 to 80 characters: letters a-z, digits and . _ @ -, starting with a letter or "
            "digit",
            "username",
        )
    ]


def _no_user(user_id: int) -> NotFound:
    return NotFound(f"Gebruiker {user_id} bestaat niet", f"User {user_id} does not exist")
