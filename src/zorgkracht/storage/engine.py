"""Engines for the two backends: an embedded SQLite file, or PostgreSQL by URL.

SQLite connections get WAL journalling, foreign keys and a busy timeout on every connect. The
driver's own transaction handling is switched off and transactions are begun explicitly, so a
read sees one consistent snapshot and a write takes the write lock up front (``BEGIN
IMMEDIATE``) instead of failing halfway when another writer got there first.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import URL, Connection, Engine, create_engine, event, make_url
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


def default_database_url() -> str:
    """``sqlite:///<user data dir>/zorgkracht.sqlite``; the directory is created."""
    directory = Path(platformdirs.user_data_dir(APP_NAME))
    directory.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{directory / DATABASE_FILE}"


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
        _setup_sqlite(engine)
    return engine


def _setup_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves, below
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA foreign_keys = ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get(WRITE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
