"""Personal access tokens for scripts (migration ``0008``): the table ``access_tokens``.

One row per token a user made for a script. The token itself is never stored: only the SHA-256
hex digest of it (``token_hash``, unique), as for sessions (:mod:`.sessions`), so someone who
reads the database cannot use a token. A token has a ``scope`` (``read`` or ``write``), an
absolute ``expires_at``, ``last_used_at`` (``NULL`` until its first use) and ``revoked_at``
(``NULL`` while it is not revoked). Removing a user removes their tokens
(``ON DELETE CASCADE``). Like sessions, tokens are not in backups (``info={"backup": False}``):
a restore deletes every row of every table first, so a restore revokes every token.

Times are passed in by the caller (the services own the clock, so tests can move it).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy import ForeignKey, Index, Integer, String, delete, func, select, update
from sqlalchemy.orm import Mapped, mapped_column

from .accounts import UserRow
from .models import CASCADE, Base
from .store import CaseStore
from .types import UtcDateTime

log = logging.getLogger(__name__)

TOKEN_HASH_LENGTH = 64
TOKEN_NAME_LENGTH = 80
SCOPE_LENGTH = 10


class AccessTokenRow(Base):
    __tablename__ = "access_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete=CASCADE))
    name: Mapped[str] = mapped_column(String(TOKEN_NAME_LENGTH))
    token_hash: Mapped[str] = mapped_column(String(TOKEN_HASH_LENGTH), unique=True)
    scope: Mapped[str] = mapped_column(String(SCOPE_LENGTH))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    last_used_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)

    # not in backups (storage/backup.py): a restore revokes every token
    __table_args__ = (Index(None, "user_id"), {"info": {"backup": False}})


@dataclass(frozen=True, slots=True)
class StoredToken:
    """A stored token, without its hash."""

    id: int
    user_id: int
    name: str
    scope: str
    created_at: dt.datetime
    expires_at: dt.datetime
    last_used_at: dt.datetime | None
    revoked_at: dt.datetime | None

    def live(self, now: dt.datetime) -> bool:
        """Neither revoked nor expired at ``now``."""
        return self.revoked_at is None and now < self.expires_at


def _stored(row: AccessTokenRow) -> StoredToken:
    return StoredToken(
        id=row.id,
        user_id=row.user_id,
        name=row.name,
        scope=row.scope,
        created_at=row.created_at,
        expires_at=row.expires_at,
        last_used_at=row.last_used_at,
        revoked_at=row.revoked_at,
    )


class TokenLimitReached(Exception):
    """The user already has the most live tokens allowed (nothing was stored)."""


class TokenStore:
    """Access tokens, in the database of a :class:`CaseStore`."""

    def __init__(self, cases: CaseStore) -> None:
        self._cases = cases
        self._reads = cases._reads
        self._writes = cases._writes

    def add(
        self,
        user_id: int,
        name: str,
        token_hash: str,
        scope: str,
        now: dt.datetime,
        expires_at: dt.datetime,
        *,
        max_live: int,
    ) -> StoredToken:
        """Store a new token; :class:`TokenLimitReached` when the user has ``max_live`` live
        tokens already. The user's row is locked while counting, so two parallel requests
        cannot both make the last one."""
        with self._cases._guard(), self._writes.begin() as s:
            s.execute(select(UserRow.id).where(UserRow.id == user_id).with_for_update())
            live = s.scalar(
                select(func.count())
                .select_from(AccessTokenRow)
                .where(
                    AccessTokenRow.user_id == user_id,
                    AccessTokenRow.revoked_at.is_(None),
                    AccessTokenRow.expires_at > now,
                )
            )
            if (live or 0) >= max_live:
                raise TokenLimitReached()
            row = AccessTokenRow(
                user_id=user_id,
                name=name,
                token_hash=token_hash,
                scope=scope,
                created_at=now,
                expires_at=expires_at,
                last_used_at=None,
                revoked_at=None,
            )
            s.add(row)
            s.flush()
            return _stored(row)

    def by_hash(self, token_hash: str) -> StoredToken | None:
        with self._cases._guard(), self._reads.begin() as s:
            row = s.scalar(select(AccessTokenRow).where(AccessTokenRow.token_hash == token_hash))
            return None if row is None else _stored(row)

    def get(self, token_id: int) -> StoredToken | None:
        with self._cases._guard(), self._reads.begin() as s:
            row = s.get(AccessTokenRow, token_id)
            return None if row is None else _stored(row)

    def for_user(self, user_id: int) -> list[StoredToken]:
        """The user's tokens, newest first."""
        query = (
            select(AccessTokenRow)
            .where(AccessTokenRow.user_id == user_id)
            .order_by(AccessTokenRow.created_at.desc(), AccessTokenRow.id.desc())
        )
        with self._cases._guard(), self._reads.begin() as s:
            return [_stored(r) for r in s.scalars(query)]

    def revoke(self, token_id: int, now: dt.datetime) -> bool:
        """Mark the token revoked at ``now``; False when there is no such token or it was
        revoked already (its first revocation time is kept)."""
        with self._cases._guard(), self._writes.begin() as s:
            done = s.execute(
                update(AccessTokenRow)
                .where(AccessTokenRow.id == token_id, AccessTokenRow.revoked_at.is_(None))
                .values(revoked_at=now)
                .execution_options(synchronize_session=False)
            )
            return bool(done.rowcount)  # type: ignore[attr-defined]

    def touch(self, token_id: int, now: dt.datetime) -> None:
        with self._cases._guard(), self._writes.begin() as s:
            s.execute(
                update(AccessTokenRow)
                .where(AccessTokenRow.id == token_id)
                .values(last_used_at=now)
                .execution_options(synchronize_session=False)
            )

    def delete_ended(self, before: dt.datetime) -> int:
        """Delete the tokens that expired or were revoked before ``before``."""
        query = delete(AccessTokenRow).where(
            (AccessTokenRow.expires_at < before) | (AccessTokenRow.revoked_at < before)
        )
        with self._cases._guard(), self._writes.begin() as s:
            return int(s.execute(query).rowcount)  # type: ignore[attr-defined]

    def count(self) -> int:
        with self._cases._guard(), self._reads.begin() as s:
            return s.scalar(select(func.count()).select_from(AccessTokenRow)) or 0
