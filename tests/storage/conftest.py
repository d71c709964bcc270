"""Fixtures that run every storage test on SQLite (a temporary file) and on PostgreSQL.

PostgreSQL comes from ``ZORGKRACHT_TEST_PG_URL`` (default: the local server with trust auth).
A fresh, uniquely named database is created for the test session and dropped at its end. When
the server cannot be reached the tests fail with a clear message; they are never skipped.
"""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import URL, Engine, create_engine, func, make_url, select, text
from sqlalchemy.exc import DBAPIError

from zorgkracht.storage import CaseStore
from zorgkracht.storage.engine import make_engine
from zorgkracht.storage.models import Base, NetworkRow

PG_URL_ENV = "ZORGKRACHT_TEST_PG_URL"
DEFAULT_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
BACKENDS = ["sqlite", "postgresql"]


class PgDatabases:
    """Creates and drops uniquely named databases on the test server."""

    def __init__(self, url: URL) -> None:
        self.url = url
        self.prefix = f"zorgkracht_test_{uuid.uuid4().hex[:10]}"
        self.created: list[str] = []
        self.admin = create_engine(
            url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 5}
        )

    def create(self, suffix: str = "") -> str:
        name = f"{self.prefix}{suffix}"
        try:
            with self.admin.connect() as conn:
                conn.exec_driver_sql(
                    f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0"
                )
        except DBAPIError as err:
            pytest.fail(
                f"PostgreSQL at {self.url.render_as_string(hide_password=True)} cannot be used "
                f"for the storage tests ({str(err.orig).strip()}). Start the server or point "
                f"{PG_URL_ENV} at one (postgresql+psycopg://user@host:port/db); the storage "
                "tests run on SQLite and PostgreSQL and are never skipped.",
                pytrace=False,
            )
        self.created.append(name)
        return self.url.set(database=name).render_as_string(hide_password=False)

    def drop_all(self) -> None:
        if not self.created:
            self.admin.dispose()
            return
        with self.admin.connect() as conn:
            for name in reversed(self.created):
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.admin.dispose()


@pytest.fixture(scope="session")
def pg_databases() -> Iterator[PgDatabases]:
    dbs = PgDatabases(make_url(os.environ.get(PG_URL_ENV, DEFAULT_PG_URL)))
    yield dbs
    dbs.drop_all()


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name


@pytest.fixture(scope="session")
def db_url(
    backend: str, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> str:
    """The session database of ``backend``, not yet migrated."""
    if backend == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('sqlite') / 'zorgkracht.sqlite'}"
    dbs: PgDatabases = request.getfixturevalue("pg_databases")
    return dbs.create()


@pytest.fixture
def empty_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """A database of ``backend`` with nothing in it, for the migration tests."""
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'empty.sqlite'}"
    dbs: PgDatabases = request.getfixturevalue("pg_databases")
    return dbs.create(f"_{len(dbs.created)}")


@pytest.fixture(scope="session")
def session_store(db_url: str) -> Iterator[CaseStore]:
    store = CaseStore(db_url)
    store.migrate()
    yield store
    store.close()


@pytest.fixture(scope="session")
def sql(db_url: str, session_store: CaseStore) -> Iterator[Engine]:
    """A plain engine on the session database, to look at the rows behind the store."""
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def store(session_store: CaseStore, sql: Engine) -> Iterator[CaseStore]:
    """The migrated session store, emptied after each test."""
    yield session_store
    with sql.begin() as conn:
        conn.execute(text("DELETE FROM cases"))


def table_counts(engine: Engine) -> dict[str, int]:
    """Rows in every table of the schema."""
    with engine.connect() as conn:
        return {
            t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
            for t in Base.metadata.sorted_tables
        }


def network_ids(engine: Engine, case_id: str) -> list[int]:
    with engine.connect() as conn:
        return list(
            conn.execute(select(NetworkRow.id).where(NetworkRow.case_id == case_id)).scalars()
        )


def race(*actions: Callable[[], object]) -> list[object]:
    """Run ``actions`` in threads that start together; each result or exception, in order."""
    barrier = threading.Barrier(len(actions))
    results: list[object] = [None] * len(actions)

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = actions[i]()
        except Exception as err:  # collected for the assertions
            results[i] = err

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(actions))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return results
