"""Steps the browser tests share: the interview's pages (a case made through the new-case form,
the client's questions, naming people step by step), the case page's dialogs (open a section,
save, add a person by pointer, by touch or by keyboard, a life event, an instrument's answers),
snapshots, and reading the stored case back through ``GET /api/cases/{id}``."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from typing import Any

from playwright.sync_api import Locator, Page, expect

SAVE = re.compile("^(Opslaan|Save)$")
ADD = re.compile("^(Persoon toevoegen|Add a person)$")
NAME = re.compile("^(Naam|Name)")

# (interview step, name, relation shown, circle, support letters, organisation, couple type)
Named = tuple[str, str, str | None, int, str, bool, str | None]


# --- the stored case ---------------------------------------------------------------------------


def case_doc(page: Page, case_id: str) -> dict[str, Any]:
    """The case file as ``GET /api/cases/{id}`` gives it to the signed-in session."""
    answer = page.request.get(f"/api/cases/{case_id}")
    assert answer.ok, answer.text()
    data: dict[str, Any] = answer.json()
    return data


def person_named(doc: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = next(p for p in doc["network"]["persons"] if p["name"] == name)
    return found


def wait_until(check: Callable[[], Any], tries: int = 80) -> None:
    """Poll ``check`` (a save that the page sends without reloading) for up to 8 seconds."""
    for _ in range(tries):
        if check():
            return
        time.sleep(0.1)
    assert check()


# --- the interview -----------------------------------------------------------------------------


def new_case_by_form(page: Page, title: str, client: str) -> str:
    """Make a case through the new-case form on the case list; its id."""
    page.goto("/")
    page.get_by_label("Titel van de casus").fill(title)
    page.get_by_label("Naam van de cliënt").fill(client)
    page.get_by_role("button", name="Casus aanmaken").click()
    page.wait_for_url(re.compile(r"/cases/[^/?]+(\?.*)?$"))
    return page.url.split("/cases/")[1].split("?")[0]


def interview_client(page: Page, case_id: str, gender: str, birth_year: int) -> None:
    """The interview's first page (about the client): gender label and birth year."""
    page.goto(f"/cases/{case_id}/interview")
    page.get_by_role("link", name="Begin met de eerste vraag").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Over u")
    page.get_by_label(gender, exact=True).check()
    page.get_by_label("In welk jaar bent u geboren?").fill(str(birth_year))
    page.get_by_role("button", name="Bewaren, dan: Huisgenoten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Huisgenoten")


def add_named(page: Page, entry: Named) -> None:
    """Name one person on the current name-generator page; the list shows them and the name
    field is empty and focused again."""
    _step, name, relation, circle, letters, organisation, couple = entry
    count = page.locator("#iv-people li").count()
    page.get_by_label("Naam", exact=True).fill(name)
    if relation is not None:
        page.get_by_label("Relatie").select_option(label=relation)
    if couple is not None:
        page.get_by_label("Getrouwd of samen?").select_option(label=couple)
    page.locator(f'input[name="circle"][value="{circle}"]').check()
    for letter in letters:
        page.locator(f'input[name="support"][value="{letter}"]').check()
    if organisation:
        page.get_by_label("Dit is een organisatie, niet één persoon").check()
    page.get_by_role("button", name="Toevoegen").click()
    expect(page.locator("#iv-people li")).to_have_count(count + 1)
    expect(page.locator("#iv-people li").last).to_contain_text(name)
    expect(page.get_by_label("Naam", exact=True)).to_be_focused()
    expect(page.get_by_label("Naam", exact=True)).to_have_value("")


def name_people(
    page: Page,
    case_id: str,
    people: Sequence[Named],
    after: Callable[[Named], None] | None = None,
) -> None:
    """Every entry named on its interview step, in order (``after`` runs after each)."""
    step = ""
    for entry in people:
        if entry[0] != step:
            step = entry[0]
            page.goto(f"/cases/{case_id}/interview/names/{step}")
        add_named(page, entry)
        if after is not None:
            after(entry)


def answer_more_about(page: Page, case_id: str, name: str) -> str:
    """The optional questions about ``name`` on their interview page, each saved at once: the
    contact kept as it is, giving and costing energy, not to be asked, cared for. Their id."""
    pid: str = person_named(case_doc(page, case_id), name)["id"]
    page.goto(f"/cases/{case_id}/interview/about/{pid}")
    expect(page.get_by_label(f"Wie is {name} voor u?")).to_be_focused()
    page.get_by_text(f"Meer over {name} (mag u overslaan)").click()
    answers = (
        (f"Wilt u meer of minder contact met {name}?", "zo houden"),
        (
            f"Geeft het contact met {name} u energie, of kost het u energie?",
            "geeft en kost energie",
        ),
        (f"Mag {name} om hulp gevraagd of uitgenodigd worden?", "nee"),
    )
    for group, choice in answers:
        page.get_by_role("group", name=group).get_by_label(choice, exact=True).check()
        expect(page.get_by_role("status").first).to_have_text("Opgeslagen.")
    page.get_by_label(f"{name} krijgt zorg").check()
    wait_until(lambda: person_named(case_doc(page, case_id), name).get("receives_care") is True)
    return pid


# --- the case page's dialogs -------------------------------------------------------------------


def open_section(dialog: Locator, name: str) -> None:
    summary = dialog.locator("summary", has_text=re.compile(name))
    if summary.locator("xpath=..").get_attribute("open") is None:
        summary.click()


def save(dialog: Locator) -> None:
    dialog.get_by_role("button", name=SAVE).click()
    expect(dialog).to_be_hidden()


def focused_person(page: Page) -> str | None:
    """The id of the person whose row holds the focus."""
    found: str | None = page.evaluate(
        "document.activeElement.closest('[data-person-row]')?.dataset.personRow"
    )
    return found


def add_by_pointer(page: Page, name: str, support: str, circle: str, touch: bool = False) -> int:
    """Add a person with a name, one support letter and a circle (the label of its save
    button, e.g. ``2 vriendschap``) by pointer, or by finger (``touch``: taps in a context
    with touch); the number of pointer actions, typing the name not counted."""
    dialog = page.locator("#person-dialog")
    actions = 0

    def act(target: Locator) -> None:
        nonlocal actions
        actions += 1
        if touch:
            target.tap()
        else:
            target.click()

    act(page.get_by_role("button", name=ADD))
    expect(dialog).to_be_visible()
    expect(dialog.get_by_label(NAME)).to_be_focused()
    page.keyboard.type(name)
    act(dialog.locator(f'label.toggle:has(input[name="support"][value="{support}"])'))
    act(dialog.get_by_role("button", name=circle))
    expect(dialog).to_be_hidden()
    return actions


def add_by_keys(page: Page, name: str, support: str, digit: str) -> int:
    """Add a person by keyboard alone: Alt+N, the name, Tab, a support letter, a circle digit.
    The number of keys pressed (Alt+N counts as two), typing the name not counted."""
    dialog = page.locator("#person-dialog")
    keys = 0

    def press(key: str) -> None:
        nonlocal keys
        page.keyboard.press(key)
        keys += len(key.split("+"))

    press("Alt+N")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_label(NAME)).to_be_focused()
    page.keyboard.type(name)
    press("Tab")
    press(support)
    press(digit)
    expect(dialog).to_be_hidden()
    return keys


def add_event(page: Page, title: str, year: str, valence: str, who: str) -> None:
    """A life event through the levenslijn tab's dialog; the list shows it."""
    dialog = page.locator("#event-dialog")
    page.get_by_role("button", name="Gebeurtenis toevoegen").click()
    expect(dialog).to_be_visible()
    expect(dialog.get_by_label("Wat er gebeurde")).to_be_focused()
    page.keyboard.type(title)
    dialog.get_by_label("Jaar", exact=True).fill(year)
    dialog.locator("label.toggle", has_text=re.compile(rf"^\s*{re.escape(valence)}\s*$")).click()
    dialog.get_by_role("checkbox", name=who).check()
    save(dialog)
    expect(page.locator(".event-list")).to_contain_text(title)


def answer(page: Page, code: str, choices: dict[int, str]) -> None:
    """Click answers (item number: label) in the open instrument dialog."""
    section = page.locator(f'#instrument-dialog [data-instrument="{code}"]')
    for item, label in choices.items():
        section.locator(f'fieldset[data-field="answers.{item}"]').locator(
            "label.toggle", has_text=re.compile(rf"^\s*{re.escape(label)}\s*$")
        ).click()


def take_snapshot(page: Page, label: str, count: int) -> None:
    """Take a snapshot through the form; the page then lists ``count`` snapshots and says so."""
    page.get_by_label("Naam van de momentopname").fill(label)
    page.get_by_role("button", name="Momentopname maken").click()
    expect(page.locator(".snapshots [role=status]")).to_contain_text(label)
    expect(page.locator("tr[data-snapshot-id]")).to_have_count(count)
