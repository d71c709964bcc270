"""Fast by hand and by keyboard on the case page (issue 13 item 7): a person with a name, a
circle and one support type in at most 3 pointer actions plus the name, or at most 8 keys plus
the name; the focus then goes to the new person. Every button and field is a touch target of at
least 44 by 44 px, also in every dialog; dragging works with a finger (touch events). Each thing
is done twice."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import Browser, Page, expect

from .conftest import LiveServer, create_case_by_api, post_case, shoot
from .steps import ADD, add_by_keys, add_by_pointer, focused_person

MIN = 44


def persons(page: Page, case_id: str) -> dict[str, dict[str, Any]]:
    net = page.request.get(f"/api/cases/{case_id}").json()["network"]
    return {
        p["name"]: p | {"ties": [t for t in net["ties"] if p["id"] in (t["a"], t["b"])]}
        for p in net["persons"]
    }


def test_adding_a_person_takes_three_pointer_actions(signed_in: Page) -> None:
    page = signed_in
    create_case_by_api(page, "snel-hand", "Tessa")
    page.goto("/cases/snel-hand?view=ecogram")
    for name, support, circle, code in (
        ("Wim", "E", "2 vriendschap", "friendship"),
        ("Ans", "G", "3 bekenden", "acquaintance"),
    ):
        assert add_by_pointer(page, name, support, circle) <= 3
        if name == "Wim":
            shoot(page, "case-add-person")
        p = persons(page, "snel-hand")[name]
        assert p["circle"] == code
        assert [t["support"] for t in p["ties"]] == [[support]]
        # the focus is on the new person, to go on with their other fields
        assert focused_person(page) == p["id"]
    shoot(page, "case-fast-by-hand")


def test_adding_a_person_takes_at_most_eight_keys(signed_in: Page) -> None:
    page = signed_in
    create_case_by_api(page, "snel-toetsen", "Tessa")
    page.goto("/cases/snel-toetsen?view=netwerkschema")
    dialog = page.locator("#person-dialog")
    for name, support, digit, code in (
        ("Wim", "e", "2", "friendship"),
        ("Ans", "p", "4", "services"),
    ):
        keys = add_by_keys(page, name, support, digit)
        assert keys <= 8, keys
        p = persons(page, "snel-toetsen")[name]
        assert p["circle"] == code
        assert [t["support"] for t in p["ties"]] == [[support.upper()]]
        assert focused_person(page) == p["id"]
        # Enter on the focused "Change" button opens the new person's fields
        page.keyboard.press("Enter")
        expect(dialog).to_be_visible()
        expect(dialog.get_by_label(re.compile("^(Naam|Name)"))).to_have_value(name)
        page.keyboard.press("Escape")
        expect(dialog).to_be_hidden()


SMALL_TARGETS = """() => {
  const small = [];
  let measured = 0;
  const seen = new Set();
  const all = 'button, input, select, textarea, summary, a.button, [role=tab]';
  document.querySelectorAll(all).forEach(el => {
    if (el.type === 'hidden') return;
    const box_ = el.type === 'checkbox' || el.type === 'radio';
    const target = box_ ? (el.closest('label') || el) : el;
    if (seen.has(target)) return;
    seen.add(target);
    const box = target.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) return;  // not shown
    if (getComputedStyle(target).visibility === 'hidden') return;
    if (target.closest('.visually-hidden')) return;
    measured += 1;
    const what = target.name || target.id || target.textContent.trim().slice(0, 30);
    const size = `${Math.round(box.width)}x${Math.round(box.height)}`;
    if (box.width < 44 || box.height < 44) small.push(`${target.tagName} ${what}: ${size}`);
  });
  return {small, measured};
}"""


def small_targets(page: Page, at_least: int) -> list[str]:
    """The buttons and fields on screen smaller than 44 by 44 px (at least ``at_least`` are
    measured, so that the check cannot pass by measuring nothing)."""
    found: dict[str, Any] = page.evaluate(SMALL_TARGETS)
    assert found["measured"] >= at_least, found
    small: list[str] = found["small"]
    return small


def case_with_everything(page: Page, case_id: str) -> None:
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
                    {"id": "p2", "name": "Piet", "role": "partner", "circle": "intimacy"},
                    {"id": "p3", "name": "Jolanda", "role": "neighbour", "circle": "acquaintance"},
                ],
                "household": ["p1"],
                "ties": [
                    {"id": "t2", "a": "p1", "b": "p2", "support": ["E"]},
                    {"id": "t3", "a": "p1", "b": "p3", "support": ["P"]},
                ],
                "domains": [
                    {"id": "d1", "name": "Buurt", "kind": "neighbourhood", "members": ["p3"]}
                ],
                "events": [
                    {
                        "id": "e1",
                        "year": 2019,
                        "title": "Verhuisd",
                        "valence": -1,
                        "persons": ["p1"],
                    }
                ],
            },
        },
    )


def test_every_button_and_field_is_a_touch_target_of_44_px(signed_in: Page) -> None:
    page = signed_in
    case_with_everything(page, "doelen")
    for view in ("ecogram", "levenslijn"):
        page.goto(f"/cases/doelen?view={view}")
        expect(page.locator("#picture svg")).to_be_visible()
        assert small_targets(page, 20) == [], view
    page.locator('[data-action="edit-person"][data-id="p2"]').click()
    page.locator("#person-dialog details").evaluate_all("ds => ds.forEach(d => d.open = true)")
    page.locator("#person-dialog [data-add-condition]").click()
    assert small_targets(page, 30) == []
    page.keyboard.press("Escape")
    page.locator('[data-action="edit-tie"][data-id="t2"]').click()
    page.locator("#tie-dialog details").evaluate_all("ds => ds.forEach(d => d.open = true)")
    assert small_targets(page, 30) == []
    page.keyboard.press("Escape")
    page.locator('[data-action="edit-event"][data-id="e1"]').click()
    page.locator("#event-dialog details").evaluate_all("ds => ds.forEach(d => d.open = true)")
    assert small_targets(page, 30) == []
    page.keyboard.press("Escape")
    page.locator('[data-action="edit-instrument"][data-instrument="djg11"][data-new]').click()
    assert small_targets(page, 30) == []
    page.keyboard.press("Escape")
    page.get_by_role("button", name=ADD).click()
    assert small_targets(page, 30) == []


RING_POINT = """([pid, circle]) => {
  const svg = document.querySelector('#picture svg');
  const schema = svg.querySelector('[data-center]');
  const c = schema.getAttribute('data-center').split(/[ ,]+/).map(Number);
  const ring = schema.querySelector(`[data-circle="${circle}"][data-r-outer]`);
  const inner = Number(ring.getAttribute('data-r-inner'));
  const r = (inner + Number(ring.getAttribute('data-r-outer'))) / 2;
  const hit = svg.querySelector(`[data-person-id="${pid}"] .zk-hit`);
  const from = hit.getBoundingClientRect();
  const start = {x: from.x + from.width / 2, y: from.y + from.height / 2};
  const m = svg.getScreenCTM();
  const inv = m.inverse();
  const p = svg.createSVGPoint(); p.x = start.x; p.y = start.y;
  const q = p.matrixTransform(inv);
  const angle = Math.atan2(q.y - c[1], q.x - c[0]);
  const t = svg.createSVGPoint();
  t.x = c[0] + r * Math.cos(angle);
  t.y = c[1] + r * Math.sin(angle);
  const to = t.matrixTransform(m);
  return {start, to: {x: to.x, y: to.y}};
}"""


def test_dragging_a_person_with_a_finger(
    browser: Browser, live_server: LiveServer, signed_in_state: Any
) -> None:
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": 1024, "height": 1400},
        has_touch=True,
        locale="nl-NL",
        storage_state=signed_in_state,
    )
    try:
        page = context.new_page()
        case_with_everything(page, "vinger")
        page.goto("/cases/vinger?view=netwerkschema")
        expect(page.locator("#picture svg [data-person-id='p2'] .zk-hit")).to_have_count(1)
        cdp = context.new_cdp_session(page)
        for circle in ("services", "friendship"):
            page.locator("#picture").evaluate("e => e.scrollIntoView()")
            points = page.evaluate(RING_POINT, ["p2", circle])
            start, to = points["start"], points["to"]
            cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [start]})
            for i in range(1, 11):
                x = start["x"] + (to["x"] - start["x"]) * i / 10
                y = start["y"] + (to["y"] - start["y"]) * i / 10
                cdp.send(
                    "Input.dispatchTouchEvent",
                    {"type": "touchMove", "touchPoints": [{"x": x, "y": y}]},
                )
            cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
            expect(page.locator("#edit-status")).to_have_text(re.compile("Opgeslagen|Saved"))
            net = page.request.get("/api/cases/vinger").json()["network"]
            assert next(p for p in net["persons"] if p["id"] == "p2")["circle"] == circle
            page.locator("#picture svg [data-person-id='p2'] .zk-hit").wait_for()
    finally:
        context.close()
