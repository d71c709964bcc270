"""Server-side sessions and the shared sign-in throttle (migration ``0003``).

- ``sessions``: one row per signed-in browser. The cookie carries a random token; only its
  SHA-256 hash is stored, so someone who reads the database cannot use a session. Ending a
  session is deleting its row; deleting a user deletes their sessions (``ON DELETE CASCADE``).
- ``login_attempts``: the sign-in attempt count per key (a hashed, normalised user name or an
  address), shared by every server process on the database. An attempt is counted in one
  atomic step *before* the password is checked, so parallel attempts cannot slip past it.

Times are passed in by the caller (the services own the clock, so tests can move it).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Executable, ForeignKey, Index, Integer, String, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, Session, mapped_column

from .models import CASCADE, Base
from .store import CaseStore
from .types import UtcDateTime

log = logging.getLogger(__name__)

TOKEN_HASH_LENGTH = 64
ATTEMPT_KEY_LENGTH = 80
ADDRESS_LENGTH = 64
USER_AGENT_LENGTH = 200


class SessionRow(Base):
    __tablename__ = "sessions"

    token_hash: Mapped[str] = mapped_column(String(TOKEN_HASH_LENGTH), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete=CASCADE))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    last_seen: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    address: Mapped[str | None] = mapped_column(String(ADDRESS_LENGTH))
    user_agent: Mapped[str | None] = mapped_column(String(USER_AGENT_LENGTH))

    # short-lived: not in backups (storage/backup.py); a restore signs everyone out
    __table_args__ = (Index(None, "user_id"), {"info": {"backup": False}})


class LoginAttemptRow(Base):
    __tablename__ = "login_attempts"
    __table_args__ = {"info": {"backup": False}}  # noqa: RUF012 (short-lived: not in backups)

    key: Mapped[str] = mapped_column(String(ATTEMPT_KEY_LENGTH), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer)
    last_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


@dataclass(frozen=True, slots=True)
class StoredSession:
    user_id: int
    created_at: dt.datetime
    last_seen: dt.datetime
    expires_at: dt.datetime


@dataclass(frozen=True, slots=True)
class AttemptCount:
    """The failures counted for a key, and when the last attempt was reserved."""

    failures: int
    last_at: dt.datetime


class SessionStore:
    """Sessions and sign-in attempt counts, in the database of a :class:`CaseStore`."""

    def __init__(self, cases: CaseStore) -> None:
        self._cases = cases
        self._reads = cases._reads
        self._writes = cases._writes

    # --- sessions ---------------------------------------------------------------------------

    def add(
        self,
        token_hash: str,
        user_id: int,
        now: dt.datetime,
        expires_at: dt.datetime,
        address: str | None = None,
        user_agent: str | None = None,
    ) -> None:
        with self._cases._guard(), self._writes.begin() as s:
            s.add(
                SessionRow(
                    token_hash=token_hash,
                    user_id=user_id,
                    created_at=now,
                    last_seen=now,
                    expires_at=expires_at,
                    address=(address or None) and address[:ADDRESS_LENGTH],
                    user_agent=(user_agent or None) and user_agent[:USER_AGENT_LENGTH],
                )
            )

    def get(self, token_hash: str) -> StoredSession | None:
        with self._cases._guard(), self._reads.begin() as s:
            row = s.get(SessionRow, token_hash)
            if row is None:
                return None
            return StoredSession(row.user_id, row.created_at, row.last_seen, row.expires_at)

    def touch(self, token_hash: str, now: dt.datetime) -> None:
        with self._cases._guard(), self._writes.begin() as s:
            s.execute(
                update(SessionRow)
                .where(SessionRow.token_hash == token_hash)
                .values(last_seen=now)
                .execution_options(synchronize_session=False)
            )

    def delete(self, token_hash: str) -> None:
        with self._cases._guard(), self._writes.begin() as s:
            s.execute(delete(SessionRow).where(SessionRow.token_hash == token_hash))

    def delete_for_user(self, user_id: int, keep: str | None = None) -> int:
        """End every session of ``user_id`` (but the one whose hash is ``keep``)."""
        query = delete(SessionRow).where(SessionRow.user_id == user_id)
        if keep is not None:
            query = query.where(SessionRow.token_hash != keep)
        with self._cases._guard(), self._writes.begin() as s:
            return int(s.execute(query).rowcount)  # type: ignore[attr-defined]

    def delete_all(self) -> int:
        with self._cases._guard(), self._writes.begin() as s:
            return int(s.execute(delete(SessionRow)).rowcount)  # type: ignore[attr-defined]

    def delete_expired(self, idle_before: dt.datetime, now: dt.datetime) -> int:
        """Remove sessions idle since before ``idle_before`` or past their absolute expiry."""
        query = delete(SessionRow).where(
            (SessionRow.last_seen < idle_before) | (SessionRow.expires_at <= now)
        )
        with self._cases._guard(), self._writes.begin() as s:
            return int(s.execute(query).rowcount)  # type: ignore[attr-defined]

    def count_for_user(self, user_id: int) -> int:
        query = select(SessionRow.token_hash).where(SessionRow.user_id == user_id)
        with self._cases._guard(), self._reads.begin() as s:
            return len(s.scalars(query).all())

    # --- sign-in attempts -------------------------------------------------------------------

    def reserve(
        self,
        keys: list[str],
        now: dt.datetime,
        fresh_after: dt.datetime,
        allowed: Callable[[dict[str, AttemptCount]], bool],
    ) -> dict[str, AttemptCount]:
        """Count one attempt for every key, atomically, when ``allowed`` says every key may
        try now; otherwise change nothing. Returns the counts as they were before; a count
        whose last attempt is not after ``fresh_after`` has expired and starts again at 0."""
        ordered = sorted(set(keys))  # one lock order: no deadlock between two attempts
        with self._cases._guard(), self._writes.begin() as s:
            for key in ordered:
                s.execute(_insert_missing(s, key, now))
            rows = {
                row.key: row
                for row in s.scalars(
                    select(LoginAttemptRow)
                    .where(LoginAttemptRow.key.in_(ordered))
                    .order_by(LoginAttemptRow.key)
                    .with_for_update()
                )
            }
            before = {
                k: AttemptCount(
                    rows[k].failures if rows[k].last_at > fresh_after else 0, rows[k].last_at
                )
                for k in ordered
            }
            if allowed(before):
                for key in ordered:
                    rows[key].failures = before[key].failures + 1
                    rows[key].last_at = now
            return before

    def forget(self, key: str) -> None:
        with self._cases._guard(), self._writes.begin() as s:
            s.execute(delete(LoginAttemptRow).where(LoginAttemptRow.key == key))

    def release(self, key: str) -> None:
        """Take back one counted attempt for ``key`` (it turned out not to be a failure)."""
        with self._cases._guard(), self._writes.begin() as s:
            s.execute(
                update(LoginAttemptRow)
                .where(LoginAttemptRow.key == key, LoginAttemptRow.failures > 0)
                .values(failures=LoginAttemptRow.failures - 1)
                .execution_options(synchronize_session=False)
            )

    def forget_older(self, before: dt.datetime) -> int:
        """Delete the counts whose last attempt is older than ``before`` (they have expired)."""
        with self._cases._guard(), self._writes.begin() as s:
            query = delete(LoginAttemptRow).where(LoginAttemptRow.last_at < before)
            return int(s.execute(query).rowcount)  # type: ignore[attr-defined]

    def attempts(self, key: str) -> AttemptCount | None:
        with self._cases._guard(), self._reads.begin() as s:
            row = s.get(LoginAttemptRow, key)
            return None if row is None else AttemptCount(row.failures, row.last_at)


def _insert_missing(s: Session, key: str, now: dt.datetime) -> Executable:
    values = {"key": key, "failures": 0, "last_at": now}
    bind = s.get_bind()
    if bind.dialect.name == "postgresql":
        return postgresql.insert(LoginAttemptRow).values(values).on_conflict_do_nothing()
    return sqlite.insert(LoginAttemptRow).values(values).on_conflict_do_nothing()
