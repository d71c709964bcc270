"""Adding a person by keyboard alone (Tab, Enter and Space; no mouse) on the case page, where
the drawing tools live. The interview's own keyboard test is in ``test_interview_browser.py``."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from .conftest import create_case_by_api, shoot

ADD = re.compile("^(Persoon toevoegen|Add a person)$")


def tab_to(page: Page, name: re.Pattern[str], limit: int = 80) -> None:
    """Press Tab until the focused element's accessible text matches ``name``."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        text = page.evaluate("document.activeElement.textContent.trim()")
        if name.search(text):
            return
    raise AssertionError(f"{name.pattern} cannot be reached with Tab")


def test_adding_a_person_on_the_case_page_by_keyboard(signed_in: Page) -> None:
    page = signed_in
    create_case_by_api(page, "toetsen", "Tessa")
    page.goto("/cases/toetsen?view=netwerkschema")
    tab_to(page, ADD)
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_label(re.compile("^(Naam|Name)"))).to_be_focused()
    page.keyboard.type("Wim")
    page.keyboard.press("Enter")
    expect(dialog).to_be_hidden()
    expect(page.locator("#picture svg [data-person-id='p2']")).to_have_count(1)
    persons = page.request.get("/api/cases/toetsen").json()["network"]["persons"]
    assert [p["name"] for p in persons] == ["Tessa", "Wim"]
    shoot(page, "keyboard-case-page")
