"""The sign-in throttle (finding 5) and the cap on password hashing (finding 3).

- Every attempt is counted in the database before its password is checked: 100 parallel wrong
  passwords get at most the free attempts checked; look-alike spellings of a name (NFKC) share
  one count; two application instances on one database share it; nobody is locked out, the
  owner gets in once the (short, doubling) delay has passed.
- At most ``hash_concurrency`` passwords are hashed at once per process; the other attempts are
  answered (503 with Retry-After when they waited too long), never queued without end.
"""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

import httpx
import pytest
import uvicorn
from argon2 import PasswordHasher
from argon2.profiles import CHEAPEST
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text

from tests.storage.conftest import (  # noqa: F401  (fixtures used by name)
    backend,
    db_url,
    empty_url,
    pg_databases,
    race,
    session_store,
    sql,
    store,
)
from tests.web.helpers import (
    ADMIN,
    PASSWORD,
    csrf_from,
    set_up_first_account,
    use_csrf_header,
)
from zorgkracht.config import Settings
from zorgkracht.services import CaseService
from zorgkracht.services.sessions import Reservation, SignInThrottle
from zorgkracht.storage import CaseStore
from zorgkracht.storage.sessions import SessionStore
from zorgkracht.web.app import create_app
from zorgkracht.web.security import COOKIE

PORTS = range(8810, 8820)
START = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)
FREE_ATTEMPTS = 3


class CountingHasher(PasswordHasher):
    """Argon2 with cheap parameters that counts how many verifications and hashes run, and the
    most that ran at the same moment (each is held a little, so that overlaps happen)."""

    def __init__(self, hold: float = 0.0) -> None:
        super().__init__(
            time_cost=CHEAPEST.time_cost,
            memory_cost=CHEAPEST.memory_cost,
            parallelism=CHEAPEST.parallelism,
            hash_len=CHEAPEST.hash_len,
            salt_len=CHEAPEST.salt_len,
        )
        self.hold = hold
        self.lock = threading.Lock()
        self.running = 0
        self.most = 0
        self.verified = 0

    def _run(self, work: Callable[[], Any]) -> Any:
        with self.lock:
            self.running += 1
            self.most = max(self.most, self.running)
        try:
            if self.hold:
                time.sleep(self.hold)
            return work()
        finally:
            with self.lock:
                self.running -= 1

    def verify(self, hash: str | bytes, password: str | bytes) -> Literal[True]:
        with self.lock:
            self.verified += 1
        self._run(lambda: super(CountingHasher, self).verify(hash, password))
        return True

    def hash(self, password: str | bytes, *, salt: bytes | None = None) -> str:
        result: str = self._run(lambda: super(CountingHasher, self).hash(password, salt=salt))
        return result


def _port() -> int:
    for port in PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port in 8810-8819")


@contextmanager
def live(app: FastAPI) -> Iterator[str]:
    """``app`` served by uvicorn on a loopback port of this helper's range."""
    port = _port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def make(tmp_path: Path, hasher: PasswordHasher) -> tuple[FastAPI, CaseStore]:
    db = CaseStore(f"sqlite:///{tmp_path / 'throttle.sqlite'}")
    db.migrate()
    return create_app(CaseService(db), hasher=hasher), db


def freeze(app: FastAPI, now: list[dt.datetime]) -> None:
    """The clock of sessions and throttle (an ordinary attribute on anything older)."""
    app.state.accounts.clock = lambda: now[0]


def attempt(base_url: str, username: str, password: str) -> httpx.Response:
    """One sign-in by a fresh visitor: the login page (for the CSRF token), then the form."""
    with httpx.Client(base_url=base_url, timeout=60) as http:
        token = csrf_from(http.get("/login").text)
        return http.post(
            "/login", data={"csrf_token": token, "username": username, "password": password}
        )


@pytest.fixture(autouse=True)
def key_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZORGKRACHT_SECRET_KEY_FILE", str(tmp_path / "secret.key"))


def set_up(app: FastAPI) -> None:
    with TestClient(app) as client:
        set_up_first_account(client)


def test_parallel_wrong_passwords_are_counted_before_they_are_checked(tmp_path: Path) -> None:
    hasher = CountingHasher()
    app, db = make(tmp_path, hasher)
    set_up(app)
    freeze(app, [START])
    hasher.verified = 0
    try:
        with live(app) as url, ThreadPoolExecutor(max_workers=20) as pool:
            answers = list(
                pool.map(lambda i: attempt(url, ADMIN, f"fout wachtwoord {i}"), range(100))
            )
    finally:
        db.close()
    codes = sorted(a.status_code for a in answers)
    assert set(codes) <= {401, 429}, codes
    assert hasher.verified <= FREE_ATTEMPTS, (hasher.verified, codes)
    assert codes.count(401) == hasher.verified
    assert all(a.headers.get("retry-after") for a in answers if a.status_code == 429)


def test_look_alike_spellings_of_a_name_share_one_count(tmp_path: Path) -> None:
    hasher = CountingHasher()
    app, db = make(tmp_path, hasher)
    set_up(app)
    freeze(app, [START])
    hasher.verified = 0
    spellings = [ADMIN, ADMIN.upper(), f" {ADMIN}", "ｂｅｈｅｅｒ", "ＢＥＨＥＥＲ", "ｂeheer"]
    try:
        with TestClient(app) as client:
            token = csrf_from(client.get("/login").text)
            codes = [
                client.post(
                    "/login",
                    data={"csrf_token": token, "username": name, "password": "fout wachtwoord"},
                ).status_code
                for name in spellings
            ]
    finally:
        db.close()
    assert codes == [401] * FREE_ATTEMPTS + [429] * (len(spellings) - FREE_ATTEMPTS)
    assert hasher.verified == FREE_ATTEMPTS


def test_two_app_instances_on_one_database_share_the_count(tmp_path: Path) -> None:
    first, db = make(tmp_path, CountingHasher())
    second, other_store = make(tmp_path, CountingHasher())
    set_up(first)
    now = [START]
    freeze(first, now)
    freeze(second, now)
    try:
        with TestClient(first) as a, TestClient(second) as b:
            codes = []
            for client in (a, b, a, b, a, b):
                token = csrf_from(client.get("/login").text)
                data = {"csrf_token": token, "username": ADMIN, "password": "fout wachtwoord"}
                codes.append(client.post("/login", data=data).status_code)
    finally:
        db.close()
        other_store.close()
    assert codes == [401, 401, 401, 429, 429, 429]


def test_the_owner_is_not_locked_out_and_a_success_clears_the_count(tmp_path: Path) -> None:
    app, db = make(tmp_path, CountingHasher())
    set_up(app)
    now = [START]
    freeze(app, now)
    try:
        with TestClient(app) as client:
            token = csrf_from(client.get("/login").text)

            def post(password: str) -> httpx.Response:
                data = {"csrf_token": token, "username": ADMIN, "password": password}
                answer: httpx.Response = client.post("/login", data=data, follow_redirects=False)
                return answer

            waits = []
            for _ in range(8):  # an attacker keeps trying, as fast as the delay lets them
                answer = post("fout wachtwoord")
                if answer.status_code == 429:
                    waits.append(int(answer.headers["retry-after"]))
                    now[0] += dt.timedelta(seconds=int(answer.headers["retry-after"]))
                    answer = post("fout wachtwoord")
                assert answer.status_code == 401
            assert waits == [2, 3, 5, 9, 17]  # 1, 2, 4, 8, 16 s, rounded up
            refused = post(PASSWORD)
            assert refused.status_code == 429  # the delay holds for the owner too ...
            now[0] += dt.timedelta(seconds=int(refused.headers["retry-after"]))
            assert post(PASSWORD).status_code == 303  # ... but no longer than that
            client.cookies.clear()
            token = csrf_from(client.get("/login").text)
            assert [post("fout wachtwoord").status_code for _ in range(3)] == [401] * 3
    finally:
        db.close()


def test_parallel_sign_ins_never_hash_more_than_the_cap_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ZORGKRACHT_HASH_CONCURRENCY", "2")
    monkeypatch.setenv("ZORGKRACHT_HASH_WAIT_SECONDS", "0.5")
    monkeypatch.setenv("ZORGKRACHT_THROTTLE_FREE_PER_ADDRESS", "1000")
    hasher = CountingHasher(hold=0.05)
    app, db = make(tmp_path, hasher)
    set_up(app)
    hasher.most = 0
    try:
        with live(app) as url, ThreadPoolExecutor(max_workers=30) as pool:
            names = [f"gast{i}" for i in range(60)] + [ADMIN] * 2
            answers = list(pool.map(lambda n: attempt(url, n, "fout wachtwoord"), names))
            most = hasher.most
            owner = attempt(url, ADMIN, PASSWORD).status_code
    finally:
        db.close()
    assert 1 <= most <= 2, most
    codes = [a.status_code for a in answers]
    assert set(codes) <= {401, 503}, codes
    assert owner == 303  # the owner still gets in
    for answer in answers:
        if answer.status_code == 503:
            assert int(answer.headers["retry-after"]) > 0
            assert "druk" in answer.text


# --- the same on both database backends ---------------------------------------------------


@pytest.fixture()
def throttle(
    store: CaseStore,  # noqa: F811
    sql: Engine,  # noqa: F811
) -> Iterator[SignInThrottle]:
    yield SignInThrottle(SessionStore(store), Settings(), lambda: START)
    with sql.begin() as conn:
        conn.execute(text("DELETE FROM login_attempts"))


def test_parallel_reservations_are_atomic_on_both_backends(throttle: SignInThrottle) -> None:
    results = race(*[lambda: throttle.reserve("julia", "10.0.0.1") for _ in range(12)])
    waits = [r.wait for r in results if isinstance(r, Reservation)]
    assert len(waits) == 12, results
    assert sum(1 for w in waits if w == 0) == FREE_ATTEMPTS
    count = throttle.store.attempts(throttle._key("u", "julia"))
    assert count is not None and count.failures == FREE_ATTEMPTS


def test_success_clears_the_name_and_old_failures_are_forgotten(
    throttle: SignInThrottle,
) -> None:
    now = [START]
    throttle.clock = lambda: now[0]
    for _ in range(FREE_ATTEMPTS):
        assert throttle.reserve("julia", "10.0.0.1").wait == 0
    assert throttle.reserve("julia", "10.0.0.2").wait == 1.0
    now[0] += dt.timedelta(minutes=16)  # the window has passed: a fresh start
    reservation = throttle.reserve("julia", "10.0.0.1")
    assert reservation.wait == 0
    throttle.succeeded(reservation)
    assert throttle.store.attempts(reservation.name_key) is None
    address = throttle.store.attempts(reservation.address_key)
    assert address is not None and address.failures == 0


def test_two_app_instances_share_sessions_and_the_count_on_both_backends(
    empty_url: str,  # noqa: F811
) -> None:
    """Two server processes on one database (SQLite and PostgreSQL) behave as one: a session
    made by one is accepted by the other, a sign-out in one ends it in both, and wrong
    passwords sent to either are counted together."""

    def instance() -> tuple[FastAPI, CaseStore]:
        db = CaseStore(empty_url)
        db.migrate()
        return create_app(CaseService(db), hasher=CountingHasher()), db

    (first, db1), (second, db2) = instance(), instance()
    now = [START]
    freeze(first, now)
    freeze(second, now)
    try:
        with TestClient(first) as a, TestClient(second) as b:
            set_up_first_account(a)
            b.cookies.set(COOKIE, a.cookies[COOKIE])
            assert b.get("/api/cases").status_code == 200
            use_csrf_header(b)
            assert b.post("/logout", follow_redirects=False).status_code == 303
            assert a.get("/api/cases").status_code == 401
            codes = []
            for client in (a, b, a, b, a, b):
                client.headers.pop("X-CSRF-Token", None)
                token = csrf_from(client.get("/login").text)
                data = {"csrf_token": token, "username": ADMIN, "password": "fout wachtwoord"}
                codes.append(client.post("/login", data=data).status_code)
    finally:
        db1.close()
        db2.close()
    assert codes == [401, 401, 401, 429, 429, 429]
