"""Test helpers for the web application: an app on a fresh database, signed in.

Use in any web test::

    from .helpers import signed_in_client

    @pytest.fixture()
    def client(tmp_path: Path) -> Iterator[TestClient]:
        with signed_in_client(tmp_path) as client:
            yield client

The client is signed in as an administrator (it sees every case) and sends the session's CSRF
token as ``X-CSRF-Token`` with every request. Password hashing uses Argon2's cheap test
parameters, so signing in is fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from argon2 import PasswordHasher
from argon2.profiles import CHEAPEST
from fastapi import FastAPI
from fastapi.testclient import TestClient

from zorgkracht.services import CaseService
from zorgkracht.storage import CaseStore
from zorgkracht.web.app import create_app

ADMIN = "beheer"
PASSWORD = "correct horse battery"
CHEAP_HASHER = PasswordHasher.from_parameters(CHEAPEST)
_META = re.compile(r'<meta name="csrf-token" content="([^"]+)">')


def make_app(tmp_path: Path, **kwargs: object) -> tuple[FastAPI, CaseStore]:
    store = CaseStore(f"sqlite:///{tmp_path / 'web.sqlite'}")
    store.migrate()
    app = create_app(CaseService(store), hasher=CHEAP_HASHER, **kwargs)  # type: ignore[arg-type]
    return app, store


def csrf_from(page: str) -> str:
    found = _META.search(page)
    assert found, "no <meta name=csrf-token> in the page"
    return found.group(1)


def set_up_first_account(
    client: TestClient, username: str = ADMIN, password: str = PASSWORD
) -> None:
    """Create the first (administrator) account through /setup; the client is then signed in."""
    page = client.get("/setup")
    assert page.status_code == 200, page.text
    done = client.post(
        "/setup",
        data={
            "csrf_token": csrf_from(page.text),
            "username": username,
            "display_name": "Bea de Vries",
            "password": password,
            "password2": password,
        },
        follow_redirects=False,
    )
    assert done.status_code == 303, done.text
    use_csrf_header(client)


def sign_in(client: TestClient, username: str, password: str = PASSWORD) -> None:
    """Sign in through /login (after signing out whoever was signed in)."""
    client.headers.pop("X-CSRF-Token", None)
    client.cookies.clear()
    page = client.get("/login")
    done = client.post(
        "/login",
        data={"csrf_token": csrf_from(page.text), "username": username, "password": password},
        follow_redirects=False,
    )
    assert done.status_code == 303, done.text
    use_csrf_header(client)


def use_csrf_header(client: TestClient) -> None:
    """Send the current session's CSRF token with every further request."""
    token = client.get("/api/session").json()["csrf_token"]
    client.headers["X-CSRF-Token"] = token


@contextmanager
def signed_in_client(tmp_path: Path) -> Iterator[TestClient]:
    app, store = make_app(tmp_path)
    try:
        with TestClient(app) as client:
            set_up_first_account(client)
            yield client
    finally:
        store.close()
