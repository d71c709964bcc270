"""The PDF exports of the web application are documents: A4, a heading with the view, the case,
the client and today's date (or the snapshot's), the picture with its legend, its table, page
numbers; for a network meeting without the case, the client and what is marked sensitive. Each
export is asked for twice (the second must work as the first)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.render.export_case import (
    CLIENT,
    LONG_FAMILY_NAME,
    LONG_NAME,
    SENSITIVE_NAME,
    SNAPSHOT,
    TITLE,
    case_data,
    is_a4,
    page_sizes,
    page_texts,
)
from zorgkracht.render.views import VIEWS

from .helpers import signed_in_client

NAMES = {
    "genogram": ("Genogram", "Genogram"),
    "ecogram": ("Ecogram", "Ecogram"),
    "netwerkkaart": ("Netwerkkaart", "Network map"),
    "netwerkschema": ("Netwerkschema", "Network schema"),
    "levenslijn": ("Levenslijn", "Life line"),
    "sociogram": ("Sociogram", "Sociogram"),
}
CLIENT_LINE_EN = f"client: {CLIENT}"
MONTHS_NL = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


def today_nl() -> str:
    day = dt.date.today()
    return f"{day.day} {MONTHS_NL[day.month - 1]} {day.year}"


def today_en() -> str:
    day = dt.date.today()
    return f"{day.strftime('%B')} {day.day}, {day.year}"


@pytest.fixture()
def client(tmp_path: Path) -> Iterator[TestClient]:
    with signed_in_client(tmp_path) as test_client:
        created = test_client.post("/api/cases", json=case_data())
        assert created.status_code == 201, created.text
        yield test_client


def pdf_of(client: TestClient, path: str, filename: str) -> bytes:
    """The PDF at ``path``, asked for twice: both answers are the same document."""
    answers = [client.get(path) for _ in range(2)]
    for answer in answers:
        assert answer.status_code == 200, answer.text
        assert answer.headers["content-type"] == "application/pdf"
        assert answer.headers["content-disposition"] == f'attachment; filename="{filename}"'
    texts = [page_texts(answer.content) for answer in answers]
    assert texts[0] == texts[1]
    return bytes(answers[1].content)


@pytest.mark.parametrize("view", VIEWS)
def test_each_view_downloads_as_an_a4_document(client: TestClient, view: str) -> None:
    for lang, name, line, day in (
        ("nl", NAMES[view][0], f"{TITLE} · cliënt: {CLIENT}", f"Datum: {today_nl()}"),
        ("en", NAMES[view][1], f"{TITLE} · client: {CLIENT}", f"Date: {today_en()}"),
    ):
        pdf = pdf_of(
            client, f"/cases/tavenier/export/{view}.pdf?lang={lang}", f"tavenier-{view}.pdf"
        )
        assert all(is_a4(size) for size in page_sizes(pdf))
        texts = page_texts(pdf)
        assert texts[0].startswith(f"{name} {line} {day}")
        assert ("Legenda" if lang == "nl" else "Legend") in texts[0]
        whole = " ".join(texts)
        assert (LONG_FAMILY_NAME if view == "genogram" else LONG_NAME) in whole
        pages = "pagina {} van {}" if lang == "nl" else "page {} of {}"
        for number, text in enumerate(texts, start=1):
            assert text.endswith(pages.format(number, len(texts)))


def test_for_a_network_meeting_and_of_a_snapshot(client: TestClient) -> None:
    pdf = pdf_of(
        client,
        "/cases/tavenier/export/ecogram.pdf?lang=nl&hide_sensitive=true",
        "tavenier-ecogram-zonder-gevoelig.pdf",
    )
    whole = " ".join(page_texts(pdf))
    assert whole.startswith("Ecogram Datum: ")
    assert "Voor een netwerkberaad" in whole
    assert SENSITIVE_NAME not in whole and TITLE not in whole and "cliënt:" not in whole
    shown = " ".join(page_texts(client.get("/cases/tavenier/export/ecogram.pdf?lang=nl").content))
    assert SENSITIVE_NAME in shown  # the same picture with everything

    pdf = pdf_of(
        client,
        f"/cases/tavenier/export/netwerkschema.pdf?lang=en&snapshot={SNAPSHOT}",
        f"tavenier-netwerkschema-{SNAPSHOT}.pdf",
    )
    assert "date of the snapshot: March 5, 2024" in page_texts(pdf)[0]


def test_every_view_in_one_document(client: TestClient) -> None:
    page = client.get("/cases/tavenier?lang=en").text
    assert 'href="/cases/tavenier/export/pictures.pdf?lang=en" download>' in page
    assert 'href="/cases/tavenier/export/pictures.pdf?lang=en&amp;hide_sensitive=true"' in page
    meeting = client.get("/cases/tavenier?lang=nl&hide_sensitive=true").text
    assert '/export/pictures.pdf?lang=nl&amp;hide_sensitive=true" download>' in meeting
    assert 'href="/cases/tavenier/export/pictures.pdf?lang=nl" download>' not in meeting
    pdf = pdf_of(
        client,
        "/cases/tavenier/export/pictures.pdf?lang=en&hide_sensitive=true",
        "tavenier-network-pictures-without-sensitive.pdf",
    )
    sizes = page_sizes(pdf)
    assert all(is_a4(size) for size in sizes)
    texts = page_texts(pdf)
    firsts = [t for t in texts if "For a network meeting: what is marked sensitive" in t]
    assert [t.removesuffix(t[t.index(" Date: ") :]) for t in firsts] == [NAMES[v][1] for v in VIEWS]
    whole = " ".join(texts)
    assert SENSITIVE_NAME not in whole and CLIENT_LINE_EN not in whole
    assert texts[-1].endswith(f"page {len(texts)} of {len(texts)}")
    assert client.get("/cases/nobody/export/pictures.pdf").status_code == 404
    assert client.get("/cases/tavenier/export/pictures.pdf?snapshot=nope").status_code == 404
