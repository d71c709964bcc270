"""An action's list of persons is drawn with only those chosen and filled with everyone when
its form is opened (web/templates/_plan_macros.html, plan.js fillLazy): the page stays small
for a plan of many actions in a large network, and changing who takes part still works, by the
list and by picking on the map. Each change is made twice."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page, expect

from .conftest import post_case
from .test_plan_browser import _open, _ready, _saved, _tavenier


def tavenier_with_one_action(page: Page, case_id: str, person: dict[str, Any]) -> None:
    """The Tavenier case made through the app as ``case_id``, stored again as ``case_id``2
    with one help question and one action in which ``person`` takes part."""
    _tavenier(page, case_id)
    data: dict[str, Any] = page.request.get(f"/api/cases/{case_id}").json()
    data["id"] = f"{case_id}2"
    data["format"] = "zorgkracht/2"
    data["process"] = {
        "help_questions": [{"id": "hq1", "text": "Rust in huis"}],
        "actions": [
            {
                "id": "ac1",
                "help_question": "hq1",
                "description": "Boodschappen",
                "persons": [person],
            }
        ],
    }
    post_case(page, data)


def _stored_persons(page: Page, case_id: str, action: str) -> list[str]:
    data: dict[str, Any] = page.request.get(f"/api/cases/{case_id}").json()
    found = next(a for a in data["process"]["actions"] if a["id"] == action)
    return [p["person"] for p in found["persons"]]


def test_the_persons_of_an_action_are_filled_when_opened_and_changed_twice(
    signed_in: Page,
) -> None:
    page = signed_in
    tavenier_with_one_action(page, "tav-lazy", {"person": "p2"})
    page.goto("/cases/tav-lazy2/plan")
    _ready(page)
    rows = page.locator("#a-ac1 [data-person-row]")
    expect(rows).to_have_count(1)  # only Lina, who is chosen, before the form is opened
    _open(page, "a-ac1")
    expect(rows).to_have_count(4)  # Lina, Broer, Moeder, Michel: everyone but the client
    expect(page.locator("#a-ac1 [data-person-row]").first).to_have_attribute("data-person", "p2")
    # by the list: Moeder does it too, with 3 hours a week. Only the action, the map and the
    # plan load are fetched again (plan/actions/ac1), not the whole page: #plan-main stays
    page.evaluate("document.getElementById('plan-main').dataset.kept = 'yes'")
    page.locator("#a-ac1-ap-3").check()
    page.locator("#a-ac1-ap-3-hours").fill("3")
    page.locator("#a-ac1 form").get_by_role("button", name="Opslaan").click()
    _saved(page)
    assert _stored_persons(page, "tav-lazy2", "ac1") == ["p2", "p4"]
    expect(page.locator("#plan-main")).to_have_attribute("data-kept", "yes")
    expect(page.locator("#plan-load")).to_contain_text("Moeder")
    # her badge on the map: one action, 3 hours a week
    badge = page.locator('#plan-picture .plan-badges [data-plan-person="p4"]')
    expect(badge).to_have_attribute("data-hours", "3")
    expect(badge).to_have_attribute("data-actions", "1")
    expect(page.locator("#action-item-ac1 summary")).to_contain_text("Moeder")
    # the page was loaded again with the form open: filled again, Moeder still checked
    expect(rows).to_have_count(4)
    expect(page.locator("#a-ac1-ap-3")).to_be_checked()
    # by the map: pick Michel into the list, save again
    page.locator("#a-ac1 [data-pick]").click()
    page.locator('#plan-picture [data-person-id="p5"]').first.click()
    expect(page.locator("#a-ac1-ap-4")).to_be_checked()
    page.locator("#a-ac1 form").get_by_role("button", name="Opslaan").click()
    _saved(page)
    assert _stored_persons(page, "tav-lazy2", "ac1") == ["p2", "p4", "p5"]
    # whom a help question concerns: the same, for the lists of the questions
    choices = page.locator("#q-hq1 [data-person-row]")
    expect(choices).to_have_count(0)
    _open(page, "q-hq1")
    expect(choices).to_have_count(5)  # every person, the client too
    for pid, box in (("p4", "#q-hq1-persons-4"), ("p2", "#q-hq1-persons-2")):
        page.locator(box).check()
        page.locator("#q-hq1 form").get_by_role("button", name="Opslaan").click()
        _saved(page)
        data = page.request.get("/api/cases/tav-lazy2").json()
        assert pid in data["process"]["help_questions"][0]["persons"]
    assert data["process"]["help_questions"][0]["persons"] == ["p2", "p4"]
