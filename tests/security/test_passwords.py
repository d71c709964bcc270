"""The password policy after NIST SP 800-63B (finding 5): at least 10 and at most 1024
characters, not a commonly used password, not the account's own name, no composition rules; at
setup, when an administrator creates or resets an account, when a user changes theirs, and on
the command line (``zorgkracht user passwd``, ``user remove``)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.web.helpers import ADMIN, PASSWORD, csrf_from, make_app, set_up_first_account, sign_in
from zorgkracht.cli.main import main
from zorgkracht.services.accounts import AccountService
from zorgkracht.storage import CaseStore

COMMON = ["password123", "1234567890", "qwertyuiop", "Password1234", "iloveyou12"]


@pytest.fixture(autouse=True)
def key_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZORGKRACHT_SECRET_KEY_FILE", str(tmp_path / "secret.key"))


@pytest.fixture()
def app(tmp_path: Path) -> Iterator[FastAPI]:
    application, store = make_app(tmp_path)
    yield application
    store.close()


@pytest.fixture()
def admin(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as client:
        set_up_first_account(client)
        yield client


def codes(accounts: AccountService, username: str, name: str, password: str) -> list[str]:
    return [p.code for p in accounts.problems(username, name, password) if p.where == "password"]


@pytest.mark.parametrize("password", COMMON)
def test_common_passwords_are_refused(app: FastAPI, password: str) -> None:
    assert codes(app.state.accounts, "anna", "Anna", password) == ["common"]


def test_length_name_and_no_composition_rules(app: FastAPI) -> None:
    accounts = app.state.accounts
    assert codes(accounts, "anna", "Anna", "kort") == ["too_short"]
    assert codes(accounts, "anna", "Anna", "x" * 1025) == ["too_long"]
    assert codes(accounts, "anna", "Anna", "lange zin " * 102) == []  # 1020 characters
    assert codes(accounts, "annadevries", "Anna", "annadevries1") == ["like_name"]
    assert codes(accounts, "anna", "Anna de Vries", "Anna de Vries!") == ["like_name"]
    assert codes(accounts, "anna", "Anna", "zorgkracht2026") == ["like_name"]
    # no demands on digits, capitals or symbols; a long sentence with a name in it is fine
    assert codes(accounts, "anna", "Anna", "de kat van anna slaapt op de bank") == []
    assert codes(accounts, "anna", "Anna", "tweeëntwintig olifanten") == []


def test_setup_refuses_a_common_password(app: FastAPI) -> None:
    with TestClient(app) as client:
        page = client.get("/setup")
        answer = client.post(
            "/setup",
            data={
                "csrf_token": csrf_from(page.text),
                "username": "anna",
                "display_name": "Anna",
                "password": "password123",
                "password2": "password123",
            },
        )
        assert answer.status_code == 422
        assert "veelgebruikte wachtwoorden" in answer.text
        assert not app.state.accounts.has_users()


def test_an_administrator_cannot_create_or_reset_with_a_weak_password(
    app: FastAPI, admin: TestClient
) -> None:
    answer = admin.post(
        "/admin/users", data={"username": "bo", "display_name": "Bo", "password": "1234567890"}
    )
    assert answer.status_code == 422 and "veelgebruikte" in answer.text
    assert [u.username for u in app.state.accounts.list()] == [ADMIN]
    created = admin.post(
        "/admin/users",
        data={"username": "bo", "display_name": "Bo", "password": PASSWORD},
        follow_redirects=False,
    )
    assert created.status_code == 303
    bo = app.state.accounts.find("bo")
    weak = admin.post(
        f"/admin/users/{bo.id}/password", data={"password": "qwertyuiop", "password2": "qwertyuiop"}
    )
    assert weak.status_code == 422 and "veelgebruikte" in weak.text
    sign_in(admin, "bo")  # the old password still works


def test_the_user_changes_their_password_with_the_current_one(
    app: FastAPI, admin: TestClient
) -> None:
    def change(current: str, new: str, repeat: str) -> int:
        page = admin.get("/account")
        return int(
            admin.post(
                "/account/password",
                data={
                    "csrf_token": csrf_from(page.text),
                    "current": current,
                    "password": new,
                    "password2": repeat,
                },
                follow_redirects=False,
            ).status_code
        )

    new = "mijn nieuwe lange wachtwoord"
    assert change("fout fout fout", new, new) == 422
    assert change(PASSWORD, new, new + "x") == 422
    assert change(PASSWORD, "password123", "password123") == 422
    assert change(PASSWORD, new, new) == 303
    sign_in(admin, ADMIN, new)
    admin.headers.pop("X-CSRF-Token")
    admin.cookies.clear()
    page = admin.get("/login")
    old = admin.post(
        "/login", data={"csrf_token": csrf_from(page.text), "username": ADMIN, "password": PASSWORD}
    )
    assert old.status_code == 401


def run(args: list[str], stdin: str = "", monkeypatch: pytest.MonkeyPatch | None = None) -> int:
    old = os.umask(0o022)
    try:
        main(args)
    except SystemExit as done:
        return int(done.code or 0)
    finally:
        os.umask(old)
    return 0


def test_user_passwd_and_remove_on_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    db = f"sqlite:///{tmp_path / 'cli.sqlite'}"

    def with_stdin(text: str) -> None:
        monkeypatch.setattr("sys.stdin", io.StringIO(text))

    with_stdin(PASSWORD + "\n")
    assert run(["user", "add", "anna", "--admin", "--password-stdin", "--db", db]) == 0
    with_stdin(PASSWORD + "\n")
    assert run(["user", "add", "bo", "--password-stdin", "--db", db]) == 0
    with_stdin("password123\n")
    assert run(["user", "passwd", "bo", "--password-stdin", "--db", db]) == 2
    assert "veelgebruikte" in capsys.readouterr().err
    with_stdin("een heel nieuw wachtwoord\n")
    assert run(["user", "passwd", "BO", "--password-stdin", "--db", db]) == 0
    assert "Nieuw wachtwoord ingesteld voor bo" in capsys.readouterr().out
    store = CaseStore(db)
    try:
        accounts = AccountService.for_cases(store)
        assert accounts.sign_in("bo", "een heel nieuw wachtwoord").account is not None
        assert run(["user", "remove", "anna", "--db", db]) == 4  # the last administrator
        assert run(["user", "remove", "bo", "--db", db]) == 0
        assert run(["user", "remove", "bo", "--db", db]) == 3
        assert [u.username for u in accounts.list()] == ["anna"]
    finally:
        store.close()
