"""The case store: whole cases in and out of the database, with optimistic concurrency.

Every public method is one transaction. A write first claims the case with an atomic
``UPDATE cases SET version = version + 1 WHERE id = :id AND version = :expected``; when no row
matched, someone else saved first (or the case is gone) and nothing is changed. The child rows
are then replaced in the same transaction, so a failure anywhere leaves the stored case as it
was: only the tables that changed are rewritten (see :func:`_write_changes`), and rows go to
the driver in bulk (:func:`~.engine.bulk_insert`). Reads run in one snapshot (``REPEATABLE
READ`` on PostgreSQL, one ``BEGIN`` on SQLite), so a case is never read half old, half new.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import TracebackType
from typing import Any, cast

from alembic.util.exc import CommandError
from sqlalchemy import (
    BindParameter,
    Connection,
    CursorResult,
    Select,
    Table,
    UniqueConstraint,
    bindparam,
    delete,
    func,
    insert,
    select,
    update,
)
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
from .engine import WRITE, bulk_insert, make_engine, parse_url, safe_url, unavailable
from .mapping import (
    READ_COLUMNS,
    NetworkRows,
    TableRows,
    case_from_rows,
    copy_case,
    network_rows,
    positions_to_json,
    search_key,
)
from .models import Base, CaseRow, NetworkRow, PersonRow
from .process_data import process_to_json

log = logging.getLogger(__name__)

# Statements are built once: SQLAlchemy caches their compiled form by structure, and building
# them again on every call costs more than running them on a small case.
_CASES = cast(Table, CaseRow.__table__)
_NETWORKS = cast(Table, NetworkRow.__table__)
_CASE_ID: BindParameter[str] = bindparam("case_id")
_SELECT_CASE = select(_CASES).where(_CASES.c.id == _CASE_ID)
_SELECT_NETWORKS = (
    select(_NETWORKS).where(_NETWORKS.c.case_id == _CASE_ID).order_by(_NETWORKS.c.ord)
)
_DELETE_NETWORKS = delete(_NETWORKS).where(_NETWORKS.c.case_id == _CASE_ID)
_INSERT_NETWORKS = insert(_NETWORKS).returning(_NETWORKS.c.id, sort_by_parameter_order=True)
_CHILD_TABLES: list[Table] = [
    t for t in Base.metadata.sorted_tables if "network_id" in t.c and t.name != "networks"
]
_PARENT_KEY = {
    "person_identities": "person_id",
    "person_conditions": "person_id",
    "child_parents": "relation_id",
    "domain_members": "domain_id",
    "life_event_persons": "event_id",
}


def _select_children(table: Table) -> Select[Any]:
    """All rows of ``table`` for the networks of one case, in list order."""
    order: list[Any] = [table.c.network_id]
    if table.name in _PARENT_KEY:
        order.append(table.c[_PARENT_KEY[table.name]])
    order.append(table.c.ord if "ord" in table.c else table.c.identity)
    columns = [table.c[name] for name in READ_COLUMNS[table.name]]
    return (
        select(table.c.network_id, *columns)
        .join(_NETWORKS, table.c.network_id == _NETWORKS.c.id)
        .where(_NETWORKS.c.case_id == _CASE_ID)
        .order_by(*order)
    )


_SELECT_CHILDREN = {t.name: _select_children(t) for t in _CHILD_TABLES}


@dataclass(frozen=True)
class CaseRecord:
    """A stored case with its version (for optimistic concurrency), timestamps (UTC) and
    revision: the random token of this incarnation of the case (a case deleted and stored
    again under the same id gets another), so ``(revision, version)`` names one stored state."""

    case: Case
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime
    revision: str = ""


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


def new_revision() -> str:
    """A fresh revision token (128 random bits, as 32 hexadecimal digits)."""
    return secrets.token_hex(16)


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


def _key(positions: list[int]) -> Callable[[tuple[Any, ...]], tuple[Any, ...]]:
    return lambda row: tuple(row[i] for i in positions)


_COLUMNS = {t.name: tuple(c.name for c in t.c) for t in _CHILD_TABLES}
_PK = {t.name: _key([list(t.c).index(c) for c in t.primary_key.columns]) for t in _CHILD_TABLES}
_OF_CASE = select(_NETWORKS.c.id).where(_NETWORKS.c.case_id == _CASE_ID)
_SELECT_OLD = {
    t.name: select(t).where(t.c.network_id.in_(_OF_CASE.scalar_subquery())) for t in _CHILD_TABLES
}
_DELETE_OF_CASE = {
    t.name: delete(t).where(t.c.network_id.in_(_OF_CASE.scalar_subquery())) for t in _CHILD_TABLES
}
_PERSONS = next(t for t in _CHILD_TABLES if t.name == "persons")
_UPDATE_NETWORK = (
    update(_NETWORKS)
    .where(_NETWORKS.c.id == bindparam("key_id"))
    .values(label=bindparam("label"), taken_on=bindparam("taken_on"), note=bindparam("note"))
)
_LEAVES = {
    "child_relations": "child_parents",
    "domains": "domain_members",
    "life_events": "life_event_persons",
}
"""Tables whose rows cascade away with a row of the parent table (besides ``persons``)."""


def _update_row(table: Table) -> Any:
    """``UPDATE table SET <every other column> WHERE <primary key>`` with the key columns bound
    as ``key_<name>``."""
    return (
        update(table)
        .where(*(c == bindparam(f"key_{c.name}") for c in table.primary_key.columns))
        .values({c.name: bindparam(c.name) for c in table.c if not c.primary_key})
    )


_UPDATE_ROW = {
    t.name: _update_row(t)
    for t in _CHILD_TABLES
    if any(not c.primary_key for c in t.c)
    and not any(isinstance(k, UniqueConstraint) for k in t.constraints)
}
"""Tables whose rows can be changed in place: some column outside the primary key, and no
other unique constraint that a row-by-row update could trip over half-way."""


def _same_records(case: Case, previous: Case) -> bool:
    """Do ``case`` and ``previous`` hold the very same records in their networks (now and in
    every snapshot) and instrument answers, in the same order? An edit shares the records it
    does not change with its base (:mod:`zorgkracht.services.edits`), so an edit of the case's
    own columns (positions, title, process) leaves every row of its networks as it was. Only
    identity is compared: equal but separate records answer False (the rows are then compared
    as before)."""
    if len(case.snapshots) != len(previous.snapshots):
        return False
    lists: list[tuple[list[Any], list[Any]]] = [(case.instruments, previous.instruments)]
    nets = [(case.network, previous.network)]
    for snap, old in zip(case.snapshots, previous.snapshots, strict=True):
        if snap is old:
            continue
        if (snap.id, snap.label, snap.taken_on, snap.note) != (
            old.id,
            old.label,
            old.taken_on,
            old.note,
        ):
            return False
        lists.append((snap.instruments, old.instruments))
        nets.append((snap.network, old.network))
    for net, was in nets:
        if net is not was:
            lists += [(getattr(net, name), getattr(was, name)) for name in _RECORD_LISTS]
    return all(
        len(now) == len(before) and all(a is b for a, b in zip(now, before, strict=True))
        for now, before in lists
    )


_RECORD_LISTS = (
    "persons",
    "household",
    "couples",
    "children",
    "emotions",
    "ties",
    "domains",
    "events",
)


def _write_changes(conn: Connection, case: Case, previous: Case | None = None) -> bool:
    """Rewrite only the rows of ``case`` that changed; False when a full rewrite is needed.

    Applies when the networks are the same (same snapshots in the same order) and no person
    was removed. The old rows are those of ``previous`` when the caller holds the case as it
    was stored at the expected version (the web application keeps it for the next edit), else
    they are read in this transaction, after the version check, which holds the write lock on
    the case. In a table whose rows keep their keys, the changed rows are updated in place
    (persons always: new persons are inserted, nothing cascades); any other table whose rows
    differ is deleted and inserted again (its dependent table with it). A person removed, or
    snapshots added, removed or reordered, make a full rewrite, as before.
    """
    if previous is not None and _same_records(case, previous):
        return True  # a person moved on a picture: the case's own columns say it all
    nets = network_rows(case)
    old_nets = conn.execute(_SELECT_NETWORKS, {"case_id": case.id}).all()
    if [(n.ord, n.snapshot_id) for n in old_nets] != [
        (n.network["ord"], n.network["snapshot_id"]) for n in nets
    ]:
        return False
    new_rows = _rows_by_table(nets, [n.id for n in old_nets])
    old_rows: dict[str, list[dict[str, Any]]] | None = None
    if previous is not None:
        before = network_rows(previous)
        if [(n.network["ord"], n.network["snapshot_id"]) for n in before] == [
            (n.ord, n.snapshot_id) for n in old_nets
        ]:
            old_rows = _rows_by_table(before, [n.id for n in old_nets])
    changed: set[str] = set()
    updates: dict[str, list[dict[str, Any]]] = {}
    person_inserts: list[dict[str, Any]] = []
    for table in _CHILD_TABLES:
        columns, key = _COLUMNS[table.name], _PK[table.name]
        rows = new_rows.get(table.name, [])
        if old_rows is None:
            result = conn.execute(_SELECT_OLD[table.name], {"case_id": case.id})
            old_by_key = {key(v): v for v in map(tuple, result)}
        else:
            old = old_rows.get(table.name, [])
            if old == rows:  # the same rows in the same order (the usual case)
                continue
            old_by_key = {key(v): v for v in (tuple(r[c] for c in columns) for r in old)}
        new_by_key = {key(v): v for v in (tuple(r[c] for c in columns) for r in rows)}
        if old_by_key == new_by_key:
            continue
        same_keys = old_by_key.keys() == new_by_key.keys()
        if table is not _PERSONS and not (same_keys and table.name in _UPDATE_ROW):
            changed.add(table.name)
            continue
        if old_by_key.keys() - new_by_key.keys():
            return False
        pk = [c.name for c in table.primary_key.columns]
        for r in rows:
            values = tuple(r[c] for c in columns)
            k = key(values)
            if k not in old_by_key:
                person_inserts.append(r)
            elif old_by_key[k] != values:
                row = dict(r)
                for name in pk:
                    row[f"key_{name}"] = row.pop(name)
                updates.setdefault(table.name, []).append(row)
    changed |= {_LEAVES[name] for name in changed if name in _LEAVES}
    for old_net, net in zip(old_nets, nets, strict=True):
        new_net = net.network
        if (old_net.label, old_net.taken_on, old_net.note) != (
            new_net["label"],
            new_net["taken_on"],
            new_net["note"],
        ):
            conn.execute(_UPDATE_NETWORK, {"key_id": old_net.id, **new_net})
    for table in reversed(_CHILD_TABLES):
        if table.name in changed:
            conn.execute(_DELETE_OF_CASE[table.name], {"case_id": case.id})
    bulk_insert(conn, _PERSONS, person_inserts)  # before rows that may refer to them
    for name, rows in updates.items():
        conn.execute(_UPDATE_ROW[name], rows)
    for table in _CHILD_TABLES:
        if table.name in changed:
            bulk_insert(conn, table, new_rows.get(table.name, []))
    return True


def _rows_by_table(
    nets: list[NetworkRows], network_ids: list[int]
) -> dict[str, list[dict[str, Any]]]:
    """The child rows of ``nets`` by table, each row with its network's id."""
    out: dict[str, list[dict[str, Any]]] = {}
    for network_id, net in zip(network_ids, nets, strict=True):
        for name, rows in net.children.items():
            for r in rows:
                r["network_id"] = network_id
            out.setdefault(name, []).extend(rows)
    return out


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
            if str(getattr(err.orig, "sqlstate", "") or "").startswith("54"):
                # program_limit_exceeded (a value too large for an index): the input's fault
                raise InvalidInput(
                    [
                        Problem(
                            "",
                            "een waarde is te groot voor de database",
                            "a value is too large for the database",
                            "storage_value",
                        )
                    ]
                ) from None
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
            public_nl="De database is nog niet ingericht; vraag de beheerder de migraties uit "
            "te voeren.",
            public_en="The database has not been set up; ask the administrator to run the "
            "migrations.",
        )

    # --- reading --------------------------------------------------------------------------

    def get(self, case_id: str) -> CaseRecord:
        with self._guard(), self._reads.begin() as s:
            conn = s.connection()
            row = conn.execute(_SELECT_CASE, {"case_id": case_id}).first()
            if row is None:
                raise _not_found(case_id)
            networks = conn.execute(_SELECT_NETWORKS, {"case_id": case_id}).all()
            rows: TableRows = {
                name: conn.execute(query, {"case_id": case_id}).all()
                for name, query in _SELECT_CHILDREN.items()
            }
            case = case_from_rows(row, networks, rows)
            return CaseRecord(case, row.version, row.created_at, row.updated_at, row.revision)

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

    def add(self, case: Case, *, assign_to: int | None = None) -> CaseRecord:
        """Store a new case as version 1; Conflict when its id is taken. With ``assign_to``
        the case is assigned to that user in the same transaction: when that fails (no such
        user), no case is stored."""
        validate_case(case)
        now = _now()
        revision = new_revision()
        try:
            with self._guard(), self._writes.begin() as s:
                if s.get(CaseRow, case.id) is not None:
                    raise _exists(case.id)
                s.add(
                    CaseRow(
                        id=case.id,
                        version=1,
                        revision=revision,
                        created_at=now,
                        updated_at=now,
                        **self._case_columns(case),
                    )
                )
                s.flush()
                self._insert_networks(s, case)
                if assign_to is not None:  # the table of storage.accounts, by name: no cycle
                    access = Base.metadata.tables["case_access"]
                    s.execute(access.insert().values(case_id=case.id, user_id=assign_to))
        except IntegrityError:
            # Another writer added the same id between our check and our insert.
            if self._version(case.id) is not None:
                raise _exists(case.id) from None
            if assign_to is not None:
                raise NotFound(
                    f"Gebruiker {assign_to} bestaat niet", f"User {assign_to} does not exist"
                ) from None
            raise
        log.debug("case added")
        return CaseRecord(copy_case(case), 1, now, now, revision)

    def save(
        self, case: Case, expected_version: int, *, previous: CaseRecord | None = None
    ) -> CaseRecord:
        """Replace a stored case; Conflict when it is no longer at ``expected_version``.

        ``previous``: the record of the case at ``expected_version`` as this store (or another
        serving the same database) returned it, when the caller holds it; the changed rows are
        then found without reading the old ones back. The claim then also checks its revision,
        so a base that is not the stored case (it was deleted and stored again under the same
        id in the meantime, perhaps by another process) is a Conflict, never a mix of both."""
        validate_case(case)
        now = _now()
        base = previous if previous is not None and previous.version == expected_version else None
        claim = [_CASES.c.id == case.id, _CASES.c.version == expected_version]
        if base is not None:
            claim.append(_CASES.c.revision == base.revision)
        with self._guard(), self._writes.begin() as s:
            conn = s.connection()
            claimed = conn.execute(
                update(_CASES)
                .where(*claim)
                .values(version=_CASES.c.version + 1, updated_at=now, **self._case_columns(case))
                .returning(_CASES.c.created_at, _CASES.c.revision)
            ).first()
            if claimed is None:
                raise self._missing_or_stale(s, case.id, expected_version)
            if not _write_changes(conn, case, None if base is None else base.case):
                conn.execute(_DELETE_NETWORKS, {"case_id": case.id})
                self._insert_networks(s, case)
        log.debug("case saved (version %d)", expected_version + 1)
        return CaseRecord(
            copy_case(case), expected_version + 1, claimed.created_at, now, claimed.revision
        )

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

    def erase(self, case_id: str) -> None:
        """Remove a case for good, whatever its version: the case, its snapshots, access rows
        and every row hanging from them (``ON DELETE CASCADE``); NotFound when it is not there.

        On SQLite every connection runs with ``secure_delete`` (deleted content is overwritten
        with zeros) and the write-ahead log is then checkpointed and truncated, so that no copy
        of the removed pages stays in the ``-wal`` file. On PostgreSQL the rows are deleted;
        ``VACUUM`` reclaims their space (see docs/security-audit.md)."""
        with self._guard(), self._writes.begin() as s:
            deleted = s.execute(
                delete(CaseRow)
                .where(CaseRow.id == case_id)
                .execution_options(synchronize_session=False)
            )
            if _rowcount(deleted) != 1:
                raise _not_found(case_id)
        log.info("case erased")
        self.checkpoint()

    def checkpoint(self) -> bool:
        """SQLite: copy the write-ahead log into the database file and truncate it; False when
        a reader kept it from finishing (PostgreSQL: nothing to do, True)."""
        if self.dialect != "sqlite":
            return True
        with self._guard():
            raw = self._engine.raw_connection()
            try:
                cursor = raw.cursor()
                busy = cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
                cursor.close()
            finally:
                raw.close()
        if busy:
            log.warning("write-ahead log not truncated: a reader was busy")
        return not busy

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
            "process": process_to_json(case.process),
        }

    @staticmethod
    def _insert_networks(s: Session, case: Case) -> None:
        """Insert the networks of ``case`` (one statement, ids back in order), then their rows
        table by table in foreign-key order, each table in one bulk statement."""
        conn = s.connection()
        nets = network_rows(case)
        ids = conn.execute(_INSERT_NETWORKS, [net.network for net in nets]).scalars().all()
        pending: dict[str, list[dict[str, Any]]] = {}
        for network_id, net in zip(ids, nets, strict=True):
            for name, rows in net.children.items():
                if rows:
                    target = pending.setdefault(name, [])
                    for r in rows:
                        r["network_id"] = network_id
                    target.extend(rows)
        for table in _CHILD_TABLES:
            rows = pending.pop(table.name, [])
            if rows:
                bulk_insert(conn, table, rows)
        assert not pending, f"rows for unknown tables: {sorted(pending)}"

    @staticmethod
    def _missing_or_stale(s: Session, case_id: str, expected: int) -> NotFound | Conflict:
        current = s.scalar(select(CaseRow.version).where(CaseRow.id == case_id))
        if current is None:
            return _not_found(case_id)
        if current == expected:
            log.info("save refused: the case was stored anew since its base was read")
        return _stale(case_id, current, expected)

    def _version(self, case_id: str) -> int | None:
        with self._guard(), self._reads.begin() as s:
            return s.scalar(select(CaseRow.version).where(CaseRow.id == case_id))
