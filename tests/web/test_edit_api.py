"""The edit API: one operation per request, saved at once, with its undo and the new picture."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from zorgkracht.demo import demo_path

from .helpers import signed_in_client

URL = "/api/cases/karel/edits"


@pytest.fixture()
def client(tmp_path: Path) -> Iterator[TestClient]:
    with signed_in_client(tmp_path) as test_client:
        created = test_client.post("/api/cases", json=json.loads(demo_path("karel").read_text()))
        assert created.status_code == 201, created.text
        yield test_client


def edit(client: TestClient, op: dict[str, Any], version: int, query: str = "") -> Any:
    return client.post(f"{URL}{query}", json=op, headers={"If-Match": f'"{version}"'})


def stored(client: TestClient) -> dict[str, Any]:
    answer = client.get("/api/cases/karel")
    assert answer.status_code == 200
    data: dict[str, Any] = answer.json()
    return data


def test_an_edit_is_saved_at_once_and_answers_with_undo_picture_and_analysis(
    client: TestClient,
) -> None:
    before = stored(client)
    answer = edit(
        client,
        {"op": "add_tie", "a": "buurman", "b": "buurvrouw", "strength": 3, "support": ["G"]},
        1,
        "?view=sociogram&lang=en",
    )
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["version"] == 2
    assert answer.headers["etag"] == '"2"'
    new_id = body["undo"]["id"]
    assert body["undo"] == {"op": "remove_tie", "id": new_id}
    assert body["svg"].lstrip().startswith("<svg")
    assert 'data-person-id="buurman"' in body["svg"]
    assert body["analysis"]["size"] == 11
    assert all(isinstance(s["message"], str) for s in body["analysis"]["signals"])
    after = stored(client)
    tie = next(t for t in after["network"]["ties"] if t["id"] == new_id)
    assert (tie["a"], tie["b"], tie["strength"], tie["support"]) == (
        "buurman",
        "buurvrouw",
        3,
        ["G"],
    )
    # undo: the inverse gives back exactly the case that was stored before
    undone = edit(client, body["undo"], 2)
    assert undone.status_code == 200, undone.text
    assert stored(client) == before
    # redo: the inverse of the inverse
    redone = edit(client, undone.json()["undo"], 3)
    assert redone.status_code == 200
    assert stored(client) == after


def test_set_circle_moves_the_person_on_the_netwerkschema(client: TestClient) -> None:
    answer = edit(
        client,
        {"op": "set_circle", "id": "buurman", "circle": "friendship"},
        1,
        "?view=netwerkschema",
    )
    assert answer.status_code == 200, answer.text
    svg = answer.json()["svg"]
    start = svg.index('data-person-id="buurman"')
    assert 'data-circle="friendship"' in svg[start : svg.index(">", start)]
    person = next(p for p in stored(client)["network"]["persons"] if p["id"] == "buurman")
    assert person["circle"] == "friendship"
    assert answer.json()["undo"] == {"op": "set_circle", "id": "buurman", "circle": "acquaintance"}


def test_someone_else_saving_in_between_is_a_conflict_and_changes_nothing(
    client: TestClient,
) -> None:
    assert (
        edit(client, {"op": "rename_domain", "id": "d_werk", "name": "Baan"}, 1).status_code == 200
    )
    # a second edit right after (served from the last saved state) still works
    assert (
        edit(client, {"op": "rename_domain", "id": "d_werk", "name": "Werk"}, 2).status_code == 200
    )
    other = stored(client)
    other["title"] = "Karel (door een collega bewerkt)"
    assert (
        client.put("/api/cases/karel", json=other, headers={"If-Match": '"3"'}).status_code == 200
    )
    late = edit(client, {"op": "rename_domain", "id": "d_werk", "name": "Baan"}, 3)
    assert late.status_code == 409
    error = late.json()["error"]
    assert error["code"] == "conflict"
    assert "opnieuw" in error["message"]["nl"] and "reload" in error["message"]["en"]
    assert stored(client) == other


def test_bad_input_is_a_422_naming_the_field_and_changes_nothing(client: TestClient) -> None:
    before = stored(client)
    answer = edit(client, {"op": "add_tie", "a": "karel", "b": "vader", "strength": 7}, 1)
    assert answer.status_code == 422
    error = answer.json()["error"]
    assert error["code"] == "invalid"
    assert [(p["where"], p["code"]) for p in error["problems"]] == [("strength", "less_than_equal")]
    assert error["problems"][0]["nl"] != error["problems"][0]["en"]
    for op in (
        {"op": "remove_person", "id": "karel"},
        {"op": "teleport"},
        {"op": "update_person", "id": "vader", "changes": {"weight": "heavy"}},
        {"op": "set_position", "view": "ecogram", "id": "vader", "x": 1e300, "y": 0},
    ):
        assert edit(client, op, 1).status_code == 422
    assert client.post(URL, content=b"{not json", headers={"If-Match": '"1"'}).status_code == 422
    assert client.post(URL, json=[1, 2], headers={"If-Match": '"1"'}).status_code == 422
    surrogate = b'{"op": "rename_domain", "id": "d_werk", "name": "\\ud800"}'
    assert client.post(URL, content=surrogate, headers={"If-Match": '"1"'}).status_code == 422
    assert stored(client) == before


def test_if_match_is_required_and_must_be_a_version(client: TestClient) -> None:
    op = {"op": "rename_domain", "id": "d_werk", "name": "Baan"}
    missing = client.post(URL, json=op)
    assert missing.status_code == 428
    assert missing.json()["error"]["code"] == "precondition_required"
    assert client.post(URL, json=op, headers={"If-Match": '"een"'}).status_code == 422
    assert edit(client, op, 7).status_code == 409


def test_unknown_case_and_unknown_view(client: TestClient) -> None:
    op = {"op": "rename_domain", "id": "d_werk", "name": "Baan"}
    gone = client.post("/api/cases/nobody/edits", json=op, headers={"If-Match": '"1"'})
    assert gone.status_code == 404
    assert gone.json()["error"]["code"] == "not_found"
    assert edit(client, op, 1, "?view=kaart").status_code == 422


def test_fragments_carry_the_redrawn_page_parts(client: TestClient) -> None:
    answer = edit(
        client,
        {"op": "add_person", "name": "Truus", "role": "friend", "support": ["E"]},
        1,
        "?view=ecogram&fragments=true",
    )
    assert answer.status_code == 200, answer.text
    fragments = answer.json()["fragments"]
    assert set(fragments) == {"system", "table", "analysis", "people"}
    assert "Truus" in fragments["table"]
    assert "Truus" in fragments["people"]
    assert "<h2" in fragments["analysis"]
    assert "Buurvrouw" not in fragments["system"]
    moved_in = edit(
        client, {"op": "set_household", "id": "buurvrouw", "member": True}, 2, "?fragments=true"
    )
    assert moved_in.status_code == 200, moved_in.text
    household = moved_in.json()["fragments"]["system"]
    assert "Karel, Hondje, Buurvrouw" in household


def test_edits_need_the_csrf_token(client: TestClient) -> None:
    token = client.headers.pop("X-CSRF-Token")
    refused = edit(client, {"op": "rename_domain", "id": "d_werk", "name": "Baan"}, 1)
    client.headers["X-CSRF-Token"] = token
    assert refused.status_code == 403
    assert stored(client)["network"]["domains"][0]["name"] != "Baan"


def test_the_operation_is_in_the_openapi_schema(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    post = schema["paths"]["/api/cases/{case_id}/edits"]["post"]
    body = post["requestBody"]["content"]["application/json"]["schema"]
    ops = {s["properties"]["op"]["const"] for s in body["oneOf"]}
    assert {"add_person", "add_tie", "update_tie", "set_circle", "set_position"} <= ops
    assert {"409", "422", "428"} <= set(post["responses"])
