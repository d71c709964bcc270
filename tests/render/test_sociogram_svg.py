"""Sociogram SVG: persons, ties, bridges and clusters, legend, language, golden files; and
the same pictures whatever the hash seed."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.layout.test_sociogram_layout import two_triangles
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
from zorgkracht.domain.codes import Quality
from zorgkracht.layout.sociogram import layout_sociogram
from zorgkracht.render import sociogram
from zorgkracht.render.views import render_svg, render_table


def test_persons_ties_bridges_and_clusters_are_addressable() -> None:
    case = two_triangles()
    layout = layout_sociogram(case)
    svg = sociogram.render_svg(case)
    drawn = persons_in(svg)
    assert list(drawn) == ["me", *layout.ids()]
    for slot in [layout.client, *layout.persons]:
        assert slot is not None and drawn[slot.id].attrib["data-bbox"] == bbox_of(slot)
    assert drawn["a"].attrib["data-cluster"] == "1" and "data-cluster" not in drawn["g"].attrib
    root = parse(svg)
    ties = [e for e in root.iter() if e.attrib.get("class") == "tie"]
    assert len(ties) == 7
    bridges = [t.attrib["data-between"] for t in ties if t.attrib.get("data-bridge") == "true"]
    assert bridges == ["c d"]
    clusters = [
        e.attrib["data-members"]
        for e in root.iter()
        if "data-cluster" in e.attrib and e.attrib.get("class") == "cluster"
    ]
    assert clusters == ["a b c", "d e f"]


def test_legend_lists_only_the_symbols_used() -> None:
    assert legend_keys(sociogram.render_svg(two_triangles())) == [
        "gender:unknown",
        "person:client",
        "tie:positive",
        "tie:strength",
        "tie:bridge",
        "person:connector",
        "tie:client",
        "cluster",
    ]
    karel = legend_keys(sociogram.render_svg(demo("karel")))
    assert "tie:strength" not in karel and "tie:tense" not in karel and "tie:bridge" in karel


def test_table_names_bridges_and_groups_in_both_languages() -> None:
    rows = sociogram.table(two_triangles(), "en")
    assert {
        "kind": "tie",
        "id": "cd2",
        "who": "C — D",
        "details": "positive, very important (3 of 3), bridge",
    } in rows
    assert {"kind": "group", "id": "1", "who": "A, B, C", "details": "3 persons"} in rows
    assert {
        "kind": "person",
        "id": "c",
        "who": "C",
        "details": "group 1, connecting person",
    } in rows
    assert {"kind": "person", "id": "g", "who": "G", "details": "knows no other members"} in rows
    nl = sociogram.table(two_triangles())
    assert {
        "kind": "relatie",
        "id": "cd2",
        "who": "C — D",
        "details": "positief, heel belangrijk (3 van 3), brug",
    } in nl
    en = sociogram.render_svg(two_triangles(), lang="en")
    assert "bridge: without this tie" in en and "group 1" in en
    assert_accessible(en, "Sociogram")


def test_tavenier_matches_the_golden_file() -> None:
    check_golden("sociogram-tavenier.nl.svg", sociogram.render_svg(demo("tavenier")))


def test_karel_matches_the_golden_file() -> None:
    check_golden("sociogram-karel.en.svg", sociogram.render_svg(demo("karel"), lang="en"))


SCRIPT = """
import hashlib
from zorgkracht.demo import load_demo_cases
from zorgkracht.render import levenslijn, netwerkkaart, netwerkschema, sociogram
h = hashlib.sha256()
for case in load_demo_cases():
    for m in (netwerkkaart, netwerkschema, levenslijn, sociogram):
        h.update(m.render_svg(case).encode())
print(h.hexdigest())
"""


@pytest.mark.parametrize("seeds", [("1", "2")])
def test_pictures_do_not_depend_on_the_hash_seed(seeds: tuple[str, str]) -> None:
    out = [
        subprocess.run(
            [sys.executable, "-c", SCRIPT],
            env={"PYTHONHASHSEED": seed, "PATH": ""},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in seeds
    ]
    assert out[0] == out[1] and len(out[0].strip()) == 64


def test_png_comes_from_the_svg() -> None:
    assert_png(sociogram.render_svg(two_triangles()))


@pytest.mark.parametrize("view", ["netwerkkaart", "netwerkschema", "levenslijn", "sociogram"])
def test_the_views_module_draws_each_view_through_its_contract(view: str) -> None:
    import importlib

    module = importlib.import_module(f"zorgkracht.render.{view}")
    case = demo("karel", "later")
    assert render_svg(case, view, lang="en") == module.render_svg(case, lang="en")
    assert render_svg(case, view, show_legend=False) == module.render_svg(case, show_legend=False)
    assert render_table(case, view) == module.table(case)


def test_a_tense_tie_is_dotted_and_a_conflict_a_zigzag_as_in_the_book() -> None:
    """Book 1795: stippellijnen for tension, gekartelde lijnen for conflict; the legend says so."""
    case = two_triangles()
    qualities = {"ab": Quality.TENSE, "bc": Quality.CONFLICT}
    for tie in case.network.ties:
        tie.quality = qualities.get(tie.id, tie.quality)
    assert {t.id for t in case.network.ties} >= set(qualities)
    root = parse(sociogram.render_svg(case))
    lines = {
        g.attrib["data-tie-id"]: [p for p in g if p.tag.endswith("path")]
        for g in root.iter()
        if g.attrib.get("class") == "tie" and "data-between" in g.attrib
    }
    tense, conflict = lines["ab"][-1], lines["bc"][-1]
    width = float(tense.attrib["stroke-width"])
    dot, gap = (float(v) for v in tense.attrib["stroke-dasharray"].split())
    assert dot == width and gap == max(2 * width, 3.0)  # dots, not dashes
    assert "stroke-dasharray" not in conflict.attrib and conflict.attrib["d"].count("L") > 3
    texts = {
        g.attrib["data-symbol"]: " ".join(t.text or "" for t in g.iter() if t.tag.endswith("text"))
        for g in root.iter()
        if "data-symbol" in g.attrib
    }
    assert texts["tie:tense"] == "stippellijn: gespannen relatie tussen netwerkleden"
    assert texts["tie:conflict"] == "gekartelde lijn: conflictvolle relatie tussen netwerkleden"
