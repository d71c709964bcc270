"""The life domain dialog changes the kind and the note (issue 13 item 1): the script's data
carries both on an editable page, and no note where no form is shown (a network meeting)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from .helpers import signed_in_client
from .test_case_fields import case_data

CASE = {
    "format": "zorgkracht/1",
    "id": "domeinen",
    "title": "Netwerk van Kim",
    "client": "p1",
    "network": {
        "persons": [{"id": "p1", "name": "Kim"}, {"id": "p2", "name": "Piet"}],
        "domains": [
            {"id": "d1", "name": "Koor", "kind": "church", "members": ["p2"], "note": "zondag"}
        ],
    },
}


@pytest.fixture()
def client(tmp_path: Path) -> Iterator[TestClient]:
    with signed_in_client(tmp_path) as test_client:
        created = test_client.post("/api/cases", json=CASE)
        assert created.status_code == 201, created.text
        yield test_client


def test_the_domain_dialog_has_kind_and_note_and_the_data_to_fill_them(
    client: TestClient,
) -> None:
    html = client.get("/cases/domeinen?view=ecogram").text
    dialog = re.search(r'<dialog id="domain-dialog".*?</dialog>', html, re.S)
    assert dialog
    assert re.search(r'<select id="dd-kind" name="kind">', dialog.group(0))
    assert '<option value="church">' in dialog.group(0)
    assert re.search(r'<textarea id="dd-note" name="note"', dialog.group(0))
    domains = case_data(html)["domains"]
    assert domains == {
        "d1": {"name": "Koor", "kind": "church", "members": ["p2"], "note": "zondag"}
    }
    # the network meeting page has no form, so no note either
    meeting = case_data(client.get("/cases/domeinen?view=ecogram&hide_sensitive=true").text)
    assert meeting["domains"] == {"d1": {"name": "Koor", "kind": "church", "members": ["p2"]}}
