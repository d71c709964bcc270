"""Netwerkschema layout: circles by closeness, segments by role, geometry for drag and drop."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings

from tests.layout.network_views import (
    angle_of,
    assert_inside,
    assert_no_overlap,
    assert_unpinned_clear,
    crowded_case,
    in_span,
    map_case,
    member_cases,
    radius_of,
)
from tests.strategies import cases as any_cases
from zorgkracht.domain import Case, Network, Person, Point
from zorgkracht.domain.codes import Circle, Segment
from zorgkracht.layout.geometry import XY, Rect
from zorgkracht.layout.netwerkschema import (
    NetwerkschemaLayout,
    circle_at,
    layout_netwerkschema,
    segment_at,
)
from zorgkracht.layout.radial import Slot

SEGMENT = {
    "family": (0.0, 90.0),
    "client_contacts": (90.0, 180.0),
    "professional": (180.0, 270.0),
    "society": (270.0, 360.0),
}


def assert_in_cell(layout: NetwerkschemaLayout, pid: str, circle: str, segment: str) -> None:
    slot = layout.slot(pid)
    start, end = SEGMENT[segment]
    assert in_span(angle_of(layout.centre, slot.anchor), start, end), pid
    ring = next(b for b in layout.rings if b.code == circle)
    assert ring.inner < radius_of(layout.centre, slot.anchor) < ring.outer, pid
    # the web application reads the same answer back from the geometry
    assert circle_at(layout, slot.anchor) is Circle(circle)
    assert segment_at(layout, slot.anchor) is Segment(segment)
    assert layout.placements[pid] == (circle, segment)


def with_client(layout: NetwerkschemaLayout) -> list[Slot]:
    return [*layout.persons, *([layout.client] if layout.client is not None else [])]


def everything(layout: NetwerkschemaLayout) -> list[Rect]:
    rects = [s.rect for s in layout.persons] + list(layout.labels.values())
    rects += [Rect(a.x, a.y, a.width, a.height) for a in layout.areas]
    if layout.client is not None:
        rects.append(layout.client.rect)
    return rects


def test_each_member_stands_in_its_circle_and_the_segment_of_its_role() -> None:
    layout = layout_netwerkschema(map_case())
    assert [b.code for b in layout.rings] == ["intimacy", "friendship", "acquaintance", "services"]
    assert_in_cell(layout, "mum", "intimacy", "family")
    assert_in_cell(layout, "sis", "intimacy", "family")
    assert_in_cell(layout, "pal", "friendship", "society")
    assert_in_cell(layout, "web", "friendship", "society")
    assert_in_cell(layout, "doc", "services", "professional")
    assert_in_cell(layout, "mate", "acquaintance", "client_contacts")
    # circle or role missing: in the area under the schema
    assert [a.members for a in layout.areas] == [("via", "once", "who")]
    assert layout.placements["who"] is None
    assert_no_overlap(with_client(layout))


def test_rings_touch_and_segments_cover_the_circle() -> None:
    layout = layout_netwerkschema(map_case())
    for a, b in zip(layout.rings, layout.rings[1:], strict=False):
        assert a.outer == b.inner
    assert layout.rings[0].inner == 70.0
    assert [(s.code, s.start, s.end) for s in layout.segments] == [
        ("family", 0.0, 90.0),
        ("client_contacts", 90.0, 180.0),
        ("professional", 180.0, 270.0),
        ("society", 270.0, 360.0),
    ]
    c = layout.centre
    assert circle_at(layout, c) is None
    assert circle_at(layout, XY(c.x, c.y - layout.radius - 1)) is None
    assert segment_at(layout, XY(10.0, -100.0)) is Segment.FAMILY  # up and a little right
    assert segment_at(layout, XY(10.0, 100.0)) is Segment.CLIENT_CONTACTS
    assert segment_at(layout, XY(-10.0, 100.0)) is Segment.PROFESSIONAL
    assert segment_at(layout, XY(-10.0, -100.0)) is Segment.SOCIETY


def test_empty_network_has_four_empty_rings() -> None:
    for case in (
        Case(id="none", title="t", client="c"),
        Case(id="one", title="t", client="c", network=Network(persons=[Person(id="c", name="C")])),
    ):
        layout = layout_netwerkschema(case)
        assert [(b.inner, b.outer) for b in layout.rings] == [
            (70.0, 114.0),
            (114.0, 158.0),
            (158.0, 202.0),
            (202.0, 246.0),
        ]
        assert_inside(everything(layout), layout.x, layout.y, layout.width, layout.height)


def test_a_crowded_circle_grows_and_keeps_its_members_in_the_family_segment() -> None:
    layout = layout_netwerkschema(crowded_case(10))
    for slot in layout.persons:
        assert_in_cell(layout, slot.id, "intimacy", "family")
    assert_no_overlap(with_client(layout))
    assert layout_netwerkschema(crowded_case(10)) == layout


def test_manual_position_is_the_centre_of_the_symbol() -> None:
    case = map_case()
    case.positions["netwerkschema"] = {"doc": Point(x=-30.5, y=400.0)}
    layout = layout_netwerkschema(case)
    slot = layout.slot("doc")
    assert slot.pinned and slot.anchor == XY(-30.5, 400.0)
    assert math.isclose(slot.symbol.x + slot.symbol.width / 2, -30.5)
    assert_no_overlap(with_client(layout))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(member_cases("netwerkschema"))
def test_generated_member_cases_never_overlap_and_fit_the_frame(case: Case) -> None:
    layout = layout_netwerkschema(case)
    slots = list(layout.persons) + ([layout.client] if layout.client else [])
    assert_unpinned_clear(slots)
    assert_inside(everything(layout), layout.x, layout.y, layout.width, layout.height)
    for slot in layout.persons:
        placed = layout.placements[slot.id]
        if placed is not None and not case.positions:  # a pin may push others outwards
            assert circle_at(layout, slot.anchor) is Circle(placed[0])
            assert segment_at(layout, slot.anchor) is Segment(placed[1])


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_cases(max_persons=8))
def test_any_case_lays_out(case: Case) -> None:
    layout = layout_netwerkschema(case)
    assert_no_overlap(with_client(layout))
    assert_inside(everything(layout), layout.x, layout.y, layout.width, layout.height)
