"""Shared fixtures of the audit, erasure and role tests: the web application on SQLite or on
PostgreSQL (a fresh database per module), an administrator and one signed-in client per role.

The PostgreSQL databases come from the storage tests' :class:`PgDatabases` (uniquely named,
dropped at the end); an unreachable server fails the tests, it never skips them.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, make_url, text

from tests.storage.conftest import DEFAULT_PG_URL, PG_URL_ENV, PgDatabases
from tests.web.helpers import CHEAP_HASHER, PASSWORD, csrf_from, set_up_first_account
from zorgkracht.services import CaseService
from zorgkracht.storage import CaseStore
from zorgkracht.storage.engine import make_engine
from zorgkracht.web.app import create_app

BACKENDS = ["sqlite", "postgresql"]
ROLES = ("admin", "coordinator", "professional", "volunteer")
_counter = itertools.count(1)


@dataclass
class Web:
    """One application on one database, with a signed-in client per role."""

    backend: str
    url: str
    app: FastAPI
    store: CaseStore
    engine: Engine
    clients: dict[str, TestClient] = field(default_factory=dict)
    user_ids: dict[str, int] = field(default_factory=dict)

    @property
    def admin(self) -> TestClient:
        return self.clients["admin"]

    def new_case(self, name: str = "Kim", *, assign: tuple[str, ...] = ()) -> str:
        """A new case made by the administrator, assigned to the given roles' users."""
        case_id = f"c{next(_counter)}"
        made = self.admin.post("/api/cases", json=case_doc(case_id, name))
        assert made.status_code == 201, made.text
        for role in assign:
            given = self.admin.post(
                f"/cases/{case_id}/access",
                data={"user_id": str(self.user_ids[role]), "action": "add"},
                follow_redirects=False,
            )
            assert given.status_code == 303, given.text
        return case_id

    def audit_rows(self, where: str = "1=1", **params: Any) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            result = conn.execute(
                text(f"SELECT * FROM audit_log WHERE {where} ORDER BY id"), params
            )
            return [dict(r._mapping) for r in result]


def case_doc(case_id: str, name: str) -> dict[str, Any]:
    return {
        "format": "zorgkracht/1",
        "id": case_id,
        "title": f"Netwerk van {name}",
        "client": "p1",
        "network": {
            "persons": [
                {"id": "p1", "name": name},
                {"id": "p2", "name": "Buurvrouw", "sensitive": True},
            ],
            "household": ["p1"],
            "ties": [{"id": "t1", "a": "p1", "b": "p2", "support": ["P"]}],
        },
    }


def signed_in(app: FastAPI, username: str) -> TestClient:
    client = TestClient(app, base_url="http://testserver")
    page = client.get("/login")
    done = client.post(
        "/login",
        data={"csrf_token": csrf_from(page.text), "username": username, "password": PASSWORD},
        follow_redirects=False,
    )
    assert done.status_code == 303, done.text
    client.headers["X-CSRF-Token"] = client.get("/api/session").json()["csrf_token"]
    return client


def add_user(admin: TestClient, username: str, role: str) -> int:
    made = admin.post(
        "/admin/users",
        data={"username": username, "display_name": username.title(), "password": PASSWORD},
        follow_redirects=False,
    )
    assert made.status_code == 303, made.text
    accounts = admin.app.state.accounts  # type: ignore[attr-defined]
    user_id = next(u.id for u in accounts.list() if u.username == username)
    if role != "professional":
        changed = admin.post(
            f"/admin/users/{user_id}/role", data={"role": role}, follow_redirects=False
        )
        assert changed.status_code == 303, changed.text
    return int(user_id)


def database_url(backend: str, tmp_path: Path, pg: PgDatabases | None) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'zk.sqlite'}"
    assert pg is not None
    return pg.create(f"_{len(pg.created)}")


def make_web(backend: str, tmp_path: Path, pg: PgDatabases | None) -> Iterator[Web]:
    url = database_url(backend, tmp_path, pg)
    store = CaseStore(url)
    store.migrate()
    app = create_app(CaseService(store), hasher=CHEAP_HASHER)
    engine = make_engine(url)
    web = Web(backend, url, app, store, engine)
    with TestClient(app) as admin:
        set_up_first_account(admin)
        web.clients["admin"] = admin
        web.user_ids["admin"] = int(admin.get("/api/session").json()["user"]["id"])
        for role in ROLES[1:]:
            web.user_ids[role] = add_user(admin, role, role)
            web.clients[role] = signed_in(app, role)
        try:
            yield web
        finally:
            for role, client in web.clients.items():
                if role != "admin":
                    client.close()
            engine.dispose()
            store.close()


@pytest.fixture(scope="module")
def pg_dbs() -> Iterator[PgDatabases]:
    dbs = PgDatabases(make_url(os.environ.get(PG_URL_ENV, DEFAULT_PG_URL)))
    yield dbs
    dbs.drop_all()


@pytest.fixture(scope="module", params=BACKENDS)
def web(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, pg_dbs: PgDatabases
) -> Iterator[Web]:
    yield from make_web(request.param, tmp_path_factory.mktemp("web"), pg_dbs)
