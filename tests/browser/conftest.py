"""Real-browser tests: the real server (uvicorn in a thread, a temporary SQLite database) driven
by Debian's Chromium through Playwright. No browser is ever downloaded: ``/usr/bin/chromium``
comes from ``scripts/system-packages.sh dev``.

Screenshots are kept as test artefacts in ``test-artifacts/screenshots/``.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from argon2 import PasswordHasher
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from zorgkracht.services import CaseService
from zorgkracht.storage import CaseStore
from zorgkracht.web.app import create_app

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
USERNAME = "julia"
PASSWORD = "een lang en geheim wachtwoord"
DISPLAY_NAME = "Julia de Vries"
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).resolve().parent
    for item in items:
        if Path(str(item.fspath)).resolve().is_relative_to(here):
            item.add_marker(pytest.mark.browser)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives Chromium against the real server")


@dataclass(frozen=True, slots=True)
class LiveServer:
    url: str
    store: CaseStore


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def start_server(db: Path) -> tuple[uvicorn.Server, threading.Thread, LiveServer]:
    """The application on a free loopback port, with its first account made through
    ``/setup`` exactly as a first user would."""
    store = CaseStore(f"sqlite:///{db}")
    store.migrate()
    fast = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    app = create_app(CaseService(store), hasher=fast)
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the server did not start")
        time.sleep(0.05)
    with httpx.Client(base_url=url) as http:
        page = http.get("/setup")
        token = _CSRF.search(page.text)
        assert token, "no CSRF field on /setup"
        done = http.post(
            "/setup",
            data={
                "username": USERNAME,
                "display_name": DISPLAY_NAME,
                "password": PASSWORD,
                "password2": PASSWORD,
                "csrf_token": token.group(1),
            },
        )
        assert done.status_code in (200, 303), done.text
    return server, thread, LiveServer(url=url, store=store)


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    server, thread, live = start_server(tmp_path_factory.mktemp("server") / "zk.sqlite")
    yield live
    server.should_exit = True
    thread.join(timeout=10)
    live.store.close()


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


def _new_context(browser: Browser, live_server: LiveServer, state: Any = None) -> BrowserContext:
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": 1366, "height": 900},
        accept_downloads=True,
        locale="nl-NL",
        storage_state=state,
    )
    context.set_default_timeout(10_000)
    return context


@pytest.fixture()
def page(browser: Browser, live_server: LiveServer) -> Iterator[Page]:
    """A page in a fresh browser context: nobody signed in yet."""
    context = _new_context(browser, live_server)
    yield context.new_page()
    context.close()


def log_in(page: Page) -> None:
    """Sign in through the login form, as a user would."""
    page.goto("/login")
    page.get_by_label(re.compile("Gebruikersnaam|Username")).fill(USERNAME)
    page.get_by_label(re.compile("^(Wachtwoord|Password)$")).fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Inloggen|Sign in")).click()
    page.wait_for_url(re.compile(r"/$"))


@pytest.fixture(scope="session")
def signed_in_state(browser: Browser, live_server: LiveServer) -> Any:
    """The cookies of one sign-in through the login form, shared by the tests that start signed
    in (signing in once keeps the suite quick)."""
    context = _new_context(browser, live_server)
    log_in(context.new_page())
    state = context.storage_state()
    context.close()
    return state


@pytest.fixture()
def signed_in(browser: Browser, live_server: LiveServer, signed_in_state: Any) -> Iterator[Page]:
    """A page in a fresh browser context, already signed in."""
    context = _new_context(browser, live_server, signed_in_state)
    yield context.new_page()
    context.close()


def shoot(page: Page, name: str) -> Path:
    """Keep a full-page screenshot as a test artefact."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def post_case(page: Page, document: dict[str, Any]) -> None:
    """Store ``document`` (a case file) through the JSON API of the signed-in session."""
    token = page.request.get("/api/session").json()["csrf_token"]
    answer = page.request.post("/api/cases", data=document, headers={"X-CSRF-Token": token})
    assert answer.status == 201, answer.text()


def create_case_by_api(page: Page, case_id: str, client: str = "Kim") -> str:
    """A case with only its client, created through the JSON API of the signed-in session."""
    post_case(
        page,
        {
            "format": "zorgkracht/1",
            "id": case_id,
            "title": f"Netwerk van {client}",
            "client": "p1",
            "network": {
                "persons": [{"id": "p1", "name": client, "gender": "female"}],
                "household": ["p1"],
            },
        },
    )
    return case_id
