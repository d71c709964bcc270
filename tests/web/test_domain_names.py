"""Domains the interview makes are stored by their kind's code (nobody typed a name) and show
their standard name in the page's language on the case page and in the pictures; a domain with
a name of its own shows that name in every language."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from zorgkracht.domain.codes import DomainKind
from zorgkracht.domain.model import Domain
from zorgkracht.render.domain_names import STANDARD_NAMES, domain_label, has_own_name, unnamed
from zorgkracht.services.interview_steps import NAME_STEPS, ROLE_DOMAINS

from .helpers import signed_in_client

CASE: dict[str, Any] = {
    "format": "zorgkracht/1",
    "id": "kim",
    "title": "Netwerk van Kim",
    "client": "p1",
    "network": {"persons": [{"id": "p1", "name": "Kim", "gender": "female"}]},
}


def _version(client: TestClient) -> int:
    return int(client.get("/api/cases/kim").headers["etag"].strip('"'))


def _add(client: TestClient, step: str, name: str) -> None:
    answer = client.post(
        f"/cases/kim/interview/names/{step}",
        data={"version": str(_version(client)), "name": name},
        headers={"Accept": "application/json"},
    )
    assert answer.status_code in (200, 303), answer.text


@pytest.fixture()
def client(tmp_path: Path) -> Iterator[TestClient]:
    with signed_in_client(tmp_path) as test_client:
        created = test_client.post("/api/cases", json=CASE)
        assert created.status_code == 201, created.text
        _add(test_client, "work", "Sanne")
        _add(test_client, "neighbours", "Jolanda")
        yield test_client


def _domain_names(svg: str) -> list[str]:
    """The domain names an ecogram shows (each is drawn twice: halo and text)."""
    start = svg.index('class="domain-names"')
    block = svg[start : svg.index("</g>", start)]
    return sorted({unescape(t) for t in re.findall(r"<text [^>]*>([^<]+)</text>", block)})


def test_the_case_file_keeps_the_codes_not_dutch_names(client: TestClient) -> None:
    stored = client.get("/api/cases/kim").json()["network"]["domains"]
    assert sorted((d["name"], d["kind"]) for d in stored) == [
        ("neighbourhood", "neighbourhood"),
        ("work", "work"),
    ]


@pytest.mark.parametrize(
    ("lang", "shown", "hidden"),
    [
        ("en", ["Neighbourhood", "Work or school"], ["Buurt", "Werk of school"]),
        ("nl", ["Buurt", "Werk of school"], ["Neighbourhood", "Work or school"]),
    ],
)
def test_the_ecogram_and_the_case_page_show_the_standard_names_in_the_page_language(
    client: TestClient, lang: str, shown: list[str], hidden: list[str]
) -> None:
    svg = client.get(f"/cases/kim/export/ecogram.svg?lang={lang}").text
    assert _domain_names(svg) == shown
    page = client.get(f"/cases/kim?view=ecogram&lang={lang}").text
    assert _domain_names(page) == shown
    domains = page[page.index('class="domain-list"') :]
    domains = domains[: domains.index("</ul>")]
    assert sorted(re.findall(r"<strong>([^<]+)</strong>", domains)) == shown
    table = page[page.index('id="fragment-table"') :]
    for name in shown:
        assert name in table
    for name in hidden:
        assert name not in page


def test_a_renamed_domain_shows_its_own_name_in_every_language(client: TestClient) -> None:
    stored = client.get("/api/cases/kim").json()["network"]["domains"]
    work = next(d["id"] for d in stored if d["kind"] == "work")
    answer = client.post(
        "/api/cases/kim/edits",
        json={"op": "rename_domain", "id": work, "name": "Bakkerij"},
        headers={"If-Match": client.get("/api/cases/kim").headers["etag"]},
    )
    assert answer.status_code == 200, answer.text
    for lang, neighbourhood in (("en", "Neighbourhood"), ("nl", "Buurt")):
        svg = client.get(f"/cases/kim/export/ecogram.svg?lang={lang}").text
        assert _domain_names(svg) == sorted(["Bakkerij", neighbourhood])


def test_domain_label() -> None:
    coded = Domain(id="d1", name="work", kind=DomainKind.WORK)  # as the interview stores it
    assert domain_label(coded, "en") == "Work or school"
    assert domain_label(coded, "nl") == "Werk of school"
    assert not has_own_name(coded)
    work = Domain(id="d1", name="Werk of school", kind=DomainKind.WORK)  # as it used to
    assert domain_label(work, "en") == "Work or school"
    english = Domain(id="d1", name="Work or school", kind=DomainKind.WORK)
    assert domain_label(english, "nl") == "Werk of school"
    other_kind = Domain(id="d1", name="Werk of school", kind=DomainKind.CLUB)
    assert domain_label(other_kind, "en") == "Werk of school"
    assert has_own_name(other_kind)
    own = Domain(id="d1", name="Familie Bloem", kind=DomainKind.FAMILY)
    assert domain_label(own, "en") == "Familie Bloem"
    family = Domain(id="d1", name="family", kind=DomainKind.FAMILY)
    assert domain_label(family, "nl") == "Familie"
    assert domain_label(family, "en") == "Family"
    # a kind the interview never makes is named by its code's label
    housing = Domain(id="d1", name="housing", kind=DomainKind.HOUSING)
    assert domain_label(housing, "nl") == "Wonen"
    assert domain_label(housing, "en") == "Housing"


def test_every_domain_the_interview_makes_has_a_standard_name() -> None:
    kinds = {step.domain for step in NAME_STEPS} | set(ROLE_DOMAINS.values())
    kinds.discard(None)
    assert kinds == {
        DomainKind.FAMILY,
        DomainKind.FRIENDS,
        DomainKind.NEIGHBOURHOOD,
        DomainKind.WORK,
        DomainKind.CLUB,
        DomainKind.SOCIAL_WORK,
    }
    for kind in kinds:
        assert kind in STANDARD_NAMES
        assert unnamed(kind) == kind.value
