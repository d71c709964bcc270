"""The Alembic migrations: idempotent, reversible, and in step with the models."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from zorgkracht.domain.errors import StorageUnavailable
from zorgkracht.storage import CaseStore
from zorgkracht.storage.engine import make_engine
from zorgkracht.storage.migrate import current_revision, head_revision
from zorgkracht.storage.models import Base

from .conftest import race
from .samples import sample_case


def test_migrate_twice_is_harmless(empty_url: str) -> None:
    store = CaseStore(empty_url)
    try:
        store.migrate()
        record = store.add(sample_case())
        store.migrate()
        store.migrate()
        assert store.get("zorg-1").case == record.case
        assert store.count() == 1
    finally:
        store.close()
    engine = make_engine(empty_url)
    try:
        with engine.connect() as conn:
            assert current_revision(conn) == head_revision() == "0008"
    finally:
        engine.dispose()


def test_models_and_migrated_database_agree(empty_url: str) -> None:
    store = CaseStore(empty_url)
    store.migrate()
    store.close()
    engine = make_engine(empty_url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
            tables = set(inspect(conn).get_table_names())
        assert tables == {*Base.metadata.tables, "alembic_version"}
    finally:
        engine.dispose()


def test_every_foreign_key_cascades_on_delete(empty_url: str) -> None:
    store = CaseStore(empty_url)
    store.migrate()
    store.close()
    engine = make_engine(empty_url)
    try:
        inspector = inspect(engine)
        fks = [
            (table, fk)
            for table in Base.metadata.tables
            for fk in inspector.get_foreign_keys(table)
        ]
        assert len(fks) == 29  # 25 in the case tables, 2 in case_access, 1 in sessions, 1 in tokens
        assert all(fk["options"].get("ondelete") == "CASCADE" for _, fk in fks), fks
        person_indexed = inspector.get_pk_constraint("persons")["constrained_columns"]
        assert person_indexed[0] == "network_id"  # persons are looked up by network
        case_indexes = {tuple(ix["column_names"]) for ix in inspector.get_indexes("cases")}
        assert {("status", "updated_at"), ("title",)} <= case_indexes
    finally:
        engine.dispose()


def test_downgrade_to_nothing_and_up_again(empty_url: str) -> None:
    from alembic import command

    from zorgkracht.storage.migrate import alembic_config

    store = CaseStore(empty_url)
    store.migrate()
    engine = make_engine(empty_url)
    try:
        with engine.begin() as conn:
            command.downgrade(alembic_config(conn), "base")
        assert set(inspect(engine).get_table_names()) == {"alembic_version"}
        store.migrate()
        assert store.count() == 0
        store.add(sample_case())
        assert store.count() == 1
    finally:
        engine.dispose()
        store.close()


def test_two_processes_migrating_at_once(empty_url: str) -> None:
    stores = [CaseStore(empty_url), CaseStore(empty_url)]
    try:
        results = race(stores[0].migrate, stores[1].migrate)
        assert results == [None, None]
        stores[0].add(sample_case())
        assert stores[1].count() == 1
    finally:
        for store in stores:
            store.close()


def test_a_database_from_a_newer_version_is_refused(empty_url: str) -> None:
    store = CaseStore(empty_url)
    try:
        store.migrate()
        engine = make_engine(empty_url)
        with engine.begin() as conn:
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
        engine.dispose()
        with pytest.raises(StorageUnavailable) as caught:
            store.migrate()
        assert "nieuwere versie" in caught.value.nl and "newer" in caught.value.en
    finally:
        store.close()


def test_two_stores_opening_a_new_sqlite_file_at_once(tmp_path: Path) -> None:
    """Both switch the new file to write-ahead logging; SQLite answers "database is locked" at
    once to the second (no busy wait) unless the switch is tried again (it failed about one
    time in two before it was)."""
    for n in range(12):
        url = f"sqlite:///{tmp_path / f'new-{n}.sqlite'}"
        stores = [CaseStore(url), CaseStore(url)]
        try:
            assert race(stores[0].migrate, stores[1].migrate) == [None, None]
            assert stores[1].count() == 0
        finally:
            for store in stores:
                store.close()
