"""An edit of an action on the plan page is one request: the edit's answer carries the action,
the plan load and the badges (``?part=action``), and plan.js swaps them in without asking for
anything more. An open form stays as it is (its filled list of persons is not drawn again) and
takes the saved values, also after undo. Each change is made twice."""

from __future__ import annotations

from playwright.sync_api import Page, Request, expect

from .test_plan_browser import _open, _ready, _saved
from .test_plan_lazy import tavenier_with_one_action


def _case(page: Page) -> None:
    tavenier_with_one_action(page, "tav-trip", {"person": "p2", "hours_per_week": 2})


def _calls(requests: list[Request]) -> list[str]:
    """What the page asked the server, as "METHOD path?query" (no static files)."""
    calls = []
    for r in requests:
        path = r.url.split("//", 1)[1].split("/", 1)[1]
        if not path.startswith("static/"):
            calls.append(f"{r.method} /{path}")
    return calls


def test_an_action_edit_is_one_request_and_the_open_form_stays(signed_in: Page) -> None:
    page = signed_in
    _case(page)
    page.goto("/cases/tav-trip2/plan")
    _ready(page)
    _open(page, "a-ac1")
    rows = page.locator("#a-ac1 [data-person-row]")
    expect(rows).to_have_count(4)  # filled: everyone but the client
    page.evaluate("document.querySelector('#a-ac1 .picker-list').dataset.kept = 'yes'")
    requests: list[Request] = []
    page.on("request", lambda r: requests.append(r))
    badge = "#plan-picture .plan-badges [data-plan-person='{}']"
    # drawn=: the page says it has the map of the version it edits (the answer's SVG is empty)
    edit = "POST /api/cases/tav-trip2/edits?lang=nl&drawn={}&part=action&view=ecogram"
    # twice: Lina's hours and the status; Moeder joins with hours of her own
    for version, (hours, status, shown, moeder) in enumerate(
        (("3", "ongoing", "loopt", "1"), ("4", "planned", "gepland", "2")), start=1
    ):
        requests.clear()
        page.locator("#a-ac1-ap-1-hours").fill(hours)
        page.locator("#a-ac1-ap-3").check()
        page.locator("#a-ac1-ap-3-hours").fill(moeder)
        page.locator("#a-ac1-status").select_option(status)
        page.locator("#a-ac1 form").get_by_role("button", name="Opslaan").click()
        _saved(page)
        assert _calls(requests) == [edit.format(version)]  # the answer had all: nothing after
        expect(page.locator(badge.format("p2"))).to_have_attribute("data-hours", hours)
        expect(page.locator(badge.format("p4"))).to_have_attribute("data-hours", moeder)
        expect(page.locator("#action-item-ac1 summary")).to_contain_text(shown)
        expect(page.locator("#action-item-ac1 summary")).to_contain_text("Moeder")
        expect(page.locator("#plan-load [data-load-person='p4']")).to_contain_text(moeder)
        # the open form was kept, with its list of persons, and shows what was saved
        expect(page.locator("#a-ac1")).to_have_attribute("open", "")
        expect(page.locator("#a-ac1 .picker-list")).to_have_attribute("data-kept", "yes")
        expect(rows).to_have_count(4)
        expect(page.locator("#a-ac1-ap-1-hours")).to_have_value(str(float(hours)))
        expect(page.locator("#a-ac1-status")).to_have_value(status)
    # undo, twice: the form, the badges and the summary go back, each from one request
    undone: tuple[tuple[str, str | None, str], ...] = (
        ("3", "1", "ongoing"),
        ("2", None, "planned"),
    )
    for version, (back, back_moeder, back_status) in enumerate(undone, start=3):
        requests.clear()
        page.locator("[data-plan-undo]").first.click()
        expect(page.locator("#plan-status")).to_have_text("Ongedaan gemaakt.")
        assert _calls(requests) == [edit.format(version)]
        expect(page.locator(badge.format("p2"))).to_have_attribute("data-hours", back)
        expect(page.locator("#a-ac1-ap-1-hours")).to_have_value(str(float(back)))
        expect(page.locator("#a-ac1-status")).to_have_value(back_status)
        if back_moeder is None:
            expect(page.locator(badge.format("p4"))).to_have_count(0)
            expect(page.locator("#a-ac1-ap-3")).not_to_be_checked()
            expect(page.locator("#a-ac1-ap-3-hours")).to_have_value("")
            expect(page.locator("#action-item-ac1 summary")).not_to_contain_text("Moeder")
        else:
            expect(page.locator(badge.format("p4"))).to_have_attribute("data-hours", back_moeder)
            expect(page.locator("#a-ac1-ap-3")).to_be_checked()
            expect(page.locator("#a-ac1-ap-3-hours")).to_have_value(str(float(back_moeder)))
        page.evaluate("document.getElementById('plan-status').textContent = ''")
    expect(page.locator("#a-ac1 .picker-list")).to_have_attribute("data-kept", "yes")
    stored = page.request.get("/api/cases/tav-trip2").json()["process"]["actions"][0]
    assert stored["persons"] == [{"person": "p2", "hours_per_week": 2.0}]  # as before
