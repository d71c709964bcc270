"""Three snapshots taken through the case page get three ids, and each can be shown."""

from __future__ import annotations

import json
from pathlib import Path

from zorgkracht.demo import demo_path

from .helpers import csrf_from, signed_in_client


def test_three_snapshots_through_the_page_get_three_ids(tmp_path: Path) -> None:
    with signed_in_client(tmp_path) as client:
        case = json.loads(demo_path("karel").read_text())
        case["snapshots"] = []  # from a case without snapshots: the first gets s1
        assert client.post("/api/cases", json=case).status_code == 201
        taken = []
        for version, label in enumerate(("begin", "midden", "eind"), start=1):
            html = client.get("/cases/karel").text
            answer = client.post(
                "/cases/karel/snapshots",
                data={"csrf_token": csrf_from(html), "version": str(version), "label": label},
                follow_redirects=False,
            )
            assert answer.status_code == 303, answer.text
            taken.append(answer.headers["location"].split("taken=")[1].split("#")[0])
        assert taken == ["s1", "s2", "s3"]
        stored = client.get("/api/cases/karel").json()
        assert [(s["id"], s["label"]) for s in stored["snapshots"]] == [
            ("s1", "begin"),
            ("s2", "midden"),
            ("s3", "eind"),
        ]
        for ident in taken:
            assert client.get(f"/cases/karel?snapshot={ident}").status_code == 200
        assert client.get("/cases/karel?snapshot=s4").status_code == 404
