"""Adding a person in the interview is quick: a name, a circle and one kind of support take at
most 3 pointer actions besides typing the name, or at most 8 keys besides the name by keyboard
alone, and focus stays on the form for the next person (never back at the top of the page).
Every action below goes through a counter, and each way is done twice: the second person must
be as quick as the first (the form is reset, focus is back in the name field)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from playwright.sync_api import Locator, Page, expect

from .conftest import create_case_by_api, shoot

MAX_KEYS = 8
MAX_POINTER = 3


@dataclass
class Counted:
    """The user's actions, counted: pointer clicks and keys pressed (typing a name apart)."""

    page: Page
    clicks: int = 0
    keys: list[str] = field(default_factory=list)

    def click(self, target: Locator) -> None:
        self.clicks += 1
        target.click()

    def press(self, key: str) -> None:
        self.keys.append(key)
        self.page.keyboard.press(key)

    def type_name(self, name: str) -> None:
        self.page.keyboard.type(name)  # the name itself is not counted


def stored(page: Page, case_id: str) -> dict[str, Any]:
    answer = page.request.get(f"/api/cases/{case_id}")
    assert answer.ok, answer.text()
    data: dict[str, Any] = answer.json()
    return data


def person_and_tie(page: Page, case_id: str, name: str) -> tuple[dict[str, Any], dict[str, Any]]:
    doc = stored(page, case_id)
    person = next(p for p in doc["network"]["persons"] if p["name"] == name)
    tie = next(t for t in doc["network"]["ties"] if t["b"] == person["id"])
    return person, tie


def test_by_pointer_a_person_takes_three_actions(signed_in: Page) -> None:
    page = signed_in
    case_id = create_case_by_api(page, "snel-muis", "Pauline")
    page.goto(f"/cases/{case_id}/interview/names/friends")
    name = page.get_by_label("Naam", exact=True)
    for who, circle, letter, label in (
        ("Ria", "1 · intimiteit", "E", "E · emotionele steun"),
        ("Gerda", "3 · bekenden", "G", "G · gezelschap"),
    ):
        user = Counted(page)
        expect(name).to_be_focused()  # no click needed to start typing
        user.type_name(who)
        user.click(page.get_by_label(circle))
        user.click(page.get_by_label(label))
        user.click(page.get_by_role("button", name="Toevoegen"))
        expect(page.locator("#iv-people")).to_contain_text(who)
        assert user.clicks <= MAX_POINTER
        assert user.keys == []
        person, tie = person_and_tie(page, case_id, who)
        assert person["circle"] == {"1": "intimacy", "3": "acquaintance"}[circle[0]]
        assert tie["support"] == [letter]
        # the form is ready for the next person, with the name field focused
        expect(name).to_be_focused()
        expect(name).to_have_value("")
        expect(page.locator('input[name="support"]:checked')).to_have_count(0)
        expect(page.locator('input[name="circle"][value="2"]')).to_be_checked()
    assert len(stored(page, case_id)["network"]["persons"]) == 3


def test_by_keyboard_a_person_takes_at_most_eight_keys(signed_in: Page) -> None:
    page = signed_in
    case_id = create_case_by_api(page, "snel-toetsen", "Pauline")
    page.goto(f"/cases/{case_id}/interview/names/friends")
    name = page.get_by_label("Naam", exact=True)
    for who, circle, letter in (("Ria", "1", "E"), ("Gerda", "3", "G")):
        user = Counted(page)
        expect(name).to_be_focused()
        user.type_name(who)
        user.press("Tab")  # gender (not needed here)
        user.press("Tab")  # the circles, one stop
        user.press(circle)  # 1 to 4 choose
        user.press("Tab")  # the support boxes
        user.press(letter)  # P G A E W tick
        user.press("Enter")  # add
        expect(page.locator("#iv-people")).to_contain_text(who)
        assert len(user.keys) <= MAX_KEYS, user.keys
        assert user.clicks == 0
        person, tie = person_and_tie(page, case_id, who)
        assert person["circle"] == {"1": "intimacy", "3": "acquaintance"}[circle]
        assert tie["support"] == [letter]
        expect(name).to_be_focused()  # not back at the top: the next name can be typed
    # with a relation word, still within eight keys: "d" chooses dochter, which says female
    page.goto(f"/cases/{case_id}/interview/names/family")
    for who in ("Marja", "Lies"):
        user = Counted(page)
        expect(name).to_be_focused()
        user.type_name(who)
        user.press("Tab")  # relation
        user.press("d")  # dochter
        user.press("Tab")  # gender: the word said it
        user.press("Tab")  # circles
        user.press("1")
        user.press("Tab")  # support
        user.press("E")
        user.press("Enter")
        expect(page.locator("#iv-people")).to_contain_text(who)
        assert len(user.keys) <= MAX_KEYS, user.keys
        person, tie = person_and_tie(page, case_id, who)
        assert (person["role"], person["gender"], person["circle"]) == (
            "child",
            "female",
            "intimacy",
        )
        assert tie["support"] == ["E"]
        expect(name).to_be_focused()
    shoot(page, "interview-fast-keyboard")


def test_the_about_page_starts_at_the_persons_questions(signed_in: Page) -> None:
    page = signed_in
    case_id = create_case_by_api(page, "snel-over", "Pauline")
    page.goto(f"/cases/{case_id}/interview/names/friends")
    page.get_by_label("Naam", exact=True).fill("Ria")
    page.get_by_role("button", name="Toevoegen").click()
    for _ in range(2):
        page.get_by_role("link", name="Ria", exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Ria")
        expect(page.get_by_label("Wie is Ria voor u?")).to_be_focused()
        page.go_back()
