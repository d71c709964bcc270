"""The case store: whole cases in and out of the database, with optimistic concurrency.

Every public method is one transaction. A write first claims the case with an atomic
``UPDATE cases SET version = version + 1 WHERE id = :id AND version = :expected``; when no row
matched, someone else saved first (or the case is gone) and nothing is changed. The child rows
are then replaced in the same transaction, so a failure anywhere leaves the stored case as it
was. Reads run in one snapshot (``REPEATABLE READ`` on PostgreSQL, one ``BEGIN`` on SQLite), so
a case is never read half old, half new.
"""

from __future__ import annotations

import copy
import datetime as dt
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import TracebackType
from typing import Any, cast

from alembic.util.exc import CommandError
from sqlalchemy import CursorResult, delete, func, insert, select, update
from sqlalchemy.exc import (
    DataError,
    IntegrityError,
    InterfaceError,
    OperationalError,
    ProgrammingError,
)
from sqlalchemy.orm import Session, sessionmaker

from zorgkracht.domain.codes import CaseStatus
from zorgkracht.domain.errors import Conflict, InvalidInput, NotFound, Problem, StorageUnavailable
from zorgkracht.domain.invariants import validate_case
from zorgkracht.domain.model import Case

from . import migrate as migrations
from .engine import WRITE, make_engine, parse_url, safe_url, unavailable
from .mapping import case_from_rows, network_rows, positions_to_json, search_key
from .models import Base, CaseRow, NetworkRow, PersonRow

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CaseRecord:
    """A stored case with its version (for optimistic concurrency) and timestamps (UTC)."""

    case: Case
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True)
class CaseSummary:
    """One line of the case list."""

    id: str
    title: str
    client_name: str
    status: CaseStatus
    version: int
    persons: int
    snapshots: int
    updated_at: dt.datetime


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _not_found(case_id: str) -> NotFound:
    return NotFound(f"Casus '{case_id}' bestaat niet", f"Case '{case_id}' does not exist")


def _stale(case_id: str, current: int, expected: int) -> Conflict:
    return Conflict(
        f"Casus '{case_id}' is intussen door iemand anders gewijzigd (versie {current}, u had "
        f"versie {expected}); laad opnieuw en probeer het nog eens",
        f"Case '{case_id}' has been changed by someone else in the meantime (version {current}, "
        f"you had version {expected}); reload it and try again",
    )


def _exists(case_id: str) -> Conflict:
    return Conflict(
        f"Er bestaat al een casus met id '{case_id}'; kies een andere id",
        f"A case with id '{case_id}' already exists; choose another id",
    )


def _rowcount(result: Any) -> int:
    return cast(CursorResult[Any], result).rowcount


class CaseStore:
    """Cases in SQLite (a file) or PostgreSQL, by SQLAlchemy URL."""

    def __init__(self, url: str) -> None:
        self._url = parse_url(url)
        self._engine = make_engine(url)
        writer = self._engine.execution_options(**{WRITE: True})
        reader = self._engine
        if self._engine.dialect.name == "postgresql":
            reader = self._engine.execution_options(isolation_level="REPEATABLE READ")
        self._writer = writer
        self._reads = sessionmaker(bind=reader, expire_on_commit=False)
        self._writes = sessionmaker(bind=writer, expire_on_commit=False)

    @property
    def url(self) -> str:
        """The database URL, password hidden."""
        return safe_url(self._url)

    @property
    def dialect(self) -> str:
        return self._engine.dialect.name

    def __enter__(self) -> CaseStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- lifecycle ------------------------------------------------------------------------

    def migrate(self) -> None:
        """Bring the schema up to date (``alembic upgrade head``); harmless when it is."""
        with self._guard():
            try:
                migrations.upgrade(self._writer)
            except CommandError as err:
                raise StorageUnavailable(
                    f"De database {self.url} kan niet worden bijgewerkt ({err}); is hij gemaakt "
                    "door een nieuwere versie van Zorgkracht?",
                    f"The database {self.url} cannot be migrated ({err}); was it made by a newer "
                    "version of Zorgkracht?",
                ) from None

    def close(self) -> None:
        self._engine.dispose()

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """Turn a database that cannot be reached or is not set up into StorageUnavailable."""
        try:
            yield
        except (OperationalError, InterfaceError) as err:
            if "no such table" in str(err.orig):
                raise self._not_migrated() from None
            raise unavailable(self._url, err) from None
        except ProgrammingError as err:
            if getattr(err.orig, "sqlstate", None) == "42P01":  # undefined_table
                raise self._not_migrated() from None
            raise
        except (DataError, OverflowError) as err:
            # A value the rules allow but a column cannot hold (a number beyond 64 bits, a NUL
            # character on PostgreSQL). Say what, never with the statement or its parameters.
            orig = err.orig if isinstance(err, DataError) else err
            reason = (str(orig).strip().splitlines() or [type(orig).__name__])[0][:200]
            raise InvalidInput(
                [
                    Problem(
                        "",
                        f"een waarde past niet in de database: {reason}",
                        f"a value does not fit in the database: {reason}",
                        "storage_value",
                    )
                ]
            ) from None

    def _not_migrated(self) -> StorageUnavailable:
        return StorageUnavailable(
            f"De database {self.url} is nog niet ingericht; voer eerst de migraties uit",
            f"The database {self.url} has not been set up; run the migrations first",
        )

    # --- reading --------------------------------------------------------------------------

    def get(self, case_id: str) -> CaseRecord:
        with self._guard(), self._reads.begin() as s:
            row = s.get(CaseRow, case_id)
            if row is None:
                raise _not_found(case_id)
            networks = s.scalars(
                select(NetworkRow).where(NetworkRow.case_id == case_id).order_by(NetworkRow.ord)
            ).all()
            case = case_from_rows(row, list(networks))
            return CaseRecord(case, row.version, row.created_at, row.updated_at)

    def list(
        self, *, search: str | None = None, include_archived: bool = False
    ) -> list[CaseSummary]:
        """Cases, newest change first; ``search`` matches title or client name, any case."""
        current = NetworkRow.case_id == CaseRow.id
        client_name = (
            select(PersonRow.name)
            .join(NetworkRow, PersonRow.network_id == NetworkRow.id)
            .where(current, NetworkRow.ord == 0, PersonRow.id == CaseRow.client_id)
            .scalar_subquery()
        )
        persons = (
            select(func.count())
            .select_from(PersonRow)
            .join(NetworkRow, PersonRow.network_id == NetworkRow.id)
            .where(current, NetworkRow.ord == 0)
            .scalar_subquery()
        )
        snapshots = (
            select(func.count())
            .select_from(NetworkRow)
            .where(current, NetworkRow.ord > 0)
            .scalar_subquery()
        )
        query = select(
            CaseRow.id,
            CaseRow.title,
            func.coalesce(client_name, CaseRow.client_id),
            CaseRow.status,
            CaseRow.version,
            persons,
            snapshots,
            CaseRow.updated_at,
        ).order_by(CaseRow.updated_at.desc(), CaseRow.id)
        if not include_archived:
            query = query.where(CaseRow.status == CaseStatus.ACTIVE)
        term = (search or "").strip().casefold()
        if term:
            query = query.where(CaseRow.search_key.contains(term, autoescape=True))
        with self._guard(), self._reads.begin() as s:
            return [
                CaseSummary(
                    id=r[0],
                    title=r[1],
                    client_name=r[2],
                    status=r[3],
                    version=r[4],
                    persons=r[5],
                    snapshots=r[6],
                    updated_at=r[7],
                )
                for r in s.execute(query)
            ]

    def count(self) -> int:
        with self._guard(), self._reads.begin() as s:
            return s.scalar(select(func.count()).select_from(CaseRow)) or 0

    # --- writing --------------------------------------------------------------------------

    def add(self, case: Case) -> CaseRecord:
        """Store a new case as version 1; Conflict when its id is taken."""
        validate_case(case)
        now = _now()
        try:
            with self._guard(), self._writes.begin() as s:
                if s.get(CaseRow, case.id) is not None:
                    raise _exists(case.id)
                s.add(
                    CaseRow(
                        id=case.id,
                        version=1,
                        created_at=now,
                        updated_at=now,
                        **self._case_columns(case),
                    )
                )
                s.flush()
                self._insert_networks(s, case)
        except IntegrityError:
            # Another writer added the same id between our check and our insert.
            if self._version(case.id) is not None:
                raise _exists(case.id) from None
            raise
        log.debug("case added")
        return CaseRecord(copy.deepcopy(case), 1, now, now)

    def save(self, case: Case, expected_version: int) -> CaseRecord:
        """Replace a stored case; Conflict when it is no longer at ``expected_version``."""
        validate_case(case)
        now = _now()
        with self._guard(), self._writes.begin() as s:
            claimed = s.execute(
                update(CaseRow)
                .where(CaseRow.id == case.id, CaseRow.version == expected_version)
                .values(version=CaseRow.version + 1, updated_at=now, **self._case_columns(case))
                .execution_options(synchronize_session=False)
            )
            if _rowcount(claimed) != 1:
                raise self._missing_or_stale(s, case.id, expected_version)
            created_at = s.scalar(select(CaseRow.created_at).where(CaseRow.id == case.id))
            assert created_at is not None
            s.execute(
                delete(NetworkRow)
                .where(NetworkRow.case_id == case.id)
                .execution_options(synchronize_session=False)
            )
            self._insert_networks(s, case)
        log.debug("case saved (version %d)", expected_version + 1)
        return CaseRecord(copy.deepcopy(case), expected_version + 1, created_at, now)

    def delete(self, case_id: str, expected_version: int) -> None:
        """Delete a case and everything in it; Conflict when it changed since it was read."""
        with self._guard(), self._writes.begin() as s:
            deleted = s.execute(
                delete(CaseRow)
                .where(CaseRow.id == case_id, CaseRow.version == expected_version)
                .execution_options(synchronize_session=False)
            )
            if _rowcount(deleted) != 1:
                raise self._missing_or_stale(s, case_id, expected_version)
        log.debug("case deleted")

    # --- helpers --------------------------------------------------------------------------

    @staticmethod
    def _case_columns(case: Case) -> dict[str, Any]:
        return {
            "title": case.title,
            "client_id": case.client,
            "index_person": case.index_person,
            "status": case.status,
            "note": case.note,
            "positions": positions_to_json(case),
            "search_key": search_key(case),
        }

    @staticmethod
    def _insert_networks(s: Session, case: Case) -> None:
        """Insert the networks of ``case``, then their rows table by table in foreign-key order."""
        pending: dict[str, list[dict[str, Any]]] = {}
        for net in network_rows(case):
            network_id = s.execute(
                insert(NetworkRow).values(**net.network).returning(NetworkRow.id)
            ).scalar_one()
            for name, rows in net.children.items():
                pending.setdefault(name, []).extend({**r, "network_id": network_id} for r in rows)
        for table in Base.metadata.sorted_tables:
            rows = pending.pop(table.name, [])
            if rows:
                s.execute(table.insert(), rows)
        assert not pending, f"rows for unknown tables: {sorted(pending)}"

    @staticmethod
    def _missing_or_stale(s: Session, case_id: str, expected: int) -> NotFound | Conflict:
        current = s.scalar(select(CaseRow.version).where(CaseRow.id == case_id))
        if current is None:
            return _not_found(case_id)
        return _stale(case_id, current, expected)

    def _version(self, case_id: str) -> int | None:
        with self._guard(), self._reads.begin() as s:
            return s.scalar(select(CaseRow.version).where(CaseRow.id == case_id))
