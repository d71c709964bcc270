"""Erasure (AVG art. 17): a case and everything attached to it gone from the database, its file
and write-ahead log, and every cached copy; the audit keeps the fact, not the data."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from zorgkracht.cli.main import app as cli_app
from zorgkracht.cli.main import main
from zorgkracht.layout import memo

from . import audit_support
from .audit_support import Web

web = audit_support.web  # the fixtures, on SQLite and PostgreSQL
pg_dbs = audit_support.pg_dbs

JSON = {"Accept": "application/json"}


def _unique() -> str:
    return "Zwaantje" + uuid.uuid4().hex[:12].upper()


def _use_the_case(web: Web, case_id: str, name: str) -> None:
    """View, edit (the edit cache keeps it), snapshot and draw it (the layout memo keeps it)."""
    admin = web.admin
    assert admin.get(f"/cases/{case_id}?view=netwerkkaart").status_code == 200
    edit = admin.post(
        f"/api/cases/{case_id}/edits?view=netwerkkaart",
        json={"op": "update_person", "id": "p2", "changes": {"name": f"{name} buur"}},
        headers={"If-Match": '"1"'},
    )
    assert edit.status_code == 200, edit.text
    snap = admin.post(
        f"/cases/{case_id}/snapshots",
        data={"label": f"{name} eerste", "taken_on": "2026-12-01", "version": "2"},
        follow_redirects=False,
    )
    assert snap.status_code == 303, snap.text
    assert admin.get(f"/cases/{case_id}?view=genogram").status_code == 200


def _erase(web: Web, case_id: str, confirm: str | None = None) -> int:
    answer = web.admin.post(
        f"/cases/{case_id}/erase",
        data={"confirm": case_id if confirm is None else confirm},
        headers=JSON,
        follow_redirects=False,
    )
    status: int = answer.status_code
    return status


def test_erasing_through_the_web(web: Web) -> None:
    name = _unique()
    case_id = web.new_case(name, assign=("professional",))
    _use_the_case(web, case_id, name)
    assert case_id in web.app.state.service.recent
    assert any(slot[0] == case_id for slot in memo._HELD)

    assert _erase(web, case_id, confirm="iets anders") == 422
    assert web.admin.get(f"/api/cases/{case_id}").status_code == 200

    assert _erase(web, case_id) == 303
    assert web.admin.get(f"/api/cases/{case_id}").status_code == 404
    assert web.admin.get(f"/cases/{case_id}").status_code == 404
    assert web.clients["professional"].get(f"/api/cases/{case_id}").status_code == 404
    assert web.admin.get(f"/cases/{case_id}/export/case.json").status_code == 404
    again = web.admin.post(
        f"/cases/{case_id}/erase", data={"confirm": case_id}, headers=JSON, follow_redirects=False
    )
    assert again.status_code == 404 and again.json()["error"]["code"] == "not_found"
    # every cached copy is gone
    assert not any(slot[0] == case_id for slot in memo._HELD)
    assert case_id not in web.app.state.service.recent
    # the fact stays in the audit, without the data
    erased = web.audit_rows("case_id = :c AND event = 'case_erased'", c=case_id)
    assert [(r["outcome"], r["user_name"]) for r in erased] == [
        ("failed", "beheer"),  # the wrong confirmation
        ("ok", "beheer"),
        ("not_found", "beheer"),
    ]
    assert name not in str(web.audit_rows())
    # no row of the case anywhere
    with web.engine.connect() as conn:
        left = conn.execute(text("SELECT count(*) FROM cases WHERE id = :c"), {"c": case_id})
        assert left.scalar_one() == 0
        networks = conn.execute(
            text("SELECT count(*) FROM networks WHERE case_id = :c"), {"c": case_id}
        )
        assert networks.scalar_one() == 0
        access = conn.execute(
            text("SELECT count(*) FROM case_access WHERE case_id = :c"), {"c": case_id}
        )
        assert access.scalar_one() == 0
        persons = conn.execute(
            text("SELECT count(*) FROM persons WHERE name LIKE :n"), {"n": f"%{name}%"}
        )
        assert persons.scalar_one() == 0
    if web.backend == "sqlite":
        database = Path(web.url.removeprefix("sqlite:///"))
        for path in (database, database.with_name(database.name + "-wal")):
            if path.exists():
                assert name.encode() not in path.read_bytes(), path
                assert name.encode("utf-16-le") not in path.read_bytes(), path


def test_erasing_on_the_command_line(web: Web) -> None:
    name = _unique()
    case_id = web.new_case(name)
    _use_the_case(web, case_id, name)
    runner = CliRunner()
    refused = runner.invoke(cli_app, ["erase", case_id, "--db", web.url], input="n\n")
    assert refused.exit_code != 0
    assert web.admin.get(f"/api/cases/{case_id}").status_code == 200
    done = runner.invoke(cli_app, ["erase", case_id, "--yes", "--db", web.url])
    assert done.exit_code == 0, done.output
    assert web.admin.get(f"/api/cases/{case_id}").status_code == 404
    with pytest.raises(SystemExit) as again:
        main(["erase", case_id, "--yes", "--db", web.url])
    assert again.value.code == 3  # not found
    rows = web.audit_rows("case_id = :c AND event = 'case_erased'", c=case_id)
    assert [r["outcome"] for r in rows] == ["ok", "not_found"]
    assert all(r["user_name"].startswith("cli:") for r in rows)
    if web.backend == "sqlite":
        database = Path(web.url.removeprefix("sqlite:///"))
        for path in (database, database.with_name(database.name + "-wal")):
            if path.exists():
                assert name.encode() not in path.read_bytes(), path


def test_a_volunteer_or_professional_cannot_erase(web: Web) -> None:
    case_id = web.new_case(assign=("professional", "volunteer"))
    for role in ("professional", "volunteer", "coordinator"):
        refused = web.clients[role].post(
            f"/cases/{case_id}/erase", data={"confirm": case_id}, headers=JSON
        )
        assert refused.status_code == 403
    assert web.admin.get(f"/api/cases/{case_id}").status_code == 200


def test_archived_cases_past_the_review_period_are_listed(web: Web) -> None:
    case_id = web.new_case()
    assert web.admin.post(f"/cases/{case_id}/archive", follow_redirects=False).status_code == 303
    old = "2020-01-01 00:00:00"
    with web.engine.begin() as conn:
        conn.execute(
            text("UPDATE cases SET updated_at = :t WHERE id = :c"),
            {"t": old if web.backend == "sqlite" else "2020-01-01T00:00:00+00:00", "c": case_id},
        )
    fresh = web.new_case()
    web.admin.post(f"/cases/{fresh}/archive", follow_redirects=False)
    out = CliRunner().invoke(cli_app, ["cases", "--review", "--db", web.url])
    assert out.exit_code == 0, out.output
    assert case_id in out.output and fresh not in out.output
    page = web.admin.get("/admin/audit")
    assert f"/cases/{case_id}" in page.text and f'/cases/{fresh}"' not in page.text


def test_on_postgresql_every_row_of_the_case_is_gone(web: Web) -> None:
    """Every table that holds rows of cases is empty once the only cases are erased (on both
    backends; on PostgreSQL VACUUM then reclaims the space, see docs/security-audit.md)."""
    from tests.storage.conftest import table_counts

    for case in web.admin.get("/api/cases", params={"archived": "true"}).json():
        assert _erase(web, case["id"]) == 303
    counts = table_counts(web.engine)
    kept = {"users", "app_settings", "audit_log", "sessions", "login_attempts"}
    assert {t: n for t, n in counts.items() if t not in kept and n} == {}
