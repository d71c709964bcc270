"""The edit API: one operation per request, saved at once, with its undo and the new picture."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from zorgkracht.render.svg_patch import join, patched, split

URL = "/api/cases/karel/edits"


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


def test_a_move_sends_the_picture_and_its_table_only(client: TestClient) -> None:
    query = "?view=ecogram&fragments=true"
    grown = edit(client, {"op": "add_person", "name": "Truus", "role": "friend"}, 1, query)
    assert grown.status_code == 200, grown.text
    truus = grown.json()["undo"]["id"]
    moved = edit(
        client, {"op": "set_position", "view": "ecogram", "id": truus, "x": 9, "y": 9}, 2, query
    )
    assert moved.status_code == 200, moved.text
    # the person list, the client system and the analysis the page shows are still right
    assert set(moved.json()["fragments"]) == {"table"}
    assert "Truus" in moved.json()["fragments"]["table"]
    assert moved.json()["analysis"] == grown.json()["analysis"]
    assert moved.json()["svg"] != grown.json()["svg"]
    # the analysis after a move is the one of the network as it now is, also after a change
    renamed = edit(client, {"op": "update_person", "id": truus, "changes": {"name": "Tr"}}, 3)
    assert renamed.status_code == 200, renamed.text
    gone = edit(client, {"op": "remove_person", "id": truus}, 4)
    assert gone.status_code == 200, gone.text
    assert gone.json()["analysis"]["size"] == grown.json()["analysis"]["size"] - 1
    back = edit(client, gone.json()["undo"], 5, query)
    assert set(back.json()["fragments"]) == {"system", "table", "analysis", "people"}
    assert "Tr" in back.json()["fragments"]["people"]
    assert back.json()["analysis"] == grown.json()["analysis"]


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
    assert {"add_couple", "update_child", "remove_emotion", "batch"} <= ops
    assert {"409", "422", "428"} <= set(post["responses"])


def test_family_relations_are_drawn_on_the_genogram_and_undone(client: TestClient) -> None:
    before = stored(client)
    query = "?view=genogram&fragments=true"
    couple = edit(
        client,
        {"op": "add_couple", "a": "vader", "b": "moeder", "type": "married", "start_year": 1958},
        1,
        query,
    )
    assert couple.status_code == 200, couple.text
    couple_id = couple.json()["undo"]["id"]
    assert couple.json()["undo"] == {"op": "remove_couple", "id": couple_id}
    assert f'data-couple-id="{couple_id}"' in couple.json()["svg"]
    child = edit(
        client, {"op": "add_child", "child": "karel", "parents": ["vader", "moeder"]}, 2, query
    )
    assert child.status_code == 200, child.text
    child_id = child.json()["undo"]["id"]
    assert f'data-family="c:{couple_id}"' in child.json()["svg"]
    # the page's script learns in which genogram group the child's line is drawn
    people = child.json()["fragments"]["people"]
    data = json.loads(people[people.index('id="case-data">') + 15 : people.index("</script>")])
    assert data["children"][child_id] == {
        "child": "karel",
        "parents": ["vader", "moeder"],
        "type": "biological",
        "family": f"c:{couple_id}",
    }
    assert data["couples"][couple_id]["start_year"] == 1958
    emotion = edit(client, {"op": "add_emotion", "a": "moeder", "b": "karel", "type": "care"}, 3)
    assert emotion.status_code == 200, emotion.text
    emotion_id = emotion.json()["undo"]["id"]
    assert f'data-emotion-id="{emotion_id}"' in emotion.json()["svg"]
    undo = [couple.json()["undo"], child.json()["undo"], emotion.json()["undo"]]
    version = 4
    for op in (
        {"op": "update_couple", "id": couple_id, "changes": {"type": "divorced", "end_year": 1990}},
        {"op": "update_child", "id": child_id, "changes": {"type": "adopted"}},
        {"op": "update_emotion", "id": emotion_id, "changes": {"type": "focused_on"}},
    ):
        answer = edit(client, op, version)
        assert answer.status_code == 200, answer.text
        undo.append(answer.json()["undo"])
        version += 1
    net = stored(client)["network"]
    assert net["couples"] == [
        {
            "id": couple_id,
            "a": "vader",
            "b": "moeder",
            "type": "divorced",
            "start_year": 1958,
            "end_year": 1990,
        }
    ]
    assert [(c["child"], c["parents"], c["type"]) for c in net["children"]] == [
        ("karel", ["vader", "moeder"], "adopted")
    ]
    assert [(e["a"], e["b"], e["type"]) for e in net["emotions"]] == [
        ("moeder", "karel", "focused_on")
    ]
    assert undo[3] == {
        "op": "update_couple",
        "id": couple_id,
        "changes": {"type": "married", "end_year": None},
    }
    # removing and undoing the removal brings each relation back in its place
    for op in (
        {"op": "remove_couple", "id": couple_id},
        {"op": "remove_child", "id": child_id},
        {"op": "remove_emotion", "id": emotion_id},
    ):
        removed = edit(client, op, version)
        assert removed.status_code == 200, removed.text
        assert edit(client, removed.json()["undo"], version + 1).status_code == 200
        version += 2
    assert stored(client)["network"] == net
    # undo everything, newest first: the case is as it was
    for op in reversed(undo):
        answer = edit(client, op, version, "?view=genogram")
        assert answer.status_code == 200, answer.text
        version += 1
    assert stored(client) == before
    assert "data-couple-id" not in answer.json()["svg"]


@pytest.mark.parametrize(
    ("op", "where", "code"),
    [
        ({"op": "add_child", "child": "karel", "parents": ["karel"]}, "parents/0", "self_parent"),
        ({"op": "add_child", "child": "vader", "parents": ["karel"]}, "parents/0", "parent_cycle"),
        (
            {"op": "add_child", "child": "moeder", "parents": ["vader", "karel"]},
            "parents/1",
            "parent_cycle",
        ),
        ({"op": "add_couple", "a": "vader", "b": "vader"}, "b", "self_partner"),
        ({"op": "add_couple", "a": "vader", "b": "d_werk"}, "b", "unknown_reference"),
        (
            {"op": "add_couple", "a": "vader", "b": "moeder", "start_year": 1990, "end_year": 1980},
            "end_year",
            "end_before_start",
        ),
        ({"op": "add_emotion", "a": "karel", "b": "vader", "type": "angry"}, "type", "enum"),
        ({"op": "update_child", "id": "nope", "changes": {}}, "id", "unknown_reference"),
        ({"op": "remove_couple", "id": "karel"}, "id", "unknown_reference"),
    ],
)
def test_an_invalid_family_relation_is_a_422_naming_the_field_and_changes_nothing(
    client: TestClient, op: dict[str, Any], where: str, code: str
) -> None:
    # karel is the child of vader and moeder: making either his child would close a circle
    done = edit(client, {"op": "add_child", "child": "karel", "parents": ["vader", "moeder"]}, 1)
    assert done.status_code == 200, done.text
    before = stored(client)
    answer = edit(client, op, 2)
    assert answer.status_code == 422, answer.text
    error = answer.json()["error"]
    assert error["code"] == "invalid"
    assert error["message"]["nl"] and error["message"]["en"]
    problem = error["problems"][0]
    assert (problem["where"], problem["code"]) == (where, code)
    assert problem["nl"] != problem["en"]
    assert stored(client) == before
    # the version did not move: the next edit still goes on version 2
    assert (
        edit(client, {"op": "remove_child", "id": done.json()["undo"]["id"]}, 2).status_code == 200
    )


def test_a_batch_is_one_edit_and_its_undo_takes_the_steps_back_last_first(
    client: TestClient,
) -> None:
    before = stored(client)
    batch = {
        "op": "batch",
        "operations": [
            {"op": "add_domain", "id": "club", "name": "Club", "kind": "club"},
            {"op": "add_to_domain", "domain": "club", "person": "buurman"},
            {"op": "remove_tie", "id": before["network"]["ties"][0]["id"]},
        ],
    }
    answer = edit(client, batch, 1)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["version"] == 2
    assert [op["op"] for op in body["undo"]["operations"]] == [
        "add_tie",
        "remove_from_domain",
        "remove_domain",
    ]
    after = stored(client)
    assert after["network"]["domains"][-1]["members"] == ["buurman"]
    undone = edit(client, body["undo"], 2)
    assert undone.status_code == 200, undone.text
    assert stored(client) == before
    # all or nothing: the second operation fails, the first is not saved either
    bad = {"op": "batch", "operations": [batch["operations"][0], {"op": "remove_tie", "id": "x"}]}
    refused = edit(client, bad, 3)
    assert refused.status_code == 422
    assert [p["where"] for p in refused.json()["error"]["problems"]] == ["operations/#2/id"]
    nested = edit(client, {"op": "batch", "operations": [batch]}, 3)
    assert nested.status_code == 422
    assert [p["where"] for p in nested.json()["error"]["problems"]] == ["operations/#1/op"]
    assert stored(client) == before


def test_the_openapi_examples_of_an_edit_are_operations() -> None:
    from zorgkracht.services.edits import parse_edit
    from zorgkracht.web.edit_api import _EXAMPLES

    assert {"add_help_question", "add_action", "update_meeting"} <= set(_EXAMPLES)
    for name, example in _EXAMPLES.items():
        assert parse_edit(example["value"]).op == name  # type: ignore[attr-defined]


def _centre(svg: str, person: str) -> tuple[float, float]:
    found = re.search(rf'data-person-id="{person}"[^>]*data-bbox="([^"]+)"', svg)
    assert found, person
    x, y, w, h = map(float, found.group(1).replace(",", " ").split())
    return x + w / 2, y + h / 2


def test_a_page_that_says_what_it_shows_gets_only_the_changed_parts(client: TestClient) -> None:
    page = client.get("/cases/karel?view=ecogram")
    assert page.status_code == 200
    shown = split(re.search(r"<svg.*?</svg>", page.text, re.S).group(0))  # type: ignore[union-attr]
    assert shown is not None
    x, y = _centre(join(shown), "buurman")
    query = "?view=ecogram&fragments=true&drawn={}"
    for version in (1, 2):  # twice: the answer to a patch is patched again
        dx = 30 if version == 1 else -30
        op = {"op": "set_position", "view": "ecogram", "id": "buurman", "x": x + dx, "y": y}
        answer = edit(client, op, version, query.format(version))
        assert answer.status_code == 200, answer.text
        body = answer.json()
        assert body["svg"] is None
        assert 'data-person-id="buurman"' in body["patch"]
        # a move leaves the table as it is: it is not sent
        assert body["fragments"] == {}
        # the page's picture with the parts put in is the picture drawn afresh
        fresh = client.get("/cases/karel/picture/ecogram.svg")
        assert fresh.status_code == 200
        shown_now = patched(shown, body["patch"])
        assert shown_now.strip() == fresh.text[fresh.text.index("<svg") :].strip()
        shown = split(shown_now)
        assert shown is not None


def test_a_page_with_an_older_picture_or_none_named_gets_the_whole_picture(
    client: TestClient,
) -> None:
    assert client.get("/cases/karel?view=ecogram").status_code == 200
    op = {"op": "update_tie", "id": "t_vader", "changes": {"strength": 3}}
    stale = edit(client, op, 1, "?view=ecogram&fragments=true&drawn=0")
    assert stale.status_code == 200, stale.text
    assert stale.json()["svg"].lstrip().startswith("<svg")
    assert "patch" not in stale.json()
    # a tie changed: the table, the lists and the analysis come too, patched picture or not
    changed = edit(
        client,
        {"op": "update_tie", "id": "t_vader", "changes": {"strength": 1}},
        2,
        "?view=ecogram&fragments=true&drawn=2",
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["svg"] is None and changed.json()["patch"]
    # the fragments drawn for the edit before are patched: the row of the person the tie is
    # listed under and the case data in the person list, the tie's row in the table
    body = changed.json()
    # the client system and the analysis are as they were: not sent at all
    assert body["fragments"] == {}
    people, table = body["fragment_patches"]["people"], body["fragment_patches"]["table"]
    # the page's data as what changed: the tie's entry, nothing else
    assert 'id="case-data"' not in people
    assert body["data_changes"]["case-data"]["entries"] == {
        "ties": {"t_vader": body["data_changes"]["case-data"]["entries"]["ties"]["t_vader"]}
    }
    assert body["data_changes"]["case-data"]["entries"]["ties"]["t_vader"]["strength"] == 1
    assert body["data_changes"]["case-data"]["values"] == {}
    assert {k for k in people if k.startswith("data-person-row")} == {'data-person-row="karel"'}
    assert list(table) == ['data-row-id="t_vader"']
    unnamed = edit(
        client,
        {"op": "update_tie", "id": "t_vader", "changes": {"strength": 2}},
        3,
        "?view=ecogram",
    )
    assert unnamed.json()["svg"].lstrip().startswith("<svg")
    assert "patch" not in unnamed.json()


def test_a_renamed_person_is_renamed_in_the_rows_that_list_a_tie_with_them(
    client: TestClient,
) -> None:
    """The person list's rows are kept between edits (web/person_rows.py); a row that lists a
    tie with someone renamed is drawn again with the new name."""
    query = "?view=ecogram&fragments=true&drawn={}"
    assert client.get("/cases/karel?view=ecogram").status_code == 200
    first = edit(
        client,
        {"op": "update_tie", "id": "t_vader", "changes": {"strength": 2}},
        1,
        query.format(1),
    )
    assert first.status_code == 200, first.text
    for version, name in ((2, "Vader Jansen"), (3, "Pa")):
        answer = edit(
            client,
            {"op": "update_person", "id": "vader", "changes": {"name": name}},
            version,
            query.format(version),
        )
        assert answer.status_code == 200, answer.text
        rows = answer.json()["fragment_patches"]["people"]
        karel = rows['data-person-row="karel"']  # lists the tie with vader
        assert f"relation with {name}" in karel or f"relatie met {name}" in karel
        assert name in rows['data-person-row="vader"']


def test_a_fragment_that_changed_comes_again_and_one_that_did_not_is_left_out(
    client: TestClient,
) -> None:
    query = "?view=ecogram&fragments=true&drawn={}"
    assert client.get("/cases/karel?view=ecogram").status_code == 200
    first = edit(
        client, {"op": "update_tie", "id": "t_vader", "changes": {"note": "a"}}, 1, query.format(1)
    )
    assert {"system", "analysis", "people"} <= set(first.json()["fragments"])
    # one more member: the analysis counts them (sent whole); the client system is the same
    grown = edit(
        client, {"op": "add_person", "name": "Truus", "role": "friend"}, 2, query.format(2)
    )
    assert grown.status_code == 200, grown.text
    body = grown.json()
    assert "analysis" in body["fragments"] and "system" not in body["fragments"]
    assert str(body["analysis"]["size"]) in body["fragments"]["analysis"]
    # the household changes: now the client system comes again
    truus = body["undo"]["id"]
    moved_in = edit(
        client, {"op": "set_household", "id": truus, "member": True}, 3, query.format(3)
    )
    assert "Truus" in moved_in.json()["fragments"]["system"]
