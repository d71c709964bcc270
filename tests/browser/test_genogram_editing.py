"""Building a genogram on the case page, in Chromium against the real server: two persons
connected on the genogram tab become partners, a third their child; a click on a line changes a
relation; undo takes the child away again. And the person dialog's domain checkboxes."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import Page, expect

from .conftest import shoot

FAMILY = re.compile("^(Familierelatie|Family relation)$")
CHANGE_FAMILY = re.compile("^(Familierelatie wijzigen|Change a family relation)$")
SAVE = re.compile("^(Opslaan|Save)$")

# The screen point part of the way along the first path of an SVG group (a line of the genogram).
POINT_ON_LINE = """([selector, part]) => {
  const path = document.querySelector(selector).querySelector('path');
  const at = path.getPointAtLength(path.getTotalLength() * part);
  const svg = path.ownerSVGElement, p = svg.createSVGPoint();
  p.x = at.x; p.y = at.y;
  const q = p.matrixTransform(path.getScreenCTM());
  return {x: q.x, y: q.y};
}"""


def create_family(page: Page, case_id: str) -> None:
    """Kim (the client), Piet and Sanne, and a domain; no family relations yet."""
    token = page.request.get("/api/session").json()["csrf_token"]
    answer = page.request.post(
        "/api/cases",
        data={
            "format": "zorgkracht/1",
            "id": case_id,
            "title": "Netwerk van Kim",
            "client": "p1",
            "network": {
                "persons": [
                    {"id": "p1", "name": "Kim", "gender": "female", "birth_year": 1980},
                    {"id": "p2", "name": "Piet", "gender": "male", "role": "partner"},
                    {"id": "p3", "name": "Sanne", "gender": "female", "role": "child"},
                ],
                "household": ["p1", "p2", "p3"],
                "domains": [{"id": "d1", "name": "Voetbalclub", "kind": "club"}],
            },
        },
        headers={"X-CSRF-Token": token},
    )
    assert answer.status == 201, answer.text()


def network(page: Page, case_id: str) -> dict[str, Any]:
    answer = page.request.get(f"/api/cases/{case_id}")
    assert answer.ok, answer.text()
    net: dict[str, Any] = answer.json()["network"]
    return net


def connect(page: Page, a: str, b: str) -> None:
    """Click one person on the picture, then the other (the connect flow)."""
    page.locator(f"#picture svg [data-person-id='{a}']").click()
    expect(page.locator("#edit-status")).to_contain_text(re.compile("Geselecteerd|Selected"))
    page.locator(f"#picture svg [data-person-id='{b}']").click()


def click_line(page: Page, selector: str, part: float = 0.5) -> None:
    point = page.evaluate(POINT_ON_LINE, [f"#picture svg {selector}", part])
    page.mouse.click(point["x"], point["y"])


def test_partners_and_a_child_on_the_genogram_and_undo(signed_in: Page) -> None:
    page = signed_in
    create_family(page, "gezin")
    page.goto("/cases/gezin?view=genogram")
    picture = page.locator("#picture svg")
    expect(picture.locator("[data-person-id]")).to_have_count(3)
    expect(picture.locator("[data-couple-id]")).to_have_count(0)

    # Kim and Piet: partners since 2005
    connect(page, "p1", "p2")
    dialog = page.get_by_role("dialog", name=FAMILY)
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("Kim – Piet")
    partners = dialog.get_by_role("radio", name=re.compile("^(Partners)$"))
    expect(partners).to_be_checked()
    expect(partners).to_be_focused()
    dialog.get_by_label(re.compile("^(Soort relatie|Kind of relationship)$")).select_option(
        "married"
    )
    dialog.get_by_label(re.compile("^(Sinds|Since)")).fill("2005")
    dialog.get_by_role("button", name=SAVE).click()
    expect(dialog).to_be_hidden()
    expect(picture.locator("[data-couple-id='c1']")).to_have_count(1)
    assert network(page, "gezin")["couples"] == [
        {"id": "c1", "a": "p1", "b": "p2", "type": "married", "start_year": 2005}
    ]
    shoot(page, "genogram-01-partners")

    # Sanne: their child (Kim chosen first is the parent; Piet, her partner, the second parent)
    connect(page, "p1", "p3")
    expect(dialog).to_be_visible()
    dialog.get_by_role("radio", name=re.compile("^(Ouder en kind|Parent and child)$")).check()
    parent = dialog.get_by_role(
        "radio", name=re.compile("^Kim (is ouder van|is a parent of) Sanne$")
    )
    expect(parent).to_be_checked()
    second = dialog.get_by_label(re.compile("^(Tweede ouder|Second parent)"))
    expect(second).to_be_visible()
    expect(second).to_have_value("p2")
    dialog.get_by_label(re.compile("^(Soort kind|Kind of child)$")).select_option("biological")
    dialog.get_by_role("button", name=SAVE).click()
    expect(dialog).to_be_hidden()
    # the couple line and Sanne's line down from it, in the family group of the couple
    expect(picture.locator("[data-couple-id='c1']")).to_have_count(1)
    family = picture.locator("[data-family='c:c1']")
    expect(family).to_have_count(1)
    expect(family.locator("path:not(.zk-hit-line)")).to_have_count(3)  # stem, bar, Sanne's line
    children = network(page, "gezin")["children"]
    assert [(c["child"], c["parents"], c["type"]) for c in children] == [
        ("p3", ["p1", "p2"], "biological")
    ]
    shoot(page, "genogram-02-child")

    # a click on the couple line (away from the middle, where the children's line starts)
    # opens it for change: now divorced
    click_line(page, "[data-couple-id='c1']", 0.3)
    change = page.get_by_role("dialog", name=CHANGE_FAMILY)
    expect(change).to_be_visible()
    expect(
        change.get_by_role("button", name=re.compile("Relatie verwijderen|Remove relation"))
    ).to_be_visible()
    change.get_by_label(re.compile("^(Soort relatie|Kind of relationship)$")).select_option(
        "divorced"
    )
    change.get_by_label(re.compile("^(Tot|Until)")).fill("2020")
    change.get_by_role("button", name=SAVE).click()
    expect(change).to_be_hidden()
    expect(picture.locator("[data-couple-id='c1'][data-couple='divorced']")).to_have_count(1)
    couple = network(page, "gezin")["couples"][0]
    assert (couple["type"], couple["start_year"], couple.get("end_year")) == (
        "divorced",
        2005,
        2020,
    )

    # a click on the child's line opens the child relation; cancel leaves it as it is
    click_line(page, "[data-family='c:c1']")
    expect(change).to_be_visible()
    expect(change).to_contain_text(re.compile("Sanne, (kind van|child of) Kim (en|and) Piet"))
    change.get_by_role("button", name=re.compile("^(Annuleren|Cancel)$")).click()
    expect(change).to_be_hidden()

    # undo twice: first the change of the couple, then the child
    undo = page.get_by_role("button", name=re.compile("^(Ongedaan maken|Undo)$"))
    undo.click()
    expect(picture.locator("[data-couple-id='c1'][data-couple='married']")).to_have_count(1)
    undo.click()
    expect(picture.locator("[data-family]")).to_have_count(0)
    expect(picture.locator("[data-couple-id='c1']")).to_have_count(1)
    net = network(page, "gezin")
    assert net["children"] == []
    assert [c["id"] for c in net["couples"]] == ["c1"]
    shoot(page, "genogram-03-undone")


def test_emotional_relation_by_keyboard_and_the_domains_of_a_person(signed_in: Page) -> None:
    page = signed_in
    create_family(page, "gezin2")
    page.goto("/cases/gezin2?view=genogram")
    people = page.locator("#fragment-people")
    # the person list connects by keyboard too: select Sanne, then Kim
    people.get_by_role(
        "button", name=re.compile("^(Kiezen om te verbinden|Select to connect) Sanne$")
    ).press("Enter")
    people.get_by_role(
        "button", name=re.compile("^(Kiezen om te verbinden|Select to connect) Kim$")
    ).press("Enter")
    dialog = page.get_by_role("dialog", name=FAMILY)
    expect(dialog).to_be_visible()
    page.keyboard.press("ArrowRight")  # partners → parent and child
    page.keyboard.press("ArrowRight")  # → emotional relation
    kind = dialog.get_by_label(
        re.compile("^(Soort emotionele relatie|Kind of emotional relation)$")
    )
    expect(kind).to_be_visible()
    kind.select_option("care")
    direction = dialog.get_by_label(re.compile("^(Richting|Direction)"))
    expect(direction).to_be_visible()
    direction.select_option(label="Kim → Sanne")
    dialog.get_by_role("button", name=SAVE).click()
    expect(dialog).to_be_hidden()
    expect(page.locator("#picture svg [data-emotion-id='e1']")).to_have_count(1)
    emotions = network(page, "gezin2")["emotions"]
    assert [(e["a"], e["b"], e["type"]) for e in emotions] == [("p1", "p3", "care")]
    # the list of family relations changes and removes it
    people.locator("[data-emotion-row='e1']").get_by_role("button").click()
    change = page.get_by_role("dialog", name=CHANGE_FAMILY)
    expect(change).to_be_visible()
    change.get_by_role("button", name=re.compile("Relatie verwijderen|Remove relation")).click()
    expect(change).to_be_hidden()
    expect(page.locator("#picture svg [data-emotion-id]")).to_have_count(0)
    assert network(page, "gezin2")["emotions"] == []

    # changing Piet shows his domains as checkboxes; ticking one makes him a member
    people.get_by_role("button", name=re.compile("(Wijzigen|Change) Piet$")).click()
    person = page.get_by_role("dialog", name=re.compile("(Persoon wijzigen|Change a person)"))
    expect(person).to_be_visible()
    club = person.get_by_role("checkbox", name="Voetbalclub")
    expect(club).not_to_be_checked()
    club.check()
    person.get_by_role("button", name=SAVE).click()
    expect(person).to_be_hidden()
    assert network(page, "gezin2")["domains"][0]["members"] == ["p2"]
    people.get_by_role("button", name=re.compile("(Wijzigen|Change) Piet$")).click()
    expect(club).to_be_checked()
    club.uncheck()
    person.get_by_role("button", name=SAVE).click()
    expect(person).to_be_hidden()
    assert network(page, "gezin2")["domains"][0]["members"] == []
    shoot(page, "genogram-04-domains")
