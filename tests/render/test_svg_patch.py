"""A picture in keyed parts, and the parts that changed between two drawings of it."""

from __future__ import annotations

import re

import pytest

from devtools.generators import network_case
from zorgkracht.domain import Case
from zorgkracht.render.svg_patch import changed_parts, join, patched, split
from zorgkracht.render.views import render_svg
from zorgkracht.services.edits import apply_edit

VIEWS = ("ecogram", "genogram", "netwerkschema", "netwerkkaart", "sociogram")


@pytest.fixture(scope="module")
def case() -> Case:
    return network_case(40)


def _centre(svg: str, person: str) -> tuple[float, float]:
    found = re.search(rf'data-person-id="{person}"[^>]*data-bbox="([^"]+)"', svg)
    assert found, person
    x, y, w, h = map(float, found.group(1).replace(",", " ").split())
    return x + w / 2, y + h / 2


@pytest.mark.parametrize("view", VIEWS)
def test_every_picture_splits_into_parts_that_give_it_back(case: Case, view: str) -> None:
    svg = render_svg(case, view)
    parts = split(svg)
    assert parts is not None
    assert join(parts) == svg
    # every person drawn is a part of its own, found by the attribute the page looks for
    drawn = set(re.findall(r'^    <g [^\n]*(data-person-id="[^"]+")', svg, re.M))
    assert drawn and drawn <= set(parts.keys)
    assert len(set(parts.keys)) == len(parts.keys)
    for key in parts.keys:
        assert parts.parts[key].startswith("    <g ")
        assert key in parts.parts[key].split("\n", 1)[0]


@pytest.mark.parametrize("view", ("ecogram", "netwerkschema", "netwerkkaart"))
def test_a_person_moved_a_little_changes_a_few_parts(case: Case, view: str) -> None:
    before = render_svg(case, view)
    person = "m3"
    x, y = _centre(before, person)
    op = {"op": "set_position", "view": view, "id": person, "x": x + 25, "y": y}
    moved = apply_edit(case, op)
    after = render_svg(moved.case, view)
    assert after != before
    old, new = split(before), split(after)
    assert old is not None and new is not None
    changes = changed_parts(old, new)
    assert changes is not None
    assert f'data-person-id="{person}"' in changes
    assert 0 < len(changes) < len(old.keys) // 2
    # the old picture with the changed parts put in is the new picture, byte for byte
    assert patched(old, changes) == after
    # and nothing that did not change is sent
    assert all(old.parts[k] != text for k, text in changes.items())


def test_a_person_added_changes_the_frame_so_the_whole_picture_is_sent(case: Case) -> None:
    before = render_svg(case, "ecogram")
    grown = apply_edit(case, {"op": "add_person", "name": "Truus", "role": "friend"})
    old, new = split(before), split(render_svg(grown.case, "ecogram"))
    assert old is not None and new is not None
    assert changed_parts(old, new) is None


def test_the_same_picture_has_no_changes(case: Case) -> None:
    svg = render_svg(case, "ecogram")
    old, new = split(svg), split(svg)
    assert old is not None and new is not None
    assert changed_parts(old, new) == {}


def test_text_not_laid_out_as_the_writer_does_has_no_parts() -> None:
    assert split("<svg><g/></svg>") is None  # nothing keyed
    twice = (
        "<svg>\n  <g>\n"
        '    <g data-person-id="a">\n      <rect/>\n    </g>\n'
        '    <g data-person-id="a">\n      <rect/>\n    </g>\n'
        "  </g>\n</svg>"
    )
    assert split(twice) is None  # a key twice
    unclosed = '<svg>\n  <g>\n    <g data-person-id="a">\n      <rect/>\n  </g>\n</svg>'
    assert split(unclosed) is None
    one = (
        '<svg>\n  <g>\n    <g class="x" data-tie-id="t1"/>\n'
        '    <g data-person-id="b">\n      <g data-person-id="c"/>\n    </g>\n  </g>\n</svg>'
    )
    parts = split(one)
    assert parts is not None
    assert parts.keys == ('data-tie-id="t1"', 'data-person-id="b"')
    assert join(parts) == one
