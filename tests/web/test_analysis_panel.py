"""The analysis panel of the case page: the client's wish first, the care the client gives,
energy, "hoeveel rust op één persoon" and reference figures as context (issue 12)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from zorgkracht.demo import demo_path
from zorgkracht.domain.codes import CareTask, Energy, Quality, Wish
from zorgkracht.domain.model import Tie
from zorgkracht.i18n import translations
from zorgkracht.web import deps

from .helpers import signed_in_client


@pytest.fixture()
def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    # Karel now, with his wishes and energy set on the case as loaded (whatever the storage
    # keeps): less of the colleagues, energy from the neighbour, and care he gives his mother.
    real = deps.load_case

    def with_fields(*args: Any, **kwargs: Any) -> Any:
        record = real(*args, **kwargs)
        net = record.case.network
        net.person("collegas").wish = Wish.LESS
        net.person("buurvrouw").energy = Energy.GIVES
        net.person("overbuur").energy = Energy.COSTS
        mother = next(t for t in net.ties if t.b == "moeder")
        mother.client_care_hours_per_week = 10
        mother.client_care_months = 6
        mother.client_care_tasks = {CareTask.TRANSPORT}
        net.ties.append(Tie(id="t_werk", a="karel", b="d_werk", quality=Quality.TENSE))
        return record

    monkeypatch.setattr("zorgkracht.web.case_routes.load_case", with_fields)
    with signed_in_client(tmp_path) as test_client:
        created = test_client.post("/api/cases", json=json.loads(demo_path("karel").read_text()))
        assert created.status_code == 201, created.text
        yield test_client


def _texts(html: str, css_class: str) -> list[str]:
    found: list[str] = []
    for block in re.findall(rf'<ul class="{css_class}">(.*?)</ul>', html, re.S):
        for item in re.findall(r"<li[^>]*>(.*?)</li>", block, re.S):
            found.append(" ".join(unescape(re.sub(r"<[^>]+>", "", item)).split()))
    return found


def test_the_panel_in_dutch(client: TestClient) -> None:
    for _ in range(2):
        html = client.get("/cases/karel?lang=nl").text
        radio = _texts(html, "radio")
        assert radio[0].startswith("Collega's begraafplaats: afstand nemen — U wilt minder")
        assert not any("Collega's begraafplaats: deblokkeren" in r for r in radio)
        assert _texts(html, "client-care") == [
            f"Karel → Moeder: 10 uur per week, 6 maanden ({CareTask.TRANSPORT.nl})"
        ]
        assert _texts(html, "energy") == ["Geeft energie: Buurvrouw", "Kost energie: Overbuur"]
        assert "Hoeveel rust op één persoon" in html
        assert "het gaat erom wat de contacten voor de cliënt betekenen" in html
        assert 'data-signal="CLIENT_CARER_LOAD"' in html
        carer = html[html.index('data-signal="CLIENT_CARER_LOAD"') :]
        carer = carer[: carer.index("</li>")]
        concerns = translations("nl").gettext("Concerns:")
        assert "Zorg gegeven door: Karel" in carer and f"{concerns} Moeder" in carer
        conflict = html[html.index('data-signal="CONFLICT_TIES"') :]
        conflict = unescape(conflict[: conflict.index("</li>")])
        # a tense tie with the domain of his work counts and is named with the colleagues
        assert "Collega's begraafplaats" in conflict
        assert "Werk: gemeentelijke begraafplaats" in conflict


def test_the_panel_in_english(client: TestClient) -> None:
    html = client.get("/cases/karel?lang=en").text
    assert _texts(html, "radio")[0].startswith(
        "Collega's begraafplaats: afstand nemen (take distance) — You want less"
    )
    assert _texts(html, "energy") == ["Gives energy: Buurvrouw", "Costs energy: Overbuur"]
    assert "How much rests on one person" in html
