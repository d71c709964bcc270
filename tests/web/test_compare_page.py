"""The compare page: figures in the page's language, new and removed ties described by name."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from zorgkracht.domain.codes import Quality, Wish
from zorgkracht.services.analysing import figure
from zorgkracht.web import deps

from .helpers import signed_in_client


def _person(pid: str, name: str, gender: str, role: str | None = None) -> dict[str, Any]:
    person: dict[str, Any] = {"id": pid, "name": name, "gender": gender}
    if role:
        person["role"] = role
    return person


def _tie(
    tid: str, a: str, b: str, strength: int, quality: str, support: list[str]
) -> dict[str, Any]:
    return {
        "id": tid,
        "a": a,
        "b": b,
        "strength": strength,
        "quality": quality,
        "direction": "none",
        "support": support,
    }


PAULINE = _person("pauline", "Pauline", "female")
JAN = _person("jan", "Jan", "male", "child")
MARIE = _person("marie", "Marie", "female", "friend")
PIET = _person("piet", "Piet", "male", "neighbour")

BEFORE = {
    "persons": [PAULINE, JAN, PIET],
    "household": ["pauline"],
    "ties": [
        _tie("t1", "pauline", "jan", 2, "positive", ["P"]),
        _tie("t2", "pauline", "piet", 1, "conflict", []),
    ],
}
AFTER = {
    "persons": [PAULINE, JAN, MARIE],
    "household": ["pauline"],
    "ties": [
        _tie("t1", "pauline", "jan", 3, "positive", ["P", "E"]),
        _tie("t3", "pauline", "marie", 2, "positive", ["G"]),
        _tie("t4", "jan", "marie", 3, "positive", ["G", "P"]),
    ],
}
CASE = {
    "format": "zorgkracht/1",
    "id": "pauline",
    "title": "Pauline",
    "client": "pauline",
    "network": AFTER,
    "snapshots": [
        {"id": "voor", "label": "Voor", "taken_on": "2026-01-05", "network": BEFORE},
        {"id": "na", "label": "Na", "taken_on": "2026-06-05", "network": AFTER},
    ],
}


@pytest.fixture()
def client(tmp_path: Path) -> Iterator[TestClient]:
    with signed_in_client(tmp_path) as test_client:
        created = test_client.post("/api/cases", json=CASE)
        assert created.status_code == 201, created.text
        yield test_client


def _items(html: str, css_class: str) -> list[str]:
    """The text of every list item in the list(s) of class ``css_class``, tags taken out."""
    found: list[str] = []
    for block in re.findall(rf'<ul class="{css_class}">(.*?)</ul>', html, re.S):
        for item in re.findall(r"<li[^>]*>(.*?)</li>", block, re.S):
            found.append(" ".join(unescape(re.sub(r"<[^>]+>", " ", item)).split()))
    return found


def _measures(html: str) -> dict[str, list[str]]:
    """The rows of the measures table: label → [before, after, change]."""
    table = html[html.index('id="measures-title"') :]
    rows = re.findall(
        r'<tr><th scope="row">(.*?)</th><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td></tr>', table
    )
    return {unescape(r[0]): [unescape(v) for v in r[1:]] for r in rows}


def _page(client: TestClient, lang: str) -> str:
    answer = client.get(f"/cases/pauline/compare?a=voor&b=na&lang={lang}")
    assert answer.status_code == 200, answer.text
    return str(answer.text)


def test_new_and_removed_ties_and_persons_are_described_by_name_in_dutch(
    client: TestClient,
) -> None:
    html = _page(client, "nl")
    assert _items(html, "came") == ["Nieuw: Marie"]
    assert _items(html, "left") == ["Weg: Piet"]
    assert _items(html, "tie-changes") == [
        "Nieuw: Jan – Marie (heel belangrijk, steun P G)",
        "Nieuw: Pauline – Marie (belangrijk, steun G)",
        f"Weg: Pauline – Piet (minder belangrijk, {Quality.CONFLICT.nl})",
    ]
    assert "<td>Pauline – Jan</td>" in html
    assert "sterkte belangrijk → heel belangrijk; steun erbij: E;" in html
    assert "Sterker geworden" in html


def test_new_and_removed_ties_and_persons_are_described_by_name_in_english(
    client: TestClient,
) -> None:
    html = _page(client, "en")
    assert _items(html, "came") == ["New: Marie"]
    assert _items(html, "left") == ["Gone: Piet"]
    assert _items(html, "tie-changes") == [
        "New: Jan – Marie (very important, support P G)",
        "New: Pauline – Marie (important, support G)",
        f"Gone: Pauline – Piet (less important, {Quality.CONFLICT.en})",
    ]
    assert "strength important → very important; support gained: E;" in html


def test_figures_are_percentages_and_numbers_in_the_page_language(client: TestClient) -> None:
    dutch = _measures(_page(client, "nl"))
    # informal support only (the network has no paid help): before Jan P → 1/1; after
    # Jan P E, Marie G → 2/3 pairs on Jan
    assert dutch["hoeveel rust op één persoon (deel van de informele steun)"] == [
        "100%",
        "66,7%",
        "-33,3%",
    ]
    assert dutch["dichtheid (wie kent wie)"] == ["0%", "100%", "+100%"]
    assert dutch["relaties tussen netwerkleden"] == ["0", "1", "+1"]
    assert dutch["losse groepjes"] == ["2", "1", "-1"]
    english = _measures(_page(client, "en"))
    assert english["how much rests on one person (share of informal support)"] == [
        "100%",
        "66.7%",
        "-33.3%",
    ]
    assert english["density (who knows whom)"] == ["0%", "100%", "+100%"]


def test_a_departure_the_client_wished_is_shown_as_intended(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Piet: before, the client wanted less contact with him (wish less, set on the case as
    # loaded, whatever the storage keeps); his leaving is shown as a gain, on every load
    real = deps.load_case

    def with_wish(*args: Any, **kwargs: Any) -> Any:
        record = real(*args, **kwargs)
        record.case.snapshot("voor").network.person("piet").wish = Wish.LESS
        return record

    monkeypatch.setattr("zorgkracht.web.case_routes.load_case", with_wish)
    for _ in range(2):
        nl = _page(client, "nl")
        assert _items(nl, "left") == [
            "Weg: Piet (zoals de cliënt wilde: afstand genomen, een winst)"
        ]
        gone = f"Weg: Pauline – Piet (minder belangrijk, {Quality.CONFLICT.nl}) zoals de cliënt"
        assert gone in (" ".join(_items(nl, "tie-changes")))
    en = _page(client, "en")
    assert _items(en, "left") == ["Gone: Piet (as the client wished: distance taken, a gain)"]


@pytest.mark.parametrize(
    ("path", "value", "lang", "change", "shown"),
    [
        ("density", 0.09524, "nl", False, "9,5%"),
        ("density", 0.09524, "en", False, "9.5%"),
        ("reciprocity.share", -0.25, "nl", True, "-25%"),
        ("variety.sector.iqv", 0.5625, "nl", False, "0,56"),
        ("variety.sector.iqv", 0.33006, "en", True, "+0.33"),
        ("size", 12, "nl", False, "12"),
        ("size", 1234, "nl", False, "1.234"),
        ("size", None, "en", False, "—"),
    ],
)
def test_figure(path: str, value: float | None, lang: str, change: bool, shown: str) -> None:
    assert figure(path, value, lang, change=change) == shown
