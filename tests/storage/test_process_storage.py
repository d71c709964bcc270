"""The process of a case is stored with it, in ``cases.process``, on SQLite and PostgreSQL:
a full process comes back equal through every write path and through a backup, a case without
a process stays without (SQL ``NULL``), and the stored value is the case file's document."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, MetaData, select, text
from sqlalchemy.dialects.postgresql import JSONB

from zorgkracht.domain.process import HelpQuestion, Process
from zorgkracht.domain.process_codes import ActionStatus, Phasing
from zorgkracht.interchange.process_json import process_to_dict
from zorgkracht.storage import CaseStore
from zorgkracht.storage.backup import restore, write_backup
from zorgkracht.storage.models import CaseRow
from zorgkracht.storage.process_data import process_from_json, process_to_json

from .conftest import PgDatabases
from .process_sample import case_with_process, full_process
from .samples import sample_case


def _stored(sql: Engine, case_id: str) -> Any:
    with sql.connect() as conn:
        return conn.execute(select(CaseRow.process).where(CaseRow.id == case_id)).scalar_one()


def _is_null(sql: Engine, case_id: str) -> bool:
    with sql.connect() as conn:
        return bool(
            conn.execute(
                text("SELECT process IS NULL FROM cases WHERE id = :id"), {"id": case_id}
            ).scalar_one()
        )


def _records(value: Any) -> list[Any]:
    """``value`` and every record inside it."""
    out = [value]
    for f in dataclasses.fields(value):
        inner = getattr(value, f.name)
        for item in inner if isinstance(inner, list) else [inner]:
            if dataclasses.is_dataclass(item) and not isinstance(item, type):
                out += _records(item)
    return out


def test_the_sample_process_fills_every_field_of_every_record() -> None:
    """Else a field the storage dropped could go unnoticed by the round trips below."""
    at_default: dict[str, set[str]] = {}
    for record in _records(full_process()):
        blank = {f.name for f in dataclasses.fields(record)}
        at_default.setdefault(type(record).__name__, blank)
        for f in dataclasses.fields(record):
            default = f.default_factory() if callable(f.default_factory) else f.default
            if getattr(record, f.name) != default:
                at_default[type(record).__name__].discard(f.name)
    assert {name: fields for name, fields in at_default.items() if fields} == {}
    assert len(at_default) == 13  # Process and its twelve kinds of record


def test_a_full_process_comes_back_equal(store: CaseStore, sql: Engine) -> None:
    case = case_with_process()
    record = store.add(case)
    assert record.case == case
    loaded = store.get(case.id).case
    assert loaded == case
    assert loaded.process == full_process()
    # one JSON value in the shape of the case file's process, not an empty one
    assert _stored(sql, case.id) == process_to_dict(full_process())


def test_a_case_without_process_stays_without(store: CaseStore, sql: Engine) -> None:
    case = sample_case()
    store.add(case)
    assert store.get(case.id).case.process == Process()
    assert _is_null(sql, case.id)


def test_the_process_changes_through_every_save_path(store: CaseStore, sql: Engine) -> None:
    case = sample_case()
    first = store.add(case)
    # a process added to a stored case, written with only the differences (previous=)
    with_process = case_with_process()
    second = store.save(with_process, first.version, previous=first)
    assert store.get(case.id).case == with_process
    # one field deep inside changed, written in full (no previous)
    changed = case_with_process()
    changed.process.actions[0].status = ActionStatus.DONE
    changed.process.help_questions.append(HelpQuestion(id="hq9", text="Nieuw"))
    third = store.save(changed, second.version)
    loaded = store.get(case.id)
    assert loaded.case == changed and loaded.case.process.actions[0].status is ActionStatus.DONE
    assert [q.id for q in loaded.case.process.help_questions] == ["hq2", "hq1", "hq9"]
    # removed again: back to NULL
    store.save(case, third.version, previous=loaded)
    assert store.get(case.id).case.process == Process()
    assert _is_null(sql, case.id)


def test_a_phasing_alone_is_stored(store: CaseStore, sql: Engine) -> None:
    case = dataclasses.replace(sample_case(), process=Process(phasing=Phasing.FREE))
    store.add(case)
    assert store.get(case.id).case == case
    assert _stored(sql, case.id) == {"phasing": "free"}


def test_the_column_is_jsonb_on_postgresql(store: CaseStore, sql: Engine, backend: str) -> None:
    with sql.connect() as conn:
        meta = MetaData()
        meta.reflect(conn, only=["cases"])
    column = meta.tables["cases"].c["process"]
    assert column.nullable
    assert isinstance(column.type, JSONB) == (backend == "postgresql")


def test_the_stored_document_is_the_case_file_document() -> None:
    process = full_process()
    data = process_to_json(process)
    assert data == process_to_dict(process)
    assert data is not None
    assert data["meetings"][0]["start"] == "19:30:00"
    assert data["meetings"][0]["leaflet"] is False
    assert "leaflet" not in data["help_questions"][0]  # not a field of a help question
    assert data["help_questions"][1] == {
        "id": "hq1",
        "text": "Boodschappen",
        "priority": 2,
        "status": "let_go",
    }  # every field at its default left out
    assert process_from_json(data) == process
    assert process_to_json(Process()) is None
    assert process_from_json(None) == Process() == process_from_json({})


def test_an_unknown_field_in_the_column_is_refused() -> None:
    with pytest.raises(ValueError, match="colour"):
        process_from_json({"help_questions": [{"id": "hq1", "text": "x", "colour": "red"}]})


def _new_db(backend: str, tmp_path: Path, name: str, request: pytest.FixtureRequest) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / f'{name}.sqlite'}"
    dbs: PgDatabases = request.getfixturevalue("pg_databases")
    return dbs.create(f"_{name}_{len(dbs.created)}")


@pytest.mark.parametrize("kind", ["backup.zip", "backup.sqlite", "other-backend"])
def test_a_backup_carries_the_process(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest, kind: str
) -> None:
    """The archive and SQLite's copy restore the process; an archive restores it on the other
    backend too (PostgreSQL's JSONB into SQLite's JSON and back)."""
    other = {"sqlite": "postgresql", "postgresql": "sqlite"}[backend]
    target_backend = other if kind == "other-backend" else backend
    if kind == "backup.sqlite" and backend != "sqlite":
        kind = "backup.zip"  # SQLite's copy is for SQLite only
    name = "backup.zip" if kind == "other-backend" else kind
    source = _new_db(backend, tmp_path, "source", request)
    target = _new_db(target_backend, tmp_path, "target", request)
    with_process = case_with_process()
    without = sample_case("zonder", "Zonder proces")
    with CaseStore(source) as store:
        store.migrate()
        store.add(with_process)
        store.add(without)
    write_backup(source, tmp_path / name)
    restore(target, tmp_path / name)
    with CaseStore(target) as store:
        assert store.get(with_process.id).case == with_process
        assert store.get(without.id).case == without
        assert store.get(without.id).case.process == Process()


def test_dates_and_hours_keep_their_types(store: CaseStore) -> None:
    store.add(case_with_process())
    process = store.get("zorg-1").case.process
    action = process.actions[0]
    assert action.start == dt.date(2026, 2, 7) and isinstance(action.hours_per_week, float)
    assert process.meetings[0].start == dt.time(19, 30)
    assert isinstance(process.phasing, Phasing)
