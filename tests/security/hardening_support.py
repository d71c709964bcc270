"""Shared pieces of the hardening tests: web applications on SQLite and on PostgreSQL.

The storage fixtures (``backend``, ``pg_databases``) come from ``tests/storage/conftest.py``;
test modules import them by name so that every web test here runs on both databases.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.storage.conftest import PgDatabases, backend, pg_databases
from tests.web.helpers import CHEAP_HASHER, set_up_first_account, sign_in
from zorgkracht.demo import demo_path
from zorgkracht.services import CaseService
from zorgkracht.storage import CaseStore
from zorgkracht.web.app import create_app

__all__ = ["backend", "pg_databases"]


def database_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """A fresh, empty database of ``backend``."""
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'hardening.sqlite'}"
    dbs: PgDatabases = request.getfixturevalue("pg_databases")
    return dbs.create(f"_h{len(dbs.created)}")


def app_on(url: str) -> tuple[FastAPI, CaseStore]:
    store = CaseStore(url)
    store.migrate()
    return create_app(CaseService(store), hasher=CHEAP_HASHER), store


@contextmanager
def client_on(url: str, *, first: bool = True) -> Iterator[TestClient]:
    """A client of a new application on ``url``, signed in as the administrator (created
    through /setup when ``first``)."""
    app, store = app_on(url)
    try:
        with TestClient(app) as client:
            if first:
                set_up_first_account(client)
            else:
                sign_in(client, "beheer")
            yield client
    finally:
        store.close()


def demo(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(demo_path(name).read_text(encoding="utf-8"))
    return data
