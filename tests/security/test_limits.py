"""Findings 3 and 4: request bodies are limited before anything reads them; cases are limited
in size on every way in; drawing has a time budget.

Before the fix a 300 MB form body was read whole (for the CSRF token in the form) and answered
500; a chunked body was read without bound.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.web.helpers import CHEAP_HASHER, set_up_first_account
from zorgkracht.cli.main import main
from zorgkracht.config import Settings
from zorgkracht.domain import InvalidInput
from zorgkracht.domain.limits import MAX_NAME, MAX_NOTE, MAX_PERSONS, MAX_TITLE
from zorgkracht.interchange import case_json
from zorgkracht.interchange.gedcom import parse_gedcom
from zorgkracht.interchange.network_list import parse_network_list
from zorgkracht.layout import budget
from zorgkracht.render.views import render_svg
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


# --- Finding 4: the size of a case, and the time a picture may take ---------------------------


def _many_persons(count: int) -> dict[str, Any]:
    case = demo("karel")
    case["network"]["persons"] += [
        {"id": f"extra-{n}", "name": f"Persoon {n}"} for n in range(count)
    ]
    return case


def _wheres(answer: Any) -> list[str]:
    assert answer.status_code == 422, answer.text[:300]
    return [p["where"] for p in answer.json()["error"]["problems"]]


def test_a_case_over_the_size_limit_is_refused_everywhere_naming_the_field(
    web: tuple[FastAPI, TestClient], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _app, client = web
    big = _many_persons(MAX_PERSONS)
    big["id"] = "groot"
    assert _wheres(client.post("/api/cases", json=big)) == ["persons"]
    assert _wheres(client.post("/api/validate", json=big)) == ["persons"]
    put = client.put("/api/cases/karel", json=big, headers={"If-Match": '"1"'})
    assert _wheres(put) == ["persons"]
    long_note = demo("karel")
    long_note["network"]["persons"][1]["note"] = "n" * (MAX_NOTE + 1)
    assert _wheres(client.post("/api/cases", json=long_note)) == ["persons/hondje/note"]
    # an edit operation that would pass a limit
    long_name = {"op": "rename_domain", "id": "d_werk", "name": "n" * (MAX_NAME + 1)}
    edit = client.post("/api/cases/karel/edits", json=long_name, headers={"If-Match": '"1"'})
    assert edit.status_code == 422 and "name" in _wheres(edit)[0]
    # importing a case file or a network list over the limit
    path = tmp_path / "groot.zorgkracht.json"
    path.write_text(json.dumps(big), encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    with pytest.raises(SystemExit) as done:
        main(["import", str(path), "--db", db])
    assert done.value.code == 2
    assert "persons" in capsys.readouterr().err
    roster = tmp_path / "groot.csv"
    rows = ["naam;rol", "Kim;cliënt"] + [f"Lid {n};vriend" for n in range(MAX_PERSONS + 1)]
    roster.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(SystemExit) as done:
        main(["import", str(roster), "--db", db])
    assert done.value.code == 2
    assert "persons" in capsys.readouterr().err
    assert (
        client.get("/api/cases/karel").json()["network"]["persons"]
        == demo("karel")["network"]["persons"]
    )


def _layout_running() -> bool:
    """Whether any thread is inside a layout module right now."""
    return any(
        "zorgkracht/layout/" in frame.f_code.co_filename
        for top in sys._current_frames().values()
        for frame in _stack(top)
    )


def _stack(frame: Any) -> Iterator[Any]:
    while frame is not None:
        yield frame
        frame = frame.f_back


def test_a_picture_over_its_time_budget_gives_the_table_and_a_message(tmp_path: Path) -> None:
    store = CaseStore(f"sqlite:///{tmp_path / 'budget.sqlite'}")
    store.migrate()
    tiny = Settings(draw_budget_seconds=1e-9)
    app = create_app(CaseService(store), hasher=CHEAP_HASHER, settings=tiny)
    try:
        with TestClient(app) as client:
            set_up_first_account(client)
            assert client.post("/api/cases", json=demo("karel")).status_code == 201
            for attempt in range(2):
                before = budget.stopped
                page = client.get("/cases/karel?view=ecogram")
                assert page.status_code == 200
                assert budget.stopped == before + 1, "the drawing stopped at its deadline"
                assert not _layout_running()
                assert "te groot om hier als plaatje te tekenen" in page.text
                assert "too large to draw here" in page.text
                assert 'data-person-id="buurman"' not in page.text  # no picture
                assert "Buurman" in page.text  # the table
                answer = client.post(
                    "/api/cases/karel/edits?view=ecogram&fragments=true",
                    json={"op": "rename_domain", "id": "d_werk", "name": f"Werk {attempt}"},
                    headers={"If-Match": f'"{attempt + 1}"'},
                )
                assert answer.status_code == 200, answer.text[:300]
                body = answer.json()
                assert body["svg"] is None
                assert "too large" in body["message"]["en"] and body["message"]["nl"]
                assert "Buurman" in body["fragments"]["table"]
                assert not _layout_running()
            export = client.get("/cases/karel/export/ecogram.svg")
            assert export.status_code == 422
            assert export.json()["error"]["problems"][0]["code"] == "too_large_to_draw"
    finally:
        store.close()


def test_a_picture_within_its_budget_is_the_picture_drawn_without_one(
    web: tuple[FastAPI, TestClient],
) -> None:
    _app, client = web
    case = case_json.case_from_data(demo("karel"))
    for view in ("ecogram", "sociogram"):
        page = client.get(f"/cases/karel?view={view}")
        assert page.status_code == 200
        assert "te groot om hier" not in page.text
        export = client.get(f"/cases/karel/export/{view}.svg")
        assert export.content == render_svg(case, view).encode("utf-8")


def test_gedcom_and_network_list_readers_keep_to_the_limits() -> None:
    individuals = "".join(
        f"0 @I{n}@ INDI\n1 NAME Persoon /Nummer{n}/\n" for n in range(MAX_PERSONS + 1)
    )
    text = f"0 HEAD\n1 CHAR UTF-8\n{individuals}0 TRLR\n"
    with pytest.raises(InvalidInput) as refused:
        parse_gedcom(text.encode("utf-8"), "groot.ged")
    assert [p.code for p in refused.value.problems] == ["too_many"]
    assert "too many persons" in refused.value.problems[0].en
    # a generated title stays within its limit, whatever the client's name
    name = "K" * MAX_NAME
    case = parse_network_list(f"naam;rol\n{name};cliënt\n".encode(), "lijst.csv")
    assert len(case.title) <= MAX_TITLE and case.title.startswith("Netwerk van K")
    one = f"0 HEAD\n1 CHAR UTF-8\n0 @I1@ INDI\n1 NAME {name} //\n0 TRLR\n"
    assert len(parse_gedcom(one.encode("utf-8"), "een.ged").title) <= MAX_TITLE
