"""Accounts of professionals: create, sign in, and which cases each one may see.

Passwords are hashed with Argon2id (``argon2-cffi``). A hash made with older, weaker parameters
is replaced by a fresh one the next time its owner signs in. Administrators see every case; any
other user sees the cases assigned to them (a case made through the web is assigned to its
maker).
"""

from __future__ import annotations

import contextlib
import logging
import re
import unicodedata
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from zorgkracht.domain import InvalidInput, NotFound, Problem
from zorgkracht.storage import CaseStore
from zorgkracht.storage.accounts import Account, AccountStore

log = logging.getLogger(__name__)

MIN_PASSWORD = 10
MAX_PASSWORD = 1024
MAX_DISPLAY_NAME = 120
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._@-]{0,79}$")
SESSION_SECRET = "session_secret"

__all__ = ["Account", "AccountService", "SignIn", "normalise_username"]


def normalise_username(raw: str) -> str:
    return unicodedata.normalize("NFKC", raw).strip().lower()


@dataclass(frozen=True, slots=True)
class SignIn:
    """The outcome of a sign-in attempt: the account, or ``None`` for a wrong name or password
    (which of the two is not told)."""

    account: Account | None


class AccountService:
    def __init__(self, store: AccountStore, hasher: PasswordHasher | None = None) -> None:
        self.store = store
        self.hasher = hasher or PasswordHasher()
        self._dummy_hash: str | None = None

    @classmethod
    def for_cases(cls, cases: CaseStore, hasher: PasswordHasher | None = None) -> AccountService:
        return cls(AccountStore(cases), hasher)

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
            name, shown, self.hasher.hash(password), is_admin=is_admin, first=first, role=role
        )

    @staticmethod
    def problems(username: str, display_name: str, password: str) -> list[Problem]:
        """Everything wrong with these values for a new account, field by field."""
        name = normalise_username(username)
        shown = " ".join(display_name.split()) or name
        problems = [*_username_problems(name), *_password_problems(password)]
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

    def sign_in(self, username: str, password: str) -> SignIn:
        """Check a user name and password; a disabled account cannot sign in."""
        found = self.store.find_login(normalise_username(username))
        if found is None:
            self._waste_time(password)
            return SignIn(None)
        account, stored = found
        try:
            self.hasher.verify(stored, password)
        except (VerificationError, InvalidHashError):
            return SignIn(None)
        if account.disabled:
            return SignIn(None)
        if self.hasher.check_needs_rehash(stored):
            self.store.set_password_hash(account.id, self.hasher.hash(password))
            log.info("password hash of user %d renewed", account.id)
        return SignIn(account)

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

    def set_password(self, user_id: int, password: str) -> None:
        problems = _password_problems(password)
        if problems:
            raise InvalidInput(problems)
        self.store.set_password_hash(user_id, self.hasher.hash(password))

    def set_disabled(self, user_id: int, disabled: bool) -> None:
        self.store.set_disabled(user_id, disabled)

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

    def session_secret(self) -> str:
        return self.store.secret(SESSION_SECRET)


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


def _password_problems(password: str) -> list[Problem]:
    if len(password) < MIN_PASSWORD:
        return [
            Problem(
                "password",
                f"kies een wachtwoord van minstens {MIN_PASSWORD} tekens",
                f"choose a password of at least {MIN_PASSWORD} characters",
                "too_short",
            )
        ]
    if len(password) > MAX_PASSWORD:
        return [
            Problem(
                "password",
                f"gebruik hooguit {MAX_PASSWORD} tekens",
                f"use at most {MAX_PASSWORD} characters",
                "too_long",
            )
        ]
    return []
