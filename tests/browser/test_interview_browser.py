"""The interview in Chromium: names added without a page reload, the map growing with them, the
interpreters and who-knows-whom saved at once, the same forms without JavaScript, and adding a
person by keyboard alone."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import Browser, Page, expect

from .conftest import LiveServer, create_case_by_api, log_in, shoot


def stored(page: Page, case_id: str) -> dict[str, Any]:
    answer = page.request.get(f"/api/cases/{case_id}")
    assert answer.ok, answer.text()
    data: dict[str, Any] = answer.json()
    return data


def add(page: Page, name: str, role: str | None = None) -> None:
    """Add one name on the current question and wait until it is in the list."""
    page.get_by_label("Naam", exact=True).fill(name)
    if role is not None:
        page.get_by_label("Relatie").select_option(label=role)
    page.get_by_role("button", name="Toevoegen").click()
    expect(page.locator("#iv-people li").filter(has_text=name).first).to_be_visible()


def test_names_are_added_without_reload_and_the_map_grows(signed_in: Page) -> None:
    page = signed_in
    create_case_by_api(page, "anna", "Anna")
    page.goto("/cases/anna/interview/names/household")
    expect(page.get_by_role("heading", level=1)).to_have_text("Huisgenoten")
    page.evaluate("window.notReloaded = true")
    add(page, "Bram", "partner")
    add(page, "Lieke", "kind")
    assert page.evaluate("window.notReloaded") is True
    expect(page.locator("#iv-count")).to_have_text("2")
    expect(page.get_by_role("status").first).to_contain_text("Toegevoegd: Lieke")
    # the map panel was redrawn with the new people
    figure = page.locator("#iv-map")
    expect(figure.locator("[data-person-id='p3']")).to_have_count(1)
    expect(page.get_by_label("Naam", exact=True)).to_be_focused()
    shoot(page, "interview-household")
    # a name added by mistake (without a reload) can be removed again
    add(page, "Per ongeluk")
    page.get_by_role("button", name="Verwijderen Per ongeluk").click()
    expect(page.locator("#iv-people li")).to_have_count(2)
    expect(page.locator("#iv-people")).not_to_contain_text("Per ongeluk")

    doc = stored(page, "anna")
    assert [(p["id"], p["name"], p.get("role")) for p in doc["network"]["persons"]] == [
        ("p1", "Anna", None),
        ("p2", "Bram", "partner"),
        ("p3", "Lieke", "child"),
    ]
    assert doc["network"]["household"] == ["p1", "p2", "p3"]

    # a name already given is said clearly and not added twice
    page.get_by_role("link", name="Verjaardagen").click()
    page.get_by_label("Naam", exact=True).fill("bram")
    page.get_by_role("button", name="Toevoegen").click()
    notice = page.locator("#iv-notice")
    expect(notice).to_contain_text("staat al in het netwerk")
    expect(page.get_by_label("Dit is iemand anders met dezelfde naam")).to_be_visible()
    assert len(stored(page, "anna")["network"]["persons"]) == 3


def test_interpreters_and_who_knows_whom_save_every_change(signed_in: Page) -> None:
    page = signed_in
    create_case_by_api(page, "bert", "Bert")
    page.goto("/cases/bert/interview/names/friends")
    add(page, "Carla")
    add(page, "Dirk")
    page.get_by_role("link", name="Carla").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Carla")
    page.get_by_label("1 · intimiteit").check()
    page.get_by_label("P · praktische steun").check()
    page.get_by_label("E · emotionele steun").check()
    page.get_by_role("group", name=re.compile("Geeft u Carla")).get_by_label(
        "ja", exact=True
    ).check()
    expect(page.get_by_role("status").first).to_have_text("Opgeslagen.")

    def carla_saved() -> bool:
        doc = stored(page, "bert")
        carla = doc["network"]["persons"][1]
        tie = next(t for t in doc["network"]["ties"] if t["b"] == "p2")
        return (
            carla.get("circle") == "intimacy"
            and sorted(tie.get("support", [])) == ["E", "P"]
            and tie.get("reciprocal") is True
        )

    page.wait_for_function("() => document.querySelector('#iv-live').textContent !== ''")
    _wait_until(page, carla_saved)
    page.get_by_role("button", name="Opslaan, volgende persoon").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dirk")
    page.get_by_role("button", name="Opslaan, dan: wie kent wie").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wie kent wie?")
    page.get_by_role("group", name="Wie kent Carla?").get_by_label("Dirk").check()
    _wait_until(
        page,
        lambda: (
            [(t["a"], t["b"]) for t in stored(page, "bert")["network"]["ties"]][-1] == ("p2", "p3")
        ),
    )
    shoot(page, "interview-knows")


def _wait_until(page: Page, check: Any, tries: int = 50) -> None:
    for _ in range(tries):
        if check():
            return
        page.wait_for_timeout(100)
    assert check()


def test_the_forms_work_without_javascript(browser: Browser, live_server: LiveServer) -> None:
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    try:
        page = context.new_page()
        log_in(page)
        create_case_by_api(page, "cor", "Cor")
        page.goto("/cases/cor/interview/names/neighbours")
        page.get_by_label("Naam", exact=True).fill("Jolanda")
        page.get_by_role("button", name="Toevoegen").click()
        expect(page).to_have_url(re.compile(r"/names/neighbours\?added=p2$"))
        expect(page.locator("#iv-people")).to_contain_text("Jolanda")
        expect(page.locator("#iv-map svg [data-person-id='p2']")).to_have_count(1)
        page.get_by_role("button", name="Toevoegen").click()  # empty name
        expect(page.locator("#iv-name-error")).to_have_text("vul een naam in")
        expect(page.get_by_label("Naam", exact=True)).to_have_attribute("aria-invalid", "true")
        assert len(stored(page, "cor")["network"]["persons"]) == 2
    finally:
        context.close()


def test_adding_a_person_by_keyboard_alone(signed_in: Page) -> None:
    page = signed_in
    create_case_by_api(page, "dana", "Dana")
    page.goto("/cases/dana/interview")
    page.evaluate("document.activeElement && document.activeElement.blur()")
    start = "Begin met de eerste vraag"
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == start:
            break
    else:
        raise AssertionError("the start link cannot be reached with Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Over u")
    page.goto("/cases/dana/interview/names/household")
    expect(page.get_by_role("heading", level=1)).to_have_text("Huisgenoten")
    name = page.get_by_label("Naam", exact=True)
    expect(name).to_be_focused()
    page.keyboard.type("Eva")
    page.keyboard.press("Tab")  # relation: partner (the first choice) stays
    page.keyboard.press("Tab")  # gender
    page.keyboard.press("Tab")  # the circles: the step's circle stays chosen
    expect(page.locator('input[name="circle"][value="1"]')).to_be_focused()
    page.keyboard.press("Enter")  # adds, as in the name field
    expect(page.locator("#iv-people")).to_contain_text("Eva")
    expect(name).to_be_focused()
    page.keyboard.type("Finn")
    page.keyboard.press("Enter")
    expect(page.locator("#iv-people")).to_contain_text("Finn")
    persons = stored(page, "dana")["network"]["persons"]
    assert [(p["name"], p.get("role")) for p in persons] == [
        ("Dana", None),
        ("Eva", "partner"),
        ("Finn", "partner"),
    ]
    shoot(page, "interview-keyboard")
