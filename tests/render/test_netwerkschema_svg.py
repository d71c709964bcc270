"""Netwerkschema SVG: the geometry for drag and drop, persons, legend, language, golden files."""

from __future__ import annotations

import itertools
import math

import pytest

from tests.layout.network_views import map_case
from tests.render.views_svg import (
    NS,
    assert_accessible,
    assert_png,
    bbox_of,
    check_golden,
    demo,
    legend_keys,
    parse,
    persons_in,
)
from zorgkracht.layout.netwerkschema import layout_netwerkschema
from zorgkracht.render import netwerkschema


def centre_of(box: str) -> tuple[float, float]:
    x, y, w, _h = (float(v) for v in box.split())
    return x + w / 2, y + 15.0  # the symbol (30 high) is at the top of the box


def test_the_svg_carries_centre_rings_and_segments() -> None:
    case = demo("karel", "later")
    svg = netwerkschema.render_svg(case)
    root = parse(svg)
    schema = root.find(".//svg:g[@class='zk-schema']", NS)
    assert schema is not None and schema.attrib["data-center"] == "0 0"
    rings = [e for e in schema.iter() if "data-circle" in e.attrib]
    assert [r.attrib["data-circle"] for r in rings] == [
        "intimacy",
        "friendship",
        "acquaintance",
        "services",
    ]
    assert [r.attrib["data-circle-number"] for r in rings] == ["1", "2", "3", "4"]
    bounds = [(float(r.attrib["data-r-inner"]), float(r.attrib["data-r-outer"])) for r in rings]
    assert bounds[0][0] == 70.0
    for (_i1, o1), (i2, _o2) in itertools.pairwise(bounds):
        assert o1 == i2
    segments = [e for e in schema.iter() if "data-segment" in e.attrib and e.tag.endswith("path")]
    assert [
        (s.attrib["data-segment"], s.attrib["data-angle-start"], s.attrib["data-angle-end"])
        for s in segments
    ] == [
        ("family", "0", "90"),
        ("client_contacts", "90", "180"),
        ("professional", "180", "270"),
        ("society", "270", "360"),
    ]
    # a person's circle and segment can be read back from the attributes alone
    drawn = persons_in(svg)
    for pid, g in drawn.items():
        if "data-circle" not in g.attrib:
            continue
        cx, cy = centre_of(g.attrib["data-bbox"])
        r = math.hypot(cx, cy)
        angle = math.degrees(math.atan2(cx, -cy)) % 360
        ring = next(
            b
            for b, code in zip(bounds, rings, strict=True)
            if code.attrib["data-circle"] == g.attrib["data-circle"]
        )
        assert ring[0] <= r < ring[1], pid
        seg = next(s for s in segments if s.attrib["data-segment"] == g.attrib["data-segment"])
        assert float(seg.attrib["data-angle-start"]) <= angle < float(seg.attrib["data-angle-end"])


def test_every_drawn_person_carries_its_box() -> None:
    case = map_case()
    layout = layout_netwerkschema(case)
    drawn = persons_in(netwerkschema.render_svg(case))
    assert list(drawn) == ["c", *layout.ids()]
    for slot in [layout.client, *layout.persons]:
        assert slot is not None and drawn[slot.id].attrib["data-bbox"] == bbox_of(slot)
    assert drawn["who"].attrib["data-area"] == "unplaced"


def test_legend_and_language() -> None:
    case = demo("karel", "start")
    nl, en = netwerkschema.render_svg(case), netwerkschema.render_svg(case, lang="en")
    assert legend_keys(nl) == ["gender:male", "gender:female", "gender:unknown", "person:client"]
    assert legend_keys(nl) == legend_keys(en)
    assert "1 intimiteit" in nl and "Familie (3)" in nl
    assert "1 intimacy" in en and "Family (3)" in en and "Legend" in en
    assert_accessible(nl, "Netwerkschema")
    assert_accessible(en, "Network schema")
    rows = netwerkschema.table(case, "en")
    assert {
        "kind": "person",
        "id": "vriendin",
        "who": "Vriendin",
        "details": "circle 1 intimacy, family (partner)",
    } in rows


@pytest.mark.parametrize("snapshot", ["start", "later"])
def test_karel_at_both_snapshots_matches_the_golden_files(snapshot: str) -> None:
    svg = netwerkschema.render_svg(demo("karel", snapshot))
    check_golden(f"netwerkschema-karel-{snapshot}.nl.svg", svg)


def test_karel_later_in_english_matches_the_golden_file() -> None:
    check_golden(
        "netwerkschema-karel-later.en.svg",
        netwerkschema.render_svg(demo("karel", "later"), lang="en"),
    )


def test_png_comes_from_the_svg() -> None:
    assert_png(netwerkschema.render_svg(map_case()))
