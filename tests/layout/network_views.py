"""Hand-made cases and shared checks for the netwerkkaart, netwerkschema, levenslijn and
sociogram layout tests."""

from __future__ import annotations

import itertools
import math

from hypothesis import strategies as st

from zorgkracht.domain import Case, LifeEvent, Network, Person, Point, Tie
from zorgkracht.domain.codes import Circle, Gender, NetworkZone, Quality, Role, Zone
from zorgkracht.layout.geometry import XY, Rect
from zorgkracht.layout.radial import Slot


def person(pid: str, **kw: object) -> Person:
    return Person(id=pid, name=kw.pop("name", pid.upper()), **kw)  # type: ignore[arg-type]


def map_case() -> Case:
    """A client and one member for each kind of place on the netwerkkaart and netwerkschema."""
    persons = [
        person("c", gender=Gender.FEMALE),
        person("mum", role=Role.PARENT, zone=Zone.NEIGHBOURHOOD, circle=Circle.INTIMACY),
        person("sis", role=Role.SIBLING, zone=Zone.NEIGHBOURHOOD, circle=Circle.INTIMACY),
        person("pal", role=Role.FRIEND, zone=Zone.TOWN, circle=Circle.FRIENDSHIP),
        person("doc", role=Role.PROFESSIONAL, zone=Zone.REGION, circle=Circle.SERVICES),
        person(
            "mate", role=Role.FELLOW_CLIENT, zone=Zone.OUTSIDE_REGION, circle=Circle.ACQUAINTANCE
        ),
        person("web", role=Role.FRIEND, zone=Zone.ONLINE, circle=Circle.FRIENDSHIP),
        person("via", role=Role.NEIGHBOUR, zone=Zone.TOWN, network_zone=NetworkZone.NOMINAL),
        person("once", role=Role.SERVICE, network_zone=NetworkZone.EXTENSIVE),
        person("who", gender=Gender.MALE),
        person("dog", pet="hond", role=Role.OTHER_FAMILY, zone=Zone.NEIGHBOURHOOD),
        person("gone", role=Role.GRANDPARENT, zone=Zone.TOWN, death_year=2001),
    ]
    return Case(id="map", title="Kaart", client="c", network=Network(persons=persons))


def crowded_case(count: int = 9) -> Case:
    """Many members in one cell, to make the ring grow."""
    persons = [person("c")] + [
        person(f"k{i}", role=Role.CHILD, zone=Zone.NEIGHBOURHOOD, circle=Circle.INTIMACY)
        for i in range(count)
    ]
    return Case(id="crowded", title="Vol", client="c", network=Network(persons=persons))


def angle_of(centre: XY, at: XY) -> float:
    """Degrees 0..360, 0 up, clockwise."""
    return math.degrees(math.atan2(at.x - centre.x, centre.y - at.y)) % 360.0


def in_span(angle: float, start: float, end: float) -> bool:
    a = (angle - start) % 360.0
    return 0.0 < a < (end - start)


def radius_of(centre: XY, at: XY) -> float:
    return math.dist((centre.x, centre.y), (at.x, at.y))


def assert_no_overlap(slots: list[Slot]) -> None:
    for a, b in itertools.combinations(slots, 2):
        assert not a.rect.overlaps(b.rect), (a.id, b.id)


def assert_unpinned_clear(slots: list[Slot]) -> None:
    """Persons the user did not place overlap no one (pinned persons may overlap each other)."""
    for a, b in itertools.combinations(slots, 2):
        if not (a.pinned and b.pinned):
            assert not a.rect.overlaps(b.rect), (a.id, b.id)


def assert_inside(rects: list[Rect], x: float, y: float, width: float, height: float) -> None:
    for r in rects:
        assert x <= r.x and r.right <= x + width, r
        assert y <= r.y and r.bottom <= y + height, r


roles = st.none() | st.sampled_from(Role)


@st.composite
def member_cases(draw: st.DrawFn, view: str, max_members: int = 14) -> Case:
    """Cases with many members, all map attributes, ties between members, events and some
    manual positions for ``view``."""
    n = draw(st.integers(0, max_members))
    persons = [person("c")]
    for i in range(n):
        persons.append(
            person(
                f"m{i}",
                gender=draw(st.sampled_from(Gender)),
                role=draw(roles),
                zone=draw(st.none() | st.sampled_from(Zone)),
                circle=draw(st.none() | st.sampled_from(Circle)),
                network_zone=draw(st.sampled_from(NetworkZone)),
                name=draw(st.text(min_size=1, max_size=30)),
            )
        )
    ids = [p.id for p in persons]
    pairs = list(itertools.combinations(ids, 2))
    ties = [
        Tie(
            id=f"t{k}",
            a=a,
            b=b,
            strength=draw(st.integers(1, 3)),
            quality=draw(st.sampled_from(Quality)),
        )
        for k, (a, b) in enumerate(
            draw(st.lists(st.sampled_from(pairs), unique=True, max_size=20)) if pairs else []
        )
    ]
    events = [
        LifeEvent(
            id=f"e{k}",
            year=draw(st.integers(1950, 2030)),
            title=draw(st.text(min_size=1, max_size=60)),
            valence=draw(st.integers(-3, 3)),
            persons=draw(st.lists(st.sampled_from(ids), unique=True, max_size=3)),
        )
        for k in range(draw(st.integers(0, 12)))
    ]
    targets = ids + [e.id for e in events]
    coords = st.floats(-2000, 2000, allow_nan=False, allow_infinity=False)
    pins = {
        pid: Point(x=draw(coords), y=draw(coords))
        for pid in draw(st.lists(st.sampled_from(targets), unique=True, max_size=2))
    }
    return Case(
        id="gen",
        title="gen",
        client="c",
        network=Network(persons=persons, ties=ties, events=events),
        positions={view: pins} if pins else {},
    )
