"""Scripts sign in to the JSON API with a personal access token (``Authorization: Bearer``).

Tokens are made on the account page (shown once, then only listed) and revoked there. A
``read`` token may GET what its owner may see and nothing else; a ``write`` token edits with
``If-Match`` and without a CSRF token; a revoked, expired or unknown token gets 401; someone
else's case stays a 404; cookies are ignored next to a bearer; failures are throttled; every
use, creation and revocation is in the audit log with the token's id and never the token."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from zorgkracht.config import Settings
from zorgkracht.demo import demo_path
from zorgkracht.services.audit import AuditQuery, AuditRecord
from zorgkracht.storage import CaseStore

from .helpers import PASSWORD, csrf_from, make_app, set_up_first_account, sign_in

TOKEN_IN_PAGE = re.compile(r'id="new-token-value" type="text" readonly value="(zkt_[^"]+)"')
TIE = {"op": "add_tie", "a": "buurman", "b": "buurvrouw", "strength": 3, "support": ["G"]}


@dataclass
class Web:
    app: FastAPI
    store: CaseStore
    admin: TestClient
    bert: TestClient
    bert_id: int

    def script(self, token: str) -> TestClient:
        """A client with no cookie at all, only the bearer token."""
        client = TestClient(self.app)
        client.headers["Authorization"] = f"Bearer {token}"
        return client

    def audit(self, event: str) -> list[AuditRecord]:
        rows: list[AuditRecord] = self.app.state.audit.search(
            AuditQuery(event=event), limit=500, newest_first=False
        )
        return rows


def make_token(client: TestClient, name: str, scope: str = "read", days: str = "30") -> str:
    page = client.get("/account")
    made = client.post(
        "/account/tokens",
        data={"csrf_token": csrf_from(page.text), "name": name, "scope": scope, "days": days},
    )
    assert made.status_code == 200, made.text
    found = TOKEN_IN_PAGE.findall(made.text)
    assert len(found) == 1, made.text
    return str(found[0])


def token_ids(client: TestClient) -> list[int]:
    return [int(i) for i in re.findall(r'<tr id="token-(\d+)">', client.get("/account").text)]


def revoke(client: TestClient, token_id: int) -> Any:
    page = client.get("/account")
    return client.post(
        f"/account/tokens/{token_id}/revoke",
        data={"csrf_token": csrf_from(page.text)},
        follow_redirects=False,
    )


def web_on(tmp_path: Path, settings: Settings | None = None) -> Iterator[Web]:
    app, store = make_app(tmp_path, **({"settings": settings} if settings else {}))
    try:
        with TestClient(app) as admin:
            set_up_first_account(admin)
            karel = json.loads(demo_path("karel").read_text())
            assert admin.post("/api/cases", json=karel).status_code == 201
            bert_id = app.state.accounts.create_user("bert", "Bert Smit", PASSWORD).id
            bert = TestClient(app)
            sign_in(bert, "bert")
            yield Web(app, store, admin, bert, bert_id)
    finally:
        store.close()


@pytest.fixture()
def web(tmp_path: Path) -> Iterator[Web]:
    yield from web_on(tmp_path)


def test_the_account_page_makes_shows_once_lists_and_revokes(web: Web) -> None:
    page = web.bert.get("/account")
    assert "Toegangssleutels voor scripts" in page.text
    assert "U heeft geen toegangssleutels." in page.text
    token = make_token(web.bert, "Nachtelijke export", "read", "30")
    assert token.startswith("zkt_") and len(token) == 47
    listed = web.bert.get("/account").text
    assert token not in listed  # shown once, never again
    assert "Nachtelijke export" in listed and "Alleen lezen" in listed and "nooit" in listed
    [token_id] = token_ids(web.bert)
    # a use shows in the list
    assert web.script(token).get("/api/cases").status_code == 200
    today = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d")
    row = web.bert.get("/account").text.split(f'<tr id="token-{token_id}">')[1].split("</tr>")[0]
    assert row.count(today) == 2 and "nooit" not in row and "Geldig" in row
    # revoking
    done = revoke(web.bert, token_id)
    assert done.status_code == 303 and done.headers["location"] == "/account?revoked=1"
    after = web.bert.get("/account?revoked=1&lang=en").text
    assert "The access token has been revoked" in after and "Revoked" in after
    assert f'action="/account/tokens/{token_id}/revoke"' not in after
    assert web.script(token).get("/api/cases").status_code == 401


def test_the_form_refuses_bad_fields_and_the_twenty_first_token(web: Web) -> None:
    page = web.bert.get("/account")
    bad = web.bert.post(
        "/account/tokens",
        data={"csrf_token": csrf_from(page.text), "name": "", "scope": "root", "days": "400"},
    )
    assert bad.status_code == 422
    assert "zkt_" not in bad.text
    assert 'id="f-name-error"' in bad.text and 'id="f-days-error"' in bad.text
    assert 'id="f-scope-error"' in bad.text
    for n in range(20):
        make_token(web.bert, f"script {n}")
    full = web.bert.post(
        "/account/tokens",
        data={"csrf_token": csrf_from(page.text), "name": "x", "scope": "read", "days": "1"},
    )
    assert full.status_code == 409 and "trek er eerst een in" in full.text
    assert "zkt_" not in full.text


def test_a_read_token_reads_and_may_not_change(web: Web) -> None:
    script = web.script(make_token(web.admin, "lezen", "read"))
    cases = script.get("/api/cases")
    assert cases.status_code == 200 and [c["id"] for c in cases.json()] == ["karel"]
    analysis = script.get("/api/cases/karel/analysis")
    assert analysis.status_code == 200 and analysis.json()["size"] > 0
    assert "set-cookie" not in cases.headers and cases.headers["cache-control"] == "no-store"
    refused = script.post("/api/cases/karel/edits", json=TIE, headers={"If-Match": '"1"'})
    assert refused.status_code == 403
    error = refused.json()["error"]
    assert error["code"] == "forbidden"
    assert "alleen lezen" in error["message"]["nl"] and "only read" in error["message"]["en"]
    assert script.get("/api/cases/karel").headers["etag"] == '"1"'  # nothing changed
    assert script.delete("/api/cases/karel").status_code == 403


def test_a_write_token_edits_with_if_match_and_no_csrf(web: Web) -> None:
    script = web.script(make_token(web.admin, "schrijven", "write"))
    assert "X-CSRF-Token" not in script.headers
    done = script.post("/api/cases/karel/edits", json=TIE, headers={"If-Match": '"1"'})
    assert done.status_code == 200, done.text
    assert done.json()["version"] == 2
    stale = script.post("/api/cases/karel/edits", json=TIE, headers={"If-Match": '"1"'})
    assert stale.status_code == 409
    missing = script.post("/api/cases/karel/edits", json=TIE)
    assert missing.status_code == 428
    # without a token the same request still needs the session and its CSRF token
    assert TestClient(web.app).post("/api/cases/karel/edits", json=TIE).status_code == 401


def test_revoked_expired_and_unknown_tokens_get_401(web: Web) -> None:
    revoked = make_token(web.bert, "ingetrokken")
    [revoked_id] = token_ids(web.bert)
    expiring = make_token(web.bert, "kort", days="1")
    assert revoke(web.bert, revoked_id).status_code == 303
    answers = {
        "revoked": web.script(revoked).get("/api/cases"),
        "unknown": web.script("zkt_" + "x" * 43).get("/api/cases"),
        "malformed": web.script("geen-sleutel").get("/api/cases"),
    }
    for name, answer in answers.items():
        assert answer.status_code == 401, name
        assert answer.json()["error"]["code"] == "unauthorized", name
        assert answer.headers["www-authenticate"].startswith("Bearer"), name
    assert "ingetrokken" in answers["revoked"].json()["error"]["message"]["nl"]
    assert "unknown" in answers["unknown"].json()["error"]["message"]["en"]
    assert web.script(expiring).get("/api/cases").status_code == 200
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=1, minutes=1)
    web.app.state.accounts.clock = lambda: later
    expired = web.script(expiring).get("/api/cases")
    assert expired.status_code == 401
    assert "expired" in expired.json()["error"]["message"]["en"]


def test_someone_elses_case_stays_hidden_and_the_owners_rights_count_now(web: Web) -> None:
    script = web.script(make_token(web.bert, "bert", "write"))
    assert script.get("/api/cases").json() == []
    hidden = script.get("/api/cases/karel/analysis")
    assert hidden.status_code == 404 and hidden.json()["error"]["code"] == "not_found"
    assert web.bert.get("/api/cases/karel/analysis").status_code == 404  # as for sessions
    web.app.state.accounts.assign("karel", web.bert_id)
    assert script.get("/api/cases/karel/analysis").status_code == 200
    web.app.state.accounts.set_disabled(web.bert_id, True)
    assert script.get("/api/cases").status_code == 401


def test_cookies_are_ignored_when_a_bearer_is_given(web: Web) -> None:
    token = make_token(web.bert, "bert")
    # the administrator's browser session, with bert's token: the request is bert's
    answer = web.admin.get("/api/cases/karel", headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 404
    assert web.admin.get("/api/cases/karel").status_code == 200
    bad = web.admin.get("/api/cases/karel", headers={"Authorization": "Bearer zkt_nope"})
    assert bad.status_code == 401
    # outside /api/ a bearer signs nobody in: the pages need the session
    page = web.script(token).get("/account", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"].startswith("/login")


def test_failed_tokens_are_throttled_per_address(tmp_path: Path) -> None:
    for web in web_on(tmp_path, Settings(throttle_free_per_address=3)):
        good = make_token(web.bert, "goed")
        for _ in range(3):
            assert web.script("zkt_wrong").get("/api/cases").status_code == 401
        throttled = web.script("zkt_wrong").get("/api/cases")
        assert throttled.status_code == 429
        assert throttled.json()["error"]["code"] == "throttled"
        assert int(throttled.headers["retry-after"]) >= 1
        assert web.script(good).get("/api/cases").status_code == 429  # the address waits
        assert web.bert.get("/api/cases").status_code == 200  # sessions are not affected


def test_every_use_creation_and_revocation_is_audited_without_the_token(web: Web) -> None:
    read = make_token(web.admin, "lezen", "read")
    write = make_token(web.admin, "schrijven", "write")
    read_id, write_id = sorted(token_ids(web.admin))
    web.script(read).get("/api/cases/karel/analysis")
    web.script(read).post("/api/cases/karel/edits", json=TIE, headers={"If-Match": '"1"'})
    web.script(write).post("/api/cases/karel/edits", json=TIE, headers={"If-Match": '"1"'})
    assert revoke(web.admin, write_id).status_code == 303
    web.script(write).get("/api/cases")
    used = [(r.user_name, r.detail, r.outcome) for r in web.audit("token_used")]
    assert used == [
        ("beheer", f"token:{read_id}:GET", "ok"),
        ("beheer", f"token:{read_id}:scope:POST", "denied"),
        ("beheer", f"token:{write_id}:POST", "ok"),
        ("beheer", f"token:{write_id}:revoked", "denied"),
    ]
    assert len({r.user_id for r in web.audit("token_used")}) == 1
    created = [(r.detail, r.user_name) for r in web.audit("token_created")]
    assert created == [
        (f"token:{read_id}:read:30", "beheer"),
        (f"token:{write_id}:write:30", "beheer"),
    ]
    assert [r.detail for r in web.audit("token_revoked")] == [f"token:{write_id}"]
    # the request's own events are there too, as the token's owner
    changed = web.audit("case_changed")
    assert [(r.case_id, r.user_name, r.outcome) for r in changed] == [("karel", "beheer", "ok")]
    viewed = [r for r in web.audit("case_viewed") if r.case_id == "karel"]
    assert viewed and all(r.user_name == "beheer" for r in viewed)
    everything = web.app.state.audit.search(AuditQuery(), limit=1000)
    assert not any(read in r.detail or write in r.detail for r in everything)
    assert not any(read[4:12] in r.detail or write[4:12] in r.detail for r in everything)


def test_the_openapi_document_describes_the_bearer_scheme(web: Web) -> None:
    doc = web.admin.get("/openapi.json").json()
    scheme = doc["components"]["securitySchemes"]["bearerAuth"]
    assert scheme["type"] == "http" and scheme["scheme"] == "bearer"
    edits = doc["paths"]["/api/cases/{case_id}/edits"]["post"]
    assert {"bearerAuth": []} in edits["security"]
    assert {"session": [], "csrf": []} in edits["security"]
    assert "429" in edits["responses"] and "401" in edits["responses"]
    assert doc["paths"]["/api/health"]["get"]["security"] == []


def test_only_the_owner_or_an_administrator_revokes_a_token(web: Web) -> None:
    of_admin = make_token(web.admin, "van de beheerder")
    [admin_token_id] = token_ids(web.admin)
    of_bert = make_token(web.bert, "van bert")
    [bert_token_id] = token_ids(web.bert)
    refused = revoke(web.bert, admin_token_id)
    assert refused.status_code == 404 and "bestaat niet" in refused.text
    assert web.script(of_admin).get("/api/cases").status_code == 200
    assert revoke(web.admin, bert_token_id).status_code == 303
    assert web.script(of_bert).get("/api/cases").status_code == 401
    assert "Ingetrokken" in web.bert.get("/account").text
