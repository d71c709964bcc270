"""A backup (portable archive, and SQLite's own copy) carries every recorded field of a case:
wish, energy, may be asked, receives care, own needs, organisation, care tasks, the client's
care, and the instrument answers of now with who answered."""

from __future__ import annotations

from pathlib import Path

import pytest

from zorgkracht.storage import CaseStore
from zorgkracht.storage.backup import restore, write_backup

from .conftest import PgDatabases
from .samples import sample_case


def _new_db(backend: str, tmp_path: Path, name: str, request: pytest.FixtureRequest) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / f'{name}.sqlite'}"
    dbs: PgDatabases = request.getfixturevalue("pg_databases")
    return dbs.create(f"_{name}_{len(dbs.created)}")


@pytest.mark.parametrize("kind", ["backup.zip", "backup.sqlite"])
def test_a_backup_carries_the_recorded_fields(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest, kind: str
) -> None:
    if kind.endswith(".sqlite") and backend != "sqlite":
        kind = "backup.zip"  # SQLite's copy is for SQLite only; the archive again
    source = _new_db(backend, tmp_path, "source", request)
    target = _new_db(backend, tmp_path, "target", request)
    case = sample_case()
    assert case.instruments and case.network.ties[0].client_care_tasks  # the fields are there
    with CaseStore(source) as store:
        store.migrate()
        store.add(case)
    write_backup(source, tmp_path / kind)
    restore(target, tmp_path / kind)
    with CaseStore(target) as store:
        assert store.get(case.id).case == case
