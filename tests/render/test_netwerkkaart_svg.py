"""Netwerkkaart SVG: addressable persons, zones and sectors, legend, language, golden files."""

from __future__ import annotations

import pytest

from tests.layout.network_views import map_case
from tests.render.views_svg import (
    assert_accessible,
    assert_png,
    bbox_of,
    check_golden,
    demo,
    legend_keys,
    parse,
    persons_in,
)
from zorgkracht.layout.netwerkkaart import layout_netwerkkaart
from zorgkracht.render import netwerkkaart
from zorgkracht.render.views import render_svg, render_table


def test_every_drawn_person_carries_its_box_and_place() -> None:
    case = map_case()
    layout = layout_netwerkkaart(case)
    svg = netwerkkaart.render_svg(case)
    drawn = persons_in(svg)
    assert list(drawn) == ["c", *layout.ids()]
    for slot in [layout.client, *layout.persons]:
        assert slot is not None
        assert drawn[slot.id].attrib["data-bbox"] == bbox_of(slot)
    assert drawn["mum"].attrib["data-sector"] == "kin"
    assert drawn["mum"].attrib["data-zone"] == "neighbourhood"
    assert drawn["via"].attrib["data-area"] == "nominal"
    zones = [
        e.attrib["data-zone"]
        for e in parse(svg).iter()
        if "data-zone" in e.attrib and e.tag.endswith("circle")
    ]
    assert sorted(zones) == sorted(["neighbourhood", "town", "region", "outside_region", "online"])
    assert_accessible(svg, "Netwerkkaart")


def test_legend_lists_only_the_symbols_used() -> None:
    svg = netwerkkaart.render_svg(map_case())
    # in the legend's order (male, female, other, unknown), only what the map draws: no pet,
    # no one of gender "other", and the online ring because someone is reached online
    assert legend_keys(svg) == [
        "gender:male",
        "gender:female",
        "gender:unknown",
        "person:client",
        "zone:online",
    ]
    tavenier = netwerkkaart.render_svg(demo("tavenier"))
    assert legend_keys(tavenier) == [
        "gender:male",
        "gender:female",
        "gender:unknown",
        "person:client",
    ]
    assert "zone:online" not in legend_keys(tavenier)
    assert legend_keys(netwerkkaart.render_svg(map_case(), show_legend=False)) == []


def test_english_labels_with_lang_en() -> None:
    case = map_case()
    nl, en = netwerkkaart.render_svg(case), netwerkkaart.render_svg(case, lang="en")
    assert "Verwanten" in nl and "Legenda" in nl and "Nominaal netwerk" in nl
    assert "Kin" in en and "Legend" in en and "Nominal network" in en and "Verwanten" not in en
    assert_accessible(en, "Network map")
    rows = netwerkkaart.table(case, "en")
    assert {
        "kind": "person",
        "id": "mum",
        "who": "MUM",
        "details": "kin, neighbourhood (parent)",
    } in rows
    assert rows[0] == {"kind": "client", "id": "c", "who": "C", "details": "in the centre"}
    assert netwerkkaart.table(case)[1]["details"] == "verwanten, wijk (ouder)"


def test_views_module_draws_the_same() -> None:
    case = demo("tavenier")
    assert render_svg(case, "netwerkkaart") == netwerkkaart.render_svg(case)
    assert render_table(case, "netwerkkaart", lang="en") == netwerkkaart.table(case, "en")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_tavenier_matches_the_golden_file(lang: str) -> None:
    svg = netwerkkaart.render_svg(demo("tavenier"), lang=lang)
    check_golden(f"netwerkkaart-tavenier.{lang}.svg", svg)


def test_png_comes_from_the_svg() -> None:
    assert_png(netwerkkaart.render_svg(map_case()))
