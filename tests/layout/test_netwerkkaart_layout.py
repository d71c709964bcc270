"""Netwerkkaart layout: sectors by role, zones by reachability, areas outside the circle."""

from __future__ import annotations

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
)
from tests.strategies import cases as any_cases
from zorgkracht.domain import Case, Network, Person, Point
from zorgkracht.layout.geometry import XY, Rect
from zorgkracht.layout.netwerkkaart import NetwerkkaartLayout, layout_netwerkkaart
from zorgkracht.layout.radial import Slot

SECTOR = {"kin": (300.0, 420.0), "friendly": (60.0, 180.0), "services": (180.0, 300.0)}


def band(layout: NetwerkkaartLayout, zone: str) -> tuple[float, float]:
    ring = next(b for b in layout.rings if b.code == zone)
    return ring.inner, ring.outer


def corners(slot: Slot) -> list[XY]:
    r = slot.rect
    return [XY(x, y) for x in (r.x, r.right) for y in (r.y, r.bottom)]


def assert_in_cell(layout: NetwerkkaartLayout, pid: str, sector: str, zone: str) -> None:
    slot = layout.slot(pid)
    start, end = SECTOR[sector]
    assert in_span(angle_of(layout.centre, slot.anchor), start, end), pid
    inner, outer = band(layout, zone)
    for corner in corners(slot):
        d = ((corner.x - layout.centre.x) ** 2 + (corner.y - layout.centre.y) ** 2) ** 0.5
        assert d <= outer, (pid, d, outer)
    r = slot.rect
    nearest = XY(min(max(0.0, r.x), r.right), min(max(0.0, r.y), r.bottom))
    assert (nearest.x**2 + nearest.y**2) ** 0.5 >= inner, pid
    assert layout.placements[pid].sector == sector and layout.placements[pid].zone == zone


def with_client(layout: NetwerkkaartLayout) -> list[Slot]:
    return [*layout.persons, *([layout.client] if layout.client is not None else [])]


def everything(layout: NetwerkkaartLayout) -> list[Rect]:
    rects = [s.rect for s in layout.persons] + list(layout.labels.values())
    rects += [Rect(a.x, a.y, a.width, a.height) for a in layout.areas]
    if layout.client is not None:
        rects.append(layout.client.rect)
    c, r = layout.centre, layout.radius
    return [*rects, Rect(c.x - r, c.y - r, 2 * r, 2 * r)]


def test_each_member_stands_in_the_sector_of_its_role_and_the_ring_of_its_zone() -> None:
    layout = layout_netwerkkaart(map_case())
    assert layout.client is not None and layout.client.anchor == XY(0.0, 0.0)
    assert [b.code for b in layout.rings] == [
        "neighbourhood",
        "town",
        "region",
        "outside_region",
        "online",
    ]
    assert_in_cell(layout, "mum", "kin", "neighbourhood")
    assert_in_cell(layout, "sis", "kin", "neighbourhood")
    assert_in_cell(layout, "pal", "friendly", "town")
    assert_in_cell(layout, "doc", "services", "region")
    assert_in_cell(layout, "mate", "friendly", "outside_region")
    assert_in_cell(layout, "web", "friendly", "online")
    areas = {a.code: a.members for a in layout.areas}
    assert areas == {"nominal": ("via",), "extensive": ("once",), "unplaced": ("who",)}
    for a in layout.areas:
        assert a.y > layout.radius  # under the circle
        for pid in a.members:
            box = layout.slot(pid).rect
            assert a.x <= box.x and box.right <= a.x + a.width
            assert a.y <= box.y and box.bottom <= a.y + a.height
    # pets and deceased persons are not members of the network
    assert layout.ids() == ["mum", "sis", "pal", "doc", "mate", "web", "via", "once", "who"]
    assert_no_overlap(with_client(layout))


def test_empty_rings_have_a_fixed_width_from_the_centre_circle() -> None:
    only_client = Case(
        id="one", title="t", client="c", network=Network(persons=[Person(id="c", name="C")])
    )
    for case in (Case(id="none", title="t", client="c"), only_client):
        layout = layout_netwerkkaart(case)
        assert [(b.code, b.inner, b.outer) for b in layout.rings] == [
            ("neighbourhood", 70.0, 114.0),
            ("town", 114.0, 158.0),
            ("region", 158.0, 202.0),
            ("outside_region", 202.0, 246.0),
        ]
        assert layout.persons == () and layout.areas == ()
        assert_inside(everything(layout), layout.x, layout.y, layout.width, layout.height)
    assert layout_netwerkkaart(only_client).client is not None
    assert layout_netwerkkaart(Case(id="none", title="t", client="c")).client is None


def test_a_crowded_cell_widens_its_ring_and_keeps_everyone_apart() -> None:
    layout = layout_netwerkkaart(crowded_case(12))
    assert len(layout.persons) == 12
    for slot in layout.persons:
        assert_in_cell(layout, slot.id, "kin", "neighbourhood")
    inner, outer = band(layout, "neighbourhood")
    assert outer - inner > 150.0
    assert_no_overlap(with_client(layout))


def test_same_case_same_layout() -> None:
    assert layout_netwerkkaart(map_case()) == layout_netwerkkaart(map_case())


def test_manual_positions_are_kept_and_others_make_room() -> None:
    case = map_case()
    free = layout_netwerkkaart(case)
    mum = free.slot("mum").anchor
    case.positions["netwerkkaart"] = {"pal": Point(x=mum.x, y=mum.y), "who": Point(x=900, y=-40)}
    layout = layout_netwerkkaart(case)
    assert layout.slot("pal").anchor == mum and layout.slot("pal").pinned
    assert layout.slot("who").anchor == XY(900.0, -40.0)
    assert layout.slot("mum").anchor != mum  # moved out of the way
    assert_no_overlap(with_client(layout))
    assert_inside(everything(layout), layout.x, layout.y, layout.width, layout.height)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(member_cases("netwerkkaart"))
def test_generated_member_cases_never_overlap_and_fit_the_frame(case: Case) -> None:
    layout = layout_netwerkkaart(case)
    slots = list(layout.persons) + ([layout.client] if layout.client else [])
    assert_unpinned_clear(slots)
    assert_inside(everything(layout), layout.x, layout.y, layout.width, layout.height)
    assert layout_netwerkkaart(case) == layout


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_cases(max_persons=8))
def test_any_case_lays_out(case: Case) -> None:
    layout = layout_netwerkkaart(case)
    slots = list(layout.persons) + ([layout.client] if layout.client else [])
    assert_no_overlap(slots)
    assert_inside(everything(layout), layout.x, layout.y, layout.width, layout.height)
