"""Accounts in the web application: first-run setup, signing in and out, throttling, the session
cookie, CSRF, and who sees which case."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from zorgkracht.web.security import COOKIE, safe_next

from .helpers import (
    ADMIN,
    PASSWORD,
    csrf_from,
    make_app,
    set_up_first_account,
    sign_in,
    use_csrf_header,
)


@pytest.fixture()
def app(tmp_path: Path) -> Iterator[FastAPI]:
    application, store = make_app(tmp_path)
    yield application
    store.close()


@pytest.fixture()
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


def doc(case_id: str, name: str) -> dict[str, Any]:
    return {
        "format": "zorgkracht/1",
        "id": case_id,
        "title": f"Netwerk van {name}",
        "client": "p1",
        "network": {"persons": [{"id": "p1", "name": name}], "household": ["p1"]},
    }


def add_professional(admin: TestClient, username: str = "sanne") -> None:
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


# --- first run ------------------------------------------------------------------------------


def test_first_run_sends_everyone_to_setup(client: TestClient) -> None:
    for path in ("/", "/cases/x", "/admin/users", "/login"):
        answer = client.get(path, follow_redirects=False)
        assert (answer.status_code, answer.headers["location"]) == (303, "/setup"), path
    api = client.get("/api/cases")
    assert api.status_code == 401
    assert api.json()["error"]["code"] == "setup_required"
    assert client.get("/api/health").json()["status"] == "ok"
    assert client.get("/static/zorgkracht.css").status_code == 200


def test_setup_shows_every_problem_next_to_its_field_and_creates_nothing(
    client: TestClient,
) -> None:
    page = client.get("/setup")
    answer = client.post(
        "/setup",
        data={
            "csrf_token": csrf_from(page.text),
            "username": "Anna Jansen",
            "display_name": "Anna",
            "password": "kort",
            "password2": "anders",
        },
    )
    assert answer.status_code == 422
    text = answer.text
    assert 'id="f-username-error"' in text and "Gebruik 1 tot 80 tekens" in text
    assert 'id="f-password-error"' in text and "minstens 10 tekens" in text
    assert 'id="f-password2-error"' in text and "niet gelijk" in text
    assert 'value="Anna Jansen"' in text and 'value="kort"' not in text  # no password echoed
    assert client.get("/", follow_redirects=False).headers["location"] == "/setup"


def test_setup_creates_one_administrator_once(client: TestClient, app: FastAPI) -> None:
    set_up_first_account(client)
    home = client.get("/")
    assert home.status_code == 200 and "Ingelogd als Bea de Vries" in home.text
    assert 'href="/admin/users"' in home.text
    # a second setup is refused: it goes to the login page and creates nobody
    assert client.get("/setup", follow_redirects=False).headers["location"] == "/login"
    again = client.post(
        "/setup",
        data={
            "username": "indringer",
            "password": PASSWORD,
            "password2": PASSWORD,
            "csrf_token": client.headers["X-CSRF-Token"],
        },
        follow_redirects=False,
    )
    assert again.headers["location"] == "/login"
    assert [u.username for u in app.state.accounts.list()] == [ADMIN]


def test_setup_needs_the_printed_token_when_one_is_set(tmp_path: Path) -> None:
    app, store = make_app(tmp_path, setup_token="geheim-123")
    with TestClient(app) as client:
        assert client.get("/setup").status_code == 403
        assert client.get("/setup?token=fout").status_code == 403
        page = client.get("/setup?token=geheim-123")
        assert page.status_code == 200
        refused = client.post(
            "/setup",
            data={
                "csrf_token": csrf_from(page.text),
                "username": "anna",
                "password": PASSWORD,
                "password2": PASSWORD,
            },
        )
        assert refused.status_code == 403
        assert not app.state.accounts.has_users()
    store.close()


# --- signing in and out ---------------------------------------------------------------------


def test_login_logout_and_next(client: TestClient) -> None:
    set_up_first_account(client)
    client.cookies.clear()
    client.headers.pop("X-CSRF-Token")
    answer = client.get("/cases/kim?lang=en", follow_redirects=False)
    assert answer.headers["location"] == "/login?next=%2Fcases%2Fkim%3Flang%3Den"
    assert client.get("/api/cases").json()["error"]["code"] == "unauthorized"
    page = client.get("/login?next=/cases/kim")
    assert 'name="next" value="/cases/kim"' in page.text
    wrong = client.post(
        "/login",
        data={"csrf_token": csrf_from(page.text), "username": ADMIN, "password": "fout fout fout"},
    )
    assert wrong.status_code == 401
    assert "Gebruikersnaam of wachtwoord klopt niet." in wrong.text
    right = client.post(
        "/login",
        data={
            "csrf_token": csrf_from(page.text),
            "username": ADMIN.upper(),  # user names are not case-sensitive
            "password": PASSWORD,
            "next": "/cases/kim",
        },
        follow_redirects=False,
    )
    assert (right.status_code, right.headers["location"]) == (303, "/cases/kim")
    use_csrf_header(client)
    assert client.get("/api/cases").status_code == 200
    out = client.post("/logout", follow_redirects=False)
    assert (out.status_code, out.headers["location"]) == (303, "/login")
    assert client.get("/api/cases").status_code == 401


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/cases/kim?x=1", "/cases/kim?x=1"),
        ("//evil.example/", "/"),
        ("/\\evil.example", "/"),
        ("https://evil.example/", "/"),
        ("javascript:alert(1)", "/"),
        ("/ok\r\nSet-Cookie: x", "/"),
        ("", "/"),
    ],
)
def test_next_is_only_a_path_on_this_site(target: str, expected: str) -> None:
    assert safe_next(target) == expected


def test_login_redirects_only_to_this_site(client: TestClient) -> None:
    set_up_first_account(client)
    client.cookies.clear()
    client.headers.pop("X-CSRF-Token")
    page = client.get("/login")
    answer = client.post(
        "/login",
        data={
            "csrf_token": csrf_from(page.text),
            "username": ADMIN,
            "password": PASSWORD,
            "next": "//evil.example/steal",
        },
        follow_redirects=False,
    )
    assert answer.headers["location"] == "/"


def test_repeated_failures_are_throttled(client: TestClient, app: FastAPI) -> None:
    set_up_first_account(client)
    now = [dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)]
    app.state.accounts.clock = lambda: now[0]
    client.cookies.clear()
    client.headers.pop("X-CSRF-Token")
    token = csrf_from(client.get("/login").text)

    def attempt(password: str) -> int:
        data = {"csrf_token": token, "username": ADMIN, "password": password}
        return int(client.post("/login", data=data, follow_redirects=False).status_code)

    assert [attempt("fout wachtwoord") for _ in range(3)] == [401] * 3
    refused = client.post(
        "/login", data={"csrf_token": token, "username": ADMIN, "password": PASSWORD}
    )
    assert refused.status_code == 429  # even the right password waits, a second
    assert "Te veel mislukte pogingen" in refused.text
    assert int(refused.headers["retry-after"]) == 2
    now[0] += dt.timedelta(seconds=1)  # the delay has passed: the owner gets in
    assert attempt(PASSWORD) == 303


def test_session_cookie_flags_over_http_and_https(app: FastAPI) -> None:
    with TestClient(app) as plain:
        set_up_first_account(plain)
        plain.cookies.clear()  # a new visitor gets a new session cookie
        cookie = plain.get("/login").headers.get("set-cookie", "")
        flags = [f.strip().lower() for f in cookie.split(";")]
        assert cookie.startswith(f"{COOKIE}=")
        assert "httponly" in flags and "samesite=lax" in flags and "secure" not in flags
    with TestClient(app, base_url="https://testserver") as secure:
        cookie = secure.get("/login").headers["set-cookie"]
        flags = [f.strip().lower() for f in cookie.split(";")]
        assert {"httponly", "samesite=lax", "secure"} <= set(flags)


def test_a_tampered_session_cookie_signs_nobody_in(client: TestClient) -> None:
    set_up_first_account(client)
    value = client.cookies[COOKIE]
    client.cookies.clear()
    client.cookies.set(COOKIE, value[:-3] + ("AAA" if not value.endswith("AAA") else "BBB"))
    assert client.get("/api/cases").status_code == 401


# --- CSRF -----------------------------------------------------------------------------------


def test_unsafe_requests_need_the_csrf_token(client: TestClient) -> None:
    set_up_first_account(client)
    token = client.headers.pop("X-CSRF-Token")
    missing = client.post("/api/cases", json=doc("kim", "Kim"))
    assert missing.status_code == 403
    assert missing.json()["error"]["code"] == "csrf"
    wrong = client.post("/api/cases", json=doc("kim", "Kim"), headers={"X-CSRF-Token": "x" * 43})
    assert wrong.status_code == 403
    form = client.post(
        "/cases",
        data={"title": "Netwerk van Kim", "client_name": "Kim"},
        headers={"Accept": "text/html"},
    )
    assert form.status_code == 403 and "beveiligingstoken" in form.text
    assert client.get("/api/cases").json() == []  # nothing was stored
    by_header = client.post("/api/cases", json=doc("kim", "Kim"), headers={"X-CSRF-Token": token})
    assert by_header.status_code == 201
    by_field = client.post(
        "/cases",
        data={"csrf_token": token, "title": "Netwerk van Ali", "client_name": "Ali"},
        follow_redirects=False,
    )
    assert by_field.status_code == 303
    ali = by_field.headers["location"].removeprefix("/cases/")
    assert {c["id"] for c in client.get("/api/cases").json()} == {"kim", ali}
    assert client.post("/logout", follow_redirects=False).status_code == 403


def test_signing_in_gives_a_new_csrf_token(client: TestClient) -> None:
    page = client.get("/setup")
    before = csrf_from(page.text)
    set_up_first_account(client)
    assert client.headers["X-CSRF-Token"] != before


# --- access ---------------------------------------------------------------------------------


def test_a_professional_sees_only_assigned_cases(client: TestClient) -> None:
    set_up_first_account(client)
    assert client.post("/api/cases", json=doc("kim", "Kim")).status_code == 201
    assert client.post("/api/cases", json=doc("ali", "Ali")).status_code == 201
    add_professional(client, "sanne")

    sign_in(client, "sanne")
    assert client.get("/api/cases").json() == []
    assert client.get("/api/cases/kim").status_code == 404
    assert client.get("/cases/kim").status_code == 404
    assert (
        client.put("/api/cases/kim", json=doc("kim", "X"), headers={"If-Match": '"1"'}).status_code
        == 404
    )
    assert client.delete("/api/cases/kim", headers={"If-Match": '"1"'}).status_code == 404
    assert client.post("/cases/kim/archive", follow_redirects=False).status_code == 404
    assert client.get("/admin/users").status_code == 403
    assert client.get("/cases/kim/access").status_code == 403
    assert "kim" not in client.get("/").text
    # a case she creates is hers
    created = client.post(
        "/cases", data={"title": "Netwerk van Bo", "client_name": "Bo"}, follow_redirects=False
    )
    bo = created.headers["location"].removeprefix("/cases/")
    assert bo.startswith("c-")  # an opaque id, not made from the title
    assert [c["id"] for c in client.get("/api/cases").json()] == [bo]
    assert client.get(f"/cases/{bo}").status_code == 200

    sign_in(client, ADMIN)
    assert {c["id"] for c in client.get("/api/cases").json()} == {"kim", "ali", bo}
    sanne_id = next(u.id for u in client.app.state.accounts.list() if u.username == "sanne")  # type: ignore[attr-defined]
    page = client.get("/cases/kim/access")
    assert page.status_code == 200 and "Sanne" in page.text
    given = client.post("/cases/kim/access", data={"user_id": str(sanne_id), "action": "add"})
    assert given.status_code == 200 and "Toegang intrekken" in given.text

    sign_in(client, "sanne")
    assert {c["id"] for c in client.get("/api/cases").json()} == {"kim", bo}
    assert [c["id"] for c in client.get("/api/cases", params={"search": "kim"}).json()] == ["kim"]
    assert client.get("/api/cases/kim").status_code == 200
    assert client.get("/api/cases/ali").status_code == 404

    sign_in(client, ADMIN)
    client.post("/cases/kim/access", data={"user_id": str(sanne_id), "action": "remove"})
    sign_in(client, "sanne")
    assert client.get("/api/cases/kim").status_code == 404


def test_a_disabled_account_is_signed_out_and_cannot_sign_in(client: TestClient) -> None:
    set_up_first_account(client)
    add_professional(client, "sanne")
    accounts = client.app.state.accounts  # type: ignore[attr-defined]
    sanne = next(u for u in accounts.list() if u.username == "sanne")
    sign_in(client, "sanne")
    assert client.get("/api/cases").status_code == 200
    accounts.set_disabled(sanne.id, True)
    assert client.get("/api/cases").status_code == 401
    page = client.get("/login")
    refused = client.post(
        "/login",
        data={"csrf_token": csrf_from(page.text), "username": "sanne", "password": PASSWORD},
    )
    assert refused.status_code == 401


def test_admin_page_shows_errors_next_to_the_fields(client: TestClient) -> None:
    set_up_first_account(client)
    answer = client.post(
        "/admin/users?lang=en", data={"username": ADMIN, "display_name": "", "password": PASSWORD}
    )
    assert answer.status_code == 409
    assert 'id="f-username-error"' in answer.text and "already taken" in answer.text
    short = client.post("/admin/users", data={"username": "bo", "password": "kort"})
    assert short.status_code == 422 and 'id="f-password-error"' in short.text
    assert [u.username for u in client.app.state.accounts.list()] == [ADMIN]  # type: ignore[attr-defined]


def test_a_database_without_the_account_tables_is_a_clear_503(
    client: TestClient, tmp_path: Path
) -> None:
    from sqlalchemy import create_engine

    set_up_first_account(client)
    engine = create_engine(f"sqlite:///{tmp_path / 'web.sqlite'}")
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE sessions")
    engine.dispose()
    answer = client.get("/api/cases")
    assert answer.status_code == 503
    assert answer.json()["error"]["code"] == "unavailable"
    assert "niet ingericht" in answer.json()["error"]["message"]["nl"]


def test_answers_with_client_data_are_not_cached_or_framed(client: TestClient) -> None:
    set_up_first_account(client)
    for path in ("/", "/api/cases", "/login"):
        headers = client.get(path).headers
        assert headers["cache-control"] == "no-store", path
        assert headers["x-frame-options"] == "DENY"
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


def test_a_new_account_gets_its_role_on_the_form(client: TestClient) -> None:
    """The administrator picks the role when making the account (a volunteer network coach,
    a coordinator, ...); an unknown role is refused next to the field and nothing is made."""
    set_up_first_account(client)
    for username, role in (("carmen", "volunteer"), ("cor", "coordinator"), ("pim", "")):
        answer = client.post(
            "/admin/users",
            data={
                "username": username,
                "display_name": username.title(),
                "password": "een lang en geheim wachtwoord",
                "role": role,
            },
            follow_redirects=False,
        )
        assert answer.status_code == 303, answer.text
    accounts = client.app.state.accounts  # type: ignore[attr-defined]
    assert {a.username: (a.role, a.is_admin) for a in accounts.list()} == {
        ADMIN: ("admin", True),
        "carmen": ("volunteer", False),
        "cor": ("coordinator", False),
        "pim": ("professional", False),
    }
    bad = client.post(
        "/admin/users",
        data={
            "username": "opperhoofd",
            "display_name": "X",
            "password": "een lang en geheim wachtwoord",
            "role": "koning",
        },
    )
    assert bad.status_code == 422
    assert "Kies een bestaande rol." in bad.text
    assert accounts.find("opperhoofd") is None
    page = client.get("/admin/users")
    assert '<select id="f-role" name="role">' in page.text
