"""Levenslijn layout: years along the axis, positive events above, negative below, labels
stacked so that none overlap."""

from __future__ import annotations

import datetime as dt
import itertools
import math

from hypothesis import HealthCheck, given, settings

from tests.layout.network_views import assert_inside, member_cases
from tests.strategies import cases as any_cases
from zorgkracht.domain import Case, LifeEvent, Network, Person, Point
from zorgkracht.layout.levenslijn import (
    LevenslijnLayout,
    layout_levenslijn,
    wrap_title,
)


def life_case() -> Case:
    persons = [Person(id="c", name="Cliënt"), Person(id="m", name="Moeder")]
    events = [
        LifeEvent(id="wed", year=2000, title="Trouwen", valence=2, persons=["c", "m"]),
        LifeEvent(id="loss", year=1990, title="Verlies van werk", valence=-3),
        LifeEvent(id="move", year=2010, title="Verhuizing", valence=0),
        LifeEvent(id="ill", year=2000, title="Ziek", valence=-1),
        LifeEvent(id="born", year=2000, title="Kind", valence=1, date=dt.date(2000, 7, 2)),
    ]
    return Case(
        id="life", title="Leven", client="c", network=Network(persons=persons, events=events)
    )


def assert_labels_apart(layout: LevenslijnLayout) -> None:
    for a, b in itertools.combinations(layout.events, 2):
        assert not a.rect.overlaps(b.rect), (a.id, b.id)


def test_events_stand_at_their_year_above_or_below_by_valence() -> None:
    layout = layout_levenslijn(life_case())
    # years 1989 (one before the first) to 2012 (two after the last): 23 years of 1100/23 units
    per_year = 1100.0 / 23
    assert layout.axis_x0 == 0.0 and math.isclose(layout.axis_x1, 23 * per_year)
    assert [t.year for t in layout.ticks] == list(range(1989, 2013))
    assert all(t.labelled for t in layout.ticks)  # 48 units a year: room for every year
    e = {box.id: box for box in layout.events}
    # in time order: 1990, then 2000 undated (spread over the year per side), dated, 2010
    assert layout.ids() == ["loss", "born", "wed", "ill", "move"]
    assert math.isclose(e["loss"].marker.x, 1.5 * per_year)  # undated: middle of 1990
    assert math.isclose(e["wed"].marker.x, 11.5 * per_year)  # the only undated positive in 2000
    assert math.isclose(e["born"].marker.x, (11 + 183.5 / 366) * per_year)  # 2 July, leap year
    assert math.isclose(e["move"].marker.x, 21.5 * per_year)
    # above (y < 0) when positive or neutral, below when negative; farther when it weighed more
    assert [e[k].marker.y for k in ("wed", "born", "move", "ill", "loss")] == [
        -56.0,
        -36.0,
        -16.0,
        36.0,
        76.0,
    ]
    for box in layout.events:
        if box.above:
            assert box.y + box.height <= box.marker.y
        else:
            assert box.y >= box.marker.y
        assert box.x <= box.marker.x <= box.x + box.width  # the label stays over its stem
    assert_labels_apart(layout)


def test_labels_of_the_same_year_are_stacked_outwards() -> None:
    events = [
        LifeEvent(id=f"e{i}", year=2000, title=f"Gebeurtenis {i}", valence=2) for i in range(4)
    ]
    layout = layout_levenslijn(Case(id="s", title="s", client="c", network=Network(events=events)))
    assert_labels_apart(layout)
    tops = sorted(box.y for box in layout.events)
    assert len(set(tops)) > 1  # not all on one height: some were moved up
    assert all(box.y + box.height < 0 for box in layout.events)


def test_long_titles_are_wrapped_and_cut() -> None:
    assert wrap_title("Zoektocht naar moeder via de gemeentelijke administratie") == [
        "Zoektocht naar moeder via",
        "de gemeentelijke",
        "administratie",
    ]
    lines = wrap_title("a " * 60)
    assert len(lines) == 3 and lines[-1].endswith("…")


def test_no_events_gives_an_empty_axis() -> None:
    layout = layout_levenslijn(Case(id="e", title="e", client="c"))
    assert layout.events == () and layout.ticks == ()
    assert layout.width > 0 and layout.height > 0


def test_manual_position_is_the_centre_of_the_label_and_others_avoid_it() -> None:
    case = life_case()
    free = layout_levenslijn(case)
    wed = free.event("wed")
    centre = Point(x=wed.x + wed.width / 2, y=wed.y + wed.height / 2)
    case.positions["levenslijn"] = {"born": centre}
    layout = layout_levenslijn(case)
    born = layout.event("born")
    assert born.pinned
    assert (born.x + born.width / 2, born.y + born.height / 2) == (centre.x, centre.y)
    assert not layout.event("wed").rect.overlaps(born.rect)
    assert_labels_apart(layout)
    assert layout_levenslijn(case) == layout


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(member_cases("levenslijn"))
def test_generated_events_never_overlap_and_fit_the_frame(case: Case) -> None:
    layout = layout_levenslijn(case)
    pinned = {b.id for b in layout.events if b.pinned}
    for a, b in itertools.combinations(layout.events, 2):
        if not (a.id in pinned and b.id in pinned):
            assert not a.rect.overlaps(b.rect)
    assert_inside([b.rect for b in layout.events], layout.x, layout.y, layout.width, layout.height)
    year = {e.id: e.year for e in case.network.events}
    years = [year[b.id] for b in layout.events]
    assert years == sorted(years)
    for b in layout.events:
        event = next(e for e in case.network.events if e.id == b.id)
        assert b.above == (event.valence >= 0)
        assert (b.marker.y < 0) == (event.valence >= 0)
    assert layout_levenslijn(case) == layout


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_cases(max_persons=4))
def test_any_case_lays_out(case: Case) -> None:
    layout = layout_levenslijn(case)
    assert_labels_apart(layout)
    assert_inside([b.rect for b in layout.events], layout.x, layout.y, layout.width, layout.height)
