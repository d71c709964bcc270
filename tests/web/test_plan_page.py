"""The plan page and the meeting screen (in-process client): pages render, each form's
operation works through the edits API, who may not be asked is disabled with the reason."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from .helpers import signed_in_client


def _case() -> dict[str, Any]:
    return {
        "format": "zorgkracht/1",
        "id": "plan1",
        "title": "Netwerk van Pieter",
        "client": "p1",
        "network": {
            "persons": [
                {"id": "p1", "name": "Pieter", "gender": "male"},
                {"id": "p2", "name": "Lina", "gender": "female"},
                {"id": "p3", "name": "Broer Kees", "gender": "male", "may_ask": False},
                {"id": "p4", "name": "Tante Els", "gender": "female", "sensitive": True},
                {"id": "p5", "name": "Michel", "gender": "male", "role": "professional"},
            ],
            "household": ["p1", "p2"],
            "ties": [
                {"id": "t1", "a": "p1", "b": "p2", "care_hours_per_week": 6},
                {"id": "t2", "a": "p1", "b": "p4"},
                {"id": "t3", "a": "p1", "b": "p5"},
            ],
        },
    }


@pytest.fixture()
def client(tmp_path: Path) -> Iterator[TestClient]:
    with signed_in_client(tmp_path) as c:
        assert c.post("/api/cases", json=_case()).status_code == 201
        yield c


def edit(client: TestClient, op: dict[str, Any], status: int = 200) -> dict[str, Any]:
    version = client.get("/api/cases/plan1").headers["ETag"]
    answer = client.post("/api/cases/plan1/edits", json=op, headers={"If-Match": version})
    assert answer.status_code == status, answer.text
    body: dict[str, Any] = answer.json()
    return body


def test_the_case_page_links_to_the_plan(client: TestClient) -> None:
    assert 'href="/cases/plan1/plan"' in client.get("/cases/plan1").text


def test_the_plan_page_renders_every_section_with_the_picture(client: TestClient) -> None:
    page = client.get("/cases/plan1/plan")
    assert page.status_code == 200
    for form in (
        'data-op="set_phasing"',
        'data-record="referral"',
        'data-record="intake"',
        'data-op="add_help_question"',
        'data-op="add_meeting"',
        'data-op="add_action"',
        'data-record="team"',
        'data-op="add_evaluation"',
        'data-record="closing"',
    ):
        assert form in page.text, form
    assert 'id="plan-picture"' in page.text and 'data-person-id="p2"' in page.text
    english = client.get("/cases/plan1/plan?lang=en").text
    assert "Help questions" in english and "Hulpvragen" in page.text


def test_who_may_not_be_asked_is_disabled_with_the_reason(client: TestClient) -> None:
    page = client.get("/cases/plan1/plan").text
    meeting_form = page.split('id="form-add-meeting"')[1].split("</form>")[0]
    kees = re.search(r'<input type="checkbox"[^>]*value="p3"[^>]*>', meeting_form)
    assert kees and "disabled" in kees.group(0)
    assert "de cliënt wil niet dat deze persoon gevraagd wordt" in meeting_form
    lina = re.search(r'<input type="checkbox"[^>]*value="p2"[^>]*>', meeting_form)
    assert lina and "disabled" not in lina.group(0)
    # the client is not among the invitees; a sensitive person is marked
    assert 'value="p1"' not in meeting_form
    assert "gevoelig" in meeting_form.split('value="p4"')[1].split("</label>")[0]


def test_questions_meeting_actions_and_load(client: TestClient) -> None:
    q2 = edit(client, {"op": "add_help_question", "text": "Vervoer naar school", "priority": 2})
    q1 = edit(client, {"op": "add_help_question", "text": "Rust in huis", "priority": 1})
    edit(client, {"op": "add_help_question", "text": "Later", "priority": 5})
    assert q2["undo"]["op"] == "remove_help_question" and q1["undo"]["id"] == "hq2"
    page = client.get("/cases/plan1/plan").text
    listing = page.split('id="question-list"')[1].split("</ol>")[0]
    # the top 3 in order of priority first
    assert (
        listing.index("Rust in huis")
        < listing.index("Vervoer naar school")
        < listing.index("Later")
    )
    assert listing.count("top 3") == 2
    edit(
        client,
        {
            "op": "add_meeting",
            "date": "2026-12-10",
            "invitees": [{"person": "p2"}, {"person": "p5"}],
            "questions": ["hq1"],
        },
    )
    refused = edit(client, {"op": "add_meeting", "invitees": [{"person": "p3"}]}, 422)
    assert "invitees" in refused["error"]["problems"][0]["where"]
    edit(
        client,
        {
            "op": "add_action",
            "help_question": "hq1",
            "description": "Halen en brengen",
            "persons": [{"person": "p2", "part": "does"}],
            "hours_per_week": 4,
        },
    )
    page = client.get("/cases/plan1/plan").text
    row = page.split('data-load-person="p2"')[1].split("</tr>")[0]
    # 6 care hours + 4 plan hours = 10 > 8: signalled
    assert ">6<" in row and ">4<" in row and "signal" in row
    svg = client.get("/cases/plan1/picture/ecogram.svg?plan=true").text
    assert 'data-plan-person="p2"' in svg and 'data-plan-person="p5"' not in svg
    plain = client.get("/cases/plan1/picture/ecogram.svg").text
    assert "plan-badge" not in plain


def test_the_meeting_screen_phases_attendance_and_held(client: TestClient) -> None:
    edit(client, {"op": "add_meeting", "invitees": [{"person": "p2"}, {"person": "p5"}]})
    page = client.get("/cases/plan1/meetings/mt1")
    assert page.status_code == 200
    assert page.text.count('class="phase') == 4
    assert "professionals-leave" not in page.text
    edit(client, {"op": "update_meeting", "id": "mt1", "changes": {"phase": "information"}})
    page = client.get("/cases/plan1/meetings/mt1").text
    note = page.split('id="professionals-leave"')[1].split("</p>")[0]
    assert "Michel" in note and "Lina" not in note
    toggle = re.search(r"data-attend=\"p2\"[^>]*data-send='([^']+)'", page)
    assert toggle
    import html
    import json

    op = json.loads(html.unescape(toggle.group(1)))
    assert op["changes"]["invitees"][0] == {"person": "p2", "present": True}
    edit(client, op)
    page = client.get("/cases/plan1/meetings/mt1").text
    assert re.search(r'data-attend="p2" aria-pressed="true"', page)
    assert client.get("/cases/plan1/meetings/mt9").status_code == 404


def test_the_papers_and_calendars_are_linked_once_there_are_questions(
    client: TestClient,
) -> None:
    page = client.get("/cases/plan1/plan").text
    assert "De papieren komen er zodra er hulpvragen zijn." in page
    assert "/api/cases/plan1/documents/" not in page
    edit(client, {"op": "add_help_question", "text": "Wie helpt met koken?"})
    version = client.get("/api/cases/plan1").headers["etag"]
    meeting = {"op": "add_meeting", "date": "2026-12-10", "invitees": [{"person": "p2"}]}
    answer = client.post("/api/cases/plan1/edits", json=meeting, headers={"If-Match": version})
    assert answer.status_code == 200, answer.text
    page = client.get("/cases/plan1/plan").text
    links = re.findall(r'href="(/api/cases/plan1/(?:documents|calendar)[^"]*)"', page)
    assert "/api/cases/plan1/documents/invitation?meeting=mt1&amp;lang=nl" in links
    assert "/api/cases/plan1/calendar?person=p2&amp;lang=nl" in links  # Lina is invited
    for href in links:  # every link answers: the papers and the calendars of this plan
        answer = client.get(href.replace("&amp;", "&"))
        assert answer.status_code == 200, (href, answer.text[:200])


def test_the_part_of_one_action_holds_its_badges_the_load_and_the_action(
    client: TestClient,
) -> None:
    edit(client, {"op": "add_help_question", "text": "Wie helpt met koken?"})
    action = {
        "op": "add_action",
        "help_question": "hq1",
        "description": "Koken op vrijdag",
        "persons": [{"person": "p2", "hours_per_week": 3}],
    }
    edit(client, action)
    part = client.get("/cases/plan1/plan/actions/ac1")
    assert part.status_code == 200
    html = part.text
    for marker in (
        'class="plan-badges"',
        'data-plan-person="p2"',
        'id="plan-load"',
        'id="action-item-ac1"',
        "Koken op vrijdag",
    ):
        assert marker in html, marker
    version = client.get("/api/cases/plan1").headers["etag"].strip('"')
    assert f'data-version="{version}"' in html
    assert 'id="question-list"' not in html  # not the whole page
    assert 'id="plan-picture"' not in html  # nor the map: only its badges change
    assert client.get("/cases/plan1/plan/actions/ac9").status_code == 404


def test_an_action_edit_answers_with_its_part_of_the_plan_page(client: TestClient) -> None:
    """``?part=action``: the answer to an ``update_action`` carries what the plan page swaps
    (the action's item, the plan load, the badges on the requested view), so the page asks for
    nothing more; without it, or for another operation, there is no part."""
    edit(client, {"op": "add_help_question", "text": "Wie helpt met koken?"})
    add = {
        "op": "add_action",
        "help_question": "hq1",
        "description": "Koken op vrijdag",
        "persons": [{"person": "p2", "hours_per_week": 3}],
    }
    assert edit(client, add).get("part") is None  # not asked for
    for hours, status, shown in ((5, "ongoing", "loopt"), (1.5, "planned", "gepland")):
        version = client.get("/api/cases/plan1").headers["ETag"]
        op = {
            "op": "update_action",
            "id": "ac1",
            "changes": {"persons": [{"person": "p2", "hours_per_week": hours}], "status": status},
        }
        answer = client.post(
            "/api/cases/plan1/edits?part=action&view=netwerkschema",
            json=op,
            headers={"If-Match": version},
        )
        assert answer.status_code == 200, answer.text
        body = answer.json()
        part = body["part"]
        assert f'id="plan-part" data-version="{body["version"]}"' in part
        item = re.search(r'<li data-action-id="ac1" id="action-item-ac1">.*?</li>', part, re.S)
        assert item and f'<span class="tag">{shown}</span>' in item.group(0)
        assert f'value="{float(hours)}"' in item.group(0)  # Lina's hours in the form
        badge = re.search(r'<g class="plan-badge" data-plan-person="p2"[^>]*>', part)
        assert badge and f'data-hours="{hours:g}"' in badge.group(0)
        load = re.search(r'<section[^>]*id="plan-load".*?</section>', part, re.S)
        assert load and 'data-load-person="p2"' in load.group(0)
        # the badges are those of the view asked for, where the plan page draws them there
        page = client.get("/cases/plan1/plan?view=netwerkschema").text
        assert _badges(part) == _badges(page) and _badges(part)
        assert _badges(part) != _badges(client.get("/cases/plan1/plan?view=ecogram").text)
    # another operation asked with the part: none (the page loads the plan again)
    other = client.post(
        "/api/cases/plan1/edits?part=action",
        json={"op": "update_help_question", "id": "hq1", "changes": {"text": "Koken"}},
        headers={"If-Match": client.get("/api/cases/plan1").headers["ETag"]},
    )
    assert other.status_code == 200 and other.json()["part"] is None
    wrong = client.post(
        "/api/cases/plan1/edits?part=page",
        json={"op": "update_help_question", "id": "hq1", "changes": {"text": "Koken"}},
        headers={"If-Match": client.get("/api/cases/plan1").headers["ETag"]},
    )
    assert wrong.status_code == 400, wrong.text  # a part the plan page does not know
    assert "part" in wrong.text


def _badges(html: str) -> list[tuple[str, str, str]]:
    """Each badge of the plan layer in ``html``: person, hours and place."""
    return re.findall(
        r'<g class="plan-badge" data-plan-person="([^"]+)" data-actions="\d+"'
        r' data-hours="([^"]+)" data-bbox="([^"]+)"',
        html,
    )
