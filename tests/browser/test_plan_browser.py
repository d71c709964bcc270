"""The plan in a real browser at tablet size (768x1024): a Tavenier-like flow from help
questions to a meeting with invitees picked on the map, attendance and phases, actions assigned
by picking people, an evaluation; a coach trajectory to closing. Each thing is done twice (the
second one failing silently is the known failure mode). axe-core on both screens."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import LiveServer, _new_context, post_case, shoot
from .test_accessibility import serious


@pytest.fixture()
def tablet(browser: Browser, live_server: LiveServer, signed_in_state: Any) -> Iterator[Page]:
    context = _new_context(browser, live_server, signed_in_state)
    page = context.new_page()
    page.set_viewport_size({"width": 768, "height": 1024})
    yield page
    context.close()


def _tavenier(page: Page, case_id: str) -> None:
    people = [
        ("p1", "Pieter", None, None),
        ("p2", "Lina", None, None),
        ("p3", "Broer", False, None),
        ("p4", "Moeder", None, None),
        ("p5", "Michel", None, "professional"),
    ]
    persons = []
    for pid, name, may_ask, role in people:
        person: dict[str, Any] = {"id": pid, "name": name}
        if may_ask is not None:
            person["may_ask"] = may_ask
        if role:
            person["role"] = role
        persons.append(person)
    ties = [{"id": f"t{n}", "a": "p1", "b": f"p{n}"} for n in range(2, 6)]
    post_case(
        page,
        {
            "format": "zorgkracht/1",
            "id": case_id,
            "title": "Netwerk van Pieter",
            "client": "p1",
            "network": {"persons": persons, "household": ["p1", "p2"], "ties": ties},
        },
    )


def _ready(page: Page) -> None:
    expect(page.locator("#plan-app")).to_have_attribute("data-ready", "true")


def _open(page: Page, details: str) -> None:
    """Open a folded part (a click on its summary) unless it is open already."""
    if page.locator(f"#{details}").get_attribute("open") is None:
        page.locator(f"#{details} > summary").click()


def _saved(page: Page) -> None:
    expect(page.locator("#plan-status")).to_have_text("Opgeslagen.")


def test_from_questions_to_evaluation(tablet: Page) -> None:
    page = tablet
    _tavenier(page, "tav-b")
    page.goto("/cases/tav-b/plan")
    _ready(page)
    for n, text in enumerate(["Rust in huis", "Hulp bij de financiën"], start=1):
        form = page.locator("#form-add-question")
        form.locator("#newq-text").fill(text)
        form.locator("#newq-priority").fill(str(n))
        form.get_by_role("button", name="Hulpvraag toevoegen").click()
        expect(page.locator("#question-list > li")).to_have_count(n)
        _saved(page)
    # a meeting: invitees picked on the map; the brother may not be asked
    _open(page, "add-meeting")
    form = page.locator("#form-add-meeting")
    form.locator("[data-pick]").first.click()
    page.locator('#plan-picture [data-person-id="p2"]').first.click()
    page.locator('#plan-picture [data-person-id="p5"]').first.click()
    page.locator('#plan-picture [data-person-id="p3"]').first.click()
    expect(form.locator('input[value="p2"]')).to_be_checked()
    expect(form.locator('input[value="p5"]')).to_be_checked()
    expect(form.locator('input[value="p3"]')).to_be_disabled()
    expect(page.locator("#plan-status")).to_contain_text("gevraagd")
    form.locator('input[value="hq1"]').check()
    form.get_by_role("button", name="Bijeenkomst toevoegen").click()
    expect(page.locator("#meeting-list > li")).to_have_count(1)
    assert serious(page) == [], shoot(page, "axe-plan")
    # the meeting screen
    page.get_by_role("link", name="Scherm voor de bijeenkomst openen").click()
    _ready(page)
    for phase in ("introductions", "information"):
        page.locator(f'[data-phase="{phase}"]').click()
        expect(page.locator(f'[data-phase="{phase}"]')).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#professionals-leave")).to_contain_text("Michel")
    for pid in ("p2", "p5"):
        page.locator(f'[data-attend="{pid}"]').click()
        expect(page.locator(f'[data-attend="{pid}"]')).to_have_attribute("aria-pressed", "true")
    for n, (q, text, pid) in enumerate(
        [("hq1", "Koken op dinsdag", "p2"), ("hq2", "Post doornemen", "p4")], start=1
    ):
        form = page.locator("#form-add-action")
        form.locator("#newa-help_question").select_option(q)
        form.locator("#newa-description").fill(text)
        form.locator("[data-pick]").click()
        page.locator(f'#plan-picture [data-person-id="{pid}"]').first.click()
        form.locator("#newa-hours_per_week").fill("3")
        form.get_by_role("button", name="Actie toevoegen").click()
        expect(page.locator("#action-list > li")).to_have_count(n)
        expect(page.locator("#action-list")).to_contain_text(text)
    assert serious(page) == [], shoot(page, "axe-meeting")
    page.locator("#meeting-held").click()
    expect(page.locator("#meeting-held")).to_have_count(0)
    # the plan shows who carries what: badges for Lina and the mother
    page.goto("/cases/tav-b/plan")
    _ready(page)
    expect(page.locator("#plan-picture .plan-badge")).to_have_count(2)
    # evaluations, twice
    for n, words in enumerate(["Het is rustiger", "De post is bij"], start=1):
        _open(page, "add-evaluation")
        form = page.locator("#form-add-evaluation")
        form.locator("#newe-help_question").select_option(f"hq{n}")
        form.locator("#newe-words").fill(words)
        form.locator("#newe-before").select_option("current")
        form.locator("#newe-after").select_option("current")
        form.get_by_role("button", name="Evaluatie toevoegen").click()
        expect(page.locator("#evaluation-list > li")).to_have_count(n)
    expect(page.get_by_role("link", name="Ervoor en erna vergelijken")).to_have_count(2)


def test_a_coach_trajectory_to_closing(tablet: Page) -> None:
    page = tablet
    _tavenier(page, "tav-c")
    page.goto("/cases/tav-c/plan")
    _ready(page)
    page.locator("#phasing-phasing").select_option("coach")
    page.get_by_role("button", name="Kiezen").click()
    expect(page.locator("ol.steps > li")).to_have_count(10)
    for step in (1, 2):
        page.locator(f'form[data-step="{step}"]').get_by_role(
            "button", name="Als gedaan markeren"
        ).click()
        expect(page.locator(f'li.step.done[data-step="{step}"]')).to_have_count(1)
    _open(page, "rec-closing")
    form = page.locator("#form-closing")
    form.locator("#closing-reason").select_option("goals_reached")
    form.locator("#closing-warning_signs").fill("Niet meer opnemen")
    form.locator('input[value="p2"]').check()
    form.get_by_role("button", name="Afsluiting opslaan").click()
    expect(page.locator("#rec-closing > summary")).to_contain_text("Afgesloten")
    page.locator("[data-plan-undo]").click()
    expect(page.locator("#rec-closing > summary")).to_contain_text("afsluiten")
