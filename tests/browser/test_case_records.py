"""Life events on the levenslijn tab and the instruments (questionnaires) on the case page
(issue 13 item 1): added, changed and removed through add_event / update_event / remove_event
and set_instrument / remove_instrument, with undo; each thing twice."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from .conftest import shoot
from .steps import add_event, answer, case_doc, save
from .test_case_fields import create_case

UNDO = re.compile("^(Ongedaan maken|Undo)$")


def test_life_events_on_the_levenslijn_tab(signed_in: Page) -> None:
    page = signed_in
    create_case(page, "levenslijn")
    page.goto("/cases/levenslijn?view=levenslijn")
    dialog = page.locator("#event-dialog")
    add_event(page, "Verhuisd", "2019", "-2", "Kim")
    add_event(page, "Getrouwd", "2001", "+3", "Piet")
    events = case_doc(page, "levenslijn")["network"]["events"]
    assert [(e["title"], e["year"], e["valence"], e["persons"]) for e in events] == [
        ("Verhuisd", 2019, -2, ["p1"]),
        ("Getrouwd", 2001, 3, ["p2"]),
    ]
    # the levenslijn draws them, oldest first in the list
    expect(page.locator(".event-list li").first).to_contain_text("Getrouwd")
    first = events[0]["id"]
    shoot(page, "case-life-events")

    # change one (twice), then remove it and undo that
    for valence in ("-3", "-1"):
        page.locator(f'[data-action="edit-event"][data-id="{first}"]').click()
        expect(dialog.get_by_label("Wat er gebeurde")).to_have_value("Verhuisd")
        dialog.locator(
            "label.toggle", has_text=re.compile(rf"^\s*{re.escape(valence)}\s*$")
        ).click()
        dialog.locator("summary", has_text="Gevoelig en notitie").click()
        dialog.get_by_label("Notitie").fill(f"valentie {valence}")
        save(dialog)
        e = case_doc(page, "levenslijn")["network"]["events"][0]
        assert (e["valence"], e["note"]) == (int(valence), f"valentie {valence}")
    page.locator(f'[data-action="remove-event"][data-id="{first}"]').click()
    expect(page.locator(f'[data-event-row="{first}"]')).to_have_count(0)
    assert [e["title"] for e in case_doc(page, "levenslijn")["network"]["events"]] == ["Getrouwd"]
    page.get_by_role("button", name=UNDO).click()
    expect(page.locator(f'[data-event-row="{first}"]')).to_have_count(1)
    assert len(case_doc(page, "levenslijn")["network"]["events"]) == 2


def test_instruments_filled_in_changed_and_removed(signed_in: Page) -> None:
    page = signed_in
    create_case(page, "vragenlijst")
    page.goto("/cases/vragenlijst?view=ecogram")
    dialog = page.locator("#instrument-dialog")
    # the perception question, then the short loneliness scale
    page.locator('[data-action="edit-instrument"][data-instrument="perception"][data-new]').click()
    expect(dialog).to_be_visible()
    answer(page, "perception", {1: "ik mis iets of het drukt op mij (belastend)"})
    save(dialog)
    page.locator('[data-action="edit-instrument"][data-instrument="djg6"][data-new]').click()
    answer(page, "djg6", {1: "ja", 2: "nee", 3: "min of meer", 4: "ja", 5: "nee", 6: "ja"})
    dialog.get_by_label("Datum").fill("2026-11-30")
    save(dialog)
    found = {r["instrument"]: r for r in case_doc(page, "vragenlijst")["instruments"]}
    assert found["perception"]["answers"] == {"1": 2}
    assert found["djg6"]["answers"] == {"1": 1, "2": 3, "3": 2, "4": 1, "5": 3, "6": 1}
    assert found["djg6"]["taken_on"] == "2026-11-30"
    expect(page.locator('[data-instrument-row="djg6"]')).to_contain_text(
        "6 van 6 vragen beantwoord"
    )

    # change the answers (the dialog shows what was saved), leaving one open
    page.locator('[data-instrument-row="djg6"] [data-action="edit-instrument"]').click()
    expect(dialog.locator('input[name="djg6-2"][value="3"]')).to_be_checked()
    answer(page, "djg6", {2: "min of meer", 5: "geen antwoord"})
    save(dialog)
    found = {r["instrument"]: r for r in case_doc(page, "vragenlijst")["instruments"]}
    assert found["djg6"]["answers"]["2"] == 2 and found["djg6"]["answers"].get("5") is None
    expect(page.locator('[data-instrument-row="djg6"]')).to_contain_text(
        "5 van 6 vragen beantwoord"
    )

    # the carer-burden scale answered by Piet (respondent), twice: the second replaces the first
    for yes in (3, 8):
        page.locator('[data-action="edit-instrument"][data-instrument="csi"][data-new]').click()
        dialog.get_by_label("Wie antwoordde").select_option("p2")
        answer(page, "csi", {n: ("ja" if n <= yes else "nee") for n in range(1, 14)})
        save(dialog)
        csi = [r for r in case_doc(page, "vragenlijst")["instruments"] if r["instrument"] == "csi"]
        assert len(csi) == 1 and csi[0]["respondent"] == "p2"
        assert sum(v for v in csi[0]["answers"].values() if v) == yes
    expect(page.locator('[data-instrument-row="csi:p2"]')).to_contain_text("beantwoord door Piet")
    shoot(page, "case-instruments")

    page.locator('[data-instrument-row="perception"] [data-action="remove-instrument"]').click()
    expect(page.locator('[data-instrument-row="perception"]')).to_have_count(0)
    codes = sorted(r["instrument"] for r in case_doc(page, "vragenlijst")["instruments"])
    assert codes == ["csi", "djg6"]
    page.get_by_role("button", name=UNDO).click()
    expect(page.locator('[data-instrument-row="perception"]')).to_have_count(1)
