"""The JSON API of the case's parts (issue 15, point 1): analysis, comparison, pictures and
their tables, snapshots, exports, the process; through FastAPI's in-process client."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pypdf import PdfReader

from .helpers import signed_in_client


@pytest.fixture()
def client(tmp_path: Path) -> Iterator[TestClient]:
    with signed_in_client(tmp_path) as test_client:
        yield test_client


def kim() -> dict[str, Any]:
    return {
        "format": "zorgkracht/1",
        "id": "kim",
        "title": "Netwerk van Kim",
        "client": "p1",
        "network": {
            "persons": [
                {"id": "p1", "name": "Kim"},
                {"id": "p2", "name": "Jolanda", "role": "neighbour", "circle": "acquaintance"},
                {"id": "p3", "name": "Geheim", "role": "friend", "sensitive": True},
            ],
            "household": ["p1"],
            "ties": [
                {"id": "t1", "a": "p1", "b": "p2", "support": ["P", "G"]},
                {"id": "t2", "a": "p1", "b": "p3", "support": ["E"]},
            ],
        },
    }


def created(client: TestClient) -> TestClient:
    assert client.post("/api/cases", json=kim()).status_code == 201
    return client


def test_the_analysis_is_the_analyse_document(client: TestClient) -> None:
    answer = created(client).get("/api/cases/kim/analysis")
    assert answer.status_code == 200, answer.text
    result = answer.json()
    assert result["snapshot"] == "current"
    assert result["size"] == 2  # Jolanda and Geheim, hand-counted
    assert result["support"]["P"] == ["p2"]
    assert client.get("/api/cases/kim/analysis?snapshot=s9").status_code == 404


def test_snapshots_are_taken_listed_compared_and_removed(client: TestClient) -> None:
    created(client)
    for n, label in enumerate(["begin", "midden"], start=1):
        taken = client.post(
            "/api/cases/kim/snapshots",
            json={"label": label, "taken_on": "2024-01-0" + str(n)},
            headers={"If-Match": f'"{n}"'},
        )
        assert taken.status_code == 201, taken.text
        assert taken.json()["id"] == f"s{n}"
        assert taken.headers["etag"] == f'"{n + 1}"'
    listed = client.get("/api/cases/kim/snapshots").json()
    assert [(s["id"], s["label"], s["persons"]) for s in listed] == [
        ("s1", "begin", 3),
        ("s2", "midden", 3),
    ]
    compared = client.get("/api/cases/kim/compare?from=s1&to=current").json()
    assert compared["from"] == "s1" and compared["came"] == [] and compared["left"] == []
    stale = client.delete("/api/cases/kim/snapshots/s1", headers={"If-Match": '"1"'})
    assert stale.status_code == 409
    gone = client.delete("/api/cases/kim/snapshots/s1", headers={"If-Match": '"3"'})
    assert gone.status_code == 204
    assert [s["id"] for s in client.get("/api/cases/kim/snapshots").json()] == ["s2"]
    assert (
        client.delete("/api/cases/kim/snapshots/s1", headers={"If-Match": '"4"'}).status_code == 404
    )


def test_a_snapshot_an_evaluation_compares_with_is_not_removed(client: TestClient) -> None:
    created(client)
    client.post("/api/cases/kim/snapshots", json={"label": "begin"}, headers={"If-Match": '"1"'})
    ops = [
        {"op": "add_help_question", "text": "Vervoer"},
        {"op": "add_evaluation", "help_question": "hq1", "before": "s1", "after": "current"},
    ]
    edit = client.post(
        "/api/cases/kim/edits", json={"op": "batch", "operations": ops}, headers={"If-Match": '"2"'}
    )
    assert edit.status_code == 200, edit.text
    refused = client.delete("/api/cases/kim/snapshots/s1", headers={"If-Match": '"3"'})
    assert refused.status_code == 422
    assert "evaluations/evl1/before" in refused.text
    process = client.get("/api/cases/kim/process").json()
    assert process["help_questions"] == [{"id": "hq1", "text": "Vervoer"}]
    assert process["evaluations"][0]["before"] == "s1"


def test_views_come_as_svg_png_and_a4_pdf_and_leave_out_the_sensitive(client: TestClient) -> None:
    created(client)
    svg = client.get("/api/cases/kim/views/ecogram")
    assert svg.status_code == 200 and svg.headers["content-type"].startswith("image/svg+xml")
    assert "Jolanda" in svg.text and "Geheim" in svg.text
    hidden = client.get("/api/cases/kim/views/ecogram?hide_sensitive=true")
    assert "Jolanda" in hidden.text and "Geheim" not in hidden.text
    png = client.get("/api/cases/kim/views/netwerkkaart?format=png")
    assert png.content[:8] == b"\x89PNG\r\n\x1a\n"
    pdf = client.get("/api/cases/kim/views/genogram?format=pdf")
    page = PdfReader(io.BytesIO(pdf.content)).pages[0]
    width, height = sorted((float(page.mediabox.width), float(page.mediabox.height)))
    assert abs(width - 595.3) < 1 and abs(height - 841.9) < 1  # A4 in points
    assert client.get("/api/cases/kim/views/stamboom").status_code == 422
    assert client.get("/api/cases/kim/views/ecogram?format=gif").status_code == 422


def test_the_table_of_a_view_holds_the_names(client: TestClient) -> None:
    created(client)
    rows = client.get("/api/cases/kim/views/netwerkschema/table").json()["rows"]
    text = " ".join(" ".join(r.values()) for r in rows)
    assert "Jolanda" in text and "Geheim" in text
    rows = client.get("/api/cases/kim/views/netwerkschema/table?hide_sensitive=true").json()["rows"]
    assert "Geheim" not in " ".join(" ".join(r.values()) for r in rows)


def test_exports_and_their_privacy(client: TestClient) -> None:
    created(client)
    case = client.get("/api/cases/kim/export?format=case").json()
    assert [p["name"] for p in case["network"]["persons"]] == ["Kim", "Jolanda", "Geheim"]
    hidden = client.get("/api/cases/kim/export?format=case&hide_sensitive=true").json()
    assert [p["name"] for p in hidden["network"]["persons"]] == ["Kim", "Jolanda"]
    csv = client.get("/api/cases/kim/export?format=network-list").text
    assert "Jolanda" in csv
    assert client.get("/api/cases/kim/export?format=xls").status_code == 422


def test_someone_elses_case_is_not_found(client: TestClient) -> None:
    for path in ("analysis", "snapshots", "views/ecogram", "process", "export"):
        assert client.get(f"/api/cases/nobody/{path}").status_code == 404, path


def tavenier(client: TestClient) -> None:
    from zorgkracht.demo import demo_path

    data = json.loads(demo_path("tavenier").read_text(encoding="utf-8"))
    assert client.post("/api/cases", json=data).status_code == 201


def test_the_papers_of_the_process_come_as_a4_pdf_and_html(client: TestClient) -> None:
    tavenier(client)
    for kind in ("invitation", "plan", "client-plan", "evaluation", "case"):
        pdf = client.get(f"/api/cases/tavenier/documents/{kind}")
        assert pdf.status_code == 200, (kind, pdf.text[:300])
        reader = PdfReader(io.BytesIO(pdf.content))
        width, height = sorted(
            (float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height))
        )
        assert abs(width - 595.3) < 1 and abs(height - 841.9) < 1, kind
    html = client.get("/api/cases/tavenier/documents/plan?format=html&lang=en")
    assert html.headers["content-type"].startswith("text/html")
    process = client.get("/api/cases/tavenier/process").json()
    assert process["help_questions"][0]["text"] in html.text
    assert client.get("/api/cases/tavenier/documents/brief").status_code == 422
    assert client.get("/api/cases/tavenier/documents/invitation?meeting=mt9").status_code == 404


def test_the_calendar_of_the_case_and_of_one_person(client: TestClient) -> None:
    from icalendar import Calendar

    tavenier(client)
    whole = Calendar.from_ical(client.get("/api/cases/tavenier/calendar").content)
    process = client.get("/api/cases/tavenier/process").json()
    events = [c for c in whole.walk() if c.name in ("VEVENT", "VTODO")]
    dated = [m for m in process["meetings"] if m.get("date")]
    assert len(events) >= len(dated) >= 1
    person = process["actions"][0]["persons"][0]["person"]
    mine = Calendar.from_ical(client.get(f"/api/cases/tavenier/calendar?person={person}").content)
    assert 0 < len([c for c in mine.walk() if c.name in ("VEVENT", "VTODO")]) <= len(events)
    assert client.get("/api/cases/tavenier/calendar?person=nobody").status_code == 422


def test_graph_and_family_exports_read_back(client: TestClient) -> None:
    import networkx as nx

    created(client)
    graphml = client.get("/api/cases/kim/export?format=graphml")
    assert graphml.status_code == 200, graphml.text
    graph = nx.read_graphml(io.BytesIO(graphml.content))
    names = {data["name"] for _node, data in graph.nodes(data=True) if "name" in data}
    assert {"Kim", "Jolanda", "Geheim"} <= names
    hidden = nx.read_graphml(
        io.BytesIO(client.get("/api/cases/kim/export?format=graphml&hide_sensitive=true").content)
    )
    assert "Geheim" not in {d.get("name") for _n, d in hidden.nodes(data=True)}
    gexf = nx.read_gexf(io.BytesIO(client.get("/api/cases/kim/export?format=gexf").content))
    assert gexf.number_of_edges() == graph.number_of_edges() == 2
    ged = client.get("/api/cases/kim/export?format=gedcom&gedcom_version=7.0").text
    assert ged.startswith("0 HEAD") and "Kim" in ged and "2 VERS 7.0" in ged


def test_any_format_is_imported_by_content_all_or_nothing(client: TestClient) -> None:
    created(client)
    graphml = client.get("/api/cases/kim/export?format=graphml").content
    answer = client.post("/api/import?name=kim.graphml", content=graphml)
    assert answer.status_code == 201, answer.text
    assert answer.json()["kind"] == "graphml"
    new = client.get(answer.headers["location"]).json()
    assert {p["name"] for p in new["network"]["persons"]} == {"Kim", "Jolanda", "Geheim"}
    nwk = Path(__file__).parents[1] / "data" / "easynwk"
    record = next(nwk.glob("*.json"))
    answer = client.post("/api/import?name=nwk.json", content=record.read_bytes())
    assert answer.status_code == 201, answer.text
    assert answer.json()["kind"] == "easynwk"
    before = len(client.get("/api/cases").json())
    bad = client.post("/api/import?name=kapot.graphml", content=b"<graphml><graph></graph>")
    assert bad.status_code == 422
    assert "kapot.graphml" in bad.text
    assert len(client.get("/api/cases").json()) == before  # nothing stored
