"""What changed of a page's JSON data between two edits (services.redraw.json_changes)."""

from __future__ import annotations

import json
from typing import Any

from zorgkracht.services.redraw import json_changes


def _script(data: dict[str, Any]) -> str:
    return f'<script type="application/json" id="case-data">{json.dumps(data)}</script>'


BEFORE = {
    "client": "c",
    "household": ["c"],
    "ties": {"t1": {"strength": 2}, "t2": {"strength": 1}},
    "persons": {"c": {"name": "Kim"}, "p1": {"name": "Jan"}},
}


def _apply(data: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """What the page does with the changes (static/case/edits.js changeData)."""
    out: dict[str, Any] = json.loads(json.dumps(data))
    out.update(changes["values"])
    for key, entries in changes["entries"].items():
        out[key].update(entries)
    for key, ids in changes["drop"].items():
        for i in ids:
            del out[key][i]
    return out


def test_a_changed_entry_is_sent_alone_and_the_rest_is_left() -> None:
    after = json.loads(json.dumps(BEFORE))
    after["ties"]["t1"]["strength"] = 3
    changes = json_changes(_script(BEFORE), _script(after))
    assert changes == {"values": {}, "entries": {"ties": {"t1": {"strength": 3}}}, "drop": {}}
    assert _apply(BEFORE, changes) == after


def test_added_removed_entries_and_whole_values() -> None:
    after = json.loads(json.dumps(BEFORE))
    after["persons"]["p2"] = {"name": "Truus"}  # new: last, as the page adds it
    del after["ties"]["t2"]
    after["household"] = ["c", "p1"]
    changes = json_changes(_script(BEFORE), _script(after))
    assert changes is not None
    assert changes["entries"] == {"persons": {"p2": {"name": "Truus"}}, "ties": {}}
    assert changes["drop"] == {"ties": ["t2"]}
    assert changes["values"] == {"household": ["c", "p1"]}
    assert _apply(BEFORE, changes) == after
    assert list(_apply(BEFORE, changes)["persons"]) == list(after["persons"])


def test_an_entry_new_in_the_middle_sends_its_object_whole_so_the_order_stays() -> None:
    after = {
        **BEFORE,
        "persons": {"c": {"name": "Kim"}, "p0": {"name": "An"}, "p1": {"name": "Jan"}},
    }
    changes = json_changes(_script(BEFORE), _script(after))
    assert changes is not None
    assert changes["values"] == {"persons": after["persons"]}
    assert list(_apply(BEFORE, changes)["persons"]) == ["c", "p0", "p1"]


def test_not_a_json_object_script_has_no_changes() -> None:
    assert json_changes("<li>x</li>", _script(BEFORE)) is None
    assert json_changes(_script(BEFORE), _script({"other": 1})) is None
    assert json_changes(_script(BEFORE), _script(BEFORE)) == {
        "values": {},
        "entries": {},
        "drop": {},
    }
