"""An administrator views a case, then finds that view on the audit page (``/admin/audit``),
searching by the case's id: twice, and each view is listed once more. The server for this
module runs on 127.0.0.1:8821 (the port range of this part of the work)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from . import conftest
from .conftest import LiveServer, create_case_by_api, log_in, shoot, start_server

PORT = 8821


@pytest.fixture(scope="module")
def audit_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(conftest, "_free_port", lambda: PORT)
        server, thread, live = start_server(tmp_path_factory.mktemp("audit") / "zk.sqlite")
    yield live
    server.should_exit = True
    thread.join(timeout=10)
    live.store.close()


@pytest.fixture()
def admin_page(browser: Browser, audit_server: LiveServer) -> Iterator[Page]:
    context = browser.new_context(base_url=audit_server.url, locale="nl-NL")
    context.set_default_timeout(10_000)
    page = context.new_page()
    log_in(page)
    yield page
    context.close()


def test_an_administrator_finds_their_view_of_a_case_in_the_audit(
    admin_page: Page, tmp_path: Path
) -> None:
    page = admin_page
    create_case_by_api(page, "logboek", "Lotte")
    for round_ in (1, 2):
        page.goto("/cases/logboek")
        expect(page.get_by_role("heading", level=1)).to_contain_text("Lotte")
        page.get_by_role("navigation", name=re.compile("Hoofdmenu|Main menu")).get_by_role(
            "link", name=re.compile("^(Logboek|Audit log)$")
        ).click()
        page.wait_for_url(re.compile(r"/admin/audit"))
        page.get_by_label(re.compile(r"^(Casus \(id\)|Case \(id\))")).fill("logboek")
        page.get_by_role("button", name=re.compile("^(Zoeken|Search)$")).click()
        page.wait_for_url(re.compile(r"/admin/audit\?.*case=logboek"))
        rows = page.locator("table.audit tbody tr").filter(has_text="case_viewed")
        expect(rows).to_have_count(round_)
        expect(rows.first).to_contain_text("julia")
        expect(rows.first).to_contain_text("ok")
        expect(rows.first).to_contain_text("page:genogram")
        shoot(page, f"audit-search-{round_}")


def test_the_audit_and_erase_pages_pass_the_accessibility_scan(admin_page: Page) -> None:
    from .test_accessibility import serious

    page = admin_page
    create_case_by_api(page, "toegankelijk", "Toos")
    for path in ("/admin/audit?case=toegankelijk", "/cases/toegankelijk/erase", "/admin/users"):
        page.goto(path)
        assert serious(page) == [], path
    # the erase page: a wrong confirmation is shown next to the field, nothing is erased
    page.goto("/cases/toegankelijk/erase")
    page.get_by_label(re.compile("^(Typ de id|Type the id)")).fill("iets anders")
    page.get_by_role("button", name=re.compile("^(Definitief wissen|Erase for good)$")).click()
    expect(page.locator("#f-confirm-error")).to_be_visible()
    assert serious(page) == []
    assert page.request.get("/api/cases/toegankelijk").status == 200
    page.get_by_label(re.compile("^(Typ de id|Type the id)")).fill("toegankelijk")
    page.get_by_role("button", name=re.compile("^(Definitief wissen|Erase for good)$")).click()
    page.wait_for_url(re.compile(r"/\?erased=toegankelijk$"))
    assert page.request.get("/api/cases/toegankelijk").status == 404
