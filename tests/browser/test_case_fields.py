"""Every field of a person and a tie, entered and changed on the case page (issue 13 item 1):
the "more" sections of the person dialog (years, conditions, the state of the relation,
sensitive, note) and of the relation dialog (care hours, months, tasks, the client's own care),
each saved through ``update_person`` / ``update_tie`` and read back from the case file; each
edit is done twice."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import Page, expect

from .conftest import post_case, shoot
from .steps import open_section, save


def create_case(page: Page, case_id: str) -> None:
    """Kim (the client) and Piet, with a relation t2 between them."""
    post_case(
        page,
        {
            "format": "zorgkracht/1",
            "id": case_id,
            "title": "Netwerk van Kim",
            "client": "p1",
            "network": {
                "persons": [
                    {"id": "p1", "name": "Kim", "gender": "female"},
                    {"id": "p2", "name": "Piet", "gender": "male", "role": "partner"},
                ],
                "household": ["p1"],
                "ties": [{"id": "t2", "a": "p1", "b": "p2", "support": ["E"]}],
            },
        },
    )


def network(page: Page, case_id: str) -> dict[str, Any]:
    answer = page.request.get(f"/api/cases/{case_id}")
    assert answer.ok, answer.text()
    net: dict[str, Any] = answer.json()["network"]
    return net


def person(page: Page, case_id: str, pid: str) -> dict[str, Any]:
    found: dict[str, Any] = next(p for p in network(page, case_id)["persons"] if p["id"] == pid)
    return found


def tie(page: Page, case_id: str, tid: str) -> dict[str, Any]:
    found: dict[str, Any] = next(t for t in network(page, case_id)["ties"] if t["id"] == tid)
    return found


def test_every_field_of_a_person_on_the_case_page(signed_in: Page) -> None:
    page = signed_in
    create_case(page, "velden")
    page.goto("/cases/velden?view=ecogram")
    page.locator('[data-action="edit-person"][data-id="p2"]').click()
    dialog = page.locator("#person-dialog")
    expect(dialog).to_be_visible()
    open_section(dialog, "Meer over deze persoon")
    dialog.get_by_label("Geboortejaar", exact=True).fill("1950")
    dialog.get_by_label("Jaar van overlijden").fill("2020")
    dialog.get_by_label("Overleden", exact=True).check()
    dialog.get_by_label("Een organisatie").check()
    dialog.get_by_label("Opleidingsniveau").select_option("middle")
    dialog.get_by_role("checkbox", name="lesbisch").check()
    dialog.get_by_role("button", name="Ziekte of middelengebruik toevoegen").click()
    dialog.locator("[data-condition] select[data-name=kind]").select_option("mental_illness")
    dialog.locator("[data-condition] select[data-name=state]").select_option("in_recovery")
    open_section(dialog, "De relatie met de cliënt")
    dialog.get_by_label("Stand van de relatie").select_option("faded")
    dialog.get_by_label("Netwerkzone").select_option("nominal")
    dialog.get_by_label("Hoeveel deze persoon").select_option("4")
    dialog.get_by_label("Wens van de cliënt").select_option("less")
    dialog.get_by_label("Energie").select_option("costs")
    dialog.get_by_label("Mag gevraagd").select_option("false")
    dialog.get_by_label("Krijgt zelf zorg").check()
    dialog.get_by_label("Heeft zelf steun nodig").check()
    open_section(dialog, "Gevoelig en notitie")
    dialog.get_by_label("Gevoelig: weglaten").check()
    dialog.get_by_label("Notitie").fill("Belt elke zondag.")
    shoot(page, "case-person-every-field")
    save(dialog)
    p = person(page, "velden", "p2")
    assert (p["birth_year"], p["death_year"], p["deceased"]) == (1950, 2020, True)
    assert p["education"] == "middle" and p["identities"] == ["lesbian"]
    assert p["conditions"] == [{"kind": "mental_illness", "state": "in_recovery"}]
    assert (p["status"], p["network_zone"], p["weight"]) == ("faded", "nominal", 4)
    assert (p["sensitive"], p["note"]) == (True, "Belt elke zondag.")
    assert (p["wish"], p["energy"], p["may_ask"]) == ("less", "costs", False)
    assert (p["receives_care"], p["own_needs"], p["organisation"]) == (True, True, True)
    expect(page.locator('[data-person-row="p2"] .tag')).to_have_text("gevoelig")

    # the second time: the dialog shows what was saved; change a few, remove the condition
    page.locator('[data-action="edit-person"][data-id="p2"]').click()
    expect(dialog).to_be_visible()
    open_section(dialog, "Meer over deze persoon")
    expect(dialog.get_by_label("Geboortejaar", exact=True)).to_have_value("1950")
    expect(dialog.locator("[data-condition] select[data-name=state]")).to_have_value("in_recovery")
    dialog.get_by_role("button", name="Verwijderen").click()
    dialog.get_by_label("Jaar van overlijden").fill("")
    open_section(dialog, "De relatie met de cliënt")
    expect(dialog.get_by_label("Stand van de relatie")).to_have_value("faded")
    dialog.get_by_label("Stand van de relatie").select_option("disturbed")
    expect(dialog.get_by_label("Wens van de cliënt")).to_have_value("less")
    dialog.get_by_label("Wens van de cliënt").select_option("more")
    dialog.get_by_label("Mag gevraagd").select_option("true")
    save(dialog)
    p = person(page, "velden", "p2")
    assert (p.get("conditions", []), p.get("death_year"), p["status"]) == ([], None, "disturbed")
    assert p["birth_year"] == 1950 and p["note"] == "Belt elke zondag."
    assert (p["wish"], p["may_ask"], p["energy"]) == ("more", True, "costs")
    # undo puts the first save's values back
    page.get_by_role("button", name=re.compile("^(Ongedaan maken|Undo)$")).click()
    expect(page.locator("#edit-status")).to_have_text(re.compile("Ongedaan|Undone"))
    p = person(page, "velden", "p2")
    assert (p["death_year"], p["status"], p["wish"]) == (2020, "faded", "less")
    assert p["conditions"] == [{"kind": "mental_illness", "state": "in_recovery"}]


def test_every_field_of_a_relation_on_the_case_page(signed_in: Page) -> None:
    page = signed_in
    create_case(page, "zorgvelden")
    page.goto("/cases/zorgvelden?view=ecogram")
    dialog = page.locator("#tie-dialog")
    rounds = (
        (6.5, 12, None, 3, "heel belangrijk", ["household"], 4),
        (2, None, "2024-02-01", 1, "minder belangrijk", ["household", "transport"], None),
    )
    for hours, months, since, strength, label, tasks, client_hours in rounds:
        page.locator('[data-action="edit-tie"][data-id="t2"]').click()
        expect(dialog).to_be_visible()
        dialog.get_by_text(label, exact=True).click()
        dialog.get_by_text("gespannen (stippellijn)").click()
        dialog.get_by_label("Richting van de relatie").select_option("both")
        open_section(dialog, "Zorg in deze relatie")
        dialog.locator("#td-care-hours").fill(str(hours).replace(".", ","))
        dialog.locator("#td-care-months").fill(str(months or ""))
        dialog.locator("#td-care-since").fill(since or "")
        for task in tasks:
            dialog.locator(f'input[name="care_tasks"][value="{task}"]').check()
        dialog.locator("#td-client-care-hours").fill(str(client_hours or ""))
        dialog.get_by_role("checkbox", name="administratie").last.set_checked(
            client_hours is not None
        )
        open_section(dialog, "Gevoelig en notitie")
        dialog.get_by_label("Gevoelig: weglaten").set_checked(strength == 3)
        dialog.get_by_label("Notitie").fill(f"{months} maanden")
        save(dialog)
        t = tie(page, "zorgvelden", "t2")
        assert (t["strength"], t["quality"], t["direction"]) == (strength, "tense", "both")
        assert (t["care_hours_per_week"], t.get("care_months")) == (hours, months)
        assert (t.get("care_since"), t.get("sensitive", False), t["note"]) == (
            since,
            strength == 3,
            f"{months} maanden",
        )
        assert t["care_tasks"] == tasks
        assert t.get("client_care_hours_per_week") == client_hours
        assert t.get("client_care_tasks", []) == (["administration"] if client_hours else [])
        row = page.locator('[data-tie-row="t2"]')
        expect(row).to_contain_text(label)
        expect(row).to_contain_text("gespannen")


def test_a_life_domain_with_its_members(signed_in: Page) -> None:
    page = signed_in
    create_case(page, "leefgebied")
    page.goto("/cases/leefgebied?view=ecogram")
    dialog = page.locator("#domain-dialog")
    page.get_by_role("button", name="Leefgebied (domein) toevoegen").click()
    dialog.get_by_label(re.compile("^Naam van het leefgebied")).fill("Koor")
    dialog.get_by_role("checkbox", name="Piet").check()
    save(dialog)
    domains = network(page, "leefgebied")["domains"]
    assert [(d["name"], d["members"]) for d in domains] == [("Koor", ["p2"])]
    did = domains[0]["id"]
    # change it twice: Piet leaves and the name changes, then Piet comes back
    for name, member, members in (("Kerkkoor", False, []), ("Kerkkoor", True, ["p2"])):
        page.locator(f'[data-action="edit-domain"][data-id="{did}"]').click()
        expect(dialog.get_by_role("checkbox", name="Piet")).to_be_checked(checked=not member)
        dialog.get_by_label(re.compile("^Naam van het leefgebied")).fill(name)
        dialog.get_by_role("checkbox", name="Piet").set_checked(member)
        save(dialog)
        d = network(page, "leefgebied")["domains"][0]
        assert (d["name"], d.get("members", [])) == (name, members)
