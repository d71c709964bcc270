"""Make the screenshots of the main screens for ``docs/screenshots.md`` (not a test).

Starts the real server on a temporary database with the book's demo cases, signs in through the
login page, runs a short interview and saves ``docs/img/screen-*.png``. Run from the project
folder::

    .venv/bin/python tests/browser/make_screenshots.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from playwright.sync_api import FloatRect, Page, ViewportSize, sync_playwright  # noqa: E402

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, log_in, start_server  # noqa: E402
from zorgkracht.services import CaseService  # noqa: E402

OUT = ROOT / "docs" / "img"
VIEWPORT: ViewportSize = {"width": 1280, "height": 860}
INTERVIEW = [
    ("household", "Piet", "partner", "male"),
    ("household", "Sanne", "child", "female"),
    ("family", "Oma Truus", "grandparent", "female"),
    ("friends", "Lotte", "", "female"),
    ("neighbours", "Jolanda", "", "female"),
    ("work", "Karin", "", "female"),
    ("professionals", "Julia", "", "female"),
    ("birthday", "Marco", "", "male"),
]


def save(page: Page, name: str) -> None:
    page.evaluate("window.scrollTo(0, 0)")
    path = OUT / f"screen-{name}.png"
    page.screenshot(path=str(path))
    print(f"wrote {path.relative_to(ROOT)}")


def region(
    page: Page,
    name: str,
    first: str,
    last: str,
    *,
    top: float | None = None,
    limit: float = 1600,
) -> None:
    """Save the part of the page from the top of ``first`` to the bottom of ``last``."""
    box = page.evaluate(REGION, [first, last])
    y = box["top"] if top is None else top
    height = min(box["bottom"] - y + 8, limit)
    x = 0 if top is not None else max(box["left"] - 8, 0)
    width = VIEWPORT["width"] if top is not None else box["right"] - x + 8
    clip: FloatRect = {"x": x, "y": max(y - 8, 0), "width": width, "height": height}
    path = OUT / f"screen-{name}.png"
    page.screenshot(path=str(path), full_page=True, clip=clip)
    print(f"wrote {path.relative_to(ROOT)}")


REGION = """([first, last]) => {
  const a = document.querySelector(first).getBoundingClientRect();
  const b = document.querySelector(last).getBoundingClientRect();
  return {top: a.top + scrollY, bottom: b.bottom + scrollY, left: Math.min(a.left, b.left),
          right: Math.max(a.right, b.right)};
}"""


def interview(page: Page) -> None:
    """A short interview, answered as a client would, on a new case."""
    page.goto("/")
    page.get_by_label("Titel van de casus").fill("Netwerk van Kim")
    page.get_by_label("Naam van de cliënt").fill("Kim")
    page.get_by_role("button", name="Casus aanmaken").click()
    page.wait_for_url("**/cases/netwerk-van-kim")
    for step, name, role, gender in INTERVIEW:
        if not page.url.endswith(f"/names/{step}"):
            page.goto(f"/cases/netwerk-van-kim/interview/names/{step}")
        page.get_by_label("Naam", exact=True).fill(name)
        if role:
            page.locator("#iv-role").select_option(role)
        page.locator("#iv-gender").select_option(gender)
        page.get_by_role("button", name="Toevoegen").click()
        page.locator("#iv-people li").filter(has_text=name).wait_for()
    page.goto("/cases/netwerk-van-kim/interview/names/tickets")
    page.get_by_label("Naam", exact=True).fill("Evi")
    page.locator("#iv-gender").select_option("female")
    page.get_by_role("button", name="Toevoegen").click()
    page.locator("#iv-people li").filter(has_text="Evi").wait_for()
    page.get_by_label("Naam", exact=True).focus()


def family_dialog(page: Page) -> None:
    """The Tavenier genogram with the family relation dialog open: Pieter's brother's tie to
    his mother, about to be drawn as parent and child."""
    page.goto("/cases/tavenier?view=genogram")
    page.locator("#picture svg [data-person-id='moeder_pieter']").click()
    page.locator("#edit-status").filter(has_text="Geselecteerd").wait_for()
    page.locator("#picture svg [data-person-id='broer_pieter']").click()
    dialog = page.get_by_role("dialog").filter(has_text="Familierelatie")
    dialog.wait_for()
    dialog.get_by_text("Ouder en kind", exact=True).click()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        server, thread, live = start_server(Path(tmp) / "screens.sqlite")
        CaseService(live.store).load_demo_cases()
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                context = browser.new_context(
                    base_url=live.url, viewport=VIEWPORT, locale="nl-NL", device_scale_factor=1
                )
                page = context.new_page()
                log_in(page)
                interview(page)
                save(page, "interview")
                page.goto("/cases/netwerk-van-kim/interview/about/p2")
                save(page, "interview-person")
                page.goto("/")
                save(page, "cases")
                page.goto("/cases/tavenier?view=ecogram")
                region(page, "case-ecogram", "body", "figure.picture", top=0)
                page.goto("/cases/karel?view=netwerkschema")
                region(page, "netwerkschema", "#views-title", "figure.picture")
                page.goto("/cases/tavenier?view=ecogram")
                region(page, "analysis", "#fragment-analysis", "#fragment-analysis", limit=1100)
                family_dialog(page)
                save(page, "genogram-family")
                browser.close()
        finally:
            server.should_exit = True
            thread.join(timeout=10)
            live.store.close()


if __name__ == "__main__":
    main()
