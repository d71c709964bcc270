"""The audit log as the interfaces use it: who did what to which case, and its retention.

Events and outcomes are codes (:class:`Event`, :class:`Outcome`); the detail is a code too (an
edit's operation kind such as ``update_tie``, an export's ``pdf:genogram``). Nothing here takes
or writes a client's name, note or any other content of a case.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from enum import StrEnum

from zorgkracht.storage import CaseStore
from zorgkracht.storage.audit import AuditQuery, AuditRecord, AuditStore

from .permissions import Actor

log = logging.getLogger(__name__)

DEFAULT_RETENTION_DAYS = 1826

__all__ = ["Actor", "AuditQuery", "AuditRecord", "AuditService", "Event", "Outcome"]


class Event(StrEnum):
    SIGN_IN = "sign_in"
    SIGN_OUT = "sign_out"
    CASE_VIEWED = "case_viewed"
    CASE_EXPORTED = "case_exported"
    CASE_CHANGED = "case_changed"
    CASE_CREATED = "case_created"
    CASE_IMPORTED = "case_imported"
    CASE_DELETED = "case_deleted"
    CASE_ERASED = "case_erased"
    ACCESS_GRANTED = "access_granted"
    ACCESS_REVOKED = "access_revoked"
    ACCOUNT_CREATED = "account_created"
    ACCOUNT_CHANGED = "account_changed"
    ACCOUNT_REMOVED = "account_removed"
    AUDIT_VIEWED = "audit_viewed"
    AUDIT_PURGED = "audit_purged"
    TOKEN_CREATED = "token_created"
    TOKEN_REVOKED = "token_revoked"
    TOKEN_USED = "token_used"


class Outcome(StrEnum):
    OK = "ok"
    DENIED = "denied"
    FAILED = "failed"
    NOT_FOUND = "not_found"

    @classmethod
    def of_status(cls, status: int) -> Outcome:
        """The outcome an HTTP answer's status stands for."""
        if status < 400:
            return cls.OK
        if status in (403, 429):
            return cls.DENIED
        if status == 404:
            return cls.NOT_FOUND
        return cls.FAILED


SYSTEM = Actor(None, "system", None)


def entry(
    actor: Actor,
    event: Event | str,
    *,
    case_id: str | None = None,
    detail: str = "",
    outcome: Outcome | str = Outcome.OK,
) -> AuditRecord:
    return AuditRecord(
        at=dt.datetime.now(dt.UTC),
        user_id=actor.user_id,
        user_name=actor.name,
        case_id=case_id,
        address=actor.address,
        event=str(event),
        detail=detail,
        outcome=str(outcome),
    )


class AuditService:
    def __init__(self, store: AuditStore) -> None:
        self.store = store

    @classmethod
    def for_store(cls, cases: CaseStore) -> AuditService:
        return cls(AuditStore(cases))

    def record(
        self,
        actor: Actor,
        event: Event | str,
        *,
        case_id: str | None = None,
        detail: str = "",
        outcome: Outcome | str = Outcome.OK,
    ) -> None:
        self.store.append([entry(actor, event, case_id=case_id, detail=detail, outcome=outcome)])

    def record_all(self, records: Sequence[AuditRecord]) -> None:
        self.store.append(records)

    def search(
        self,
        query: AuditQuery,
        *,
        limit: int = 50,
        offset: int = 0,
        newest_first: bool = True,
    ) -> list[AuditRecord]:
        return self.store.search(query, limit=limit, offset=offset, newest_first=newest_first)

    def purge(self, retention_days: int, actor: Actor | None) -> int:
        """Remove the rows older than ``retention_days``; the purge itself is recorded
        (``audit_purged``, detail ``days:<n>:rows:<count>``)."""
        record = entry(
            actor or SYSTEM, Event.AUDIT_PURGED, detail=f"days:{retention_days}:rows:{{count}}"
        )
        return self.store.purge(retention_days, record)


def day_start(day: dt.date) -> dt.datetime:
    """The first moment (UTC) of ``day``."""
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)
