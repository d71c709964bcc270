"""Migration 0007 (``cases.process``) keeps every case stored at revision 0006.

A database is brought to 0006 and filled with cases the way the store of 0006 wrote them (every
column that existed then), on SQLite and PostgreSQL; after the upgrade each reads back equal,
without a process (``NULL``), and then takes a process. Down to 0006 drops the column and
every process, and keeps the rest of every case; up again reads them back.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, cast

from sqlalchemy import Engine, MetaData, Table, insert, text

from zorgkracht.demo import load_demo_cases
from zorgkracht.domain import Case
from zorgkracht.domain.process import Process
from zorgkracht.storage import CaseStore
from zorgkracht.storage.engine import make_engine
from zorgkracht.storage.mapping import network_rows, positions_to_json, search_key
from zorgkracht.storage.migrate import current_revision, head_revision
from zorgkracht.storage.models import Base, CaseRow, NetworkRow

from .migration_steps import row_counts
from .migration_steps import to_revision as _to
from .process_sample import case_with_process, full_process
from .samples import sample_case


def _old_cases() -> list[Case]:
    """The sample and demo cases as 0006 could hold them: without a process."""
    cases = [sample_case(), sample_case("zorg-2", "Tweede"), *load_demo_cases()]
    return [dataclasses.replace(c, process=Process()) for c in cases]


def _only(columns: set[str], row: dict[str, Any]) -> dict[str, Any]:
    return {c: v for c, v in row.items() if c in columns}


def _insert_as_0006(engine: Engine, cases: list[Case]) -> None:
    """Write ``cases`` into a database at revision 0006, only into the columns it has."""
    with engine.begin() as conn:
        existing = MetaData()
        existing.reflect(conn)
        case_columns = {c.name for c in existing.tables["cases"].c}
        assert "process" not in case_columns
        now = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
        for k, case in enumerate(cases):
            row = {
                "id": case.id,
                "title": case.title,
                "client_id": case.client,
                "index_person": case.index_person,
                "status": case.status,
                "note": case.note,
                "positions": positions_to_json(case),
                "search_key": search_key(case),
                "version": 1 + k,
                "revision": f"rev{k}",
                "created_at": now,
                "updated_at": now,
            }
            conn.execute(insert(cast(Table, CaseRow.__table__)), _only(case_columns, row))
            for net in network_rows(case):
                network_id = conn.execute(
                    insert(cast(Table, NetworkRow.__table__)).returning(NetworkRow.id),
                    net.network,
                ).scalar_one()
                for table in Base.metadata.sorted_tables:
                    rows = net.children.get(table.name, [])
                    if rows:
                        columns = {c.name for c in existing.tables[table.name].c}
                        conn.execute(
                            insert(table),
                            [{**_only(columns, r), "network_id": network_id} for r in rows],
                        )


LATER_TABLES = {"alembic_version", "access_tokens"}
"""Tables this test does not count: Alembic's own, and those added by later migrations."""


def _counts(engine: Engine) -> dict[str, int]:
    return row_counts(engine, LATER_TABLES)


def _case_columns(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        meta = MetaData()
        meta.reflect(conn, only=["cases"])
    return {c.name for c in meta.tables["cases"].c}


def test_upgrade_from_0006_keeps_every_case(empty_url: str) -> None:
    engine = make_engine(empty_url)
    store = CaseStore(empty_url)
    try:
        _to(engine, "0006")
        cases = _old_cases()
        assert len(cases) >= 5
        _insert_as_0006(engine, cases)
        before = _counts(engine)
        store.migrate()
        with engine.connect() as conn:
            assert current_revision(conn) == head_revision()
            nulls = conn.execute(text("SELECT count(*) FROM cases WHERE process IS NULL"))
            assert nulls.scalar_one() == len(cases)
        assert _counts(engine) == before  # no row lost, none added
        assert "process" in _case_columns(engine)
        for k, case in enumerate(cases):
            record = store.get(case.id)
            assert record.case == case
            assert record.case.process == Process()
            assert record.version == 1 + k and record.revision == f"rev{k}"
        # the migrated case takes a process, through the diff-save path and in full
        record = store.get("zorg-1")
        changed = dataclasses.replace(record.case, process=full_process())
        saved = store.save(changed, record.version, previous=record)
        assert store.get("zorg-1").case == changed
        store.save(record.case, saved.version)
        assert store.get("zorg-1").case == record.case
    finally:
        store.close()
        engine.dispose()


def test_down_to_0006_drops_the_process_and_keeps_the_rest(empty_url: str) -> None:
    engine = make_engine(empty_url)
    store = CaseStore(empty_url)
    try:
        store.migrate()
        cases = _old_cases()
        for case in cases:
            store.add(case)
        store.add(case_with_process("met-proces"))
        before = _counts(engine)
        _to(engine, "0006", down=True)
        with engine.connect() as conn:
            assert current_revision(conn) == "0006"
        assert "process" not in _case_columns(engine)
        assert _counts(engine) == before  # only a column went, no row
        store.migrate()
        for case in cases:
            assert store.get(case.id).case == case
        # the process is gone, the rest of that case is kept
        assert store.get("met-proces").case == sample_case("met-proces")
    finally:
        store.close()
        engine.dispose()
