"""Ecogram SVG: addressable persons and domains, tie line styles, support letters, the legend
of used symbols, both languages, the view contract, golden files of the book's cases."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from tests.layout.test_ecogram_layout import family_case
from tests.strategies import cases as any_cases
from zorgkracht.demo import load_demo_cases
from zorgkracht.domain import Case, Tie
from zorgkracht.domain.codes import Direction, Quality, Support
from zorgkracht.layout.ecogram import EcogramLayout, layout_ecogram
from zorgkracht.render import ecogram
from zorgkracht.render.ecogram import render_ecogram_svg
from zorgkracht.render.ecogram_table import ecogram_table, ecogram_text
from zorgkracht.render.export import svg_to_png
from zorgkracht.render.svg import num
from zorgkracht.render.views import case_at, render_svg, render_table

GOLDEN = Path(__file__).resolve().parent / "golden"
NS = {"svg": "http://www.w3.org/2000/svg"}


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg.encode("utf-8"))


def marked(svg: str, attr: str) -> dict[str, ET.Element]:
    return {el.attrib[attr]: el for el in parse(svg).iter() if attr in el.attrib}


def legend_keys(svg: str) -> list[str]:
    return [el.attrib["data-symbol"] for el in parse(svg).iter() if "data-symbol" in el.attrib]


def bbox(x: float, y: float, w: float, h: float) -> str:
    return f"{num(x)} {num(y)} {num(w)} {num(h)}"


def assert_addressable(svg: str, layout: EcogramLayout) -> None:
    persons = marked(svg, "data-person-id")
    assert set(persons) == set(layout.ids())
    for p in layout.persons:
        assert persons[p.id].attrib["data-bbox"] == bbox(p.x, p.y, p.width, p.height)
        assert persons[p.id].find("svg:title", NS) is not None
    domains = marked(svg, "data-domain-id")
    expected = {c.id: c for c in layout.circles if c.kind == "domain"}
    assert set(domains) == set(expected)
    for did, c in expected.items():
        assert domains[did].attrib["data-bbox"] == bbox(c.cx - c.r, c.cy - c.r, 2 * c.r, 2 * c.r)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_cases(max_persons=8))
def test_every_drawn_person_and_domain_is_addressable_with_its_layout_box(case: Case) -> None:
    layout = layout_ecogram(case)
    for lang in ("nl", "en"):
        assert_addressable(render_ecogram_svg(case, layout, lang=lang, year=2020), layout)
    rows = ecogram_table(case, layout=layout, year=2020)
    people = [r["id"] for r in rows if r["kind"] in ("cliëntsysteem", "persoon", "organisatie")]
    assert sorted(people) == sorted(layout.ids())


def styled_case() -> Case:
    """The family case with one tie of each quality, strength and direction."""
    case = family_case()
    case.network.ties = [
        Tie(
            id="pos",
            a="anna",
            b="col1",
            strength=1,
            quality=Quality.POSITIVE,
            direction=Direction.TO_CLIENT,
            support={Support.EMOTIONAL, Support.PRACTICAL, Support.COMPANIONSHIP},
            reciprocal=True,
        ),
        Tie(
            id="tense",
            a="anna",
            b="school",
            strength=2,
            quality=Quality.TENSE,
            direction=Direction.BOTH,
        ),
        Tie(id="conf", a="anna", b="friend", strength=3, quality=Quality.CONFLICT),
    ]
    return case


def is_straight(d: str) -> bool:
    """Do all points of a path ``M x y L x y ...`` lie on one straight line?"""
    pts = [tuple(float(v) for v in part.split()) for part in d[1:].split("L")]
    (x0, y0), (x1, y1) = pts[0], pts[-1]
    return all(abs((x1 - x0) * (y - y0) - (y1 - y0) * (x - x0)) < 0.05 * 300 for x, y in pts)


def tie_paths(svg: str) -> dict[str, tuple[ET.Element, list[ET.Element], list[ET.Element]]]:
    """Each tie: its group, its line paths and its arrowheads."""
    out = {}
    for tid, g in marked(svg, "data-tie-id").items():
        paths = [el for el in g if el.tag.endswith("path")]
        heads = [el for el in g if el.tag.endswith("polygon")]
        out[tid] = (g, paths, heads)
    return out


def test_line_style_thickness_and_arrows_follow_the_tie() -> None:
    case = styled_case()
    svg = render_ecogram_svg(case, layout_ecogram(case), year=2020)
    ties = tie_paths(svg)
    pos, tense, conf = ties["pos"], ties["tense"], ties["conf"]
    # positive: one solid line; tense: dotted, the book's stippellijn (1795): dots as long as
    # the line is wide (3.5), gaps twice that; conflict: a zigzag of many short segments
    assert "stroke-dasharray" not in pos[1][0].attrib
    assert tense[1][0].attrib["stroke-dasharray"] == "3.5 7"
    assert "stroke-dasharray" not in conf[1][0].attrib
    assert is_straight(pos[1][0].attrib["d"]) and is_straight(tense[1][0].attrib["d"])
    assert not is_straight(conf[1][0].attrib["d"]) and conf[1][0].attrib["d"].count("L") > 8
    # thickness for strength 1, 2, 3
    assert [t[1][0].attrib["stroke-width"] for t in (pos, tense, conf)] == ["1.5", "3.5", "6"]
    # arrowheads: to the client one, both ways two, none none
    assert [len(t[2]) for t in (pos, tense, conf)] == [1, 2, 0]
    assert [t[0].attrib["data-quality"] for t in (pos, tense, conf)] == [
        "positive",
        "tense",
        "conflict",
    ]


def test_support_letters_are_written_on_the_line_in_the_books_order() -> None:
    case = styled_case()
    svg = render_ecogram_svg(case, layout_ecogram(case), year=2020)
    support = marked(svg, "data-support")
    assert set(support) == {"PGE ⇄"}
    texts = [el.text for el in support["PGE ⇄"].iter() if el.tag.endswith("text")]
    assert texts == ["PGE ⇄", "PGE ⇄"]  # halo and letters


def test_a_household_members_tie_from_the_rim_names_the_member() -> None:
    case = family_case()
    case.network.ties = [Tie(id="b", a="bram", b="col2"), Tie(id="a", a="anna", b="col1")]
    svg = render_ecogram_svg(case, layout_ecogram(case), year=2020)
    ties = marked(svg, "data-tie-id")
    texts = {
        tid: [el.text for el in g.iter() if el.tag.endswith("text")] for tid, g in ties.items()
    }
    assert texts == {"b": ["Bram", "Bram"], "a": []}  # the client's own tie needs no name


def test_legend_lists_exactly_the_symbols_used() -> None:
    case = styled_case()
    svg = render_ecogram_svg(case, layout_ecogram(case), year=2020)
    assert legend_keys(svg) == [
        "circle:household",
        "circle:domain",
        "circle:other",
        "gender:male",
        "gender:female",
        "person:client",
        "text:age",
        "couple:married",
        "child:biological",
        "quality:positive",
        "quality:tense",
        "quality:conflict",
        "strength:1",
        "strength:2",
        "strength:3",
        "direction:to_client",
        "direction:both",
        "support:P",
        "support:G",
        "support:E",
        "tie:reciprocal",
    ]
    bare = render_ecogram_svg(case, layout_ecogram(case), year=2020, show_legend=False)
    assert legend_keys(bare) == []


def test_english_labels_with_lang_en() -> None:
    case = styled_case()
    layout = layout_ecogram(case)
    nl = render_ecogram_svg(case, layout, year=2020)
    en = render_ecogram_svg(case, layout, lang="en", year=2020)
    # the friend in no domain is in the circle of friends, titled in the page's language
    assert "Legenda" in nl and ">Vrienden<" in nl and "gekartelde lijn: conflictvolle relatie" in nl
    assert "stippellijn: gespannen relatie" in nl and "middeldikke lijn: belangrijk" in nl
    assert "Legend" in en and ">Friends<" in en and "zigzag line: tie in conflict" in en
    assert "dotted line: tense tie" in en and "medium line: important" in en
    assert ">Vrienden<" not in en and "Legenda" not in en
    assert legend_keys(nl) == legend_keys(en)
    rows = ecogram_table(case, "en", layout=layout, year=2020)
    assert {
        "kind": "tie",
        "id": "pos",
        "who": "Anna ← Collega Els",
        "details": "positive, less important (1 of 3), to the client, support: "
        "P practical support, "
        "G companionship, E emotional support, the client gives something back",
    } in rows
    assert rows[0] == {
        "kind": "client system",
        "id": "anna",
        "who": "Anna",
        "details": "client, female, age 40",
    }


def test_the_picture_is_an_image_with_a_title_and_escapes_names() -> None:
    case = family_case()
    case.network.persons[0].name = "Anna & <Co>"
    svg = render_ecogram_svg(case, layout_ecogram(case), year=2020)
    root = parse(svg)
    assert root.attrib["role"] == "img"
    assert root.find("svg:title", NS) is not None
    assert "Anna &amp; &lt;Co&gt;" in svg


def test_the_view_contract_goes_through_views() -> None:
    case = styled_case()
    assert render_svg(case, "ecogram") == ecogram.render_svg(case)
    assert render_svg(case, "ecogram", show_legend=False) == render_ecogram_svg(
        case, layout_ecogram(case), show_legend=False
    )
    assert render_table(case, "ecogram", lang="en") == ecogram.table(case, lang="en")
    assert svg_to_png(ecogram.render_svg(case)).startswith(b"\x89PNG\r\n\x1a\n")


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("ZORGKRACHT_UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text, f"{name} changed; see docs/ecogram.md"


def demo(case_id: str) -> Case:
    return next(c for c in load_demo_cases() if c.id == case_id)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_flodder_matches_the_golden_file(lang: str) -> None:
    case = demo("flodder")
    layout = layout_ecogram(case)
    svg = render_ecogram_svg(case, layout, lang=lang, year=2012)
    check_golden(f"ecogram-flodder.{lang}.svg", svg)
    check_golden(f"ecogram-flodder.{lang}.txt", ecogram_text(case, lang, year=2012))
    persons = marked(svg, "data-person-id")
    assert "whiskey" in persons and "sjakie" in persons and "man1" not in persons
    assert layout.person("sjakie").group == "d_sociaal_werk"


@pytest.mark.parametrize(("snapshot", "year"), [("start", 2006), ("later", 2011)])
def test_karels_two_ecograms_match_the_golden_files(snapshot: str, year: int) -> None:
    case = case_at(demo("karel"), snapshot)
    svg = render_ecogram_svg(case, layout_ecogram(case), year=year)
    check_golden(f"ecogram-karel-{snapshot}.nl.svg", svg)
    check_golden(f"ecogram-karel-{snapshot}.nl.txt", ecogram_text(case, year=year))
    persons = marked(svg, "data-person-id")
    assert ("cafevrienden" in persons) == (snapshot == "start")
    assert ("hulpverlener" in persons) == (snapshot == "later")
