"""An automated accessibility scan (axe-core, WCAG 2.1 A and AA) of the main pages: no serious
or critical violations. axe-core comes from the ``axe-playwright-python`` package (it bundles
``axe.min.js``, MPL-2.0); nothing is loaded from another host."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
from playwright.sync_api import Browser, Page

from .conftest import LiveServer, shoot

AXE = Axe()
OPTIONS: dict[str, Any] = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
BLOCKING = ("serious", "critical")


def serious(page: Page) -> list[str]:
    """Every serious or critical violation on the page, one line each."""
    results = AXE.run(page, options=OPTIONS)
    found = []
    for violation in results.response["violations"]:
        if violation["impact"] in BLOCKING:
            targets = [", ".join(node["target"]) for node in violation["nodes"]][:5]
            found.append(f"{violation['id']} ({violation['impact']}): {targets}")
    return found


def case_with_people(page: Page, case_id: str) -> None:
    token = page.request.get("/api/session").json()["csrf_token"]
    persons = [{"id": "p1", "name": "Kim", "gender": "female"}]
    ties = []
    members = [
        ("Piet", "partner", "intimacy", "male", ["E", "P"]),
        ("Sanne", "child", "intimacy", "female", ["G"]),
        ("Jolanda", "neighbour", "acquaintance", "female", ["P"]),
        ("Karin", "colleague", "acquaintance", "female", ["A"]),
        ("Julia", "professional", "services", "female", ["A", "E"]),
    ]
    for n, (name, role, circle, gender, support) in enumerate(members, start=2):
        persons.append(
            {"id": f"p{n}", "name": name, "role": role, "circle": circle, "gender": gender}
        )
        ties.append({"id": f"t{n}", "a": "p1", "b": f"p{n}", "support": support})
    ties.append({"id": "t9", "a": "p2", "b": "p3"})
    answer = page.request.post(
        "/api/cases",
        data={
            "format": "zorgkracht/1",
            "id": case_id,
            "title": "Netwerk van Kim",
            "client": "p1",
            "network": {"persons": persons, "household": ["p1", "p2", "p3"], "ties": ties},
        },
        headers={"X-CSRF-Token": token},
    )
    assert answer.status == 201, answer.text()


def test_the_login_page(browser: Browser, live_server: LiveServer) -> None:
    context = browser.new_context(base_url=live_server.url)
    try:
        page = context.new_page()
        page.goto("/login")
        assert serious(page) == []
    finally:
        context.close()


@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("case-list", "/"),
        ("case-page", "/cases/axe"),
        ("case-netwerkschema", "/cases/axe?view=netwerkschema"),
        ("interview", "/cases/axe/interview"),
        ("interview-names", "/cases/axe/interview/names/tickets"),
        ("interview-person", "/cases/axe/interview/about/p4"),
        ("interview-knows", "/cases/axe/interview/knows"),
    ],
)
def test_the_main_pages(signed_in: Page, name: str, path: str) -> None:
    page = signed_in
    if page.request.get("/api/cases/axe").status == 404:
        case_with_people(page, "axe")
    page.goto(path)
    page.wait_for_load_state("networkidle")
    found = serious(page)
    if found:
        shoot(page, f"axe-{name}")
    assert found == []


def test_the_scan_finds_a_serious_violation_when_there_is_one(signed_in: Page) -> None:
    page = signed_in
    page.goto("/")
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend',"
        ' \'<input type="text" id="unlabelled"><button id="empty"></button>\')'
    )
    found = serious(page)
    assert any(line.startswith("label (critical)") for line in found), found
    assert any(line.startswith("button-name (critical)") for line in found), found
