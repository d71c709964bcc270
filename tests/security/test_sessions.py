"""Sessions live on the server (finding 5) and are signed with a key outside the database
(finding 2): a cookie replayed after sign-out, after its absolute lifetime, after "sign out
everywhere", after a new password, or signed with the old key from the database signs nobody in.
Two application instances on one database (and one key) accept each other's sessions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from itsdangerous import URLSafeTimedSerializer
from sqlalchemy import Engine, create_engine, text

from tests.storage.conftest import (  # noqa: F401  (fixtures used by name)
    backend,
    db_url,
    pg_databases,
    session_store,
    sql,
    store,
)
from tests.web.helpers import (
    ADMIN,
    PASSWORD,
    csrf_from,
    make_app,
    set_up_first_account,
    sign_in,
    use_csrf_header,
)
from zorgkracht.cli.main import main
from zorgkracht.config import Settings
from zorgkracht.services.sessions import ActiveSession, SessionService, token_hash
from zorgkracht.storage import CaseStore
from zorgkracht.storage.accounts import AccountStore
from zorgkracht.web.security import COOKIE

START = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)
OTHER = "sanne"


@pytest.fixture(autouse=True)
def key_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A key file of this test's own (created on first use), as an operator would set it."""
    path = tmp_path / "keys" / "secret.key"
    monkeypatch.setenv("ZORGKRACHT_SECRET_KEY_FILE", str(path))
    return path


@pytest.fixture()
def app(tmp_path: Path) -> Iterator[FastAPI]:
    application, db = make_app(tmp_path)
    yield application
    db.close()


@pytest.fixture()
def admin(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as client:
        set_up_first_account(client)
        yield client


def signed_in(app: FastAPI, username: str = ADMIN) -> TestClient:
    client = TestClient(app)
    sign_in(client, username)
    return client


def add_user(admin: TestClient, username: str = OTHER) -> int:
    page = admin.get("/admin/users")
    done = admin.post(
        "/admin/users",
        data={
            "csrf_token": csrf_from(page.text),
            "username": username,
            "display_name": username.title(),
            "password": PASSWORD,
        },
        follow_redirects=False,
    )
    assert done.status_code == 303, done.text
    accounts = admin.app.state.accounts  # type: ignore[attr-defined]
    return int(next(u.id for u in accounts.list() if u.username == username))


def is_signed_in(client: TestClient) -> bool:
    status: int = client.get("/api/cases").status_code
    assert status in (200, 401)
    return status == 200


def test_a_cookie_replayed_after_sign_out_signs_nobody_in(admin: TestClient) -> None:
    cookie = admin.cookies[COOKIE]
    assert is_signed_in(admin)
    assert admin.post("/logout", follow_redirects=False).status_code == 303
    assert not is_signed_in(admin)
    admin.cookies.clear()
    admin.cookies.set(COOKIE, cookie)  # the copy an attacker kept
    assert not is_signed_in(admin)


def test_a_cookie_signed_with_the_old_database_secret_is_not_accepted(
    app: FastAPI, admin: TestClient, tmp_path: Path
) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'web.sqlite'}")
    with engine.begin() as conn:
        secret = conn.execute(
            text("SELECT value FROM app_settings WHERE key = 'session_secret'")
        ).scalar()
        if secret is None:  # what a database from before migration 0003 held
            secret = "k" * 64
            conn.execute(
                text("INSERT INTO app_settings (key, value) VALUES ('session_secret', :v)"),
                {"v": secret},
            )
        admin_id = conn.execute(text("SELECT id FROM users")).scalar_one()
    engine.dispose()
    forged = URLSafeTimedSerializer(secret, salt="zorgkracht-session").dumps(
        {"uid": admin_id, "sid": "x" * 43, "csrf": "t" * 43}
    )
    with TestClient(app) as attacker:
        attacker.cookies.set(COOKIE, forged)
        assert attacker.get("/api/cases").status_code == 401
        assert attacker.get("/", follow_redirects=False).headers["location"].startswith("/login")


def test_a_session_ends_at_its_absolute_lifetime_even_when_active(
    app: FastAPI, admin: TestClient
) -> None:
    now = [START]
    app.state.accounts.clock = lambda: now[0]
    sign_in(admin, ADMIN)
    for _ in range(23):  # a request every hour: never idle
        now[0] += dt.timedelta(hours=1)
        assert is_signed_in(admin), now[0]
    now[0] += dt.timedelta(hours=1, seconds=1)  # 24 h after signing in
    assert not is_signed_in(admin)


def test_a_session_ends_after_the_idle_timeout(app: FastAPI, admin: TestClient) -> None:
    now = [START]
    app.state.accounts.clock = lambda: now[0]
    sign_in(admin, ADMIN)
    now[0] += dt.timedelta(hours=11, minutes=59)
    assert is_signed_in(admin)
    now[0] += dt.timedelta(hours=12)
    assert not is_signed_in(admin)


def test_sign_out_everywhere_ends_the_session_of_another_client(
    app: FastAPI, admin: TestClient
) -> None:
    with signed_in(app) as laptop:
        assert is_signed_in(laptop) and is_signed_in(admin)
        page = admin.get("/account")
        assert page.status_code == 200 and "Overal uitloggen" in page.text
        done = admin.post("/account/sessions/end", follow_redirects=False)
        assert (done.status_code, done.headers["location"]) == (303, "/login")
        assert not is_signed_in(laptop)
        assert not is_signed_in(admin)


def test_a_new_password_ends_the_other_sessions_only(app: FastAPI, admin: TestClient) -> None:
    with signed_in(app) as laptop:
        new = "een nieuwe zin als wachtwoord"
        page = admin.get("/account")
        done = admin.post(
            "/account/password",
            data={
                "csrf_token": csrf_from(page.text),
                "current": PASSWORD,
                "password": new,
                "password2": new,
            },
            follow_redirects=False,
        )
        assert done.status_code == 303, done.text
        use_csrf_header(admin)  # the change gives this session a new CSRF token
        assert is_signed_in(admin)
        assert not is_signed_in(laptop)
        sign_in(laptop, ADMIN, new)
        assert is_signed_in(laptop)


def test_disabling_resetting_and_removing_a_user_end_their_sessions(
    app: FastAPI, admin: TestClient
) -> None:
    user_id = add_user(admin)
    with signed_in(app, OTHER) as other:
        assert is_signed_in(other)
        admin.post(f"/admin/users/{user_id}/disabled", data={"disabled": "1"})
        admin.post(f"/admin/users/{user_id}/disabled", data={"disabled": "0"})
        assert not is_signed_in(other)  # switched back on: the old session stays ended

        sign_in(other, OTHER)
        reset = "een wachtwoord van de beheerder"
        answer = admin.post(
            f"/admin/users/{user_id}/password",
            data={"password": reset, "password2": reset},
            follow_redirects=False,
        )
        assert answer.status_code == 303, answer.text
        assert not is_signed_in(other)

        sign_in(other, OTHER, reset)
        answer = admin.post(f"/admin/users/{user_id}/remove", follow_redirects=False)
        assert answer.status_code == 303, answer.text
        assert not is_signed_in(other)
        accounts = app.state.accounts
        assert [u.username for u in accounts.list()] == [ADMIN]


def test_an_administrator_cannot_remove_themselves_nor_the_last_administrator(
    app: FastAPI, admin: TestClient
) -> None:
    accounts = app.state.accounts
    me = accounts.list()[0].id
    answer = admin.post(f"/admin/users/{me}/remove")
    assert answer.status_code == 409 and "eigen account" in answer.text
    assert [u.username for u in accounts.list()] == [ADMIN]
    from zorgkracht.domain import Conflict

    with pytest.raises(Conflict):
        accounts.remove(me)  # e.g. from the command line: the last administrator stays
    assert is_signed_in(admin)


def test_two_app_instances_on_one_database_accept_each_others_sessions(
    tmp_path: Path, admin: TestClient
) -> None:
    second, db = make_app(tmp_path)  # the same database file, the same key file
    try:
        with TestClient(second) as other:
            other.cookies.set(COOKIE, admin.cookies[COOKIE])
            assert is_signed_in(other)
            use_csrf_header(other)
            assert other.post("/logout", follow_redirects=False).status_code == 303
        assert not is_signed_in(admin)  # ended by the other instance
    finally:
        db.close()


def test_key_rotate_writes_a_new_key_and_ends_every_session(
    admin: TestClient, key_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert is_signed_in(admin)
    old = key_file.read_text()
    with pytest.raises(SystemExit) as done:
        main(["key", "rotate", "--db", f"sqlite:///{tmp_path / 'web.sqlite'}"])
    assert done.value.code in (0, None)
    assert "1 sessies beëindigd" in capsys.readouterr().out
    assert key_file.read_text() != old
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert not is_signed_in(admin)
    sign_in(admin, ADMIN)  # the running app signs with the new key from now on
    assert is_signed_in(admin)


# --- the sessions table on both database backends -------------------------------------------


@pytest.fixture()
def sessions(
    store: CaseStore,  # noqa: F811
    sql: Engine,  # noqa: F811
) -> Iterator[tuple[SessionService, int, int]]:
    users = AccountStore(store)
    anna = users.add_user("anna", "Anna", "$argon2id$x", is_admin=True).id
    bo = users.add_user("bo", "Bo", "$argon2id$x", is_admin=False).id
    yield SessionService.for_cases(store, Settings(), lambda: START), anna, bo
    with sql.begin() as conn:
        conn.execute(text("DELETE FROM users"))


def test_sessions_are_stored_hashed_and_end_on_both_backends(
    sessions: tuple[SessionService, int, int],
    sql: Engine,  # noqa: F811
) -> None:
    service, anna, bo = sessions
    now = [START]
    service.clock = lambda: now[0]
    first, second, other = (
        service.start(anna, "10.0.0.1", "Firefox"),
        service.start(anna),
        service.start(bo),
    )
    with sql.connect() as conn:
        stored = set(conn.execute(text("SELECT token_hash FROM sessions")).scalars())
    assert len(stored) == 3 and not stored & {first, second, other}  # only hashes at rest
    assert service.resolve(first) == ActiveSession(anna, token_hash(first))
    assert service.resolve("not a token") is None
    assert service.end_all_for(anna, keep=second) == 1
    assert service.resolve(first) is None and service.resolve(second) is not None
    now[0] += dt.timedelta(hours=12)
    assert service.resolve(second) is None  # idle for 12 hours
    assert service.resolve(other) is None
    fresh = service.start(bo)
    with sql.begin() as conn:  # removing a user removes their sessions
        conn.execute(text("DELETE FROM users WHERE id = :id"), {"id": bo})
    assert service.resolve(fresh) is None
    assert service.start(anna) and service.end_all() == 1


def test_expired_sessions_are_purged_at_the_next_sign_in(
    sessions: tuple[SessionService, int, int],
    sql: Engine,  # noqa: F811
) -> None:
    service, anna, _ = sessions
    now = [START]
    service.clock = lambda: now[0]
    service.start(anna)
    now[0] += dt.timedelta(hours=25)
    service.start(anna)
    with sql.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM sessions")).scalar() == 1
