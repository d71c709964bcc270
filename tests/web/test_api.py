"""The JSON API and the plain pages, through FastAPI's in-process client."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from .helpers import signed_in_client


@pytest.fixture()
def client(tmp_path: Path) -> Iterator[TestClient]:
    """Signed in as the first account (an administrator), sending the CSRF header."""
    with signed_in_client(tmp_path) as test_client:
        yield test_client


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


def test_case_page_opens_and_a_missing_case_is_404(client: TestClient) -> None:
    client.post("/api/cases", json=doc())
    page = client.get("/cases/kim")
    assert page.status_code == 200
    assert "Netwerk van Kim" in page.text
    missing = client.get("/cases/nope")
    assert missing.status_code == 404 and "nope" in missing.text


_REMOTE = re.compile(
    r"""(?:\b(?:src|href|action|srcset)\s*=\s*["']?|url\(\s*["']?|@import\s+["'])(?:[a-z][a-z0-9+.-]*:)?//""",
    re.I,
)


def test_pages_load_nothing_from_another_host(client: TestClient) -> None:
    assert _REMOTE.search('<script src="https://cdn.example/x.js">')  # the check can fail
    assert _REMOTE.search("background: url(//cdn.example/x.png)")
    client.post("/api/cases", json=doc())
    for url in ("/", "/cases/kim", "/admin/users", "/cases/kim/access", "/static/zorgkracht.css"):
        answer = client.get(url)
        assert answer.status_code == 200, url
        assert not _REMOTE.search(answer.text), url


def test_case_list_creates_archives_and_restores_by_plain_forms(client: TestClient) -> None:
    created = client.post(
        "/cases",
        data={"title": "  Netwerk  van Kim ", "client_name": "Kim"},
        follow_redirects=False,
    )
    assert created.status_code == 303
    case_id = created.headers["location"].removeprefix("/cases/")
    assert re.fullmatch(r"c-[a-z2-7]{10}", case_id)  # opaque: not made from the title
    case = client.get(f"/api/cases/{case_id}").json()
    assert case["title"] == "Netwerk van Kim"
    assert [p["name"] for p in case["network"]["persons"]] == ["Kim"]
    # the same title again gets another id
    again = client.post("/cases", data={"title": "Netwerk van Kim", "client_name": "Kim"})
    assert again.url.path.startswith("/cases/c-") and again.url.path != f"/cases/{case_id}"

    archived = client.post(
        f"/cases/{case_id}/archive", data={"back": "q=kim&x=evil"}, follow_redirects=False
    )
    assert (archived.status_code, archived.headers["location"]) == (303, "/?q=kim")
    second = again.url.path.removeprefix("/cases/")
    listed = client.get("/").text
    assert f'data-case-id="{case_id}"' not in listed
    assert f'data-case-id="{second}"' in listed
    shown = client.get("/?archived=1").text
    assert f'data-case-id="{case_id}"' in shown and "gearchiveerd" in shown
    assert client.get(f"/api/cases/{case_id}").json()["status"] == "archived"
    restored = client.post(f"/cases/{case_id}/restore", follow_redirects=False)
    assert restored.headers["location"] == "/"
    assert f'data-case-id="{case_id}"' in client.get("/").text
    assert client.post("/cases/nope/archive").status_code == 404


def test_a_bad_new_case_gets_messages_next_to_the_fields(client: TestClient) -> None:
    answer = client.post("/cases?lang=en", data={"title": "x" * 201, "client_name": " "})
    assert answer.status_code == 422
    assert 'id="f-title-error">Use at most 200 characters.' in answer.text
    assert 'id="f-client_name-error">Fill this in.' in answer.text
    assert 'aria-invalid="true"' in answer.text
    assert client.get("/api/cases").json() == []


@pytest.mark.parametrize(
    ("if_match", "status"),
    [
        ('"99999999999999999999999"', 422),
        ('"' + "9" * 5000 + '"', 422),
        ("*", 422),
        ('"-5"', 422),  # one strict If-Match parser: a sign is not a version (was a 409)
        ('"1_0"', 422),
        ('"+1"', 422),
        ('"1', 422),
        ('"1", "2"', 422),
        ('W/"9"', 409),
        ("9", 409),
    ],
)
def test_odd_versions_are_bad_input_not_server_errors(
    client: TestClient, if_match: str, status: int
) -> None:
    client.post("/api/cases", json=doc())
    put = client.put("/api/cases/kim", json=doc(), headers={"If-Match": if_match})
    assert put.status_code == status
    assert set(put.json()["error"]) == {"code", "message", "problems"}
    assert client.delete("/api/cases/kim", headers={"If-Match": if_match}).status_code == status
    assert client.get("/api/cases/kim").headers["etag"] == '"1"'
