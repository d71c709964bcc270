"""Genogram SVG: addressable persons, the legend of used symbols, golden files, exports."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from tests.layout import cases
from tests.strategies import cases as any_cases
from zorgkracht.domain import Case
from zorgkracht.interchange.case_json import read_case
from zorgkracht.layout import GenogramLayout, layout_genogram
from zorgkracht.render import genogram_table, genogram_text, render_genogram_svg
from zorgkracht.render.export import svg_to_pdf, svg_to_png
from zorgkracht.render.svg import num

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "golden"
FLODDER = ROOT / "src" / "zorgkracht" / "demo" / "flodder.zorgkracht.json"
NS = {"svg": "http://www.w3.org/2000/svg"}


def persons_in(svg: str) -> dict[str, ET.Element]:
    root = ET.fromstring(svg.encode("utf-8"))
    return {g.attrib["data-person-id"]: g for g in root.iter() if "data-person-id" in g.attrib}


def legend_keys(svg: str) -> list[str]:
    root = ET.fromstring(svg.encode("utf-8"))
    return [g.attrib["data-symbol"] for g in root.iter() if "data-symbol" in g.attrib]


def assert_boxes_match(svg: str, layout: GenogramLayout, hidden: set[str]) -> None:
    drawn = persons_in(svg)
    assert set(drawn) == set(layout.ids()) - hidden
    for pid, g in drawn.items():
        box = layout.box(pid)
        expected = f"{num(box.x)} {num(box.y)} {num(box.width)} {num(box.height)}"
        assert g.attrib["data-bbox"] == expected


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_cases(max_persons=8))
def test_every_drawn_person_is_addressable_with_its_layout_box(case: Case) -> None:
    layout = layout_genogram(case)
    for lang in ("nl", "en"):
        svg = render_genogram_svg(case, layout, lang=lang, year=2020)
        assert_boxes_match(svg, layout, set())
    hidden = {p.id for p in case.network.persons if p.sensitive}
    svg = render_genogram_svg(case, layout, hide_sensitive=True, year=2020)
    assert_boxes_match(svg, layout, hidden)
    table = genogram_table(case, layout=layout, year=2020)
    assert [r["id"] for r in table if r["kind"] in ("persoon", "organisatie")] == layout.ids()


def test_legend_lists_exactly_the_symbols_used() -> None:
    case = cases.small_family()
    layout = layout_genogram(case)
    svg = render_genogram_svg(case, layout, year=2012)
    assert legend_keys(svg) == [
        "gender:male",
        "gender:female",
        "gender:other",
        "gender:unknown",
        "person:pet",
        "person:index",
        "person:deceased",
        "text:born",
        "text:died",
        "text:age",
        "identity:gay",
        "condition:physical_illness",
        "condition:mental_illness",
        "condition:substance_use",
        "state:in_recovery",
        "state:suspected",
        "couple:divorced",
        "couple:widowed",
        "child:biological",
        "child:adopted",
        "child:foster",
        "child:miscarriage",
        "emotion:close",
        "emotion:hostile",
        "emotion:cutoff",
        "emotion:care",
    ]
    hidden = render_genogram_svg(
        case, layout_genogram(case, hide_sensitive=True), hide_sensitive=True, year=2012
    )
    keys = legend_keys(hidden)
    assert "emotion:hostile" not in keys and "child:foster" not in keys
    assert "Tom" not in hidden


def test_legend_and_labels_follow_the_language() -> None:
    case = cases.twins_and_pet()
    layout = layout_genogram(case)
    nl = render_genogram_svg(case, layout, year=2012)
    en = render_genogram_svg(case, layout, lang="en", year=2012)
    assert "eeneiige tweeling" in nl and "Legenda" in nl
    assert "identical twins" in en and "Legend" in en
    assert legend_keys(nl) == legend_keys(en)
    rows = genogram_table(case, "en", layout=layout, year=2012)
    assert {
        "kind": "twins",
        "id": "a",
        "who": "Tweeling 1 and Tweeling 2",
        "details": "identical twins",
    } in rows


def test_names_are_escaped() -> None:
    case = cases.small_family()
    svg = render_genogram_svg(case, layout_genogram(case), year=2012)
    assert "Lisa &amp; &lt;Co&gt;" in svg
    assert persons_in(svg)["lisa"].find("svg:title", NS) is not None


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("ZORGKRACHT_UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text, f"{name} changed; see docs/genogram.md"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_small_family_matches_the_golden_file(lang: str) -> None:
    case = cases.small_family()
    svg = render_genogram_svg(case, layout_genogram(case), lang=lang, year=2012)
    check_golden(f"small-family.{lang}.svg", svg)


def test_flodder_matches_the_golden_file() -> None:
    case = read_case(FLODDER)
    layout = layout_genogram(case)
    svg = render_genogram_svg(case, layout, year=2012)
    check_golden("flodder.nl.svg", svg)
    check_golden("flodder.nl.txt", genogram_text(case, layout=layout, year=2012))
    drawn = persons_in(svg)
    assert "whiskey" in drawn and "opa" in drawn
    assert "sjakie" not in drawn  # the social worker is in the network, not in the family


def test_png_and_pdf_come_from_the_svg() -> None:
    case = cases.three_children()
    svg = render_genogram_svg(case, layout_genogram(case), year=2012)
    assert svg_to_png(svg).startswith(b"\x89PNG\r\n\x1a\n")
    assert svg_to_pdf(svg).startswith(b"%PDF")
