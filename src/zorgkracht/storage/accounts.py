"""Accounts of the professionals who use Zorgkracht, who may see which case, and app secrets.

Three tables on the same metadata as the cases (migration ``0002``):

- ``users``: one row per professional; the password only as an Argon2 hash.
- ``case_access``: which user is assigned to which case; deleting a case or a user removes its
  assignments (``ON DELETE CASCADE``).
- ``app_settings``: small values the application generates once and every process shares, such
  as the marker that the first-run setup happened. (The key that signs session cookies was
  kept here until migration ``0003``; it now lives outside the database.)

:class:`AccountStore` shares the engine of a :class:`~zorgkracht.storage.store.CaseStore`, so one
``--db`` URL holds cases and accounts alike.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
from dataclasses import dataclass

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    delete,
    func,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from zorgkracht.domain.errors import Conflict, NotFound

from .models import CASCADE, Base
from .store import CaseStore
from .types import UtcDateTime

log = logging.getLogger(__name__)

USERNAME_LENGTH = 80
SETUP_KEY = "first_run_setup"
ADMIN_ROLE = "admin"


class UserRow(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(USERNAME_LENGTH), unique=True)
    display_name: Mapped[str] = mapped_column(Text)
    password_hash: Mapped[str] = mapped_column(Text)
    is_admin: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    disabled: Mapped[bool] = mapped_column(Boolean)
    role: Mapped[str] = mapped_column(String(20), server_default="professional")
    """``admin``, ``coordinator``, ``professional`` or ``volunteer`` (migration 0004);
    ``is_admin`` is kept equal to ``role == "admin"``."""


class CaseAccessRow(Base):
    __tablename__ = "case_access"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete=CASCADE), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete=CASCADE), primary_key=True)

    __table_args__ = (Index(None, "user_id"),)


class AppSettingRow(Base):
    __tablename__ = "app_settings"

    key: Mapped[str] = mapped_column(String(USERNAME_LENGTH), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


@dataclass(frozen=True, slots=True)
class Account:
    """A stored user, without the password hash."""

    id: int
    username: str
    display_name: str
    is_admin: bool
    disabled: bool
    created_at: dt.datetime
    role: str = "professional"


def _account(row: UserRow) -> Account:
    return Account(
        id=row.id,
        username=row.username,
        display_name=row.display_name,
        is_admin=row.is_admin,
        disabled=row.disabled,
        created_at=row.created_at,
        role=row.role,
    )


def _no_user(user_id: int) -> NotFound:
    return NotFound(f"Gebruiker {user_id} bestaat niet", f"User {user_id} does not exist")


def _taken(username: str) -> Conflict:
    return Conflict(
        f"De gebruikersnaam '{username}' is al in gebruik; kies een andere",
        f"The username '{username}' is already taken; choose another",
    )


class AccountStore:
    """Users, case assignments and app settings, in the database of a :class:`CaseStore`."""

    def __init__(self, cases: CaseStore) -> None:
        # One package: the account tables live beside the cases and use the same sessions.
        self._cases = cases
        self._reads = cases._reads
        self._writes = cases._writes

    # --- users ------------------------------------------------------------------------------

    def count_users(self) -> int:
        with self._cases._guard(), self._reads.begin() as s:
            return s.scalar(select(func.count()).select_from(UserRow)) or 0

    def add_user(
        self,
        username: str,
        display_name: str,
        password_hash: str,
        *,
        is_admin: bool,
        first: bool = False,
        role: str | None = None,
    ) -> Account:
        """Store a new user; Conflict when the name is taken, or (``first``) when any user
        exists already: the first-run marker makes two simultaneous setups end in one account."""
        now = dt.datetime.now(dt.UTC)
        row = UserRow(
            username=username,
            display_name=display_name,
            password_hash=password_hash,
            is_admin=is_admin if role is None else role == ADMIN_ROLE,
            created_at=now,
            disabled=False,
            role=role or (ADMIN_ROLE if is_admin else "professional"),
        )
        try:
            with self._cases._guard(), self._writes.begin() as s:
                if first:
                    if s.scalar(select(func.count()).select_from(UserRow)):
                        raise _setup_done()
                    s.add(AppSettingRow(key=SETUP_KEY, value=now.isoformat()))
                elif s.scalar(select(UserRow.id).where(UserRow.username == username)):
                    raise _taken(username)
                s.add(row)
                s.flush()
                account = _account(row)
        except IntegrityError:
            if first:
                raise _setup_done() from None
            raise _taken(username) from None
        log.info("user %d created (admin: %s)", account.id, is_admin)
        return account

    def get_user(self, user_id: int) -> Account | None:
        with self._cases._guard(), self._reads.begin() as s:
            row = s.get(UserRow, user_id)
            return None if row is None else _account(row)

    def find_login(self, username: str) -> tuple[Account, str] | None:
        """The account and its password hash, by user name."""
        with self._cases._guard(), self._reads.begin() as s:
            row = s.scalar(select(UserRow).where(UserRow.username == username))
            return None if row is None else (_account(row), row.password_hash)

    def set_password_hash(self, user_id: int, password_hash: str) -> None:
        self._update_user(user_id, password_hash=password_hash)

    def set_disabled(self, user_id: int, disabled: bool) -> None:
        self._update_user(user_id, disabled=disabled)

    def set_admin(self, user_id: int, is_admin: bool) -> None:
        self._update_user(
            user_id, is_admin=is_admin, role=ADMIN_ROLE if is_admin else "professional"
        )

    def set_role(self, user_id: int, role: str) -> None:
        """Give the user ``role`` (``is_admin`` follows)."""
        self._update_user(user_id, role=role, is_admin=role == ADMIN_ROLE)

    def _update_user(self, user_id: int, **values: object) -> None:
        with self._cases._guard(), self._writes.begin() as s:
            done = s.execute(
                update(UserRow)
                .where(UserRow.id == user_id)
                .values(**values)
                .execution_options(synchronize_session=False)
            )
            if done.rowcount != 1:  # type: ignore[attr-defined]
                raise _no_user(user_id)

    def remove_user(self, user_id: int) -> None:
        """Delete a user (their sessions and case assignments go with them); Conflict when they
        are the last administrator, NotFound when there is no such user."""
        with self._cases._guard(), self._writes.begin() as s:
            admins = s.scalars(
                select(UserRow.id).where(UserRow.is_admin.is_(True)).with_for_update()
            ).all()
            row = s.get(UserRow, user_id)
            if row is None:
                raise _no_user(user_id)
            if row.is_admin and list(admins) == [user_id]:
                raise Conflict(
                    "Dit is de laatste beheerder; maak eerst een ander account beheerder.",
                    "This is the last administrator; make another account an administrator first.",
                )
            s.delete(row)

    def list_users(self) -> list[Account]:
        with self._cases._guard(), self._reads.begin() as s:
            rows = s.scalars(select(UserRow).order_by(UserRow.username)).all()
            return [_account(r) for r in rows]

    # --- case access ------------------------------------------------------------------------

    def assign(self, case_id: str, user_id: int) -> None:
        """Give ``user_id`` access to ``case_id`` (harmless when it has it already)."""
        try:
            with self._cases._guard(), self._writes.begin() as s:
                if s.get(CaseAccessRow, (case_id, user_id)) is None:
                    s.add(CaseAccessRow(case_id=case_id, user_id=user_id))
        except IntegrityError:
            # Either the case or the user does not exist, or a parallel assign won the race.
            if case_id not in self.case_ids(user_id):
                raise NotFound(
                    f"Casus '{case_id}' of gebruiker {user_id} bestaat niet",
                    f"Case '{case_id}' or user {user_id} does not exist",
                ) from None

    def unassign(self, case_id: str, user_id: int) -> None:
        with self._cases._guard(), self._writes.begin() as s:
            s.execute(
                delete(CaseAccessRow).where(
                    CaseAccessRow.case_id == case_id, CaseAccessRow.user_id == user_id
                )
            )

    def case_ids(self, user_id: int) -> set[str]:
        with self._cases._guard(), self._reads.begin() as s:
            return set(
                s.scalars(select(CaseAccessRow.case_id).where(CaseAccessRow.user_id == user_id))
            )

    def user_ids(self, case_id: str) -> set[int]:
        with self._cases._guard(), self._reads.begin() as s:
            return set(
                s.scalars(select(CaseAccessRow.user_id).where(CaseAccessRow.case_id == case_id))
            )

    # --- settings ---------------------------------------------------------------------------

    def secret(self, key: str) -> str:
        """A random secret stored under ``key``, generated the first time it is asked for."""
        with self._cases._guard(), self._reads.begin() as s:
            found = s.scalar(select(AppSettingRow.value).where(AppSettingRow.key == key))
        if found:
            return found
        try:
            with self._cases._guard(), self._writes.begin() as s:
                s.add(AppSettingRow(key=key, value=secrets.token_urlsafe(48)))
        except IntegrityError:
            pass  # another process made it first; use theirs
        with self._cases._guard(), self._reads.begin() as s:
            value = s.scalar(select(AppSettingRow.value).where(AppSettingRow.key == key))
        assert value
        return value


def _setup_done() -> Conflict:
    return Conflict(
        "Zorgkracht is al ingericht: er bestaat al een account. Log in.",
        "Zorgkracht has been set up already: an account exists. Please log in.",
    )
