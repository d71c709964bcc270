"""Shared checks for the SVG tests of the netwerkkaart, netwerkschema, levenslijn and sociogram."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path

from zorgkracht.demo import demo_path
from zorgkracht.domain import Case
from zorgkracht.interchange.case_json import read_case
from zorgkracht.layout.radial import Slot
from zorgkracht.render.export import svg_to_png
from zorgkracht.render.svg import num
from zorgkracht.render.views import case_at

GOLDEN = Path(__file__).resolve().parent / "golden"
NS = {"svg": "http://www.w3.org/2000/svg"}


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg.encode("utf-8"))


def persons_in(svg: str) -> dict[str, ET.Element]:
    return {
        g.attrib["data-person-id"]: g for g in parse(svg).iter() if "data-person-id" in g.attrib
    }


def legend_keys(svg: str) -> list[str]:
    return [g.attrib["data-symbol"] for g in parse(svg).iter() if "data-symbol" in g.attrib]


def bbox_of(slot: Slot) -> str:
    return f"{num(slot.x)} {num(slot.y)} {num(slot.width)} {num(slot.height)}"


def assert_accessible(svg: str, title: str) -> None:
    root = parse(svg)
    assert root.attrib["role"] == "img"
    found = root.find("svg:title", NS)
    assert found is not None and found.text == title


def demo(case_id: str, snapshot: str | None = None) -> Case:
    return case_at(read_case(demo_path(case_id)), snapshot)


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("ZORGKRACHT_UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text, f"{name} changed; see docs/views.md"


def assert_png(svg: str) -> None:
    assert svg_to_png(svg, scale=0.5).startswith(b"\x89PNG\r\n\x1a\n")
