"""The account page in a real browser: "sign out everywhere" (two browser contexts, as two
devices; one signs out everywhere, the other is sent to the login page at its next page), and
changing the password (the old one then fails, the new one works). Each is done twice.

These tests run their own server (own database, own sessions), so that signing out everywhere
and a new password do not touch the account the other browser tests share."""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from . import conftest
from .conftest import PASSWORD, USERNAME, LiveServer, shoot, start_server

PORTS = range(8810, 8820)


def _port() -> int:
    for port in PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port in 8810-8819")


@pytest.fixture()
def own_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[LiveServer]:
    monkeypatch.setenv("ZORGKRACHT_SECRET_KEY_FILE", str(tmp_path / "secret.key"))
    monkeypatch.setattr(conftest, "_free_port", _port)
    server, thread, live = start_server(tmp_path / "account.sqlite")
    yield live
    server.should_exit = True
    thread.join(timeout=10)
    live.store.close()


def new_context(browser: Browser, live: LiveServer) -> BrowserContext:
    context = browser.new_context(
        base_url=live.url, viewport={"width": 1280, "height": 900}, locale="nl-NL"
    )
    context.set_default_timeout(10_000)
    return context


def sign_in(page: Page, password: str = PASSWORD) -> None:
    page.goto("/login")
    page.get_by_label(re.compile("^(Gebruikersnaam|Username)")).fill(USERNAME)
    page.get_by_label(re.compile("^(Wachtwoord|Password)$")).fill(password)
    page.get_by_role("button", name=re.compile("^(Inloggen|Sign in)$")).click()


def test_sign_out_everywhere_sends_the_other_device_to_the_login_page(
    browser: Browser, own_server: LiveServer
) -> None:
    laptop_context = new_context(browser, own_server)
    phone_context = new_context(browser, own_server)
    try:
        laptop, phone = laptop_context.new_page(), phone_context.new_page()
        for round_ in (1, 2):
            for page in (laptop, phone):
                sign_in(page)
                page.wait_for_url(re.compile(r"/$"))
            phone.get_by_role("link", name=re.compile("^(Mijn account|My account)$")).click()
            phone.wait_for_url(re.compile(r"/account$"))
            shoot(phone, f"account-page-{round_}")
            phone.get_by_role(
                "button", name=re.compile("^(Overal uitloggen|Sign out ever)")
            ).click()
            phone.wait_for_url(re.compile(r"/login$"))
            laptop.goto("/")  # the laptop's next page
            laptop.wait_for_url(re.compile(r"/login\?next="))
            expect(
                laptop.get_by_role("heading", name=re.compile("^(Inloggen|Sign in)$"))
            ).to_be_visible()
            phone.goto("/")
            phone.wait_for_url(re.compile(r"/login\?next="))
    finally:
        laptop_context.close()
        phone_context.close()


def test_changing_the_password_twice(browser: Browser, own_server: LiveServer) -> None:
    context = new_context(browser, own_server)
    try:
        page = context.new_page()
        old = PASSWORD
        for round_ in (1, 2):
            new = f"mijn nieuwe wachtzin nummer {round_}"
            sign_in(page, old)
            page.wait_for_url(re.compile(r"/$"))
            page.goto("/account")
            page.get_by_label(re.compile("^(Huidig wachtwoord|Current password)$")).fill(old)
            page.get_by_label(re.compile("^(Nieuw wachtwoord|New password)$")).fill(new)
            page.get_by_label(re.compile("^(Nieuw wachtwoord nogmaals|New password again)$")).fill(
                new
            )
            page.get_by_role(
                "button", name=re.compile("^(Wachtwoord wijzigen|Change password)$")
            ).click()
            expect(page.get_by_role("status")).to_contain_text(
                re.compile("Uw wachtwoord is gewijzigd|Your password has been changed")
            )
            shoot(page, f"account-password-changed-{round_}")
            page.get_by_role("button", name=re.compile("^(Uitloggen|Sign out)$")).click()
            page.wait_for_url(re.compile(r"/login$"))
            sign_in(page, old)  # the old password no longer works
            expect(page.locator("#login-error")).to_contain_text(re.compile("klopt niet|not right"))
            sign_in(page, new)
            page.wait_for_url(re.compile(r"/$"))
            page.get_by_role("button", name=re.compile("^(Uitloggen|Sign out)$")).click()
            page.wait_for_url(re.compile(r"/login$"))
            old = new
    finally:
        context.close()


def test_the_account_pages_have_no_serious_accessibility_violations(
    browser: Browser, own_server: LiveServer
) -> None:
    from .test_accessibility import serious

    context = new_context(browser, own_server)
    try:
        page = context.new_page()
        sign_in(page)
        page.wait_for_url(re.compile(r"/$"))
        page.goto("/account")
        assert serious(page) == []
        page.get_by_role(
            "button", name=re.compile("^(Wachtwoord wijzigen|Change password)$")
        ).click()
        expect(page.locator("#f-current-error")).to_be_visible()  # errors next to the fields
        assert serious(page) == []
        token = page.request.get("/api/session").json()["csrf_token"]
        made = page.request.post(
            "/admin/users",
            form={
                "csrf_token": token,
                "username": "sanne",
                "display_name": "Sanne",
                "password": "een ander lang wachtwoord",
            },
        )
        assert made.ok, made.text()
        page.goto("/admin/users")
        page.get_by_text(re.compile("^(Nieuw wachtwoord|New password)$")).click()  # unfold
        expect(
            page.get_by_role("button", name=re.compile("sanne verwijderen|Remove sanne"))
        ).to_be_visible()
        assert serious(page) == []
    finally:
        context.close()
