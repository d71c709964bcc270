"""The case page's parts kept between loads of one stored state (``web/page_cache.py``)."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from fastapi.testclient import TestClient

from zorgkracht.demo import demo_path
from zorgkracht.web.page_cache import PageCache, StateKey, StateParts

_TOKEN = re.compile(r'(name="csrf[-_]token" (?:content|value)=)"[^"]+"')


def cache_of(client: TestClient) -> PageCache:
    cache = client.app.state.page_cache  # type: ignore[attr-defined]
    assert isinstance(cache, PageCache)
    return cache


def page(client: TestClient, query: str) -> str:
    answer = client.get(f"/cases/karel{query}")
    assert answer.status_code == 200, answer.text
    return _TOKEN.sub(r'\1""', answer.text)  # the session's token differs per render


QUERIES = [
    "?view=genogram",
    "?view=ecogram",
    "?view=netwerkschema&lang=en",
    "?view=ecogram&snapshot=start",
    "?view=sociogram&hide_sensitive=true",
]


@pytest.mark.parametrize("query", QUERIES)
def test_the_page_from_the_cache_is_the_page_drawn_without_it(
    client: TestClient, query: str
) -> None:
    cache = cache_of(client)
    first = page(client, query)
    again = page(client, query)
    assert len(cache) == 1
    client.app.state.page_cache = None  # type: ignore[attr-defined]
    plain = page(client, query)
    assert first == again == plain
    assert 'id="case-data"' in plain and "<svg" in plain


def test_views_of_one_state_share_it_and_each_view_is_kept(client: TestClient) -> None:
    cache = cache_of(client)
    for view in ("genogram", "ecogram", "genogram", "netwerkschema"):
        page(client, f"?view={view}")
    (key,) = cache.states()
    assert (key.case_id, key.version, key.snapshot, key.hide_sensitive) == ("karel", 1, "", False)
    assert key.day == dt.date.today().isoformat()
    state = cache.get(key)
    assert state is not None
    assert sorted(state.views) == ["ecogram", "genogram", "netwerkschema"]
    assert all(v.picture.view == name for name, v in state.views.items())


def test_an_edit_drops_the_old_state_and_the_page_shows_the_change(client: TestClient) -> None:
    cache = cache_of(client)
    for view in ("genogram", "ecogram"):
        assert "Vadertje" not in page(client, f"?view={view}")
    renamed = client.post(
        "/api/cases/karel/edits",
        json={"op": "update_person", "id": "vader", "changes": {"name": "Vadertje"}},
        headers={"If-Match": '"1"'},
    )
    assert renamed.status_code == 200, renamed.text
    for view in ("genogram", "ecogram"):
        html = page(client, f"?view={view}")
        assert 'data-version="2"' in html
        people = html[html.index('id="fragment-people"') :]
        assert "Vadertje" in people  # the person list
        assert "Vadertje" in html[html.index('id="picture"') : html.index('id="fragment-table"')]
    assert [(k.version, k.case_id) for k in cache.states()] == [(2, "karel")]


def _parts() -> StateParts:
    return StateParts(analysis={}, system="", analysis_html="", people="", views={})  # type: ignore[arg-type]


def _key(case_id: str, version: int, revision: str = "r", day: str = "2026-12-04") -> StateKey:
    return StateKey(case_id, revision, version, "nl", "", False, day)


def test_the_cache_keeps_the_newest_state_of_a_case_and_drops_the_least_used() -> None:
    cache = PageCache(size=2)
    cache.put(_key("a", 1), _parts())
    cache.put(_key("a", 2), _parts())
    assert cache.states() == [_key("a", 2)]  # an older state of the same case is dropped
    cache.put(_key("a", 1), _parts())  # a late answer for the older state: kept beside it
    cache.put(_key("a", 3, revision="other"), _parts())  # stored again under the same id
    assert cache.states() == [_key("a", 3, revision="other")]
    cache.put(_key("b", 1), _parts())
    assert cache.get(_key("a", 3, revision="other")) is not None  # now the most recent
    cache.put(_key("c", 1), _parts())
    assert cache.states() == [_key("a", 3, revision="other"), _key("c", 1)]
    cache.drop("a")
    assert cache.states() == [_key("c", 1)]
    cache.put(_key("c", 1, day="2026-12-05"), _parts())  # ages count from another day now
    assert cache.states() == [_key("c", 1, day="2026-12-05")]


def test_a_picture_that_passed_its_budget_is_not_kept(client: TestClient) -> None:
    cache = cache_of(client)
    client.app.state.settings.draw_budget_seconds = 0.0  # type: ignore[attr-defined]
    html = page(client, "?view=ecogram")
    (key,) = cache.states()
    state = cache.get(key)
    assert state is not None and state.views == {}
    assert 'id="fragment-people"' in html
    client.app.state.settings.draw_budget_seconds = 5.0  # type: ignore[attr-defined]
    assert "<svg" in page(client, "?view=ecogram")
    kept = cache.get(key)
    assert kept is not None and list(kept.views) == ["ecogram"]


def test_a_deleted_or_erased_case_leaves_nothing_in_the_cache(client: TestClient) -> None:
    cache = cache_of(client)
    page(client, "?view=ecogram")
    other = json.loads(demo_path("karel").read_text()) | {"id": "karel-2"}
    assert client.post("/api/cases", json=other).status_code == 201
    assert client.get("/cases/karel-2?view=genogram").status_code == 200
    assert sorted(k.case_id for k in cache.states()) == ["karel", "karel-2"]
    gone = client.delete("/api/cases/karel", headers={"If-Match": '"1"'})
    assert gone.status_code == 204, gone.text
    assert [k.case_id for k in cache.states()] == ["karel-2"]
    erased = client.post(
        "/cases/karel-2/erase", data={"confirm": "karel-2"}, follow_redirects=False
    )
    assert erased.status_code == 303, erased.text
    assert cache.states() == []


def test_a_page_from_the_cache_gets_a_patch_for_its_first_edit(client: TestClient) -> None:
    from zorgkracht.layout import memo

    page(client, "?view=ecogram")
    memo.forget()  # what the edit path kept of the picture the page shows is gone
    assert len(cache_of(client)) == 1
    page(client, "?view=ecogram")  # from the cache: it says again which picture it shows
    op = {"op": "update_tie", "id": "t_vader", "changes": {"strength": 3}}
    answer = client.post(
        "/api/cases/karel/edits?view=ecogram&fragments=true&drawn=1",
        json=op,
        headers={"If-Match": '"1"'},
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["svg"] is None and answer.json()["patch"]
