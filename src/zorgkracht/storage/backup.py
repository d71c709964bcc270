"""Backups of a whole Zorgkracht database, and restoring them, on SQLite and PostgreSQL.

Two kinds of backup file:

- **The portable archive** (a zip, any backend; the default): one JSON-lines entry per table,
  ``tables/<table>.jsonl``, each line the values of one row in the column order the manifest
  names, rows in primary-key order; and ``manifest.json`` with the format, the schema revision
  (Alembic), the backend it came from, and per table its columns, row count and SHA-256. Every
  table of the schema is in it (cases, networks and every row under them, accounts,
  assignments, settings, and any table added later) except the tables marked
  ``info={"backup": False}`` (short-lived rows such as sign-in sessions). It is read in one
  transaction: ``SERIALIZABLE READ ONLY DEFERRABLE`` on PostgreSQL, one read transaction on
  SQLite (WAL), so it holds the database as it was at one moment, never half an edit.
- **A SQLite copy** (the fast path for SQLite, output ending in ``.sqlite``, ``.sqlite3`` or
  ``.db``): SQLite's online backup API (:meth:`sqlite3.Connection.backup`) copies the whole
  database file page by page while the server keeps running.

Both are written to a temporary file next to the target with mode 0600, then renamed over it.

:func:`restore` reads either kind into a database of either backend, in one transaction: the
whole backup or nothing. The backup is checked first (manifest, checksums, row counts, JSON;
for a SQLite copy SQLite's own integrity check) and refused before anything changes when it is
damaged, comes from another schema revision, or the target already holds data (unless
``replace``: then everything in it is deleted in the same transaction).
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import hashlib
import json
import logging
import os
import sqlite3
import zipfile
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sqlalchemy import (
    Connection,
    Date,
    DateTime,
    Integer,
    LargeBinary,
    Numeric,
    Table,
    Time,
    create_engine,
    delete,
    func,
    select,
    text,
)
from sqlalchemy.exc import DatabaseError, DataError, IntegrityError, SQLAlchemyError
from sqlalchemy.types import TypeDecorator

from zorgkracht.domain.errors import Conflict, InvalidInput, Problem, ZorgkrachtError
from zorgkracht.version import __version__

from . import migrate as migrations
from .engine import bulk_insert, make_engine, parse_url, safe_url, unavailable
from .models import Base

log = logging.getLogger(__name__)

FORMAT = "zorgkracht-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SQLITE_SUFFIXES = (".sqlite", ".sqlite3", ".db")
SQLITE_MAGIC = b"SQLite format 3\x00"
BATCH = 1000


@dataclass(frozen=True, slots=True)
class BackupSummary:
    """What a backup holds (or a restore wrote): rows per table and the schema revision."""

    kind: str  # "archive" or "sqlite"
    revision: str | None
    rows: dict[str, int]

    @property
    def cases(self) -> int:
        return self.rows.get("cases", 0)

    @property
    def users(self) -> int:
        return self.rows.get("users", 0)


def backup_tables() -> list[Table]:
    """Every table a backup holds, parents before children."""
    return [t for t in Base.metadata.sorted_tables if t.info.get("backup", True)]


def _bad(path: Path, nl: str, en: str) -> InvalidInput:
    return InvalidInput(
        [
            Problem(
                str(path),
                f"geen bruikbare back-up: {nl}; er is niets gewijzigd",
                f"not a usable backup: {en}; nothing was changed",
                "backup",
            )
        ]
    )


# --- values to JSON and back ------------------------------------------------------------------


def _encode(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, decimal.Decimal):
        return str(value)
    raise TypeError(f"cannot store a {type(value).__name__} in a backup")


def _decoder(table: Table, name: str) -> Callable[[Any], Any] | None:
    """How a JSON value of ``table.name`` becomes the value its column type binds."""
    kind = table.c[name].type
    if isinstance(kind, TypeDecorator):
        kind = kind.impl_instance
    if isinstance(kind, DateTime):
        return dt.datetime.fromisoformat
    if isinstance(kind, Date):
        return dt.date.fromisoformat
    if isinstance(kind, Time):
        return dt.time.fromisoformat
    if isinstance(kind, LargeBinary):
        return base64.b64decode
    if isinstance(kind, Numeric) and kind.asdecimal:
        return decimal.Decimal
    return None


def _line(values: tuple[Any, ...]) -> bytes:
    return (
        json.dumps(list(values), default=_encode, ensure_ascii=False, separators=(",", ":")) + "\n"
    ).encode("utf-8")


# --- writing ----------------------------------------------------------------------------------


@contextmanager
def _private_file(path: Path) -> Iterator[Path]:
    """A new temporary file beside ``path``, mode 0600, renamed to ``path`` on success."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.unlink(missing_ok=True)
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except OSError as err:
        raise ZorgkrachtError(
            f"Kan {path} niet schrijven ({err.strerror}); er is geen back-up gemaakt",
            f"Cannot write {path} ({err.strerror}); no backup was made",
        ) from None
    try:
        yield tmp
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection to the SQLite file ``path`` (any characters in its name)."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def write_backup(url: str, path: Path) -> BackupSummary:
    """Back up the database at ``url`` into ``path``: a SQLite copy when ``path`` ends in
    ``.sqlite``/``.sqlite3``/``.db`` (the database must be SQLite), else the portable archive."""
    if path.suffix.lower() in SQLITE_SUFFIXES:
        return _write_sqlite_copy(url, path)
    return _write_archive(url, path)


def _write_archive(url: str, path: Path) -> BackupSummary:
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite" and not Path(parsed.database or "").is_file():
        raise unavailable(parsed, FileNotFoundError(f"{parsed.database} does not exist"))
    engine = make_engine(url)
    rows: dict[str, int] = {}
    entries: list[dict[str, Any]] = []
    try:
        with _private_file(path) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
            snapshot = engine
            if engine.dialect.name == "postgresql":
                snapshot = engine.execution_options(
                    isolation_level="SERIALIZABLE",
                    postgresql_readonly=True,
                    postgresql_deferrable=True,
                )
            with snapshot.connect() as conn, conn.begin():
                revision = migrations.current_revision(conn)
                backend = conn.dialect.name
                for table in backup_tables():
                    name = f"tables/{table.name}.jsonl"
                    digest, count = hashlib.sha256(), 0
                    query = select(table).order_by(*table.primary_key.columns)
                    result = conn.execution_options(yield_per=BATCH).execute(query)
                    with zf.open(name, "w") as out:
                        for row in result:
                            line = _line(tuple(row))
                            digest.update(line)
                            out.write(line)
                            count += 1
                    rows[table.name] = count
                    entries.append(
                        {
                            "table": table.name,
                            "file": name,
                            "columns": [c.name for c in table.c],
                            "rows": count,
                            "sha256": digest.hexdigest(),
                        }
                    )
            manifest = {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "schema_revision": revision,
                "source_backend": backend,
                "zorgkracht_version": __version__,
                "created_at": dt.datetime.now(dt.UTC).isoformat(),
                "tables": entries,
            }
            zf.writestr(MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False))
    except (DatabaseError, SQLAlchemyError) as err:
        raise unavailable(parse_url(url), err) from None
    finally:
        engine.dispose()
    log.info("backup archive written: %d tables, %d cases", len(entries), rows.get("cases", 0))
    return BackupSummary("archive", revision, rows)


def _sqlite_file(url: str) -> Path:
    parsed = parse_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        raise ZorgkrachtError(
            "Een SQLite-kopie (.sqlite) kan alleen van een SQLite-database; kies een .zip-bestand "
            f"voor {safe_url(parsed)}",
            "A SQLite copy (.sqlite) can only be made of a SQLite database; choose a .zip file "
            f"for {safe_url(parsed)}",
        )
    return Path(parsed.database)


def _write_sqlite_copy(url: str, path: Path) -> BackupSummary:
    source_file = _sqlite_file(url)
    if not source_file.is_file():  # connecting would make an empty database
        raise unavailable(parse_url(url), FileNotFoundError(f"{source_file} does not exist"))
    with _private_file(path) as tmp:
        with (
            closing(_read_only(source_file)) as source,
            closing(sqlite3.connect(tmp)) as target,
        ):
            source.execute("PRAGMA busy_timeout = 10000")
            source.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        summary = _sqlite_summary(tmp)
    log.info("backup sqlite copy written: %d cases", summary.cases)
    return summary


# --- reading a backup -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Entry:
    table: Table
    file: str
    columns: list[str]
    rows: int
    sha256: str


class _Archive:
    """A checked portable archive: its manifest agrees with every entry."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.zip = zipfile.ZipFile(path)
            manifest = json.loads(self.zip.read(MANIFEST).decode("utf-8"))
        except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError) as err:
            raise _bad(
                path, f"geen leesbaar archief ({err})", f"not a readable archive ({err})"
            ) from None
        if (
            not isinstance(manifest, dict)
            or manifest.get("format") != FORMAT
            or manifest.get("format_version") != FORMAT_VERSION
        ):
            raise _bad(path, "onbekend formaat", "unknown format")
        self.revision: str | None = manifest.get("schema_revision")
        tables = {t.name: t for t in backup_tables()}
        self.entries: list[_Entry] = []
        try:
            for raw in manifest["tables"]:
                self.entries.append(
                    _Entry(
                        tables[raw["table"]],
                        str(raw["file"]),
                        [str(c) for c in raw["columns"]],
                        int(raw["rows"]),
                        str(raw["sha256"]),
                    )
                )
        except (KeyError, TypeError, ValueError) as err:
            raise _bad(
                path, f"onbekende tabel of veld {err}", f"unknown table or field {err}"
            ) from None
        missing = set(tables) - {e.table.name for e in self.entries}
        if missing:
            raise _bad(
                path, f"tabellen ontbreken: {sorted(missing)}", f"tables missing: {sorted(missing)}"
            )

    def check(self) -> None:
        """Read every entry once: checksum, row count and JSON must match the manifest."""
        for entry in self.entries:
            if entry.columns != [c.name for c in entry.table.c]:
                raise _bad(
                    self.path,
                    f"de kolommen van {entry.table.name} wijken af",
                    f"the columns of {entry.table.name} differ",
                )
            digest, count = hashlib.sha256(), 0
            with self._open(entry) as lines:
                for line in lines:
                    digest.update(line)
                    count += 1
            if digest.hexdigest() != entry.sha256 or count != entry.rows:
                raise _bad(
                    self.path,
                    f"{entry.file} is beschadigd of onvolledig (controlegetal of aantal regels)",
                    f"{entry.file} is damaged or incomplete (checksum or line count)",
                )

    @contextmanager
    def _open(self, entry: _Entry) -> Iterator[IO[bytes]]:
        try:
            with self.zip.open(entry.file) as handle:
                yield handle
        except (zipfile.BadZipFile, KeyError, OSError, EOFError) as err:
            raise _bad(
                self.path,
                f"{entry.file} is onleesbaar ({err})",
                f"{entry.file} is unreadable ({err})",
            ) from None

    def rows(self, entry: _Entry) -> Iterator[dict[str, Any]]:
        decoders = [(c, _decoder(entry.table, c)) for c in entry.columns]
        with self._open(entry) as lines:
            for line in lines:
                try:
                    values = json.loads(line)
                    yield {
                        c: (v if d is None or v is None else d(v))
                        for (c, d), v in zip(decoders, values, strict=True)
                    }
                except (ValueError, TypeError) as err:
                    raise _bad(
                        self.path,
                        f"ongeldige regel in {entry.file} ({err})",
                        f"invalid line in {entry.file} ({err})",
                    ) from None

    def close(self) -> None:
        self.zip.close()


def _sqlite_summary(path: Path) -> BackupSummary:
    """Check a SQLite copy (SQLite's integrity check) and count its rows."""
    try:
        with closing(_read_only(path)) as conn:
            status = conn.execute("PRAGMA integrity_check").fetchall()
            if status != [("ok",)]:
                raise _bad(
                    path,
                    f"SQLite meldt schade ({status[0][0]})",
                    f"SQLite reports damage ({status[0][0]})",
                )
            revision_row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            rows = {
                t.name: int(conn.execute(f'SELECT count(*) FROM "{t.name}"').fetchone()[0])
                for t in backup_tables()
            }
    except sqlite3.DatabaseError as err:
        raise _bad(
            path,
            f"geen leesbare SQLite-database ({err})",
            f"not a readable SQLite database ({err})",
        ) from None
    return BackupSummary("sqlite", revision_row[0] if revision_row else None, rows)


def inspect_backup(path: Path) -> BackupSummary:
    """Check a backup file completely without restoring it; InvalidInput when it is damaged."""
    if _is_sqlite(path):
        return _sqlite_summary(path)
    archive = _Archive(path)
    try:
        archive.check()
        return BackupSummary(
            "archive", archive.revision, {e.table.name: e.rows for e in archive.entries}
        )
    finally:
        archive.close()


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError as err:
        raise _bad(
            path, f"niet te openen ({err.strerror})", f"cannot be opened ({err.strerror})"
        ) from None


# --- restoring --------------------------------------------------------------------------------


RowSource = Callable[[Table], Iterator[dict[str, Any]]]


def restore(url: str, path: Path, *, replace: bool = False) -> BackupSummary:
    """Restore the backup at ``path`` into the database at ``url``: all or nothing.

    The target is migrated to this version's schema first; the backup must be of the same
    schema revision. A target that holds any row is refused (Conflict) unless ``replace``.
    """
    summary = inspect_backup(path)
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        target_file = Path(parsed.database)
        if not target_file.exists():
            target_file.parent.mkdir(parents=True, exist_ok=True)
            os.close(os.open(target_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    from .store import CaseStore

    with CaseStore(url) as store:
        store.migrate()
    head = migrations.head_revision()
    if summary.revision != head:
        raise _bad(
            path,
            f"gemaakt met schemaversie {summary.revision}, deze Zorgkracht heeft {head}; zet hem "
            "terug met de versie die hem maakte en werk de database daarna bij",
            f"made with schema revision {summary.revision}, this Zorgkracht has {head}; restore "
            "it with the version that made it, then upgrade the database",
        )
    if summary.kind == "sqlite":
        source = create_engine("sqlite://", creator=lambda: _read_only(path))
        try:
            with source.connect() as src, src.begin():

                def from_copy(table: Table) -> Iterator[dict[str, Any]]:
                    query = select(table).order_by(*table.primary_key.columns)
                    for row in src.execution_options(yield_per=BATCH).execute(query):
                        yield dict(row._mapping)

                _load(url, path, from_copy, replace)
        finally:
            source.dispose()
    else:
        archive = _Archive(path)
        try:
            entries = {e.table.name: e for e in archive.entries}
            _load(url, path, lambda table: archive.rows(entries[table.name]), replace)
        finally:
            archive.close()
    log.info("backup restored: %d cases, %d users", summary.cases, summary.users)
    return summary


def _load(url: str, path: Path, rows_of: RowSource, replace: bool) -> None:
    engine = make_engine(url)
    writer = engine.execution_options(zorgkracht_write=True)
    try:
        with writer.begin() as conn:
            if conn.dialect.name == "postgresql":
                tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
                conn.exec_driver_sql(f"LOCK TABLE {tables} IN ACCESS EXCLUSIVE MODE")
            filled = [
                t.name
                for t in backup_tables()
                if conn.execute(select(func.count()).select_from(t)).scalar_one()
            ]
            if filled and not replace:
                raise Conflict(
                    f"De database {safe_url(engine.url)} is niet leeg ({', '.join(filled)}); "
                    "herstel in een lege database, of vervang alles met --replace",
                    f"The database {safe_url(engine.url)} is not empty ({', '.join(filled)}); "
                    "restore into an empty database, or replace everything with --replace",
                )
            if "audit_log" in filled:
                # The audit log is append-only (NEN 7513): its triggers refuse to delete young
                # rows, and a restore must not make the record of who saw what disappear.
                raise Conflict(
                    "Het logboek van deze database is niet leeg; het mag niet gewist worden. "
                    "Herstel in een nieuwe, lege database en bewaar deze als bewijs van toegang.",
                    "The audit log of this database is not empty and may not be erased. Restore "
                    "into a new, empty database and keep this one as the record of access.",
                )
            for table in reversed(Base.metadata.sorted_tables):
                conn.execute(delete(table))
            for table in backup_tables():
                batch: list[dict[str, Any]] = []
                for row in rows_of(table):
                    batch.append(row)
                    if len(batch) >= BATCH:
                        bulk_insert(conn, table, batch)
                        batch = []
                bulk_insert(conn, table, batch)
            if conn.dialect.name == "postgresql":
                _reset_sequences(conn)
    except (IntegrityError, DataError) as err:
        reason = (str(err.orig).strip().splitlines() or [type(err.orig).__name__])[0][:200]
        raise _bad(
            path, f"de rijen passen niet ({reason})", f"the rows do not fit ({reason})"
        ) from None
    except (DatabaseError, SQLAlchemyError) as err:
        raise unavailable(engine.url, err) from None
    finally:
        engine.dispose()


def _reset_sequences(conn: Connection) -> None:
    """Let PostgreSQL's id sequences continue after the highest restored id."""
    for table in backup_tables():
        for column in table.primary_key.columns:
            if not isinstance(column.type, Integer):
                continue
            conn.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence(:table, :column), "
                    f'COALESCE(MAX("{column.name}"), 0) + 1, false) FROM "{table.name}"'
                ),
                {"table": table.name, "column": column.name},
            )
