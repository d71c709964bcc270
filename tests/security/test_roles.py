"""Roles (administrator, coordinator, professional, volunteer): every role × action through the
web, on SQLite and PostgreSQL, refusals in the API's one error shape; the role column of
migration 0004; setting a role on the accounts page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from tests.storage.conftest import PgDatabases
from zorgkracht.storage import CaseStore
from zorgkracht.storage.engine import make_engine

from . import audit_support
from .audit_support import ROLES, Web, database_url

web = audit_support.web  # the fixtures, on SQLite and PostgreSQL
pg_dbs = audit_support.pg_dbs

JSON = {"Accept": "application/json"}
EDIT = {"op": "update_person", "id": "p2", "changes": {"name": "Buur"}}

REQUESTS: dict[str, tuple[str, str, dict[str, Any], int]] = {
    # action: (method, path (with {id}), extra arguments, status when allowed)
    "view": ("GET", "/api/cases/{id}", {}, 200),
    "view_page": ("GET", "/cases/{id}", {}, 200),
    "analysis_compare": ("GET", "/cases/{id}/compare", {}, 200),
    "edit": ("POST", "/api/cases/{id}/edits", {"json": EDIT, "headers": {"If-Match": '"1"'}}, 200),
    "export_case_file": ("GET", "/cases/{id}/export/case.json", {}, 200),
    "export_network_list": ("GET", "/cases/{id}/export/network-list.csv", {}, 200),
    "export_picture": ("GET", "/cases/{id}/export/genogram.svg", {}, 200),
    "export_picture_without_sensitive": (
        "GET",
        "/cases/{id}/export/genogram.svg",
        {"params": {"hide_sensitive": "true"}},
        200,
    ),
    "delete": ("DELETE", "/api/cases/{id}", {"headers": {"If-Match": '"1"'}}, 204),
    "erase": ("POST", "/cases/{id}/erase", {"data": {"confirm": "{id}"}}, 303),
    "access_page": ("GET", "/cases/{id}/access", {}, 200),
    "assign": ("POST", "/cases/{id}/access", {"data": {"action": "add"}}, 303),
}

NEVER: dict[str, set[str]] = {
    "admin": set(),
    "coordinator": {"delete", "erase"},
    "professional": {"erase", "access_page", "assign"},
    "volunteer": {
        "export_case_file",
        "export_network_list",
        "export_picture",
        "delete",
        "erase",
        "access_page",
        "assign",
    },
}
"""What each role may not do with any case, assigned or not (the decided matrix)."""
SEES_EVERY_CASE = {"admin": {"*"}, "coordinator": {"access_page", "assign"}}
"""Actions a role may do on cases not assigned to it."""
LISTS_EVERY_CASE = {"admin", "coordinator"}


def expected(role: str, action: str, assigned: bool) -> int:
    ok = REQUESTS[action][3]
    if action in NEVER[role]:
        return 403
    if (
        assigned
        or action in SEES_EVERY_CASE.get(role, set())
        or "*" in SEES_EVERY_CASE.get(role, set())
    ):
        return ok
    return 403 if role in LISTS_EVERY_CASE else 404


def _call(web: Web, client: TestClient, action: str, case_id: str) -> Any:
    method, path, extra, _ok = REQUESTS[action]
    kwargs: dict[str, Any] = {k: dict(v) for k, v in extra.items()}
    kwargs["headers"] = {**JSON, **kwargs.get("headers", {})}
    if "data" in kwargs:
        kwargs["data"] = {k: v.replace("{id}", case_id) for k, v in kwargs["data"].items()}
        if action == "assign":
            kwargs["data"]["user_id"] = str(web.user_ids["volunteer"])
    return client.request(method, path.replace("{id}", case_id), follow_redirects=False, **kwargs)


@pytest.mark.parametrize("assigned", [True, False], ids=["assigned", "not-assigned"])
@pytest.mark.parametrize("action", sorted(REQUESTS))
@pytest.mark.parametrize("role", ROLES)
def test_every_role_and_action_through_the_web(
    web: Web, role: str, action: str, assigned: bool
) -> None:
    case_id = web.new_case(assign=(role,) if assigned and role != "admin" else ())
    answer = _call(web, web.clients[role], action, case_id)
    want = expected(role, action, assigned)
    assert answer.status_code == want, (role, action, assigned, answer.text[:300])
    if want in (403, 404):
        body = answer.json()
        assert body["error"]["code"] == ("forbidden" if want == 403 else "not_found")
        assert body["error"]["message"]["nl"] and body["error"]["message"]["en"]
        # refused: the case is still there, unchanged
        assert web.admin.get(f"/api/cases/{case_id}").headers["etag"] == '"1"'


@pytest.mark.parametrize("role", ROLES)
def test_the_case_list_per_role(web: Web, role: str) -> None:
    mine = web.new_case(assign=(role,) if role != "admin" else ())
    other = web.new_case()
    ids = {c["id"] for c in web.clients[role].get("/api/cases").json()}
    assert mine in ids
    assert (other in ids) == (role in LISTS_EVERY_CASE)
    page = web.clients[role].get("/").text
    assert (f"/cases/{other}" in page) == (role in LISTS_EVERY_CASE)


@pytest.mark.parametrize("role", ROLES)
def test_creating_a_case_and_the_admin_pages(web: Web, role: str) -> None:
    client = web.clients[role]
    made = client.post("/api/cases", json={**_doc(f"new-{role}-{web.backend}")}, headers=JSON)
    assert made.status_code == (403 if role == "volunteer" else 201), made.text
    for path in ("/admin/users", "/admin/audit"):
        got = client.get(path, headers=JSON)
        assert got.status_code == (200 if role == "admin" else 403), (path, got.text[:200])
    target = web.user_ids["volunteer"]
    changed = client.post(
        f"/admin/users/{target}/role", data={"role": "volunteer"}, follow_redirects=False
    )
    assert changed.status_code == (303 if role == "admin" else 403)


def _doc(case_id: str) -> dict[str, Any]:
    from .audit_support import case_doc

    return case_doc(case_id, "Noor")


def test_a_coordinator_assigns_a_volunteer_who_then_sees_the_case(web: Web) -> None:
    case_id = web.new_case()
    volunteer = web.clients["volunteer"]
    assert volunteer.get(f"/api/cases/{case_id}").status_code == 404
    page = web.clients["coordinator"].get(f"/cases/{case_id}/access")
    assert page.status_code == 200 and "Volunteer" in page.text
    given = web.clients["coordinator"].post(
        f"/cases/{case_id}/access",
        data={"user_id": str(web.user_ids["volunteer"]), "action": "add"},
        follow_redirects=False,
    )
    assert given.status_code == 303
    assert volunteer.get(f"/api/cases/{case_id}").status_code == 200
    # the coordinator still does not see the contents
    assert web.clients["coordinator"].get(f"/api/cases/{case_id}").status_code == 403


def test_the_accounts_page_sets_roles(web: Web) -> None:
    admin = web.admin
    page = admin.get("/admin/users")
    for role in ("Coördinator", "Vrijwillige netwerkcoach", "Professional", "Beheerder"):
        assert role in page.text
    bad = admin.post(
        f"/admin/users/{web.user_ids['volunteer']}/role",
        data={"role": "emperor"},
        follow_redirects=False,
    )
    assert bad.status_code == 422
    own = admin.post(
        f"/admin/users/{web.user_ids['admin']}/role",
        data={"role": "volunteer"},
        follow_redirects=False,
    )
    assert own.status_code == 409
    assert admin.get("/api/session").json()["user"]["admin"] is True


def test_the_decision_function_matches_the_matrix() -> None:
    from zorgkracht.services.permissions import Action, Role, allowed

    actions = {
        "view": Action.VIEW,
        "edit": Action.EDIT,
        "export_case_file": Action.EXPORT_CASE_FILE,
        "export_picture": Action.EXPORT_PICTURE,
        "export_picture_without_sensitive": Action.EXPORT_PICTURE_WITHOUT_SENSITIVE,
        "delete": Action.DELETE,
        "erase": Action.ERASE,
        "access_page": Action.MANAGE_ACCESS,
    }
    for role in ROLES:
        for name, action in actions.items():
            for assigned in (True, False):
                want = expected(role, name, assigned) < 400
                assert allowed(Role(role), action, assigned=assigned) == want, (role, name)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_migration_0004_gives_existing_accounts_a_role(
    backend: str,
    tmp_path: Path,
    pg_dbs: PgDatabases,
) -> None:
    from alembic import command

    from zorgkracht.storage.migrate import alembic_config

    url = database_url(backend, tmp_path, pg_dbs)
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "0003")
            for name, admin in (("anna", True), ("bo", False)):
                conn.execute(
                    text(
                        "INSERT INTO users (username, display_name, password_hash, is_admin, "
                        "created_at, disabled) VALUES (:n, :dn, 'x', :a, :t, :d)"
                    ),
                    {"n": name, "dn": name, "a": admin, "t": "2026-01-01 00:00:00", "d": False},
                )
        store = CaseStore(url)
        store.migrate()
        store.close()
        with engine.connect() as conn:
            roles = {r[0]: r[1] for r in conn.execute(text("SELECT username, role FROM users"))}
        assert roles == {"anna": "admin", "bo": "professional"}
        with engine.begin() as conn:
            command.downgrade(alembic_config(conn), "0003")
            command.upgrade(alembic_config(conn), "head")
    finally:
        engine.dispose()
