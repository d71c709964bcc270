"""Finding 6: every error is the one documented shape, 4xx for bad input, and no answer shows a
database URL, a driver's message or a traceback.

Before the fix: JSON nested 1,000 deep, a snapshot form with ``version=²``, multipart without a
boundary or with more than 1,000 fields answered 500 with a traceback; unknown routes and wrong
methods answered ``{"detail": ...}``; a 3,000-character title on PostgreSQL answered 503 with the
database URL and the driver's message; the command line printed a traceback for deep JSON.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.exc import OperationalError

from tests.web.helpers import CHEAP_HASHER, set_up_first_account
from zorgkracht.cli.main import main
from zorgkracht.services import CaseService
from zorgkracht.storage import CaseStore
from zorgkracht.storage.engine import parse_url, unavailable
from zorgkracht.web.app import create_app

from .hardening_support import backend, client_on, database_url, demo, pg_databases

__all__ = ["backend", "pg_databases"]

DEEP = "[" * 1000 + "]" * 1000
DEEP_OBJECT = '{"a":' * 1000 + "1" + "}" * 1000


@pytest.fixture()
def client(tmp_path: Path) -> Iterator[TestClient]:
    store = CaseStore(f"sqlite:///{tmp_path / 'errors.sqlite'}")
    store.migrate()
    app = create_app(CaseService(store), hasher=CHEAP_HASHER)
    try:
        with TestClient(app, raise_server_exceptions=False) as test_client:
            set_up_first_account(test_client)
            assert test_client.post("/api/cases", json=demo("karel")).status_code == 201
            yield test_client
    finally:
        store.close()


def one_shape(answer: Any, status: int) -> dict[str, Any]:
    assert answer.status_code == status, answer.text[:500]
    assert answer.headers["content-type"].startswith("application/json")
    body = answer.json()
    assert set(body) == {"error"}, body
    error: dict[str, Any] = body["error"]
    assert set(error) >= {"code", "message"}
    assert error["message"]["nl"] and error["message"]["en"]
    assert "Traceback" not in answer.text and "detail" not in body
    return error


@pytest.mark.parametrize("text", [DEEP, DEEP_OBJECT], ids=["array", "object"])
def test_json_nested_1000_deep_is_a_422(client: TestClient, text: str) -> None:
    json_type = {"Content-Type": "application/json"}
    for method, url, extra in (
        ("POST", "/api/cases", {}),
        ("POST", "/api/validate", {}),
        ("PUT", "/api/cases/karel", {"If-Match": '"1"'}),
        ("POST", "/api/cases/karel/edits", {"If-Match": '"1"'}),
    ):
        answer = client.request(method, url, content=text, headers={**json_type, **extra})
        error = one_shape(answer, 422)
        assert error["problems"][0]["where"] == "body"


def test_a_snapshot_form_with_a_version_that_is_no_number_is_a_422(client: TestClient) -> None:
    before = client.get("/api/cases/karel").json()["snapshots"]
    for version in ("²", "١٢", "1e3"):
        answer = client.post("/cases/karel/snapshots", data={"label": "Nu", "version": version})
        assert answer.status_code == 422, (version, answer.text[:300])
        assert "Traceback" not in answer.text
    assert client.get("/api/cases/karel").json()["snapshots"] == before
    for version in ("²", "9" * 40):
        edit = client.post(
            "/api/cases/karel/edits",
            json={"op": "rename_domain", "id": "d_werk", "name": "Baan"},
            headers={"If-Match": f'"{version}"'.encode()},
        )
        one_shape(edit, 422)
        form = client.post(
            "/cases/karel/interview/names/friends",
            data={"version": version, "name": "Piet"},
            headers={"Accept": "application/json"},
        )
        assert 400 <= form.status_code < 500, form.text[:300]


def test_multipart_without_boundary_is_a_400_in_the_one_shape(client: TestClient) -> None:
    token = client.headers["X-CSRF-Token"]
    for headers in ({"X-CSRF-Token": ""}, {"X-CSRF-Token": token}):
        answer = client.post(
            "/cases/karel/snapshots",
            content=b"label=x",
            headers={
                "Content-Type": "multipart/form-data",
                "Accept": "application/json",
                **headers,
            },
        )
        assert answer.status_code == 400, answer.text[:300]
        one_shape(answer, 400)
    page = client.post(
        "/cases/karel/snapshots",
        content=b"label=x",
        headers={"Content-Type": "multipart/form-data", "X-CSRF-Token": ""},
    )
    assert page.status_code == 400
    assert page.headers["content-type"].startswith("text/html")
    assert "Traceback" not in page.text


def test_multipart_with_more_than_1000_fields_is_refused(client: TestClient) -> None:
    token = client.headers["X-CSRF-Token"]
    files = {f"f{i}": (None, "x") for i in range(1100)}
    for headers in ({"X-CSRF-Token": ""}, {"X-CSRF-Token": token}):
        answer = client.post(
            "/cases/karel/snapshots",
            data={"csrf_token": token, "label": "x"},
            files=files,
            headers={"Accept": "application/json", **headers},
        )
        assert 400 <= answer.status_code < 500, answer.text[:300]
        one_shape(answer, answer.status_code)


def test_unknown_routes_and_wrong_methods_answer_in_the_one_shape(client: TestClient) -> None:
    assert one_shape(client.get("/api/nothing"), 404)["code"] == "not_found"
    assert one_shape(client.delete("/api/health"), 405)["code"] == "method_not_allowed"
    assert one_shape(client.patch("/api/cases/karel", json={}), 405)["code"] == "method_not_allowed"
    page = client.get("/nothing-here")
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert '"detail"' not in page.text


def test_an_unexpected_error_is_logged_and_a_500_without_traceback(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    app: Any = client.app
    service: CaseService = app.state.service

    secret = "".join(["Dorps", "straat 1"])  # only the message holds it, not the source

    def broken(case_id: str) -> None:
        raise RuntimeError(f"geheim: Karel woont op de {secret}")

    monkeypatch.setattr(service, "get", broken)
    with caplog.at_level(logging.ERROR):
        answer = client.get("/api/cases/karel")
    error = one_shape(answer, 500)
    assert error["code"] == "internal"
    assert "Dorpsstraat" not in answer.text and "RuntimeError" not in answer.text
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "RuntimeError" in logged and "/api/cases/karel" in logged
    assert "Dorpsstraat" not in logged  # the message may hold client data: not logged
    page = client.get("/cases/karel")
    assert page.status_code == 500
    assert "Dorpsstraat" not in page.text and "Traceback" not in page.text


def test_an_unreachable_database_is_a_503_without_url_or_driver_text(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    app: Any = client.app
    service: CaseService = app.state.service
    url = parse_url("postgresql+psycopg://zorg:geheim@db.example.org:5432/zorgkracht")
    driver = OperationalError(
        "SELECT 1", {}, Exception('connection to server at "db.example.org" failed')
    )

    def down(*args: object, **kwargs: object) -> None:
        raise unavailable(url, driver)

    monkeypatch.setattr(service, "get", down)
    answer = client.get("/api/cases/karel")
    one_shape(answer, 503)
    for secret in ("db.example.org", "zorgkracht", "postgresql", "connection to server"):
        assert secret not in answer.text.replace("Zorgkracht", "")
    # the sign-in check of every request, too
    accounts = app.state.accounts
    monkeypatch.setattr(accounts, "get", down)
    answer = client.get("/api/cases")
    one_shape(answer, 503)
    assert "db.example.org" not in answer.text and "connection to server" not in answer.text


def test_a_3000_character_title_is_a_422_naming_the_title(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    with client_on(database_url(backend, tmp_path, request)) as web:
        case = demo("karel")
        case["title"] = "t" * 3000
        error = one_shape(web.post("/api/cases", json=case), 422)
        assert [p["where"] for p in error["problems"]] == ["title"]
        assert "postgresql" not in json.dumps(error) and "sqlite" not in json.dumps(error)
        case["title"] = "Karel"
        assert web.post("/api/cases", json=case).status_code == 201
        case["title"] = "t" * 3000
        put = web.put("/api/cases/karel", json=case, headers={"If-Match": '"1"'})
        assert [p["where"] for p in one_shape(put, 422)["problems"]] == ["title"]


def test_the_cli_import_of_deeply_nested_json_is_a_clear_message_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, text in (
        ("diep.json", DEEP_OBJECT),
        ("casus.zorgkracht.json", '{"format": ' + DEEP_OBJECT + "}"),
    ):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        with pytest.raises(SystemExit) as done:
            main(["import", str(path), "--db", f"sqlite:///{tmp_path / 'cli.sqlite'}"])
        _out, err = capsys.readouterr()
        assert done.value.code == 2, err[-500:]
        assert "Traceback" not in err and "RecursionError" not in err
        assert "diep" in err.lower() or "deep" in err.lower()
