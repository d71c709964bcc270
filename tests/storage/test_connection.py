"""Connection settings, database URLs, and what happens when the database is not there."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Engine, make_url

from zorgkracht.domain.errors import StorageUnavailable
from zorgkracht.storage import CaseStore, default_database_url
from zorgkracht.storage.engine import BUSY_TIMEOUT_MS

from .samples import sample_case


def test_connection_settings(backend: str, store: CaseStore, sql: Engine, db_url: str) -> None:
    store.add(sample_case())
    with sql.connect() as conn:
        if backend == "sqlite":
            # WAL is a property of the file: ask it with a connection of our own.
            path = make_url(db_url).database
            assert path is not None
            raw = sqlite3.connect(path)
            try:
                assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)
            finally:
                raw.close()
            assert Path(path + "-wal").exists()
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == BUSY_TIMEOUT_MS
        else:
            assert conn.exec_driver_sql("SHOW server_encoding").scalar() == "UTF8"
            assert conn.exec_driver_sql("SELECT count(*) FROM cases").scalar() == 1


def test_unreachable_database_is_storage_unavailable(backend: str, tmp_path: Path) -> None:
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'no' / 'such' / 'folder' / 'z.sqlite'}"
        shown = str(tmp_path / "no" / "such")
    else:
        url = "postgresql+psycopg://postgres:geheim@127.0.0.1:1/nergens"
        shown = "postgresql+psycopg://postgres:***@127.0.0.1:1/nergens"
    store = CaseStore(url)
    try:
        with pytest.raises(StorageUnavailable) as caught:
            store.migrate()
        assert shown in caught.value.nl and "niet bereikbaar" in caught.value.nl
        assert shown in caught.value.en and "cannot be reached" in caught.value.en
        assert "geheim" not in str(caught.value)
        with pytest.raises(StorageUnavailable):
            store.count()
        with pytest.raises(StorageUnavailable):
            store.add(sample_case())
    finally:
        store.close()


def test_a_database_without_tables_says_so(empty_url: str) -> None:
    store = CaseStore(empty_url)
    try:
        with pytest.raises(StorageUnavailable) as caught:
            store.list()
        assert "migraties" in caught.value.nl and "migrations" in caught.value.en
    finally:
        store.close()


@pytest.mark.parametrize(
    "url",
    ["geen url", "mysql://gebruiker:geheim@host/db", "sqlite://", "oracle+nothing://x/y"],
)
def test_bad_urls_are_storage_unavailable(backend: str, url: str) -> None:
    del backend  # the same answer on both
    with pytest.raises(StorageUnavailable) as caught:
        CaseStore(url)
    assert "database-adres" in caught.value.nl and "database URL" in caught.value.en
    assert "geheim" not in str(caught.value)


def test_accepted_url_forms(
    backend: str, db_url: str, store: CaseStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if backend == "sqlite":
        data_dir = tmp_path / "user" / "data"
        monkeypatch.setattr(
            "zorgkracht.storage.engine.platformdirs.user_data_dir", lambda app: str(data_dir)
        )
        url = default_database_url()
        assert url == f"sqlite:///{data_dir / 'zorgkracht.sqlite'}"
        assert data_dir.is_dir()
        other = CaseStore(url)
        other.migrate()
    else:
        # A plain postgresql:// URL means psycopg 3, the driver that is installed.
        url = db_url.replace("postgresql+psycopg://", "postgresql://")
        other = CaseStore(url)
        assert other.url.startswith("postgresql+psycopg://")
    try:
        other.add(sample_case())
        assert other.count() == 1
        assert other.get("zorg-1").case == sample_case()
    finally:
        other.close()
