"""Names are readable in a real browser at 1366×768 (issue 13, item 4): on the case page and in
the interview's map, for a 15-person and a 40-person case built through the interview, every
name is at least 12 CSS px (font size × the SVG's scale on screen), and at least 18 px in large
print; large print is remembered per browser (after a reload) and shared by the exports. Each
measurement is taken twice: again after the picture is drawn anew (a reload)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

import pytest
from playwright.sync_api import Page

from tests.layout.interview_cases import forty, pauline
from zorgkracht.domain import Case
from zorgkracht.interchange.case_json import case_to_dict

MEASURE = """(selector) => {
  const out = [];
  for (const svg of document.querySelectorAll(selector)) {
    for (const text of svg.querySelectorAll("[data-person-id] text")) {
      const size = parseFloat(getComputedStyle(text).fontSize);
      const ctm = text.getScreenCTM();
      out.push(size * Math.hypot(ctm.a, ctm.b));
    }
  }
  return out;
}"""
PLACES = {
    "case": (".picture-box > svg", "/cases/{id}?view={view}"),
    "interview": (".iv-figure > svg", "/cases/{id}/interview?view={view}"),
}


def upload(page: Page, case: Case, case_id: str) -> str:
    token = page.request.get("/api/session").json()["csrf_token"]
    doc: dict[str, Any] = {**case_to_dict(case), "id": case_id}
    answer = page.request.post("/api/cases", data=doc, headers={"X-CSRF-Token": token})
    assert answer.status == 201, answer.text()
    return case_id


def svg_width(svg: str) -> float:
    root = ET.fromstring(svg.encode("utf-8"))
    return float(root.attrib["width"])


def name_sizes(page: Page, selector: str) -> list[float]:
    page.wait_for_selector(selector)
    sizes: list[float] = page.evaluate(MEASURE, selector)
    assert sizes, "no names measured"
    return sizes


@pytest.mark.parametrize("place", sorted(PLACES))
@pytest.mark.parametrize("which", ["pauline", "forty"])
def test_names_are_at_least_12_px_and_18_in_large_print(
    signed_in: Page, place: str, which: str
) -> None:
    page = signed_in
    page.set_viewport_size({"width": 1366, "height": 768})
    case = pauline() if which == "pauline" else forty()
    case_id = upload(page, case, f"readable-{which}-{place}")
    selector, url = PLACES[place]
    views = ("ecogram", "netwerkschema", "sociogram")
    for view in views:
        page.goto(url.format(id=case_id, view=view))
        for _ in range(2):  # the first drawing and a fresh one after a reload
            sizes = name_sizes(page, selector)
            assert min(sizes) >= 12 - 0.01, (view, min(sizes))
            assert min(sizes) < 18, (view, min(sizes))  # not large print yet
            page.reload()
    toggle = page.locator('button[data-action="large-print"]')
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true"
    for view in views:
        page.goto(url.format(id=case_id, view=view))
        for _ in range(2):  # remembered across pages and reloads
            assert (
                page.locator('button[data-action="large-print"]').get_attribute("aria-pressed")
                == "true"
            )
            sizes = name_sizes(page, selector)
            assert min(sizes) >= 18 - 0.01, (view, min(sizes))
            page.reload()
    # the exports share it: the exported SVG is drawn 1.5 times as large (PNG: tests/render)
    large = page.request.get(f"/cases/{case_id}/export/sociogram.svg")
    page.locator('button[data-action="large-print"]').click()
    assert page.locator('button[data-action="large-print"]').get_attribute("aria-pressed") == (
        "false"
    )
    normal = page.request.get(f"/cases/{case_id}/export/sociogram.svg")
    assert large.ok and normal.ok
    assert svg_width(large.text()) == pytest.approx(svg_width(normal.text()) * 1.5, abs=0.01)
    assert 'data-large-print="true"' in large.text()
    page.reload()
    sizes = name_sizes(page, selector)
    assert 12 - 0.01 <= min(sizes) < 18
