"""Finding 1: a deleted case must never come back from a cache of recently edited cases.

Sequence: create a case, edit it, delete it, create another case under the same id, replace it
with PUT, then edit it with ``If-Match: "2"``. Before the fix the edit API served the erased
case from its memory (same id, same version): the reply drew the erased client's network and
the stored case became a mix of both. The same must hold with two application instances on one
database (the delete in one, the edit in the other), on SQLite and on PostgreSQL.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from zorgkracht.interchange import case_json

from .hardening_support import backend, client_on, database_url, demo, pg_databases

__all__ = ["backend", "pg_databases"]

OP = {"op": "add_domain", "name": "Sportclub"}


def _edit(client: TestClient, case_id: str, version: int, op: dict[str, Any]) -> Any:
    return client.post(
        f"/api/cases/{case_id}/edits?view=netwerkkaart",
        json=op,
        headers={"If-Match": f'"{version}"'},
    )


def _other_case_under(case_id: str) -> dict[str, Any]:
    """The Flodder family under the id of another case."""
    other = demo("flodder")
    other["id"] = case_id
    return other


def _check_answer_and_store(client: TestClient, answer: Any, case_id: str) -> None:
    assert answer.status_code == 200, answer.text
    svg = answer.json()["svg"]
    # the picture is of the new case (the Flodders), nothing of the erased one (Karel)
    assert 'data-person-id="karel"' not in svg
    assert 'data-person-id="ma"' in svg
    stored = client.get(f"/api/cases/{case_id}")
    assert stored.status_code == 200
    data = stored.json()
    ids = {p["id"] for p in data["network"]["persons"]}
    assert "karel" not in ids and "overbuur" not in ids and "ma" in ids
    assert any(d["name"] == "Sportclub" for d in data["network"]["domains"])
    # the export of the stored case is a valid case file
    exported = client.get(f"/cases/{case_id}/export/case.json")
    assert exported.status_code == 200
    case_json.case_from_data(exported.json())
    expected = _other_case_under(case_id)
    assert data["title"] == expected["title"] + " (vervangen)"
    assert len(data["network"]["persons"]) == len(expected["network"]["persons"])


def _recreate_and_put(client: TestClient, case_id: str) -> None:
    created = client.post("/api/cases", json=_other_case_under(case_id))
    assert created.status_code == 201, created.text
    assert created.json()["id"] == case_id
    replaced = _other_case_under(case_id)
    replaced["title"] += " (vervangen)"
    put = client.put(f"/api/cases/{case_id}", json=replaced, headers={"If-Match": '"1"'})
    assert put.status_code == 200, put.text
    assert put.headers["etag"] == '"2"'


def test_a_deleted_case_does_not_come_back_through_the_edit_cache(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    with client_on(database_url(backend, tmp_path, request)) as client:
        created = client.post("/api/cases", json=demo("karel"))
        assert created.status_code == 201, created.text
        case_id = created.json()["id"]
        assert (
            _edit(
                client, case_id, 1, {"op": "rename_domain", "id": "d_werk", "name": "Baan"}
            ).status_code
            == 200
        )
        gone = client.delete(f"/api/cases/{case_id}", headers={"If-Match": '"2"'})
        assert gone.status_code == 204
        _recreate_and_put(client, case_id)
        _check_answer_and_store(client, _edit(client, case_id, 2, OP), case_id)


def test_a_delete_in_one_process_is_seen_by_the_edit_cache_of_another(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    url = database_url(backend, tmp_path, request)
    with client_on(url) as first, client_on(url, first=False) as second:
        created = second.post("/api/cases", json=demo("karel"))
        assert created.status_code == 201, created.text
        case_id = created.json()["id"]
        # the second application edits the case and keeps it in memory at version 2
        renamed = _edit(second, case_id, 1, {"op": "rename_domain", "id": "d_werk", "name": "Baan"})
        assert renamed.status_code == 200
        # the first deletes it and stores another case under the same id, at version 2
        assert first.delete(f"/api/cases/{case_id}", headers={"If-Match": '"2"'}).status_code == 204
        _recreate_and_put(first, case_id)
        # an edit of version 2 through the second application works on the stored case
        _check_answer_and_store(second, _edit(second, case_id, 2, OP), case_id)


def test_a_delete_in_one_process_is_seen_by_the_page_cache_of_another(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """The case page's parts kept by one application (``web/page_cache.py``) are not shown
    for another case stored under the same id and version by another application."""
    url = database_url(backend, tmp_path, request)
    with client_on(url) as first, client_on(url, first=False) as second:
        created = second.post("/api/cases", json=demo("karel"))
        assert created.status_code == 201, created.text
        case_id = created.json()["id"]
        for view in ("ecogram", "genogram"):  # kept by the second application at version 1
            html = second.get(f"/cases/{case_id}?view={view}").text
            assert 'data-person-id="karel"' in html
        assert first.delete(f"/api/cases/{case_id}", headers={"If-Match": '"1"'}).status_code == 204
        again = first.post("/api/cases", json=_other_case_under(case_id))
        assert again.status_code == 201, again.text  # version 1 again, another revision
        for view in ("ecogram", "genogram"):
            html = second.get(f"/cases/{case_id}?view={view}").text
            assert 'data-person-id="karel"' not in html and "Karel" not in html
            assert 'data-person-id="ma"' in html


def test_the_migration_gives_every_existing_case_its_own_revision(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    from alembic import command
    from sqlalchemy import text

    from zorgkracht.storage import CaseStore
    from zorgkracht.storage.engine import make_engine
    from zorgkracht.storage.migrate import alembic_config

    url = database_url(backend, tmp_path, request)
    store = CaseStore(url)
    engine = make_engine(url)
    try:
        store.migrate()
        for name in ("karel", "flodder"):
            store.add(case_json.case_from_data(demo(name)))
        with engine.begin() as conn:
            command.downgrade(alembic_config(conn), "0004")
        store.migrate()  # 0005 again, over cases stored without a revision
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT id, revision FROM cases")).all()
        revisions: dict[str, str] = {str(r[0]): str(r[1]) for r in rows}
        assert set(revisions) == {"karel", "flodder"}
        assert len(set(revisions.values())) == 2
        assert all(len(r) == 32 and int(r, 16) >= 0 for r in revisions.values())
        record = store.get("karel")
        assert record.revision == revisions["karel"]
        saved = store.save(record.case, 1, previous=record)
        assert (saved.version, saved.revision) == (2, record.revision)
    finally:
        engine.dispose()
        store.close()
