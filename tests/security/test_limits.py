"""Findings 3 and 4: request bodies are limited before anything reads them; cases are limited
in size on every way in; drawing has a time budget.

Before the fix a 300 MB form body was read whole (for the CSRF token in the form) and answered
500; a chunked body was read without bound.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.web.helpers import CHEAP_HASHER, set_up_first_account
from zorgkracht.config import Settings
from zorgkracht.services import CaseService
from zorgkracht.storage import CaseStore
from zorgkracht.web.app import create_app

from .asgi_call import call, repeated, session_headers
from .hardening_support import demo

MB = 1024 * 1024


@pytest.fixture()
def web(tmp_path: Path) -> Iterator[tuple[FastAPI, TestClient]]:
    store = CaseStore(f"sqlite:///{tmp_path / 'limits.sqlite'}")
    store.migrate()
    app = create_app(CaseService(store), hasher=CHEAP_HASHER)
    try:
        with TestClient(app) as client:
            set_up_first_account(client)
            assert client.post("/api/cases", json=demo("karel")).status_code == 201
            yield app, client
    finally:
        store.close()


def _error(text: str) -> dict[str, str]:
    body = json.loads(text)
    assert set(body) == {"error"}
    error: dict[str, str] = body["error"]
    return error


def test_a_declared_300_mb_form_is_refused_before_anything_is_read(
    web: tuple[FastAPI, TestClient],
) -> None:
    app, client = web
    headers = [
        *session_headers(client),
        ("content-type", "application/x-www-form-urlencoded"),
        ("content-length", str(300 * MB)),
    ]
    answer = call(app, "POST", "/cases/karel/snapshots", headers, repeated(b"a" * MB, 300))
    assert answer.status == 413
    assert answer.chunks_read == 0
    assert answer.headers["content-type"].startswith("text/html")
    assert "te groot" in answer.text and "too large" in answer.text


def test_a_declared_large_api_body_is_a_413_in_the_one_error_shape(
    web: tuple[FastAPI, TestClient],
) -> None:
    app, client = web
    headers = [
        *session_headers(client),
        ("x-csrf-token", client.headers["X-CSRF-Token"]),
        ("content-type", "application/json"),
        ("content-length", str(300 * MB)),
    ]
    answer = call(app, "POST", "/api/cases", headers, repeated(b" " * MB, 300))
    assert answer.status == 413
    assert answer.chunks_read == 0
    error = _error(answer.text)
    assert error["code"] == "too_large"


def test_a_chunked_body_without_length_is_counted_and_cut_off(
    web: tuple[FastAPI, TestClient],
) -> None:
    app, client = web
    headers = [
        *session_headers(client),
        ("x-csrf-token", client.headers["X-CSRF-Token"]),
        ("content-type", "application/json"),
        ("if-match", '"1"'),
        ("transfer-encoding", "chunked"),
    ]
    chunk = 64 * 1024
    limit = Settings().max_body_bytes
    answer = call(app, "POST", "/api/cases/karel/edits", headers, repeated(b" " * chunk, 1000))
    assert answer.status == 413
    assert answer.chunks_read <= limit // chunk + 1
    assert _error(answer.text)["code"] == "too_large"
    # a streamed form without the CSRF header (read by the CSRF check) is cut off too
    form_headers = [
        *session_headers(client),
        ("content-type", "application/x-www-form-urlencoded"),
        ("transfer-encoding", "chunked"),
    ]
    answer = call(app, "POST", "/cases/karel/snapshots", form_headers, repeated(b"a" * chunk, 1000))
    assert answer.status == 413
    assert answer.chunks_read <= limit // chunk + 1


def test_a_form_with_too_many_fields_or_too_much_text_is_refused(
    web: tuple[FastAPI, TestClient],
) -> None:
    _app, client = web
    token = client.headers["X-CSRF-Token"]
    fields = "&".join(f"f{i}=x" for i in range(5000))
    for headers in ({}, {"X-CSRF-Token": ""}):
        answer = client.post(
            "/cases/karel/snapshots",
            content=f"csrf_token={token}&{fields}",
            headers={"Content-Type": "application/x-www-form-urlencoded", **headers},
        )
        assert answer.status_code == 413, answer.text[:300]
    big = client.post(
        "/cases/karel/snapshots",
        data={"label": "x" * (3 * MB), "csrf_token": token},
    )
    assert big.status_code == 413


def test_a_case_file_may_be_larger_than_other_bodies(web: tuple[FastAPI, TestClient]) -> None:
    _app, client = web
    case = demo("tavenier")
    case["note"] = ""
    padding = " " * (3 * MB)  # over the general limit, under the upload limit
    body = json.dumps(case)[:-1] + padding + "}"
    answer = client.post(
        "/api/validate", content=body, headers={"Content-Type": "application/json"}
    )
    assert answer.status_code == 200, answer.text[:300]
    too_big = client.post(
        "/api/validate",
        content=" " * (Settings().max_upload_bytes + 1),
        headers={"Content-Type": "application/json"},
    )
    assert too_big.status_code == 413
