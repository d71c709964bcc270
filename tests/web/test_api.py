"""The JSON API and the plain pages, through FastAPI's in-process client."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from zorgkracht.services import CaseService
from zorgkracht.storage import CaseStore
from zorgkracht.web.app import create_app


@pytest.fixture()
def client(tmp_path: Path) -> Iterator[TestClient]:
    store = CaseStore(f"sqlite:///{tmp_path / 'web.sqlite'}")
    store.migrate()
    with TestClient(create_app(CaseService(store))) as test_client:
        yield test_client
    store.close()


def doc(case_id: str = "kim", name: str = "Kim") -> dict[str, Any]:
    return {
        "format": "zorgkracht/1",
        "id": case_id,
        "title": f"Netwerk van {name}",
        "client": "p1",
        "network": {
            "persons": [
                {"id": "p1", "name": name},
                {"id": "p2", "name": "Jolanda", "role": "neighbour", "circle": "acquaintance"},
            ],
            "household": ["p1"],
            "ties": [{"id": "t1", "a": "p1", "b": "p2", "support": ["P", "G"]}],
        },
    }


def test_create_get_update_delete(client: TestClient) -> None:
    created = client.post("/api/cases", json=doc())
    assert created.status_code == 201
    assert created.headers["etag"] == '"1"'
    got = client.get("/api/cases/kim")
    assert got.json() == created.json()
    changed = got.json()
    changed["title"] = "Kim en haar buren"
    updated = client.put("/api/cases/kim", json=changed, headers={"If-Match": '"1"'})
    assert updated.status_code == 200, updated.text
    assert updated.headers["etag"] == '"2"'
    assert client.get("/api/cases/kim").json()["title"] == "Kim en haar buren"
    assert client.delete("/api/cases/kim", headers={"If-Match": '"2"'}).status_code == 204
    assert client.get("/api/cases/kim").status_code == 404


def test_a_stale_edit_is_a_conflict_and_changes_nothing(client: TestClient) -> None:
    client.post("/api/cases", json=doc())
    first = doc()
    first["title"] = "eerste"
    second = doc()
    second["title"] = "tweede"
    assert client.put("/api/cases/kim", json=first, headers={"If-Match": '"1"'}).status_code == 200
    late = client.put("/api/cases/kim", json=second, headers={"If-Match": '"1"'})
    assert late.status_code == 409
    error = late.json()["error"]
    assert error["code"] == "conflict"
    assert error["message"]["nl"] and error["message"]["en"]
    assert client.get("/api/cases/kim").json()["title"] == "eerste"


def test_put_without_if_match_is_refused(client: TestClient) -> None:
    client.post("/api/cases", json=doc())
    answer = client.put("/api/cases/kim", json=doc())
    assert answer.status_code == 428
    assert answer.json()["error"]["code"] == "precondition_required"


def test_bad_case_gets_every_problem_and_stores_nothing(client: TestClient) -> None:
    bad = doc()
    bad["network"]["persons"][1]["role"] = "boss"
    bad["network"]["ties"][0]["b"] = "ghost"
    answer = client.post("/api/cases", json=bad)
    assert answer.status_code == 422
    problems = answer.json()["error"]["problems"]
    assert [p["where"] for p in problems] == ["network/persons/p2/role"]
    assert client.get("/api/cases").json() == []
    bad["network"]["persons"][1]["role"] = "neighbour"
    answer = client.post("/api/cases", json=bad)
    assert [p["code"] for p in answer.json()["error"]["problems"]] == ["unknown_reference"]


def test_body_that_is_not_json_is_a_clear_422(client: TestClient) -> None:
    answer = client.post(
        "/api/cases", content=b"{nope", headers={"Content-Type": "application/json"}
    )
    assert answer.status_code == 422
    assert answer.json()["error"]["problems"][0]["where"] == "body"


def test_list_and_search(client: TestClient) -> None:
    client.post("/api/cases", json=doc("kim", "Kim"))
    client.post("/api/cases", json=doc("ali", "Ali"))
    assert {c["id"] for c in client.get("/api/cases").json()} == {"kim", "ali"}
    assert [c["id"] for c in client.get("/api/cases", params={"search": "ALI"}).json()] == ["ali"]


def test_openapi_describes_the_case_file_and_the_error_shape(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    components = schema["components"]["schemas"]
    assert "CaseFile" in components and "Error" in components and "PersonDoc" in components
    text = json.dumps(schema)
    assert "#/$defs/" not in text
    post = schema["paths"]["/api/cases"]["post"]
    assert post["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/CaseFile"
    }


def test_case_list_page_in_dutch_and_english(client: TestClient) -> None:
    client.post("/api/cases", json=doc())
    page = client.get("/")
    assert page.status_code == 200
    assert '<html lang="nl">' in page.text and "Casussen" in page.text
    assert 'href="/cases/kim"' in page.text
    english = client.get("/?lang=en")
    assert '<html lang="en">' in english.text and "Cases" in english.text
    # the choice is remembered
    assert '<html lang="en">' in client.get("/").text


def test_case_page_shows_persons_and_support(client: TestClient) -> None:
    client.post("/api/cases", json=doc())
    page = client.get("/cases/kim")
    assert page.status_code == 200
    assert 'data-person-id="p2"' in page.text
    assert "buur" in page.text and "G P" in page.text
    missing = client.get("/cases/nope")
    assert missing.status_code == 404 and "nope" in missing.text


def test_pages_load_nothing_from_another_host(client: TestClient) -> None:
    client.post("/api/cases", json=doc())
    for url in ("/", "/cases/kim"):
        text = client.get(url).text
        assert "http://" not in text and "https://" not in text
