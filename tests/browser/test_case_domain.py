"""A life domain's kind and note, changed on the case page through ``update_domain`` (issue 13
item 1): the dialog shows what was saved, the case file holds the change, undo puts the old
values back; done twice."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from .steps import save
from .test_case_fields import create_case, network

UNDO = re.compile("^(Ongedaan maken|Undo)$")
NAME = re.compile("^Naam van het leefgebied")


def domain_fields(page: Page, case_id: str) -> tuple[str, str, str, list[str]]:
    (d,) = network(page, case_id)["domains"]
    return (d["name"], d.get("kind", "other"), d.get("note", ""), d.get("members", []))


def test_kind_and_note_of_a_life_domain_are_changed_and_undone(signed_in: Page) -> None:
    page = signed_in
    create_case(page, "domeinsoort")
    page.goto("/cases/domeinsoort?view=ecogram")
    dialog = page.locator("#domain-dialog")
    page.get_by_role("button", name="Leefgebied (domein) toevoegen").click()
    dialog.get_by_label(NAME).fill("Koor")
    dialog.get_by_label("Soort").select_option("club")
    dialog.get_by_role("checkbox", name="Piet").check()
    save(dialog)
    assert domain_fields(page, "domeinsoort") == ("Koor", "club", "", ["p2"])
    did = network(page, "domeinsoort")["domains"][0]["id"]
    # twice: change kind and note, check the case file, undo, check the old values are back
    for kind, note in (("church", "Zingt elke zondag."), ("leisure", "Alleen in de zomer.")):
        page.locator(f'[data-action="edit-domain"][data-id="{did}"]').click()
        expect(dialog).to_be_visible()
        expect(dialog.get_by_label("Soort")).to_have_value("club")
        expect(dialog.get_by_label("Notitie")).to_have_value("")
        dialog.get_by_label("Soort").select_option(kind)
        dialog.get_by_label("Notitie").fill(note)
        save(dialog)
        expect(page.locator("#edit-status")).to_have_text(re.compile("Opgeslagen|Saved"))
        assert domain_fields(page, "domeinsoort") == ("Koor", kind, note, ["p2"])
        # the dialog shows what was saved
        page.locator(f'[data-action="edit-domain"][data-id="{did}"]').click()
        expect(dialog.get_by_label("Soort")).to_have_value(kind)
        expect(dialog.get_by_label("Notitie")).to_have_value(note)
        dialog.get_by_role("button", name=re.compile("^(Annuleren|Cancel)$")).click()
        expect(dialog).to_be_hidden()
        page.get_by_role("button", name=UNDO).click()
        expect(page.locator("#edit-status")).to_have_text(re.compile("Ongedaan|Undone"))
        assert domain_fields(page, "domeinsoort") == ("Koor", "club", "", ["p2"])
