"""Engines for the two backends: an embedded SQLite file, or PostgreSQL by URL.

SQLite connections get WAL journalling, foreign keys, ``secure_delete`` and a busy timeout on
every connect. The
driver's own transaction handling is switched off and transactions are begun explicitly, so a
read sees one consistent snapshot and a write takes the write lock up front (``BEGIN
IMMEDIATE``) instead of failing halfway when another writer got there first.

:func:`bulk_insert` inserts many rows into one table at the speed of the driver. SQLAlchemy's
``executemany`` spends most of its time per row and per parameter (parameter dictionaries, bind
processors through several layers); on PostgreSQL even its batched multi-row ``INSERT`` costs
several milliseconds per few hundred rows. Here each column type's own bind processor is applied
once per value, and the rows go to the driver in one call: ``executemany`` on SQLite, ``COPY
... FROM STDIN`` on PostgreSQL (about ten times faster than ``INSERT`` for a few hundred rows).
Driver errors are raised as SQLAlchemy's exceptions (``IntegrityError``, ``DataError``, ...),
as a Core ``insert()`` raises them, on the connection's own transaction.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sqlite3
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import URL, Connection, Engine, Table, create_engine, event, make_url
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from zorgkracht.domain.errors import StorageUnavailable

log = logging.getLogger(__name__)

APP_NAME = "zorgkracht"
DATABASE_FILE = "zorgkracht.sqlite"
BUSY_TIMEOUT_MS = 10_000
PG_CONNECT_TIMEOUT_S = 10
WRITE = "zorgkracht_write"
"""Execution option that marks a connection as a writer (``BEGIN IMMEDIATE`` on SQLite)."""

_PASSWORD = re.compile(r"(://[^:/@]*:)[^@]*@")


PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
SQLITE_SIDE_FILES = ("", "-wal", "-shm", "-journal")


def private_data_dir() -> Path:
    """The user data directory (``~/.local/share/zorgkracht`` on Linux), made 0700 with every
    file in it 0600: it holds client data and the session key, for its owner only. An existing
    directory (made by an older version, 0755) is tightened."""
    directory = Path(platformdirs.user_data_dir(APP_NAME))
    directory.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    _tighten(directory, PRIVATE_DIR)
    for entry in directory.iterdir():
        if entry.is_file() and not entry.is_symlink():
            _tighten(entry, PRIVATE_FILE)
    return directory


def _tighten(path: Path, mode: int) -> None:
    """Take every permission beyond ``mode`` away from ``path`` (only when it is ours)."""
    try:
        info = path.stat()
        if info.st_mode & 0o777 & ~mode and info.st_uid == os.geteuid():
            os.chmod(path, info.st_mode & 0o777 & mode)
            log.info("permissions of %s tightened to %o", path.name, info.st_mode & 0o777 & mode)
    except FileNotFoundError:
        pass


def private_sqlite_file(database: str) -> None:
    """Make the SQLite file (created empty when missing, mode 0600) and its ``-wal``, ``-shm``
    and ``-journal`` files readable by their owner only. SQLite gives the files it creates
    beside the database the database file's mode, so they follow."""
    path = Path(database)
    if not path.parent.is_dir():
        return  # SQLite will say that the directory is missing
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    for suffix in SQLITE_SIDE_FILES:
        _tighten(Path(f"{database}{suffix}"), PRIVATE_FILE)


def default_database_url() -> str:
    """``sqlite:///<user data dir>/zorgkracht.sqlite``; the directory is created (0700)."""
    return f"sqlite:///{private_data_dir() / DATABASE_FILE}"


def safe_url(url: str | URL) -> str:
    """The URL with any password masked, fit for messages and logs."""
    if isinstance(url, URL):
        return url.render_as_string(hide_password=True)
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return _PASSWORD.sub(r"\1***@", url)


def bad_url(url: str, reason: str) -> StorageUnavailable:
    shown = safe_url(url)
    return StorageUnavailable(
        f"'{shown}' is geen bruikbaar database-adres ({reason}); gebruik bijvoorbeeld "
        "sqlite:///pad/naar/zorgkracht.sqlite of postgresql+psycopg://gebruiker@host:5432/database",
        f"'{shown}' is not a usable database URL ({reason}); use for example "
        "sqlite:///path/to/zorgkracht.sqlite or postgresql+psycopg://user@host:5432/database",
    )


def unavailable(url: URL, err: BaseException) -> StorageUnavailable:
    """The database cannot be reached; the reason is the driver's, without SQL or parameters."""
    orig = err.orig if isinstance(err, DBAPIError) else err
    lines = str(orig).strip().splitlines()
    reason = lines[0][:300] if lines else type(orig).__name__
    shown = safe_url(url)
    log.warning("database %s unavailable: %s", shown, type(orig).__name__)
    return StorageUnavailable(
        f"De database {shown} is niet bereikbaar: {reason}",
        f"The database {shown} cannot be reached: {reason}",
    )


def parse_url(url: str) -> URL:
    """Parse ``url``; a plain ``postgresql://`` or ``postgres://`` URL uses psycopg 3."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise bad_url(url, "onleesbaar / unparsable") from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise bad_url(url, f"{parsed.get_backend_name()}: alleen SQLite of PostgreSQL / only")
    if parsed.get_backend_name() == "sqlite" and parsed.database in (None, "", ":memory:"):
        raise bad_url(url, "SQLite heeft een bestand nodig / SQLite needs a file")
    return parsed


def make_engine(url: str) -> Engine:
    parsed = parse_url(url)
    kwargs: dict[str, Any] = {}
    if parsed.get_backend_name() == "postgresql":
        kwargs["pool_pre_ping"] = True
        if "connect_timeout" not in parsed.query:
            kwargs["connect_args"] = {"connect_timeout": PG_CONNECT_TIMEOUT_S}
    try:
        engine = create_engine(parsed, **kwargs)
    except (ArgumentError, NoSuchModuleError, ImportError) as err:
        raise bad_url(url, type(err).__name__) from None
    if engine.dialect.name == "sqlite":
        assert parsed.database
        private_sqlite_file(parsed.database)
        _setup_sqlite(engine)
    return engine


def _wal(cursor: sqlite3.Cursor) -> None:
    """Switch the database to write-ahead logging (it stays so once switched). On a new
    database two connections can try at the same moment (two processes starting, the server
    and a command); SQLite then answers "database is locked" at once instead of waiting the
    busy timeout, so the switch is tried again until the timeout has passed."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _setup_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves, below
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            _wal(cursor)
            cursor.execute("PRAGMA foreign_keys = ON")
            # Deleted content is overwritten, not left in free pages (erasure, AVG art. 17).
            cursor.execute("PRAGMA secure_delete = ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get(WRITE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


# --- bulk inserts ---------------------------------------------------------------------------

_Plan = tuple[str, tuple[str, ...], tuple[Callable[[Any], Any] | None, ...]]
_PLANS: dict[tuple[str, str, tuple[str, ...]], _Plan] = {}


def _plan(dialect: Dialect, table: Table, keys: tuple[str, ...]) -> _Plan:
    """The statement, the column order and each column's bind processor; built once."""
    key = (dialect.name, table.name, keys)
    plan = _PLANS.get(key)
    if plan is None:
        columns = tuple(c.name for c in table.c if c.name in keys)
        if len(columns) != len(keys):
            unknown = sorted(set(keys) - set(columns))
            raise ValueError(f"{table.name} has no columns {unknown}")
        quote = dialect.identifier_preparer.quote
        names = ", ".join(quote(c) for c in columns)
        if dialect.name == "postgresql":
            sql = f"COPY {quote(table.name)} ({names}) FROM STDIN"
        else:
            marks = ", ".join("?" for _ in columns)
            sql = f"INSERT INTO {quote(table.name)} ({names}) VALUES ({marks})"
        processors = tuple(table.c[c].type.bind_processor(dialect) for c in columns)
        plan = _PLANS[key] = (sql, columns, processors)
    return plan


def _values(plan: _Plan, rows: Sequence[dict[str, Any]]) -> list[tuple[Any, ...]]:
    _, columns, processors = plan
    if not any(processors):
        return [tuple(row[c] for c in columns) for row in rows]
    pairs = tuple(zip(columns, processors, strict=True))
    return [tuple(row[c] if p is None else p(row[c]) for c, p in pairs) for row in rows]


def bulk_insert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (dictionaries with the same keys) into ``table`` on ``conn``."""
    if not rows:
        return
    dialect = conn.dialect
    if dialect.name not in ("postgresql", "sqlite"):
        conn.execute(table.insert(), list(rows))
        return
    plan = _plan(dialect, table, tuple(rows[0]))
    sql = plan[0]
    raw = conn.connection.dbapi_connection
    assert raw is not None
    try:
        values = _values(plan, rows)
        cursor = raw.cursor()
        try:
            if dialect.name == "postgresql":
                with cursor.copy(sql) as copy:
                    for value in values:
                        copy.write_row(value)
            else:
                cursor.executemany(sql, values)
        finally:
            cursor.close()
    except dialect.loaded_dbapi.Error as err:
        # Without the parameters: they are client data and must not reach messages or logs.
        raise DBAPIError.instance(
            sql, None, err, dialect.loaded_dbapi.Error, dialect=dialect
        ) from err
