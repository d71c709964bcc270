"""PDF exports are documents: A4, a heading (view, case, client, date), the picture with its
legend, its table in words, page numbers; without the case and the client (and what is marked
sensitive) for a network meeting. Read back with pypdf (page sizes) and pdftotext (text)."""

from __future__ import annotations

import base64
import datetime as dt
import re
from pathlib import Path

import pytest

from tests.render.export_case import (
    CLIENT,
    LONG_FAMILY_NAME,
    LONG_NAME,
    SENSITIVE_NAME,
    SNAPSHOT,
    SNAPSHOT_LABEL,
    TITLE,
    case_data,
    is_a4,
    page_sizes,
    page_texts,
    tagged_language,
)
from zorgkracht.domain import Case
from zorgkracht.interchange.case_json import case_from_data
from zorgkracht.render.document import html_pdf, orientation, picture_size
from zorgkracht.render.export import svg_to_pdf
from zorgkracht.render.views import VIEWS, render_svg
from zorgkracht.services.pictures import case_at, picture_document

TODAY = dt.date(2026, 3, 5)
NAMES = {
    "nl": {
        "genogram": "Genogram",
        "ecogram": "Ecogram",
        "netwerkkaart": "Netwerkkaart",
        "netwerkschema": "Netwerkschema",
        "levenslijn": "Levenslijn",
        "sociogram": "Sociogram",
    },
    "en": {
        "genogram": "Genogram",
        "ecogram": "Ecogram",
        "netwerkkaart": "Network map",
        "netwerkschema": "Network schema",
        "levenslijn": "Life line",
        "sociogram": "Sociogram",
    },
}
DAY = {"nl": "5 maart 2026", "en": "March 5, 2026"}
CLIENT_LINE = {"nl": f"{TITLE} · cliënt: {CLIENT}", "en": f"{TITLE} · client: {CLIENT}"}
LEGEND = {"nl": "Legenda", "en": "Legend"}
PAGE = {"nl": "pagina {} van {}", "en": "page {} of {}"}
_LEGEND_TEXT = re.compile(r"<text\b[^>]*>([^<]+)</text>")


@pytest.fixture(scope="module")
def case() -> Case:
    return case_from_data(case_data())


def legend_labels(svg: str) -> list[str]:
    """The texts of the picture's legend (the SVG's ``<g class="legend">``)."""
    start = svg.index('<g class="legend"')
    return [" ".join(t.split()) for t in _LEGEND_TEXT.findall(svg[start:])]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("view", VIEWS)
def test_a_view_as_pdf_is_an_a4_document(case: Case, view: str, lang: str) -> None:
    pdf = picture_document(case, [view], lang=lang, today=TODAY)
    sizes = page_sizes(pdf)
    assert len(sizes) >= 2  # the picture, then its table
    assert tagged_language(pdf) == lang
    assert all(is_a4(size) for size in sizes), sizes
    texts = page_texts(pdf)
    assert len(texts) == len(sizes)
    first = texts[0]
    assert first.startswith(NAMES[lang][view] + " " + CLIENT_LINE[lang])
    assert DAY[lang] in first
    assert LEGEND[lang] in first
    # every label of the legend is on the picture's page, whole
    for label in legend_labels(render_svg(case, view, lang=lang)):
        assert label in first, label
    whole = " ".join(texts)
    assert (LONG_FAMILY_NAME if view == "genogram" else LONG_NAME) in whole
    assert SENSITIVE_NAME in whole or view in ("genogram", "levenslijn")
    for number, text in enumerate(texts, start=1):
        assert text.endswith(PAGE[lang].format(number, len(texts))), text[-60:]


def test_for_a_network_meeting_the_case_the_client_and_the_sensitive_are_left_out(
    case: Case,
) -> None:
    views = ["ecogram", "sociogram"]
    shown = picture_document(case, views, lang="nl", today=TODAY)
    meeting = picture_document(case, views, lang="nl", today=TODAY, hide_sensitive=True)
    assert SENSITIVE_NAME in " ".join(page_texts(shown))
    texts = page_texts(meeting)
    whole = " ".join(texts)
    assert SENSITIVE_NAME not in whole
    assert TITLE not in whole
    assert "cliënt:" not in whole
    assert all(is_a4(size) for size in page_sizes(meeting))
    first = texts[0]
    assert first.startswith(
        "Ecogram Datum: 5 maart 2026 (het netwerk van nu) Voor een netwerkberaad: "
        "wat als gevoelig is gemarkeerd, is weggelaten."
    )
    assert LONG_NAME in whole


def test_a_snapshot_is_dated_by_the_snapshot(case: Case) -> None:
    for lang, line in (
        ("nl", f"Momentopname “{SNAPSHOT_LABEL}”, datum van de momentopname: 5 maart 2024"),
        ("en", f"Snapshot “{SNAPSHOT_LABEL}”, date of the snapshot: March 5, 2024"),
    ):
        pdf = picture_document(
            case_at(case, SNAPSHOT), ["netwerkkaart"], lang=lang, snapshot=SNAPSHOT, today=TODAY
        )
        first = page_texts(pdf)[0]
        assert line in first
        assert "2026" not in first


def test_every_view_in_one_document_numbers_its_pages_throughout(case: Case) -> None:
    pdf = picture_document(case, VIEWS, lang="en", today=TODAY)
    texts = page_texts(pdf)
    sizes = page_sizes(pdf)
    assert all(is_a4(size) for size in sizes)
    headings = [t for t in texts if t.split(" ")[0] in ("Genogram", "Ecogram", "Network", "Life")]
    starts = [t for t in texts if CLIENT_LINE["en"] in t]
    assert len(starts) == len(VIEWS)
    assert [s.split(" · ")[0].removesuffix(" " + TITLE) for s in starts] == [
        NAMES["en"][v] for v in VIEWS
    ]
    assert len(headings) >= len(VIEWS)
    assert texts[-1].endswith(f"page {len(texts)} of {len(texts)}")


def test_the_orientation_follows_the_picture() -> None:
    wide = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="-10 0 1000 300"></svg>'
    tall = '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="1000"></svg>'
    square = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 500 500"></svg>'
    assert picture_size(wide) == (1000, 300)
    assert picture_size(tall) == (300, 1000)
    # A4 less 12 mm margins, 16 mm for the page numbers and a 30 mm heading:
    # portrait 186 x 239 mm, landscape 273 x 152 mm
    assert orientation(wide, 30) == ("landscape", 273, 152)
    assert orientation(tall, 30) == ("portrait", 186, 239)
    # square: portrait scales by 186/500, landscape by 152/500
    assert orientation(square, 30)[0] == "portrait"
    assert page_sizes(svg_to_pdf(wide)) == [pytest.approx((841.89, 595.28), abs=1)]
    assert page_sizes(svg_to_pdf(tall)) == [pytest.approx((595.28, 841.89), abs=1)]


def test_a_document_fetches_nothing_but_its_picture(tmp_path: Path) -> None:
    secret = tmp_path / "elders.svg"
    secret.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="20">'
        '<text y="15">Opgehaald</text></svg>',
        encoding="utf-8",
    )
    inline = "data:image/svg+xml;base64," + base64.b64encode(
        secret.read_text(encoding="utf-8").replace("Opgehaald", "Ingebed").encode()
    ).decode("ascii")
    html = f'<p>Tekst</p><img src="{secret.as_uri()}"><img src="{inline}">'
    text = " ".join(page_texts(html_pdf(html)))
    assert "Tekst" in text and "Ingebed" in text
    assert "Opgehaald" not in text
