"""A person dragged on the picture: the answer carries only the parts of the picture that changed
and the page puts them in; what is on screen is then the picture drawn afresh. Each view is
dragged in twice, there and back (a selection left from the first drag once turned the second
into the browser's own text drag)."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from devtools.generators import network_case
from zorgkracht.interchange.case_json import case_to_dict

from .conftest import post_case

# what a picture shows of each person and tie: enough to tell a picture from another. Given an
# SVG text, the picture the server drew (parsed here); else the one on the page.
_SHOWN = """(text) => {
  let svg = document.querySelector("#picture svg");
  if (text) {
    const box = document.createElement("div");
    box.innerHTML = text;
    svg = box.querySelector("svg");
  }
  const out = {};
  svg.querySelectorAll(":scope > g > [data-person-id], :scope > g > [data-tie-id]")
    .forEach((g) => {
      const key = g.getAttribute("data-person-id") || g.getAttribute("data-tie-id");
      const lines = [...g.querySelectorAll("path")].map((p) => p.getAttribute("d"));
      out[key] = [g.getAttribute("data-bbox"), lines.join(" ")];
    });
  return out;
}"""


def _on_page(page: Page) -> dict[str, list[Any]]:
    shown: dict[str, list[Any]] = page.evaluate(_SHOWN, None)
    return shown


def _fresh(page: Page, case_id: str, view: str) -> dict[str, list[Any]]:
    """:data:`_SHOWN` of the picture the server draws of the case now."""
    text = page.request.get(f"/cases/{case_id}/picture/{view}.svg").text()
    shown: dict[str, list[Any]] = page.evaluate(_SHOWN, text[text.index("<svg") :])
    return shown


def _drag(page: Page, person: str, dx: float) -> dict[str, Any]:
    target = page.locator(f'#picture [data-person-id="{person}"]').first
    target.scroll_into_view_if_needed()
    box = target.bounding_box()
    assert box
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    with page.expect_response(re.compile(r"/edits\?")) as answer:
        page.mouse.move(x, y)
        page.mouse.down()
        for step in range(1, 5):
            page.mouse.move(x + dx * step / 4, y)
        page.mouse.up()
    expect(page.locator("#edit-status")).to_have_text(re.compile("Opgeslagen|Saved"))
    body: dict[str, Any] = json.loads(answer.value.text())
    return body | {"url": answer.value.url}


@pytest.mark.parametrize("view", ["ecogram", "netwerkschema", "genogram"])
def test_a_drag_puts_only_the_changed_parts_in_and_shows_the_picture_drawn_afresh(
    signed_in: Page, view: str
) -> None:
    page = signed_in
    case = case_to_dict(network_case(30))
    case_id = case["id"] = f"patch-{view}"
    post_case(page, case)
    page.goto(f"/cases/{case_id}?view={view}")
    page.wait_for_function("() => document.documentElement.dataset.ready")
    # someone in the middle of the picture (moving the leftmost person of a genogram moves its
    # left edge, and with it every part: then the whole picture is sent, and rightly so)
    person = page.evaluate(
        """() => {
          const all = [...document.querySelectorAll("#picture svg > g > [data-person-id]")]
            .filter((g) => g.dataset.personId !== "c")
            .map((g) => [Number(g.dataset.bbox.split(" ")[0]), g.dataset.personId])
            .sort((a, b) => a[0] - b[0]);
          return all[Math.floor(all.length / 2)][1];
        }"""
    )
    page.evaluate("() => { document.querySelector('#picture svg').zkKept = true; }")
    for number, dx in enumerate((30, -30), start=1):
        answer = _drag(page, person, dx)
        assert f"drawn={number}" in answer["url"]
        # the answer brought the parts that changed, the person's among them, and no table
        assert answer["svg"] is None, "the whole picture was sent"
        assert f'data-person-id="{person}"' in answer["patch"]
        assert len(answer["patch"]) < 30
        assert "table" not in answer["fragments"]
        # the picture element was kept (patched, not swapped), and shows what a fresh drawing
        # of the case now shows, the moved person's hit area included
        assert page.evaluate("() => document.querySelector('#picture svg').zkKept === true")
        assert _on_page(page) == _fresh(page, case_id, view)
        expect(page.locator(f'#picture [data-person-id="{person}"] .zk-hit')).to_have_count(1)
        expect(page.locator(f'#picture [data-person-id="{person}"][transform]')).to_have_count(0)
    # a change to the network comes as a patch too, and undo takes it back the same way
    page.keyboard.press("Control+z")
    expect(page.locator("#edit-status")).to_have_text(re.compile("Ongedaan|Undone"))
    assert _on_page(page) == _fresh(page, case_id, view)


_TEXT = """() => ["people", "table", "analysis", "system"].map((name) => {
  const box = document.getElementById("fragment-" + name);
  if (!box) return null;
  const copy = box.cloneNode(true);
  copy.querySelectorAll("script").forEach((s) => s.remove());
  return copy.textContent.replace(/\\s+/g, " ").trim();
}).concat([JSON.parse(document.getElementById("case-data").textContent)])"""


def test_a_tie_changed_in_its_dialog_patches_the_rows_of_the_lists_that_changed(
    signed_in: Page,
) -> None:
    page = signed_in
    case = case_to_dict(network_case(30))
    case_id = case["id"] = "patch-tie"
    post_case(page, case)
    tie = next(t for t in case["network"]["ties"] if t["a"] != "c")
    page.goto(f"/cases/{case_id}?view=ecogram")
    page.wait_for_function("() => document.documentElement.dataset.ready")
    page.evaluate("() => { window.zkKept = true; }")
    previous = tie.get("strength", 2)
    for number, strength in enumerate((3, 1, 2), start=1):
        # by keyboard from the person list: the tie's "Change relation" button
        button = page.locator(f'[data-action="edit-tie"][data-id="{tie["id"]}"]')
        button.scroll_into_view_if_needed()
        button.click()
        dialog = page.locator("#tie-dialog")
        expect(dialog).to_be_visible()
        checked = dialog.locator('input[name="strength"]:checked')
        expect(checked).to_have_value(str(previous))  # read from the patched case data
        dialog.locator(f'input[name="strength"][value="{strength}"]').check(force=True)
        with page.expect_response(re.compile(r"/edits\?")) as answered:
            dialog.locator("[data-save]").click()
        expect(dialog).to_be_hidden()
        expect(page.locator("#edit-status")).to_have_text(re.compile("Opgeslagen|Saved"))
        body = json.loads(answered.value.text())
        if number > 1:  # the first edit's fragments were not drawn by an edit before
            assert body["svg"] is None
            people = body["fragment_patches"]["people"]
            assert f'data-person-row="{tie["a"]}"' in people
            changes = body["data_changes"]["case-data"]["entries"]["ties"]
            assert changes[tie["id"]]["strength"] == strength
            assert "people" not in body["fragments"]
        # what the page shows is what a page loaded now shows, and the dialog reads the
        # new strength from the case data that came with the patch
        shown = page.evaluate(_TEXT)
        fresh = page.context.new_page()
        fresh.goto(f"/cases/{case_id}?view=ecogram")
        fresh.wait_for_function("() => document.documentElement.dataset.ready")
        assert shown == fresh.evaluate(_TEXT)
        assert _on_page(page) == _on_page(fresh)
        fresh.close()
        assert page.evaluate("() => window.zkKept === true"), "the page was loaded again"
        previous = strength
