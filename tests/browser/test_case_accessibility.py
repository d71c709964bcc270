"""axe-core on the case page with each of its dialogs open (every "more" section open too) and
on the levenslijn tab with its life events: no serious or critical violation (issue 13 item 7).
Each dialog is opened twice: the second time after a save, when the page's parts were redrawn."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from .steps import save
from .test_accessibility import serious
from .test_case_fast import case_with_everything

OPENERS = (
    ("#person-dialog", '[data-action="edit-person"][data-id="p2"]'),
    ("#person-dialog", '[data-action="add-person"]'),
    ("#tie-dialog", '[data-action="edit-tie"][data-id="t2"]'),
    ("#domain-dialog", '[data-action="add-domain"]'),
    ("#instrument-dialog", '[data-action="edit-instrument"][data-instrument="djg11"][data-new]'),
    ("#instrument-dialog", '[data-action="edit-instrument"][data-instrument="csi"][data-new]'),
    ("#event-dialog", '[data-action="add-event"]'),
    ("#event-dialog", '[data-action="edit-event"][data-id="e1"]'),
)


def test_the_case_page_with_every_dialog_open(signed_in: Page) -> None:
    page = signed_in
    case_with_everything(page, "axe-dialogen")
    page.goto("/cases/axe-dialogen?view=levenslijn")
    expect(page.locator(".event-list")).to_contain_text("Verhuisd")
    assert serious(page) == []
    for round_ in range(2):
        for dialog_id, opener in OPENERS:
            page.locator(opener).click()
            dialog = page.locator(dialog_id)
            expect(dialog).to_be_visible()
            dialog.locator("details").evaluate_all("ds => ds.forEach(d => d.open = true)")
            if dialog_id == "#person-dialog" and "edit" in opener:
                dialog.locator("[data-add-condition]").click()
            assert serious(page) == [], (round_, opener)
            page.keyboard.press("Escape")
            expect(dialog).to_be_hidden()
        # a save redraws the page's parts; the second round checks them again
        page.locator('[data-action="edit-event"][data-id="e1"]').click()
        page.locator("#event-dialog").get_by_label("Jaar", exact=True).fill(str(2018 + round_))
        save(page.locator("#event-dialog"))
