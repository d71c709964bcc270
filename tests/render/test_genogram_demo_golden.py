"""Golden files of the demo genograms (Tavenier, Karel, Fatima, Ada, Pauline) in Dutch and English.

After an intended change to the pictures: ``ZORGKRACHT_UPDATE_GOLDEN=1 .venv/bin/pytest -q
tests/render``, then look at the new pictures before committing them (docs/genogram.md).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from tests.render.test_genogram_svg import check_golden, persons_in
from zorgkracht.demo import load_demo_cases
from zorgkracht.domain import Case
from zorgkracht.layout import layout_genogram
from zorgkracht.render import genogram_text, render_genogram_svg

YEAR = 2012


def demo(case_id: str) -> Case:
    return next(c for c in load_demo_cases() if c.id == case_id)


@pytest.mark.parametrize("case_id", ["tavenier", "karel", "fatima", "ada", "pauline"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_demo_genogram_matches_the_golden_file(case_id: str, lang: str) -> None:
    case = demo(case_id)
    layout = layout_genogram(case)
    svg = render_genogram_svg(case, layout, lang=lang, year=YEAR)
    check_golden(f"{case_id}.{lang}.svg", svg)
    check_golden(f"{case_id}.{lang}.txt", genogram_text(case, lang, layout=layout, year=YEAR))


def test_demo_genograms_show_the_family_and_leave_the_others_to_the_ecogram() -> None:
    tavenier = render_genogram_svg(demo("tavenier"), layout_genogram(demo("tavenier")), year=YEAR)
    assert set(persons_in(tavenier)) == {
        "pieter",
        "lina",
        "dochter",
        "zoon",
        "jongste",
        "moeder_pieter",
        "broer_pieter",
        "zus_pieter",
        "moeder_lina",
    }
    karel = render_genogram_svg(demo("karel"), layout_genogram(demo("karel")), year=YEAR)
    assert set(persons_in(karel)) == {"karel", "hondje", "vader", "moeder"}


def test_texts_keep_clear_of_the_index_persons_second_outline() -> None:
    # Pieter is the index person; his box is at y=156, the outer outline from y+10 to y+58.
    case = demo("tavenier")
    layout = layout_genogram(case)
    box = layout.box("pieter")
    pieter = persons_in(render_genogram_svg(case, layout, year=YEAR))["pieter"]
    texts = {t.text: float(t.attrib["y"]) for t in pieter.iter("{http://www.w3.org/2000/svg}text")}
    assert texts["*1969"] == box.y + 6  # baseline 4 above the outline's top edge (y + 10)
    assert texts["Pieter Tavenier"] == box.y + 70  # cap height ~8: clear of its bottom (y + 58)
    lina = persons_in(render_genogram_svg(case, layout, year=YEAR))["lina"]
    lina_texts = [float(t.attrib["y"]) for t in lina.iter("{http://www.w3.org/2000/svg}text")]
    assert layout.box("lina").y + 10 in lina_texts  # not the index person: no extra room


def test_the_golden_pictures_are_well_formed() -> None:
    for case_id in ("tavenier", "karel"):
        case = demo(case_id)
        svg = render_genogram_svg(case, layout_genogram(case), lang="en", year=YEAR)
        assert ET.fromstring(svg.encode("utf-8")).tag == "{http://www.w3.org/2000/svg}svg"
