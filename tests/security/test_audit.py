"""The audit log (NEN 7513): what is recorded, with what, that it holds no client data, that
the database refuses to change it, the retention purge, the search page and the command."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from typer.testing import CliRunner

from tests.web.helpers import PASSWORD, csrf_from
from zorgkracht.cli.main import app as cli_app

from . import audit_support
from .audit_support import Web

web = audit_support.web  # the fixtures, on SQLite and PostgreSQL
pg_dbs = audit_support.pg_dbs

UNIQUE = "Qwertzuiop Mnbvcxy"


def _events(web: Web, case_id: str) -> list[tuple[str, str, str]]:
    return [
        (r["event"], r["detail"], r["outcome"]) for r in web.audit_rows("case_id = :c", c=case_id)
    ]


def test_views_exports_and_changes_are_recorded(web: Web) -> None:
    case_id = web.new_case(UNIQUE, assign=("professional",))
    pro = web.clients["professional"]
    before = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=5)
    assert pro.get(f"/cases/{case_id}?view=ecogram").status_code == 200
    assert pro.get(f"/api/cases/{case_id}").status_code == 200
    assert pro.get(f"/cases/{case_id}/export/genogram.pdf").status_code == 200
    assert (
        pro.get(f"/cases/{case_id}/export/netwerkkaart.svg?hide_sensitive=true").status_code == 200
    )
    assert pro.get(f"/cases/{case_id}/export/case.json").status_code == 200
    assert pro.get(f"/cases/{case_id}/export/network-list.csv").status_code == 200
    edit = pro.post(
        f"/api/cases/{case_id}/edits",
        json={"op": "update_tie", "id": "t1", "changes": {"strength": 3}},
        headers={"If-Match": '"1"'},
    )
    assert edit.status_code == 200, edit.text
    assert pro.get(f"/cases/{case_id}/compare").status_code == 200
    rows = web.audit_rows("case_id = :c", c=case_id)
    events = [
        (r["event"], r["detail"], r["outcome"]) for r in rows if r["user_name"] == "professional"
    ]
    assert events == [
        ("case_viewed", "page:ecogram", "ok"),
        ("case_viewed", "api", "ok"),
        ("case_exported", "pdf:genogram", "ok"),
        ("case_exported", "svg:netwerkkaart:without_sensitive", "ok"),
        ("case_exported", "case_file", "ok"),
        ("case_exported", "network_list", "ok"),
        ("case_changed", "update_tie", "ok"),
        ("case_viewed", "compare", "ok"),
    ]
    mine = [r for r in rows if r["user_name"] == "professional"]
    assert all(r["user_id"] == web.user_ids["professional"] for r in mine)
    assert all(r["address"] == "testclient" for r in mine)
    for r in mine:
        at = r["at"] if isinstance(r["at"], dt.datetime) else dt.datetime.fromisoformat(r["at"])
        at = at if at.tzinfo else at.replace(tzinfo=dt.UTC)
        assert before <= at <= dt.datetime.now(dt.UTC) + dt.timedelta(seconds=5)
    # ids and codes only: no name, no note, no content of the edit
    for r in web.audit_rows():
        assert UNIQUE not in json.dumps(r, default=str)
        assert "Buurvrouw" not in json.dumps(r, default=str)


def test_a_denied_view_is_recorded_as_denied(web: Web) -> None:
    case_id = web.new_case()
    assert web.clients["volunteer"].get(f"/api/cases/{case_id}").status_code == 404
    assert web.clients["volunteer"].get(f"/cases/{case_id}").status_code == 404
    assert web.clients["coordinator"].get(f"/cases/{case_id}/export/case.json").status_code == 403
    rows = [
        (r["user_name"], r["event"], r["outcome"])
        for r in web.audit_rows("case_id = :c", c=case_id)
        if r["user_name"] != "beheer"
    ]
    assert rows == [
        ("volunteer", "case_viewed", "denied"),
        ("volunteer", "case_viewed", "denied"),
        ("coordinator", "case_exported", "denied"),
    ]
    assert web.admin.get("/api/cases/no-such-case").status_code == 404
    assert _events(web, "no-such-case") == [("case_viewed", "api", "not_found")]


def test_sign_in_sign_out_and_failures(web: Web) -> None:
    from fastapi.testclient import TestClient

    client = TestClient(web.app)
    page = client.get("/login")
    bad = client.post(
        "/login",
        data={"csrf_token": csrf_from(page.text), "username": "coordinator", "password": "x" * 12},
    )
    assert bad.status_code == 401
    good = client.post(
        "/login",
        data={"csrf_token": csrf_from(page.text), "username": "coordinator", "password": PASSWORD},
        follow_redirects=False,
    )
    assert good.status_code == 303
    token = client.get("/api/session").json()["csrf_token"]
    assert (
        client.post("/logout", data={"csrf_token": token}, follow_redirects=False).status_code
        == 303
    )
    rows = web.audit_rows("event IN ('sign_in', 'sign_out')")[-3:]
    assert [(r["event"], r["outcome"], r["user_id"]) for r in rows] == [
        ("sign_in", "failed", web.user_ids["coordinator"]),
        ("sign_in", "ok", web.user_ids["coordinator"]),
        ("sign_out", "ok", web.user_ids["coordinator"]),
    ]
    assert "x" * 12 not in json.dumps(web.audit_rows(), default=str)


def test_account_and_access_changes_are_recorded(web: Web) -> None:
    case_id = web.new_case(assign=("volunteer",))
    admin = web.admin
    admin.post(
        f"/cases/{case_id}/access",
        data={"user_id": str(web.user_ids["volunteer"]), "action": "remove"},
    )
    made = admin.post(
        "/admin/users",
        data={"username": f"nieuw-{web.backend}", "display_name": "N", "password": PASSWORD},
        follow_redirects=False,
    )
    assert made.status_code == 303
    new_id = next(
        u.id for u in web.app.state.accounts.list() if u.username == f"nieuw-{web.backend}"
    )
    admin.post(f"/admin/users/{new_id}/role", data={"role": "coordinator"})
    admin.post(f"/admin/users/{new_id}/disabled", data={"disabled": "1"})
    assert [e for e in _events(web, case_id) if e[0].startswith("access_")][-2:] == [
        ("access_granted", f"user:{web.user_ids['volunteer']}", "ok"),
        ("access_revoked", f"user:{web.user_ids['volunteer']}", "ok"),
    ]
    account_rows = [
        (r["event"], r["detail"]) for r in web.audit_rows("detail LIKE :d", d=f"user:{new_id}%")
    ]
    assert account_rows == [
        ("account_created", f"user:{new_id}:professional"),
        ("account_changed", f"user:{new_id}:role:coordinator"),
        ("account_changed", f"user:{new_id}:disabled"),
    ]


def test_the_database_refuses_to_change_or_delete_audit_rows(web: Web) -> None:
    web.new_case()
    last = web.audit_rows()[-1]["id"]
    for statement in (
        "UPDATE audit_log SET outcome = 'ok', event = 'x' WHERE id = :i",
        "DELETE FROM audit_log WHERE id = :i",
    ):
        with pytest.raises(DBAPIError), web.engine.begin() as conn:
            conn.execute(text(statement), {"i": last})
    assert web.audit_rows("id = :i", i=last)[0]["event"] != "x"
    if web.backend == "postgresql":
        with pytest.raises(DBAPIError), web.engine.begin() as conn:
            conn.execute(text("TRUNCATE audit_log"))
    assert web.audit_rows("id = :i", i=last)


def test_the_retention_purge_removes_only_old_rows_and_is_recorded(web: Web) -> None:
    old = dt.datetime.now(dt.UTC) - dt.timedelta(days=2000)
    at = old.replace(tzinfo=None) if web.backend == "sqlite" else old
    with web.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO audit_log (at, user_id, user_name, case_id, address, event, detail,"
                " outcome) VALUES (:at, NULL, 'oud', 'oude-casus', NULL, 'case_viewed', 'api',"
                " 'ok')"
            ),
            {"at": at},
        )
    count = len(web.audit_rows())
    from zorgkracht.services.audit import AuditService

    purged = AuditService.for_store(web.store).purge(1826, actor=None)
    assert purged == 1
    rows = web.audit_rows()
    assert not [r for r in rows if r["case_id"] == "oude-casus"]
    assert len(rows) == count  # one removed, one added: the purge itself
    assert (rows[-1]["event"], rows[-1]["detail"]) == ("audit_purged", "days:1826:rows:1")


def test_the_search_page_and_the_command(web: Web, tmp_path: Path) -> None:
    case_id = web.new_case(assign=("professional",))
    web.clients["professional"].get(f"/cases/{case_id}")
    page = web.admin.get("/admin/audit", params={"case": case_id})
    assert page.status_code == 200
    assert "<td>case_viewed</td>" in page.text and "professional (" in page.text
    assert "/admin/audit" in web.admin.get("/").text
    by_user = web.admin.get("/admin/audit", params={"user": "volunteer", "case": case_id})
    assert "<td>case_viewed</td>" not in by_user.text
    since = web.admin.get("/admin/audit", params={"case": case_id, "since": "2999-01-01"})
    assert "<td>case_viewed</td>" not in since.text
    bad = web.admin.get("/admin/audit", params={"since": "gisteren"})
    assert bad.status_code == 422

    runner = CliRunner()
    out = runner.invoke(cli_app, ["audit", "--case", case_id, "--json", "--db", web.url])
    assert out.exit_code == 0, out.output
    lines = [json.loads(line) for line in out.output.splitlines()]
    assert any(
        (line["event"], line["user"], line["case"], line["outcome"])
        == ("case_viewed", "professional", case_id, "ok")
        for line in lines
    )
    exported = runner.invoke(
        cli_app, ["export", case_id, "-o", str(tmp_path / "x.json"), "--db", web.url]
    )
    assert exported.exit_code == 0, exported.output
    last = web.audit_rows("case_id = :c", c=case_id)[-1]
    assert last["event"] == "case_exported" and last["detail"] == "case_file"
    assert last["user_name"].startswith("cli:") and last["user_id"] is None
    listed = runner.invoke(cli_app, ["audit", "--user", "professional", "--db", web.url])
    assert listed.exit_code == 0 and case_id in listed.output
    # reading a stored case on the command line is a view too (analyse, compare)
    analysed = runner.invoke(cli_app, ["analyse", case_id, "--json", "--db", web.url])
    assert analysed.exit_code == 0, analysed.output
    last = web.audit_rows("case_id = :c", c=case_id)[-1]
    assert (last["event"], last["detail"], last["user_name"][:4]) == (
        "case_viewed",
        "cli:analyse",
        "cli:",
    )


def test_a_failing_request_is_still_recorded(web: Web, monkeypatch: pytest.MonkeyPatch) -> None:
    case_id = web.new_case(assign=("professional",))
    pro = web.clients["professional"]
    stale = pro.post(
        f"/api/cases/{case_id}/edits",
        json={"op": "update_tie", "id": "t1", "changes": {"strength": 2}},
        headers={"If-Match": '"7"'},
    )
    assert stale.status_code == 409
    bad = pro.post(
        f"/api/cases/{case_id}/edits", json={"op": "no_such_op"}, headers={"If-Match": '"1"'}
    )
    assert bad.status_code == 422

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(web.app.state.service, "edit", broken)
    crashed = pro.post(
        f"/api/cases/{case_id}/edits",
        json={"op": "update_tie", "id": "t1", "changes": {"strength": 2}},
        headers={"If-Match": '"1"'},
    )
    assert crashed.status_code == 500
    assert crashed.json()["error"]["code"] == "internal"
    assert "disk is full" not in crashed.text
    assert [e for e in _events(web, case_id) if e[0] == "case_changed"] == [
        ("case_changed", "update_tie", "failed"),
        ("case_changed", "invalid", "failed"),
        ("case_changed", "update_tie", "failed"),
    ]


def test_purging_on_the_command_line(web: Web) -> None:
    out = CliRunner().invoke(cli_app, ["audit", "--purge", "--db", web.url])
    assert out.exit_code == 0, out.output
    last = web.audit_rows()[-1]
    assert (last["event"], last["detail"][:10], last["user_name"][:4]) == (
        "audit_purged",
        "days:1826:",
        "cli:",
    )


def test_the_search_page_pages_through_the_rows(web: Web) -> None:
    from zorgkracht.services.audit import Actor, AuditService, Event

    audit = AuditService.for_store(web.store)
    case_id = f"paging-{web.backend}"
    for n in range(55):
        audit.record(
            Actor(None, "cli:test", "local"), Event.CASE_VIEWED, case_id=case_id, detail=f"n{n}"
        )
    first = web.admin.get("/admin/audit", params={"case": case_id})
    assert first.text.count("<td>case_viewed</td>") == 50
    assert "<td>n54</td>" in first.text and "<td>n4</td>" not in first.text
    assert f"case={case_id}&amp;page=2" in first.text
    second = web.admin.get("/admin/audit", params={"case": case_id, "page": "2"})
    assert second.text.count("<td>case_viewed</td>") == 5
    assert "<td>n0</td>" in second.text and "page=3" not in second.text
