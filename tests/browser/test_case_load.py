"""The case page at 150 persons loads without laying out what is under the picture (issue 13
item 8: ``content-visibility: auto`` on the table view, the analysis, the person list, the
snapshots and the exports), yet all of it is there: a screen reader finds the table's rows and
the list's buttons while they are off screen, the keyboard reaches them (Tab scrolls to the
button and draws it: ``initFocusInView`` in ``static/case/keyboard.js`` brings it into view
again when the heights guessed for the list's items left it below the window), and printing
draws everything. Done on two views, twice each (the second load comes from the
server's page cache)."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from devtools.generators import network_case
from zorgkracht.interchange.case_json import case_to_dict

from .conftest import post_case

CASE = "laden-150"
UNDER = ("#fragment-table", ".case-layout > .analysis", ".case-layout > .people", ".snapshots")


def add_case(page: Page) -> dict[str, str]:
    """The 150-person case (once per server); its persons' names by id."""
    case = network_case(149)
    if page.request.get(f"/api/cases/{CASE}").status != 200:
        data = case_to_dict(case)
        data["id"] = CASE
        post_case(page, data)
    return {p.id: p.name for p in case.network.persons}


def visibility(page: Page, selector: str) -> str:
    return str(
        page.locator(selector).first.evaluate("el => getComputedStyle(el).contentVisibility")
    )


def test_what_is_under_the_picture_is_there_for_keyboard_reader_and_print(
    signed_in: Page,
) -> None:
    page = signed_in
    names = add_case(page)
    for view in ("ecogram", "genogram"):
        for _load in range(2):
            page.goto(f"/cases/{CASE}?view={view}")
            page.wait_for_function("() => document.documentElement.dataset.ready")
            assert [visibility(page, s) for s in UNDER] == ["auto"] * len(UNDER)
            ids = page.locator("#fragment-table tr[data-row-id]").evaluate_all(
                "rows => rows.map((r) => r.dataset.rowId)"
            )
            last = [i for i in ids if i in names][-1]  # the table's last person
            # off screen, yet in the accessibility tree: the table's row and the list's button
            row = page.locator(f'#fragment-table tr[data-row-id="{last}"]')
            expect(row).to_have_count(1)
            box = row.bounding_box()
            assert box and box["y"] > 768, box
            expect(row.get_by_role("rowheader", name=names[last], exact=True)).to_have_count(1)
            change = page.locator(f'[data-person-row="{last}"]').get_by_role(
                "button", name=f"Wijzigen {names[last]}", exact=True
            )
            expect(change).to_have_count(1)
            # by keyboard (Tab from the button before it): the focus moves there, the page
            # scrolls to it, it is drawn and it opens the person's form
            change.evaluate(
                """(el) => {
                  const all = [...document.querySelectorAll("#fragment-people button")]
                    .filter((b) => !b.closest("[hidden]"));
                  all[all.indexOf(el) - 1].focus({ preventScroll: true });
                }"""
            )
            page.keyboard.press("Tab")
            expect(change).to_be_focused()
            page.wait_for_function(  # the page scrolls to it, within a few frames
                """(el) => { const r = el.getBoundingClientRect();
                             return r.top >= 0 && r.bottom <= window.innerHeight; }""",
                arg=change.element_handle(),
            )
            box = change.bounding_box()
            assert box and box["width"] >= 44 and box["height"] >= 44, box  # laid out
            page.keyboard.press("Enter")
            expect(page.locator("#person-dialog")).to_be_visible()
            expect(page.locator("#pd-name")).to_have_value(names[last])
            page.keyboard.press("Escape")
            expect(page.locator("#person-dialog")).to_be_hidden()
            # printing draws every part
            page.emulate_media(media="print")
            assert [visibility(page, s) for s in UNDER] == ["visible"] * len(UNDER)
            assert visibility(page, ".person-list > li") == "visible"
            page.emulate_media(media="screen")
