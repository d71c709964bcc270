"""Ecogram layout: hand-made cases, manual positions, determinism, and invariants over
generated cases (no overlapping boxes, every domain member inside its domain circle)."""

from __future__ import annotations

import itertools
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from tests.layout.strategies_family import families
from tests.strategies import cases as any_cases
from zorgkracht.domain import (
    Case,
    ChildRelation,
    CoupleRelation,
    Domain,
    Network,
    Person,
    Point,
    Tie,
)
from zorgkracht.domain.codes import Gender, Role
from zorgkracht.layout.ecogram import HOUSEHOLD, EcoCircle, EcogramLayout, layout_ecogram
from zorgkracht.layout.ecogram_types import FRIENDS, OTHER
from zorgkracht.layout.geometry import Rect

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
M, F = Gender.MALE, Gender.FEMALE


def family_case() -> Case:
    """A household of four, a work domain with two colleagues, an empty school domain, a friend
    in no domain with a tie, and an ex-partner who is only in the family tree."""
    net = Network(
        persons=[
            Person(id="anna", name="Anna", gender=F, birth_year=1980),
            Person(id="bram", name="Bram", gender=M, birth_year=1979),
            Person(id="kim", name="Kim", gender=F, birth_year=2012),
            Person(id="tim", name="Tim", gender=M, birth_year=2008),
            Person(id="ex", name="Vorige partner", gender=M, role=Role.PARTNER),
            Person(id="col1", name="Collega Els", gender=F, role=Role.COLLEAGUE),
            Person(id="col2", name="Collega Jan", gender=M, role=Role.COLLEAGUE),
            Person(id="friend", name="Vriendin Sara", gender=F, role=Role.FRIEND),
        ],
        household=["anna", "bram", "kim", "tim"],
        couples=[
            CoupleRelation(id="c1", a="anna", b="bram", start_year=2005),
            CoupleRelation(id="c0", a="anna", b="ex", start_year=1999, end_year=2003),
        ],
        children=[
            ChildRelation(id="k1", child="kim", parents=["anna", "bram"]),
            ChildRelation(id="k2", child="tim", parents=["anna", "bram"]),
        ],
        domains=[
            Domain(id="werk", name="Werk", members=["col1", "col2"]),
            Domain(id="school", name="School"),
        ],
        ties=[
            Tie(id="t1", a="anna", b="col1"),
            Tie(id="t2", a="anna", b="school"),
            Tie(id="t3", a="anna", b="friend"),
            Tie(id="t4", a="col1", b="col2"),
        ],
    )
    return Case(id="t", title="t", client="anna", network=net)


def inside(rect: Rect, c: EcoCircle) -> bool:
    corners = [(rect.x, rect.y), (rect.right, rect.y), (rect.x, rect.bottom)]
    corners.append((rect.right, rect.bottom))
    return all(math.hypot(x - c.cx, y - c.cy) <= c.r + 1e-6 for x, y in corners)


def clear_of(rect: Rect, c: EcoCircle) -> bool:
    """No point of ``rect`` lies inside the circle."""
    nx = min(max(c.cx, rect.x), rect.right)
    ny = min(max(c.cy, rect.y), rect.bottom)
    return math.hypot(nx - c.cx, ny - c.cy) >= c.r - 1e-6


def assert_invariants(case: Case, layout: EcogramLayout) -> None:
    for a, b in itertools.combinations(layout.persons, 2):
        assert not a.rect.overlaps(b.rect), (a.id, b.id)
    for c1, c2 in itertools.combinations(layout.circles, 2):
        assert math.hypot(c1.cx - c2.cx, c1.cy - c2.cy) >= c1.r + c2.r, (c1.id, c2.id)
    hub = layout.circle(HOUSEHOLD)
    placed: set[str] = set()
    for p in layout.persons:
        if p.group == HOUSEHOLD:
            assert inside(p.rect, hub), p.id
        else:
            assert clear_of(p.rect, hub), p.id
    for d in case.network.domains:
        circle = layout.circle(d.id)
        for m in d.members:
            if m in placed or layout.person(m).group == HOUSEHOLD:
                continue
            placed.add(m)
            assert layout.person(m).group == d.id
            assert inside(layout.person(m).rect, circle), (m, d.id)
    for p in layout.persons:
        assert inside(p.rect, layout.circle(p.group)), p.id


def test_family_case_is_laid_out_as_the_book_draws_an_ecogram() -> None:
    case = family_case()
    layout = layout_ecogram(case)
    assert_invariants(case, layout)
    # the friend in no domain gets the circle of friends (book ch. 4), not a catch-all circle
    assert [c.id for c in layout.circles] == [HOUSEHOLD, "werk", "school", FRIENDS]
    hub = layout.circle(HOUSEHOLD)
    assert (hub.cx, hub.cy) == (0.0, 0.0)
    # the ex-partner is only in the family tree: genogram, not ecogram
    assert "ex" not in layout.ids()
    assert layout.person("friend").group == FRIENDS
    # the first domain sits straight above the client system, the others clockwise
    werk, school = layout.circle("werk"), layout.circle("school")
    assert abs(werk.cx) < 1e-9 and werk.cy < 0
    assert school.cx > 0
    # parents side by side above their children; children oldest left
    anna, bram = layout.person("anna"), layout.person("bram")
    kim, tim = layout.person("kim"), layout.person("tim")
    assert anna.y == bram.y and abs(anna.x - bram.x) > 0
    assert kim.y == tim.y > anna.y + anna.height
    assert tim.x < kim.x
    assert [c.type for c in layout.couples] == ["married"]
    assert {d.child for d in layout.descents} == {"kim", "tim"}
    # ties: the client's ties start at the rim of the central circle
    by_id = {t.id: t for t in layout.ties}
    assert set(by_id) == {"t1", "t2", "t3", "t4"}
    start = by_id["t2"].start
    assert math.hypot(start.x, start.y) == pytest.approx(hub.r)
    assert by_id["t2"].rim_a and not by_id["t4"].rim_a
    end = by_id["t2"].end
    assert math.hypot(end.x - school.cx, end.y - school.cy) == pytest.approx(school.r)


def test_ties_between_domains_to_an_own_domain_and_twice_between_two_ends() -> None:
    case = family_case()
    case.network.ties = [
        Tie(id="dd", a="werk", b="school"),
        Tie(id="own", a="col1", b="werk"),
        Tie(id="x1", a="anna", b="friend"),
        Tie(id="x2", a="anna", b="friend"),
    ]
    layout = layout_ecogram(case)
    lines = {t.id: t for t in layout.ties}
    werk, school = layout.circle("werk"), layout.circle("school")
    dd = lines["dd"]
    assert math.hypot(dd.start.x - werk.cx, dd.start.y - werk.cy) == pytest.approx(werk.r)
    assert math.hypot(dd.end.x - school.cx, dd.end.y - school.cy) == pytest.approx(school.r)
    own = lines["own"]  # a short line from the colleague to the rim of her own domain
    assert math.hypot(own.end.x - werk.cx, own.end.y - werk.cy) == pytest.approx(werk.r)
    assert own.control is None
    assert lines["x1"].control != lines["x2"].control  # two ties, two separate lines


def test_the_domain_title_is_on_the_far_side() -> None:
    layout = layout_ecogram(family_case())
    werk = layout.circle("werk")  # above the centre: title on top, colleagues below it
    assert all(werk.title_top < layout.person(m).y for m in werk.members)


def test_a_person_in_two_domains_is_drawn_once_in_the_first() -> None:
    case = family_case()
    case.network.domains[1].members = ["col2"]
    layout = layout_ecogram(case)
    assert layout.ids().count("col2") == 1
    assert layout.person("col2").group == "werk"
    assert layout.circle("school").members == ()


def test_a_household_member_listed_in_a_domain_stays_in_the_centre() -> None:
    case = family_case()
    case.network.domains[1].members = ["kim"]
    layout = layout_ecogram(case)
    assert layout.person("kim").group == HOUSEHOLD
    assert_invariants(case, layout)


def test_manual_positions_are_kept() -> None:
    case = family_case()
    before = layout_ecogram(case)
    case.positions["ecogram"] = {"friend": Point(x=900.0, y=-40.0), "werk": Point(x=0, y=-700)}
    layout = layout_ecogram(case)
    friend = layout.person("friend")
    assert (friend.centre.x, friend.centre.y) == (900.0, -40.0) and friend.pinned
    werk = layout.circle("werk")
    assert (werk.cx, werk.cy) == (0.0, -700.0) and werk.pinned
    old = before.circle("werk")
    for m in werk.members:  # the colleagues moved with their domain
        moved = layout.person(m)
        assert moved.x - before.person(m).x == pytest.approx(werk.cx - old.cx)
        assert moved.y - before.person(m).y == pytest.approx(werk.cy - old.cy)
    assert layout.person("anna") == before.person("anna")


def test_the_same_case_gives_the_same_layout_whatever_the_hash_seed() -> None:
    script = (
        "from zorgkracht.demo import load_demo_cases\n"
        "from zorgkracht.layout.ecogram import layout_ecogram\n"
        "for case in load_demo_cases():\n"
        "    print(repr(layout_ecogram(case)))\n"
    )
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1]
    assert layout_ecogram(family_case()) == layout_ecogram(family_case())


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_cases(max_persons=8))
def test_generated_cases_keep_boxes_apart_and_members_in_their_circle(case: Case) -> None:
    assert_invariants(case, layout_ecogram(case))


@SETTINGS
@given(families())
def test_generated_families_fit_in_the_central_circle(case: Case) -> None:
    layout = layout_ecogram(case)
    assert_invariants(case, layout)
    hub = set(layout.circle(HOUSEHOLD).members)
    assert hub == {case.client, *case.network.household}


def test_remembered_bows_give_the_same_layout_after_an_edit() -> None:
    """The bows of the previous layout are reused when nobody moved; the result is the same as
    a layout from scratch, after an edit that moves nobody and after one that moves someone."""
    from zorgkracht.layout.memo import forget

    case = family_case()
    layout_ecogram(case)
    tie = case.network.ties[0]
    tie.strength = 1 if tie.strength != 1 else 3  # moves nobody: the memo is used
    remembered = layout_ecogram(case)
    forget()
    assert layout_ecogram(case) == remembered
    first = case.network.persons[1].id
    case.positions["ecogram"] = {first: Point(x=400.0, y=-300.0)}  # moves someone
    moved = layout_ecogram(case)
    forget()
    assert layout_ecogram(case) == moved
    assert moved != remembered


def test_persons_in_no_domain_are_grouped_by_their_role() -> None:
    """Family, friends, neighbours, work, help and acquaintances each get their own circle;
    only a person without a role goes to *anderen / others*."""
    case = family_case()
    case.network.persons += [
        Person(id="aunt", name="Tante Jo", role=Role.OTHER_FAMILY),
        Person(id="nb", name="Buurman Piet", role=Role.NEIGHBOUR),
        Person(id="gp", name="Huisarts", role=Role.PROFESSIONAL),
        Person(id="who", name="Iemand"),
    ]
    case.network.ties += [
        Tie(id=f"x{n}", a="anna", b=pid) for n, pid in enumerate(["aunt", "nb", "gp", "who"])
    ]
    layout = layout_ecogram(case)
    assert_invariants(case, layout)
    groups = {pid: layout.person(pid).group for pid in ("aunt", "nb", "gp", "who", "friend")}
    assert groups == {
        "aunt": "_family",
        "nb": "_neighbours",
        "gp": "_help",
        "who": OTHER,
        "friend": FRIENDS,
    }
    titles = {c.id: c.title for c in layout.circles if c.kind == "other"}
    assert titles["_family"] == ("Familie", "Family") and titles[OTHER] == ("Anderen", "Others")
