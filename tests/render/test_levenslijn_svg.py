"""Levenslijn SVG: addressable events, legend, language, golden files."""

from __future__ import annotations

import pytest

from tests.layout.test_levenslijn_layout import life_case
from tests.render.views_svg import (
    assert_accessible,
    assert_png,
    check_golden,
    demo,
    legend_keys,
    parse,
)
from zorgkracht.domain import Case, LifeEvent, Network
from zorgkracht.layout.levenslijn import layout_levenslijn
from zorgkracht.render import levenslijn
from zorgkracht.render.svg import num


def events_in(svg: str) -> dict[str, dict[str, str]]:
    return {
        e.attrib["data-event-id"]: dict(e.attrib)
        for e in parse(svg).iter()
        if "data-event-id" in e.attrib
    }


def test_every_event_carries_its_box_year_valence_and_persons() -> None:
    case = life_case()
    layout = layout_levenslijn(case)
    drawn = events_in(levenslijn.render_svg(case))
    assert list(drawn) == layout.ids()
    for box in layout.events:
        assert drawn[box.id]["data-bbox"] == (
            f"{num(box.x)} {num(box.y)} {num(box.width)} {num(box.height)}"
        )
    assert drawn["wed"]["data-person-ids"] == "c m"
    assert drawn["loss"]["data-valence"] == "-3" and drawn["loss"]["data-year"] == "1990"


def test_persons_concerned_are_named_in_the_label_and_the_table() -> None:
    case = life_case()
    svg = levenslijn.render_svg(case)
    assert "met Moeder" in svg  # the client is not repeated in every label
    rows = levenslijn.table(case, "en")
    assert rows[0] == {
        "kind": "event",
        "id": "loss",
        "who": "",
        "details": "1990: Verlies van werk (−3, negative)",
    }
    assert {
        "kind": "event",
        "id": "wed",
        "who": "Cliënt, Moeder",
        "details": "2000: Trouwen (+2, positive)",
    } in rows
    assert levenslijn.table(case)[1]["details"] == "2000-07-02: Kind (+1, positief)"


def test_legend_lists_only_the_kinds_of_event_used() -> None:
    assert legend_keys(levenslijn.render_svg(life_case())) == [
        "event:positive",
        "event:negative",
        "event:neutral",
        "event:intensity",
    ]
    only_good = Case(
        id="g",
        title="g",
        client="c",
        network=Network(events=[LifeEvent(id="e", year=2000, title="Feest", valence=3)]),
    )
    assert legend_keys(levenslijn.render_svg(only_good)) == ["event:positive", "event:intensity"]
    empty = levenslijn.render_svg(Case(id="e", title="e", client="c"))
    assert legend_keys(empty) == [] and "Nog geen levensgebeurtenissen" in empty


def test_english() -> None:
    en = levenslijn.render_svg(life_case(), lang="en")
    assert "positive event, above the line" in en and "with Moeder" in en and "Legend" in en
    assert_accessible(en, "Life line")
    assert_accessible(levenslijn.render_svg(life_case()), "Levenslijn")


@pytest.mark.parametrize("case_id", ["flodder", "tavenier"])
def test_demo_life_lines_match_the_golden_files(case_id: str) -> None:
    check_golden(f"levenslijn-{case_id}.nl.svg", levenslijn.render_svg(demo(case_id)))


def test_karel_in_english_matches_the_golden_file() -> None:
    check_golden("levenslijn-karel.en.svg", levenslijn.render_svg(demo("karel"), lang="en"))


def test_png_comes_from_the_svg() -> None:
    assert_png(levenslijn.render_svg(life_case()))


def test_the_table_marks_sensitive_events() -> None:
    rows = {r["id"]: r for r in levenslijn.table(demo("karel"))}
    sensitive = [e for e in demo("karel").network.events if e.sensitive]
    assert sensitive
    for event in sensitive:
        assert rows[event.id]["details"].endswith("(gevoelig)")
    assert sum(r["details"].endswith("(gevoelig)") for r in rows.values()) == len(sensitive)
