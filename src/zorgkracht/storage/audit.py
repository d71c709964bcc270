"""The audit log (NEN 7513): one row per event, append-only, in the database of the cases.

Table ``audit_log`` (migration ``0004``): when (UTC), who (user id and user name at the time,
or ``cli:<os user>`` for the command line), which case (id), from which address, the event code,
a detail code (an edit's operation kind, an export's format and view) and the outcome (``ok``,
``denied``, ``failed``, ``not_found``). Ids and codes only: never a client's name or notes.

The rows have no foreign keys: they outlive the case, the account and its erasure. The database
itself refuses to change them (triggers on both backends, created by the migration): an
``UPDATE`` (and on PostgreSQL a ``TRUNCATE``) always fails, a ``DELETE`` fails for every row
that is younger than the retention recorded in ``app_settings`` (``audit_retention_days``,
1826 days when absent). :meth:`AuditStore.purge` is the only way rows leave: it records the
retention, deletes the older rows and adds a row saying so, in one transaction.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace

from sqlalchemy import Index, Integer, String, Table, delete, insert, select, update
from sqlalchemy.orm import Mapped, mapped_column

from .accounts import AppSettingRow
from .models import Base
from .store import CaseStore
from .types import UtcDateTime

log = logging.getLogger(__name__)

RETENTION_KEY = "audit_retention_days"
DEFAULT_RETENTION_DAYS = 1826
CLOCK_MARGIN = 60
"""Minutes the purge stays behind the retention (the database's clock may differ a little)."""
NAME_LENGTH = 120
DETAIL_LENGTH = 120


class AuditRow(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    user_id: Mapped[int | None] = mapped_column(Integer)
    user_name: Mapped[str] = mapped_column(String(NAME_LENGTH))
    case_id: Mapped[str | None] = mapped_column(String)
    address: Mapped[str | None] = mapped_column(String(64))
    event: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(String(DETAIL_LENGTH))
    outcome: Mapped[str] = mapped_column(String(16))

    __table_args__ = (
        Index(None, "at"),
        Index(None, "case_id", "at"),
        Index(None, "user_name", "at"),
    )


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """One row of the audit log."""

    at: dt.datetime
    user_id: int | None
    user_name: str
    case_id: str | None
    address: str | None
    event: str
    detail: str
    outcome: str
    id: int | None = None


@dataclass(frozen=True, slots=True)
class AuditQuery:
    """What to look for; every field optional. ``since`` and ``until`` are moments (UTC)."""

    case_id: str | None = None
    user_name: str | None = None
    event: str | None = None
    since: dt.datetime | None = None
    until: dt.datetime | None = None


_TABLE: Table = AuditRow.__table__  # type: ignore[assignment]


def _values(record: AuditRecord) -> dict[str, object]:
    values = asdict(record)
    values.pop("id")
    values["user_name"] = str(values["user_name"])[:NAME_LENGTH]
    values["detail"] = str(values["detail"])[:DETAIL_LENGTH]
    if isinstance(values["address"], str):
        values["address"] = values["address"][:64]
    return values


class AuditStore:
    """The audit log in the database of a :class:`CaseStore` (its writing engine)."""

    def __init__(self, cases: CaseStore) -> None:
        self._cases = cases
        self._reads = cases._reads
        self._writes = cases._writes

    def append(self, records: Sequence[AuditRecord]) -> None:
        """Add ``records`` in one transaction (one ``INSERT`` per record)."""
        if not records:
            return
        with self._cases._guard(), self._writes.begin() as s:
            conn = s.connection()
            for record in records:
                conn.execute(insert(_TABLE).values(_values(record)))

    def search(
        self, query: AuditQuery, *, limit: int = 50, offset: int = 0, newest_first: bool = True
    ) -> list[AuditRecord]:
        statement = select(AuditRow)
        if query.case_id:
            statement = statement.where(AuditRow.case_id == query.case_id)
        if query.user_name:
            statement = statement.where(AuditRow.user_name == query.user_name)
        if query.event:
            statement = statement.where(AuditRow.event == query.event)
        if query.since is not None:
            statement = statement.where(AuditRow.at >= query.since)
        if query.until is not None:
            statement = statement.where(AuditRow.at < query.until)
        order = AuditRow.id.desc() if newest_first else AuditRow.id
        statement = statement.order_by(order).limit(limit).offset(offset)
        with self._cases._guard(), self._reads.begin() as s:
            return [
                AuditRecord(
                    at=r.at,
                    user_id=r.user_id,
                    user_name=r.user_name,
                    case_id=r.case_id,
                    address=r.address,
                    event=r.event,
                    detail=r.detail,
                    outcome=r.outcome,
                    id=r.id,
                )
                for r in s.scalars(statement)
            ]

    def purge(self, retention_days: int, record: AuditRecord) -> int:
        """Delete the rows older than ``retention_days`` and append ``record`` with the count
        (``{count}`` in its detail is filled in), in one transaction; the number deleted."""
        if retention_days < 1:
            raise ValueError("retention_days must be at least 1")
        # A margin, so that a database clock a little behind ours never makes the trigger refuse
        # the whole statement for a row at the edge.
        cutoff = dt.datetime.now(dt.UTC) - dt.timedelta(days=retention_days, minutes=CLOCK_MARGIN)
        with self._cases._guard(), self._writes.begin() as s:
            conn = s.connection()
            days = str(retention_days)
            changed = conn.execute(
                update(AppSettingRow).where(AppSettingRow.key == RETENTION_KEY).values(value=days)
            )
            if not changed.rowcount:
                conn.execute(insert(AppSettingRow).values(key=RETENTION_KEY, value=days))
            deleted = conn.execute(delete(_TABLE).where(_TABLE.c.at < cutoff)).rowcount
            done = replace(record, detail=record.detail.format(count=deleted))
            conn.execute(insert(_TABLE).values(_values(done)))
        log.info("audit log purged: %d rows older than %d days", deleted, retention_days)
        return int(deleted)
