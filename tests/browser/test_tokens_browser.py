"""Access tokens on the account page in a real browser: make one (shown once, in a read-only
field with the copy hint), use it from a script over HTTP, see it listed with its last use,
revoke it, and see the script refused."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request

from playwright.sync_api import Page, expect

from .conftest import LiveServer, shoot


def _get(live: LiveServer, path: str, token: str) -> int:
    request = urllib.request.Request(live.url + path, headers={"Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            json.loads(answer.read())
            return int(answer.status)
    except urllib.error.HTTPError as err:
        return int(err.code)


def test_make_use_and_revoke_a_token(signed_in: Page, live_server: LiveServer) -> None:
    page = signed_in
    page.goto("/account")
    section = page.get_by_role("region", name="Toegangssleutels voor scripts")
    expect(section).to_be_visible()
    section.get_by_label("Naam", exact=True).fill("Browsertest")
    section.get_by_label("Bereik").select_option("read")
    section.get_by_label("Geldig gedurende (dagen)").fill("7")
    section.get_by_role("button", name="Sleutel maken").click()
    field = page.get_by_label("Toegangssleutel", exact=True)
    expect(field).to_have_attribute("readonly", "")
    token = field.input_value()
    assert re.fullmatch(r"zkt_[A-Za-z0-9_-]{43}", token)
    expect(page.get_by_text("alleen deze ene keer getoond")).to_be_visible()
    shoot(page, "account-token-made")
    assert _get(live_server, "/api/cases", token) == 200
    page.goto("/account")
    assert token not in page.content()
    row = page.locator("tr", has_text="Browsertest")
    expect(row).to_contain_text("Alleen lezen")
    expect(row).to_contain_text("Geldig")
    expect(row).not_to_contain_text("nooit")
    row.get_by_role("button", name="Browsertest intrekken").click()
    page.wait_for_url(re.compile(r"/account\?revoked=1$"))
    expect(page.locator("tr", has_text="Browsertest")).to_contain_text("Ingetrokken")
    assert _get(live_server, "/api/cases", token) == 401
