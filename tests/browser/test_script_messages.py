"""The case page script speaks the page's language, in Dutch and in English: its texts come from
the Babel catalogues through ``<script id="zk-messages">`` (``static/messages.js``), and a refusal
of the server is shown in the page's language (``inLanguage``)."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Dialog, Page, expect

from .conftest import create_case_by_api
from .test_genogram_editing import create_family

TEXTS = {
    "nl": {
        "selected": "Geselecteerd: Piet. Kies een tweede persoon voor een familierelatie.",
        "connect": "Kies de eerste persoon, dan de tweede.",
        "nobody": "Niemand geselecteerd.",
        "parent": "Piet is ouder van Sanne",
        "confirm": "Sanne verwijderen, met alle banden? (Ongedaan maken kan.)",
        "saved": "Opgeslagen.",
        "undone": "Ongedaan gemaakt.",
        "redone": "Opnieuw gedaan.",
        "conflict": "Iemand anders heeft deze casus intussen opgeslagen. Laad de pagina opnieuw.",
        "not saved": "Niet opgeslagen: ",
    },
    "en": {
        "selected": "Selected: Piet. Choose a second person for a family relation.",
        "connect": "Choose the first person, then the second.",
        "nobody": "Nobody selected.",
        "parent": "Piet is a parent of Sanne",
        "confirm": "Remove Sanne with all their ties? (You can undo this.)",
        "saved": "Saved.",
        "undone": "Undone.",
        "redone": "Redone.",
        "conflict": "Someone else saved this case in the meantime. Reload the page.",
        "not saved": "Not saved: ",
    },
}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_case_script_speaks_the_page_language(signed_in: Page, lang: str) -> None:
    page = signed_in
    said = TEXTS[lang]
    case_id = f"talen-{lang}"
    create_family(page, case_id)
    page.goto(f"/cases/{case_id}?view=genogram&lang={lang}")
    status = page.locator("#edit-status")
    embedded: dict[str, Any] = page.evaluate(
        "() => JSON.parse(document.getElementById('zk-messages').textContent)"
    )
    assert embedded["lang"] == lang

    page.locator("#picture svg [data-person-id='p2']").click()
    expect(status).to_have_text(said["selected"])
    page.locator("#picture svg [data-person-id='p3']").click()
    dialog = page.locator("#family-dialog")
    expect(dialog.locator('[data-parent-label="a"]')).to_have_text(said["parent"])
    dialog.locator("[data-close]").first.click()

    connect = page.locator('[data-action="connect"]')
    connect.click()
    expect(status).to_have_text(said["connect"])
    connect.click()
    expect(status).to_have_text(said["nobody"])

    asked: list[str] = []

    def answer(d: Dialog) -> None:
        asked.append(d.message)
        d.accept()

    page.on("dialog", answer)
    page.locator('[data-action="remove-person"][data-id="p3"]').click()
    expect(status).to_have_text(said["saved"])
    assert asked == [said["confirm"]]
    expect(page.locator("#picture svg [data-person-id='p3']")).to_have_count(0)

    page.locator('[data-action="undo"]').click()
    expect(status).to_have_text(said["undone"])
    page.locator('[data-action="redo"]').click()
    expect(status).to_have_text(said["redone"])

    # someone else saves in the meantime: the page's version is stale
    token = page.request.get("/api/session").json()["csrf_token"]
    version = page.evaluate("() => document.getElementById('case-app').dataset.version")
    other = page.request.post(
        f"/api/cases/{case_id}/edits",
        data={"op": "update_person", "id": "p2", "changes": {"role": "parent"}},
        headers={"X-CSRF-Token": token, "If-Match": f'"{version}"'},
    )
    assert other.ok, other.text()
    page.locator('[data-action="remove-person"][data-id="p2"]').click()
    expect(status).to_have_text(said["conflict"])


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_refusal_is_shown_in_the_page_language(signed_in: Page, lang: str) -> None:
    page = signed_in
    case_id = f"weigering-{lang}"
    create_family(page, case_id)
    page.goto(f"/cases/{case_id}?view=genogram&lang={lang}")
    # the answer the server gives, in both languages
    token = page.request.get("/api/session").json()["csrf_token"]
    version = page.evaluate("() => document.getElementById('case-app').dataset.version")
    refused = page.request.post(
        f"/api/cases/{case_id}/edits",
        data={"op": "update_person", "id": "p2", "changes": {"name": ""}},
        headers={"X-CSRF-Token": token, "If-Match": f'"{version}"'},
    )
    assert refused.status == 422, refused.text()
    error = refused.json()["error"]
    problems = "".join(f" {p['where']}: {p[lang]}" for p in error["problems"])
    expected = TEXTS[lang]["not saved"] + error["message"][lang] + problems
    assert error["message"]["nl"] != error["message"]["en"]

    page.locator('[data-action="edit-person"][data-id="p2"]').click()
    dialog = page.locator("#person-dialog")
    dialog.locator('input[name="name"]').fill("   ")
    dialog.locator('button[type="submit"]').first.click()
    expect(page.locator("#edit-status")).to_have_text(expected)
    # and next to the field in the dialog
    field_error = dialog.locator('[data-error-for="name"]')
    expect(field_error).to_have_text(error["problems"][0][lang])


@pytest.mark.parametrize(
    ("lang", "added", "exists"),
    [
        ("nl", "Toegevoegd: Bram", "staat al in het netwerk"),
        ("en", "Added: Bram", "is already in the network"),
    ],
)
def test_the_interview_script_speaks_the_page_language(
    signed_in: Page, lang: str, added: str, exists: str
) -> None:
    page = signed_in
    case_id = create_case_by_api(page, f"gesprek-{lang}", "Anna")
    page.goto(f"/cases/{case_id}/interview/names/household?lang={lang}")
    name = page.locator('form[data-iv="names"] input[name="name"]')
    submit = page.locator('form[data-iv="names"] button[type="submit"]').first
    name.fill("Bram")
    submit.click()
    expect(page.locator("#iv-notice")).to_have_text(added)
    expect(page.locator("#iv-live")).to_have_text(added)
    name.fill("bram")
    submit.click()
    expect(page.locator("#iv-notice")).to_contain_text(exists)
