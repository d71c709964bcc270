"""Interview mode through FastAPI's in-process client: pages, answers saved at once, errors next
to the field that change nothing, and the Dutch catalogue complete for every interview text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient

from zorgkracht.services import CaseService
from zorgkracht.storage import CaseStore
from zorgkracht.web.app import create_app

WEB = Path(__file__).resolve().parents[2] / "src" / "zorgkracht" / "web"
PO = Path(__file__).resolve().parents[2] / "src/zorgkracht/i18n/locales/nl/LC_MESSAGES/interview.po"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
FAST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
TOKENS: dict[int, str] = {}
"""The CSRF token of each test client's session, for the forms it posts."""


def _csrf(html: str) -> str:
    found = CSRF.search(html)
    assert found, "no CSRF field on the page"
    return found.group(1)


@pytest.fixture()
def client(tmp_path: Path) -> Iterator[TestClient]:
    store = CaseStore(f"sqlite:///{tmp_path / 'web.sqlite'}")
    store.migrate()
    app = create_app(CaseService(store), hasher=FAST)
    with TestClient(app) as test_client:
        page = test_client.get("/setup")
        answer = test_client.post(
            "/setup",
            data={
                "username": "julia",
                "display_name": "Julia",
                "password": "een lang wachtwoord",
                "password2": "een lang wachtwoord",
                "csrf_token": _csrf(page.text),
            },
        )
        assert answer.status_code == 200, answer.text
        token = test_client.get("/api/session").json()["csrf_token"]
        test_client.headers["X-CSRF-Token"] = token
        created = test_client.post("/api/cases", json=case_doc())
        assert created.status_code == 201, created.text
        del test_client.headers["X-CSRF-Token"]
        test_client.cookies.set("lang", "nl")
        TOKENS[id(test_client)] = token
        yield test_client
    store.close()


def case_doc() -> dict[str, Any]:
    return {
        "format": "zorgkracht/1",
        "id": "kim",
        "title": "Netwerk van Kim",
        "client": "p1",
        "network": {"persons": [{"id": "p1", "name": "Kim", "gender": "female"}]},
    }


def stored(client: TestClient) -> tuple[int, dict[str, Any]]:
    got = client.get("/api/cases/kim")
    return int(got.headers["etag"].strip('"')), got.json()


def form(client: TestClient, version: int, **fields: Any) -> dict[str, Any]:
    return {"csrf_token": TOKENS[id(client)], "version": str(version), **fields}


def test_the_overview_names_the_three_parts_and_links_every_step(client: TestClient) -> None:
    page = client.get("/cases/kim/interview")
    assert page.status_code == 200
    assert "Gesprek met Kim" in page.text
    for key in ("household", "family", "birthday", "season", "tickets", "moving"):
        assert f'href="/cases/kim/interview/names/{key}"' in page.text
    assert 'href="/cases/kim/interview/knows"' in page.text


def test_a_name_is_added_saved_and_shown(client: TestClient) -> None:
    answer = client.post(
        "/cases/kim/interview/names/household",
        data=form(client, 1, name="Piet", role="partner", gender="male"),
        follow_redirects=False,
    )
    assert answer.status_code == 303
    assert answer.headers["location"] == "/cases/kim/interview/names/household?added=p2"
    version, doc = stored(client)
    assert version == 2
    piet = doc["network"]["persons"][1]
    assert {k: piet.get(k) for k in ("id", "name", "gender", "role", "circle", "zone")} == {
        "id": "p2",
        "name": "Piet",
        "gender": "male",
        "role": "partner",
        "circle": "intimacy",
        "zone": "neighbourhood",
    }
    assert piet["frequency"] == "daily"
    assert doc["network"]["household"] == ["p1", "p2"]
    page = client.get(answer.headers["location"])
    assert "Toegevoegd: Piet" in page.text
    assert '<li data-person-id="p2">' in page.text
    assert 'name="version" value="2"' in page.text


def test_adding_with_javascript_answers_json(client: TestClient) -> None:
    answer = client.post(
        "/cases/kim/interview/names/neighbours",
        data=form(client, 1, name="Jolanda"),
        headers={"Accept": "application/json"},
    )
    assert answer.status_code == 200
    assert answer.json() == {
        "version": 2,
        "created": True,
        "note": "",
        "person": {
            "id": "p2",
            "name": "Jolanda",
            "role": "buur",
            "about": "/cases/kim/interview/about/p2",
        },
    }
    _, doc = stored(client)
    assert doc["network"]["domains"] == [
        {"id": "d1", "name": "neighbourhood", "kind": "neighbourhood", "members": ["p2"]}
    ]


def test_a_duplicate_name_is_reported_and_nothing_is_saved(client: TestClient) -> None:
    client.post("/cases/kim/interview/names/neighbours", data=form(client, 1, name="Jolanda"))
    answer = client.post(
        "/cases/kim/interview/names/birthday",
        data=form(client, 2, name="jolanda"),
        follow_redirects=False,
    )
    assert answer.headers["location"] == "/cases/kim/interview/names/birthday?exists=p2"
    assert stored(client)[0] == 2
    page = client.get(answer.headers["location"])
    assert "staat al in het netwerk" in page.text
    assert re.search(r'<div id="iv-same" class="iv-check-row"\s*>', page.text)
    own = client.post("/cases/kim/interview/names/friends", data=form(client, 2, name="KIM"))
    assert "staat al in het netwerk" in own.text  # the client's own name
    as_json = client.post(
        "/cases/kim/interview/names/birthday",
        data=form(client, 2, name="Jolanda"),
        headers={"Accept": "application/json"},
    )
    assert as_json.json()["created"] is False
    assert as_json.json()["version"] == 2
    again = client.post(
        "/cases/kim/interview/names/birthday",
        data=form(client, 2, name="Jolanda", another_person="yes"),
        headers={"Accept": "application/json"},
    )
    assert again.json()["created"] is True
    assert [p["name"] for p in stored(client)[1]["network"]["persons"]] == [
        "Kim",
        "Jolanda",
        "Jolanda",
    ]


def test_an_empty_name_is_an_error_next_to_the_field_and_changes_nothing(
    client: TestClient,
) -> None:
    before = stored(client)
    answer = client.post("/cases/kim/interview/names/friends", data=form(client, 1, name="  "))
    assert answer.status_code == 422
    assert re.search(r'<p id="iv-name-error" class="iv-error"\s*>vul een naam in</p>', answer.text)
    assert 'aria-invalid="true"' in answer.text
    assert stored(client) == before
    as_json = client.post(
        "/cases/kim/interview/names/friends",
        data=form(client, 1, name="Anna", role="professional"),
        headers={"Accept": "application/json"},
    )
    assert as_json.status_code == 422
    assert [p["where"] for p in as_json.json()["error"]["problems"]] == ["role"]
    assert stored(client) == before


def test_a_stale_version_is_a_conflict_and_changes_nothing(client: TestClient) -> None:
    client.post("/cases/kim/interview/names/friends", data=form(client, 1, name="Anna"))
    before = stored(client)
    answer = client.post("/cases/kim/interview/names/friends", data=form(client, 1, name="Bert"))
    assert answer.status_code == 409
    assert "Iemand anders heeft deze casus intussen gewijzigd" in answer.text
    assert 'value="Bert"' in answer.text  # the answer is kept on the page to give again
    assert stored(client) == before


def test_interpreters_are_saved_and_lead_to_the_next_person(client: TestClient) -> None:
    client.post("/cases/kim/interview/names/friends", data=form(client, 1, name="Anna"))
    client.post("/cases/kim/interview/names/friends", data=form(client, 2, name="Bert"))
    page = client.get("/cases/kim/interview/about/p2")
    assert page.status_code == 200
    assert "Wie is Anna voor u?" in page.text
    answer = client.post(
        "/cases/kim/interview/about/p2",
        data=form(
            client,
            3,
            role="friend",
            circle="1",
            support=["P", "E"],
            support_shown="1",
            frequency="weekly",
            zone="town",
            quality="positive",
            reciprocal="no",
            go="next",
        ),
        follow_redirects=False,
    )
    assert answer.status_code == 303
    assert answer.headers["location"] == "/cases/kim/interview/about/p3"
    _, doc = stored(client)
    anna = doc["network"]["persons"][1]
    assert (anna["circle"], anna["frequency"], anna["zone"]) == ("intimacy", "weekly", "town")
    tie = next(t for t in doc["network"]["ties"] if t["b"] == "p2")
    assert (sorted(tie["support"]), tie["reciprocal"], tie["direction"]) == (
        ["E", "P"],
        False,
        "to_client",
    )
    last = client.post(
        "/cases/kim/interview/about/p3",
        data=form(client, 4, circle="2", go="next"),
        follow_redirects=False,
    )
    assert last.headers["location"] == "/cases/kim/interview/knows"


def test_unticking_every_support_box_clears_the_support(client: TestClient) -> None:
    client.post("/cases/kim/interview/names/friends", data=form(client, 1, name="Anna"))
    client.post("/cases/kim/interview/about/p2", data=form(client, 2, support=["G"]))
    client.post("/cases/kim/interview/about/p2", data=form(client, 3, support_shown="1"))
    tie = stored(client)[1]["network"]["ties"][0]
    assert tie.get("support", []) == []


def test_a_bad_interpreter_names_the_field_and_changes_nothing(client: TestClient) -> None:
    client.post("/cases/kim/interview/names/friends", data=form(client, 1, name="Anna"))
    before = stored(client)
    answer = client.post(
        "/cases/kim/interview/about/p2", data=form(client, 2, circle="7", zone="town")
    )
    assert answer.status_code == 422
    assert re.search(r'<p id="iv-circle-error" class="iv-error"\s*>', answer.text)
    assert "7&#39; is geen keuze hier" in answer.text
    assert stored(client) == before


def test_who_knows_whom_is_saved_as_ties_between_members(client: TestClient) -> None:
    for version, name in enumerate(("Anna", "Bert", "Cor"), start=1):
        client.post("/cases/kim/interview/names/friends", data=form(client, version, name=name))
    page = client.get("/cases/kim/interview/knows")
    assert page.text.count('type="checkbox" name="knows"') == 3
    answer = client.post(
        "/cases/kim/interview/knows",
        data=form(client, 4, knows=["p2 p3", "p3 p4"]),
        follow_redirects=False,
    )
    assert answer.headers["location"] == "/cases/kim/interview/knows?saved=1"
    ties = stored(client)[1]["network"]["ties"]
    assert [(t["a"], t["b"]) for t in ties if t["a"] != "p1"] == [("p2", "p3"), ("p3", "p4")]
    page = client.get("/cases/kim/interview/knows")
    assert page.text.count("checked") == 2
    bad = client.post("/cases/kim/interview/knows", data=form(client, 5, knows=["p2 p1"]))
    assert bad.status_code == 422
    assert "zijn niet twee verschillende netwerkleden" in bad.text


def test_a_person_named_by_mistake_can_be_removed(client: TestClient) -> None:
    client.post("/cases/kim/interview/names/friends", data=form(client, 1, name="Anna"))
    answer = client.post(
        "/cases/kim/interview/remove/p2",
        data=form(client, 2, back="/cases/kim/interview/names/friends"),
        follow_redirects=False,
    )
    assert answer.headers["location"] == "/cases/kim/interview/names/friends"
    _, doc = stored(client)
    assert [p["id"] for p in doc["network"]["persons"]] == ["p1"]
    assert doc["network"].get("ties", []) == []
    client.post("/cases/kim/interview/names/friends", data=form(client, 3, name="Bert"))
    stale = client.post(
        "/cases/kim/interview/remove/p2",
        data=form(client, 3, back="/cases/kim/interview/names/friends"),
        follow_redirects=False,
    )
    assert stale.headers["location"] == "/cases/kim/interview/names/friends?conflict=1"
    assert [p["name"] for p in stored(client)[1]["network"]["persons"]] == ["Kim", "Bert"]
    page = client.get(stale.headers["location"])
    assert "Iemand anders heeft deze casus intussen gewijzigd" in page.text


def test_the_map_panel_shows_a_picture_or_says_it_cannot(client: TestClient) -> None:
    client.post("/cases/kim/interview/names/friends", data=form(client, 1, name="Anna"))
    panel = client.get("/cases/kim/interview/map?view=netwerkschema")
    assert panel.status_code == 200
    assert '<section class="iv-map" id="iv-map"' in panel.text
    assert ("<svg" in panel.text and "Anna" in panel.text) or (
        "Deze tekening kan nog niet worden gemaakt" in panel.text
    )
    assert "<?xml" not in panel.text
    unknown = client.get("/cases/kim/interview/map?view=anything")
    assert 'data-view="netwerkschema"' in unknown.text


def test_unknown_cases_steps_and_persons_are_not_found(client: TestClient) -> None:
    assert client.get("/cases/nobody/interview").status_code == 404
    assert client.get("/cases/kim/interview/names/pets").status_code == 404
    assert client.get("/cases/kim/interview/about/p1").status_code == 404
    answer = client.post(
        "/cases/kim/interview/names/pets",
        data=form(client, 1, name="Whiskey"),
        headers={"Accept": "application/json"},
    )
    assert answer.status_code == 404
    assert answer.json()["error"]["code"] == "not_found"


def test_a_form_without_the_csrf_token_is_refused(client: TestClient) -> None:
    answer = client.post(
        "/cases/kim/interview/names/friends",
        data={"version": "1", "name": "Anna"},
        headers={"Accept": "text/html"},
    )
    assert answer.status_code == 403
    assert stored(client)[0] == 1


def test_the_pages_speak_english_when_asked(client: TestClient) -> None:
    page = client.get("/cases/kim/interview/names/tickets?lang=en")
    assert "Suppose you suddenly had five tickets" in page.text
    assert "Add" in page.text and "Toevoegen" not in page.text


def test_every_interview_text_has_a_dutch_translation() -> None:
    catalogue = PO.read_text(encoding="utf-8")
    msgids = set(re.findall(r'^msgid "(.*)"$', catalogue, flags=re.M))
    pattern = re.compile(r"""_\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')\s*\)""")
    used: set[str] = set()
    for template in sorted((WEB / "templates").glob("interview*.html")):
        for match in pattern.finditer(template.read_text(encoding="utf-8")):
            used.add(match.group(1) if match.group(1) is not None else match.group(2))
    assert len(used) > 50
    missing = {text for text in used if text.replace('"', '\\"') not in msgids}
    assert missing == set()


REMOTE = re.compile(
    r"""(?:\b(?:src|href|action)\s*=\s*["']?|url\(\s*["']?|@import\s+["']|fetch\(\s*["'])"""
    r"""(?:[a-z][a-z0-9+.-]*:)?//""",
    re.I,
)


def test_the_interview_loads_nothing_from_another_host(client: TestClient) -> None:
    assert REMOTE.search('<script src="https://cdn.example/x.js">')  # the check can fail
    assert REMOTE.search("fetch('//tracker.example/x')")
    client.post("/cases/kim/interview/names/friends", data=form(client, 1, name="Anna"))
    for url in (
        "/cases/kim/interview",
        "/cases/kim/interview/names/household",
        "/cases/kim/interview/about/p2",
        "/cases/kim/interview/knows",
        "/cases/kim/interview/map?view=ecogram",
        "/static/interview.js",
        "/static/interview.css",
    ):
        answer = client.get(url)
        assert answer.status_code == 200, url
        assert not REMOTE.search(answer.text), url
