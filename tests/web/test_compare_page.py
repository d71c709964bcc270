"""The compare page: figures in the page's language, new and removed ties described by name."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from zorgkracht.services.analysing import figure

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
        "Nieuw: Jan – Marie (sterk, steun P G)",
        "Nieuw: Pauline – Marie (gewoon, steun G)",
        "Weg: Pauline – Piet (zwak, conflictvol)",
    ]
    assert "<td>Pauline – Jan</td>" in html
    assert "sterkte gewoon → sterk; steun erbij: E;" in html


def test_new_and_removed_ties_and_persons_are_described_by_name_in_english(
    client: TestClient,
) -> None:
    html = _page(client, "en")
    assert _items(html, "came") == ["New: Marie"]
    assert _items(html, "left") == ["Gone: Piet"]
    assert _items(html, "tie-changes") == [
        "New: Jan – Marie (strong, support P G)",
        "New: Pauline – Marie (normal, support G)",
        "Gone: Pauline – Piet (weak, conflict)",
    ]
    assert "strength normal → strong; support gained: E;" in html


def test_figures_are_percentages_and_numbers_in_the_page_language(client: TestClient) -> None:
    dutch = _measures(_page(client, "nl"))
    assert dutch["concentratie van de steun"] == ["100%", "66,7%", "-33,3%"]
    assert dutch["dichtheid (wie kent wie)"] == ["0%", "100%", "+100%"]
    assert dutch["banden tussen netwerkleden"] == ["0", "1", "+1"]
    assert dutch["losse groepjes"] == ["2", "1", "-1"]
    english = _measures(_page(client, "en"))
    assert english["concentration of support"] == ["100%", "66.7%", "-33.3%"]
    assert english["density (who knows whom)"] == ["0%", "100%", "+100%"]


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
