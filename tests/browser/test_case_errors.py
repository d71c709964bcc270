"""Failed saves on the case page (issue 13 item 6): a refused save shows its message next to the
control that caused it (the server's problems name the field, e.g. ``changes/strength``) or next
to the form's buttons (someone else saved first: 409), and the user's input stays. And any number
of snapshots can be taken. Each thing twice."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from playwright.sync_api import Page, Route, expect

from .conftest import shoot
from .steps import open_section, save, take_snapshot
from .test_case_fields import create_case, person

SAVE = re.compile("^(Opslaan|Save)$")
NEXT_SHOWN = """e => {
  let next = e.nextElementSibling;
  while (next && next.hidden) next = next.nextElementSibling;
  return next && next.className;
}"""
STALE = re.compile("Iemand anders heeft deze casus intussen opgeslagen")


def change_behind_the_page(page: Page, case_id: str, name: str) -> None:
    """Another request saves the case first, so the page's version is stale."""
    token = page.request.get("/api/session").json()["csrf_token"]
    version = page.request.get(f"/api/cases/{case_id}").headers["etag"]
    done = page.request.post(
        f"/api/cases/{case_id}/edits",
        data={"op": "update_person", "id": "p1", "changes": {"name": name}},
        headers={"X-CSRF-Token": token, "If-Match": version},
    )
    assert done.ok, done.text()


def test_someone_else_saved_first_the_message_is_next_to_the_buttons(signed_in: Page) -> None:
    page = signed_in
    create_case(page, "conflict")
    page.goto("/cases/conflict?view=ecogram")
    dialog = page.locator("#person-dialog")
    page.locator('[data-action="edit-person"][data-id="p2"]').click()
    change_behind_the_page(page, "conflict", "Kim B.")
    name = dialog.get_by_label(re.compile("^Naam"))
    name.fill("Pieter")
    for _ in range(2):  # saving again is refused again, and says so again
        dialog.get_by_role("button", name=SAVE).click()
        slot = dialog.locator('[data-error-for=""]')
        expect(slot).to_be_visible()
        expect(slot).to_have_text(STALE)
        # right above the buttons, and the dialog keeps what was typed
        assert slot.evaluate(NEXT_SHOWN) == "dialog-buttons"
        expect(dialog).to_be_visible()
        expect(name).to_have_value("Pieter")
    assert person(page, "conflict", "p2")["name"] == "Piet"
    shoot(page, "case-save-conflict")
    # after reloading the page, the same change is saved
    page.reload()
    page.locator('[data-action="edit-person"][data-id="p2"]').click()
    dialog.get_by_label(re.compile("^Naam")).fill("Pieter")
    save(dialog)
    assert person(page, "conflict", "p2")["name"] == "Pieter"


def refuse(field: str) -> Callable[[Route], None]:
    body = {
        "error": {
            "code": "invalid",
            "message": {"nl": "1 fout gevonden, niets opgeslagen", "en": "1 error, nothing saved"},
            "problems": [
                {
                    "where": f"changes/{field}",
                    "code": "range",
                    "nl": f"{field} klopt niet",
                    "en": f"{field} is wrong",
                }
            ],
        }
    }

    def handle(route: Route) -> None:
        route.fulfill(status=422, content_type="application/json", body=json.dumps(body))

    return handle


def test_a_refused_field_is_named_next_to_its_control(signed_in: Page) -> None:
    page = signed_in
    create_case(page, "weigering")
    page.goto("/cases/weigering?view=ecogram")
    dialog = page.locator("#tie-dialog")
    page.locator('[data-action="edit-tie"][data-id="t2"]').click()
    dialog.get_by_text("heel belangrijk", exact=True).click()
    page.route("**/api/cases/weigering/edits*", refuse("strength"))
    dialog.get_by_role("button", name=SAVE).click()
    strength = dialog.locator("fieldset", has=page.locator('input[name="strength"]'))
    error = strength.locator(".error")
    expect(error).to_have_text("strength klopt niet")
    expect(strength).to_have_attribute("aria-invalid", "true")
    expect(dialog.locator('input[name="strength"][value="3"]')).to_be_checked()

    # the second time a field in a closed section: it opens, the message is next to the field
    page.unroute("**/api/cases/weigering/edits*")
    page.route("**/api/cases/weigering/edits*", refuse("care_hours_per_week"))
    open_section(dialog, "Zorg in deze relatie")
    dialog.locator("#td-care-hours").fill("7")
    dialog.locator("summary", has_text="Zorg in deze relatie").click()  # close it again
    dialog.get_by_role("button", name=SAVE).click()
    field = dialog.locator(".field", has=page.locator("#td-care-hours"))
    expect(field.locator(".error")).to_have_text("care_hours_per_week klopt niet")
    expect(dialog.locator("#td-care-hours")).to_be_visible()
    expect(dialog.locator("#td-care-hours")).to_have_value("7")
    expect(dialog.locator("#td-care-hours")).to_be_focused()
    expect(strength.locator(".error")).to_have_count(0)  # the earlier message is gone
    shoot(page, "case-save-refused")

    # without the interception the server saves it, and the messages are gone
    page.unroute("**/api/cases/weigering/edits*")
    save(dialog)
    page.locator('[data-action="edit-tie"][data-id="t2"]').click()
    expect(dialog.locator(".error:visible")).to_have_count(0)


def test_the_server_names_a_bad_field_next_to_it(signed_in: Page) -> None:
    page = signed_in
    create_case(page, "slechtjaar")
    page.goto("/cases/slechtjaar?view=ecogram")
    dialog = page.locator("#person-dialog")
    page.locator('[data-action="edit-person"][data-id="p2"]').click()
    open_section(dialog, "Meer over deze persoon")
    for bad in ("negentig", "1960.5"):
        dialog.get_by_label("Geboortejaar", exact=True).fill(bad)
        dialog.get_by_role("button", name=SAVE).click()
        field = dialog.locator(".field", has=page.locator("#pd-birth-year"))
        expect(field.locator(".error")).to_have_text(re.compile("geheel getal"))
        expect(dialog.get_by_label("Geboortejaar", exact=True)).to_have_value(bad)
    assert "birth_year" not in person(page, "slechtjaar", "p2")


def test_a_refused_removal_is_named_next_to_its_button(signed_in: Page) -> None:
    page = signed_in
    create_case(page, "wegdoen")
    page.goto("/cases/wegdoen?view=ecogram")
    page.on("dialog", lambda d: d.accept())
    change_behind_the_page(page, "wegdoen", "Kim C.")
    button = page.locator('[data-action="remove-person"][data-id="p2"]')
    for _ in range(2):
        button.click()
        message = page.locator('[data-person-row="p2"] [data-error-near]')
        expect(message).to_have_count(1)
        expect(message).to_have_text(STALE)
        assert button.evaluate("b => b.nextElementSibling.hasAttribute('data-error-near')")
    assert person(page, "wegdoen", "p2")["name"] == "Piet"


def test_three_snapshots_can_be_taken(signed_in: Page) -> None:
    page = signed_in
    create_case(page, "drie")
    page.goto("/cases/drie?view=ecogram")
    for n in range(1, 4):
        take_snapshot(page, f"Moment {n}", n)
    ids = page.locator("tr[data-snapshot-id]").evaluate_all(
        "rows => rows.map(r => r.dataset.snapshotId)"
    )
    assert ids == ["s1", "s2", "s3"]
    snapshots = page.request.get("/api/cases/drie").json()["snapshots"]
    assert [s["label"] for s in snapshots] == ["Moment 1", "Moment 2", "Moment 3"]
